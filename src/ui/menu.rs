//! The menu bar and status bar. Menus are generated from the command table, so every item shows
//! its real shortcut and menus never disagree with the palette or the F1 list.

use egui::RichText;

use crate::desk::{Desk, Intent};

use super::commands::{self, Command, Menu};
use super::prefs::Prefs;
use super::view_state::{PathFor, Request, Requests};

fn item(ui: &mut egui::Ui, desk: &Desk, out: &mut Requests, command: Command) {
    let mut button = egui::Button::new(command.label());
    if let Some(s) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    let enabled = match command {
        Command::Undo => desk.can_undo(),
        Command::Redo => desk.can_redo(),
        _ => true,
    };
    if ui.add_enabled(enabled, button).clicked() {
        out.command(command);
    }
}

/// Every command of `menu`, with a separator between groups; `after_group` adds entries that are
/// not commands after a group.
fn commands_of(
    ui: &mut egui::Ui,
    desk: &Desk,
    out: &mut Requests,
    menu: Menu,
    mut after_group: impl FnMut(&mut egui::Ui, &mut Requests, u8),
) {
    let mut group = None;
    for row in commands::menu(menu) {
        if let Some(g) = group
            && g != row.group
        {
            after_group(ui, out, g);
            ui.separator();
        }
        group = Some(row.group);
        item(ui, desk, out, row.command);
    }
    if let Some(g) = group {
        after_group(ui, out, g);
    }
}

/// The library folders, each with a button to stop reading it at start.
fn library_folders(ui: &mut egui::Ui, prefs: &mut Prefs) {
    ui.menu_button("Library folders", |ui| {
        if prefs.library_folders.is_empty() {
            ui.label("None yet: File → Add library folder…");
        }
        if let Some(team) = &prefs.team_folder {
            ui.label(format!("{} (the team folder: its decks are in the library)", team.display()));
        }
        let mut remove = None;
        for (i, folder) in prefs.library_folders.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(folder.display().to_string());
                if ui.small_button("Remove").on_hover_text("Its cards leave the library").clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            prefs.library_folders.remove(i);
        }
    });
}

/// The times left at which a running clock alerts, typed as debaters type times.
fn clock_alerts(ui: &mut egui::Ui, prefs: &mut Prefs) {
    let current: Vec<String> = prefs.clock_alerts.iter().map(|s| crate::model::timing::clock(*s)).collect();
    let current = current.join(" ");
    let id = egui::Id::unique("clock-alerts");
    let field = super::widgets::DraftField::new(
        id,
        "Clock alerts at (time left, e.g. 1:00 0:30 0:10 0:00)",
        &current,
    );
    let error_id = id.with("error");
    if let Some(text) = field.show(ui).changed() {
        let parsed: Result<Vec<u32>, String> =
            text.split([' ', ',']).filter(|t| !t.is_empty()).map(crate::timer::parse_time).collect();
        match parsed {
            Ok(mut alerts) => {
                alerts.sort_unstable_by(|a, b| b.cmp(a));
                alerts.dedup();
                prefs.clock_alerts = alerts;
                ui.data_mut(|d| d.remove::<String>(error_id));
            }
            // Kept until the next edit: the alerts stay as they were.
            Err(e) => {
                ui.data_mut(|d| d.insert_temp(error_id, e));
            }
        }
    }
    if let Some(e) = ui.data(|d| d.get_temp::<String>(error_id)) {
        ui.colored_label(ui.visuals().error_fg_color, format!("Not changed: {e}"));
    }
}

/// Draws the menu bar.
pub fn menu_bar(ui: &mut egui::Ui, desk: &Desk, prefs: &mut Prefs, out: &mut Requests) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            commands_of(ui, desk, out, Menu::File, |ui, out, group| {
                if group == 1 {
                    library_folders(ui, prefs);
                }
                if group != 0 {
                    return;
                }
                ui.menu_button("Open recent", |ui| {
                    if prefs.recent.is_empty() {
                        ui.label("No recent sessions");
                    }
                    for path in &prefs.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            out.push(Request::PathGiven(PathFor::OpenSession, path.clone()));
                        }
                    }
                });
            });
        });
        ui.menu_button("Edit", |ui| commands_of(ui, desk, out, Menu::Edit, |_, _, _| {}));
        ui.menu_button("View", |ui| {
            commands_of(ui, desk, out, Menu::View, |_, _, _| {});
            ui.separator();
            let label = ui.label("Your name (recorded on cards you cut or change)");
            ui.add(egui::TextEdit::singleline(&mut prefs.user_name).desired_width(180.0))
                .labelled_by(label.id);
            let label = ui.label("Reading speed (wpm)");
            let mut wpm = desk.session().wpm;
            let r = ui.add(egui::DragValue::new(&mut wpm).range(50..=600)).labelled_by(label.id);
            if r.changed() {
                // One drag is one undo step.
                out.intent(Intent::SetWpm { wpm, continuing: r.dragged() && !r.drag_started() });
            }
            let mut counting = desk.session().counting;
            ui.checkbox(&mut counting.tags, "Reading time counts tags");
            ui.checkbox(&mut counting.cites, "Reading time counts cites (author and year)");
            let label = ui.label("Reading time counts highlights in");
            let name =
                |c: Option<crate::model::HighlightColour>| c.map_or("every colour".to_owned(), |c| c.name());
            egui::ComboBox::from_id_salt("count-colour")
                .selected_text(name(counting.colour))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut counting.colour, None, name(None));
                    for c in crate::model::HighlightColour::named() {
                        ui.selectable_value(&mut counting.colour, Some(c), name(Some(c)));
                    }
                })
                .response
                .labelled_by(label.id);
            if counting != desk.session().counting {
                out.intent(Intent::SetCounting(counting));
            }
        });
        ui.menu_button("Round", |ui| {
            commands_of(ui, desk, out, Menu::Round, |_, _, _| {});
            ui.separator();
            clock_alerts(ui, prefs);
        });
        ui.menu_button("Help", |ui| commands_of(ui, desk, out, Menu::Help, |_, _, _| {}));
    });
}

/// Draws the status bar: the last message and any deck warnings.
pub fn status_bar(ui: &mut egui::Ui, desk: &Desk, status: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(status);
        for w in desk.warnings() {
            ui.label(RichText::new(format!("⚠ {w}")).color(ui.visuals().warn_fg_color));
        }
    });
}
