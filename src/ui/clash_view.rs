//! The clash map, beside the case builder: for the case or speech shown there, each argument
//! the other side can run (their blocks) with its answers — in this case, in the library only,
//! or none — coloured by coverage. Select an argument and Ctrl+Shift+F finds candidate answers
//! to link or place; drop a library card on an argument to link it as an answer.

use egui::{Color32, RichText};

use crate::clash::Coverage;
use crate::desk::{CardKey, Desk, Intent};
use crate::model::AnswerHow;

use super::view_state::{Requests, Selection};

/// What the clash map keeps between frames.
#[derive(Default)]
pub struct ClashState {
    /// The selected argument (its position in the map).
    pub selected: Option<usize>,
    /// Candidate answers found for an argument: (argument, cards).
    pub candidates: Option<(usize, Vec<CardKey>)>,
    /// The side whose arguments the selection is among (a change of side clears it).
    pub against: Option<crate::model::Side>,
}

/// The colour and words of a coverage.
pub fn coverage_look(coverage: Coverage) -> (Color32, &'static str) {
    match coverage {
        Coverage::Answered => (Color32::from_rgb(40, 140, 60), "answered in this case"),
        Coverage::Available => (Color32::from_rgb(200, 130, 0), "answers in the library, none placed"),
        Coverage::Missing => (Color32::from_rgb(200, 40, 40), "no answer anywhere"),
    }
}

/// Whether `outline` holds nothing yet.
fn is_empty(desk: &Desk, outline: crate::model::Outline) -> bool {
    desk.session().outline(outline).is_none_or(|sections| sections.iter().all(|s| s.items.is_empty()))
}

/// "3 of the neg's 7 positions unanswered in your Affirmative", for the outline shown, and
/// whether that is a warning (an empty outline is not: the debater has not started).
pub fn summary_line(desk: &Desk, selection: &Selection) -> Option<(String, bool)> {
    let outline = selection.outline(desk);
    let &(against, ref map) = desk.clash(outline)?;
    if map.is_empty() {
        return None;
    }
    let name = super::widgets::outline_name(desk, outline);
    let empty = is_empty(desk, outline);
    let open = !empty && map.iter().any(|c| c.coverage != Coverage::Answered);
    Some((crate::clash::summary(map, against, &name, empty), open))
}

/// The decks of this debate, ticked: the clash map's positions come from them only.
fn topic_boxes(ui: &mut egui::Ui, desk: &Desk, out: &mut Requests) {
    let topic = desk.topic_decks();
    egui::CollapsingHeader::new(format!("This topic's decks ({} of {})", topic.len(), desk.decks().len()))
        .id_salt("clash-topic")
        .show(ui, |ui| {
            ui.label(RichText::new("Only these decks' blocks are positions to answer.").weak());
            for deck in desk.decks() {
                let mut on = topic.contains(&deck.id);
                if ui.checkbox(&mut on, format!("This topic: {} ({})", deck.title, deck.id)).changed() {
                    out.intent(Intent::TickTopicDeck { deck: deck.id.clone(), on });
                }
            }
            if desk.session().topic.is_some() && ui.button("Back to the default topic").clicked() {
                out.intent(Intent::SetTopic(None));
            }
        });
}

fn tag_of(desk: &Desk, (deck, card): &(String, String)) -> String {
    if deck.is_empty() {
        return format!("analytic: {card}");
    }
    desk.card(&CardKey::new(deck, card)).map_or_else(|| card.clone(), |(_, c)| c.tag.clone())
}

