//! Small widgets every view shares: the draft text field that commits when it loses focus (one
//! undo step per field edit), icon buttons with accessible names, fitted rows, drag previews and
//! the colours and words of reading figures.

use egui::Id;

use crate::model::timing;

/// A text field whose edits stay a draft until it loses focus; then the new text is handed back
/// once, so typing a word is one edit (and one undo step), not one per keystroke.
pub struct DraftField<'a> {
    id: Id,
    current: &'a str,
    label: &'a str,
    hint: &'a str,
    multiline: bool,
    width: f32,
    grab_focus: bool,
}

impl<'a> DraftField<'a> {
    /// A field showing `current`, its draft kept under `id`, labelled `label` (the accessible
    /// name; shown above the field unless [`DraftField::inline`] is used).
    pub fn new(id: Id, label: &'a str, current: &'a str) -> Self {
        DraftField { id, current, label, hint: "", multiline: false, width: f32::INFINITY, grab_focus: false }
    }

    /// Several lines.
    pub fn multiline(mut self) -> Self {
        self.multiline = true;
        self
    }

    /// No visible label (the label is still the accessible name), a hint and a width.
    pub fn inline(mut self, hint: &'a str, width: f32) -> Self {
        self.hint = hint;
        self.width = width;
        self
    }

    /// Takes the keyboard when it first appears (renaming, a new analytic).
    pub fn grab_focus(mut self) -> Self {
        self.grab_focus = true;
        self
    }

    /// Draws the field; returns `Some(text)` once when it loses focus with changed text, and
    /// `Some(current)` unchanged never. [`DraftField::ended`] tells whether editing ended.
    pub fn show(self, ui: &mut egui::Ui) -> DraftEnd {
        let mut text =
            ui.data_mut(|d| d.get_temp::<String>(self.id)).unwrap_or_else(|| self.current.to_owned());
        let had_draft = ui.data(|d| d.get_temp::<String>(self.id).is_some());
        let edit = if self.multiline {
            egui::TextEdit::multiline(&mut text).desired_rows(2)
        } else {
            egui::TextEdit::singleline(&mut text)
        };
        let edit = edit.hint_text(self.hint).desired_width(self.width);
        let r = if self.hint.is_empty() {
            let l = ui.label(self.label);
            ui.add(edit).labelled_by(l.id)
        } else {
            let r = ui.add(edit);
            let name = self.label.to_owned();
            r.widget_info(move || egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
            r
        };
        let focused_once = self.id.with("focused");
        if self.grab_focus && ui.data(|d| d.get_temp::<bool>(focused_once)).is_none() {
            r.request_focus();
            ui.data_mut(|d| d.insert_temp(focused_once, true));
        }
        if r.has_focus() || r.changed() {
            ui.data_mut(|d| d.insert_temp(self.id, text.clone()));
        }
        // Focus can leave without `lost_focus` (another widget grabbed it in the same frame):
        // a draft left behind by an unfocused field is committed too.
        let ended = r.lost_focus() || (had_draft && !r.has_focus() && !r.changed());
        if !ended {
            return DraftEnd::Editing;
        }
        ui.data_mut(|d| {
            d.remove::<String>(self.id);
            d.remove::<bool>(focused_once);
        });
        if text != self.current { DraftEnd::Changed(text) } else { DraftEnd::Unchanged }
    }
}

/// What became of a draft field this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftEnd {
    /// Still being edited (or never touched).
    Editing,
    /// Editing ended with the text as it was.
    Unchanged,
    /// Editing ended with new text.
    Changed(String),
}

impl DraftEnd {
    /// The new text, if editing ended with a change.
    pub fn changed(self) -> Option<String> {
        match self {
            DraftEnd::Changed(t) => Some(t),
            _ => None,
        }
    }

    /// Whether editing ended (changed or not).
    pub fn ended(&self) -> bool {
        !matches!(self, DraftEnd::Editing)
    }
}

/// A small button whose accessible name says what it does.
pub fn icon_button(ui: &mut egui::Ui, icon: &str, name: &str) -> egui::Response {
    let r = ui.add(egui::Button::new(icon).small());
    let label = name.to_owned();
    r.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    r.on_hover_text(name)
}

/// Adds `button` left-aligned in a box `width` wide, its text cut with "…" to fit, so a long tag
/// never widens the panel.
pub fn fitted(ui: &mut egui::Ui, width: f32, height: f32, button: egui::Button<'_>) -> egui::Response {
    let size = egui::vec2(width.max(40.0), height);
    ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
        ui.set_max_width(size.x);
        ui.add(button.truncate())
    })
    .inner
}

