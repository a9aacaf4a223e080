//! One normalisation of the terms a fact or a question names: the skills and tools of the
//! taxonomy ("C++", "CI/CD", "sklearn") and the qualifications no taxonomy entry holds,
//! which articles and askers write many ways ("Ph.D.", "PhD", "phd"; "Master's", "Masters",
//! "master’s").
//!
//! The search index, the question reader, yes/no and reverse answers all compare through
//! [`terms_in`], so "the other roles that name X" are exactly the roles whose facts name X,
//! whatever spelling each fact uses.

use std::ops::Range;

use crate::knowledge::reading::taxonomy::{competency_key, Taxonomy};

/// A qualification, with every way it is written, in lower case; a spelling with an
/// apostrophe is also written with the curly one (’).
struct Qualification {
    key: &'static str,
    name: &'static str,
    spellings: &'static [&'static str],
}

/// Bare "master" and "bachelor" are left out where they are also verbs or other nouns
/// ("master the tools"): only the spellings that can only mean the degree count.
const QUALIFICATIONS: [Qualification; 3] = [
    Qualification {
        key: "phd",
        name: "PhD",
        spellings: &["phd", "ph.d", "ph. d", "doctorate", "doctoral degree"],
    },
    Qualification {
        key: "master-s-degree",
        name: "master's degree",
        spellings: &[
            "master's",
            "master\u{2019}s",
            "masters",
            "master degree",
            "master of science",
            "msc",
            "m.sc",
        ],
    },
    Qualification {
        key: "bachelor-s-degree",
        name: "bachelor's degree",
        spellings: &[
            "bachelor's",
            "bachelor\u{2019}s",
            "bachelors",
            "bachelor degree",
            "bachelor of science",
            "bsc",
            "b.sc",
        ],
    },
];

/// A term as compared: its key (equal for every spelling) and its name as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub key: String,
    pub name: String,
}

/// Every term `text` names, in order, with the byte range of its spelling: taxonomy
/// entities (their key is [`competency_key`] of the canonical name) and qualifications.
pub fn terms_in(taxonomy: &Taxonomy, text: &str) -> Vec<(Range<usize>, Term)> {
    let mut found: Vec<(Range<usize>, Term)> = taxonomy
        .mentions_in(text)
        .into_iter()
        .map(|(range, entry)| {
            let term = Term {
                key: competency_key(&entry.name),
                name: entry.name.clone(),
            };
            (range, term)
        })
        .collect();
    for (range, qualification) in qualifications_in(text) {
        if !found
            .iter()
            .any(|(r, _)| r.start < range.end && range.start < r.end)
        {
            let term = Term {
                key: qualification.key.to_owned(),
                name: qualification.name.to_owned(),
            };
            found.push((range, term));
        }
    }
    found.sort_by_key(|(range, _)| range.start);
    found
}

/// The first term `text` names, if any: what a question's item stands for.
pub fn term_of(taxonomy: &Taxonomy, text: &str) -> Option<Term> {
    terms_in(taxonomy, text)
        .into_iter()
        .next()
        .map(|(_, term)| term)
}

/// Whether `text` names the term with `key`, and where first.
pub fn find_term(taxonomy: &Taxonomy, text: &str, key: &str) -> Option<Range<usize>> {
    terms_in(taxonomy, text)
        .into_iter()
        .find(|(_, term)| term.key == key)
        .map(|(range, _)| range)
}

/// Whether `item` names a qualification ("PhD", "master's degree", "Ph.D.").
pub fn is_qualification(item: &str) -> bool {
    !qualifications_in(item).is_empty()
}

/// Where `text` names a qualification, whichever spelling it uses ("Ph.D.", "master’s").
pub fn qualification_spans(text: &str) -> Vec<Range<usize>> {
    qualifications_in(text)
        .into_iter()
        .map(|(range, _)| range)
        .collect()
}

/// The qualifications `text` names, each spelling on word edges, ignoring case.
fn qualifications_in(text: &str) -> Vec<(Range<usize>, &'static Qualification)> {
    // ASCII lower-casing keeps byte offsets (the curly apostrophe is a spelling of its own).
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for qualification in &QUALIFICATIONS {
        for spelling in qualification.spellings {
            for (at, _) in lower.match_indices(spelling) {
                let before = lower[..at].chars().next_back();
                let after = lower[at + spelling.len()..].chars().next();
                let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
                if edge(before) && edge(after) {
                    found.push((at..at + spelling.len(), qualification));
                }
            }
        }
    }
    found.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    found.dedup_by(|later, earlier| later.0.start < earlier.0.end);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        terms_in(&Taxonomy::empty(), text)
            .into_iter()
            .map(|(_, term)| term.key)
            .collect()
    }

    #[test]
    fn every_spelling_of_a_qualification_is_one_term() {
        for text in ["a Ph.D. in physics", "PhD", "phd", "a doctorate", "Ph. D."] {
            assert_eq!(keys(text), ["phd"], "{text}");
        }
        for text in ["Master's", "Masters degree", "master’s degree", "an MSc"] {
            assert_eq!(keys(text), ["master-s-degree"], "{text}");
        }
        for text in ["Bachelor’s or Master’s degree", "bachelors and masters"] {
            assert_eq!(
                keys(text),
                ["bachelor-s-degree", "master-s-degree"],
                "{text}"
            );
        }
    }

    #[test]
    fn words_that_only_contain_a_spelling_are_not_terms() {
        for text in [
            "master the tools",
            "headmasters",
            "phdx",
            "bachelor party",
            "mscs",
        ] {
            assert!(keys(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_term_is_found_where_it_stands() {
        let text = "Typically holds a Master’s or Ph.D. in Statistics.";
        let range = find_term(&Taxonomy::empty(), text, "phd").expect("a PhD");
        assert_eq!(&text[range], "Ph.D");
        assert!(is_qualification("master’s degree"));
        assert!(!is_qualification("degree"));
    }
}
