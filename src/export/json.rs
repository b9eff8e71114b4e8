//! Card JSON: the stable interchange and scripting form documented in the README.
//!
//! `{"cards":[{id, deck, tag, side, labels, note, cite{authors[{name,qualifications}], title,
//! publication, date, url, accessed, raw}, text, highlighted, marks[{kind,start,end,colour}]}]}`,
//! plus `"cases"` for a session. Offsets are in characters of `text`; unknown dates are `null`.
//! `cite.raw` is the cite line exactly as written in the Word file the card came from (then the
//! other cite fields hold only what that line states), `null` when the card has none; `note` is
//! the card's note or `null`. A highlight mark carries its `colour` (Word's highlighter name, e.g.
//! `"yellow"`, `"green"`, `"darkBlue"`, or `"#RRGGBB"` for a shading); other marks have none.

use serde::Serialize;

use crate::model::{Card, Case, Deck, Item, MarkKind, Session, Source};

#[derive(Serialize)]
struct AuthorJson<'a> {
    name: &'a str,
    qualifications: &'a str,
}

#[derive(Serialize)]
struct CiteJson<'a> {
    authors: Vec<AuthorJson<'a>>,
    title: &'a str,
    publication: &'a str,
    date: Option<&'a str>,
    url: &'a str,
    accessed: Option<&'a str>,
    raw: Option<&'a str>,
}

#[derive(Serialize)]
struct MarkJson {
    kind: &'static str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    colour: Option<String>,
}

#[derive(Serialize)]
struct AnswerJson<'a> {
    target: &'a str,
    kind: &'static str,
    deck: Option<&'a str>,
    how: &'static str,
}

fn answer_json(link: &crate::model::AnswerLink) -> AnswerJson<'_> {
    use crate::model::AnswerTarget;
    let (target, kind, deck) = match &link.target {
        AnswerTarget::Card { deck, card } => (card.as_str(), "card", Some(deck.as_str())),
        AnswerTarget::Block { deck, title } => (title.as_str(), "block", Some(deck.as_str())),
        AnswerTarget::Label(label) => (label.as_str(), "label", None),
    };
    AnswerJson { target, kind, deck, how: link.how.name() }
}

#[derive(Serialize)]
struct CardJson<'a> {
    id: &'a str,
    deck: &'a str,
    tag: &'a str,
    side: &'static str,
    labels: &'a [String],
    note: Option<&'a str>,
    cite: CiteJson<'a>,
    text: &'a str,
    highlighted: String,
    marks: Vec<MarkJson>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    answers: Vec<AnswerJson<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum ItemJson<'a> {
    Card(&'a str),
    Analytic(&'a str),
}

#[derive(Serialize)]
struct SectionJson<'a> {
    title: &'a str,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct CaseJson<'a> {
    side: &'static str,
    title: &'a str,
    sections: Vec<SectionJson<'a>>,
}

#[derive(Serialize)]
struct Document<'a> {
    cards: Vec<CardJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cases: Option<Vec<CaseJson<'a>>>,
}

fn card_json<'a>(deck: &'a str, card: &'a Card, source: Option<&'a Source>) -> CardJson<'a> {
    let cite = CiteJson {
        authors: source
            .map(|s| {
                s.authors
                    .iter()
                    .map(|a| AuthorJson { name: &a.name, qualifications: &a.qualifications })
                    .collect()
            })
            .unwrap_or_default(),
        title: source.map_or("", |s| &s.title),
        publication: source.map_or("", |s| &s.publication),
        date: source.and_then(|s| s.date.as_deref()),
        url: source.map_or("", |s| &s.url),
        accessed: source.and_then(|s| s.accessed.as_deref()),
        raw: card.cite_line.as_ref().map(|c| c.text.as_str()),
    };
    CardJson {
        id: &card.id,
        deck,
        tag: &card.tag,
        side: card.side.name(),
        labels: &card.labels,
        note: card.note.as_deref(),
        cite,
        text: &card.text,
        highlighted: card.highlighted_text(),
        marks: card
            .marks
            .iter()
            .map(|m| MarkJson {
                kind: m.kind.name(),
                start: m.start,
                end: m.end,
                colour: (m.kind == MarkKind::Highlight).then(|| m.colour.name()),
            })
            .collect(),
        answers: card.answers.iter().map(answer_json).collect(),
    }
}

