//! The desk: Casebook's application core, with no window in it.
//!
//! It owns the session, the loaded decks with where each came from, the edit history, the
//! identities of case items, what each deck file last held (for write-through), pending import
//! reviews, the crash-recovery file and the figures derived from all of these. It is driven by
//! [`Intent`]s applied one at a time by [`Desk::apply`], which returns an [`Outcome`]: what
//! changed, what the status line should say, what to select. The window reads the desk and pushes
//! intents; the command line and the tests drive it the same way, without egui.

mod cards;
mod cases;
mod decks;
mod derived;
mod file_job;
mod files;
mod identity;
mod intent;
mod library_folders;
mod library_ids;
mod places;
mod review;
mod rounds;
mod shelf;
mod view;
mod word_import;

use std::path::PathBuf;

use crate::model::{CaseSide, Session};
use crate::ops::{Edit, History, Workspace};
use crate::search::LibraryIndex;
use crate::workspace::{DeckOrigin, Recovery};

pub use derived::CaseFigures;
pub use file_job::{FileJob, ImportLine, JobKind};
pub use identity::{Identities, ItemId, OutlineId, RoundId, SectionId, SpeechId};
pub use intent::{CardKey, Intent, Place, Sendable, Step};
pub use places::DeckPlace;
pub use review::Review;

/// A problem to show the user: what failed (one line) and the details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// One line: what failed, e.g. "Not saved".
    pub title: String,
    /// The details, e.g. `path:line:col: message`.
    pub detail: String,
}

/// What applying an intent did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The session's content changed.
    pub session_changed: bool,
    /// A deck's content, or the set of loaded decks, changed (the library index was rebuilt).
    pub decks_changed: bool,
    /// A different session is now open (new, opened, restored): selections should be dropped.
    pub session_replaced: bool,
    /// The status line.
    pub status: Option<String>,
    /// Something failed; nothing was changed by the failing part.
    pub problem: Option<Problem>,
    /// The case item to select (a card just added, an analytic to type into).
    pub select_item: Option<ItemId>,
    /// The section to make current.
    pub select_section: Option<SectionId>,
    /// The speech document to make current (a round just added).
    pub select_speech: Option<SpeechId>,
    /// The library card to select (`Some(None)` clears the selection).
    pub select_card: Option<Option<CardKey>>,
    /// A session file was opened or saved here (for the recent list).
    pub session_file: Option<PathBuf>,
}

impl Outcome {
    fn status(text: impl Into<String>) -> Outcome {
        Outcome { status: Some(text.into()), ..Outcome::default() }
    }

    fn problem(title: impl Into<String>, detail: impl Into<String>) -> Outcome {
        let title = title.into();
        Outcome {
            status: Some(format!("{title}.")),
            problem: Some(Problem { title, detail: detail.into() }),
            ..Outcome::default()
        }
    }
}

/// What a drag of a value merges into: one undo step per gesture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gesture {
    Wpm,
    Speech(CaseSide),
}

/// The application core: session, decks, history and the files behind them.
pub struct Desk {
    ws: Workspace,
    origins: Vec<DeckOrigin>,
    history: History,
    ids: Identities,
    session_path: Option<PathBuf>,
    written: std::collections::HashMap<String, String>,
    data_dir: PathBuf,
    recovery: Recovery,
    recovered: Option<(Session, Option<PathBuf>)>,
    user_name: String,
    library_folders: Vec<PathBuf>,
    warnings: Vec<String>,
    reviews: Vec<Review>,
    next_review: u64,
    revision: u64,
    library_revision: u64,
    gesture: Option<(Gesture, u64)>,
    figures: derived::Derived,
    index: LibraryIndex,
    word_import: Option<file_job::FileJob>,
    library_stamps: std::collections::HashMap<PathBuf, file_job::Stamp>,
    /// The library folders last scanned: where each library file's place is counted from.
    library_roots: Vec<PathBuf>,
    /// The deck ids of library Word files, kept between runs (a moved file keeps its id).
    library_ids: library_ids::LibraryIds,
    shelf: Vec<shelf::Shelved>,
    /// Segments built off the UI thread for decks about to join, used by the next index rebuild.
    ready: Vec<std::sync::Arc<crate::search::Segment>>,
    index_cache: Option<crate::search::cache::IndexCache>,
    /// Whether the user was told the index cache cannot be used (once is enough).
    cache_warned: bool,
    /// Library files arrived that the index does not hold yet, and when it was last rebuilt.
    index_stale: bool,
    last_index: std::time::Instant,
}

