//! The roles of a Markdown document: which headings, labels and table cells name a role, and
//! one list of the document's roles that finds a role again under another spelling
//! ("Data Scientists", "Data Scientist role").

use crate::knowledge::lines::{add_alias, ends_with_role_noun, singular_role_name, split_versus};
use crate::knowledge::parsed::ParsedRole;
use crate::knowledge::words::singular_name_key;

/// Words that make a heading a topic rather than a role, even when it has aspect headings
/// below it ("Careers in Data", "Frequently Asked Questions").
const TOPIC_WORDS: [&str; 12] = [
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

/// Words a heading may put before a role's name ("Becoming a Data Engineer").
const LEAD_WORDS: [&str; 16] = [
    "what", "which", "who", "how", "why", "where", "when", "every", "each", "for", "aspiring",
    "being", "becoming", "top", "key", "the",
];

/// The roles found so far, with the keys each is found by (its name, then its aliases).
#[derive(Debug, Default)]
pub(super) struct RoleSet {
    pub roles: Vec<ParsedRole>,
    /// (key, role).
    keys: Vec<(String, usize)>,
}

impl RoleSet {
    /// The role `name` (already cleaned) names, added if new.
    pub fn add(&mut self, name: &str) -> usize {
        if let Some(found) = self.find(name) {
            return found;
        }
        self.keys.push((singular_name_key(name), self.roles.len()));
        self.roles.push(ParsedRole {
            name: name.to_string(),
            ..ParsedRole::default()
        });
        self.roles.len() - 1
    }

    /// Gives `role` another name ("MLE" from "Machine Learning Engineer (MLE)"), unless a
    /// role already goes by it.
    pub fn add_alias(&mut self, role: usize, alias: &str) {
        let key = singular_name_key(alias);
        let is_name =
            alias.chars().any(char::is_alphabetic) && alias.split_whitespace().count() <= 5;
        if !is_name || self.keys.iter().any(|(k, _)| *k == key) {
            return;
        }
        if let Some(parsed) = self.roles.get_mut(role) {
            add_alias(parsed, alias.to_string());
            self.keys.push((key, role));
        }
    }

    /// The known role `text` names, as a whole (after cleaning).
    pub fn find(&self, text: &str) -> Option<usize> {
        if text.len() > 160 {
            return None;
        }
        let key = singular_name_key(&clean_name(text));
        self.keys
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, role)| role)
    }

    /// The known roles `text` mentions, each once, in role order.
    pub fn mentioned(&self, text: &str) -> Vec<usize> {
        let lower = singular_name_key(text);
        let plain = crate::knowledge::words::name_key(text);
        let mut found: Vec<usize> = self
            .keys
            .iter()
            .filter(|(key, _)| contains_phrase(&lower, key) || contains_phrase(&plain, key))
            .map(|&(_, role)| role)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    pub fn len(&self) -> usize {
        self.roles.len()
    }
}

/// A heading, label or cell as a role's name: "The Data Scientists", "Data Scientist role",
/// "For Aspiring Data Engineers:" → "Data Scientist", "Data Engineer".
pub(super) fn clean_name(text: &str) -> String {
    let (text, _) = split_parenthetical(text);
    let mut name = text
        .trim()
        .trim_end_matches(':')
        .trim_matches(|c: char| c == '*' || c == '_')
        .trim();
    for prefix in ["for aspiring ", "aspiring ", "for "] {
        if name.len() > prefix.len()
            && name.is_char_boundary(prefix.len())
            && name[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            name = name[prefix.len()..].trim_start();
            break;
        }
    }
    for suffix in [" roles", " role", " positions", " position"] {
        let cut = name.len().wrapping_sub(suffix.len());
        if name.len() > suffix.len()
            && name.is_char_boundary(cut)
            && name[cut..].eq_ignore_ascii_case(suffix)
        {
            name = name[..cut].trim_end();
            break;
        }
    }
    singular_role_name(name)
}

