//! Finding roles by what users type: exact names, slugs and aliases, prefixes for
//! autocomplete, and typo-tolerant matches through a trigram index.
//!
//! Built once per knowledge base; every look-up is read-only and allocation-light, because
//! autocomplete runs on every keystroke.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashMap;

use crate::knowledge::model::{Role, RoleId};
use crate::knowledge::text::finder::{NameFinder, NAME_WORDS};
use crate::knowledge::text::fuzzy::{similarity, TYPO};
use crate::knowledge::text::words::normalize;

/// How many roles a typo-tolerant search scores in full after the trigram filter.
const FUZZY_CANDIDATES: usize = 64;
/// A typo-tolerant suggestion while typing must look at least this alike.
const SUGGEST_SIMILARITY: f64 = 0.6;
/// …unless the runner-up is this close behind it, and the question is ambiguous.
const AMBIGUITY_MARGIN: f64 = 0.04;

/// The searchable names of every role.
#[derive(Debug, Default)]
pub struct RoleIndex {
    /// Every name, slug and alias, found as a whole.
    names: NameFinder,
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
    pub fn build<R: Borrow<Role>>(roles: &[R]) -> RoleIndex {
        let mut index = RoleIndex::default();
        for (id, role) in roles.iter().map(Borrow::borrow).enumerate() {
            let names = std::iter::once(&role.name)
                .chain(std::iter::once(&role.slug))
                .chain(role.aliases.iter());
            for name in names {
                let key = normalize(name);
                if key.is_empty() {
                    continue;
                }
                index.names.insert(name, id);
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
        self.names.get(query)
    }

    /// [`RoleIndex::exact`] for a name said in `words` (split and lower-cased as
    /// [`normalize`] does): a run whose first word starts no name is not looked up.
    pub fn exact_words(&self, words: &[&str]) -> Option<RoleId> {
        let first = words.first()?;
        if words.len() <= NAME_WORDS && !self.names.may_start(first) {
            return None;
        }
        self.names.get(&words.join(" "))
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
        (first.similarity >= TYPO && first.similarity - runner_up >= AMBIGUITY_MARGIN)
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
        let mut ranked = self.shared_trigrams(query);
        // The best few by selection, not a full sort: a common trigram ("ist") reaches
        // thousands of terms.
        if ranked.len() > FUZZY_CANDIDATES {
            ranked.select_nth_unstable(FUZZY_CANDIDATES - 1);
            ranked.truncate(FUZZY_CANDIDATES);
        }
        ranked.sort_unstable();
        ranked
            .into_iter()
            .map(|key| (key & u64::from(u32::MAX)) as usize)
            .collect()
    }

    /// Every term sharing a trigram with `query`, as a key that sorts the most shared first,
    /// then in term order: the shortfall from `u16::MAX` in the high half, the term below.
    ///
    /// Counting is branch-free and the counters are then read in one sweep: remembering
    /// which terms were touched cost a mispredicted branch per term.
    fn shared_trigrams(&self, query: &str) -> Vec<u64> {
        let grams: Vec<[u8; 3]> = trigrams(query).collect();
        COUNTS.with(|cell| {
            let mut own = Vec::new();
            let mut borrowed = cell.try_borrow_mut();
            let counts = borrowed.as_deref_mut().unwrap_or(&mut own);
            if counts.len() < self.terms.len() {
                counts.resize(self.terms.len(), 0);
            }
            let counts = &mut counts[..self.terms.len()];
            for gram in &grams {
                for &term in self.trigrams.get(gram).map_or(&[][..], Vec::as_slice) {
                    let count = &mut counts[term as usize];
                    *count = count.saturating_add(1);
                }
            }
            let floor = cutoff(counts, grams.len());
            let keys = (0u32..)
                .zip(counts.iter())
                .filter(|&(_, &shared)| shared >= floor)
                .map(|(term, &shared)| (u64::from(u16::MAX - shared) << 32) | u64::from(term))
                .collect();
            // All zero again for the next call.
            counts.fill(0);
            keys
        })
    }
}

/// The trigram count the [`FUZZY_CANDIDATES`]-th best term reaches (at least 1): terms below
/// it can never be candidates, so they are not ranked at all. A term shares each of the
/// query's `grams` at most once.
fn cutoff(counts: &[u16], grams: usize) -> u16 {
    let most = u16::try_from(grams).unwrap_or(u16::MAX);
    let mut terms_with = vec![0usize; usize::from(most) + 1];
    for &count in counts {
        terms_with[usize::from(count.min(most))] += 1;
    }
    let mut reached = 0;
    for count in (1..=most).rev() {
        reached += terms_with[usize::from(count)];
        if reached >= FUZZY_CANDIDATES {
            return count;
        }
    }
    1
}

thread_local! {
    /// Trigram counters, one per term, all zero between calls and reused across keystrokes:
    /// allocating and zeroing them each time was a fifth of a typo's autocomplete at 10,000
    /// roles. A nested call (there is none) would count in an array of its own.
    static COUNTS: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

/// Trigrams of ` term ` (padded so short words and word starts count).
fn trigrams(term: &str) -> impl Iterator<Item = [u8; 3]> + '_ {
    let padded: Vec<u8> = std::iter::once(b' ')
        .chain(term.bytes())
        .chain(std::iter::once(b' '))
        .collect();
    (0..padded.len().saturating_sub(2)).map(move |i| [padded[i], padded[i + 1], padded[i + 2]])
}

#[cfg(test)]
mod tests;