impl Desk {
    /// A desk with the bundled decks, the user's own decks from `DATA_DIR/decks` (each replacing
    /// the bundled deck of its id) and an empty session. A recovery file in `data_dir` is read
    /// and offered through [`Desk::recovered`].
    pub fn new(data_dir: impl Into<PathBuf>, session: Session) -> Desk {
        let data_dir = data_dir.into();
        let (decks, errors) = crate::workspace::bundled_decks();
        let origins = vec![DeckOrigin::Bundled; decks.len()];
        let ids = Identities::for_session(&session, 0);
        let mut desk = Desk {
            ws: Workspace { session, decks },
            origins,
            history: History::new(),
            ids,
            session_path: None,
            written: Default::default(),
            recovery: Recovery::new(data_dir.clone()),
            data_dir,
            recovered: None,
            user_name: String::new(),
            library_folders: Vec::new(),
            warnings: errors.iter().map(ToString::to_string).collect(),
            reviews: Vec::new(),
            next_review: 0,
            revision: 0,
            library_revision: 0,
            gesture: None,
            figures: Default::default(),
            index: LibraryIndex::build(&[]),
            word_import: None,
            library_stamps: Default::default(),
            library_roots: Vec::new(),
            library_ids: Default::default(),
            shelf: Vec::new(),
            ready: Vec::new(),
            index_cache: None,
            cache_warned: false,
            index_stale: false,
            last_index: std::time::Instant::now(),
        };
        desk.load_user_decks();
        let (ids, problem) = library_ids::LibraryIds::load(&desk.data_dir);
        desk.library_ids = ids;
        desk.warnings.extend(problem);
        match desk.recovery.read() {
            Some(Ok(found)) => desk.recovered = Some(found),
            Some(Err(e)) => desk.warnings.push(format!("A recovery file exists but cannot be read: {e}")),
            None => {}
        }
        desk.refresh(true);
        desk
    }

    /// Keeps the library folders' index in `cache` (the window uses the user's cache folder);
    /// without one, a restart reads every library file again.
    pub fn with_index_cache(mut self, cache: Option<crate::search::cache::IndexCache>) -> Desk {
        self.index_cache = cache;
        self
    }

    /// Applies one intent; see [`Intent`] for what each does.
    pub fn apply(&mut self, intent: Intent) -> Outcome {
        let mut opened = Outcome::default();
        if let Some(deck) = intent.card_deck().filter(|d| self.is_shelved(d)).map(str::to_owned) {
            opened = self.open_library_deck(&deck);
            self.refresh(true);
        }
        let mut outcome = self.dispatch(intent);
        outcome.problem = outcome.problem.or(opened.problem);
        self.revision += 1;
        if outcome.session_changed || outcome.decks_changed || outcome.session_replaced {
            self.refresh(outcome.decks_changed || outcome.session_replaced);
        }
        outcome
    }

