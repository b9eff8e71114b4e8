//! `casebook import FILE.docx|FOLDER... [-o DIR]`: one `ID.deck.ron` per Word file, one report
//! line per file, exit 1 when any file failed (the others are still written).

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::docx_import::{DeckOptions, WordImport, import_word_file, is_docx, is_word_document};
use crate::format;
use crate::model::Side;
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

/// Saves the deck as `ID.deck.ron` in `dir` (atomically); the report line for it.
fn save(import: &WordImport, dir: &Path) -> Result<String, String> {
    let target = dir.join(format!("{}.deck.ron", format::file_name_for_id(&import.deck.id)));
    format::save_deck(&import.deck, &target).map_err(|e| e.to_string())?;
    Ok(format!("{} → {}: {}", import.path.display(), target.display(), import.summary()))
}
