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

use std::collections::HashMap;

use super::model::{Role, RoleId, Section};
use super::taxonomy::Taxonomy;
use super::words::stem;

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
#[derive(Debug, Default)]
pub struct FactIndex {
    /// Facts in index order, compactly: (role, section, index in section).
    facts: Vec<(u32, Section, u16)>,
    /// Terms per fact.
    lengths: Vec<u16>,
    average_length: f32,
    /// Term → its id.
    terms: HashMap<String, u32>,
    /// Where each term's postings start in `documents` (one more entry than terms).
    starts: Vec<u32>,
    documents: Vec<u32>,
    frequencies: Vec<u8>,
    /// Per term: whether it stands for a taxonomy entity.
    entity_terms: Vec<bool>,
}

impl FactIndex {
    /// Indexes every fact of every role.
    pub fn build(roles: &[Role], taxonomy: &Taxonomy) -> FactIndex {
        let mut index = FactIndex::default();
        let mut terms: HashMap<String, u32> = HashMap::new();
        // (term, fact, frequency), gathered fact by fact, then grouped by term.
        let mut postings: Vec<(u32, u32, u8)> = Vec::new();
        let mut fact_terms: Vec<u32> = Vec::new();
        for (role_id, role) in roles.iter().enumerate() {
            for (&section, facts) in &role.sections {
                for (i, fact) in facts.iter().enumerate().take(usize::from(u16::MAX)) {
                    let doc = index.facts.len() as u32;
                    index.facts.push((role_id as u32, section, i as u16));
                    fact_terms.clear();
                    each_term(&fact.text, taxonomy, |term| {
                        let next = terms.len() as u32;
                        fact_terms.push(*terms.entry(term.to_owned()).or_insert(next));
                    });
                    index
                        .lengths
                        .push(fact_terms.len().min(usize::from(u16::MAX)) as u16);
                    fact_terms.sort_unstable();
                    for run in fact_terms.chunk_by(|a, b| a == b) {
                        postings.push((run[0], doc, run.len().min(255) as u8));
                    }
                }
            }
        }
        postings.sort_unstable_by_key(|&(term, doc, _)| (term, doc));
        index.starts = Vec::with_capacity(terms.len() + 1);
        let mut at = 0;
        for term in 0..terms.len() as u32 {
            index.starts.push(at as u32);
            while at < postings.len() && postings[at].0 == term {
                at += 1;
            }
        }
        index.starts.push(postings.len() as u32);
        index.documents = postings.iter().map(|&(_, doc, _)| doc).collect();
        index.frequencies = postings.iter().map(|&(_, _, tf)| tf).collect();
        let total: u64 = index.lengths.iter().map(|&l| u64::from(l)).sum();
        index.average_length = total as f32 / index.lengths.len().max(1) as f32;
        index.entity_terms = vec![false; terms.len()];
        for (term, &id) in &terms {
            index.entity_terms[id as usize] = term.starts_with('=');
        }
        index.terms = terms;
        index
    }

    /// The facts that best match `query`, best first, at most `limit`; ties in index order.
    pub fn search(&self, query: &str, taxonomy: &Taxonomy, limit: usize) -> Vec<Hit> {
        let mut query_terms: Vec<u32> = Vec::new();
        each_term(query, taxonomy, |term| {
            if let Some(&id) = self.terms.get(term) {
                if !query_terms.contains(&id) {
                    query_terms.push(id);
                }
            }
        });
        if query_terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let count = self.facts.len() as f32;
        let mut scores: HashMap<u32, f32> = HashMap::new();
        // A query that names a skill or tool is about it: facts must name one it names.
        let entities: Vec<u32> = query_terms
            .iter()
            .copied()
            .filter(|&t| self.is_entity(t))
            .collect();
        let mut required: Option<std::collections::HashSet<u32>> = None;
        if !entities.is_empty() {
            let mut naming = std::collections::HashSet::new();
            for &term in &entities {
                naming.extend(self.postings(term).map(|(doc, _)| doc));
            }
            required = Some(naming);
        }
        for term in query_terms {
            let (from, to) = (
                self.starts[term as usize] as usize,
                self.starts[term as usize + 1] as usize,
            );
            let frequency = (to - from) as f32;
            let idf = ((count - frequency + 0.5) / (frequency + 0.5) + 1.0).ln();
            for at in from..to {
                let doc = self.documents[at];
                if required.as_ref().is_some_and(|r| !r.contains(&doc)) {
                    continue;
                }
                let tf = f32::from(self.frequencies[at]);
                let length = f32::from(self.lengths[doc as usize]);
                let norm = K1 * (1.0 - B + B * length / self.average_length.max(1.0));
                *scores.entry(doc).or_default() += idf * tf * (K1 + 1.0) / (tf + norm);
            }
        }
        let mut ranked: Vec<(u32, f32)> = scores.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked
            .into_iter()
            .map(|(doc, score)| {
                let (role, section, index) = self.facts[doc as usize];
                Hit {
                    fact: FactRef {
                        role: role as usize,
                        section,
                        index: usize::from(index),
                    },
                    score,
                }
            })
            .collect()
    }

