//! Style resolution: what a paragraph or character style means to Verbatim, found by style id,
//! name or first alias (case-, space- and punctuation-insensitive), through `basedOn` chains.

use std::collections::HashMap;

use super::ImportError;
use super::run_props::RunProps;
use super::types::ParaRole;
use super::xml::{Ns, SafeReader, XmlEvent, attr};

/// A Verbatim role a style can play.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StyleRole {
    /// Pocket heading.
    Pocket,
    /// Hat heading.
    Hat,
    /// Block heading.
    Block,
    /// Tag.
    Tag,
    /// Analytic paragraph.
    Analytic,
    /// Undertag paragraph.
    Undertag,
    /// Cite (a character style; legacy templates also have a `Cites` paragraph style).
    Cite,
    /// Underline character style.
    Underline,
    /// Emphasis character style.
    Emphasis,
}

/// Lower-case letters and digits only: "heading 4", "Heading4" and "HEADING-4" agree.
pub(crate) fn normalize(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The role a normalized style id, name or alias names, including legacy template names.
fn role_of(norm: &str) -> Option<StyleRole> {
    Some(match norm {
        "heading1" | "pocket" => StyleRole::Pocket,
        "heading2" | "hat" => StyleRole::Hat,
        "heading3" | "block" | "blockheading" | "blockheadings" => StyleRole::Block,
        "heading4" | "tag" | "tags" => StyleRole::Tag,
        "analytic" | "analytics" => StyleRole::Analytic,
        "undertag" => StyleRole::Undertag,
        "style13ptbold" | "cite" | "cites" | "authordate" => StyleRole::Cite,
        "styleunderline" | "underline" | "debateunderline" => StyleRole::Underline,
        "emphasis" => StyleRole::Emphasis,
        _ => return None,
    })
}

/// The paragraph role of a style role; character-only roles give none.
fn para_role(role: StyleRole) -> Option<ParaRole> {
    Some(match role {
        StyleRole::Pocket => ParaRole::Pocket,
        StyleRole::Hat => ParaRole::Hat,
        StyleRole::Block => ParaRole::Block,
        StyleRole::Tag => ParaRole::Tag,
        StyleRole::Analytic => ParaRole::Analytic,
        StyleRole::Undertag => ParaRole::Undertag,
        StyleRole::Cite => ParaRole::Cite,
        StyleRole::Underline | StyleRole::Emphasis => return None,
    })
}

/// The heading an outline level (0-based, as in `w:outlineLvl`) shows as; 4 and deeper are
/// not Verbatim levels (9 is body text).
pub(crate) fn outline_role(level: u8) -> ParaRole {
    match level {
        0 => ParaRole::Pocket,
        1 => ParaRole::Hat,
        2 => ParaRole::Block,
        3 => ParaRole::Tag,
        _ => ParaRole::Body,
    }
}

/// The role a style itself names: by id, else by name, else by its first alias (Word shows the
/// first; later aliases are leftovers of pasted styles and contradict, e.g. heading 4's list
/// holds "heading 2"). A linked character style "X Char" means what "X" means.
fn own_role(def: &StyleDef) -> Option<StyleRole> {
    let by = |s: &str| {
        let n = normalize(s);
        role_of(&n).or_else(|| n.strip_suffix("char").and_then(role_of))
    };
    by(&def.id)
        .or_else(|| def.name.as_deref().and_then(by))
        .or_else(|| def.first_alias.as_deref().and_then(by))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Character,
    Other,
}

#[derive(Debug)]
struct StyleDef {
    kind: Kind,
    id: String,
    name: Option<String>,
    first_alias: Option<String>,
    based_on: Option<String>,
    outline_level: Option<u8>,
    props: RunProps,
    default: bool,
}

/// A style with its chain applied.
#[derive(Clone, Debug)]
struct Resolved {
    para: ParaRole,
    role: Option<StyleRole>,
    props: RunProps,
}

/// The styles of one document, resolved once.
#[derive(Debug, Default)]
pub(crate) struct StyleSheet {
    by_id: HashMap<String, Resolved>,
    default_para: Option<ParaRole>,
}

impl StyleSheet {
    /// Reads `word/styles.xml`.
    pub(crate) fn parse(xml: &str, part: &str, max_depth: usize) -> Result<Self, ImportError> {
        let defs = read_defs(xml, part, max_depth)?;
        Ok(resolve_all(defs))
    }

    /// The role of a paragraph with style `id` (or the default paragraph style when `None`)
    /// and direct outline level `outline`. The style decides when it has a role; otherwise a
    /// direct outline level 0–3 makes a heading.
    pub(crate) fn paragraph_role(&self, id: Option<&str>, outline: Option<u8>) -> ParaRole {
        let by_style = match id {
            Some(id) => match self.by_id.get(id) {
                Some(r) => r.para,
                None => role_of(&normalize(id)).and_then(para_role).unwrap_or(ParaRole::Body),
            },
            None => self.default_para.unwrap_or(ParaRole::Body),
        };
        match (by_style, outline) {
            (ParaRole::Body, Some(level)) => outline_role(level),
            (role, _) => role,
        }
    }

    /// The role and inherited properties of character style `id`. An id missing from the
    /// sheet is still recognised by its spelling (e.g. "StyleUnderline").
    pub(crate) fn character_style(&self, id: &str) -> (Option<StyleRole>, RunProps) {
        match self.by_id.get(id) {
            Some(r) => (r.role, r.props.clone()),
            None => {
                let role = role_of(&normalize(id))
                    .filter(|r| matches!(r, StyleRole::Cite | StyleRole::Underline | StyleRole::Emphasis));
                (role, RunProps::default())
            }
        }
    }
}

/// Resolves every style's chain once (memoised, so linear in the number of styles); a
/// `basedOn` cycle or a missing parent ends the chain.
fn resolve_all(defs: Vec<StyleDef>) -> StyleSheet {
    let index: HashMap<&str, usize> = defs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let parent = |i: usize| defs[i].based_on.as_deref().and_then(|p| index.get(p).copied());
    let mut resolved: Vec<Option<Resolved>> = vec![None; defs.len()];
    let mut on_path = vec![false; defs.len()];
    for start in 0..defs.len() {
        let mut path = Vec::new();
        let mut cur = Some(start);
        while let Some(c) = cur {
            if resolved[c].is_some() || on_path[c] {
                break;
            }
            on_path[c] = true;
            path.push(c);
            cur = parent(c);
        }
        let mut base = cur.and_then(|c| resolved[c].clone());
        for &c in path.iter().rev() {
            let def = &defs[c];
            let role = own_role(def);
            let inherited_para = base.as_ref().map(|b| b.para).unwrap_or(ParaRole::Body);
            let para = match (role.and_then(para_role), def.outline_level) {
                (Some(p), _) => p,
                (None, Some(level)) => outline_role(level),
                (None, None) => inherited_para,
            };
            let role = role.or_else(|| base.as_ref().and_then(|b| b.role));
            let props = match &base {
                Some(b) => def.props.over(&b.props),
                None => def.props.clone(),
            };
            let r = Resolved { para, role, props };
            resolved[c] = Some(r.clone());
            base = Some(r);
        }
        for &c in &path {
            on_path[c] = false;
        }
    }
    let mut sheet = StyleSheet::default();
    for (def, r) in defs.iter().zip(resolved) {
        let Some(r) = r else { continue };
        if def.kind == Kind::Paragraph && def.default && sheet.default_para.is_none() {
            sheet.default_para = Some(r.para);
        }
        if def.kind != Kind::Other {
            sheet.by_id.entry(def.id.clone()).or_insert(r);
        }
    }
    sheet
}

/// Reads the style definitions: id, name, first alias, basedOn, outline level, run properties.
fn read_defs(xml: &str, part: &str, max_depth: usize) -> Result<Vec<StyleDef>, ImportError> {
    let mut reader = SafeReader::new(xml, part, max_depth);
    let mut defs = Vec::new();
    let mut current: Option<StyleDef> = None;
    let mut in_ppr = false;
    let mut in_rpr = false;
    let mut skip_to: Option<usize> = None;
    loop {
        match reader.next()? {
            XmlEvent::Eof => break,
            XmlEvent::Text(_) => {}
            XmlEvent::Start(ns, e) => {
                if skip_to.is_some() || ns != Ns::W {
                    continue;
                }
                let local = e.local_name();
                let local = local.as_ref();
                if local == b"style" {
                    let kind = match attr(&e, b"type").as_deref() {
                        Some("paragraph") => Kind::Paragraph,
                        Some("character") => Kind::Character,
                        _ => Kind::Other,
                    };
                    current = Some(StyleDef {
                        kind,
                        id: attr(&e, b"styleId").unwrap_or_default(),
                        name: None,
                        first_alias: None,
                        based_on: None,
                        outline_level: None,
                        props: RunProps::default(),
                        default: matches!(attr(&e, b"default").as_deref(), Some("1" | "true" | "on")),
                    });
                    continue;
                }
                let Some(def) = current.as_mut() else { continue };
                match local {
                    // Table-style conditions and tracked changes carry run properties that are
                    // not the style's own.
                    b"tblStylePr" | b"rPrChange" | b"pPrChange" | b"tblPr" | b"trPr" | b"tcPr" => {
                        skip_to = Some(reader.depth());
                    }
                    b"name" => def.name = attr(&e, b"val"),
                    b"aliases" => {
                        def.first_alias = attr(&e, b"val")
                            .and_then(|v| v.split(',').next().map(|a| a.trim().to_owned()))
                            .filter(|a| !a.is_empty());
                    }
                    b"basedOn" => def.based_on = attr(&e, b"val"),
                    b"pPr" => in_ppr = true,
                    b"rPr" => in_rpr = true,
                    b"outlineLvl" if in_ppr => {
                        def.outline_level = attr(&e, b"val").and_then(|v| v.trim().parse().ok());
                    }
                    _ if in_rpr => def.props.apply(local, &e),
                    _ => {}
                }
            }
            XmlEvent::End(ns, local) => {
                if let Some(d) = skip_to {
                    if reader.depth() < d {
                        skip_to = None;
                    }
                    continue;
                }
                if ns != Ns::W {
                    continue;
                }
                match local.as_slice() {
                    b"style" => {
                        if let Some(mut def) = current.take() {
                            def.props.style = None;
                            defs.push(def);
                        }
                    }
                    b"pPr" => in_ppr = false,
                    b"rPr" => in_rpr = false,
                    _ => {}
                }
            }
        }
    }
    Ok(defs)
}
