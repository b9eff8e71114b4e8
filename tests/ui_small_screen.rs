//! A small laptop screen (1024×700): the reader keeps room to read, the case builder gives way
//! first, and card text wraps (#11.8).
#![cfg(feature = "gui")]

mod common;

use common::ui::{app_in, settle};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn at_1024_by_700_the_reader_keeps_room_to_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_ui_state(|ui, app: &mut casebook::ui::CasebookApp| app.show(ui), app_in(dir.path(), vec![]));
    settle(&mut h);
    let tag = common::ui::first_tag(h.state());
    h.get_by_label_contains(&tag).click();
    settle(&mut h);
    let read_tab = h.get_by_label("Read").rect();
    let cases = h.get_by_label("Affirmative").rect();
    let reader_width = cases.left() - read_tab.left();
    assert!(reader_width >= 360.0, "the reader is {reader_width} points wide");
    let heading = h
        .get_all_by_label(&tag)
        .map(|n| n.rect())
        .find(|r| r.left() >= read_tab.left() - 1.0)
        .expect("tag in the reader");
    h.snapshot("small_screen_1024x700");
    assert!(
        heading.right() <= cases.left() + 1.0,
        "the tag wraps inside the reader: {heading:?} vs {cases:?}"
    );
}
