//! Ids for new cards and sources: readable kebab-case, unique where it matters.

use std::collections::HashSet;

use super::SourceDoc;
use crate::model::Source;

/// Words left out of ids made from tags: they make ids longer without telling cards apart.
/// Negations ("no", "not") are kept: they flip a tag's meaning.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "is", "are", "was", "were", "be", "by",
    "with", "it", "its", "that", "this", "as", "at", "from", "will", "would", "can", "than", "their", "s",
];

/// How many words of the tag an id keeps.
const TAG_WORDS: usize = 4;

/// Lowercase words of letters and digits joined by `-`: "Paweł Behrendt's cite" → "pawel-behrendt-s-cite".
/// Common Latin accents are folded to ASCII; other letters (e.g. CJK) are kept as they are.
pub fn kebab_case(text: &str) -> String {
    words(text).join("-")
}

/// Lowercase words, accents folded: the search's own folding, so ids and search agree.
fn words(text: &str) -> Vec<String> {
    crate::search::words::words(text)
}

/// A card id for a card cut from `doc` with `tag`: the cite name (author's last name, or the
/// publication without a leading "the") and the first few meaningful words of the tag, e.g.
/// "kim-hub-spoke-disjointed". Unique among `existing_ids`: "-2", "-3", … is added when needed.
pub fn suggest_id<I, S>(doc: &SourceDoc, tag: &str, existing_ids: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut prefix = words(&doc.source.cite_name());
    if prefix.len() > 1 && prefix[0] == "the" {
        prefix.remove(0);
    }
    if prefix.is_empty() {
        prefix = words(&doc.source.id);
    }
    let tag_words: Vec<String> =
        words(tag).into_iter().filter(|w| !STOPWORDS.contains(&w.as_str())).take(TAG_WORDS).collect();
    let mut parts = prefix;
    if tag_words.is_empty() {
        parts.push("card".to_owned());
    } else {
        parts.extend(tag_words);
    }
    unique(parts.join("-"), existing_ids)
}

/// A source id from its facts, like the bundled decks' "kim-2025" and "mishcon-nd": the first
/// author's last name and the year (or "nd") when there is a byline; otherwise `fallback`
/// (e.g. the file name) in kebab case, or "source". Unique among `existing_ids`.
pub fn suggest_source_id<I, S>(source: &Source, fallback: &str, existing_ids: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let base = if source.authors.is_empty() {
        kebab_case(fallback)
    } else {
        let year = source.date.as_deref().and_then(|d| d.get(..4)).unwrap_or("nd");
        format!("{}-{year}", kebab_case(&source.cite_name()))
    };
    let base = if base.is_empty() || base.starts_with('-') { "source".to_owned() } else { base };
    unique(base, existing_ids)
}

/// `base` if no id in `existing_ids` is equal to it, else the first free `base-2`, `base-3`, ….
pub fn unique<I, S>(base: String, existing_ids: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let taken: HashSet<String> = existing_ids.into_iter().map(|s| s.as_ref().to_owned()).collect();
    if !taken.contains(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken.contains(id)).unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;

    fn doc(authors: &[&str], publication: &str) -> SourceDoc {
        let source = Source {
            id: "src-2024".into(),
            title: "T".into(),
            authors: authors
                .iter()
                .map(|n| Author { name: (*n).into(), qualifications: String::new() })
                .collect(),
            note: String::new(),
            publication: publication.into(),
            date: Some("2024-09-19".into()),
            url: String::new(),
            accessed: None,
        };
        SourceDoc::new(source, "Text.")
    }

    #[test]
    fn kebab_case_folds_accents_and_drops_punctuation() {
        assert_eq!(kebab_case("Paweł Behrendt's  “Asian NATO”!"), "pawel-behrendt-s-asian-nato");
        assert_eq!(kebab_case("Straße 2024 – Œuvre"), "strasse-2024-oeuvre");
        assert_eq!(kebab_case(" -- "), "");
    }

    #[test]
    fn card_ids_join_the_cite_name_and_the_tags_first_words() {
        let kim = doc(&["Ju Hyung Kim"], "China Factor");
        assert_eq!(
            suggest_id(&kim, "Hub-and-spoke ties are disjointed at best", [""; 0]),
            "kim-hub-spoke-ties-disjointed"
        );
        assert_eq!(
            suggest_id(&kim, "SEATO did not deter", ["kim-seato-did-not-deter"]),
            "kim-seato-did-not-deter-2"
        );
        assert_eq!(
            suggest_id(
                &kim,
                "SEATO did not deter",
                vec!["kim-seato-did-not-deter".to_owned(), "kim-seato-did-not-deter-2".to_owned()]
            ),
            "kim-seato-did-not-deter-3"
        );
        assert_eq!(suggest_id(&kim, "   ", [""; 0]), "kim-card");
        let blog = doc(&[], "The Pechko Perspective");
        assert_eq!(suggest_id(&blog, "Unity is crucial", [""; 0]), "pechko-perspective-unity-crucial");
        let nameless = doc(&[], "");
        assert_eq!(suggest_id(&nameless, "Unity", [""; 0]), "src-2024-unity");
    }

    #[test]
    fn source_ids_use_the_byline_and_year_or_the_fallback() {
        let kim = doc(&["Ju Hyung Kim"], "China Factor").source;
        assert_eq!(suggest_source_id(&kim, "file", [""; 0]), "kim-2024");
        assert_eq!(suggest_source_id(&kim, "file", ["kim-2024"]), "kim-2024-2");
        let mut undated = kim.clone();
        undated.date = None;
        assert_eq!(suggest_source_id(&undated, "file", [""; 0]), "kim-nd");
        let unsigned = doc(&[], "Blog").source;
        assert_eq!(suggest_source_id(&unsigned, "My Article (final).html", [""; 0]), "my-article-final-html");
        assert_eq!(suggest_source_id(&unsigned, "", [""; 0]), "source");
    }
}
