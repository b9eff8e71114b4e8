//! The menu bar and status bar, generated from [`Command`] so menus always show the real shortcut.

use egui::RichText;

use super::actions::Action;
use super::app::CasebookApp;
use super::commands::Command;

fn item(app: &mut CasebookApp, ui: &mut egui::Ui, command: Command) {
    let mut button = egui::Button::new(command.label());
    if let Some(s) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    let enabled = match command {
        Command::Undo => app.history.can_undo(),
        Command::Redo => app.history.can_redo(),
        _ => true,
    };
    if ui.add_enabled(enabled, button).clicked() {
        app.pending.push(Action::Run(command));
    }
}

/// Draws the menu bar.
pub fn menu_bar(app: &mut CasebookApp, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for c in [Command::New, Command::Open, Command::OpenExample] {
                item(app, ui, c);
            }
            ui.menu_button("Open recent", |ui| {
                if app.prefs.recent.is_empty() {
                    ui.label("No recent sessions");
                }
                for path in app.prefs.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        app.pending.push(Action::OpenSessionPath(path));
                    }
                }
            });
            for c in [
                Command::OpenDeck,
                Command::TeamFolder,
                Command::Save,
                Command::SaveAs,
                Command::Export,
                Command::Quit,
            ] {
                item(app, ui, c);
            }
        });
        ui.menu_button("Edit", |ui| {
            for c in [
                Command::Undo,
                Command::Redo,
                Command::AddCard,
                Command::AddAnalytic,
                Command::AddSection,
                Command::RemoveItem,
                Command::MoveItemUp,
                Command::MoveItemDown,
                Command::MoveSectionUp,
                Command::MoveSectionDown,
            ] {
                item(app, ui, c);
            }
            ui.separator();
            for c in [
                Command::CutCard,
                Command::MarkUnderline,
                Command::MarkEmphasis,
                Command::MarkHighlight,
                Command::ClearMarks,
            ] {
                item(app, ui, c);
            }
        });
        ui.menu_button("View", |ui| {
            for c in [
                Command::AffCase,
                Command::NegCase,
                Command::FocusSearch,
                Command::NextCard,
                Command::PrevCard,
                Command::ToggleTheme,
                Command::ZoomIn,
                Command::ZoomOut,
                Command::ZoomReset,
            ] {
                item(app, ui, c);
            }
            ui.separator();
            let label = ui.label("Your name (recorded on cards you cut or change)");
            ui.add(egui::TextEdit::singleline(&mut app.prefs.user_name).desired_width(180.0))
                .labelled_by(label.id);
            let label = ui.label("Reading speed (wpm)");
            let mut wpm = app.ws.session.wpm;
            let r = ui.add(egui::DragValue::new(&mut wpm).range(50..=600)).labelled_by(label.id);
            if r.changed() {
                app.pending.push(Action::Edit(crate::ops::Edit::Session(crate::ops::SessionOp::SetWpm(wpm))));
            }
        });
        ui.menu_button("Help", |ui| {
            for c in [Command::Shortcuts, Command::Palette] {
                item(app, ui, c);
            }
        });
    });
}

/// Draws the status bar: the last message and any deck warnings.
pub fn status_bar(app: &mut CasebookApp, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.label(&app.status);
        for w in &app.deck_warnings {
            ui.label(RichText::new(format!("⚠ {w}")).color(ui.visuals().warn_fg_color));
        }
    });
}
