//! The rows of a case: section headings and items in one virtualised list, with drag and drop
//! (cards from the library, items between places) and the per-row buttons.

use egui::{Id, RichText};

use crate::desk::{CardKey, Desk, Intent, ItemId, Place, SectionId, Sendable, Step};
use crate::model::{Item, Outline};
use crate::workspace::CardStatus;

use super::view_state::{Requests, Selection};
use super::widgets::{DraftField, budget_colour, drag_preview, fitted, icon_button, reading_text};

/// Height of one case row, in points.
pub const ROW_HEIGHT: f32 = 24.0;

/// A case item being dragged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemDrag(pub ItemId);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    Header(usize),
    Item(usize, usize),
    End(usize),
}

/// Draws the rows of the current case.
pub fn show(ui: &mut egui::Ui, desk: &Desk, selection: &mut Selection, out: &mut Requests) {
    let side = selection.outline(desk);
    let sections = desk.session().outline(side).map_or(&[][..], |o| &o[..]);
    let mut rows = Vec::new();
    for (s, section) in sections.iter().enumerate() {
        rows.push(Row::Header(s));
        rows.extend((0..section.items.len()).map(|i| Row::Item(s, i)));
        rows.push(Row::End(s));
    }
    if rows.is_empty() {
        ui.label(format!(
            "No sections yet: “Add section” ({}) starts a contention or off-case position.",
            super::commands::Command::AddSection.keys(ui.ctx())
        ));
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt(("case-rows", side)).show_rows(
        ui,
        ROW_HEIGHT,
        rows.len(),
        |ui, range| {
            for row in &rows[range] {
                let (s, before) = match *row {
                    Row::Header(s) => (s, desk.ids().item_at(side, s, 0)),
                    Row::Item(s, i) => (s, desk.ids().item_at(side, s, i)),
                    Row::End(s) => (s, None),
                };
                let Some(section) = desk.ids().section_at(side, s) else { continue };
                let response = match *row {
                    Row::Header(s) => header_row(ui, desk, selection, out, s, section),
                    Row::Item(s, i) => item_row(ui, desk, selection, out, s, i),
                    Row::End(_) => ui.add_sized(
                        [ui.available_width(), ROW_HEIGHT],
                        egui::Label::new(RichText::new("      drop cards here").weak().small()),
                    ),
                };
                drop_target(ui, desk, selection, out, &response, Place { section, before });
            }
        },
    );
}

fn drop_target(
    ui: &egui::Ui,
    desk: &Desk,
    selection: &mut Selection,
    out: &mut Requests,
    response: &egui::Response,
    place: Place,
) {
    // The row's rect decides, not `contains_pointer`: a row's child widget (its button) covers it.
    if !ui.rect_contains_pointer(response.rect) {
        return;
    }
    let ctx = ui.ctx();
    let card = egui::DragAndDrop::payload::<CardKey>(ctx);
    let item = egui::DragAndDrop::payload::<ItemDrag>(ctx)
        .filter(|d| desk.item(d.0).is_some_and(|(o, ..)| o == selection.outline(desk)));
    if card.is_none() && item.is_none() {
        return;
    }
    let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
    ui.painter().hline(response.rect.x_range(), response.rect.top(), stroke);
    if !ui.input(|inp| inp.pointer.any_released()) {
        return;
    }
    if let Some(key) = card {
        egui::DragAndDrop::clear_payload(ctx);
        out.intent(Intent::AddCard { card: (*key).clone(), place });
    }
    if let Some(drag) = item {
        egui::DragAndDrop::clear_payload(ctx);
        out.intent(Intent::MoveItem { item: drag.0, place });
        selection.item = Some(drag.0);
    }
}

fn header_row(
    ui: &mut egui::Ui,
    desk: &Desk,
    selection: &mut Selection,
    out: &mut Requests,
    s: usize,
    id: SectionId,
) -> egui::Response {
    let side = selection.outline(desk);
    let Some(sections) = desk.session().outline(side) else { return ui.label("") };
    let title = sections[s].title.clone();
    let reading = desk.figures(side).sections.get(s).copied().unwrap_or_default();
    let current = selection.current_section(desk) == Some(id);
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        // The figures give way on a narrow panel; the title and the buttons stay.
        let show_figures = ui.available_width() >= 400.0;
        if selection.renaming_section == Some(id) {
            let field = DraftField::new(Id::unique(("rename-section", id)), "Section title", &title)
                .inline("Section title", 200.0)
                .grab_focus();
            let end = field.show(ui);
            if end.ended() {
                selection.renaming_section = None;
            }
            if let Some(title) = end.changed() {
                out.intent(Intent::RenameSection { section: id, title });
            }
        } else {
            let figures = if show_figures { 185.0 } else { 0.0 };
            let width = ui.available_width() - 110.0 - figures;
            let button = egui::Button::selectable(current, RichText::new(&title).strong());
            let r = fitted(ui, width, ROW_HEIGHT, button);
            if r.clicked() {
                selection.set_section(desk, id);
            }
            if r.double_clicked() {
                selection.renaming_section = Some(id);
            }
        }
        if show_figures {
            let colour =
                budget_colour(ui, reading.seconds, desk.session().outline_seconds(side).unwrap_or(0));
            ui.add(egui::Label::new(RichText::new(reading_text(&reading)).small().color(colour)).extend());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if icon_button(ui, "🗑", &format!("Delete section {title}")).clicked() {
                out.intent(Intent::RemoveSection(id));
            }
            // A case section goes to the current speech whole (Verbatim's send of a block).
            if let (Outline::Case(_), Some(speech)) = (side, selection.current_speech(desk)) {
                let name =
                    super::widgets::outline_name(desk, desk.ids().speech_outline(speech).unwrap_or(side));
                if icon_button(ui, "➡", &format!("Send section {title} to the {name}")).clicked() {
                    out.intent(Intent::Send { what: Sendable::Section(id), to: speech, after: None });
                }
            }
            if icon_button(ui, "✏", &format!("Rename section {title}")).clicked() {
                selection.renaming_section = Some(id);
            }
            if s + 1 < sections.len() && icon_button(ui, "⬇", &format!("Move section {title} down")).clicked()
            {
                selection.set_section(desk, id);
                out.intent(Intent::StepSection { section: id, step: Step::Down });
            }
            if s > 0 && icon_button(ui, "⬆", &format!("Move section {title} up")).clicked() {
                selection.set_section(desk, id);
                out.intent(Intent::StepSection { section: id, step: Step::Up });
            }
        });
    })
    .response
}

