//! Exports: pure functions from a deck or session to bytes. Writing the bytes is the caller's job.

pub mod json;