/// Draws the map.
pub fn show(
    ui: &mut egui::Ui,
    desk: &Desk,
    selection: &Selection,
    state: &mut ClashState,
    out: &mut Requests,
) {
    let outline = selection.outline(desk);
    let Some(&(against, ref map)) = desk.clash(outline) else { return };
    if state.against != Some(against) {
        *state = ClashState { against: Some(against), ..ClashState::default() };
    }
    let name = super::widgets::outline_name(desk, outline);
    ui.heading(format!("Clash: the {}'s arguments against your {name}", against.name()));
    topic_boxes(ui, desk, out);
    if map.is_empty() {
        ui.label(format!("This topic's decks hold no {} blocks to answer.", against.name()));
        return;
    }
    let empty = is_empty(desk, outline);
    let summary = RichText::new(crate::clash::summary(map, against, &name, empty));
    ui.label(if empty { summary.weak() } else { summary.strong() });
    let counts = |c: Coverage| map.iter().filter(|a| a.coverage == c).count();
    ui.horizontal_wrapped(|ui| {
        for c in [Coverage::Answered, Coverage::Available, Coverage::Missing] {
            let (colour, words) = coverage_look(c);
            ui.label(RichText::new(format!("{} {words}", counts(c))).color(colour));
        }
    });
    ui.label(
        RichText::new("Click an argument to see its answers; Ctrl+Shift+F finds candidates; drop a library card on an argument to link it.")
            .weak(),
    );
    ui.separator();
    let place = selection.insertion_place(desk);
    egui::ScrollArea::vertical().id_salt("clash-map").auto_shrink([false, false]).show(ui, |ui| {
        for (n, arg) in map.iter().enumerate() {
            let (colour, words) = coverage_look(arg.coverage);
            let text = RichText::new(format!("{} ({words})", arg.argument.describe())).color(colour);
            let r = ui.add(egui::Button::selectable(state.selected == Some(n), text).wrap());
            if r.clicked() {
                state.selected = if state.selected == Some(n) { None } else { Some(n) };
            }
            link_on_drop(ui, &r, &arg.argument, out);
            if state.selected != Some(n) {
                continue;
            }
            ui.indent(("clash-answers", n), |ui| {
                for placed in &arg.placed {
                    ui.label(format!(
                        "in this {}: {}",
                        if outline.case().is_some() { "case" } else { "speech" },
                        tag_of(desk, placed)
                    ));
                }
                for available in arg.available.iter().filter(|a| !arg.placed.contains(a)) {
                    // The button first: a long tag wraps after it instead of pushing it away.
                    ui.horizontal_wrapped(|ui| {
                        if let Some(place) = place
                            && ui.button("Add to case").clicked()
                        {
                            out.intent(Intent::AddCard {
                                card: CardKey::new(&available.0, &available.1),
                                place,
                            });
                        }
                        ui.label(format!("in the library: {}", tag_of(desk, available)));
                    });
                }
                if arg.available.is_empty() {
                    ui.label(RichText::new("No card answers it yet.").weak());
                }
                candidates(ui, desk, state, (arg.number, &arg.argument), place, out);
            });
        }
    });
}

fn candidates(
    ui: &mut egui::Ui,
    desk: &Desk,
    state: &ClashState,
    (n, argument): (usize, &crate::clash::Argument),
    place: Option<crate::desk::Place>,
    out: &mut Requests,
) {
    let Some((at, found)) = &state.candidates else {
        if ui.button("Find candidate answers (Ctrl+Shift+F)").clicked() {
            out.command(super::commands::Command::FindAnswers);
        }
        return;
    };
    if *at != n {
        return;
    }
    if found.is_empty() {
        ui.label(RichText::new("No card shares a label or a heading word with it.").weak());
    }
    for key in found {
        ui.horizontal_wrapped(|ui| {
            if ui.button("Link as an answer").clicked() {
                let target = argument.target();
                out.intent(Intent::LinkAnswer { answer: key.clone(), target, how: AnswerHow::Denies });
            }
            if let Some(place) = place
                && ui
                    .button("Place in case")
                    .on_hover_text("Add it to the current section (not linked)")
                    .clicked()
            {
                out.intent(Intent::AddCard { card: key.clone(), place });
            }
            let tag = desk.card(key).map_or_else(|| key.card.clone(), |(_, c)| c.tag.clone());
            ui.label(format!("candidate: {tag}"));
        });
    }
}

/// A library card dropped on an argument answers it (it denies it until the editor says how).
fn link_on_drop(
    ui: &egui::Ui,
    response: &egui::Response,
    argument: &crate::clash::Argument,
    out: &mut Requests,
) {
    let Some(key) = response.dnd_release_payload::<CardKey>() else {
        if egui::DragAndDrop::has_payload_of_type::<CardKey>(ui.ctx()) && response.contains_pointer() {
            ui.painter().rect_stroke(
                response.rect,
                2.0,
                (2.0, ui.visuals().selection.stroke.color),
                egui::StrokeKind::Outside,
            );
        }
        return;
    };
    let target = argument.target();
    out.intent(Intent::LinkAnswer { answer: (*key).clone(), target, how: AnswerHow::Denies });
}
