//! The opening paragraph of a prose article, before its first heading: the roles it says it
//! compares ("similarities between machine learning engineers and data scientists") and the
//! sentences that say how each differs.

use crate::knowledge::reading::lines::{ends_with_role_noun, singular_role_name};

/// Longest role name, in words, read from running text.
const MAX_NAME_WORDS: usize = 5;

/// Role names from "between A and B" in `line`, in Title Case and singular.
pub(super) fn compared_roles(line: &str) -> Vec<String> {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` cut `line` too.
    let lower = line.to_ascii_lowercase();
    let Some(start) = lower.find("between ").map(|i| i + "between ".len()) else {
        return Vec::new();
    };
    let Some(and) = lower[start..].find(" and ").map(|i| start + i) else {
        return Vec::new();
    };
    let rest = start_of_rest(&lower, and + " and ".len());
    [&line[start..and], &line[and + " and ".len()..rest]]
        .into_iter()
        .filter_map(role_name)
        .collect()
}

/// Where the second name ends: at the first punctuation mark after it.
fn start_of_rest(lower: &str, from: usize) -> usize {
    lower[from..]
        .find([',', '.', ';', ':', '!', '?', '('])
        .map_or(lower.len(), |i| from + i)
}

/// "machine learning engineers" → "Machine Learning Engineer"; `None` unless it ends with a
/// role noun and is short enough to be a name.
fn role_name(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase
        .split_whitespace()
        .skip_while(|w| matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the"))
        .collect();
    if words.is_empty() || words.len() > MAX_NAME_WORDS {
        return None;
    }
    let titled: Vec<String> = words.iter().map(|w| title_case(w)).collect();
    let name = singular_role_name(&titled.join(" "));
    ends_with_role_noun(&name).then_some(name)
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The sentences of a paragraph, trimmed, without empty ones.
pub(super) fn sentences(paragraph: &str) -> impl Iterator<Item = &str> {
    paragraph
        .split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| s.len() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_two_roles_an_intro_compares() {
        let line = "Although there are many similarities between machine learning engineers and data scientists, their paths differ.";
        assert_eq!(
            compared_roles(line),
            ["Machine Learning Engineer", "Data Scientist"]
        );
    }

    #[test]
    fn ignores_between_without_roles() {
        assert!(compared_roles("the gap between theory and practice.").is_empty());
        assert!(compared_roles("no comparison here").is_empty());
    }

    #[test]
    fn splits_sentences() {
        let found: Vec<&str> = sentences("One. Two! Three").collect();
        assert_eq!(found, ["One.", "Two!", "Three"]);
    }
}