/// "Machine Learning Engineer (MLE)" → ("Machine Learning Engineer", Some("MLE")).
pub(super) fn split_parenthetical(text: &str) -> (&str, Option<&str>) {
    let trimmed = text.trim().trim_end_matches(':').trim_end();
    if let Some((name, alias)) = trimmed.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        let alias = alias.trim();
        if !name.trim().is_empty() && !alias.is_empty() && !alias.contains(')') {
            return (name.trim_end(), Some(alias));
        }
    }
    (text, None)
}

/// `text` as a role's name, when it is one: a few words, no sentence, ending in a role noun
/// ("Engineer", "Scientists").
pub(super) fn role_name(text: &str) -> Option<String> {
    if text.len() > 120 || text.contains(['?', '.', ',', ';', '!', '|', '\n']) {
        return None;
    }
    let name = clean_name(text);
    let words = name.split_whitespace().count();
    let is_name = (1..=6).contains(&words)
        && ends_with_role_noun(&name)
        && split_versus(&name).is_empty()
        && name.chars().any(char::is_alphabetic);
    is_name.then_some(name)
}

/// A heading as a role's name by structure: a short title that is not a question, a
/// sentence or a topic ("Prompt Wrangler" with Responsibilities and Skills below it).
pub(super) fn structural_role_name(text: &str) -> Option<String> {
    let name = clean_name(text);
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_title = (1..=5).contains(&words.len())
        && !name.contains(['?', '.', ',', ';', '!', ':', '|'])
        && split_versus(&name).is_empty()
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| !c.is_lowercase()) || w.len() <= 3)
        && !words
            .iter()
            .any(|w| TOPIC_WORDS.contains(&w.to_lowercase().as_str()));
    is_title.then_some(name)
}

/// A role named inside a heading or sentence: the run of capitalised words that ends in a
/// role noun ("What does a *Site Reliability Engineer* do?").
pub(super) fn role_named_in(text: &str) -> Option<String> {
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
                LEAD_WORDS.contains(&lower.as_str())
                    || crate::knowledge::aspects::heading_section(&lower).is_some()
            })
            .count();
        role_name(&run[start..=last_noun].join(" "))
    })
}

/// True if `phrase` occurs in `text` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    !phrase.is_empty()
        && text.match_indices(phrase).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_trailing_role_words_name_the_same_role() {
        let mut roles = RoleSet::default();
        let id = roles.add(&clean_name("Site Reliability Engineer"));
        for text in [
            "Site Reliability Engineers",
            "Site Reliability Engineer role",
            "The Site Reliability Engineer position",
            "For Aspiring Site Reliability Engineers:",
            "**Site Reliability Engineer**",
        ] {
            assert_eq!(roles.find(text), Some(id), "{text:?}");
        }
    }

    #[test]
    fn a_parenthetical_after_a_role_heading_is_another_name() {
        let mut roles = RoleSet::default();
        let name = role_name("Machine Learning Engineers (MLE)");
        assert_eq!(name.as_deref(), Some("Machine Learning Engineer"));
        let id = roles.add(&name.unwrap_or_default());
        roles.add_alias(id, "MLE");
        assert_eq!(roles.find("MLE"), Some(id));
        assert_eq!(roles.mentioned("What does an MLE do?"), [id]);
        assert_eq!(roles.roles[id].aliases, ["MLE"]);
    }

    #[test]
    fn finds_role_names_in_headings() {
        let named = role_named_in("What does a Site Reliability Engineer do?");
        assert_eq!(named.as_deref(), Some("Site Reliability Engineer"));
        let named = role_named_in("Skills Every Data Engineer Needs");
        assert_eq!(named.as_deref(), Some("Data Engineer"));
        assert_eq!(role_named_in("Which skills does each need?"), None);
        assert_eq!(role_name("Programming languages"), None);
        assert_eq!(role_name("Data Stewards").as_deref(), Some("Data Steward"));
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
