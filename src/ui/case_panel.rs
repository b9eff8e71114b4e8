//! The case builder: affirmative and negative tabs, the speech the case is sized for, and the
//! running totals coloured against it (amber past 75%, red past 100%).

use egui::RichText;

use crate::model::{CaseSide, timing};
use crate::ops::{Edit, SessionOp};

use super::actions::Action;
use super::app::CasebookApp;
use super::commands::Command;

/// The colour for a time against its speech budget.
pub fn budget_colour(ui: &egui::Ui, seconds: u32, speech: u32) -> egui::Color32 {
    match timing::budget(seconds, speech) {
        timing::Budget::Comfortable => ui.visuals().text_color(),
        timing::Budget::Tight => egui::Color32::from_rgb(214, 140, 0),
        timing::Budget::Over => ui.visuals().error_fg_color,
    }
}

/// "3 cards · 120 words · 0:29"
pub fn reading_text(r: &timing::Reading) -> String {
    format!("{} cards · {} words · {}", r.cards, r.words, timing::clock(r.seconds))
}

fn side_tabs(app: &mut CasebookApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        for (side, name, command) in
            [(CaseSide::Aff, "Affirmative", Command::AffCase), (CaseSide::Neg, "Negative", Command::NegCase)]
        {
            let r = ui.selectable_label(app.side == side, RichText::new(name).heading());
            if r.on_hover_text(format!("{} (Ctrl+{})", name, if side == CaseSide::Aff { 1 } else { 2 }))
                .clicked()
            {
                app.pending.push(Action::Run(command));
            }
        }
    });
}

fn title_and_speech(app: &mut CasebookApp, ui: &mut egui::Ui) {
    let side = app.side;
    let case = app.ws.session.case(side);
    let id = egui::Id::unique(("case-title", side));
    let mut title = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| case.title.clone());
    let label = ui.label("Case title");
    let r = ui.add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY)).labelled_by(label.id);
    if r.changed() {
        ui.data_mut(|d| d.insert_temp(id, title.clone()));
    }
    if r.lost_focus() || (!r.has_focus() && title != case.title && !r.changed()) {
        ui.data_mut(|d| d.remove::<String>(id));
        if title != case.title && !title.trim().is_empty() {
            app.pending.push(Action::Edit(Edit::Session(SessionOp::SetCaseTitle { side, title })));
        }
    }
    let speech = case.speech_seconds;
    ui.horizontal(|ui| {
        let preset = timing::SPEECH_PRESETS.iter().find(|(_, s)| *s == speech).map_or("Custom", |(n, _)| n);
        let mut chosen = speech;
        egui::ComboBox::from_label("Speech").selected_text(preset).show_ui(ui, |ui| {
            for (name, seconds) in timing::SPEECH_PRESETS {
                ui.selectable_value(&mut chosen, *seconds, *name);
            }
        });
        let mut minutes = speech as f32 / 60.0;
        let r = ui.add(egui::DragValue::new(&mut minutes).range(0.5..=20.0).speed(0.25).suffix(" min"));
        let r = r.on_hover_text("Custom speech length");
        if r.changed() {
            chosen = (minutes * 60.0).round() as u32;
        }
        if chosen != speech {
            app.pending
                .push(Action::Edit(Edit::Session(SessionOp::SetSpeechSeconds { side, seconds: chosen })));
        }
    });
}

/// Draws the case builder.
pub fn show(app: &mut CasebookApp, ui: &mut egui::Ui) {
    side_tabs(app, ui);
    title_and_speech(app, ui);
    let case = app.ws.session.case(app.side);
    let reading = app.derived.case(app.side).total;
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
    ui.horizontal(|ui| {
        for command in [Command::AddSection, Command::AddAnalytic, Command::AddCard] {
            let shortcut = command.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
            if ui.button(command.label()).on_hover_text(shortcut).clicked() {
                app.pending.push(Action::Run(command));
            }
        }
    });
    ui.collapsing("Session notes", |ui| {
        let notes = app.ws.session.notes.clone();
        let key = egui::Id::unique("session-notes");
        if let Some(text) =
            super::card_editor::committed_field(ui, "Notes (opponents, judges, reminders)", key, &notes, true)
        {
            app.pending.push(Action::Edit(Edit::Session(SessionOp::SetNotes(text))));
        }
    });
    ui.separator();
    super::case_rows::show(app, ui);
}
