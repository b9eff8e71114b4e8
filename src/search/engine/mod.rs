//! The library's search engine on tantivy (#22.3): one document per card in an on-disk,
//! memory-mapped index in the cache folder (`$XDG_CACHE_HOME/casebook/index`), BM25 with field
//! boosts, phrases by positions, years and sides as filters, newer cites first among equals.
//!
//! - [`Engine::open`] opens (or creates, or rebuilds with a note) the index in a cache folder;
//!   [`Engine::in_ram`] and [`Engine::of_decks`] make one in memory;
//! - [`Engine::update`] brings it up to date with library folders: unchanged files (same size and
//!   time) are not opened, a changed file is indexed again alone, a deleted file's cards leave;
//! - [`Engine::search`] runs a [`Filter`] (the search language of [`crate::search::query`]) and
//!   gives result [`Row`]s, each with what a list shows and where to read the whole card.
//!
//! Messages for the user (an index rebuilt, an index another process is writing) are kept as
//! [`Engine::take_notes`]; failures are [`EngineError`]s.

mod files;
pub mod schema;
mod search;
pub mod store;
pub mod tokenizer;
pub mod translate;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, ReloadPolicy};

use crate::model::Deck;

pub use files::{FileState, LibraryFiles, Progress, RootReport};
pub use schema::Fields;
pub use search::{Found, Row};

/// Why the engine could not do something.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The index (tantivy) failed.
    #[error("the search index failed: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index folder could not be opened.
    #[error("cannot open the search index folder: {0}")]
    Folder(#[from] tantivy::directory::error::OpenDirectoryError),
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// Which.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Something other than a real folder (a symlink, a file) is where a folder must be.
    #[error("{}: not a real folder (a symlink or a file is there); nothing is written there", .0.display())]
    NotAFolder(PathBuf),
    /// Something other than a regular file is where a file must be.
    #[error("{}: not a regular file", .0.display())]
    NotAFile(PathBuf),
    /// The manifest in the index's last commit is unreadable.
    #[error("the list of indexed files is unreadable: {0}")]
    Manifest(#[from] serde_json::Error),
    /// Reading the index panicked (a corrupt file tantivy did not check), or its cards have no
    /// list of their files.
    #[error("the search index is corrupt")]
    Corrupt,
    /// The index was made with another schema.
    #[error("the search index was of an older layout")]
    OtherSchema,
}

impl EngineError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        EngineError::Io { path: path.to_owned(), source }
    }
}

/// The indexed files, kept as the payload of each commit (so it is always the index's own).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// The layout the manifest was written in.
    layout: String,
    /// Each file by its key ([`schema::file_key`]).
    files: BTreeMap<String, FileState>,
}

/// The library's search index.
pub struct Engine {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    manifest: Manifest,
    /// The index folder, when on disk.
    dir: Option<PathBuf>,
    /// The library folders searched (as indexed); empty: every card in the index.
    scope: Vec<String>,
    notes: Vec<String>,
}

/// The index's memory budget for indexing (one writer thread).
pub const WRITER_BUDGET: usize = 50_000_000;

fn register(index: &Index) {
    index.tokenizers().register(tokenizer::FOLD, tokenizer::analyzer());
}

fn reader_of(index: &Index) -> Result<IndexReader, EngineError> {
    Ok(index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?)
}

impl Engine {
    fn with(index: Index, manifest: Manifest, dir: Option<PathBuf>) -> Result<Engine, EngineError> {
        register(&index);
        let reader = reader_of(&index)?;
        let fields = schema::schema().1;
        Ok(Engine { index, reader, fields, manifest, dir, scope: Vec::new(), notes: Vec::new() })
    }

    /// An empty index in memory (nothing is written to disk).
    pub fn in_ram() -> Result<Engine, EngineError> {
        let index = Index::create_in_ram(schema::schema().0);
        Engine::with(index, Manifest { layout: store::LAYOUT.into(), ..Manifest::default() }, None)
    }

    /// An index in memory of these decks (the bundled decks: each deck's file is its id).
    pub fn of_decks(decks: &[Deck]) -> Result<Engine, EngineError> {
        let engine = Engine::in_ram()?;
        let mut writer =
            engine.index.writer_with_num_threads::<tantivy::TantivyDocument>(1, WRITER_BUDGET)?;
        for deck in decks {
            for doc in schema::deck_docs(&engine.fields, deck, "", &deck.id) {
                writer.add_document(doc)?;
            }
        }
        writer.commit()?;
        engine.reader.reload()?;
        Ok(engine)
    }

