//! The fixed parts of a .docx (content types, relationships, Verbatim's styles, settings,
//! properties) and the zip packaging.
//!
//! Styles follow Verbatim's template (`Debate.dotm`): `Heading1`–`Heading4` named "heading 1"…
//! with the aliases Pocket, Hat, Block and Tag and outline levels 0–3 (Pocket, Hat and Block
//! centred, each on a new page); the character styles `Style13ptBold` (Cite, underline off),
//! `StyleUnderline` (Underline, bold off) and `Emphasis` (bold, underlined, in a thin box);
//! Calibri 11 pt. Styles of our own: `Analytic` (the debater's words, at tag level in the
//! navigation pane), `Undertag` (a card's note under its tag and undertags among the cards:
//! Verbatim's name, Casebook's definition, as none of the shared Verbatim files has one),
//! `CasebookText` (a loose line among the cards, looking like `Normal`), `CasebookIntro` (the
//! resolution under a Pocket) and `CasebookSummary` (card count and reading time), so that only
//! cites and card text are `Normal`. Every style that is not one of Word's
//! built-ins ([`BUILT_IN_STYLES`]) carries the custom-style flag, as in Verbatim's files.
//!
//! Determinism: parts are written in a fixed order, stored uncompressed (no compressor version can
//! change the bytes; git compresses them anyway), every entry dated 1980-01-01 00:00 (the zip
//! epoch) with the same permissions, and the properties carry no creation date.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use super::ExportError;
use super::escape::{Markup, escape_markup};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>
"#;

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Casebook</Application></Properties>
"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:w="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
"#;

fn core_properties(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>Casebook</dc:creator></cp:coreProperties>
"#,
        escape_markup(title, Markup::Xml)
    )
}

/// The styles Word itself defines (Verbatim restyles them); every other style written here is
/// Verbatim's or Casebook's own and says so with `w:customStyle="1"`.
const BUILT_IN_STYLES: [&str; 7] =
    ["Normal", "DefaultParagraphFont", "Heading1", "Heading2", "Heading3", "Heading4", "Emphasis"];

/// The opening of a style element: type, custom-style flag (see [`BUILT_IN_STYLES`]), id.
fn style_start(kind: &str, id: &str) -> String {
    let custom = if BUILT_IN_STYLES.contains(&id) { "" } else { " w:customStyle=\"1\"" };
    format!("<w:style w:type=\"{kind}\"{custom} w:styleId=\"{id}\">")
}

/// A paragraph style: id, name, aliases, paragraph properties, run properties.
fn paragraph_style(id: &str, name: &str, aliases: &str, ppr: &str, rpr: &str) -> String {
    let aliases =
        if aliases.is_empty() { String::new() } else { format!("<w:aliases w:val=\"{aliases}\"/>") };
    format!(
        "{}<w:name w:val=\"{name}\"/>{aliases}\
         <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
         <w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>",
        style_start("paragraph", id)
    )
}

/// A character style based on the default paragraph font.
fn character_style(id: &str, name: &str, aliases: &str, priority: u32, rpr: &str) -> String {
    let aliases =
        if aliases.is_empty() { String::new() } else { format!("<w:aliases w:val=\"{aliases}\"/>") };
    format!(
        "{}<w:name w:val=\"{name}\"/>{aliases}\
         <w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"{priority}\"/><w:qFormat/>\
         <w:rPr>{rpr}</w:rPr></w:style>",
        style_start("character", id)
    )
}

fn size(half_points: u32) -> String {
    format!("<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>")
}

