//! The strip at the foot of the window, always visible: the current speech document (switch
//! with Ctrl+PgUp/PgDn), how long it reads against its length, and the round's clocks — the
//! speech clock and both sides' prep — with a field for typed times. An alert flashes it.

use egui::{Color32, RichText};

use crate::desk::{Desk, SpeechId};
use crate::model::{CaseSide, timing};
use crate::timer::Clock;

use super::commands::Command;
use super::round_state::{RoundState, clock_name};
use super::view_state::{Requests, Selection};
use super::widgets::budget_colour;

/// The typed-time field's id (Ctrl+T puts the keyboard there).
pub const TYPED_TIME_ID: &str = "typed-time";

/// Draws the strip.
pub fn show(
    ui: &mut egui::Ui,
    desk: &Desk,
    sel: &mut Selection,
    round: &mut RoundState,
    now: f64,
    out: &mut Requests,
) {
    if round.flash_until > now {
        // Blinks while the alert lasts: on for the first half of each third of a second.
        if (round.flash_until - now) % 0.6 > 0.3 {
            ui.painter().rect_filled(ui.max_rect().expand(4.0), 0.0, Color32::from_rgb(200, 40, 40));
        }
    }
    ui.horizontal_wrapped(|ui| {
        let Some(speech) = sel.current_speech(desk) else {
            ui.label("No round yet.");
            if ui.button(Command::NewRound.label()).on_hover_text(Command::NewRound.keys(ui.ctx())).clicked()
            {
                out.command(Command::NewRound);
            }
            return;
        };
        current_speech(ui, desk, sel, speech, out);
        ui.separator();
        clocks(ui, desk, speech, round, now, out);
        if round.flash_until > now {
            ui.label(RichText::new(&round.alert).strong().color(Color32::WHITE));
        }
    });
}

fn current_speech(ui: &mut egui::Ui, desk: &Desk, sel: &mut Selection, speech: SpeechId, out: &mut Requests) {
    let Some(outline) = desk.ids().speech_outline(speech) else { return };
    let crate::model::Outline::Speech { round: r, speech: s } = outline else { return };
    let round = &desk.session().rounds[r];
    if super::widgets::icon_button(ui, "◀", &Command::PrevSpeechDoc.hint(ui.ctx())).clicked() {
        out.command(Command::PrevSpeechDoc);
    }
    let label = ui.label("Speech");
    let chosen = egui::ComboBox::from_id_salt("current-speech")
        .selected_text(RichText::new(format!("{} · {}", round.speeches[s].name, round.label())).strong())
        .show_ui(ui, |ui| {
            let mut chosen = None;
            for (ri, r) in desk.session().rounds.iter().enumerate() {
                for (si, doc) in r.speeches.iter().enumerate() {
                    let Some(id) = desk.ids().round_at(ri) else { continue };
                    let this = SpeechId { round: id, speech: si };
                    if ui.selectable_label(this == speech, format!("{} · {}", doc.name, r.label())).clicked()
                    {
                        chosen = Some(this);
                    }
                }
            }
            chosen
        });
    chosen.response.labelled_by(label.id);
    if let Some(Some(id)) = chosen.inner {
        sel.speech = Some(id);
        sel.showing_speech = true;
    }
    if super::widgets::icon_button(ui, "▶", &Command::NextSpeechDoc.hint(ui.ctx())).clicked() {
        out.command(Command::NextSpeechDoc);
    }
    let reading = desk.figures(outline).total;
    let seconds = round.speeches[s].seconds;
    let text =
        format!("{} cards · {} of {}", reading.cards, timing::clock(reading.seconds), timing::clock(seconds));
    ui.label(RichText::new(text).color(budget_colour(ui, reading.seconds, seconds)));
    if !sel.showing_speech && ui.button("Show").on_hover_text(Command::ShowSpeech.hint(ui.ctx())).clicked() {
        out.command(Command::ShowSpeech);
    }
    if ui.button("Read").on_hover_text(Command::ReadMode.hint(ui.ctx())).clicked() {
        out.command(Command::ReadMode);
    }
}

fn clocks(
    ui: &mut egui::Ui,
    desk: &Desk,
    speech: SpeechId,
    round: &mut RoundState,
    now: f64,
    out: &mut Requests,
) {
    let Some((id, timer)) = &round.clock else { return };
    if *id != speech.round {
        return;
    }
    let side = desk.ids().locate_round(*id).map_or(CaseSide::Aff, |i| desk.session().rounds[i].side);
    let other = if side == CaseSide::Aff { CaseSide::Neg } else { CaseSide::Aff };
    let entries = [
        (Clock::Speech, format!("{} clock", timer.speech().name), Command::SpeechClock),
        (Clock::Prep(side), format!("Our prep ({})", side.name()), Command::OurPrep),
        (Clock::Prep(other), format!("Their prep ({})", other.name()), Command::TheirPrep),
    ];
    for (clock, name, command) in entries {
        let left = timer.left(clock, now);
        let running = timer.running() == Some(clock);
        let time =
            format!("{}{}", if left < 0.0 { "-" } else { "" }, timing::clock(left.abs().ceil() as u32));
        let mut text =
            RichText::new(format!("{} {name} {time}", if running { "⏸" } else { "▶" })).monospace();
        if running {
            text = text.strong();
        }
        if left < 0.0 {
            text = text.color(Color32::RED);
        }
        let verb = if running { "Stop" } else { "Start" };
        let hint = format!("{verb} the {} ({})", clock_name(clock).to_lowercase(), command.keys(ui.ctx()));
        if ui.selectable_label(running, text).on_hover_text(hint).clicked() {
            out.command(command);
        }
    }
    if ui.button("Next speech").on_hover_text(Command::NextTimerSpeech.hint(ui.ctx())).clicked() {
        out.command(Command::NextTimerSpeech);
    }
    let label = ui.label("Set");
    let field = egui::TextEdit::singleline(&mut round.typed)
        .id(egui::Id::unique(TYPED_TIME_ID))
        .hint_text("800 = 8:00")
        .desired_width(70.0);
    let r = ui.add(field).labelled_by(label.id).on_hover_text(format!(
        "Type a time and Enter: sets the running clock, else the speech clock ({})",
        Command::SetTimer.keys(ui.ctx())
    ));
    if round.focus_typed {
        r.request_focus();
        round.focus_typed = false;
    }
    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !round.typed.trim().is_empty() {
        round.submit_typed = true;
    }
}
