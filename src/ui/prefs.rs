//! Preferences kept in eframe's storage: look, zoom, recent files. Never sessions — those live
//! only in explicit files, because eframe storage silently drops what it cannot decode.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The storage key.
pub const KEY: &str = "casebook-preferences";
/// How many recent sessions are remembered.
pub const MAX_RECENT: usize = 10;

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Dark text on light paper, like a printed card.
    Light,
    /// Light text on dark background.
    Dark,
}

/// What Casebook remembers between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The colour theme.
    pub theme: Theme,
    /// UI zoom factor (1.0 = normal).
    pub zoom: f32,
    /// Recently opened or saved sessions, newest first.
    pub recent: Vec<PathBuf>,
    /// The user's name, recorded on the cards they cut or change.
    pub user_name: String,
    /// A folder of shared decks (e.g. a synced one), loaded at start and watched for changes.
    pub team_folder: Option<PathBuf>,
    /// Folders whose decks and Word files (with their subfolders') are read into the library at
    /// start.
    pub library_folders: Vec<PathBuf>,
    /// The time left (seconds) at which a running clock alerts: flash, and a sound.
    pub clock_alerts: Vec<u32>,
}

impl Default for Prefs {
    fn default() -> Self {
        let user_name = std::env::var("USER").unwrap_or_default();
        Prefs {
            theme: Theme::Light,
            zoom: 1.0,
            recent: Vec::new(),
            user_name,
            team_folder: None,
            library_folders: Vec::new(),
            clock_alerts: crate::timer::DEFAULT_ALERTS.to_vec(),
        }
    }
}

impl Prefs {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Applies a theme or zoom command (the others change nothing here).
    pub fn apply_view_command(&mut self, command: super::commands::Command) {
        use super::commands::Command;
        match command {
            Command::ToggleTheme => {
                self.theme = match self.theme {
                    Theme::Light => Theme::Dark,
                    Theme::Dark => Theme::Light,
                }
            }
            Command::ZoomIn => self.zoom = (self.zoom + 0.1).min(3.0),
            Command::ZoomOut => self.zoom = (self.zoom - 0.1).max(0.5),
            Command::ZoomReset => self.zoom = 1.0,
            _ => {}
        }
    }

    /// Applies theme and zoom to the window.
    pub fn apply_to(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.theme {
            Theme::Light => egui::Theme::Light,
            Theme::Dark => egui::Theme::Dark,
        });
        ctx.set_zoom_factor(self.zoom);
        // Zoom keys are Casebook commands (remembered in preferences); egui's own would zoom twice.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
    }

    /// Reads preferences from eframe storage; anything unreadable gives the defaults.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage.and_then(|s| eframe::get_value(s, KEY)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_newest_first_without_duplicates_and_bounded() {
        let mut p = Prefs::default();
        for i in 0..12 {
            p.remember(PathBuf::from(format!("{i}.session.ron")));
        }
        p.remember(PathBuf::from("5.session.ron"));
        assert_eq!(p.recent.len(), MAX_RECENT);
        assert_eq!(p.recent[0], PathBuf::from("5.session.ron"));
        assert_eq!(p.recent.iter().filter(|r| r.ends_with("5.session.ron")).count(), 1);
    }
}
