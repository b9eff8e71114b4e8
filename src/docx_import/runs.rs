//! The marks a run gets once its character style is resolved (its properties as written are in
//! `run_props.rs`).

pub(crate) use super::run_props::RunProps;
use super::styles::{StyleRole, StyleSheet};
use super::types::MarkKind;

/// The marks a run with direct properties `direct` carries, in a fixed order.
///
/// - Underline: direct `w:u` decides when set; else the character style chain's Underline role;
///   else the chain's `w:u`.
/// - Emphasis: the chain has the Emphasis role.
/// - Highlight: direct `w:highlight`/`w:shd` when set, else the chain's.
/// - Bold: the chain has the Cite role, or direct `w:b` is on.
pub(crate) fn run_marks(direct: &RunProps, styles: &StyleSheet) -> Vec<MarkKind> {
    let (role, style_props) = match direct.style.as_deref() {
        Some(id) => styles.character_style(id),
        None => (None, RunProps::default()),
    };
    let mut kinds = Vec::with_capacity(4);
    let underline = match direct.underline {
        Some(u) => u,
        None => role == Some(StyleRole::Underline) || style_props.underline == Some(true),
    };
    if underline {
        kinds.push(MarkKind::Underline);
    }
    if role == Some(StyleRole::Emphasis) {
        kinds.push(MarkKind::Emphasis);
    }
    let highlight = direct.highlight.clone().or(style_props.highlight).flatten();
    if let Some(colour) = highlight {
        kinds.push(MarkKind::Highlight(colour));
    }
    if role == Some(StyleRole::Cite) || direct.bold == Some(true) {
        kinds.push(MarkKind::Bold);
    }
    kinds
}
