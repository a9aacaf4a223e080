//! A thing a question names ("PhD", "Tableau", "master's degree", "rust") and the facts
//! that mention it: by the term it is (`knowledge::terms`: a taxonomy entity or a
//! qualification), whatever spelling the fact uses, or by all of its words.

use crate::knowledge::text::words::split_words;
use std::ops::Range;

use crate::advisor::shown::own_text;
use crate::knowledge::lookup::terms::{find_term, term_of};
use crate::knowledge::text::stop_words::is_stop_word;
use crate::knowledge::text::words::stem;
use crate::knowledge::{Fact, KnowledgeBase, Role};

/// Facts read, at most, when looking for every role that names a thing.
const CANDIDATES: usize = 2000;

/// What to look for in facts.
#[derive(Debug, Clone)]
pub struct Focus {
    /// The thing as the asker wrote it, for showing.
    pub text: String,
    /// The term it is, if any (a taxonomy entity or a qualification): its name and key.
    pub entity: Option<(String, String)>,
    /// Its words' stems, without stop words.
    stems: Vec<String>,
}

impl Focus {
    pub fn new(kb: &KnowledgeBase, text: &str) -> Focus {
        let entity = term_of(&kb.taxonomy, text).map(|term| (term.name, term.key));
        let stems = split_words(text)
            .map(str::to_lowercase)
            .filter(|w| !w.is_empty() && !is_stop_word(w))
            .map(|w| stem(&w).into_owned())
            .collect();
        Focus {
            text: text.trim().to_owned(),
            entity,
            stems,
        }
    }

    /// The name to show: the entity's canonical name, else the words as written.
    pub fn name(&self) -> &str {
        self.entity.as_ref().map_or(&self.text, |(name, _)| name)
    }

    /// Where `text` mentions the thing (the first place), if it does.
    pub fn find_in(&self, kb: &KnowledgeBase, text: &str) -> Option<Range<usize>> {
        if let Some((_, key)) = &self.entity {
            // A term is found by its key only: "master's degree" is not any "degree".
            return find_term(&kb.taxonomy, text, key);
        }
        if self.stems.is_empty() {
            return None;
        }
        let mut first: Option<Range<usize>> = None;
        for wanted in &self.stems {
            let found = words_with_spans(text)
                .find(|(word, _)| stem(&word.to_lowercase()) == wanted.as_str())
                .map(|(_, span)| span)?;
            if first.as_ref().is_none_or(|f| found.start < f.start) {
                first = Some(found);
            }
        }
        first
    }

    /// What the facts of `role` say of it alone that mentions the thing, in profile order,
    /// each once.
    pub fn facts_of<'r>(&self, kb: &KnowledgeBase, role: &'r Role) -> Vec<(String, &'r Fact)> {
        let mut found: Vec<(String, &Fact)> = Vec::new();
        for fact in role.sections.values().flatten() {
            let Some(text) = own_text(kb, role, fact) else {
                continue;
            };
            let repeat = found.iter().any(|(t, _)| *t == text);
            if !repeat && self.find_in(kb, &text).is_some() {
                found.push((text, fact));
            }
        }
        found
    }

    /// Every role with facts that mention the thing, most facts first, each with its facts:
    /// found through the search index, so only the facts that share its words are read.
    pub fn roles_naming<'k>(
        &self,
        kb: &'k KnowledgeBase,
    ) -> Vec<(&'k Role, Vec<(String, &'k Fact)>)> {
        let query = self.entity.as_ref().map_or(&self.text, |(name, _)| name);
        let mut roles: Vec<(usize, Vec<(String, &Fact)>)> = Vec::new();
        for hit in kb.search(query, CANDIDATES) {
            let Some(fact) = kb.fact(hit.fact) else {
                continue;
            };
            let role = kb.role(hit.fact.role);
            let Some(text) = own_text(kb, role, fact) else {
                continue;
            };
            if self.find_in(kb, &text).is_none() {
                continue;
            }
            match roles.iter_mut().find(|(id, _)| *id == hit.fact.role) {
                Some((_, facts)) if !facts.iter().any(|(t, _)| *t == text) => {
                    facts.push((text, fact))
                }
                Some(_) => {}
                None => roles.push((hit.fact.role, vec![(text, fact)])),
            }
        }
        let mut named: Vec<(&Role, Vec<(String, &Fact)>)> = roles
            .into_iter()
            .map(|(id, facts)| (kb.role(id), facts))
            .collect();
        named.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.name.cmp(&b.0.name)));
        named
    }

    /// `text` with its first mention of the thing in bold.
    pub fn marked(&self, kb: &KnowledgeBase, text: &str) -> String {
        match self.find_in(kb, text) {
            Some(range) => format!(
                "{}**{}**{}",
                &text[..range.start],
                &text[range.clone()],
                &text[range.end..]
            ),
            None => text.to_owned(),
        }
    }
}

/// The words of `text` with their byte ranges.
fn words_with_spans(text: &str) -> impl Iterator<Item = (&str, Range<usize>)> {
    let mut start = None;
    let mut words = Vec::new();
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                words.push((&text[from..at], from..at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push((&text[from..], from..text.len()));
    }
    words.into_iter()
}
