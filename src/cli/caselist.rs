//! `casebook export SESSION --round N --format caselist [-o FILE]`: a round's disclosure for
//! openCaselist (cite entries in Markdown, see [`crate::export::caselist`]), and the name the
//! round's open-source file takes on the caselist.

use std::io::Write;
use std::path::Path;

use crate::export::caselist;

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
    let session = match crate::format::load_session(file) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let Some(round) = n.checked_sub(1).and_then(|i| session.rounds.get(i)) else {
        let _ = writeln!(
            err,
            "casebook: {} has {} round{}; there is no round {n}",
            file.display(),
            session.rounds.len(),
            if session.rounds.len() == 1 { "" } else { "s" }
        );
        return 1;
    };
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
