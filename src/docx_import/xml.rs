//! A guarded XML event reader: namespaces resolved, no DTD, only predefined entities, bounded
//! nesting. Both parts (document and styles) are read through it, one event at a time.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::{NsReader, XmlVersion};

use super::ImportError;

/// WordprocessingML, transitional and strict.
const W_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Markup compatibility (`mc:AlternateContent`).
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
/// Office math (`m:t` holds equation text).
const M_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    b"http://purl.oclc.org/ooxml/officeDocument/math",
];

/// Which vocabulary an element belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML (`w:`).
    W,
    /// Markup compatibility (`mc:`).
    Mc,
    /// Office math (`m:`).
    Math,
    /// Anything else (DrawingML, VML, custom XML…).
    Other,
}

fn classify(ns: &ResolveResult<'_>) -> Ns {
    match ns {
        ResolveResult::Bound(Namespace(uri)) => {
            if W_NS.contains(uri) {
                Ns::W
            } else if *uri == MC_NS {
                Ns::Mc
            } else if M_NS.contains(uri) {
                Ns::Math
            } else {
                Ns::Other
            }
        }
        _ => Ns::Other,
    }
}

/// One simplified event. Empty elements arrive as a start followed by an end.
pub(crate) enum XmlEvent<'a> {
    /// An element opens.
    Start(Ns, BytesStart<'a>),
    /// An element closes.
    End(Ns, Vec<u8>),
    /// Character data, entities resolved.
    Text(String),
    /// End of the part.
    Eof,
}

/// Most namespace declarations in scope at once. Resolving a prefix scans the bindings in
/// scope, so this bound keeps reading linear; Word documents have about 40.
pub(crate) const MAX_NAMESPACES_IN_SCOPE: usize = 256;

/// The guarded reader over one part's text.
pub(crate) struct SafeReader<'a> {
    reader: NsReader<&'a [u8]>,
    part: &'a str,
    depth: usize,
    max_depth: usize,
    /// Namespace declarations made by each open element, and their sum.
    declared: Vec<usize>,
    in_scope: usize,
}

impl<'a> SafeReader<'a> {
    /// A reader over `xml`, the text of `part`, refusing nesting deeper than `max_depth`.
    pub(crate) fn new(xml: &'a str, part: &'a str, max_depth: usize) -> Self {
        let mut reader = NsReader::from_str(xml);
        reader.config_mut().expand_empty_elements = true;
        reader.config_mut().check_end_names = true;
        SafeReader { reader, part, depth: 0, max_depth, declared: Vec::new(), in_scope: 0 }
    }

    /// Current element depth (the root element is depth 1 while open).
    pub(crate) fn depth(&self) -> usize {
        self.depth
    }

    fn xml_error(&self, message: String) -> ImportError {
        ImportError::Xml { part: self.part.to_owned(), position: self.reader.error_position(), message }
    }

    /// The next event that matters; comments, processing instructions and the declaration are
    /// skipped. A DTD, an unknown entity or too deep nesting is an error.
    pub(crate) fn next(&mut self) -> Result<XmlEvent<'a>, ImportError> {
        loop {
            let (ns, event) = match self.reader.read_resolved_event() {
                Ok((ns, event)) => (classify(&ns), event),
                Err(e) => return Err(self.xml_error(e.to_string())),
            };
            match event {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(ImportError::TooDeep {
                            part: self.part.to_owned(),
                            limit: self.max_depth,
                        });
                    }
                    let declared = e
                        .attributes()
                        .with_checks(false)
                        .flatten()
                        .filter(|a| a.key.as_namespace_binding().is_some())
                        .count();
                    self.declared.push(declared);
                    self.in_scope += declared;
                    if self.in_scope > MAX_NAMESPACES_IN_SCOPE {
                        return Err(self.xml_error(format!(
                            "more than {MAX_NAMESPACES_IN_SCOPE} namespace declarations in scope"
                        )));
                    }
                    return Ok(XmlEvent::Start(ns, e));
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    self.in_scope -= self.declared.pop().unwrap_or(0);
                    return Ok(XmlEvent::End(ns, e.local_name().as_ref().to_vec()));
                }
                // Not produced with expand_empty_elements; handled for completeness.
                Event::Empty(e) => {
                    return Ok(XmlEvent::Start(ns, e));
                }
                Event::Text(t) => {
                    let text = t.xml10_content().map_err(|e| self.xml_error(e.to_string()))?;
                    return Ok(XmlEvent::Text(text.into_owned()));
                }
                Event::CData(t) => {
                    let text = t.decode().map_err(|e| self.xml_error(e.to_string()))?;
                    return Ok(XmlEvent::Text(text.into_owned()));
                }
                Event::GeneralRef(r) => {
                    let name = r.decode().map_err(|e| self.xml_error(e.to_string()))?;
                    let resolved = match name.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => match r.resolve_char_ref() {
                            Ok(Some(c)) => c,
                            Ok(None) => {
                                return Err(ImportError::UnknownEntity {
                                    part: self.part.to_owned(),
                                    name: name.into_owned(),
                                });
                            }
                            Err(e) => return Err(self.xml_error(e.to_string())),
                        },
                    };
                    return Ok(XmlEvent::Text(resolved.to_string()));
                }
                Event::DocType(_) => {
                    return Err(ImportError::Dtd { part: self.part.to_owned() });
                }
                Event::Eof => return Ok(XmlEvent::Eof),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            }
        }
    }
}

/// The unescaped value of the attribute whose local name is `name` (any prefix).
pub(crate) fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// Word's on/off value: absent or "1"/"true"/"on" is on; "0"/"false"/"off"/"none" is off.
pub(crate) fn toggle(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off" | "none"))
}
