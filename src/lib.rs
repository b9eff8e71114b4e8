//! Casebook: evidence decks and case building for competitive debaters.
//!
//! The crate is a functional core with a thin shell:
//! - [`model`]: sources, cards, marks, decks, cases, sessions and derived reading time. No IO.
//! - [`format`](mod@format): RON files — versions and migration, limits, `path:line:col` errors, atomic saves.
//! - [`ops`]: every edit as a value with its inverse; [`ops::History`] gives undo/redo.
//! - [`export`]: pure functions from a deck or session to bytes: card JSON, Markdown, HTML, text, docx.
//! - [`merge`]: card-level three-way merge of decks shared between teammates.
//! - [`bundled`]: the decks and sources compiled into the binary.
//! - [`cli`] and `ui`: the shell — the command line and the eframe window. Only these touch the
//!   terminal, egui or file dialogs.
//!
//! The window is the default `gui` feature. Without it (`--no-default-features`) the crate and the
//! `casebook` binary build without egui, eframe, wgpu or rfd: every command-line command works,
//! and asking for the window says it is not compiled in.

#![warn(missing_docs)]

pub mod bundled;
pub mod clash;
pub mod cli;
pub mod cutting;
pub mod desk;
pub mod docx_import;
pub mod export;
pub mod format;
pub mod lint;
pub mod merge;
pub mod model;
pub mod ops;
pub mod search;
pub mod team_folder;
pub mod timer;
#[cfg(feature = "gui")]
pub mod ui;
pub mod workspace;
