//! `casebook import FILE.docx|FOLDER... [-o DIR]`: one `ID.deck.ron` per Word file, one report
//! line per file, exit 1 when any file failed (the others are still written).

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::docx_import::{DeckOptions, WordImport, import_word_file, is_docx, is_word_document};
use crate::format;
use crate::model::{Deck, ImportedFrom, Side};
use crate::workspace;

/// What the user asked for besides the files.
pub(super) struct ImportArgs {
    /// Files and folders (searched recursively for `*.docx`).
    pub paths: Vec<PathBuf>,
    /// The folder decks are written to.
    pub output: PathBuf,
    /// The resolution every deck argues.
    pub resolution: Option<String>,
    /// Deck id (one file only).
    pub id: Option<String>,
    /// Deck title (one file only).
    pub title: Option<String>,
    /// Side of every card, instead of the one the file name suggests.
    pub side: Option<Side>,
}

/// The Word files named by `paths`: files as given, folders searched; problems for the rest.
fn word_files(paths: &[PathBuf], problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let (found, unreadable) = workspace::scan_folder_for(path, true, is_word_document);
            files.extend(found);
            for (folder, e) in unreadable {
                problems.push(format!("{}: cannot read folder: {e}", folder.display()));
            }
        } else if !is_docx(path) {
            problems.push(format!("{}: not a Word .docx file; nothing imported from it", path.display()));
        } else {
            files.push(path.clone());
        }
    }
    files
}

/// The options for one file: from its name, then what the user gave; the id made unique among
/// this run's decks so two files of one name never overwrite each other.
fn options_for(path: &Path, args: &ImportArgs, used: &mut HashSet<String>) -> DeckOptions {
    let mut options = DeckOptions::from_file_name(path);
    if let Some(id) = &args.id {
        options.id = id.clone();
    }
    if let Some(title) = &args.title {
        options.title = title.clone();
    }
    if let Some(r) = &args.resolution {
        options.resolution = r.clone();
    }
    if let Some(side) = args.side {
        options.side = side;
    }
    let base = options.id.clone();
    let mut n = 1;
    while !used.insert(options.id.clone()) {
        n += 1;
        options.id = format!("{base}-{n}");
    }
    options
}

pub(super) fn import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if let Some(id) = &args.id
        && let Err(why) = format::check_deck_id(id)
    {
        let _ = writeln!(err, "casebook: --id {id:?}: {why}");
        return 2;
    }
    let mut problems = Vec::new();
    let files = word_files(&args.paths, &mut problems);
    if (args.id.is_some() || args.title.is_some()) && files.len() > 1 {
        let _ =
            writeln!(err, "casebook: --id and --title name one deck; {} Word files were given", files.len());
        return 2;
    }
    if !args.output.is_dir() {
        let _ =
            writeln!(err, "casebook: {}: not a folder; give -o an existing folder", args.output.display());
        return 2;
    }
    let mut used = HashSet::new();
    let mut written = 0;
    for file in &files {
        let options = options_for(file, args, &mut used);
        match import_word_file(file, &options).map_err(|e| e.to_string()).and_then(|w| save(&w, &args.output))
        {
            Ok(line) => {
                written += 1;
                let _ = writeln!(out, "{line}");
            }
            Err(why) => problems.push(why),
        }
    }
    for p in &problems {
        let _ = writeln!(err, "{p}");
    }
    let _ = writeln!(err, "{written} of {} Word files imported, {} failed", files.len(), problems.len());
    u8::from(!problems.is_empty() || files.is_empty())
}

/// A hash of where `path` is (its whole, resolved path): what tells a re-import of the same file
/// from another file of the same name, without writing the user's folders into a shared deck.
fn place_of(path: &Path) -> String {
    let whole = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(whole.to_string_lossy().as_bytes()))
}

/// The fingerprint of what an import wrote of `deck`: everything but the record of the import.
pub(crate) fn import_content(deck: &Deck) -> String {
    let mut bare = deck.clone();
    bare.imported_from = None;
    format::deck_fingerprint(&bare)
}

/// What is at `target` already, as far as this import is concerned.
enum Existing {
    /// Nothing: the deck can be written.
    Free,
    /// This file's own earlier import, untouched since: it may be replaced.
    OwnUnedited,
    /// Something that is not ours to replace, and why.
    Other(&'static str),
}

fn existing(target: &Path, place: &str) -> Existing {
    let Ok(meta) = target.symlink_metadata() else { return Existing::Free };
    if !meta.file_type().is_file() {
        return Existing::Other("is not a regular file");
    }
    let Ok(old) = format::load_deck(target) else {
        return Existing::Other("holds a deck that does not load");
    };
    match &old.imported_from {
        Some(from) if from.place == place && from.content == import_content(&old) => Existing::OwnUnedited,
        Some(from) if from.place == place => {
            Existing::Other("holds your edits of this file's earlier import")
        }
        Some(_) => Existing::Other("holds a deck imported from another file of the same name"),
        None => Existing::Other("holds a deck not imported from this file"),
    }
}

/// Saves the deck as `ID.deck.ron` in `dir` (atomically); the report line for it. An existing
/// deck is replaced only when it is this file's own earlier import, unedited since; otherwise the
/// deck gets the next free id (`1nc-2`) and the line says why.
fn save(import: &WordImport, dir: &Path) -> Result<String, String> {
    let place = place_of(&import.path);
    let mut deck = import.deck.clone();
    let base = deck.id.clone();
    let mut n = 1;
    let mut why_renamed = None;
    let (target, replaced) = loop {
        let target = dir.join(format!("{}.deck.ron", format::file_name_for_id(&deck.id)));
        match existing(&target, &place) {
            Existing::Free => break (target, false),
            Existing::OwnUnedited => break (target, true),
            Existing::Other(why) => {
                why_renamed.get_or_insert_with(|| format!("{} {why}", target.display()));
            }
        }
        n += 1;
        deck.id = format!("{base}-{n}");
    };
    let file = import.path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    deck.imported_from = Some(ImportedFrom { file, place, content: String::new() });
    let content = import_content(&deck);
    if let Some(from) = deck.imported_from.as_mut() {
        from.content = content;
    }
    format::save_deck(&deck, &target).map_err(|e| e.to_string())?;
    let how = match (replaced, why_renamed) {
        (true, _) => " (replaced this file's earlier import, unedited since)".to_owned(),
        (false, Some(why)) => format!(" (new deck id {:?}: {why}, which is kept as it is)", deck.id),
        (false, None) => String::new(),
    };
    Ok(format!("{} → {}{how}: {}", import.path.display(), target.display(), import.summary()))
}