    fn dispatch(&mut self, intent: Intent) -> Outcome {
        use Intent::*;
        match intent {
            NewSession => self.replace_session(fresh_session(), None, "New session."),
            ReplaceSession { session, note } => self.replace_session(*session, None, &note),
            OpenSession(path) => self.open_session(path),
            SaveSession(path) => self.save_session(path),
            SaveWithDecks(folder) => self.save_with_decks(folder),
            RestoreRecovery => self.restore_recovery(),
            DiscardRecovery => {
                self.recovered = None;
                self.recovery.clear();
                Outcome::status("The unsaved work was discarded.")
            }
            Export { format, options, path } => self.export(format, &options, path),
            Undo => self.undo_redo(true),
            Redo => self.undo_redo(false),
            OpenDeck(path) => self.open_deck(path),
            ImportWordFiles(files) => self.import_word_files(files),
            ScanLibrary(folders) => self.scan_library(folders),
            OpenLibraryDeck(id) => self.open_library_deck(&id),
            RefreshLibrary(folders) => self.refresh_library(folders),
            PollImport => self.poll_import(),
            CancelImport => self.cancel_import(),
            CloseImportReport => {
                if self.word_import.as_ref().is_some_and(|j| j.is_finished()) {
                    self.word_import = None;
                }
                Outcome::default()
            }
            ReceiveDeck { deck, path } => self.receive_deck(*deck, path),
            Warn(text) => {
                self.warnings.push(text);
                Outcome::default()
            }
            DecideReview { review, accepted } => self.decide_review(review, &accepted),
            AddCard { card, place } => self.add_card(&card, place),
            AddAnalytic { place, text } => self.add_analytic(place, text),
            SetAnalytic { item, text } => self.set_analytic(item, text),
            RemoveItem(item) => self.remove_item(item),
            MoveItem { item, place } => self.move_item(item, place),
            StepItem { item, step } => self.step_item(item, step),
            UpdateFromDeck(item) => self.update_from_deck(item),
            AddSection { outline, section } => self.add_section(outline, section),
            RemoveSection(section) => self.remove_section(section),
            RenameSection { section, title } => self.rename_section(section, title),
            StepSection { section, step } => self.step_section(section, step),
            SetCaseTitle { side, title } => {
                self.session_edit(crate::ops::SessionOp::SetCaseTitle { side, title }, None)
            }
            SetSpeechSeconds { side, seconds, continuing } => self.session_edit(
                crate::ops::SessionOp::SetSpeechSeconds { side, seconds },
                Some((Gesture::Speech(side), continuing)),
            ),
            SetWpm { wpm, continuing } => {
                self.session_edit(crate::ops::SessionOp::SetWpm(wpm), Some((Gesture::Wpm, continuing)))
            }
            SetNotes(notes) => self.session_edit(crate::ops::SessionOp::SetNotes(notes), None),
            SetCounting(counting) => self.session_edit(crate::ops::SessionOp::SetCounting(counting), None),
            SetTopic(topic) => self.session_edit(crate::ops::SessionOp::SetTopic(topic), None),
            TickTopicDeck { deck, on } => {
                let mut topic = self.topic_decks();
                topic.retain(|d| *d != deck);
                if on {
                    topic.push(deck);
                }
                self.session_edit(crate::ops::SessionOp::SetTopic(Some(topic)), None)
            }
            AddRound(round) => self.add_round(*round),
            RemoveRound(round) => self.remove_round(round),
            SetRoundFacts { round, facts } => self.set_round_facts(round, *facts),
            Send { what, to, after } => self.send(what, to, after),
            MarkSpeech { speech, item, point } => self.mark_speech(speech, item, point),
            LinkAnswer { answer, target, how } => self.link_answer(&answer, target, how),
            UnlinkAnswer { answer, target } => self.unlink_answer(&answer, &target),
            LinkItem { item, target, how } => self.link_analytic(item, target, how),
            SetPrepUsed { round, prep } => self.set_prep_used(round, prep),
            ExportSpeech { speech, profile, format, path } => {
                self.export_speech(speech, profile, format, path)
            }
            Disclose { round, path } => self.disclose(round, path),
            UpdateCard { key, card } => self.update_card(&key, *card),
            MarkCard { key, kind, range } => self.mark_card(&key, kind, range),
            DuplicateCard(key) => self.duplicate_card(&key),
            DeleteCard(key) => self.delete_card(&key),
            MoveCardToBlock { key, block } => self.move_card_to_block(&key, block),
            MoveCardToDeck { key, deck } => self.move_card_to_deck(&key, &deck),
            ReplaceSource { deck, source } => self.replace_source(&deck, source),
            CutCard { doc, range, tag, side, deck, block } => {
                self.cut_card(&doc, range, tag, side, &deck, block)
            }
        }
    }

