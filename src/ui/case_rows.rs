//! The rows of a case: section headings and items in one virtualised list, with drag and drop
//! (cards from the library, items between places) and the per-row buttons.

use egui::{Id, RichText};

use crate::model::{CaseSide, Item};
use crate::ops::{Edit, SessionOp};
use crate::search::CardPos;
use crate::workspace::CardStatus;

use super::actions::Action;
use super::app::CasebookApp;
use super::case_panel::{budget_colour, reading_text};
use super::commands::Command;

/// Height of one case row, in points.
pub const ROW_HEIGHT: f32 = 24.0;

/// A case item being dragged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemDrag {
    /// The case.
    pub side: CaseSide,
    /// Section and index it is dragged from.
    pub from: (usize, usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    Header(usize),
    Item(usize, usize),
    End(usize),
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

/// Draws the rows of the current case.
pub fn show(app: &mut CasebookApp, ui: &mut egui::Ui) {
    let side = app.side;
    let case = app.ws.session.case(side);
    let mut rows = Vec::new();
    for (s, section) in case.sections.iter().enumerate() {
        rows.push(Row::Header(s));
        rows.extend((0..section.items.len()).map(|i| Row::Item(s, i)));
        rows.push(Row::End(s));
    }
    if rows.is_empty() {
        ui.label("No sections yet: “Add section” (Ctrl+Shift+N) starts a contention or off-case position.");
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt(("case-rows", side)).show_rows(
        ui,
        ROW_HEIGHT,
        rows.len(),
        |ui, range| {
            for row in &rows[range] {
                let response = match *row {
                    Row::Header(s) => header_row(app, ui, s),
                    Row::Item(s, i) => item_row(app, ui, s, i),
                    Row::End(_) => ui.add_sized(
                        [ui.available_width(), ROW_HEIGHT],
                        egui::Label::new(RichText::new("      drop cards here").weak().small()),
                    ),
                };
                let (s, i) = match *row {
                    Row::Header(s) => (s, 0),
                    Row::Item(s, i) => (s, i),
                    Row::End(s) => (s, app.ws.session.case(side).sections[s].items.len()),
                };
                drop_target(app, ui, &response, s, i);
            }
        },
    );
}

fn drop_target(app: &mut CasebookApp, ui: &egui::Ui, response: &egui::Response, s: usize, i: usize) {
    // The row's rect decides, not `contains_pointer`: a row's child widget (its button) covers it.
    let over = ui.rect_contains_pointer(response.rect);
    if !over {
        return;
    }
    let ctx = ui.ctx();
    let card = egui::DragAndDrop::payload::<CardPos>(ctx);
    let item = egui::DragAndDrop::payload::<ItemDrag>(ctx).filter(|d| d.side == app.side);
    if card.is_none() && item.is_none() {
        return;
    }
    let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
    ui.painter().hline(response.rect.x_range(), response.rect.top(), stroke);
    if !ui.input(|inp| inp.pointer.any_released()) {
        return;
    }
    if let Some(pos) = card {
        egui::DragAndDrop::clear_payload(ctx);
        app.pending.push(Action::AddCardAt { pos: *pos, section: s, index: i });
    }
    if let Some(drag) = item {
        egui::DragAndDrop::clear_payload(ctx);
        let (fs, fi) = drag.from;
        let to = if fs == s && fi < i { i - 1 } else { i };
        if (fs, fi) != (s, to) {
            let side = app.side;
            app.pending.push(Action::Edit(Edit::Session(SessionOp::MoveItem {
                side,
                from: (fs, fi),
                to: (s, to),
            })));
            app.selected_item = Some((s, to));
        }
    }
}

fn header_row(app: &mut CasebookApp, ui: &mut egui::Ui, s: usize) -> egui::Response {
    let side = app.side;
    let section = &app.ws.session.case(side).sections[s];
    let speech = app.ws.session.case(side).speech_seconds;
    let reading = app.derived.case(side).sections.get(s).copied().unwrap_or_default();
    let current = app.current_section[usize::from(side == CaseSide::Neg)] == s;
    let title = section.title.clone();
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        if app.renaming_section == Some((side, s)) {
            let id = Id::unique(("rename-section", side, s));
            let mut text = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| title.clone());
            let r =
                ui.add(egui::TextEdit::singleline(&mut text).hint_text("Section title").desired_width(200.0));
            if !r.has_focus()
                && !r.lost_focus()
                && ui.data(|d| d.get_temp::<bool>(id.with("focused"))).is_none()
            {
                r.request_focus();
                ui.data_mut(|d| d.insert_temp(id.with("focused"), true));
            }
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
            if r.lost_focus() {
                ui.data_mut(|d| {
                    d.remove::<String>(id);
                    d.remove::<bool>(id.with("focused"));
                });
                app.renaming_section = None;
                if text != title && !text.trim().is_empty() {
                    app.pending.push(Action::Edit(Edit::Session(SessionOp::RenameSection {
                        side,
                        index: s,
                        title: text,
                    })));
                }
            }
        } else {
            let width = ui.available_width() - 260.0;
            let r = fitted(
                ui,
                width,
                ROW_HEIGHT,
                egui::Button::selectable(current, RichText::new(&title).strong()),
            );
            if r.clicked() {
                app.set_current(s);
            }
            if r.double_clicked() {
                app.renaming_section = Some((side, s));
            }
        }
        ui.label(RichText::new(reading_text(&reading)).small().color(budget_colour(
            ui,
            reading.seconds,
            speech,
        )));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if icon_button(ui, "🗑", &format!("Delete section {title}")).clicked() {
                app.pending.push(Action::Edit(Edit::Session(SessionOp::RemoveSection { side, index: s })));
            }
            if icon_button(ui, "✏", &format!("Rename section {title}")).clicked() {
                app.renaming_section = Some((side, s));
            }
            let n = app.ws.session.case(side).sections.len();
            if s + 1 < n && icon_button(ui, "⬇", &format!("Move section {title} down")).clicked() {
                app.set_current(s);
                app.pending.push(Action::Run(Command::MoveSectionDown));
            }
            if s > 0 && icon_button(ui, "⬆", &format!("Move section {title} up")).clicked() {
                app.set_current(s);
                app.pending.push(Action::Run(Command::MoveSectionUp));
            }
        });
    })
    .response
}

