//! The names in a heading's words: the roles a title compares ("A vs B"), a role named
//! inside an aspect heading or a question ("What does a *Site Reliability Engineer* do?"),
//! a short title that is a role by what is under it ("Prompt Wrangler"), and the question a
//! bold `Q:` line asks.

use super::names::{read_name, split_parenthetical, starts_as_phrase, Named};
use crate::knowledge::reading::aspects::heading_section;
use crate::knowledge::reading::lines::{ends_with_role_noun, singular_role_name, split_versus};

/// The question a bold `Q:` paragraph asks, without its marker.
pub(super) fn question(text: &str) -> Option<&str> {
    let text = text.trim();
    ["Q:", "Q.", "Question:"]
        .iter()
        .find_map(|marker| text.strip_prefix(marker))
        .map(str::trim)
        .filter(|asked| !asked.is_empty())
}

/// The roles a title compares: "A vs. B: a comparison" → [A, B]; "A & B" or "A and B"
/// when both parts are role names.
pub(super) fn versus_names(title: &str) -> Vec<Named> {
    let mut names = split_versus(title);
    if let Some(last) = names.last_mut() {
        if let Some((name, _)) = last.split_once(':') {
            *last = name.trim().to_string();
        }
    }
    names.retain(|n| !n.is_empty());
    if names.is_empty() {
        let title = title.split(':').next().unwrap_or_default();
        for joint in [" & ", " and ", " or ", " / "] {
            let parts: Vec<Named> = title
                .split(joint)
                .filter_map(|p| read_name(p).ok())
                .collect();
            if parts.len() >= 2 && parts.len() == title.split(joint).count() {
                return parts;
            }
        }
        return Vec::new();
    }
    names
        .iter()
        .map(|name| {
            read_name(name).unwrap_or_else(|_| Named {
                name: singular_role_name(split_parenthetical(name).0),
                aliases: Vec::new(),
            })
        })
        .collect()
}

/// Words that make a heading a topic rather than a role, even with aspect headings below
/// it ("Careers in Data", "Frequently Asked Questions").
const TOPIC_WORDS: [&str; 13] = [
    "section",
    "career",
    "careers",
    "guide",
    "faq",
    "questions",
    "introduction",
    "conclusion",
    "comparison",
    "overview",
    "about",
    "resources",
    "roles",
];

/// A heading as a role's name by structure: a short title that is not a question, a
/// sentence or a topic ("Prompt Wrangler" with Responsibilities and Skills below it).
pub(super) fn structural_role_name(text: &str) -> Option<String> {
    let name = singular_role_name(text.trim().trim_end_matches(':'));
    let words: Vec<&str> = name.split_whitespace().collect();
    let starts_as_phrase = words.first().is_some_and(|w| starts_as_phrase(w));
    let is_title = (1..=5).contains(&words.len())
        && !starts_as_phrase
        && !name.contains(['?', '.', ',', ';', '!', ':', '|', '(', '&', '+'])
        && split_versus(&name).is_empty()
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| !c.is_lowercase()) || w.len() <= 3)
        && !words
            .iter()
            .any(|w| TOPIC_WORDS.contains(&w.to_lowercase().as_str()));
    is_title.then_some(name)
}

/// Words a heading may put before a role's name ("Becoming a Data Engineer").
const LEAD_WORDS: [&str; 16] = [
    "what", "which", "who", "how", "why", "where", "when", "every", "each", "for", "aspiring",
    "being", "becoming", "top", "key", "the",
];

/// A role named inside a heading or sentence: the run of capitalised words that ends in a
/// role noun ("What does a *Site Reliability Engineer* do?").
pub(super) fn role_named_in(text: &str) -> Option<Named> {
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    for word in text.split_whitespace() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised = bare.starts_with(|c: char| c.is_uppercase());
        if capitalised {
            if let Some(run) = runs.last_mut() {
                run.push(bare);
            }
        }
        // Punctuation after a word, or a lower-case word, ends a run.
        if !capitalised || bare.len() < word.len() {
            runs.push(Vec::new());
        }
    }
    runs.iter().find_map(|run| {
        let last_noun = run.iter().rposition(|w| ends_with_role_noun(w))?;
        let start = run[..last_noun]
            .iter()
            .take_while(|w| {
                let lower = w.to_lowercase();
                LEAD_WORDS.contains(&lower.as_str()) || heading_section(&lower).is_some()
            })
            .count();
        read_name(&run[start..=last_noun].join(" ")).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_role_names_in_headings() {
        let named = role_named_in("What does a Site Reliability Engineer do?").map(|n| n.name);
        assert_eq!(named.as_deref(), Some("Site Reliability Engineer"));
        let named = role_named_in("Skills Every Data Engineer Needs").map(|n| n.name);
        assert_eq!(named.as_deref(), Some("Data Engineer"));
        assert_eq!(role_named_in("Which skills does each need?"), None);
    }

    #[test]
    fn topics_are_not_roles_by_structure() {
        assert_eq!(
            structural_role_name("Prompt Wrangler").as_deref(),
            Some("Prompt Wrangler")
        );
        assert_eq!(structural_role_name("Careers in Data"), None);
        assert_eq!(structural_role_name("What does it take?"), None);
    }
}
