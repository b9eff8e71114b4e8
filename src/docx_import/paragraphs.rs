//! The paragraph stream: `word/document.xml` read event by event into [`Para`]s, each handed to
//! a sink as soon as it closes. Nothing but the paragraph being read is held. Paragraphs with text
//! are counted as they close, and the document is refused at the first one past
//! [`ImportLimits::paragraph_limit`], so a hostile file never builds the outline it would need.

use super::report::ImportReport;
use super::runs::{RunProps, run_marks};
use super::styles::StyleSheet;
use super::types::{Mark, MarkKind, Para};
use super::xml::{Ns, SafeReader, XmlEvent, attr};
use super::{ImportError, ImportLimits};

/// Private-use code points: what `w:sym` uses for symbol-font glyphs (Symbol, Wingdings), which
/// have no portable character.
fn is_private_use(c: char) -> bool {
    matches!(u32::from(c), 0xE000..=0xF8FF)
}

/// A run being read.
#[derive(Default)]
struct RunState {
    props: RunProps,
    in_rpr: bool,
    kinds: Option<Vec<MarkKind>>,
}

/// A paragraph being read.
#[derive(Default)]
struct ParaBuilder {
    text: String,
    chars: usize,
    marks: Vec<Mark>,
    /// Index in `marks` of each mark the previous text run carried, to extend it when the
    /// next run carries the same kind.
    latest: Vec<(MarkKind, usize)>,
    style: Option<String>,
    outline: Option<u8>,
    in_ppr: bool,
    run: Option<RunState>,
    in_text: bool,
    in_table: bool,
    in_text_box: bool,
    /// Finished text-box paragraphs anchored here, emitted after this one.
    boxed: Vec<Para>,
}

impl ParaBuilder {
    fn push(&mut self, text: &str, kinds: &[MarkKind]) {
        if text.is_empty() {
            return;
        }
        let start = self.chars;
        self.chars += text.chars().count();
        self.text.push_str(text);
        // Only a mark of the previous run can touch this one, so `latest` holds at most one
        // run's kinds and the lookup stays constant-time.
        let mut latest = Vec::with_capacity(kinds.len());
        for kind in kinds {
            let previous = self.latest.iter().find(|(k, _)| k == kind).map(|&(_, i)| i);
            match previous.and_then(|i| self.marks.get_mut(i).map(|m| (i, m))) {
                Some((i, m)) if m.end == start => {
                    m.end = self.chars;
                    latest.push((kind.clone(), i));
                }
                _ => {
                    self.marks.push(Mark { kind: kind.clone(), start, end: self.chars });
                    latest.push((kind.clone(), self.marks.len() - 1));
                }
            }
        }
        self.latest = latest;
    }

    /// Text of the current run, with the run's marks (resolved once per run).
    fn push_run_text(&mut self, text: &str, styles: &StyleSheet) {
        let kinds = match self.run.as_mut() {
            Some(run) => run.kinds.get_or_insert_with(|| run_marks(&run.props, styles)).clone(),
            None => Vec::new(),
        };
        self.push(text, &kinds);
    }
}

/// Why a subtree is being skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Skip {
    /// Tracked deletion: its characters are counted.
    Deleted,
    /// Formatting history, section properties, fallbacks, field instructions: no text kept.
    Silent,
}

