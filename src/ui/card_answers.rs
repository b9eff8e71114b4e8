//! The card editor's "Answers" section: what the card answers and how, each link's way changed
//! or the link removed in place, and a new link to a named argument (a label) or to a block of
//! the other side. Every change is one intent, one undo step.

use egui::RichText;

use crate::desk::{CardKey, Desk, Intent};
use crate::model::{AnswerHow, AnswerTarget, Card, Side};

use super::view_state::Requests;

/// Draws the section for `card`.
pub fn show(ui: &mut egui::Ui, desk: &Desk, key: &CardKey, card: &Card, out: &mut Requests) {
    ui.collapsing(format!("Answers ({})", card.answers.len()), |ui| {
        if card.answers.is_empty() {
            ui.label(RichText::new("This card answers nothing yet. Link it below, or drag it onto an argument in the clash map.").weak());
        }
        for link in &card.answers {
            ui.horizontal(|ui| {
                ui.label(format!("answers “{}”", link.target.describe()));
                let mut how = link.how;
                egui::ComboBox::from_id_salt(("answer-how", key, link.target.describe()))
                    .selected_text(how.name())
                    .show_ui(ui, |ui| {
                        for h in AnswerHow::ALL {
                            ui.selectable_value(&mut how, h, h.name());
                        }
                    })
                    .response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "How it answers"));
                if how != link.how {
                    out.intent(Intent::LinkAnswer { answer: key.clone(), target: link.target.clone(), how });
                }
                let name = format!("Remove the link to {}", link.target.describe());
                if super::widgets::icon_button(ui, "✖", &name).clicked() {
                    out.intent(Intent::UnlinkAnswer { answer: key.clone(), target: link.target.clone() });
                }
            });
        }
        new_link(ui, desk, key, card, out);
    });
}

/// A new link: an argument of the other side's (a block or a named argument), or a name typed in.
fn new_link(ui: &mut egui::Ui, desk: &Desk, key: &CardKey, card: &Card, out: &mut Requests) {
    let against = match card.side {
        Side::Aff => Side::Neg,
        Side::Neg => Side::Aff,
        Side::Either => Side::Either,
    };
    ui.horizontal_wrapped(|ui| {
        let mut chosen = None;
        let label = ui.label("Answers the argument");
        egui::ComboBox::from_id_salt(("answer-block", key))
            .width(220.0)
            .truncate()
            .selected_text("choose…")
            .show_ui(ui, |ui| {
                let sides = if against == Side::Either { vec![Side::Aff, Side::Neg] } else { vec![against] };
                for side in sides {
                    for arg in desk.clash_index(side).arguments() {
                        if ui.selectable_label(false, arg.describe()).clicked() {
                            chosen = Some(arg.target());
                        }
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(target) = chosen {
            out.intent(Intent::LinkAnswer { answer: key.clone(), target, how: AnswerHow::Denies });
        }
    });
    let id = egui::Id::unique(("answer-label", key));
    let field =
        super::widgets::DraftField::new(id, "Answers the argument named (a label, e.g. taiwan trap)", "");
    if let Some(text) = field.show(ui).changed()
        && !text.trim().is_empty()
    {
        let target = AnswerTarget::Label(text.trim().to_lowercase());
        out.intent(Intent::LinkAnswer { answer: key.clone(), target, how: AnswerHow::Denies });
    }
}
