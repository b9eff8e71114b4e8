//! Watching a team folder (for example a synced one): a background thread scans it every couple
//! of seconds, loads (in that thread, so the window never freezes) every `*.deck.ron` that is new
//! or changed, and hands the results over a channel. Only the standard library is used: polling
//! file sizes and modification times works the same on every file system and sync tool.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, SystemTime};

use crate::format::{self, FileKind};
use crate::model::Deck;

/// What the watcher found.
#[derive(Debug)]
pub enum Incoming {
    /// A deck file appeared or changed, and loads.
    Deck(Box<Deck>, PathBuf),
    /// A deck file appeared or changed but does not load: `path:line:col: message` lines.
    Error(String),
}

/// A running watch; dropping it stops the thread.
pub struct FolderWatch {
    dir: PathBuf,
    rx: Receiver<Incoming>,
    stop: Arc<AtomicBool>,
}

type Stamp = (u64, Option<SystemTime>);

fn scan(dir: &Path) -> HashMap<PathBuf, Stamp> {
    let (paths, _unreadable) = crate::workspace::scan_folder(dir, Some(FileKind::Deck), false);
    paths
        .into_iter()
        .filter_map(|p| {
            let meta = std::fs::metadata(&p).ok()?;
            Some((p, (meta.len(), meta.modified().ok())))
        })
        .collect()
}

impl FolderWatch {
    /// Starts watching `dir`, scanning every `interval`; `wake` is called after sending results
    /// (the window uses it to repaint).
    pub fn start(dir: PathBuf, interval: Duration, wake: impl Fn() + Send + 'static) -> FolderWatch {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let thread_stop = stop.clone();
        let thread_dir = dir.clone();
        std::thread::spawn(move || {
            let mut seen: HashMap<PathBuf, Stamp> = HashMap::new();
            while !thread_stop.load(Ordering::Relaxed) {
                let now = scan(&thread_dir);
                let mut sent = false;
                let mut paths: Vec<&PathBuf> = now.keys().collect();
                paths.sort();
                for path in paths {
                    if seen.get(path) == now.get(path) {
                        continue;
                    }
                    let message = match format::load_deck(path) {
                        Ok(deck) => Incoming::Deck(Box::new(deck), path.clone()),
                        Err(e) => Incoming::Error(e.to_string()),
                    };
                    if tx.send(message).is_err() {
                        return;
                    }
                    sent = true;
                }
                seen = now;
                if sent {
                    wake();
                }
                std::thread::sleep(interval);
            }
        });
        FolderWatch { dir, rx, stop }
    }

    /// The folder being watched.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Everything found since the last call (never blocks).
    pub fn poll(&self) -> Vec<Incoming> {
        self.rx.try_iter().collect()
    }
}

impl Drop for FolderWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for(watch: &FolderWatch) -> Vec<Incoming> {
        for _ in 0..100 {
            let got = watch.poll();
            if !got.is_empty() {
                return got;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Vec::new()
    }

    #[test]
    fn decks_already_there_arrive_and_a_changed_file_arrives_again_within_seconds() {
        let dir = tempfile::tempdir().unwrap();
        let mut deck = crate::bundled::deck("asian-nato-aff-answers").unwrap();
        let path = dir.path().join("team.deck.ron");
        format::save_deck(&deck, &path).unwrap();
        let watch = FolderWatch::start(dir.path().to_owned(), Duration::from_millis(100), || {});
        let first = wait_for(&watch);
        assert!(matches!(&first[..], [Incoming::Deck(d, p)] if d.id == deck.id && p == &path));
        deck.title = "Changed by a teammate".into();
        std::thread::sleep(Duration::from_millis(20));
        format::save_deck(&deck, &path).unwrap();
        let second = wait_for(&watch);
        assert!(matches!(&second[..], [Incoming::Deck(d, _)] if d.title == "Changed by a teammate"));
    }

    #[test]
    fn a_broken_file_in_the_folder_is_reported_not_loaded() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.deck.ron"), "(version: 3, id: ").unwrap();
        let watch = FolderWatch::start(dir.path().to_owned(), Duration::from_millis(100), || {});
        let got = wait_for(&watch);
        assert!(matches!(&got[..], [Incoming::Error(e)] if e.contains("bad.deck.ron:1:")), "{got:?}");
    }
}
