//! A session's rounds from the command line: `casebook export SESSION --round N --format
//! caselist [-o FILE]`, the round's disclosure for openCaselist (cite entries in Markdown, see
//! [`crate::export::caselist`]) with the name its open-source file takes; and `casebook export
//! SESSION --round N --speech NAME --profile send|read|marked|judge --format F`, a speech
//! document to hand over ([`crate::export::speech_doc`]), saying what the profile removed.

use std::io::Write;
use std::path::Path;

use crate::export::speech_doc::{self, Profile};
use crate::export::{Format, caselist};
use crate::model::{Round, Session};

/// The speech document profiles `--profile` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ProfileArg {
    /// For the other team: no analytics, no notes.
    Send,
    /// Only what is read aloud.
    Read,
    /// Cards cut off at their marked points, with the marker.
    Marked,
    /// Everything.
    Judge,
}

impl From<ProfileArg> for crate::export::speech_doc::Profile {
    fn from(p: ProfileArg) -> Self {
        use crate::export::speech_doc::Profile;
        match p {
            ProfileArg::Send => Profile::Send,
            ProfileArg::Read => Profile::Read,
            ProfileArg::Marked => Profile::Marked,
            ProfileArg::Judge => Profile::Judge,
        }
    }
}

/// Which speech document to export, and how.
pub(super) struct SpeechExport {
    /// The round, 1 for the first.
    pub round: usize,
    /// The speech's name.
    pub speech: String,
    /// What the document is for.
    pub profile: Profile,
}

/// The session at `file` and its round `n` (1-based), or the exit code after saying why not.
fn load_round(file: &Path, n: usize, err: &mut dyn Write) -> Result<(Session, usize), u8> {
    let session = crate::format::load_session(file).map_err(|e| {
        let _ = writeln!(err, "{e}");
        1
    })?;
    match n.checked_sub(1).filter(|i| *i < session.rounds.len()) {
        Some(i) => Ok((session, i)),
        None => {
            let count = session.rounds.len();
            let _ = writeln!(
                err,
                "casebook: {} has {count} round{}; there is no round {n}",
                file.display(),
                if count == 1 { "" } else { "s" }
            );
            Err(1)
        }
    }
}

pub(super) fn speech(
    file: &Path,
    args: &SpeechExport,
    format: Format,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let (session, i) = match load_round(file, args.round, err) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let round: &Round = &session.rounds[i];
    let Some(speech) = round.speech(&args.speech) else {
        let names: Vec<&str> = round.speeches.iter().map(|s| s.name.as_str()).collect();
        let _ = writeln!(
            err,
            "casebook: round {} has no speech {:?}; it has {}",
            args.round,
            args.speech,
            names.join(", ")
        );
        return 1;
    };
    let (doc, removed) = speech_doc::prepare(round, speech, args.profile, &session.resolution);
    let _ = writeln!(err, "{} doc of the {}: {}", args.profile.name(), speech.name, removed.summary());
    let options = speech_doc::options(&doc, format, session.wpm);
    let name = format!("{}.{}", speech_doc::file_name(round, speech), format.extension());
    let target = crate::export::Target::Session(&doc);
    match output {
        None if format.is_binary() => {
            let _ = writeln!(
                err,
                "casebook: {} is binary; give -o FILE or -o DIR (e.g. -o {name:?})",
                format.name()
            );
            2
        }
        None => super::write_to(crate::export::export(format, target, &options), out, err),
        Some(o) if o.as_os_str() == "-" => {
            super::write_to(crate::export::export(format, target, &options), out, err)
        }
        Some(o) => {
            // A folder takes the debaters' file name.
            let path = if o.is_dir() { o.join(&name) } else { o.to_owned() };
            if super::same_file(file, &crate::export::export_path(format, &path)) {
                let _ = writeln!(
                    err,
                    "casebook: refusing to write the speech over its session; choose another -o"
                );
                return 2;
            }
            match crate::export::write_export(format, target, &options, &path) {
                Ok(written) => {
                    let _ = writeln!(err, "casebook: wrote {}", written.display());
                    0
                }
                Err(e) => {
                    let _ = writeln!(err, "casebook: {e}");
                    1
                }
            }
        }
    }
}

pub(super) fn caselist(
    file: &Path,
    round: Option<usize>,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Some(n) = round else {
        let _ = writeln!(err, "casebook: --format caselist needs --round N (1 is the session's first round)");
        return 2;
    };
    let (session, i) = match load_round(file, n, err) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let round = &session.rounds[i];
    let bytes = caselist::markdown(round);
    let _ = writeln!(err, "open-source file name: {}", caselist::open_source_name(round));
    match output.filter(|o| o.as_os_str() != "-") {
        None => match out.write_all(&bytes) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "casebook: cannot write to standard output: {e}");
                1
            }
        },
        Some(path) if super::same_file(file, path) => {
            let _ =
                writeln!(err, "casebook: refusing to write the disclosure over its input; choose another -o");
            2
        }
        Some(path) => match crate::format::write_atomic_no_backup(path, &bytes) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
    }
}