    /// The facts holding term `id`, with how often.
    fn postings(&self, id: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let (from, to) = (
            self.starts[id as usize] as usize,
            self.starts[id as usize + 1] as usize,
        );
        (from..to).map(|at| (self.documents[at], self.frequencies[at]))
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
        let (from, to) = (self.starts[id as usize], self.starts[id as usize + 1]);
        (to - from) as f32 / self.facts.len().max(1) as f32
    }
}

/// Calls `found` with each term of `text`: its words' stems (no stop words), then each
/// taxonomy entity it mentions, as `=key`.
fn each_term(text: &str, taxonomy: &Taxonomy, mut found: impl FnMut(&str)) {
    let mut lower = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        lower.clear();
        crate::knowledge::words::push_lowercase(&mut lower, word);
        if !is_stop_word(&lower) {
            found(&stem(&lower));
        }
    }
    for (_, entry) in taxonomy.mentions_in(text) {
        let mut key = String::from("=");
        key.push_str(&super::taxonomy::competency_key(&entry.name));
        found(&key);
    }
}

/// Words too common to search by: English function words and the words of questions.
pub fn is_stop_word(word: &str) -> bool {
    const STOP: [&str; 96] = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "been", "being", "both", "but", "by", "can", "could", "d", "did", "do", "does", "doing",
        "e", "each", "etc", "even", "every", "for", "from", "g", "get", "got", "had", "has",
        "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
        "like", "ll", "m", "many", "me", "more", "most", "much", "my", "no", "not", "of", "on",
        "one", "or", "other", "our", "out", "re", "s", "she", "should", "so", "some", "such", "t",
        "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "to", "ve", "was", "we", "what", "when", "which", "who", "why",
    ];
    const MORE: [&str; 12] = [
        "will", "with", "would", "you", "your", "very", "really", "thing", "things", "way", "tell",
        "know",
    ];
    word.len() <= 7 && (STOP.binary_search(&word).is_ok() || MORE.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::model::Fact;
    use std::collections::BTreeMap;

    fn role(name: &str, facts: &[(Section, &str)]) -> Role {
        let mut sections: BTreeMap<Section, Vec<Fact>> = BTreeMap::new();
        for (section, text) in facts {
            sections.entry(*section).or_default().push(Fact {
                text: text.to_string(),
                sources: vec![0],
                filed_from: None,
            });
        }
        Role {
            slug: crate::knowledge::names::slugify(name),
            name: name.into(),
            aliases: Vec::new(),
            sections,
            competencies: Vec::new(),
            sources: vec![0],
            notes: Vec::new(),
        }
    }

    fn taxonomy() -> Taxonomy {
        Taxonomy::from_toml(include_str!("../../knowledge/skills.toml")).expect("taxonomy")
    }

    #[test]
    fn ranks_the_facts_that_match_most_and_rarest_words_first() {
        let tax = taxonomy();
        let roles = [
            role(
                "Data Engineer",
                &[
                    (
                        Section::Responsibilities,
                        "Build and maintain data pipelines.",
                    ),
                    (Section::Tools, "Orchestration: Apache Airflow, Luigi."),
                ],
            ),
            role(
                "Analyst",
                &[
                    (
                        Section::Responsibilities,
                        "Build dashboards for the business.",
                    ),
                    (Section::Skills, "Data analysis with Python."),
                ],
            ),
        ];
        let index = FactIndex::build(&roles, &tax);
        let hits = index.search("how do I build data pipelines?", &tax, 5);
        assert_eq!(hits[0].fact.role, 0);
        assert_eq!(hits[0].fact.section, Section::Responsibilities);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(index.search("weather tomorrow", &tax, 5).is_empty());
    }

    #[test]
    fn the_stop_list_is_sorted_for_its_binary_search() {
        for word in ["a", "about", "like", "why", "with", "what"] {
            assert!(is_stop_word(word), "{word}");
        }
        for word in ["pipelines", "python", "weather"] {
            assert!(!is_stop_word(word), "{word}");
        }
    }

    #[test]
    fn a_taxonomy_alias_finds_the_canonical_name() {
        let tax = taxonomy();
        let roles = [role(
            "ML Engineer",
            &[(
                Section::Tools,
                "Machine Learning Frameworks: Scikit-learn, Keras.",
            )],
        )];
        let index = FactIndex::build(&roles, &tax);
        let hits = index.search("sklearn", &tax, 5);
        assert_eq!(hits.len(), 1, "{hits:?}");
    }
}
