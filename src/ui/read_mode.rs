//! Read mode: the current speech in large type, only what is read aloud — tags, cites,
//! analytics and highlighted words; the rest faint or hidden — with a reading cursor, the
//! marked points, the speech clock and how long what is left takes at the reader's speed. The
//! view only draws and reports clicks; keys and marks are the controller's.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText};

use crate::desk::{Desk, ItemId, SpeechId};
use crate::model::read_aloud::read_words;
use crate::model::{Card, Item, MarkedPoint, timing};

use super::round_state::{ReadCursor, RoundState};

/// Point size of read text.
pub const READ_SIZE: f32 = 26.0;
/// Point size of unread text when shown faint.
const FAINT_SIZE: f32 = 13.0;

/// Every place the cursor can stop in the speech, in reading order: each read word of each
/// card, or the card itself when nothing of it is highlighted.
pub fn stops(desk: &Desk, speech: SpeechId) -> Vec<ReadCursor> {
    let Some(outline) = desk.ids().speech_outline(speech) else { return Vec::new() };
    let sections = desk.session().outline(outline).map_or(&[][..], |o| &o[..]);
    let mut out = Vec::new();
    for (s, section) in sections.iter().enumerate() {
        for (i, item) in section.items.iter().enumerate() {
            let (Item::Card { card, .. }, Some(id)) = (item, desk.ids().item_at(outline, s, i)) else {
                continue;
            };
            match read_words(card).len() {
                0 => out.push(ReadCursor { item: id, word: None }),
                n => out.extend((0..n).map(|w| ReadCursor { item: id, word: Some(w) })),
            }
        }
    }
    out
}

/// Words still to read after `cursor` (all of them without one), as the reading time counts.
pub fn words_left(desk: &Desk, speech: SpeechId, cursor: Option<ReadCursor>) -> usize {
    let Some(outline) = desk.ids().speech_outline(speech) else { return 0 };
    let sections = desk.session().outline(outline).map_or(&[][..], |o| &o[..]);
    let counting = desk.session().counting;
    let mut passed = cursor.is_none();
    let mut left = 0;
    for (s, section) in sections.iter().enumerate() {
        for (i, item) in section.items.iter().enumerate() {
            let id = desk.ids().item_at(outline, s, i);
            match (cursor, item) {
                (Some(c), Item::Card { card, .. }) if !passed && Some(c.item) == id => {
                    passed = true;
                    left += read_words(card).len().saturating_sub(c.word.map_or(0, |w| w + 1));
                }
                _ if passed => left += timing::item_words(item, counting),
                _ => {}
            }
        }
    }
    left
}

/// The character offset a mark at `cursor` records: the end of the cursor's word.
pub fn mark_offset(card: &Card, word: Option<usize>) -> usize {
    word.and_then(|w| read_words(card).get(w).map(|r| r.1)).unwrap_or(0)
}

/// Draws read mode for `speech`; returns the cursor the user clicked, if any.
pub fn show(
    ui: &mut egui::Ui,
    desk: &Desk,
    speech: SpeechId,
    round: &mut RoundState,
    now: f64,
) -> Option<ReadCursor> {
    let Some(outline) = desk.ids().speech_outline(speech) else {
        ui.label("That speech is no longer in the session.");
        return None;
    };
    let crate::model::Outline::Speech { round: r, speech: s } = outline else { return None };
    let doc = &desk.session().rounds[r].speeches[s];
    header(ui, desk, speech, round, now);
    ui.separator();
    let mut clicked = None;
    let sections = &doc.sections;
    egui::ScrollArea::vertical().id_salt("read-mode").auto_shrink([false, false]).show(ui, |ui| {
        if sections.iter().all(|s| s.items.is_empty()) {
            ui.label(
                RichText::new("Nothing to read yet: send cards to this speech with ` (backtick).").size(20.0),
            );
        }
        for (si, section) in sections.iter().enumerate() {
            ui.add_space(12.0);
            ui.label(RichText::new(&section.title).size(READ_SIZE + 6.0).strong().underline());
            for (ii, item) in section.items.iter().enumerate() {
                let Some(id) = desk.ids().item_at(outline, si, ii) else { continue };
                ui.add_space(10.0);
                match item {
                    Item::Analytic { text, .. } => {
                        ui.label(RichText::new(text).size(READ_SIZE).italics());
                    }
                    Item::Card { card, source, .. } => {
                        let marked = doc.marked_in(&card.id);
                        if let Some(c) = card_view(ui, card, source, id, marked, round) {
                            clicked = Some(c);
                        }
                    }
                }
            }
        }
    });
    round.read.scroll_to_cursor = false;
    clicked
}

fn header(ui: &mut egui::Ui, desk: &Desk, speech: SpeechId, round: &RoundState, now: f64) {
    let wpm = desk.session().wpm;
    let left_words = words_left(desk, speech, round.read.cursor);
    let to_read = timing::seconds_for(left_words, wpm);
    let outline = desk.ids().speech_outline(speech);
    let name = outline.map_or_else(String::new, |o| super::widgets::outline_name(desk, o));
    let clock_left = round
        .clock
        .as_ref()
        .filter(|(id, _)| *id == speech.round)
        .map(|(_, t)| t.left(crate::timer::Clock::Speech, now));
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Reading the {name}")).size(22.0).strong());
        if let Some(left) = clock_left {
            let over = left < 0.0;
            let text =
                format!("clock {}{}", if over { "-" } else { "" }, timing::clock(left.abs().ceil() as u32));
            ui.label(RichText::new(text).size(22.0).monospace().color(if over {
                Color32::RED
            } else {
                ui.visuals().text_color()
            }));
        }
        let fits = clock_left.is_none_or(|l| f64::from(to_read) <= l.max(0.0));
        let colour = if fits { ui.visuals().text_color() } else { ui.visuals().warn_fg_color };
        ui.label(
            RichText::new(format!(
                "left to read: {} at {wpm} wpm ({left_words} words)",
                timing::clock(to_read)
            ))
            .size(18.0)
            .color(colour),
        );
    });
    ui.label(
        RichText::new("Left/Right: word · Up/Down: card · Space or Enter: mark here · click a word to move there · H: hide or show unread text · Esc: leave")
            .weak(),
    );
}

