//! Reading files that may come from someone else: only regular files, never blocking on open,
//! within [`MAX_FILE_BYTES`], as UTF-8 with `\n` line endings.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::{LoadError, MAX_FILE_BYTES, Problem};

/// `O_NONBLOCK`, so opening a FIFO for reading returns at once instead of waiting for a writer.
#[cfg(any(target_os = "linux", target_os = "android"))]
const O_NONBLOCK: i32 = 0o4000;
/// `O_NONBLOCK` on the BSDs and macOS.
#[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd", target_os = "openbsd"))]
const O_NONBLOCK: i32 = 0x0004;

/// Why a path cannot be read, in words: loops and dangling links are named as such.
pub fn describe_open_error(path: &Path, e: &io::Error) -> String {
    // ELOOP: 40 on Linux, 62 on macOS and the BSDs.
    let is_loop = matches!(e.raw_os_error(), Some(40) if cfg!(target_os = "linux"))
        || matches!(e.raw_os_error(), Some(62) if !cfg!(target_os = "linux"));
    if is_loop {
        return "a symbolic link loop (the link leads back to itself); not read".to_owned();
    }
    let dangling = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if e.kind() == io::ErrorKind::NotFound && dangling {
        return "a symbolic link to a file that does not exist".to_owned();
    }
    format!("cannot open: {e}")
}

/// What a non-regular file is, for the message refusing it.
fn kind_name(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() { "a folder" } else { "not a regular file" }
}

/// Opens `path` for reading only if it is a regular file; never blocks (a FIFO is refused, not
/// waited on). Symbolic links are followed; a loop is reported as one.
pub fn open_regular(path: &Path) -> Result<File, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(any(
        target_os = "linux",
        target_os = "android",
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "openbsd"
    ))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(O_NONBLOCK);
    }
    #[cfg(not(any(
        target_os = "linux",
        target_os = "android",
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "openbsd"
    )))]
    {
        // Without O_NONBLOCK, check the type first (a race remains, but no planted FIFO blocks).
        let meta = std::fs::metadata(path).map_err(|e| describe_open_error(path, &e))?;
        if !meta.is_file() {
            return Err(format!("{}; Casebook reads only regular files", kind_name(&meta)));
        }
    }
    let file = options.open(path).map_err(|e| describe_open_error(path, &e))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(format!("{}; Casebook reads only regular files", kind_name(&meta)));
    }
    Ok(file)
}

/// Reads a regular file as UTF-8 text within [`MAX_FILE_BYTES`], normalised by [`normalize_text`]:
/// marks count characters of `\n` text, so a deck checked out with CRLF endings reads the same
/// words.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    text_from_bytes(path, read_bytes(path)?)
}

/// Reads a regular file's bytes within [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let err = |m: String| LoadError::one(path, Problem::whole_file(m));
    let file = open_regular(path).map_err(err)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| err(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(format!(
            "the file is larger than {} MiB, the most Casebook reads; split the deck",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// The bytes read from `path` as UTF-8 text, normalised by [`normalize_text`]; the error names
/// the line and column of the first byte that is not UTF-8.
pub fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        LoadError::one(
            path,
            Problem::at(line, col, "the file is not valid UTF-8 text (was it saved by a word processor?)"),
        )
    })?;
    Ok(normalize_text(text))
}

/// Drops a leading byte-order mark and, when every line ends in `\r\n` (a file checked out with
/// CRLF endings, e.g. by git's `core.autocrlf`), makes them `\n`. Casebook itself always ends
/// lines with a bare `\n`, so a `\r` inside a saved string (written as it is) is kept: only a
/// file whose every line break gained a `\r` is converted. Text needing neither is not copied.
pub fn normalize_text(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if !text.contains('\r') || !all_lines_end_in_crlf(&text) {
        return text;
    }
    text.replace("\r\n", "\n")
}

/// Whether the text has line breaks and every `\n` follows a `\r`.
fn all_lines_end_in_crlf(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut any = false;
    for (i, _) in text.match_indices('\n') {
        if i == 0 || bytes[i - 1] != b'\r' {
            return false;
        }
        any = true;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_byte_order_marks_are_normalised() {
        assert_eq!(normalize_text("\u{feff}a\r\nb\rc\r\n".into()), "a\nb\rc\n");
        assert_eq!(normalize_text("plain\n".into()), "plain\n");
        // Casebook's own file: bare `\n` between fields, a `\r\n` inside a string is kept.
        assert_eq!(normalize_text("a: \"x\r\ny\",\n".into()), "a: \"x\r\ny\",\n");
    }
}
