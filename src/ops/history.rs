//! Undo and redo over [`Edit`]s, and the "unsaved changes" marker.

use super::{Edit, OpError, Workspace};

/// The undo and redo stacks. Each entry is the inverse of an applied edit, tagged with a
/// generation number so the app can tell whether the state matches what was saved.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<(Edit, u64)>,
    redo: Vec<(Edit, u64)>,
    next_generation: u64,
    current: u64,
    saved: u64,
}

impl History {
    /// An empty history whose state counts as saved.
    pub fn new() -> Self {
        History::default()
    }

    /// Applies `edit` as one undo step; clears the redo stack.
    pub fn apply(&mut self, ws: &mut Workspace, edit: Edit) -> Result<(), OpError> {
        let inverse = edit.apply(ws)?;
        self.next_generation += 1;
        self.undo.push((inverse, self.current));
        self.current = self.next_generation;
        self.redo.clear();
        Ok(())
    }

    /// Applies `edit` merged into the last undo step (the next step of one gesture, such as a
    /// drag of a value): undoing then reverts the whole gesture at once.
    pub fn apply_merged(&mut self, ws: &mut Workspace, edit: Edit) -> Result<(), OpError> {
        if self.undo.is_empty() {
            return self.apply(ws, edit);
        }
        edit.apply(ws)?;
        self.next_generation += 1;
        self.current = self.next_generation;
        self.redo.clear();
        Ok(())
    }

    /// Applies `edit` as part of the last undo step, whose inverse becomes both inverses in order
    /// (a consequence of the last edit, such as dropping what it left dangling): one Undo
    /// reverts both exactly. With no step yet, it is a step of its own.
    pub fn apply_joined(&mut self, ws: &mut Workspace, edit: Edit) -> Result<(), OpError> {
        let Some((last, before)) = self.undo.pop() else { return self.apply(ws, edit) };
        match edit.apply(ws) {
            Ok(inverse) => {
                self.undo.push((Edit::Batch(vec![inverse, last]), before));
                self.next_generation += 1;
                self.current = self.next_generation;
                self.redo.clear();
                Ok(())
            }
            Err(e) => {
                self.undo.push((last, before));
                Err(e)
            }
        }
    }

    /// Reverts the last edit; returns false if there is nothing to undo.
    pub fn undo(&mut self, ws: &mut Workspace) -> Result<bool, OpError> {
        self.undo_edit(ws).map(|e| e.is_some())
    }

    /// Reverts the last edit and returns the edit that did it (its inverse), or `None` if there
    /// was nothing to undo.
    pub fn undo_edit(&mut self, ws: &mut Workspace) -> Result<Option<Edit>, OpError> {
        let Some((inverse, previous)) = self.undo.pop() else { return Ok(None) };
        match inverse.clone().apply(ws) {
            Ok(redo) => {
                self.redo.push((redo, self.current));
                self.current = previous;
                Ok(Some(inverse))
            }
            Err(e) => {
                self.undo.push((inverse, previous));
                Err(e)
            }
        }
    }

    /// Re-applies the last undone edit; returns false if there is nothing to redo.
    pub fn redo(&mut self, ws: &mut Workspace) -> Result<bool, OpError> {
        self.redo_edit(ws).map(|e| e.is_some())
    }

    /// Re-applies the last undone edit and returns it, or `None` if there was nothing to redo.
    pub fn redo_edit(&mut self, ws: &mut Workspace) -> Result<Option<Edit>, OpError> {
        let Some((edit, generation)) = self.redo.pop() else { return Ok(None) };
        match edit.clone().apply(ws) {
            Ok(inverse) => {
                self.undo.push((inverse, self.current));
                self.current = generation;
                Ok(Some(edit))
            }
            Err(e) => {
                self.redo.push((edit, generation));
                Err(e)
            }
        }
    }

    /// A number that changes whenever the state changes through this history (apply, undo,
    /// redo); caches of derived values key on it.
    pub fn revision(&self) -> u64 {
        self.current
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records that the current state is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved = self.current;
    }

    /// Records that the current state is not on disk (e.g. restored from a recovery file).
    pub fn mark_unsaved(&mut self) {
        self.saved = u64::MAX;
    }

    /// Whether the state differs from the last saved one (undoing back to it counts as clean).
    pub fn is_dirty(&self) -> bool {
        self.current != self.saved
    }

    /// Forgets all steps (after New or Open); the state counts as saved.
    pub fn clear(&mut self) {
        *self = History::default();
    }
}
