//! Picks a role's definition from the prose under its heading.

use crate::knowledge::reading::lines::sentences;
use crate::knowledge::text::finder::{Found, NameFinder};
use crate::knowledge::text::words::word_spans;

/// The sentence that best says what the role is: "A Data Scientist is …" first, then any
/// "… Data Scientist is …", then the first sentence naming the role, then the first sentence.
/// `names` finds the role's names (see [`ParsedRole::name_finder`]).
///
/// [`ParsedRole::name_finder`]: crate::knowledge::reading::parsed::ParsedRole::name_finder
pub(crate) fn choose_definition(
    paragraphs: &[(usize, String)],
    names: &NameFinder,
) -> Option<(usize, String)> {
    paragraphs
        .iter()
        .flat_map(|(line, text)| sentences(text).into_iter().map(move |s| (*line, s)))
        .filter(|(_, s)| !s.is_empty())
        .enumerate()
        .min_by_key(|(order, (_, sentence))| (rank(sentence, names), *order))
        .map(|(_, (line, sentence))| (line, sentence.to_string()))
}

/// How well `sentence` says what the role is; lower is better.
fn rank(sentence: &str, names: &NameFinder) -> u8 {
    let words: Vec<(usize, &str)> = word_spans(sentence).collect();
    let found = names.find_in_words(&words);
    let word_is = |at: usize, choices: &[&str]| {
        words
            .get(at)
            .is_some_and(|(_, w)| choices.iter().any(|c| w.eq_ignore_ascii_case(c)))
    };
    let opens = |name: &Found| match name.words.start {
        0 => true,
        1 => word_is(0, &["a", "an", "the"]),
        _ => false,
    };
    if found
        .iter()
        .any(|name| opens(name) && word_is(name.words.end, &["is", "are"]))
    {
        0
    } else if found.iter().any(|name| word_is(name.words.end, &["is"])) {
        1
    } else if !found.is_empty() {
        2
    } else {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(lines: &[&str]) -> Vec<(usize, String)> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect()
    }

    fn names(name: &str) -> NameFinder {
        let mut finder = NameFinder::default();
        finder.insert(name, 0);
        finder
    }

    #[test]
    fn prefers_a_sentence_saying_what_the_role_is() {
        let text = paragraphs(&[
            "The role of a Data Scientist is changing. A Data Scientist is a problem solver.",
            "Data Scientists are also paid well.",
        ]);
        let chosen = choose_definition(&text, &names("Data Scientist"));
        assert_eq!(
            chosen,
            Some((1, "A Data Scientist is a problem solver.".to_string()))
        );
    }

    #[test]
    fn a_name_inside_a_longer_word_is_no_mention() {
        let text = paragraphs(&["Big-data scientistic work is fun. Data Scientists are curious."]);
        let chosen = choose_definition(&text, &names("Data Scientist")).map(|(_, s)| s);
        assert_eq!(chosen.as_deref(), Some("Data Scientists are curious."));
    }

    #[test]
    fn falls_back_to_a_sentence_naming_the_role_then_to_the_first() {
        let names = names("MLOps Engineer");
        let text = paragraphs(&["It matters. As an MLOps Engineer, you deploy."]);
        let chosen = choose_definition(&text, &names).map(|(_, s)| s);
        assert_eq!(chosen.as_deref(), Some("As an MLOps Engineer, you deploy."));
        let text = paragraphs(&["It matters. A lot."]);
        let chosen = choose_definition(&text, &names).map(|(_, s)| s);
        assert_eq!(chosen.as_deref(), Some("It matters."));
        assert_eq!(choose_definition(&[], &names), None);
    }
}
