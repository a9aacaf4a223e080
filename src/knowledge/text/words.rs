//! How words and names are compared: one set of rules for case, plurals and stems, used by
//! the article parsers, the merger, the role index and the question reader alike.
//!
//! The rules, written once:
//! - **case**: lower-cased, ASCII in place and anything else by Unicode's rules;
//! - **plural**: [`singular`] turns "engineers" into "engineer" and "industries" into
//!   "industry", and leaves short words ("ops"), and words ending in "ss", "us" or "is"
//!   ("business", "status", "analysis") alone;
//! - **stem**: [`stem`] also drops "-ment", "-ing" and "-ed" from long enough words, so that
//!   "deploying models" and "model deployment" share their words;
//! - **names**: [`normalize`] keeps letters and digits, one space between words, the last
//!   word singular; [`crate::knowledge::text::finder::NameFinder`] finds names so keyed.

use std::borrow::Cow;

/// The singular of `word` for comparison (`word` lower-cased): "engineers" → "engineer",
/// "industries" → "industry", "jobs" → "job"; short words and "-ss", "-us", "-is" endings
/// are kept as they are.
pub fn singular(word: &str) -> Cow<'_, str> {
    if word.len() <= 3 || ["ss", "us", "is"].iter().any(|end| word.ends_with(end)) {
        return Cow::Borrowed(word);
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|stem| stem.len() >= 2) {
        return Cow::Owned(format!("{stem}y"));
    }
    Cow::Borrowed(word.strip_suffix('s').unwrap_or(word))
}

/// A crude stem of a lower-case word, enough for bullets that say the same thing in another
/// form: "deploying models" and "model deployment" share `deploy` and `model`.
pub fn stem(word: &str) -> Cow<'_, str> {
    for suffix in ["ment", "ing", "ed"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 4 && !stem.ends_with('s') {
                return Cow::Borrowed(stem);
            }
        }
    }
    singular(word)
}

/// The words of `text`: its runs of letters and digits, as written. Every reader of names
/// and terms splits text here.
pub fn split_words(text: &str) -> impl Iterator<Item = &str> {
    word_spans(text).map(|(_, word)| word)
}

/// The words of `text` (as [`split_words`]) with the byte each starts at.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

/// Lower-case words of letters and digits separated by single spaces, the last one
/// [`singular`], so "Data Scientists" and "data-scientist" compare equal.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in split_words(name) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lowercase(&mut out, word);
    }
    singular_last_word(out)
}

fn singular_last_word(mut key: String) -> String {
    let start = key.rfind(' ').map_or(0, |space| space + 1);
    match singular(&key[start..]) {
        // The word itself or a prefix of it: cut in place.
        Cow::Borrowed(last) => {
            let end = start + last.len();
            key.truncate(end);
        }
        Cow::Owned(last) => {
            key.truncate(start);
            key.push_str(&last);
        }
    }
    key
}

/// Appends `word` lower-cased: ASCII (nearly every word) in place, anything else by Unicode's
/// rules. Keys are built for every line of every article, so this is worth the fast path.
pub(crate) fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether `text` starts with the ASCII `prefix`, ignoring ASCII case, without allocating.
pub(crate) fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` ends with the ASCII `suffix`, ignoring ASCII case, without allocating.
pub(crate) fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= suffix.len()
        && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The text with every "(…)" part removed ("Automotive (e.g., autonomous vehicles)" says
/// "Automotive"); an unclosed '(' drops the rest.
pub fn strip_parenthesised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_drops_plural_endings_only() {
        for (plural, one) in [
            ("engineers", "engineer"),
            ("industries", "industry"),
            ("salaries", "salary"),
            ("responsibilities", "responsibility"),
            ("jobs", "job"),
            ("tools", "tool"),
            ("mlops", "mlop"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
        for word in [
            "ops", "business", "status", "analysis", "role", "ds", "data",
        ] {
            assert_eq!(singular(word), word, "{word}");
        }
    }

    #[test]
    fn stems_share_words_across_forms() {
        assert_eq!(stem("deploying"), "deploy");
        assert_eq!(stem("deployment"), "deploy");
        assert_eq!(stem("deployed"), "deploy");
        assert_eq!(stem("models"), "model");
        // Too short to be a stem: kept.
        assert_eq!(stem("bring"), "bring");
        assert_eq!(stem("need"), "need");
    }

    #[test]
    fn normalize_folds_case_punctuation_and_plural() {
        assert_eq!(normalize("Data Scientists"), "data scientist");
        assert_eq!(normalize("  data-scientist "), "data scientist");
        assert_eq!(normalize("MLOps"), normalize("mlops"));
        assert_eq!(normalize("DS"), "ds");
        assert_eq!(normalize("Business"), "business");
        assert_eq!(normalize("Data Industries"), "data industry");
    }

    #[test]
    fn normalize_reads_versus_and_drops_spacing() {
        assert_eq!(
            normalize("  Data   Scientist VS. MLE "),
            "data scientist vs mle"
        );
        assert_eq!(normalize("Data Ops"), "data ops");
    }

    #[test]
    fn ascii_affixes_ignore_case_and_never_split_a_character() {
        assert!(starts_with_ignoring_case("Featured JOB 👀", "featured job"));
        assert!(!starts_with_ignoring_case("Feat", "featured job"));
        assert!(!starts_with_ignoring_case("é featured job", "featured job"));
        assert!(ends_with_ignoring_case("Mid-LEVEL", "-level"));
        assert!(!ends_with_ignoring_case("level", "-level"));
        assert!(!ends_with_ignoring_case("Mid-levél", "-level"));
    }
}