fn to_bytes(doc: &Document<'_>) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(doc).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The given cards (deck id, card, its source), in this order: search hits as card JSON.
pub fn cards_json<'a>(cards: impl IntoIterator<Item = (&'a str, &'a Card, Option<&'a Source>)>) -> Vec<u8> {
    let cards = cards.into_iter().map(|(deck, card, source)| card_json(deck, card, source)).collect();
    to_bytes(&Document { cards, cases: None })
}

/// Every card of `deck`, block by block.
pub fn deck_json(deck: &Deck) -> Vec<u8> {
    let sources = deck.source_index();
    let cards = deck.cards().map(|c| card_json(&deck.id, c, sources.get(&c.source))).collect();
    to_bytes(&Document { cards, cases: None })
}

fn case_json(case: &Case) -> CaseJson<'_> {
    CaseJson {
        side: case.side.name(),
        title: &case.title,
        sections: case
            .sections
            .iter()
            .map(|s| SectionJson {
                title: &s.title,
                items: s
                    .items
                    .iter()
                    .map(|i| match i {
                        Item::Card { card, .. } => ItemJson::Card(&card.id),
                        Item::Analytic { text, .. } => ItemJson::Analytic(text),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The cards a session's cases use (each once, in reading order: affirmative first), and the cases.
pub fn session_json(session: &Session) -> Vec<u8> {
    let mut seen = std::collections::HashSet::new();
    let mut cards = Vec::new();
    for (_, item) in session.items() {
        if let Item::Card { deck, card, source } = item
            && seen.insert((deck.as_str(), card.id.as_str()))
        {
            cards.push(card_json(deck, card, Some(source)));
        }
    }
    let cases = Some(vec![case_json(&session.aff), case_json(&session.neg)]);
    to_bytes(&Document { cards, cases })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::card::sample_card;
    use crate::model::{CiteLine, HighlightColour, Mark};

    #[test]
    fn a_card_that_answers_arguments_lists_each_target_and_how() {
        use crate::model::{AnswerHow, AnswerLink, AnswerTarget};
        let mut card = sample_card("c");
        let plain = serde_json::to_value(card_json("d", &card, None)).unwrap();
        assert!(plain.get("answers").is_none(), "a card that answers nothing has no answers key");
        card.answers = vec![
            AnswerLink { target: AnswerTarget::Label("taiwan trap".into()), how: AnswerHow::NoLink },
            AnswerLink {
                target: AnswerTarget::Card { deck: "neg".into(), card: "seato-failed".into() },
                how: AnswerHow::Turns,
            },
            AnswerLink {
                target: AnswerTarget::Block { deck: "neg".into(), title: "Escalation".into() },
                how: AnswerHow::Outweighs,
            },
        ];
        let json = serde_json::to_value(card_json("d", &card, None)).unwrap();
        let expected = serde_json::json!([
            {"target": "taiwan trap", "kind": "label", "deck": null, "how": "no link"},
            {"target": "seato-failed", "kind": "card", "deck": "neg", "how": "turns"},
            {"target": "Escalation", "kind": "block", "deck": "neg", "how": "outweighs"},
        ]);
        assert_eq!(json["answers"], expected);
    }

    #[test]
    fn a_card_gives_its_cite_line_note_and_highlight_colours() {
        let mut card = sample_card("c");
        let plain: serde_json::Value = serde_json::to_value(card_json("d", &card, None)).unwrap();
        assert_eq!(plain["cite"]["raw"], serde_json::Value::Null, "no cite line: null, never left out");
        assert_eq!(plain["note"], serde_json::Value::Null);
        card.cite_line =
            Some(CiteLine { text: "Kim 25 (President)".into(), bold: vec![(0, 6)], marks: Vec::new() });
        card.note = Some("Read second.".into());
        card.marks.push(Mark::highlight(HighlightColour::Green, 36, 40));
        card.marks.push(Mark::highlight(HighlightColour::Rgb(0x12, 0xAB, 0xEF), 41, 44));
        let json: serde_json::Value = serde_json::to_value(card_json("d", &card, None)).unwrap();
        assert_eq!(json["cite"]["raw"], "Kim 25 (President)");
        assert_eq!(json["note"], "Read second.");
        let colours: Vec<(String, Option<String>)> = json["marks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["kind"].as_str().unwrap().to_owned(),
                    m.get("colour").map(|c| c.as_str().unwrap().to_owned()),
                )
            })
            .collect();
        let some = |c: &str| Some(c.to_owned());
        assert_eq!(
            colours,
            [
                ("underline".into(), None),
                ("highlight".into(), some("yellow")),
                ("highlight".into(), some("yellow")),
                ("highlight".into(), some("green")),
                ("highlight".into(), some("#12ABEF")),
            ]
        );
    }
}
