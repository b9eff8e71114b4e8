//! Round → New round…: the round's facts (tournament, round, side, opponent, judge, date,
//! school and team code as the caselist names them), its format, and whether its first
//! constructives start as the prepared cases. Creating it is one intent (and one undo step).

use crate::desk::{Desk, Intent};
use crate::model::{CaseSide, DebateFormat, Round};

use super::view_state::Requests;

/// What the dialog holds while it is open.
#[derive(Clone, Debug)]
pub struct RoundDraft {
    /// The tournament.
    pub tournament: String,
    /// The round ("R3", "Octas").
    pub round: String,
    /// The debater's side.
    pub side: CaseSide,
    /// The opposing team.
    pub opponent: String,
    /// The judge.
    pub judge: String,
    /// The date, `YYYY-MM-DD`.
    pub date: String,
    /// The school, as the caselist names it.
    pub school: String,
    /// The team code.
    pub team: String,
    /// The format.
    pub format: DebateFormat,
    /// Copy the prepared cases into the first constructives.
    pub from_cases: bool,
    prefilled: bool,
}

impl Default for RoundDraft {
    fn default() -> Self {
        RoundDraft {
            tournament: String::new(),
            round: String::new(),
            side: CaseSide::Aff,
            opponent: String::new(),
            judge: String::new(),
            date: crate::model::calendar::today(),
            school: String::new(),
            team: String::new(),
            format: DebateFormat::Policy,
            from_cases: true,
            prefilled: false,
        }
    }
}

impl RoundDraft {
    /// The round this draft describes, started from the session's cases if asked.
    pub fn round(&self, desk: &Desk) -> Round {
        let (t, r) = (self.tournament.trim(), self.round.trim());
        let mut round = if self.from_cases {
            Round::from_cases(t, r, self.side, self.format, desk.session())
        } else {
            Round::new(t, r, self.side, self.format)
        };
        round.opponent = self.opponent.trim().to_owned();
        round.judge = self.judge.trim().to_owned();
        round.date = self.date.trim().to_owned();
        round.school = self.school.trim().to_owned();
        round.team = self.team.trim().to_owned();
        round
    }
}

fn field(ui: &mut egui::Ui, name: &str, value: &mut String, hint: &str) -> egui::Response {
    let label = ui.label(name);
    let r =
        ui.add(egui::TextEdit::singleline(value).hint_text(hint).desired_width(260.0)).labelled_by(label.id);
    ui.end_row();
    r
}

/// Shows the dialog; returns whether it stays open.
pub fn show(ctx: &egui::Context, desk: &Desk, draft: &mut RoundDraft, out: &mut Requests) -> bool {
    if !draft.prefilled {
        // The tournament, school, team and format of the last round: the next round is usually
        // at the same tournament.
        if let Some(last) = desk.session().rounds.last() {
            draft.tournament.clone_from(&last.tournament);
            draft.school.clone_from(&last.school);
            draft.team.clone_from(&last.team);
            draft.format = last.format;
        }
        draft.prefilled = true;
    }
    let mut keep = !ctx.input(|i| i.key_pressed(egui::Key::Escape));
    egui::Modal::new(super::widgets::dialog_id(ctx, "new-round")).show(ctx, |ui| {
        ui.heading("New round");
        egui::Grid::new("round-facts").num_columns(2).show(ui, |ui| {
            let first = field(ui, "Tournament", &mut draft.tournament, "Harvard");
            if !first.has_focus() && draft.tournament.is_empty() && !ui.memory(|m| m.focused().is_some()) {
                first.request_focus();
            }
            field(ui, "Round name", &mut draft.round, "R3, Octas");
            ui.label("Side");
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.side, CaseSide::Aff, "Affirmative");
                ui.radio_value(&mut draft.side, CaseSide::Neg, "Negative");
            });
            ui.end_row();
            field(ui, "Opponent", &mut draft.opponent, "Lexington AB");
            field(ui, "Judge", &mut draft.judge, "");
            field(ui, "Date", &mut draft.date, "YYYY-MM-DD");
            field(ui, "School (caselist)", &mut draft.school, "Your school");
            field(ui, "Team code", &mut draft.team, "Your initials, e.g. AB");
            let label = ui.label("Format");
            egui::ComboBox::from_id_salt("round-format")
                .selected_text(draft.format.name())
                .show_ui(ui, |ui| {
                    for f in DebateFormat::ALL {
                        ui.selectable_value(&mut draft.format, f, f.name());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        });
        let first = |side| draft.format.speeches().iter().find(|s| s.side == side).map_or("", |s| s.name);
        let text = format!(
            "Start the {} from the affirmative case and the {} from the negative case",
            first(CaseSide::Aff),
            first(CaseSide::Neg)
        );
        ui.checkbox(&mut draft.from_cases, text);
        ui.horizontal(|ui| {
            let ready = !draft.tournament.trim().is_empty() && !draft.round.trim().is_empty();
            let create = ui.add_enabled(ready, egui::Button::new("Create round"));
            if !ready {
                ui.label(egui::RichText::new("A tournament and a round name, please.").weak());
            }
            if create.clicked() {
                out.intent(Intent::AddRound(Box::new(draft.round(desk))));
                keep = false;
            }
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
    });
    keep
}
