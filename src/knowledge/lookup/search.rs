//! Full-text search over every fact of every role, ranked with BM25 (Robertson and
//! Zaragoza's Okapi weighting, k1 = 1.2, b = 0.75).
//!
//! Words are compared as `knowledge::words` stems them, without stop words; a skill or tool
//! the taxonomy knows is also indexed as its entity, so "sklearn" finds "Scikit-learn" and
//! "GCP" finds "Google Cloud Platform". Postings are kept flat (compressed sparse rows): one
//! array of documents, one of term frequencies, and where each term's run starts.
//!
//! Hand-written rather than the `bm25` crate: that crate keeps a copy of every document's
//! text and an embedding per document, and tokenises with its own stemmer; measured on
//! 400,000 facts it did not fit the build's time and memory budget (BENCHMARKS.md).

use crate::knowledge::text::words::split_words;
use std::borrow::Borrow;
use std::collections::HashMap;

use crate::knowledge::model::{Role, RoleId, Section};
use crate::knowledge::reading::taxonomy::Taxonomy;
use crate::knowledge::text::stop_words::is_stop_word;
use crate::knowledge::text::words::stem;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Where an indexed fact is: its role, its section and its place there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactRef {
    pub role: RoleId,
    pub section: Section,
    pub index: usize,
}

/// A fact found for a query, with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub fact: FactRef,
    pub score: f32,
}

/// The search index of a knowledge base.
///
/// Postings are kept per distinct fact text: a fact filed under several aspects, or stated
/// alike by many articles, is scored once and then expanded to every place it stands. Scores
/// are still those of BM25 over facts (document frequencies and lengths count every place),
/// so the ranking is what indexing each fact on its own would give.
#[derive(Debug, Default)]
pub struct FactIndex {
    /// Every fact's place (role, section, index in section), grouped by text.
    places: Vec<(u32, Section, u16)>,
    /// Where each text's places start in `places` (one more entry than texts).
    place_starts: Vec<u32>,
    /// Terms per text.
    lengths: Vec<u16>,
    /// Facts indexed, and their average length in terms.
    fact_count: u32,
    average_length: f32,
    /// Term → its id.
    terms: HashMap<String, u32>,
    /// Where each term's postings start in `texts` (one more entry than terms).
    starts: Vec<u32>,
    texts: Vec<u32>,
    frequencies: Vec<u8>,
    /// Per term: how many facts hold it.
    fact_frequencies: Vec<u32>,
    /// Per term: whether it stands for a taxonomy entity.
    entity_terms: Vec<bool>,
    /// Each text's hash with its id, sorted: which text a fact's is, when the index is
    /// updated for a few roles ([`FactIndex::update`]).
    text_hashes: Vec<(u64, u32)>,
    /// Whether this is an update's: texts are not numbered in the order of their first
    /// place then.
    updated: bool,
}

impl FactIndex {
    /// Indexes every fact of every role.
    pub fn build<R: Borrow<Role>>(roles: &[R], taxonomy: &Taxonomy) -> FactIndex {
        let mut index = FactIndex::default();
        let mut text_ids: HashMap<&str, u32> = HashMap::new();
        // (text, place), in fact order; grouped by text below.
        let mut placed: Vec<(u32, (u32, Section, u16))> = Vec::new();
        // (term, text, frequency), gathered text by text, then grouped by term.
        let mut postings: Vec<(u32, u32, u8)> = Vec::new();
        let mut text_terms: Vec<u32> = Vec::new();
        for (role_id, role) in roles.iter().map(Borrow::borrow).enumerate() {
            for (&section, facts) in &role.sections {
                for (i, fact) in facts.iter().enumerate().take(usize::from(u16::MAX)) {
                    let text = match text_ids.get(fact.text.as_str()) {
                        Some(&text) => text,
                        None => {
                            let text = index.lengths.len() as u32;
                            text_ids.insert(&fact.text, text);
                            index.text_hashes.push((text_hash(&fact.text), text));
                            index.add_text(text, &fact.text, taxonomy, &mut text_terms);
                            for run in text_terms.chunk_by(|a, b| a == b) {
                                postings.push((run[0], text, run.len().min(255) as u8));
                            }
                            text
                        }
                    };
                    placed.push((text, (role_id as u32, section, i as u16)));
                }
            }
        }
        index.group_places(placed);
        index.group_postings(postings);
        index.text_hashes.sort_unstable();
        index
    }

