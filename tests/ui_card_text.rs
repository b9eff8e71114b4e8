//! Card text as the reader and editor draw it: a highlighted wrapped line never covers the
//! underline of the line above (#11.4), and a card with no marks is drawn at full size.
#![cfg(feature = "gui")]

mod common;

use casebook::model::{Card, Mark, MarkKind};
use casebook::ui::{HIGHLIGHT_EXPAND, card_text_job};
use egui_kittest::Harness;

/// The last paragraph of the test card underlined, its second half also highlighted, so at a
/// narrow width an underlined-only line sits right above a highlighted one.
fn marked_card() -> Card {
    let mut card = common::card("kim-wrapped");
    let text: Vec<char> = card.text.chars().collect();
    let start = card.text.find("While").map(|b| card.text[..b].chars().count()).unwrap();
    let half = start + card.text[card.text.find("While").unwrap()..].chars().count() / 2;
    card.marks = vec![
        Mark::new(MarkKind::Underline, start, text.len()),
        Mark::new(MarkKind::Highlight, half, text.len()),
    ];
    card
}

/// For each row, the y of its underline and the top of its highlight background, if any.
fn row_lines(galley: &egui::Galley, card: &Card) -> Vec<(Option<f32>, Option<f32>)> {
    let marked =
        |kind: MarkKind, i: usize| card.marks.iter().any(|m| m.kind == kind && m.start <= i && i < m.end);
    let mut index = 0;
    let mut rows = Vec::new();
    for row in &galley.rows {
        let (mut underline, mut background) = (None, None);
        for glyph in &row.glyphs {
            let rect = glyph.logical_rect().translate(row.pos.to_vec2());
            if marked(MarkKind::Underline, index) {
                underline = Some(rect.bottom());
            }
            if marked(MarkKind::Highlight, index) {
                background = Some(rect.top() - HIGHLIGHT_EXPAND);
            }
            index += 1;
        }
        if row.ends_with_newline {
            index += 1;
        }
        rows.push((underline, background));
    }
    rows
}

#[test]
fn a_highlighted_wrapped_line_leaves_the_underline_above_it_visible() {
    let card = marked_card();
    let checked = std::cell::Cell::new(0);
    let mut h = Harness::builder().with_size(egui::vec2(300.0, 260.0)).build_ui(|ui| {
        let job = card_text_job(&card, ui.visuals(), 280.0);
        let galley = ui.fonts_mut(|f| f.layout_job(job.clone()));
        let rows = row_lines(&galley, &card);
        for pair in rows.windows(2) {
            if let ((Some(underline), _), (_, Some(background))) = (pair[0], pair[1]) {
                // The underline stroke is centred on its y; a 2-point emphasis stroke reaches 1 below.
                assert!(
                    background >= underline + 1.0,
                    "background at {background} covers the underline at {underline}"
                );
                checked.set(checked.get() + 1);
            }
        }
        ui.label(job);
    });
    h.run();
    assert!(checked.get() > 0, "the layout has an underlined line above a highlighted one");
    h.snapshot("card_text_wrapped_underline");
}

#[test]
fn a_card_with_no_marks_is_drawn_at_full_size() {
    let mut card = common::card("fresh");
    card.marks.clear();
    let job = card_text_job(&card, &egui::Visuals::light(), 400.0);
    assert!(job.sections.iter().all(|s| s.format.font_id.size == casebook::ui::READ_SIZE));
    card.marks = vec![Mark::new(MarkKind::Underline, 0, 3)];
    let job = card_text_job(&card, &egui::Visuals::light(), 400.0);
    assert!(
        job.sections.iter().any(|s| s.format.font_id.size < casebook::ui::READ_SIZE),
        "unread text is small"
    );
}

#[test]
fn each_highlight_colour_is_drawn_on_its_own_background_and_a_shading_on_its_hue() {
    use casebook::model::HighlightColour;
    let mut card = common::card("kim-colours");
    card.text = "long read short read shaded".into();
    card.marks = vec![
        Mark::highlight(HighlightColour::Green, 0, 10),
        Mark::highlight(HighlightColour::Yellow, 10, 21),
        Mark::highlight(HighlightColour::Rgb(0, 0, 255), 21, 27),
    ];
    let job = card_text_job(&card, &egui::Visuals::light(), 400.0);
    let backgrounds: Vec<egui::Color32> = job.sections.iter().map(|s| s.format.background).collect();
    assert_eq!(backgrounds.len(), 3, "{backgrounds:?}");
    assert!(backgrounds[0] != backgrounds[1] && backgrounds[1] != backgrounds[2]);
    let [g, y, b] = [backgrounds[0], backgrounds[1], backgrounds[2]];
    assert!(g.g() > g.r() && g.g() > g.b(), "green reads green: {g:?}");
    assert!(y.r() > y.b() && y.g() > y.b(), "yellow reads yellow: {y:?}");
    assert!(b.b() > b.r() && b.b() > b.g(), "a blue shading reads blue: {b:?}");
    let dark = card_text_job(&card, &egui::Visuals::dark(), 400.0);
    assert!(dark.sections.iter().all(|s| s.format.background.r() < 160 && s.format.background.g() < 160));
}

/// The texts of a layout job drawn in `colour`.
fn coloured_in(job: &egui::text::LayoutJob, colour: egui::Color32) -> Vec<&str> {
    job.sections
        .iter()
        .filter(|s| s.format.color == colour)
        .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
        .collect()
}

#[test]
fn the_words_a_search_matched_are_drawn_in_the_match_colour_and_nothing_else_is() {
    use casebook::ui::{card_text_job_matching, match_colour};
    let mut card = common::card("kim-match");
    card.text = "China’s navy and Chinatown; not chains.".into();
    card.marks = vec![Mark::new(MarkKind::Underline, 0, 12)];
    let visuals = egui::Visuals::light();
    let ranges = casebook::search::words::match_ranges(&card.text, &["china".to_owned()], false);
    let job = card_text_job_matching(&card, &visuals, 400.0, &ranges);
    let coloured = coloured_in(&job, match_colour(&visuals));
    assert_eq!(coloured, vec!["China"]);
    let typed = casebook::search::words::match_ranges(&card.text, &["chin".to_owned()], true);
    let job = card_text_job_matching(&card, &visuals, 400.0, &typed);
    let coloured = coloured_in(&job, match_colour(&visuals));
    assert_eq!(coloured, vec!["China", "Chinatown"], "as typed, a word beginning with it matches");
}
