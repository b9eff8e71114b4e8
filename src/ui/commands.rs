//! Every user command in one table: label, shortcut, alternative shortcut, menu and group, and
//! whether its keys are left to a focused text field. Menus, the F1 list, the palette and every
//! hint on a button or tooltip are derived from [`TABLE`], so they cannot disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give from a menu, a shortcut or the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs, reason = "each command is described by its row in TABLE")]
pub enum Command {
    New,
    Open,
    OpenExample,
    OpenDeck,
    ImportWord,
    AddLibraryFolder,
    Save,
    SaveAs,
    SaveWithDecks,
    Export,
    TeamFolder,
    Quit,
    Undo,
    Redo,
    AddCard,
    AddAnalytic,
    AddSection,
    RemoveItem,
    MoveItemUp,
    MoveItemDown,
    MoveSectionUp,
    MoveSectionDown,
    PrevItem,
    NextItem,
    NextCard,
    PrevCard,
    AffCase,
    NegCase,
    FocusSearch,
    Palette,
    Shortcuts,
    ToggleTheme,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    CutCard,
    MarkUnderline,
    MarkEmphasis,
    MarkHighlight,
    ClearMarks,
    NewRound,
    ExportSpeech,
    Disclose,
    SendToSpeech,
    SendToSpeechEnd,
    ShowSpeech,
    NextSpeechDoc,
    PrevSpeechDoc,
    ReadMode,
    SpeechClock,
    OurPrep,
    TheirPrep,
    NextTimerSpeech,
    SetTimer,
    ClashMap,
    FindAnswers,
    Lint,
}

/// The menu a command is listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// Files.
    File,
    /// Editing the cases and cards.
    Edit,
    /// What is shown and how.
    View,
    /// The round: speech documents, read mode, the clocks.
    Round,
    /// Help.
    Help,
}

/// One row of the command table.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    /// The command.
    pub command: Command,
    /// What menus and the palette call it.
    pub label: &'static str,
    /// The main shortcut.
    pub shortcut: Option<KeyboardShortcut>,
    /// Another shortcut that does the same (Ctrl+Y for redo).
    pub alternative: Option<KeyboardShortcut>,
    /// Its menu.
    pub menu: Menu,
    /// Its group within the menu: a separator stands between groups.
    pub group: u8,
    /// Whether its keys belong to a focused text field (plain editing keys).
    pub yields_to_text: bool,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };
const ALT: Modifiers = Modifiers::ALT;
const CTRL_ALT: Modifiers = Modifiers { alt: true, ..Modifiers::COMMAND };
const NONE: Modifiers = Modifiers::NONE;

