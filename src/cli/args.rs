//! The command line's value arguments: export formats, the side of an export, a card's side.

use clap::ValueEnum;

use crate::export::{ExportSide, Format};

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Card JSON (see the README).
    Json,
    /// Markdown, marks as `<u>`, `<mark>` and `<strong>`.
    #[value(alias = "md")]
    Markdown,
    /// One self-contained, printable HTML page styled like Verbatim.
    Html,
    /// Indented plain text.
    #[value(alias = "txt")]
    Text,
    /// A Word document with Verbatim's styles (needs -o).
    Docx,
    /// A round's caselist disclosure: cite entries in Markdown (needs --round).
    Caselist,
}

impl ExportFormat {
    /// The export format, for all but the caselist disclosure.
    pub fn as_format(self) -> Option<Format> {
        match self {
            ExportFormat::Json => Some(Format::Json),
            ExportFormat::Markdown => Some(Format::Markdown),
            ExportFormat::Html => Some(Format::Html),
            ExportFormat::Text => Some(Format::Text),
            ExportFormat::Docx => Some(Format::Docx),
            ExportFormat::Caselist => None,
        }
    }
}

/// The sides `--side` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SideArg {
    /// The affirmative.
    Aff,
    /// The negative.
    Neg,
    /// Both sides.
    Both,
}

impl From<SideArg> for ExportSide {
    fn from(s: SideArg) -> ExportSide {
        match s {
            SideArg::Aff => ExportSide::Aff,
            SideArg::Neg => ExportSide::Neg,
            SideArg::Both => ExportSide::Both,
        }
    }
}

/// The sides a card can be read on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CardSideArg {
    /// Affirmative.
    Aff,
    /// Negative.
    Neg,
    /// Either side.
    Either,
}

impl From<CardSideArg> for crate::model::Side {
    fn from(s: CardSideArg) -> crate::model::Side {
        match s {
            CardSideArg::Aff => crate::model::Side::Aff,
            CardSideArg::Neg => crate::model::Side::Neg,
            CardSideArg::Either => crate::model::Side::Either,
        }
    }
}
