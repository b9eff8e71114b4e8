//! Card text drawn the way Verbatim users expect: unread text small, underlined text full size,
//! highlighted (read-aloud) text on a colour, emphasis underlined in italics. A card with no marks
//! at all (freshly cut) is drawn at full size: nothing has been marked unread yet.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

use crate::model::{Card, marks};

/// Size of text that is read aloud or underlined.
pub const READ_SIZE: f32 = 15.0;
/// Size of text that is not read (Verbatim shrinks it).
pub const UNREAD_SIZE: f32 = 10.5;

/// How far a highlight's background reaches past its row: inward by a point and a half, so the background
/// of a wrapped line never covers the underline of the line above it (egui paints row by row,
/// and its default reaches a point outward).
pub const HIGHLIGHT_EXPAND: f32 = -1.5;

/// The colour highlighted text sits on.
pub fn highlight_colour(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0, 96, 110) } else { Color32::from_rgb(140, 240, 250) }
}

/// The card text as a layout job with Verbatim-style marking.
pub fn card_text_job(card: &Card, visuals: &egui::Visuals, wrap_width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let strong = visuals.strong_text_color();
    let weak = visuals.weak_text_color();
    let unmarked = card.marks.is_empty();
    for seg in marks::segments(&card.text, &card.marks) {
        let read = seg.underline || seg.highlight || unmarked;
        let mut format = TextFormat {
            font_id: FontId::proportional(if read { READ_SIZE } else { UNREAD_SIZE }),
            color: if read { strong } else { weak },
            ..TextFormat::default()
        };
        if seg.underline {
            format.underline = Stroke::new(if seg.emphasis { 2.0 } else { 1.0 }, strong);
        }
        if seg.emphasis {
            format.italics = true;
        }
        if seg.highlight {
            format.background = highlight_colour(visuals.dark_mode);
            format.expand_bg = HIGHLIGHT_EXPAND;
        }
        job.append(seg.text, 0.0, format);
    }
    job
}
