//! What views share besides the desk: the selection (by id, so it survives edits and undo) and
//! the queue of requests a view makes — intents for the desk, commands, paths to ask for.

use std::path::PathBuf;

use std::collections::HashMap;

use crate::desk::{CardKey, Desk, Intent, ItemId, OutlineId, Place, SectionId, SpeechId};
use crate::export::{ExportOptions, Format};
use crate::model::{CaseSide, Outline};

use super::commands::Command;
use super::file_picker::Pick;

/// What the middle of the window shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CentralTab {
    /// The card reader.
    Read,
    /// Cutting cards from a source.
    Cut,
    /// Editing the selected card: tag, cite, marks.
    EditCard,
    /// The clash map of the case or speech shown.
    Clash,
}

/// What is selected, by identity.
#[derive(Clone, Debug)]
pub struct Selection {
    /// The case shown in the case builder.
    pub side: CaseSide,
    /// The current speech document (what `` ` `` sends to), if the session has rounds.
    pub speech: Option<SpeechId>,
    /// Whether the right panel shows the current speech document instead of the case.
    pub showing_speech: bool,
    /// The section new cards go to, per outline; none: the outline's first section.
    pub section: HashMap<OutlineId, SectionId>,
    /// The selected case item.
    pub item: Option<ItemId>,
    /// The selected library card.
    pub card: Option<CardKey>,
    /// Whether the reader and editor show the case item (else the library card).
    pub showing_item: bool,
    /// The analytic being typed into.
    pub editing_analytic: Option<ItemId>,
    /// The section being renamed.
    pub renaming_section: Option<SectionId>,
    /// Scroll the library to the selected card on the next frame.
    pub scroll_to_card: bool,
    /// The middle pane's tab.
    pub central: CentralTab,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            side: CaseSide::Aff,
            speech: None,
            showing_speech: false,
            section: HashMap::new(),
            item: None,
            card: None,
            showing_item: false,
            editing_analytic: None,
            renaming_section: None,
            scroll_to_card: false,
            central: CentralTab::Read,
        }
    }
}

impl Selection {
    /// The current speech document while it exists, else the first of the last round.
    pub fn current_speech(&self, desk: &Desk) -> Option<SpeechId> {
        self.speech.filter(|s| desk.ids().speech_outline(*s).is_some()).or_else(|| {
            let last = desk.session().rounds.len().checked_sub(1)?;
            Some(SpeechId { round: desk.ids().round_at(last)?, speech: 0 })
        })
    }

    /// The outline the right panel shows: the current speech document, or the chosen case.
    pub fn outline(&self, desk: &Desk) -> Outline {
        let speech = self.current_speech(desk).filter(|_| self.showing_speech);
        speech.and_then(|s| desk.ids().speech_outline(s)).unwrap_or(Outline::Case(self.side))
    }

    /// [`Selection::outline`] by identity.
    pub fn outline_id(&self, desk: &Desk) -> OutlineId {
        let outline = self.outline(desk);
        desk.ids().speech_id(outline).map_or(OutlineId::Case(self.side), OutlineId::Speech)
    }

    /// The current section of the shown outline: the chosen one while it exists, else the first.
    pub fn current_section(&self, desk: &Desk) -> Option<SectionId> {
        let outline = self.outline(desk);
        self.section
            .get(&self.outline_id(desk))
            .copied()
            .filter(|s| desk.ids().locate_section(*s).is_some_and(|(o, _)| o == outline))
            .or_else(|| desk.ids().section_at(outline, 0))
    }

    /// The index of the current section in the shown outline.
    pub fn current_index(&self, desk: &Desk) -> Option<usize> {
        self.current_section(desk).and_then(|s| desk.ids().locate_section(s)).map(|(_, i)| i)
    }

    /// Makes `section` current (in its own outline).
    pub fn set_section(&mut self, desk: &Desk, section: SectionId) {
        if let Some((outline, _)) = desk.ids().locate_section(section) {
            let id = match outline {
                Outline::Case(side) => Some(OutlineId::Case(side)),
                Outline::Speech { .. } => desk.ids().speech_id(outline).map(OutlineId::Speech),
            };
            if let Some(id) = id {
                self.section.insert(id, section);
            }
        }
    }