fn item_row(app: &mut CasebookApp, ui: &mut egui::Ui, s: usize, i: usize) -> egui::Response {
    let side = app.side;
    let item = app.ws.session.case(side).sections[s].items[i].clone();
    let selected = app.selected_item == Some((s, i));
    let drag = ItemDrag { side, from: (s, i) };
    let editing = app.editing_analytic == Some((side, s, i));
    let text_width = ui.available_width() - 120.0;
    let draggable = |ui: &mut egui::Ui, button: egui::Button<'_>, name: &str| {
        let r = fitted(ui, text_width, ROW_HEIGHT, button.sense(egui::Sense::click_and_drag()));
        r.dnd_set_drag_payload(drag);
        drag_preview(ui, &r, name);
        r
    };
    {
        ui.horizontal(|ui| {
            ui.set_height(ROW_HEIGHT);
            ui.label("   ::");
            let name = match &item {
                Item::Card { deck, card, source } => {
                    let _ = deck;
                    let status = app.derived.status(side, s, i);
                    let badge = match status {
                        CardStatus::ChangedInDeck => "  ⚠ changed in deck",
                        CardStatus::MissingFromDeck => "  ⚠ not in deck",
                        _ => "",
                    };
                    let text = format!("{} — {} {}{badge}", card.tag, source.cite_name(), source.cite_year());
                    if draggable(ui, egui::Button::selectable(selected, text), &card.tag).clicked() {
                        app.selected_item = Some((s, i));
                        app.showing_item = true;
                        app.set_current(s);
                    }
                    card.tag.clone()
                }
                Item::Analytic { text } if editing => {
                    analytic_editor(app, ui, s, i, text, text_width);
                    text.clone()
                }
                Item::Analytic { text } => {
                    let r = draggable(
                        ui,
                        egui::Button::selectable(selected, RichText::new(format!("✏ {text}")).italics()),
                        text,
                    );
                    if r.clicked() {
                        app.selected_item = Some((s, i));
                        app.set_current(s);
                    }
                    if r.double_clicked() {
                        app.editing_analytic = Some((side, s, i));
                    }
                    text.clone()
                }
            };
            item_buttons(app, ui, s, i, &name);
        })
        .response
    }
}

fn analytic_editor(
    app: &mut CasebookApp,
    ui: &mut egui::Ui,
    s: usize,
    i: usize,
    text: &str,
    text_width: f32,
) {
    let side = app.side;
    let id = Id::unique(("edit-analytic", side, s, i));
    let mut buffer = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| text.to_owned());
    let r = ui.add(egui::TextEdit::singleline(&mut buffer).hint_text("Analytic").desired_width(text_width));
    if ui.data(|d| d.get_temp::<bool>(id.with("focused"))).is_none() {
        r.request_focus();
        ui.data_mut(|d| d.insert_temp(id.with("focused"), true));
    }
    ui.data_mut(|d| d.insert_temp(id, buffer.clone()));
    if r.lost_focus() {
        ui.data_mut(|d| {
            d.remove::<String>(id);
            d.remove::<bool>(id.with("focused"));
        });
        app.editing_analytic = None;
        if buffer != text {
            let item = Item::Analytic { text: buffer };
            app.pending.push(Action::Edit(Edit::Session(SessionOp::ReplaceItem {
                side,
                section: s,
                index: i,
                item,
            })));
        }
    }
}

fn item_buttons(app: &mut CasebookApp, ui: &mut egui::Ui, s: usize, i: usize, name: &str) {
    let side = app.side;
    let len = app.ws.session.case(side).sections[s].items.len();
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if icon_button(ui, "✖", &format!("Remove {name}")).clicked() {
            app.pending.push(Action::Edit(Edit::Session(SessionOp::RemoveItem {
                side,
                section: s,
                index: i,
            })));
            app.selected_item = None;
        }
        if i + 1 < len && icon_button(ui, "⬇", &format!("Move {name} down")).clicked() {
            app.pending.push(Action::Edit(Edit::Session(SessionOp::MoveItem {
                side,
                from: (s, i),
                to: (s, i + 1),
            })));
        }
        if i > 0 && icon_button(ui, "⬆", &format!("Move {name} up")).clicked() {
            app.pending.push(Action::Edit(Edit::Session(SessionOp::MoveItem {
                side,
                from: (s, i),
                to: (s, i - 1),
            })));
        }
    });
}
