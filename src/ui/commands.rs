//! Every user command with its label and keyboard shortcut. Menus, the shortcut list in Help and
//! the command palette are generated from [`Command::ALL`], so they never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give from a menu, a shortcut or the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start an empty session.
    New,
    /// Open a session file.
    Open,
    /// Open the example session shipped with Casebook.
    OpenExample,
    /// Add a teammate's deck file to the library.
    OpenDeck,
    /// Save the session.
    Save,
    /// Save the session under a new name.
    SaveAs,
    /// Export case outlines (Markdown, HTML, text, Word, JSON).
    Export,
    /// Choose a team folder of shared decks to load and watch.
    TeamFolder,
    /// Close the window (asks if there are unsaved changes).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Add the selected library card to the current section.
    AddCard,
    /// Add an analytic to the current section.
    AddAnalytic,
    /// Add a section to the current case.
    AddSection,
    /// Remove the selected case item.
    RemoveItem,
    /// Move the selected case item up.
    MoveItemUp,
    /// Move the selected case item down.
    MoveItemDown,
    /// Move the current section up.
    MoveSectionUp,
    /// Move the current section down.
    MoveSectionDown,
    /// Select the next card in the library.
    NextCard,
    /// Select the previous card in the library.
    PrevCard,
    /// Show the affirmative case.
    AffCase,
    /// Show the negative case.
    NegCase,
    /// Put the cursor in the library search box.
    FocusSearch,
    /// Open the command palette.
    Palette,
    /// List the keyboard shortcuts.
    Shortcuts,
    /// Switch between light and dark theme.
    ToggleTheme,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Reset the zoom.
    ZoomReset,
    /// Cut the selected source passage into a card.
    CutCard,
    /// Underline the selected card text (F9).
    MarkUnderline,
    /// Emphasise the selected card text (F10).
    MarkEmphasis,
    /// Highlight the selected card text (F11).
    MarkHighlight,
    /// Clear the marks on the selected card text (F12).
    ClearMarks,
}

const fn key(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };
const ALT: Modifiers = Modifiers::ALT;

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 35] = [
        Command::New,
        Command::Open,
        Command::OpenExample,
        Command::OpenDeck,
        Command::Save,
        Command::SaveAs,
        Command::Export,
        Command::TeamFolder,
        Command::Quit,
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
        Command::NextCard,
        Command::PrevCard,
        Command::AffCase,
        Command::NegCase,
        Command::FocusSearch,
        Command::Palette,
        Command::Shortcuts,
        Command::ToggleTheme,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::CutCard,
        Command::MarkUnderline,
        Command::MarkEmphasis,
        Command::MarkHighlight,
        Command::ClearMarks,
    ];

    /// What the menu and palette call it.
    pub fn label(self) -> &'static str {
        use Command::*;
        match self {
            New => "New session",
            Open => "Open session…",
            OpenExample => "Open example session",
            OpenDeck => "Open deck…",
            Save => "Save",
            SaveAs => "Save as…",
            Export => "Export…",
            TeamFolder => "Team folder…",
            Quit => "Quit",
            Undo => "Undo",
            Redo => "Redo",
            AddCard => "Add card to section",
            AddAnalytic => "Add analytic",
            AddSection => "Add section",
            RemoveItem => "Remove item",
            MoveItemUp => "Move item up",
            MoveItemDown => "Move item down",
            MoveSectionUp => "Move section up",
            MoveSectionDown => "Move section down",
            NextCard => "Next card in library",
            PrevCard => "Previous card in library",
            AffCase => "Affirmative case",
            NegCase => "Negative case",
            FocusSearch => "Search the library",
            Palette => "Command palette…",
            Shortcuts => "Keyboard shortcuts",
            ToggleTheme => "Toggle light/dark theme",
            ZoomIn => "Zoom in",
            ZoomOut => "Zoom out",
            ZoomReset => "Reset zoom",
            CutCard => "Cut card from the selected passage",
            MarkUnderline => "Underline selection",
            MarkEmphasis => "Emphasise selection",
            MarkHighlight => "Highlight selection",
            ClearMarks => "Clear marks on selection",
        }
    }

    /// The main shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        use Command::*;
        match self {
            New => key(CTRL, Key::N),
            Open => key(CTRL, Key::O),
            OpenDeck => key(CTRL_SHIFT, Key::O),
            Save => key(CTRL, Key::S),
            SaveAs => key(CTRL_SHIFT, Key::S),
            Export => key(CTRL, Key::E),
            Quit => key(CTRL, Key::Q),
            Undo => key(CTRL, Key::Z),
            Redo => key(CTRL_SHIFT, Key::Z),
            AddCard => key(CTRL, Key::Enter),
            AddAnalytic => key(CTRL_SHIFT, Key::A),
            AddSection => key(CTRL_SHIFT, Key::N),
            RemoveItem => key(CTRL, Key::Delete),
            MoveItemUp => key(ALT, Key::ArrowUp),
            MoveItemDown => key(ALT, Key::ArrowDown),
            MoveSectionUp => key(CTRL_SHIFT, Key::ArrowUp),
            MoveSectionDown => key(CTRL_SHIFT, Key::ArrowDown),
            NextCard => key(CTRL, Key::ArrowDown),
            PrevCard => key(CTRL, Key::ArrowUp),
            AffCase => key(CTRL, Key::Num1),
            NegCase => key(CTRL, Key::Num2),
            FocusSearch => key(CTRL, Key::F),
            Palette => key(CTRL, Key::K),
            Shortcuts => key(Modifiers::NONE, Key::F1),
            ToggleTheme => key(CTRL_SHIFT, Key::T),
            ZoomIn => key(CTRL, Key::Equals),
            ZoomOut => key(CTRL, Key::Minus),
            ZoomReset => key(CTRL, Key::Num0),
            CutCard => key(CTRL_SHIFT, Key::X),
            MarkUnderline => key(Modifiers::NONE, Key::F9),
            MarkEmphasis => key(Modifiers::NONE, Key::F10),
            MarkHighlight => key(Modifiers::NONE, Key::F11),
            ClearMarks => key(Modifiers::NONE, Key::F12),
            OpenExample | TeamFolder => None,
        }
    }

    /// Extra shortcuts that do the same (Ctrl+Y for redo, Ctrl+Plus for zoom in).
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::Redo => key(CTRL, Key::Y),
            Command::ZoomIn => key(CTRL, Key::Plus),
            _ => None,
        }
    }

    /// Whether the shortcut must be left to a focused text field (plain editing keys).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(
            self,
            Command::Undo
                | Command::Redo
                | Command::MoveItemUp
                | Command::MoveItemDown
                | Command::NextCard
                | Command::PrevCard
                | Command::RemoveItem
        )
    }
}