/// `word/styles.xml`: Verbatim's styles (see the module docs).
fn styles() -> String {
    let bold = "<w:b/><w:bCs/>";
    let box_border = ["top", "left", "bottom", "right"]
        .map(|side| format!("<w:{side} w:val=\"single\" w:sz=\"12\" w:space=\"1\" w:color=\"auto\"/>"))
        .concat();
    // Hat and Block start a new page, centred, as in Verbatim's template; a Tag follows on.
    let heading = |level: u32, before: u32, new_page: bool| {
        let (page_break, centre) =
            if new_page { ("<w:pageBreakBefore/>", "<w:jc w:val=\"center\"/>") } else { ("", "") };
        format!(
            "<w:keepNext/><w:keepLines/>{page_break}<w:spacing w:before=\"{before}\"/>{centre}\
             <w:outlineLvl w:val=\"{level}\"/>"
        )
    };
    let styles = [
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>\
         <w:aliases w:val=\"Normal/Card\"/><w:qFormat/><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" \
         w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>"
            .to_owned(),
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
         <w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
            .to_owned(),
        paragraph_style(
            "Heading1",
            "heading 1",
            "Pocket",
            &format!(
                "<w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:pBdr>{box_border}</w:pBdr>\
                 <w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>"
            ),
            &format!("{bold}{}", size(52)),
        ),
        paragraph_style(
            "Heading2",
            "heading 2",
            "Hat",
            &heading(1, 240, true),
            &format!("{bold}{}<w:u w:val=\"double\"/>", size(44)),
        ),
        paragraph_style(
            "Heading3",
            "heading 3",
            "Block",
            &heading(2, 240, true),
            &format!("{bold}{}<w:u w:val=\"single\"/>", size(32)),
        ),
        paragraph_style("Heading4", "heading 4", "Tag", &heading(3, 200, false), &format!("{bold}{}", size(26))),
        paragraph_style(
            "Analytic",
            "Analytic",
            "",
            "<w:keepLines/><w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"6\" w:color=\"auto\"/></w:pBdr>\
             <w:spacing w:before=\"200\" w:after=\"120\"/><w:ind w:left=\"144\"/><w:outlineLvl w:val=\"3\"/>",
            &format!("{bold}{}", size(22)),
        ),
        // Verbatim's undertag: a line of the debater's under a tag (a card's note) or among the
        // cards. None of the shared Verbatim files defines one, so this is Casebook's: Normal in
        // italics, kept with the paragraph after it (the cite it stands above).
        paragraph_style("Undertag", "Undertag", "", "<w:keepNext/>", "<w:i/><w:iCs/>"),
        // A loose line among the cards: looks like Normal, but is not card text to a reader that
        // takes Normal paragraphs after a cite for the card's.
        paragraph_style("CasebookText", "Casebook Text", "", "", ""),
        paragraph_style("CasebookIntro", "Casebook Intro", "", "<w:jc w:val=\"center\"/>", ""),
        paragraph_style(
            "CasebookSummary",
            "Casebook Summary",
            "",
            "<w:spacing w:after=\"120\"/>",
            &format!("<w:i/><w:iCs/><w:color w:val=\"595959\"/>{}", size(18)),
        ),
        // Cite turns underline off and Underline turns bold off, so a cite inside underlined text
        // or an underline inside a bold tag looks as Verbatim's does.
        character_style(
            "Style13ptBold",
            "Style 13 pt Bold",
            "Cite",
            1,
            &format!("{bold}{}<w:u w:val=\"none\"/>", size(26)),
        ),
        character_style(
            "StyleUnderline",
            "Style Underline",
            "Underline",
            1,
            &format!("<w:b w:val=\"0\"/>{}<w:u w:val=\"single\"/>", size(22)),
        ),
        character_style(
            "Emphasis",
            "Emphasis",
            "",
            20,
            &format!(
                "{bold}{}<w:u w:val=\"single\"/><w:bdr w:val=\"single\" w:sz=\"8\" w:space=\"0\" \
                 w:color=\"auto\"/>",
                size(22)
            ),
        ),
    ];
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W_NS}\">\
         <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" \
         w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-US\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>{}</w:styles>\n",
        styles.concat()
    )
}

/// Packs `body` (the paragraphs of `word/document.xml`) into a .docx titled `title`.
pub(crate) fn package(title: &str, body: &str) -> Result<Vec<u8>, ExportError> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1080\" w:right=\"1080\" w:bottom=\"1080\" \
         w:left=\"1080\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n"
    );
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("docProps/core.xml", core_properties(title)),
        ("docProps/app.xml", APP.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document),
        ("word/styles.xml", styles()),
        ("word/settings.xml", SETTINGS.to_owned()),
    ];
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(DateTime::DEFAULT)
        .system(System::Unix)
        .unix_permissions(0o644);
    let fail = |e: &dyn std::fmt::Display| ExportError::Package(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in &parts {
        zip.start_file(*name, options).map_err(|e| fail(&e))?;
        zip.write_all(content.as_bytes()).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}
