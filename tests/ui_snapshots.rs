//! Pictures of the main window with the example session, in the light and the dark theme, rendered
//! with wgpu (lavapipe on machines without a GPU). `UPDATE_SNAPSHOTS=1` rewrites them.
#![cfg(feature = "gui")]

mod common;

use casebook::ui::{CasebookApp, Command, Request, Theme};
use common::ui::{app_with_theme, settle};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn main_window(theme: Theme) -> Harness<'static, CasebookApp> {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_theme(dir.path(), theme);
    app.queue(Request::Command(Command::OpenExample));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1360.0, 820.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut CasebookApp| app.show(ui), app);
    settle(&mut h);
    // Read the first card of the first contention, as a debater checking the 1AC would.
    let tag = match &h.state().session().aff.sections[1].items[0] {
        casebook::model::Item::Card { card, .. } => card.tag.clone(),
        casebook::model::Item::Analytic { .. } => panic!("card expected"),
    };
    h.get_by(common::ui::case_row(tag)).click();
    settle(&mut h);
    h
}

#[test]
fn main_window_with_the_example_session_light() {
    main_window(Theme::Light).snapshot("main_window_light");
}

#[test]
fn main_window_with_the_example_session_dark() {
    main_window(Theme::Dark).snapshot("main_window_dark");
}