/// Reads the body of `word/document.xml`, giving each finished paragraph to `sink`; refuses the
/// document at its first paragraph with text past `limits`' paragraph limit for its size.
pub(crate) fn read_paragraphs(
    xml: &str,
    part: &str,
    limits: &ImportLimits,
    styles: &StyleSheet,
    report: &mut ImportReport,
    sink: &mut dyn FnMut(Para, &mut ImportReport),
) -> Result<(), ImportError> {
    let mut reader = SafeReader::new(xml, part, limits.max_depth);
    let max_paragraphs = limits.paragraph_limit(xml.len());
    let mut with_text = 0usize;
    let mut stack: Vec<ParaBuilder> = Vec::new();
    let mut skip: Option<(usize, Skip)> = None;
    let mut tables = 0usize;
    let mut text_boxes = 0usize;
    // One flag per open drawing/picture/object: did it hold a text box?
    let mut drawings: Vec<bool> = Vec::new();
    // One flag per open mc:AlternateContent: has a choice been read?
    let mut alternates: Vec<bool> = Vec::new();
    loop {
        let event = reader.next()?;
        if let Some((depth, why)) = skip {
            match event {
                XmlEvent::End(..) if reader.depth() < depth => skip = None,
                XmlEvent::Text(t) if why == Skip::Deleted => report.deleted_chars += t.chars().count(),
                XmlEvent::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            XmlEvent::Eof => break,
            XmlEvent::Text(t) => {
                if let Some(p) = stack.last_mut()
                    && p.in_text
                {
                    p.push_run_text(&t, styles);
                }
            }
            XmlEvent::Start(Ns::Mc, e) => {
                // Word writes a text box twice: as DrawingML (Choice) and VML (Fallback). Only
                // the first choice is read, so no alternative is imported twice.
                match e.local_name().as_ref() {
                    b"AlternateContent" => alternates.push(false),
                    b"Choice" if alternates.last() == Some(&false) => {
                        if let Some(chosen) = alternates.last_mut() {
                            *chosen = true;
                        }
                    }
                    b"Choice" | b"Fallback" => skip = Some((reader.depth(), Skip::Silent)),
                    _ => {}
                }
            }
            XmlEvent::End(Ns::Mc, local) => {
                if local.as_slice() == b"AlternateContent" {
                    alternates.pop();
                }
            }
            XmlEvent::Start(Ns::Math, e) => {
                if e.local_name().as_ref() == b"t"
                    && let Some(p) = stack.last_mut()
                {
                    p.in_text = true;
                }
            }
            XmlEvent::Start(Ns::Other, _) => {}
            XmlEvent::Start(Ns::W, e) => {
                let local = e.local_name();
                let local = local.as_ref();
                let depth = reader.depth();
                match local {
                    b"p" => {
                        report.paragraphs += 1;
                        stack.push(ParaBuilder {
                            in_table: tables > 0,
                            in_text_box: text_boxes > 0,
                            ..ParaBuilder::default()
                        });
                        continue;
                    }
                    b"del" | b"moveFrom" => {
                        report.tracked_deletions += 1;
                        skip = Some((depth, Skip::Deleted));
                        continue;
                    }
                    b"delText" => {
                        skip = Some((depth, Skip::Deleted));
                        continue;
                    }
                    b"instrText" | b"delInstrText" => {
                        report.field_instructions += 1;
                        skip = Some((depth, Skip::Silent));
                        continue;
                    }
                    b"rPrChange" | b"pPrChange" | b"sectPr" | b"sdtPr" | b"sdtEndPr" | b"tblPr"
                    | b"tblGrid" | b"trPr" | b"tcPr" | b"numPr" | b"tabs" => {
                        skip = Some((depth, Skip::Silent));
                        continue;
                    }
                    b"ins" | b"moveTo" => report.tracked_insertions += 1,
                    b"tbl" => {
                        report.tables += 1;
                        tables += 1;
                    }
                    b"txbxContent" => {
                        text_boxes += 1;
                        if let Some(flag) = drawings.last_mut() {
                            *flag = true;
                        }
                    }
                    b"drawing" | b"pict" | b"object" => drawings.push(false),
                    b"footnoteReference" => report.footnote_refs += 1,
                    b"endnoteReference" => report.endnote_refs += 1,
                    b"commentReference" => report.comment_refs += 1,
                    _ => {}
                }
                let Some(p) = stack.last_mut() else { continue };
                if let Some(run) = p.run.as_mut() {
                    if run.in_rpr {
                        run.props.apply(local, &e);
                        continue;
                    }
                    match local {
                        b"rPr" => run.in_rpr = true,
                        b"t" => p.in_text = true,
                        b"tab" | b"ptab" => p.push_run_text("\t", styles),
                        b"br" | b"cr" => p.push_run_text("\n", styles),
                        b"noBreakHyphen" => p.push_run_text("\u{2011}", styles),
                        b"softHyphen" => report.soft_hyphens += 1,
                        b"sym" => {
                            let code = attr(&e, b"char").and_then(|c| u32::from_str_radix(c.trim(), 16).ok());
                            match code.and_then(char::from_u32) {
                                Some(c) if !is_private_use(c) => {
                                    report.symbols += 1;
                                    p.push_run_text(&c.to_string(), styles);
                                }
                                _ => report.unmapped_symbols += 1,
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                match local {
                    b"pPr" => p.in_ppr = true,
                    // The paragraph mark's own formatting is not the text's.
                    b"rPr" if p.in_ppr => skip = Some((depth, Skip::Silent)),
                    b"pStyle" if p.in_ppr => p.style = attr(&e, b"val"),
                    b"outlineLvl" if p.in_ppr => {
                        p.outline = attr(&e, b"val").and_then(|v| v.trim().parse().ok());
                    }
                    b"r" => p.run = Some(RunState::default()),
                    _ => {}
                }
            }
            XmlEvent::End(Ns::W, local) => match local.as_slice() {
                b"p" => {
                    let Some(mut b) = stack.pop() else { continue };
                    if !b.text.trim().is_empty() {
                        with_text += 1;
                        if with_text > max_paragraphs {
                            return Err(ImportError::TooManyParagraphs {
                                part: part.to_owned(),
                                limit: max_paragraphs,
                                free: limits.free_paragraphs,
                                per: limits.xml_bytes_per_paragraph,
                                max: limits.max_paragraphs,
                            });
                        }
                    }
                    // Runs grow the text and marks by doubling; the paragraph is kept as read.
                    b.text.shrink_to_fit();
                    b.marks.shrink_to_fit();
                    let role = styles.paragraph_role(b.style.as_deref(), b.outline);
                    report.text_chars += b.chars;
                    let para = Para {
                        text: b.text,
                        marks: b.marks,
                        style: b.style,
                        role,
                        in_table: b.in_table,
                        in_text_box: b.in_text_box,
                    };
                    match stack.last_mut() {
                        Some(parent) => {
                            parent.boxed.push(para);
                            parent.boxed.extend(b.boxed);
                        }
                        None => {
                            sink(para, report);
                            for boxed in b.boxed {
                                sink(boxed, report);
                            }
                        }
                    }
                }
                b"pPr" => {
                    if let Some(p) = stack.last_mut() {
                        p.in_ppr = false;
                    }
                }
                b"r" => {
                    if let Some(p) = stack.last_mut() {
                        p.run = None;
                        p.in_text = false;
                    }
                }
                b"rPr" => {
                    if let Some(run) = stack.last_mut().and_then(|p| p.run.as_mut()) {
                        run.in_rpr = false;
                    }
                }
                b"t" => {
                    if let Some(p) = stack.last_mut() {
                        p.in_text = false;
                    }
                }
                b"tbl" => tables = tables.saturating_sub(1),
                b"txbxContent" => {
                    text_boxes = text_boxes.saturating_sub(1);
                    report.text_boxes += 1;
                }
                b"drawing" | b"pict" | b"object" => {
                    // A drawing that held a text box was counted as one; the rest are images.
                    let held_text_box = drawings.pop().unwrap_or(true);
                    report.images += usize::from(!held_text_box);
                }
                _ => {}
            },
            XmlEvent::End(Ns::Math, local) => {
                if local.as_slice() == b"t"
                    && let Some(p) = stack.last_mut()
                {
                    p.in_text = false;
                }
            }
            XmlEvent::End(..) => {}
        }
    }
    Ok(())
}
