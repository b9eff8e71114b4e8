//! Card text drawn the way Verbatim users expect: unread text small, underlined text full size,
//! highlighted (read-aloud) text on its highlight's colour (softened so text stays readable),
//! emphasis underlined in italics. A card with no marks
//! at all (freshly cut) is drawn at full size: nothing has been marked unread yet.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

use crate::model::{Card, HighlightColour, Mark, marks};

/// Size of text that is read aloud or underlined.
pub const READ_SIZE: f32 = 15.0;
/// Size of text that is not read (Verbatim shrinks it).
pub const UNREAD_SIZE: f32 = 10.5;

/// How far a highlight's background reaches past its row: inward by a point and a half, so the background
/// of a wrapped line never covers the underline of the line above it (egui paints row by row,
/// and its default reaches a point outward).
pub const HIGHLIGHT_EXPAND: f32 = -1.5;

/// The colour text highlighted in `colour` sits on: the highlighter's colour blended with white
/// (light theme) or with a dark grey (dark theme), so strong text stays readable on every colour.
pub fn highlight_fill(colour: HighlightColour, dark: bool) -> Color32 {
    let [r, g, b] = colour.rgb();
    let (base, share) = if dark { (32.0, 0.45) } else { (255.0, 0.55) };
    let mix = |c: u8| (base * (1.0 - share) + f32::from(c) * share).round() as u8;
    Color32::from_rgb(mix(r), mix(g), mix(b))
}

/// A short text (a tag, a cite line) with its underline, emphasis and highlight marks, at `size`,
/// `bold` over the given character ranges.
pub fn marked_line_job(
    text: &str,
    line_marks: &[Mark],
    bold: &[(usize, usize)],
    size: f32,
    visuals: &egui::Visuals,
    wrap_width: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let strong = visuals.strong_text_color();
    // Bold ranges split the text too: as empty marks they add cut points and nothing else.
    let mut cuts: Vec<Mark> = line_marks.to_vec();
    for &(s, e) in bold {
        cuts.push(Mark::new(crate::model::MarkKind::Underline, s, s));
        cuts.push(Mark::new(crate::model::MarkKind::Underline, e, e));
    }
    let mut offset = 0;
    for seg in marks::segments(text, &cuts) {
        let len = seg.text.chars().count();
        let is_bold = bold.iter().any(|&(s, e)| s <= offset && offset + len <= e && s < e);
        offset += len;
        let mut format = TextFormat {
            font_id: if is_bold { FontId::proportional(size + 1.0) } else { FontId::proportional(size) },
            color: if is_bold { strong } else { visuals.text_color() },
            ..TextFormat::default()
        };
        if seg.underline {
            format.underline = Stroke::new(if seg.emphasis { 2.0 } else { 1.0 }, strong);
        }
        if seg.highlight {
            format.background = highlight_fill(seg.colour, visuals.dark_mode);
            format.expand_bg = HIGHLIGHT_EXPAND;
        }
        job.append(seg.text, 0.0, format);
    }
    job
}

/// The card text as a layout job with Verbatim-style marking.
pub fn card_text_job(card: &Card, visuals: &egui::Visuals, wrap_width: f32) -> LayoutJob {
    card_text_job_matching(card, visuals, wrap_width, &[])
}

/// The colour of words a search matched.
pub fn match_colour(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(255, 160, 70) } else { Color32::from_rgb(196, 64, 0) }
}

/// [`card_text_job`] with the character ranges a search matched drawn in [`match_colour`].
pub fn card_text_job_matching(
    card: &Card,
    visuals: &egui::Visuals,
    wrap_width: f32,
    matches: &[(usize, usize)],
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let strong = visuals.strong_text_color();
    let weak = visuals.weak_text_color();
    let unmarked = card.marks.is_empty();
    // Matches split the text too: as empty marks they add cut points and nothing else.
    let mut cuts = card.marks.clone();
    for &(s, e) in matches {
        cuts.extend([
            Mark::new(crate::model::MarkKind::Underline, s, s),
            Mark::new(crate::model::MarkKind::Underline, e, e),
        ]);
    }
    let mut at = 0;
    for seg in marks::segments(&card.text, &cuts) {
        let len = seg.text.chars().count();
        let matched = matches.iter().any(|&(s, e)| s <= at && at + len <= e);
        at += len;
        let read = seg.underline || seg.highlight || unmarked;
        let mut format = TextFormat {
            font_id: FontId::proportional(if read { READ_SIZE } else { UNREAD_SIZE }),
            color: if matched {
                match_colour(visuals)
            } else if read {
                strong
            } else {
                weak
            },
            ..TextFormat::default()
        };
        if seg.underline {
            format.underline = Stroke::new(if seg.emphasis { 2.0 } else { 1.0 }, strong);
        }
        if seg.emphasis {
            format.italics = true;
        }
        if seg.highlight {
            format.background = highlight_fill(seg.colour, visuals.dark_mode);
            format.expand_bg = HIGHLIGHT_EXPAND;
        }
        job.append(seg.text, 0.0, format);
    }
    job
}