/// One card: tag, cite, and its text with read words large and the rest faint or hidden.
fn card_view(
    ui: &mut egui::Ui,
    card: &Card,
    source: &crate::model::Source,
    id: ItemId,
    marked: Option<&MarkedPoint>,
    round: &RoundState,
) -> Option<ReadCursor> {
    let at_cursor = round.read.cursor.filter(|c| c.item == id);
    let tag = ui.label(RichText::new(&card.tag).size(READ_SIZE).strong());
    if at_cursor.is_some_and(|c| c.word.is_none()) {
        ui.painter().rect_stroke(
            tag.rect.expand(2.0),
            2.0,
            (2.0, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Outside,
        );
    }
    if at_cursor.is_some() && round.read.scroll_to_cursor {
        tag.scroll_to_me(Some(egui::Align::Center));
    }
    ui.label(RichText::new(card.short_cite(Some(source))).size(READ_SIZE - 6.0).strong());
    let words = read_words(card);
    let (job, map) =
        text_job(ui, card, &words, at_cursor.and_then(|c| c.word), marked, round.read.hide_unread);
    let (pos, galley, response) = egui::Label::new(job).sense(egui::Sense::click()).layout_in_ui(ui);
    ui.painter().galley(pos, galley.clone(), ui.visuals().text_color());
    let label = galley.text().to_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    let click = response.interact_pointer_pos().filter(|_| response.clicked())?;
    let at: usize = galley.cursor_from_pos(click - pos).index.into();
    let offset = map.iter().rev().find(|(g, _)| *g <= at).and_then(|(g, c)| c.map(|c| c + (at - g)))?;
    let word = words.iter().position(|&(_, e)| offset < e).or(words.len().checked_sub(1));
    Some(ReadCursor { item: id, word })
}

/// A layout being built, with each piece's first character in it and in the card's text.
#[derive(Default)]
struct Pieces {
    job: LayoutJob,
    map: Vec<(usize, Option<usize>)>,
    len: usize,
}

impl Pieces {
    fn push(&mut self, text: &str, format: TextFormat, from: Option<usize>) {
        self.map.push((self.len, from));
        self.len += text.chars().count();
        self.job.append(text, 0.0, format);
    }
}

/// The card's text as a layout: read words large (the cursor's on the selection colour),
/// unread text faint or an ellipsis, and the marker where reading stopped. Also each piece's
/// first character in the layout and in the card's text (`None` for the marker and ellipses).
fn text_job(
    ui: &egui::Ui,
    card: &Card,
    words: &[(usize, usize)],
    cursor: Option<usize>,
    marked: Option<&MarkedPoint>,
    hide: bool,
) -> (LayoutJob, Vec<(usize, Option<usize>)>) {
    let chars: Vec<char> = card.text.chars().collect();
    let read = TextFormat {
        font_id: FontId::proportional(READ_SIZE),
        color: ui.visuals().strong_text_color(),
        ..Default::default()
    };
    let faint = TextFormat {
        font_id: FontId::proportional(FAINT_SIZE),
        color: ui.visuals().weak_text_color(),
        ..Default::default()
    };
    let marker = |m: &MarkedPoint| format!(" {} ", crate::export::speech_doc::marker(m.at_seconds));
    let mut out = Pieces::default();
    let unread = |out: &mut Pieces, from: usize, to: usize| {
        if from < to {
            if hide {
                out.push(" … ", faint.clone(), None);
            } else {
                out.push(&chars[from..to].iter().collect::<String>(), faint.clone(), Some(from));
            }
        }
    };
    let mut at = 0;
    let mut marker_done = false;
    if words.is_empty()
        && let Some(m) = marked.filter(|m| m.offset == 0)
    {
        out.push(&marker(m), marker_format(ui), None);
        marker_done = true;
    }
    for (w, &(start, end)) in words.iter().enumerate() {
        unread(&mut out, at, start);
        if let Some(m) = marked.filter(|m| !marker_done && m.offset <= start) {
            out.push(&marker(m), marker_format(ui), None);
            marker_done = true;
        }
        let mut format = read.clone();
        if cursor == Some(w) {
            format.background = ui.visuals().selection.bg_fill;
        }
        out.push(&chars[start..end].iter().collect::<String>(), format, Some(start));
        if let Some(m) = marked.filter(|m| !marker_done && m.offset <= end) {
            out.push(&marker(m), marker_format(ui), None);
            marker_done = true;
        }
        out.push(" ", read.clone(), Some(end));
        at = end;
    }
    unread(&mut out, at, chars.len());
    if let (Some(m), false) = (marked, marker_done) {
        out.push(&marker(m), marker_format(ui), None);
    }
    (out.job, out.map)
}

fn marker_format(ui: &egui::Ui) -> TextFormat {
    TextFormat {
        font_id: FontId::proportional(READ_SIZE - 4.0),
        color: ui.visuals().error_fg_color,
        ..Default::default()
    }
}
