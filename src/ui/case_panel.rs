//! The case builder: affirmative and negative tabs (and the current speech's, see
//! [`super::speech_panel`]), the speech the case is sized for, and the
//! running totals coloured against it (amber past 75%, red past 100%).

use egui::RichText;

use crate::desk::{Desk, Intent};
use crate::model::{CaseSide, timing};

use super::commands::Command;
use super::view_state::{Requests, Selection};
use super::widgets::{DraftField, budget_colour, reading_text};

fn side_tabs(ui: &mut egui::Ui, desk: &Desk, selection: &Selection, out: &mut Requests) {
    ui.horizontal(|ui| {
        let speech = selection.current_speech(desk);
        let showing_speech = selection.showing_speech && speech.is_some();
        for (side, name, command) in
            [(CaseSide::Aff, "Affirmative", Command::AffCase), (CaseSide::Neg, "Negative", Command::NegCase)]
        {
            let r =
                ui.selectable_label(!showing_speech && selection.side == side, RichText::new(name).heading());
            if r.on_hover_text(command.hint(ui.ctx())).clicked() {
                out.command(command);
            }
        }
        let name = speech
            .and_then(|s| desk.ids().speech_outline(s))
            .map_or_else(|| "Speech".to_owned(), |o| super::widgets::outline_name(desk, o));
        let r = ui.selectable_label(showing_speech, RichText::new(name).heading());
        if r.on_hover_text(Command::ShowSpeech.hint(ui.ctx())).clicked() {
            out.command(if speech.is_some() { Command::ShowSpeech } else { Command::NewRound });
        }
    });
}

fn title_and_speech(ui: &mut egui::Ui, desk: &Desk, side: CaseSide, out: &mut Requests) {
    let case = desk.session().case(side);
    let id = egui::Id::unique(("case-title", side));
    if let Some(title) = DraftField::new(id, "Case title", &case.title).show(ui).changed()
        && !title.trim().is_empty()
    {
        out.intent(Intent::SetCaseTitle { side, title });
    }
    let speech = case.speech_seconds;
    ui.horizontal_wrapped(|ui| {
        let preset = timing::SPEECH_PRESETS.iter().find(|(_, s)| *s == speech).map_or("Custom", |(n, _)| n);
        let mut chosen = speech;
        egui::ComboBox::from_label("Speech").selected_text(preset).show_ui(ui, |ui| {
            for (name, seconds) in timing::SPEECH_PRESETS {
                ui.selectable_value(&mut chosen, *seconds, *name);
            }
        });
        let mut minutes = speech as f32 / 60.0;
        let label = ui.label("Speech length");
        let value = egui::DragValue::new(&mut minutes).range(0.5..=20.0).speed(0.25).suffix(" min");
        let r = ui.add(value).labelled_by(label.id).on_hover_text("Drag or type a custom speech length");
        // One drag is one undo step: every change after the first of a drag continues it.
        let continuing = r.dragged() && !r.drag_started();
        if r.changed() {
            chosen = (minutes * 60.0).round() as u32;
        }
        if chosen != speech {
            out.intent(Intent::SetSpeechSeconds { side, seconds: chosen, continuing });
        }
    });
}

/// "3 of the neg's 7 positions unanswered in your Affirmative": a link to the clash map.
pub fn clash_line(ui: &mut egui::Ui, desk: &Desk, selection: &Selection, out: &mut Requests) {
    let Some((line, open)) = super::clash_view::summary_line(desk, selection) else { return };
    let colour = if open { ui.visuals().warn_fg_color } else { ui.visuals().text_color() };
    let r = ui.add(egui::Button::new(RichText::new(line).color(colour)).frame(false));
    if r.on_hover_text(Command::ClashMap.hint(ui.ctx())).clicked() {
        out.command(Command::ClashMap);
    }
}

/// Draws the case builder.
pub fn show(ui: &mut egui::Ui, desk: &Desk, selection: &mut Selection, out: &mut Requests) {
    side_tabs(ui, desk, selection, out);
    if selection.showing_speech
        && let Some(speech) = selection.current_speech(desk)
    {
        super::speech_panel::header(ui, desk, speech, out);
        clash_line(ui, desk, selection, out);
        ui.separator();
        super::case_rows::show(ui, desk, selection, out);
        return;
    }
    let side = selection.side;
    title_and_speech(ui, desk, side, out);
    let case = desk.session().case(side);
    let reading = desk.figures(side).total;
    let colour = budget_colour(ui, reading.seconds, case.speech_seconds);
    ui.label(
        RichText::new(format!(
            "{} of {} ({:.0}%)",
            reading_text(&reading),
            timing::clock(case.speech_seconds),
            reading.share_of(case.speech_seconds) * 100.0
        ))
        .color(colour)
        .strong(),
    );
    clash_line(ui, desk, selection, out);
    ui.horizontal_wrapped(|ui| {
        for command in [Command::AddSection, Command::AddAnalytic, Command::AddCard] {
            if ui.button(command.label()).on_hover_text(command.keys(ui.ctx())).clicked() {
                out.command(command);
            }
        }
    });
    ui.collapsing("Session notes", |ui| {
        let key = egui::Id::unique("session-notes");
        let notes = &desk.session().notes;
        let field = DraftField::new(key, "Notes (opponents, judges, reminders)", notes).multiline();
        if let Some(text) = field.show(ui).changed() {
            out.intent(Intent::SetNotes(text));
        }
    });
    ui.separator();
    super::case_rows::show(ui, desk, selection, out);
}