    /// Opens the index in the cache folder `cache` (see [`store::user_cache_dir`]), creating it,
    /// or rebuilding it empty with a note ([`Engine::take_notes`]) when it is corrupt, of another
    /// layout, or holds something planted. An error when `cache` or its `index` folder cannot be
    /// made a real folder: then nothing was written, and the caller can index in memory.
    pub fn open(cache: &Path) -> Result<Engine, EngineError> {
        store::real_dir(cache, true)?;
        // The old postcard cache (`library/`) stays while the window still reads it; removing it
        // here would make each window start and each search undo the other.
        let dir = cache.join("index");
        store::real_dir(&dir, false)?;
        let problem = match store::planted(&dir)? {
            Some(planted) => Some(planted),
            None if store::is_empty(&dir)? => return Engine::create(&dir, None),
            None => match store::read_version(&dir) {
                Ok(Some(v)) if v == store::LAYOUT => None,
                Ok(Some(_)) => Some("it was of an older layout".to_owned()),
                Ok(None) => Some("it had no version".to_owned()),
                Err(e) => Some(e.to_string()),
            },
        };
        if let Some(why) = problem {
            return Engine::create(&dir, Some(why));
        }
        match Engine::open_existing(&dir) {
            Ok(engine) => Ok(engine),
            Err(e) => Engine::create(&dir, Some(e.to_string())),
        }
    }

    /// Opens the index in `dir`, checking that it is whole and of this schema.
    fn open_existing(dir: &Path) -> Result<Engine, EngineError> {
        let opened = std::panic::catch_unwind(|| -> Result<Engine, EngineError> {
            let index = Index::open(MmapDirectory::open(dir)?)?;
            if serde_json::to_value(index.schema())? != serde_json::to_value(schema::schema().0)? {
                return Err(EngineError::OtherSchema);
            }
            let payload = index.load_metas()?.payload;
            let manifest: Manifest = match &payload {
                Some(payload) => serde_json::from_str(payload)?,
                None => Manifest { layout: store::LAYOUT.into(), ..Manifest::default() },
            };
            let engine = Engine::with(index, manifest, Some(dir.to_owned()))?;
            // Cards with no list of their files could never be removed: not this index's.
            if engine.manifest.layout != store::LAYOUT
                || payload.is_none() && engine.reader.searcher().num_docs() > 0
            {
                return Err(EngineError::Corrupt);
            }
            Ok(engine)
        });
        opened.unwrap_or(Err(EngineError::Corrupt))
    }

    /// Creates an empty index in `dir` (emptied first); `why` it was rebuilt, if it was.
    fn create(dir: &Path, why: Option<String>) -> Result<Engine, EngineError> {
        store::empty_dir(dir)?;
        store::write_version(dir)?;
        let index = Index::create(MmapDirectory::open(dir)?, schema::schema().0, Default::default())?;
        let manifest = Manifest { layout: store::LAYOUT.into(), ..Manifest::default() };
        let mut engine = Engine::with(index, manifest, Some(dir.to_owned()))?;
        if let Some(why) = why {
            engine.notes.push(format!("the search index was rebuilt ({why})"));
        }
        Ok(engine)
    }

    /// The index in the cache folder, or one in memory with a note saying why the cache could not
    /// be used (so a search always answers).
    pub fn open_or_in_ram(cache: Option<&Path>) -> Result<Engine, EngineError> {
        let Some(cache) = cache else {
            let mut engine = Engine::in_ram()?;
            engine.notes.push("cannot write the index cache (no cache folder): indexing in memory".into());
            return Ok(engine);
        };
        match Engine::open(cache) {
            Ok(engine) => Ok(engine),
            Err(why) => {
                let mut engine = Engine::in_ram()?;
                engine.notes.push(format!("cannot write the index cache ({why}): indexing in memory"));
                Ok(engine)
            }
        }
    }

    /// The messages for the user gathered so far (an index rebuilt, not updated), once each.
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    /// The index folder, when the index is on disk.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The schema's fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }
}
