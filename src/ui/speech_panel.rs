//! The right panel's speech tab: the current speech document's round (its facts, editable),
//! which speech it is, how long it reads against the speech's length, and the round's actions;
//! the rows below are the same as a case's.

use egui::RichText;

use crate::desk::{Desk, Intent, SpeechId};
use crate::model::{Outline, RoundFacts, timing};

use super::commands::Command;
use super::view_state::Requests;
use super::widgets::{DraftField, budget_colour, reading_text};

/// Draws the header of the speech tab for `speech`.
pub fn header(ui: &mut egui::Ui, desk: &Desk, speech: SpeechId, out: &mut Requests) {
    let Some(outline @ Outline::Speech { round: r, speech: s }) = desk.ids().speech_outline(speech) else {
        return;
    };
    let round = &desk.session().rounds[r];
    let doc = &round.speeches[s];
    ui.label(RichText::new(format!("{} · {}", doc.name, round.label())).heading());
    let reading = desk.figures(outline).total;
    ui.label(
        RichText::new(format!(
            "{} of {} ({:.0}%) · {} marked",
            reading_text(&reading),
            timing::clock(doc.seconds),
            reading.share_of(doc.seconds) * 100.0,
            doc.marked.len()
        ))
        .color(budget_colour(ui, reading.seconds, doc.seconds))
        .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        for command in [
            Command::ReadMode,
            Command::ExportSpeech,
            Command::Disclose,
            Command::AddSection,
            Command::AddAnalytic,
        ] {
            if ui.button(command.label()).on_hover_text(command.keys(ui.ctx())).clicked() {
                out.command(command);
            }
        }
    });
    ui.collapsing("Round facts", |ui| facts(ui, desk, speech, out));
}

/// Where a round fact's text lives.
type FactField = fn(&mut RoundFacts) -> &mut String;

fn facts(ui: &mut egui::Ui, desk: &Desk, speech: SpeechId, out: &mut Requests) {
    let Some(index) = desk.ids().locate_round(speech.round) else { return };
    let round = &desk.session().rounds[index];
    let facts = round.facts();
    let mut changed = facts.clone();
    let fields: [(&str, FactField); 7] = [
        ("Tournament", |f| &mut f.tournament),
        ("Round name", |f| &mut f.round),
        ("Opponent", |f| &mut f.opponent),
        ("Judge", |f| &mut f.judge),
        ("Date", |f| &mut f.date),
        ("School (caselist)", |f| &mut f.school),
        ("Team code", |f| &mut f.team),
    ];
    for (name, get) in fields {
        let current = get(&mut changed.clone()).clone();
        let id = egui::Id::unique(("round-fact", name, speech.round));
        if let Some(text) = DraftField::new(id, name, &current).show(ui).changed() {
            *get(&mut changed) = text;
        }
    }
    ui.horizontal(|ui| {
        ui.label(format!("{} · {} side", round.format.name(), round.side.name()));
        let prep = round.prep_used.map(timing::clock);
        ui.label(format!("prep used: aff {} · neg {}", prep[0], prep[1]));
    });
    if changed != facts {
        out.intent(Intent::SetRoundFacts { round: speech.round, facts: Box::new(changed) });
    }
    if ui.button("Remove this round").on_hover_text("Undo brings it back").clicked() {
        out.intent(Intent::RemoveRound(speech.round));
    }
}
