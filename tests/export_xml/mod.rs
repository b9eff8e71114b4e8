//! Reading exports back for the export tests: a strict XML tree (for the HTML page and the .docx
//! parts, via quick-xml) and the parts of a .docx zip.
#![allow(dead_code)]

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

/// An XML node: an element or text (entities resolved).
#[derive(Debug)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Character data.
    Text(String),
}

/// An element with its attributes (qualified names, unescaped values) and children.
#[derive(Debug, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// All text inside, in document order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }

    /// Child elements named `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter_map(move |c| match c {
            Node::Element(e) if e.name == name => Some(e),
            _ => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find_map(|c| match c {
            Node::Element(e) if e.name == name => Some(e),
            _ => None,
        })
    }

    /// Every element named `name` below this one, depth first.
    pub fn descendants<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for child in &self.children {
            if let Node::Element(e) = child {
                if e.name == name {
                    out.push(e);
                }
                e.descendants(name, out);
            }
        }
    }

    /// [`Element::descendants`] as a new list.
    pub fn all(&self, name: &str) -> Vec<&Element> {
        let mut out = Vec::new();
        self.descendants(name, &mut out);
        out
    }
}

fn resolve_entity(name: &str) -> Result<char, String> {
    match name {
        "amp" => Ok('&'),
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "quot" => Ok('"'),
        "apos" => Ok('\''),
        other => Err(format!("unknown entity &{other};")),
    }
}

/// An element (without children) from a start tag.
fn element(start: &quick_xml::events::BytesStart<'_>) -> Result<Element, quick_xml::Error> {
    let mut el =
        Element { name: String::from_utf8_lossy(start.name().as_ref()).into_owned(), ..Default::default() };
    for a in start.attributes() {
        let a = a?;
        let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0)?.into_owned();
        el.attrs.push((String::from_utf8_lossy(a.key.as_ref()).into_owned(), value));
    }
    Ok(el)
}

/// Parses `xml` strictly (matching end tags, one root, known entities only) into its root element.
/// A leading XML declaration, a DOCTYPE and comments are skipped.
pub fn parse(xml: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    let err = |e: &dyn std::fmt::Display, pos: u64| format!("at byte {pos}: {e}");
    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| err(&e, pos))?;
        let top = stack.len() - 1;
        match event {
            Event::Start(e) => stack.push(element(&e).map_err(|e| err(&e, pos))?),
            Event::Empty(e) => {
                let el = element(&e).map_err(|e| err(&e, pos))?;
                stack[top].children.push(Node::Element(el));
            }
            Event::End(_) => {
                let el = stack.pop().ok_or_else(|| format!("at byte {pos}: end tag without start"))?;
                let parent =
                    stack.last_mut().ok_or_else(|| format!("at byte {pos}: end tag without start"))?;
                parent.children.push(Node::Element(el));
            }
            Event::Text(t) => {
                let text = t.decode().map_err(|e| err(&e, pos))?.into_owned();
                stack[top].children.push(Node::Text(text));
            }
            Event::CData(t) => {
                stack[top].children.push(Node::Text(String::from_utf8_lossy(&t).into_owned()));
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| err(&e, pos))? {
                    Some(c) => c,
                    None => resolve_entity(&r.decode().map_err(|e| err(&e, pos))?)?,
                };
                stack[top].children.push(Node::Text(c.to_string()));
            }
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if stack.len() != 1 {
        return Err(format!("{} element(s) left open at the end", stack.len() - 1));
    }
    let mut doc = stack.remove(0);
    let mut roots = doc.children.drain(..).filter_map(|n| match n {
        Node::Element(e) => Some(Ok(e)),
        Node::Text(t) if t.trim().is_empty() => None,
        Node::Text(t) => Some(Err(format!("text outside the root element: {t:?}"))),
    });
    let root = roots.next().ok_or("no root element")??;
    if roots.next().is_some() {
        return Err("more than one root element".into());
    }
    Ok(root)
}

/// One entry of a zip: its name, last-modified time as (y, m, d, h, min, s), and text.
pub struct ZipEntry {
    pub name: String,
    pub time: (u16, u8, u8, u8, u8, u8),
    pub text: String,
}

/// The entries of a zip, in order.
pub fn unzip(bytes: &[u8]) -> Vec<ZipEntry> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("zip entry");
            let t = file.last_modified().expect("entry has a timestamp");
            let mut text = String::new();
            file.read_to_string(&mut text).expect("entry is UTF-8 XML");
            let name = file.name().expect("entry name").into_owned();
            ZipEntry { name, time: (t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second()), text }
        })
        .collect()
}

/// The contents of zip entry `name`.
pub fn part(bytes: &[u8], name: &str) -> String {
    unzip(bytes)
        .into_iter()
        .find(|e| e.name == name)
        .map(|e| e.text)
        .unwrap_or_else(|| panic!("the .docx has no {name}"))
}
