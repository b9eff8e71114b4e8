//! The command palette (Ctrl+K): type to filter every command, Enter runs it.

use egui::RichText;

use super::commands::Command;
use super::view_state::Requests;

/// The commands whose label contains every typed word, in menu order.
pub fn matches(query: &str) -> Vec<Command> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    Command::all()
        .filter(|c| c != &Command::Palette)
        .filter(|c| words.iter().all(|w| c.label().to_lowercase().contains(w)))
        .collect()
}

/// Shows the palette; returns false once a command ran or it was dismissed.
pub fn show(ctx: &egui::Context, query: &mut String, selected: &mut usize, out: &mut Requests) -> bool {
    let mut run = None;
    let mut close = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    egui::Modal::new(super::widgets::dialog_id(ctx, "palette")).show(ctx, |ui| {
        ui.set_width(420.0);
        let label = ui.label("Command");
        let r = ui
            .add(egui::TextEdit::singleline(query).hint_text("Type a command…").desired_width(f32::INFINITY))
            .labelled_by(label.id);
        r.request_focus();
        let found = matches(query);
        let moved = ui.input(|i| i.key_pressed(egui::Key::ArrowDown) || i.key_pressed(egui::Key::ArrowUp));
        if ui.input(|i| i.key_pressed(egui::Key::ArrowDown)) {
            *selected = (*selected + 1).min(found.len().saturating_sub(1));
        }
        if ui.input(|i| i.key_pressed(egui::Key::ArrowUp)) {
            *selected = selected.saturating_sub(1);
        }
        *selected = (*selected).min(found.len().saturating_sub(1));
        if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            run = found.get(*selected).copied();
        }
        // The list scrolls inside the window, and keeps the highlighted entry in view.
        let height = (ctx.content_rect().height() * 0.6).clamp(120.0, 480.0);
        egui::ScrollArea::vertical().max_height(height).id_salt("palette-list").show(ui, |ui| {
            for (i, c) in found.iter().enumerate() {
                let keys = c.keys(ctx);
                ui.horizontal(|ui| {
                    let r = ui.selectable_label(i == *selected, c.label());
                    if i == *selected && moved {
                        r.scroll_to_me(None);
                    }
                    if r.clicked() {
                        run = Some(*c);
                    }
                    ui.label(RichText::new(keys).weak().monospace());
                });
            }
        });
        if found.is_empty() {
            ui.label("No command matches.");
        }
    });
    if let Some(c) = run {
        out.command(c);
        close = true;
    }
    !close
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_filter_commands_by_label() {
        assert_eq!(matches("save as"), vec![Command::SaveAs]);
        assert!(matches("undo").contains(&Command::Undo));
        assert!(matches("zzz").is_empty());
        assert!(!matches("").contains(&Command::Palette));
    }
}