fn item_row(
    ui: &mut egui::Ui,
    desk: &Desk,
    selection: &mut Selection,
    out: &mut Requests,
    s: usize,
    i: usize,
) -> egui::Response {
    let side = selection.outline(desk);
    let Some(id) = desk.ids().item_at(side, s, i) else { return ui.label("") };
    let Some(item) = desk.session().outline(side).and_then(|o| o.get(s)?.items.get(i)) else {
        return ui.label("");
    };
    let selected = selection.item == Some(id);
    let editing = selection.editing_analytic == Some(id);
    let text_width = ui.available_width() - 120.0;
    let draggable = |ui: &mut egui::Ui, button: egui::Button<'_>, name: &str| {
        let r = fitted(ui, text_width, ROW_HEIGHT, button.sense(egui::Sense::click_and_drag()));
        r.dnd_set_drag_payload(ItemDrag(id));
        drag_preview(ui, &r, name);
        r
    };
    let title = match item {
        Item::Card { card, .. } => card.tag.as_str(),
        Item::Analytic { text, .. } => text.as_str(),
    };
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        // The grip drags the row, like the row itself.
        let grip = ui.add(egui::Label::new("   ::").sense(egui::Sense::DRAG));
        let grip_name = format!("Drag {title}");
        grip.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Button, true, &grip_name));
        grip.dnd_set_drag_payload(ItemDrag(id));
        drag_preview(ui, &grip, title);
        let name = match item {
            Item::Card { card, source, .. } => {
                let badge = match desk.item_status(id) {
                    CardStatus::ChangedInDeck => "  ⚠ changed in deck",
                    CardStatus::MissingFromDeck => "  ⚠ not in deck",
                    _ => "",
                };
                let text = format!(
                    "{}  {} — {}{badge}",
                    super::widgets::side_marker(card.side),
                    card.tag,
                    card.short_cite(Some(source))
                );
                if draggable(ui, egui::Button::selectable(selected, text), &card.tag).clicked() {
                    selection.item = Some(id);
                    selection.showing_item = true;
                    if let Some(section) = desk.ids().section_at(side, s) {
                        selection.set_section(desk, section);
                    }
                }
                card.tag.clone()
            }
            Item::Analytic { text, .. } if editing => {
                let field = DraftField::new(Id::unique(("edit-analytic", id)), "Analytic", text)
                    .inline("Analytic", text_width)
                    .grab_focus();
                let end = field.show(ui);
                if end.ended() {
                    selection.editing_analytic = None;
                }
                if let Some(text) = end.changed() {
                    out.intent(Intent::SetAnalytic { item: id, text });
                }
                text.clone()
            }
            Item::Analytic { text, .. } => {
                let label = RichText::new(format!("✏ {text}")).italics();
                let r = draggable(ui, egui::Button::selectable(selected, label), text);
                if r.clicked() {
                    selection.item = Some(id);
                    if let Some(section) = desk.ids().section_at(side, s) {
                        selection.set_section(desk, section);
                    }
                }
                if r.double_clicked() {
                    selection.editing_analytic = Some(id);
                }
                text.clone()
            }
        };
        item_buttons(ui, desk, selection, out, (s, i), id, &name);
    })
    .response
}

fn item_buttons(
    ui: &mut egui::Ui,
    desk: &Desk,
    selection: &mut Selection,
    out: &mut Requests,
    (s, i): (usize, usize),
    id: ItemId,
    name: &str,
) {
    let len = desk.session().outline(selection.outline(desk)).map_or(0, |o| o[s].items.len());
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if icon_button(ui, "✖", &format!("Remove {name}")).clicked() {
            out.intent(Intent::RemoveItem(id));
            if selection.item == Some(id) {
                selection.item = None;
            }
        }
        if i + 1 < len && icon_button(ui, "⬇", &format!("Move {name} down")).clicked() {
            out.intent(Intent::StepItem { item: id, step: Step::Down });
        }
        if i > 0 && icon_button(ui, "⬆", &format!("Move {name} up")).clicked() {
            out.intent(Intent::StepItem { item: id, step: Step::Up });
        }
    });
}
