//! Keyboard stepping through the selection: the next or previous library card shown, the next
//! or previous item of the shown case; and the clash map's search for candidate answers.

use super::app::CasebookApp;

impl CasebookApp {
    /// Moves the library selection to the next or previous card shown (Ctrl+↓/↑).
    pub(super) fn step_library_selection(&mut self, forward: bool) {
        super::library_panel::refresh_rows(&mut self.library, &self.desk);
        let cards: Vec<_> = self.library.card_rows().collect();
        if cards.is_empty() {
            return;
        }
        let selected = self.selection.card.as_ref().and_then(|k| self.desk.locate(k));
        let at = selected.and_then(|s| cards.iter().position(|&c| c == s));
        let next = match (at, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(cards.len() - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.selection.card = self.desk.key_at(cards[next]);
        self.selection.showing_item = false;
        self.selection.scroll_to_card = true;
    }

    /// Moves the case selection to the next or previous item of the shown case (across
    /// sections), so Remove and Move work from the keyboard.
    pub(super) fn step_case_selection(&mut self, forward: bool) {
        let side = self.selection.outline(&self.desk);
        let ids = self.desk.ids();
        let sections = self.desk.session().outline(side).map_or(&[][..], |o| &o[..]);
        let items: Vec<_> = sections
            .iter()
            .enumerate()
            .flat_map(|(s, sec)| (0..sec.items.len()).filter_map(move |i| ids.item_at(side, s, i)))
            .collect();
        if items.is_empty() {
            self.status = "It has no items yet.".into();
            return;
        }
        let at = self.selection.live_item(&self.desk).and_then(|id| items.iter().position(|&x| x == id));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => items.len() - 1,
            (Some(i), true) => (i + 1).min(items.len() - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        let item = items[next];
        self.selection.item = Some(item);
        self.selection.showing_item = true;
        if let Some((_, s, _, _)) = self.desk.item(item)
            && let Some(section) = self.desk.ids().section_at(side, s)
        {
            self.selection.set_section(&self.desk, section);
        }
    }

    /// Finds candidate answers to the clash map's selected argument (Ctrl+Shift+F).
    pub(super) fn find_answers(&mut self) {
        self.selection.central = super::view_state::CentralTab::Clash;
        let Some(n) = self.clash.selected else {
            self.status = "Select an argument in the clash map, then find answers to it.".into();
            return;
        };
        let Some(&(against, ref map)) = self.desk.clash(self.selection.outline(&self.desk)) else { return };
        let Some(n) = map.get(n).map(|a| a.number) else { return };
        let found = self.desk.clash_index(against).candidates(self.desk.decks(), n, 20);
        self.status = format!("{} candidate answers.", found.len());
        let keys = found.into_iter().map(|(d, c)| crate::desk::CardKey::new(d, c)).collect();
        self.clash.candidates = Some((n, keys));
    }
}