    /// Recomputes what is derived from the state after a change; `decks` rebuilds the index.
    fn refresh(&mut self, decks: bool) {
        if decks {
            let ready = std::mem::take(&mut self.ready);
            self.index = LibraryIndex::rebuild(self.library_parts(), &self.index, ready);
            self.figures.refresh_clash(&self.ws.decks);
            self.index_stale = false;
            self.last_index = std::time::Instant::now();
            self.library_revision += 1;
        }
        self.figures.refresh(&self.ws.session, &self.ws.decks, &self.ids);
    }

    /// Applies an edit as one undo step (or, when it continues the gesture of the last step,
    /// merged into that step), then writes changed deck files through. The outcome says what
    /// changed.
    fn edit(&mut self, edit: Edit, gesture: Option<(Gesture, bool)>) -> Outcome {
        let touches_decks = touches_decks(&edit);
        let merge = matches!(gesture, Some((g, true)) if self.gesture == Some((g, self.history.revision())));
        let gesture = gesture.map(|(g, _)| g);
        let applied = if merge {
            self.history.apply_merged(&mut self.ws, edit.clone())
        } else {
            self.history.apply(&mut self.ws, edit.clone())
        };
        if let Err(e) = applied {
            return Outcome::status(format!("Not done: {e}"));
        }
        self.ids.follow(&edit, false);
        // A removed or replaced card of a speech takes its marks with it, in the same undo step.
        if matches!(&edit, Edit::Session(op) if rounds::changes_speech_cards(op))
            && let Some(fix) = self.dangling_marks()
            && let Err(e) = self.history.apply_joined(&mut self.ws, Edit::Session(fix))
        {
            return Outcome {
                session_changed: true,
                status: Some(format!("Done, but its marks could not be dropped: {e}")),
                ..Outcome::default()
            };
        }
        self.gesture = gesture.map(|g| (g, self.history.revision()));
        let mut outcome =
            Outcome { session_changed: true, decks_changed: touches_decks, ..Outcome::default() };
        if touches_decks {
            outcome.problem = self.write_changed_decks();
        }
        outcome
    }

    fn session_edit(&mut self, op: crate::ops::SessionOp, gesture: Option<(Gesture, bool)>) -> Outcome {
        self.edit(Edit::Session(op), gesture)
    }

    fn undo_redo(&mut self, undo: bool) -> Outcome {
        let result =
            if undo { self.history.undo_edit(&mut self.ws) } else { self.history.redo_edit(&mut self.ws) };
        self.gesture = None;
        let (done, nothing, failed) = if undo {
            ("Undone.", "Nothing to undo.", "Cannot undo")
        } else {
            ("Redone.", "Nothing to redo.", "Cannot redo")
        };
        match result {
            Ok(Some(applied)) => {
                self.ids.follow(&applied, true);
                let mut outcome = Outcome {
                    session_changed: true,
                    decks_changed: touches_decks(&applied),
                    status: Some(done.into()),
                    ..Outcome::default()
                };
                if outcome.decks_changed {
                    outcome.problem = self.write_changed_decks();
                }
                outcome
            }
            Ok(None) => Outcome::status(nothing),
            Err(e) => Outcome::status(format!("{failed}: {e}")),
        }
    }
}

/// A fresh session with one section in each case, so a card can be added at once.
pub fn fresh_session() -> Session {
    use crate::model::{Section, SectionKind};
    let mut s = Session::new(crate::model::RESOLUTION);
    s.aff.sections.push(Section::new("Contention 1", SectionKind::Contention));
    s.neg.sections.push(Section::new("Off 1", SectionKind::OffCase));
    s
}

fn touches_decks(edit: &Edit) -> bool {
    match edit {
        Edit::Session(_) => false,
        Edit::Deck { .. } => true,
        Edit::Batch(edits) => edits.iter().any(touches_decks),
    }
}

#[cfg(test)]
mod clash_tests;
#[cfg(test)]
mod rounds_tests;
#[cfg(test)]
mod same_name_tests;
#[cfg(test)]
mod tests;