    /// Adds `text`'s length and leaves its term ids, sorted, in `found`.
    fn add_text(&mut self, id: u32, text: &str, taxonomy: &Taxonomy, found: &mut Vec<u32>) {
        debug_assert_eq!(id as usize, self.lengths.len());
        found.clear();
        each_term(text, taxonomy, |term| {
            let next = self.terms.len() as u32;
            let id = match self.terms.get(term) {
                Some(&id) => id,
                None => *self.terms.entry(term.to_owned()).or_insert(next),
            };
            found.push(id);
        });
        self.lengths
            .push(found.len().min(usize::from(u16::MAX)) as u16);
        found.sort_unstable();
    }

    /// Groups the places by text (keeping fact order within a text) and counts lengths over
    /// facts, as BM25 does.
    fn group_places(&mut self, mut placed: Vec<(u32, (u32, Section, u16))>) {
        placed.sort_by_key(|&(text, _)| text);
        self.fact_count = placed.len() as u32;
        let total: u64 = placed
            .iter()
            .map(|&(text, _)| u64::from(self.lengths[text as usize]))
            .sum();
        self.average_length = total as f32 / placed.len().max(1) as f32;
        self.place_starts = run_starts(placed.iter().map(|&(text, _)| text), self.lengths.len());
        self.places = placed.into_iter().map(|(_, place)| place).collect();
    }

    /// Groups the postings by term, in text order, and counts each term's facts.
    fn group_postings(&mut self, mut postings: Vec<(u32, u32, u8)>) {
        postings.sort_unstable_by_key(|&(term, text, _)| (term, text));
        self.starts = run_starts(postings.iter().map(|&(term, _, _)| term), self.terms.len());
        self.texts = postings.iter().map(|&(_, text, _)| text).collect();
        self.frequencies = postings.iter().map(|&(_, _, tf)| tf).collect();
        self.fact_frequencies = (0..self.terms.len())
            .map(|term| {
                self.postings(term as u32)
                    .map(|(text, _)| self.places_of(text).len() as u32)
                    .sum()
            })
            .collect();
        self.entity_terms = vec![false; self.terms.len()];
        for (term, &id) in &self.terms {
            self.entity_terms[id as usize] = term.starts_with('=');
        }
    }

    /// The facts that best match `query`, best first, at most `limit`; ties in the order
    /// their texts first appear.
    pub fn search(&self, query: &str, taxonomy: &Taxonomy, limit: usize) -> Vec<Hit> {
        let mut query_terms: Vec<u32> = Vec::new();
        each_term(query, taxonomy, |term| {
            // A term only facts gone since hold (after an update) is no term at all.
            let held = |id: &&u32| self.fact_frequencies[**id as usize] > 0;
            if let Some(&id) = self.terms.get(term).filter(held) {
                if !query_terms.contains(&id) {
                    query_terms.push(id);
                }
            }
        });
        if query_terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let ranked = self.rank(&query_terms);
        let mut hits = Vec::new();
        for (text, score) in ranked {
            for &(role, section, index) in self.places_of(text) {
                if hits.len() == limit {
                    return hits;
                }
                hits.push(Hit {
                    fact: FactRef {
                        role: role as usize,
                        section,
                        index: usize::from(index),
                    },
                    score,
                });
            }
        }
        hits
    }

