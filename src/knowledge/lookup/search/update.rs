//! The search index of a base rebuilt after an add, from the index before it: the facts of
//! the roles finished again are taken out and put back as they are now; every other role's
//! stand where they stood. Only texts never seen before are read into terms; the rest is
//! copying arrays (places and postings, each in one pass) and counting again. A text no fact
//! holds any more keeps its id and postings, with no place: it is never found, and counts in
//! no statistic, so the ranking is the one a build from scratch gives (`tests.rs` checks,
//! and `service::library::server::tests` through answers).

use std::borrow::Borrow;

use rustc_hash::FxHashMap;

use super::{run_starts, text_hash, FactIndex};
use crate::knowledge::model::{Role, RoleId, Section};
use crate::knowledge::reading::taxonomy::Taxonomy;

/// A fact's place: its role, section and index there.
type Place = (u32, Section, u16);

impl FactIndex {
    /// This index (of `roles` as they were) with the facts of the roles `changed` (sorted,
    /// each once; new roles among them) indexed as they are in `roles` now.
    pub fn update<R: Borrow<Role>>(
        &self,
        roles: &[R],
        changed: &[RoleId],
        taxonomy: &Taxonomy,
    ) -> FactIndex {
        let mut is_changed = vec![false; roles.len()];
        for &id in changed {
            is_changed[id] = true;
        }
        let mut index = FactIndex {
            terms: self.terms.clone(),
            lengths: self.lengths.clone(),
            entity_terms: self.entity_terms.clone(),
            updated: true,
            ..FactIndex::default()
        };
        let mut added_texts: FxHashMap<&str, u32> = FxHashMap::default();
        let mut new_hashes: Vec<(u64, u32)> = Vec::new();
        let mut placed: Vec<(u32, Place)> = Vec::new();
        let mut postings: Vec<(u32, u32, u8)> = Vec::new();
        let mut text_terms: Vec<u32> = Vec::new();
        for &role_id in changed {
            let role: &Role = roles[role_id].borrow();
            for (&section, facts) in &role.sections {
                for (i, fact) in facts.iter().enumerate().take(usize::from(u16::MAX)) {
                    let hash = text_hash(&fact.text);
                    let known = self
                        .text_id(hash, &fact.text, roles, &is_changed)
                        .or_else(|| added_texts.get(fact.text.as_str()).copied());
                    let text = known.unwrap_or_else(|| {
                        let text = index.lengths.len() as u32;
                        added_texts.insert(&fact.text, text);
                        new_hashes.push((hash, text));
                        index.add_text(text, &fact.text, taxonomy, &mut text_terms);
                        for run in text_terms.chunk_by(|a, b| a == b) {
                            postings.push((run[0], text, run.len().min(255) as u8));
                        }
                        text
                    });
                    placed.push((text, (role_id as u32, section, i as u16)));
                }
            }
        }
        index.merge_places(self, placed, &is_changed);
        index.append_postings(self, postings);
        index.text_hashes = merged_hashes(&self.text_hashes, new_hashes);
        index
    }

    /// The id of the text `text` (whose hash is `hash`) among those this index holds at a
    /// place of a role that did not change (its text is what it was), if any.
    fn text_id<R: Borrow<Role>>(
        &self,
        hash: u64,
        text: &str,
        roles: &[R],
        is_changed: &[bool],
    ) -> Option<u32> {
        let from = self.text_hashes.partition_point(|&(h, _)| h < hash);
        self.text_hashes[from..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, id)| id)
            .find(|&id| {
                self.places_of(id)
                    .iter()
                    .find(|&&(role, _, _)| !is_changed[role as usize])
                    .is_some_and(|&(role, section, at)| {
                        let role: &Role = roles[role as usize].borrow();
                        role.facts(section)
                            .get(usize::from(at))
                            .is_some_and(|fact| fact.text == text)
                    })
            })
    }

    /// Every text's places: `before`'s without those of changed roles, and `placed` (the
    /// changed roles' facts), in place order within each text; then the counts over facts.
    fn merge_places(
        &mut self,
        before: &FactIndex,
        mut placed: Vec<(u32, Place)>,
        is_changed: &[bool],
    ) {
        placed.sort_unstable();
        let texts = self.lengths.len();
        let mut places: Vec<Place> = Vec::with_capacity(before.places.len() + placed.len());
        let mut starts: Vec<u32> = Vec::with_capacity(texts + 1);
        let mut at = 0;
        for text in 0..texts as u32 {
            starts.push(places.len() as u32);
            let run = placed[at..].iter().take_while(|(t, _)| *t == text).count();
            let added = placed[at..at + run].iter().map(|&(_, place)| place);
            at += run;
            let kept = if (text as usize) < before.lengths.len() {
                before.places_of(text)
            } else {
                &[]
            };
            let kept = kept
                .iter()
                .filter(|&&(role, _, _)| !is_changed[role as usize])
                .copied();
            merge_into(&mut places, kept, added);
        }
        starts.push(places.len() as u32);
        self.fact_count = places.len() as u32;
        let mut total = 0u64;
        for text in 0..texts {
            let count = u64::from(starts[text + 1] - starts[text]);
            total += count * u64::from(self.lengths[text]);
        }
        self.average_length = total as f32 / places.len().max(1) as f32;
        self.places = places;
        self.place_starts = starts;
    }

    /// `before`'s postings with those of the new texts (numbered after all of its own, so
    /// each goes last in its term's run), and each term's count of facts again.
    fn append_postings(&mut self, before: &FactIndex, mut postings: Vec<(u32, u32, u8)>) {
        postings.sort_unstable_by_key(|&(term, text, _)| (term, text));
        let terms = self.terms.len();
        let added_starts = run_starts(postings.iter().map(|&(term, _, _)| term), terms);
        let total = before.texts.len() + postings.len();
        let (mut starts, mut texts, mut frequencies) = (
            Vec::with_capacity(terms + 1),
            Vec::with_capacity(total),
            Vec::with_capacity(total),
        );
        for term in 0..terms {
            starts.push(texts.len() as u32);
            if term + 1 < before.starts.len() {
                let (from, to) = (
                    before.starts[term] as usize,
                    before.starts[term + 1] as usize,
                );
                texts.extend_from_slice(&before.texts[from..to]);
                frequencies.extend_from_slice(&before.frequencies[from..to]);
            }
            let (from, to) = (added_starts[term] as usize, added_starts[term + 1] as usize);
            texts.extend(postings[from..to].iter().map(|&(_, text, _)| text));
            frequencies.extend(postings[from..to].iter().map(|&(_, _, tf)| tf));
        }
        starts.push(texts.len() as u32);
        self.starts = starts;
        self.texts = texts;
        self.frequencies = frequencies;
        self.fact_frequencies = (0..terms)
            .map(|term| {
                self.postings(term as u32)
                    .map(|(text, _)| self.places_of(text).len() as u32)
                    .sum()
            })
            .collect();
    }
}

/// `hashes` (sorted) with `added` merged in, sorted.
fn merged_hashes(hashes: &[(u64, u32)], mut added: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    added.sort_unstable();
    let mut merged = Vec::with_capacity(hashes.len() + added.len());
    merge_into(&mut merged, hashes.iter().copied(), added);
    merged
}

/// Extends `out` with the items of `a` and `b`, each sorted, in order.
fn merge_into<T: Ord>(
    out: &mut Vec<T>,
    a: impl IntoIterator<Item = T>,
    b: impl IntoIterator<Item = T>,
) {
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => a.next(),
            (_, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => return,
        };
        out.extend(next);
    }
}