    /// Where new items go: the end of the current section.
    pub fn insertion_place(&self, desk: &Desk) -> Option<Place> {
        self.current_section(desk).map(|section| Place { section, before: None })
    }

    /// The selected item if it still exists in the shown outline.
    pub fn live_item(&self, desk: &Desk) -> Option<ItemId> {
        let outline = self.outline(desk);
        self.item.filter(|i| desk.item(*i).is_some_and(|(o, ..)| o == outline))
    }

    /// The card the editor works on: the selected case card (its card in the loaded deck) when
    /// the case item was chosen last, else the library selection.
    pub fn editing_card(&self, desk: &Desk) -> Option<CardKey> {
        if self.showing_item {
            return match self.live_item(desk).and_then(|i| desk.item(i)) {
                Some((_, _, _, crate::model::Item::Card { deck, card, .. })) => {
                    Some(CardKey::new(deck, &card.id))
                }
                _ => None,
            };
        }
        self.card.clone()
    }
}

/// A path to ask the user for, and what to do with it.
#[derive(Clone, Debug, PartialEq)]
pub enum PathFor {
    /// Open this session.
    OpenSession,
    /// Add this deck to the library.
    OpenDeck,
    /// Import these Word files (or the Word files in this folder) as decks.
    ImportWord,
    /// Add this folder to the library folders and read it.
    LibraryFolder,
    /// Save the session here.
    SaveSession,
    /// Save the session and its decks into this folder.
    SaveWithDecks,
    /// Export here in this format with these options.
    Export(Format, ExportOptions),
    /// Open this source in the cut panel.
    OpenSource,
    /// Use this folder as the team folder.
    TeamFolder,
    /// Export this speech document through this profile, in this format, here.
    ExportSpeech {
        /// The speech document.
        speech: SpeechId,
        /// What the document is for.
        profile: crate::export::speech_doc::Profile,
        /// The format.
        format: Format,
    },
    /// Write this round's caselist disclosure here.
    Disclose(crate::desk::RoundId),
}

impl PathFor {
    /// What the file dialog is asked for.
    pub fn pick(&self) -> Pick {
        match self {
            PathFor::OpenSession => Pick::OpenSession,
            PathFor::OpenDeck => Pick::OpenDeck,
            PathFor::ImportWord => Pick::WordFiles,
            PathFor::LibraryFolder => Pick::Folder,
            PathFor::SaveSession => Pick::SaveSession,
            PathFor::SaveWithDecks => Pick::Folder,
            PathFor::Export(format, _) => Pick::SaveExport(*format),
            PathFor::OpenSource => Pick::OpenSource,
            PathFor::TeamFolder => Pick::Folder,
            PathFor::ExportSpeech { format, .. } => Pick::SaveExport(*format),
            PathFor::Disclose(_) => Pick::SaveExport(Format::Markdown),
        }
    }
}

/// One thing a view asks for.
#[derive(Clone, Debug)]
pub enum Request {
    /// Apply this to the desk.
    Intent(Intent),
    /// Run this command.
    Command(Command),
    /// Ask for a path, then act on it.
    Path(PathFor),
    /// Ask for a path, suggesting this file name (without its extension), then act on it.
    PathNamed(PathFor, String),
    /// A path for this purpose was given.
    PathGiven(PathFor, PathBuf),
    /// Replace the session (after asking about unsaved changes).
    Replace(Box<Request>),
    /// Apply this intent without asking again (the user confirmed it).
    Confirmed(Intent),
    /// The window may close now (after "Quit without saving").
    CloseWithoutSaving,
    /// Save, then close.
    SaveAndClose,
    /// Select this library card and show it in the reader.
    ShowCard(CardKey),
}

/// The requests views made this frame, handled after the frame in one place.
#[derive(Default)]
pub struct Requests(pub Vec<Request>);

impl Requests {
    /// Asks for an intent.
    pub fn intent(&mut self, intent: Intent) {
        self.0.push(Request::Intent(intent));
    }

    /// Asks for a command.
    pub fn command(&mut self, command: Command) {
        self.0.push(Request::Command(command));
    }

    /// Asks for any request.
    pub fn push(&mut self, request: Request) {
        self.0.push(request);
    }
}
