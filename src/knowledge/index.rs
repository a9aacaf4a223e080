//! Finding roles by what users type: exact names, slugs and aliases, prefixes for
//! autocomplete, and typo-tolerant matches through a trigram index.
//!
//! Built once per knowledge base; every look-up is read-only and allocation-light, because
//! autocomplete runs on every keystroke.

use std::collections::HashMap;

use super::model::{Role, RoleId};
use super::names::normalize;

/// How many roles a typo-tolerant search scores in full after the trigram filter.
const FUZZY_CANDIDATES: usize = 64;
/// A fuzzy match this close (0..=1) is taken as the role the user meant.
const ACCEPT_SIMILARITY: f64 = 0.82;
/// A typo-tolerant suggestion while typing must look at least this alike.
const SUGGEST_SIMILARITY: f64 = 0.6;
/// …unless the runner-up is this close behind it, and the question is ambiguous.
const AMBIGUITY_MARGIN: f64 = 0.04;

/// The searchable names of every role.
#[derive(Debug, Default)]
pub struct RoleIndex {
    /// Normalised name, slug or alias → role.
    exact: HashMap<String, RoleId>,
    /// Every normalised name and alias with its role, for fuzzy scoring.
    terms: Vec<(String, RoleId)>,
    /// Every word-suffix of every term ("learning engineer", "engineer"), sorted, for
    /// prefix search; the flag says whether it starts the term.
    suffixes: Vec<(String, RoleId, bool)>,
    /// Trigram → indices into `terms`.
    trigrams: HashMap<[u8; 3], Vec<u32>>,
}

/// A role found for a query, with how sure the index is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub role: RoleId,
    /// 1.0 for an exact match.
    pub similarity: f64,
}

impl RoleIndex {
    pub fn build(roles: &[Role]) -> RoleIndex {
        let mut index = RoleIndex::default();
        for (id, role) in roles.iter().enumerate() {
            let names = std::iter::once(&role.name)
                .chain(std::iter::once(&role.slug))
                .chain(role.aliases.iter());
            for name in names {
                let key = normalize(name);
                if key.is_empty() {
                    continue;
                }
                index.exact.entry(key.clone()).or_insert(id);
                if !index
                    .terms
                    .iter()
                    .rev()
                    .take(8)
                    .any(|(t, r)| *r == id && *t == key)
                {
                    index.terms.push((key, id));
                }
            }
        }
        index.index_suffixes();
        index.index_trigrams();
        index
    }

    fn index_suffixes(&mut self) {
        for (term, role) in &self.terms {
            let mut start = 0;
            loop {
                self.suffixes
                    .push((term[start..].to_owned(), *role, start == 0));
                match term[start..].find(' ') {
                    Some(space) => start += space + 1,
                    None => break,
                }
            }
        }
        self.suffixes.sort();
    }

    fn index_trigrams(&mut self) {
        for (i, (term, _)) in self.terms.iter().enumerate() {
            let mut seen: Vec<[u8; 3]> = trigrams(term).collect();
            seen.sort_unstable();
            seen.dedup();
            for gram in seen {
                self.trigrams.entry(gram).or_default().push(i as u32);
            }
        }
    }

    /// The role whose name, slug or alias is exactly `query` (after normalising).
    pub fn exact(&self, query: &str) -> Option<RoleId> {
        self.exact.get(&normalize(query)).copied()
    }

    /// Roles ranked by similarity to `query`, best first, at most `limit`.
    pub fn fuzzy(&self, query: &str, limit: usize) -> Vec<Scored> {
        let query = normalize(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<RoleId, f64> = HashMap::new();
        for term in self.candidates(&query) {
            let (text, role) = &self.terms[term];
            let similarity = similarity(&query, text);
            let entry = best.entry(*role).or_insert(0.0);
            *entry = entry.max(similarity);
        }
        let mut scored: Vec<Scored> = best
            .into_iter()
            .map(|(role, similarity)| Scored { role, similarity })
            .collect();
        scored.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(a.role.cmp(&b.role))
        });
        scored.truncate(limit);
        scored
    }

    /// The role `query` most likely means: exact, or a clear fuzzy winner.
    pub fn resolve(&self, query: &str) -> Option<RoleId> {
        if let Some(id) = self.exact(query) {
            return Some(id);
        }
        let ranked = self.fuzzy(query, 2);
        let first = ranked.first()?;
        let runner_up = ranked.get(1).map_or(0.0, |s| s.similarity);
        (first.similarity >= ACCEPT_SIMILARITY && first.similarity - runner_up >= AMBIGUITY_MARGIN)
            .then_some(first.role)
    }

    /// Suggestions while typing: names starting with the query, then names with a word
    /// starting with it, then typo-tolerant matches; distinct roles, at most `limit`.
    pub fn complete(&self, query: &str, limit: usize) -> Vec<RoleId> {
        let query = normalize(query);
        let mut out: Vec<RoleId> = Vec::with_capacity(limit);
        let push = |role: RoleId, out: &mut Vec<RoleId>| {
            if out.len() < limit && !out.contains(&role) {
                out.push(role);
            }
        };
        let start = self
            .suffixes
            .partition_point(|(s, _, _)| s.as_str() < query.as_str());
        let matching = self.suffixes[start..]
            .iter()
            .take_while(|(s, _, _)| s.starts_with(query.as_str()));
        // Whole-name prefixes first, then word prefixes; a bounded scan keeps it fast.
        let mut word_matches = Vec::new();
        for (_, role, is_start) in matching.take(limit * 40) {
            if *is_start {
                push(*role, &mut out);
            } else {
                word_matches.push(*role);
            }
        }
        for role in word_matches {
            push(role, &mut out);
        }
        if out.len() < limit && query.len() >= 3 {
            for scored in self.fuzzy(&query, limit) {
                if scored.similarity >= SUGGEST_SIMILARITY {
                    push(scored.role, &mut out);
                }
            }
        }
        out
    }

    /// Terms sharing the most trigrams with `query`, at most [`FUZZY_CANDIDATES`].
    fn candidates(&self, query: &str) -> Vec<usize> {
        if self.terms.len() <= FUZZY_CANDIDATES {
            return (0..self.terms.len()).collect();
        }
        let mut counts: HashMap<u32, u16> = HashMap::new();
        for gram in trigrams(query) {
            for &term in self.trigrams.get(&gram).map(Vec::as_slice).unwrap_or(&[]) {
                *counts.entry(term).or_insert(0) += 1;
            }
        }
        let mut ranked: Vec<(u32, u16)> = counts.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(FUZZY_CANDIDATES)
            .map(|(term, _)| term as usize)
            .collect()
    }
}

/// Trigrams of ` term ` (padded so short words and word starts count).
fn trigrams(term: &str) -> impl Iterator<Item = [u8; 3]> + '_ {
    let padded: Vec<u8> = std::iter::once(b' ')
        .chain(term.bytes())
        .chain(std::iter::once(b' '))
        .collect();
    (0..padded.len().saturating_sub(2)).map(move |i| [padded[i], padded[i + 1], padded[i + 2]])
}

/// How alike two normalised names are, 0..=1: the better of whole-string edit similarity and
/// word-by-word similarity (so "learning engineer" is close to "machine learning engineer").
fn similarity(query: &str, term: &str) -> f64 {
    let whole = strsim::normalized_damerau_levenshtein(query, term);
    let jaro = strsim::jaro_winkler(query, term) * 0.95;
    whole.max(jaro)
}

#[cfg(test)]
mod tests;