const fn keys(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

const fn row(
    command: Command,
    label: &'static str,
    shortcut: Option<KeyboardShortcut>,
    menu: Menu,
    group: u8,
) -> Row {
    Row { command, label, shortcut, alternative: None, menu, group, yields_to_text: false }
}

const fn with_alternative(r: Row, alternative: Option<KeyboardShortcut>) -> Row {
    Row { alternative, ..r }
}

const fn yielding(r: Row) -> Row {
    Row { yields_to_text: true, ..r }
}

use Command as C;
use Menu::{Edit, File, Help, Round, View};

/// Every command, in menu order.
pub const TABLE: &[Row] = &[
    row(C::New, "New session", keys(CTRL, Key::N), File, 0),
    row(C::Open, "Open session…", keys(CTRL, Key::O), File, 0),
    row(C::OpenExample, "Open example session", None, File, 0),
    row(C::OpenDeck, "Open deck…", keys(CTRL_SHIFT, Key::O), File, 1),
    row(C::ImportWord, "Import Word files…", keys(CTRL, Key::I), File, 1),
    row(C::AddLibraryFolder, "Add library folder…", None, File, 1),
    row(C::TeamFolder, "Team folder…", None, File, 1),
    row(C::Save, "Save", keys(CTRL, Key::S), File, 2),
    row(C::SaveAs, "Save as…", keys(CTRL_SHIFT, Key::S), File, 2),
    row(C::SaveWithDecks, "Save session with its decks…", None, File, 2),
    row(C::Export, "Export…", keys(CTRL, Key::E), File, 2),
    row(C::ExportSpeech, "Export speech document…", keys(CTRL_SHIFT, Key::E), File, 2),
    row(C::Disclose, "Disclose round…", None, File, 2),
    row(C::Quit, "Quit", keys(CTRL, Key::Q), File, 3),
    yielding(row(C::Undo, "Undo", keys(CTRL, Key::Z), Edit, 0)),
    yielding(with_alternative(row(C::Redo, "Redo", keys(CTRL_SHIFT, Key::Z), Edit, 0), keys(CTRL, Key::Y))),
    row(C::AddCard, "Add card to section", keys(CTRL, Key::Enter), Edit, 1),
    row(C::AddAnalytic, "Add analytic", keys(CTRL_SHIFT, Key::A), Edit, 1),
    row(C::AddSection, "Add section", keys(CTRL_SHIFT, Key::N), Edit, 1),
    yielding(row(C::RemoveItem, "Remove item", keys(CTRL, Key::Delete), Edit, 1)),
    yielding(row(C::MoveItemUp, "Move item up", keys(ALT, Key::ArrowUp), Edit, 1)),
    yielding(row(C::MoveItemDown, "Move item down", keys(ALT, Key::ArrowDown), Edit, 1)),
    row(C::MoveSectionUp, "Move section up", keys(CTRL_SHIFT, Key::ArrowUp), Edit, 1),
    row(C::MoveSectionDown, "Move section down", keys(CTRL_SHIFT, Key::ArrowDown), Edit, 1),
    row(C::CutCard, "Cut card from the selected passage", keys(CTRL_SHIFT, Key::X), Edit, 2),
    row(C::MarkUnderline, "Underline selection", keys(NONE, Key::F9), Edit, 2),
    row(C::MarkEmphasis, "Emphasise selection", keys(NONE, Key::F10), Edit, 2),
    row(C::MarkHighlight, "Highlight selection", keys(NONE, Key::F11), Edit, 2),
    row(C::ClearMarks, "Clear marks on selection", keys(NONE, Key::F12), Edit, 2),
    row(C::PrevItem, "Select previous item in the case", keys(CTRL_ALT, Key::ArrowUp), View, 0),
    row(C::NextItem, "Select next item in the case", keys(CTRL_ALT, Key::ArrowDown), View, 0),
    row(C::AffCase, "Affirmative case", keys(CTRL, Key::Num1), View, 0),
    row(C::NegCase, "Negative case", keys(CTRL, Key::Num2), View, 0),
    row(C::FocusSearch, "Search the library", keys(CTRL, Key::F), View, 0),
    row(C::ClashMap, "Clash map", keys(CTRL, Key::M), View, 0),
    row(C::FindAnswers, "Find answers to the selected argument", keys(CTRL_SHIFT, Key::F), View, 0),
    row(C::Lint, "Check the library as a coach would…", None, View, 0),
    row(C::NextCard, "Next card in library", keys(CTRL, Key::ArrowDown), View, 0),
    row(C::PrevCard, "Previous card in library", keys(CTRL, Key::ArrowUp), View, 0),
    row(C::ToggleTheme, "Toggle light/dark theme", keys(CTRL_SHIFT, Key::T), View, 1),
    with_alternative(row(C::ZoomIn, "Zoom in", keys(CTRL, Key::Equals), View, 1), keys(CTRL, Key::Plus)),
    row(C::ZoomOut, "Zoom out", keys(CTRL, Key::Minus), View, 1),
    row(C::ZoomReset, "Reset zoom", keys(CTRL, Key::Num0), View, 1),
    row(C::NewRound, "New round…", keys(CTRL_SHIFT, Key::R), Round, 0),
    yielding(row(
        C::SendToSpeech,
        "Send to speech (after its selected item)",
        keys(NONE, Key::Backtick),
        Round,
        1,
    )),
    yielding(row(C::SendToSpeechEnd, "Send to end of speech", keys(ALT, Key::Backtick), Round, 1)),
    row(C::ShowSpeech, "Show the current speech", keys(CTRL, Key::Num3), Round, 1),
    row(C::NextSpeechDoc, "Next speech", keys(CTRL, Key::PageDown), Round, 1),
    row(C::PrevSpeechDoc, "Previous speech", keys(CTRL, Key::PageUp), Round, 1),
    row(C::ReadMode, "Read mode", keys(CTRL, Key::R), Round, 2),
    row(C::SpeechClock, "Start/stop the speech clock", keys(CTRL, Key::Space), Round, 3),
    row(C::OurPrep, "Start/stop our prep", keys(CTRL, Key::P), Round, 3),
    row(C::TheirPrep, "Start/stop their prep", keys(CTRL_SHIFT, Key::P), Round, 3),
    row(C::NextTimerSpeech, "Clock: next speech", keys(CTRL_SHIFT, Key::Space), Round, 3),
    row(C::SetTimer, "Set a clock (type 800 for 8:00)", keys(CTRL, Key::T), Round, 3),
    row(C::Shortcuts, "Keyboard shortcuts", keys(NONE, Key::F1), Help, 0),
    row(C::Palette, "Command palette…", keys(CTRL, Key::K), Help, 0),
];

impl Command {
    /// Every command, in menu order.
    pub fn all() -> impl Iterator<Item = Command> {
        TABLE.iter().map(|r| r.command)
    }

    /// The command's row in [`TABLE`].
    pub fn row(self) -> &'static Row {
        // Every command has exactly one row (a test checks it), so this always finds one.
        TABLE.iter().find(|r| r.command == self).unwrap_or(&TABLE[0])
    }

    /// What the menu and palette call it.
    pub fn label(self) -> &'static str {
        self.row().label
    }

    /// The main shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.row().shortcut
    }

    /// Another shortcut that does the same, if any.
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        self.row().alternative
    }

    /// Whether the shortcut must be left to a focused text field.
    pub fn yields_to_text_fields(self) -> bool {
        self.row().yields_to_text
    }

    /// The shortcut as the user's platform writes it ("Ctrl+Enter"), or "" if it has none.
    pub fn keys(self, ctx: &egui::Context) -> String {
        self.shortcut().map(|s| ctx.format_shortcut(&s)).unwrap_or_default()
    }

    /// "Label (Ctrl+X)": a button's text or tooltip naming its shortcut.
    pub fn hint(self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(s) => format!("{} ({})", self.label(), ctx.format_shortcut(&s)),
            None => self.label().to_owned(),
        }
    }
}

/// The rows of one menu, in order.
pub fn menu(menu: Menu) -> impl Iterator<Item = &'static Row> {
    TABLE.iter().filter(move |r| r.menu == menu)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_exactly_one_row_and_no_shortcut_is_used_twice() {
        let mut seen = Vec::new();
        for r in TABLE {
            assert_eq!(TABLE.iter().filter(|x| x.command == r.command).count(), 1, "{:?}", r.command);
            for s in [r.shortcut, r.alternative].into_iter().flatten() {
                assert!(!seen.contains(&s), "{s:?} is bound twice");
                seen.push(s);
            }
        }
        assert_eq!(TABLE.len(), 57);
    }
}