/// While `response` is being dragged, draws `text` at the pointer so the user sees what moves.
pub fn drag_preview(ui: &egui::Ui, response: &egui::Response, text: &str) {
    if !response.dragged() {
        return;
    }
    let Some(at) = ui.ctx().pointer_interact_pos() else { return };
    let layer = egui::LayerId::new(egui::Order::Tooltip, response.id.with("drag-preview"));
    let painter = ui.ctx().layer_painter(layer);
    let galley = painter.layout(
        text.to_owned(),
        egui::FontId::proportional(13.0),
        ui.visuals().strong_text_color(),
        360.0,
    );
    let rect = egui::Rect::from_min_size(at + egui::vec2(12.0, 8.0), galley.size()).expand(4.0);
    painter.rect_filled(rect, 4.0, ui.visuals().window_fill);
    painter.rect_stroke(rect, 4.0, ui.visuals().window_stroke, egui::StrokeKind::Outside);
    painter.galley(rect.min + egui::vec2(4.0, 4.0), galley, ui.visuals().strong_text_color());
}

/// The colour for a time against its speech budget: amber past 75%, red past 100%.
pub fn budget_colour(ui: &egui::Ui, seconds: u32, speech: u32) -> egui::Color32 {
    match timing::budget(seconds, speech) {
        timing::Budget::Comfortable => ui.visuals().text_color(),
        timing::Budget::Tight => egui::Color32::from_rgb(214, 140, 0),
        timing::Budget::Over => ui.visuals().error_fg_color,
    }
}

/// "32 highlighted words · 0:10 at 250 wpm with tag and cite": a card's figures as the
/// session counts them.
pub fn card_reading(
    desk: &crate::desk::Desk,
    card: &crate::model::Card,
    source: Option<&crate::model::Source>,
) -> String {
    let session = desk.session();
    let reading = timing::card(card, source, session.counting, session.wpm);
    let with = match (session.counting.tags, session.counting.cites) {
        (true, true) => " with tag and cite",
        (true, false) => " with tag",
        (false, true) => " with cite",
        (false, false) => "",
    };
    let colour = session.counting.colour.map(|c| format!("{} ", c.name())).unwrap_or_default();
    format!(
        "{} {colour}highlighted words · {} at {} wpm{with}",
        card.highlighted_words_in(session.counting.colour),
        timing::clock(reading.seconds),
        session.wpm
    )
}

/// The one-letter side marker of a card in lists: A, N, or · for either.
pub fn side_marker(side: crate::model::Side) -> &'static str {
    match side {
        crate::model::Side::Aff => "A",
        crate::model::Side::Neg => "N",
        crate::model::Side::Either => "·",
    }
}

/// "3 cards · 120 words · 0:29"
pub fn reading_text(r: &timing::Reading) -> String {
    let cards = if r.cards == 1 { "1 card".to_owned() } else { format!("{} cards", r.cards) };
    format!("{cards} · {} words · {}", r.words, timing::clock(r.seconds))
}

/// The selected character range of the text field with id source `id`, if any.
pub fn text_selection(ctx: &egui::Context, id: &str) -> Option<(usize, usize)> {
    let state = egui::text_edit::TextEditState::load(ctx, Id::unique(id))?;
    let range = state.cursor.char_range()?;
    let (a, b): (usize, usize) = (range.primary.index.into(), range.secondary.index.into());
    (a != b).then_some((a.min(b), a.max(b)))
}

/// The id under which the dialog generation is kept in egui's memory.
const DIALOG_GENERATION: &str = "casebook-dialog-generation";

/// The id of the dialog `name` as currently opened: a dialog opened anew gets a fresh id, so egui
/// measures it before drawing it instead of placing it by the size it had last time (which drew
/// one frame in the wrong place).
pub fn dialog_id(ctx: &egui::Context, name: &str) -> Id {
    let generation = ctx.data(|d| d.get_temp::<u64>(Id::unique(DIALOG_GENERATION))).unwrap_or(0);
    Id::unique((name, generation))
}

/// Marks that a new dialog opens: the next [`dialog_id`]s are fresh.
pub fn new_dialog(ctx: &egui::Context) {
    ctx.data_mut(|d| {
        let generation = d.get_temp_mut_or_default::<u64>(Id::unique(DIALOG_GENERATION));
        *generation += 1;
    });
}

/// What an outline is called in buttons: "Affirmative", "Negative", or a speech ("2AC").
pub fn outline_name(desk: &crate::desk::Desk, outline: crate::model::Outline) -> String {
    use crate::model::{CaseSide, Outline};
    match outline {
        Outline::Case(CaseSide::Aff) => "Affirmative".into(),
        Outline::Case(CaseSide::Neg) => "Negative".into(),
        Outline::Speech { round, speech } => desk
            .session()
            .rounds
            .get(round)
            .and_then(|r| r.speeches.get(speech))
            .map_or_else(|| "the speech".into(), |s| s.name.clone()),
    }
}