    /// Every text holding a term of `query_terms`, with its BM25 score, best first, ties in
    /// the order of their first place. A query that names a skill or tool is about it: texts must name one of
    /// those it names.
    fn rank(&self, query_terms: &[u32]) -> Vec<(u32, f32)> {
        let about_entities = query_terms.iter().any(|&t| self.is_entity(t));
        // Dense accumulators: a text's score, and whether it names a queried entity.
        let mut scores = vec![0f32; self.lengths.len()];
        let mut names_entity = vec![
            false;
            if about_entities {
                self.lengths.len()
            } else {
                0
            }
        ];
        let mut touched: Vec<u32> = Vec::new();
        let count = self.fact_count as f32;
        let norm_per_term = K1 / self.average_length.max(1.0);
        for &term in query_terms {
            let frequency = self.fact_frequencies[term as usize] as f32;
            let idf = ((count - frequency + 0.5) / (frequency + 0.5) + 1.0).ln();
            let entity = self.is_entity(term);
            for (text, tf) in self.postings(term) {
                let at = text as usize;
                if scores[at] == 0.0 {
                    touched.push(text);
                }
                let tf = f32::from(tf);
                let norm = K1 * (1.0 - B) + B * norm_per_term * f32::from(self.lengths[at]);
                scores[at] += idf * tf * (K1 + 1.0) / (tf + norm);
                if entity {
                    names_entity[at] = true;
                }
            }
        }
        let mut ranked: Vec<(u32, f32)> = touched
            .into_iter()
            .filter(|&text| !about_entities || names_entity[text as usize])
            .map(|text| (text, scores[text as usize]))
            .collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        if self.updated {
            // Ties in the order of their first place: the order an index built at once
            // numbers texts in, which an update, numbering new texts last, does not keep. A
            // text no fact holds any more (no place) is never shown: last.
            for tied in ranked.chunk_by_mut(|a, b| a.1.total_cmp(&b.1).is_eq()) {
                if tied.len() > 1 {
                    tied.sort_by_cached_key(|&(text, _)| {
                        let first = self.places_of(text).first().copied();
                        (first.is_none(), first)
                    });
                }
            }
        }
        ranked
    }

    /// The places of text `id`.
    fn places_of(&self, id: u32) -> &[(u32, Section, u16)] {
        let (from, to) = (
            self.place_starts[id as usize] as usize,
            self.place_starts[id as usize + 1] as usize,
        );
        &self.places[from..to]
    }

    /// The texts holding term `id`, with how often.
    fn postings(&self, id: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let (from, to) = (
            self.starts[id as usize] as usize,
            self.starts[id as usize + 1] as usize,
        );
        (from..to).map(|at| (self.texts[at], self.frequencies[at]))
    }

    /// Whether term `id` is a taxonomy entity's.
    fn is_entity(&self, id: u32) -> bool {
        self.entity_terms.get(id as usize).copied().unwrap_or(false)
    }

    /// How many facts hold `term` (a query word as the index compares it), for telling
    /// whether a word says anything: one in half the facts does not.
    pub fn share_with(&self, word: &str) -> f32 {
        let term = stem(&word.to_lowercase()).into_owned();
        let Some(&id) = self.terms.get(&term) else {
            return 0.0;
        };
        self.fact_frequencies[id as usize] as f32 / self.fact_count.max(1) as f32
    }
}

/// Where each run of equal keys starts in `keys` (sorted, each below `count`), for keys
/// `0..count`, plus the end: compressed sparse rows.
fn run_starts(keys: impl Iterator<Item = u32>, count: usize) -> Vec<u32> {
    let mut starts = vec![0u32; count + 1];
    for key in keys {
        starts[key as usize + 1] += 1;
    }
    for at in 1..starts.len() {
        starts[at] += starts[at - 1];
    }
    starts
}

/// The hash a text is found by in [`FactIndex::text_hashes`].
fn text_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// Calls `found` with each term of `text`: its words' stems (no stop words), then each
/// taxonomy entity or qualification it mentions, as `=key`.
fn each_term(text: &str, taxonomy: &Taxonomy, mut found: impl FnMut(&str)) {
    let mut lower = String::new();
    for word in split_words(text) {
        if word.is_empty() {
            continue;
        }
        lower.clear();
        crate::knowledge::text::words::push_lowercase(&mut lower, word);
        if !is_stop_word(&lower) {
            found(&stem(&lower));
        }
    }
    // Entities and qualifications alike, through the one normalisation of terms: "Ph.D."
    // and "PhD" are one term, as "GCP" and "Google Cloud" are.
    for (_, term) in crate::knowledge::lookup::terms::terms_in(taxonomy, text) {
        let mut key = String::from("=");
        key.push_str(&term.key);
        found(&key);
    }
}

mod update;

#[cfg(test)]
mod tests;
