//! The skills-and-tools taxonomy (`knowledge/skills.toml`): canonical names, aliases and
//! categories, and the matcher that recognises them in free text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::knowledge::model::{Category, Competency};

pub mod related;
pub use related::RelatedSkills;

/// One skill, tool or concept the bot knows by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The canonical display name, e.g. "Scikit-learn".
    pub name: String,
    pub category: Category,
    /// Other spellings, as written in the taxonomy; the name itself is not repeated here.
    pub aliases: Vec<String>,
}

/// Every known skill, with a matcher over all their spellings built once at load time.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    entries: Vec<Entry>,
    /// [`competency_key`] of every name and alias → index in `entries`.
    by_key: HashMap<String, usize>,
    /// [`competency_key`] of each entry's name, in entry order: every recognised mention
    /// needs it.
    name_keys: Vec<String>,
    /// `None` when there is nothing to match.
    matcher: Option<AhoCorasick>,
    /// What each matcher pattern stands for, indexed by pattern id.
    patterns: Vec<Pattern>,
    /// Which skills carry over to which.
    related: RelatedSkills,
}

/// A problem in `skills.toml`, worded for the curator who has to fix it.
#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    #[error("the skills taxonomy is not valid: {0}")]
    Toml(String),
    #[error(
        "skill #{position} has an empty name; every [[skill]] needs a name such as \"PyTorch\""
    )]
    EmptyName { position: usize },
    #[error("skill \"{name}\" has an empty alias; remove it from its aliases")]
    EmptyAlias { name: String },
    #[error("\"{alias}\" is listed for both \"{first}\" and \"{second}\"; an alias may belong to one skill only, so remove it from one of them")]
    DuplicateAlias {
        alias: String,
        first: String,
        second: String,
    },
    #[error("skill \"{name}\" lists \"{alias}\" under case_sensitive, but it is neither its name nor one of its aliases")]
    UnknownCaseSensitive { name: String, alias: String },
    #[error("the ignored phrase \"{phrase}\" is also a spelling of \"{name}\"; remove it from one of the two")]
    IgnoredAlias { phrase: String, name: String },
    #[error("the ignore list has an empty phrase; remove it")]
    EmptyIgnore,
    #[error("the skills taxonomy is not valid: {0}")]
    Related(String),
    #[error("could not build the skill matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
}

/// What a matched pattern means and how strictly it must be checked.
#[derive(Debug, Clone)]
struct Pattern {
    /// The entry it names, or `None` for an ignored phrase, which only hides what it covers.
    target: Option<usize>,
    /// The spelling the text must have exactly, for case-sensitive patterns.
    exact: Option<String>,
    /// Short aliases ("R", "AI") need stricter word edges: "R&D" is not about R.
    strict_edges: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    skill: Vec<FileEntry>,
    #[serde(default)]
    related: Vec<related::FileGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    name: String,
    category: Category,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    case_sensitive: Vec<String>,
}

/// Aliases this short are case-sensitive and need strict edges: "R" and "AI" are words,
/// "r" and "ai" mostly are not.
const SHORT_ALIAS_CHARS: usize = 2;

impl Taxonomy {
    /// Parses and checks a taxonomy in the `skills.toml` format.
    pub fn from_toml(text: &str) -> Result<Taxonomy, TaxonomyError> {
        let doc: FileDoc = toml::from_str(text).map_err(|e| TaxonomyError::Toml(e.to_string()))?;
        let mut builder = Builder::default();
        for (position, file_entry) in doc.skill.into_iter().enumerate() {
            builder.add_entry(position + 1, file_entry)?;
        }
        for phrase in &doc.ignore {
            builder.add_ignored(phrase)?;
        }
        let mut taxonomy = builder.finish()?;
        taxonomy.related = RelatedSkills::build(doc.related, |skill| {
            taxonomy.competency(skill, Category::Other).key
        })
        .map_err(TaxonomyError::Related)?;
        Ok(taxonomy)
    }

    /// Which skills carry over to which.
    pub fn related(&self) -> &RelatedSkills {
        &self.related
    }

    /// A taxonomy that knows nothing: every item is kept as written.
    pub fn empty() -> Taxonomy {
        Taxonomy::default()
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Entities mentioned anywhere in free text, in order of first appearance, deduplicated.
    ///
    /// Matches stand on word boundaries; where spellings overlap the leftmost, then longest,
    /// wins ("Google Cloud Platform" over "Google Cloud", "Azure Machine Learning" over
    /// "Azure" and "machine learning").
    pub fn find_in(&self, text: &str) -> Vec<&Entry> {
        self.positions_in(text)
            .into_iter()
            .map(|i| &self.entries[i])
            .collect()
    }

    /// [`Taxonomy::find_in`], as competencies.
    pub fn competencies_in(&self, text: &str) -> Vec<Competency> {
        self.positions_in(text)
            .into_iter()
            .map(|i| self.competency_at(i))
            .collect()
    }

    /// Indexes in `entries` of what [`Taxonomy::find_in`] finds.
    fn positions_in(&self, text: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        for (_, entry) in self.spans(text) {
            if !found.contains(&entry) {
                found.push(entry);
            }
        }
        found
    }

    /// Every mention in `text`, in order, with the byte range it covers: as
    /// [`Taxonomy::find_in`], repeats included.
    pub fn mentions_in(&self, text: &str) -> Vec<(std::ops::Range<usize>, &Entry)> {
        self.spans(text)
            .into_iter()
            .map(|(range, i)| (range, &self.entries[i]))
            .collect()
    }

    /// Mentions as byte ranges and entry indexes, leftmost then longest.
    fn spans(&self, text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        // Overlapping search, then our own leftmost-longest pass: a candidate rejected for
        // its word edges must not hide a shorter one that starts at the same place, which a
        // leftmost-longest automaton would do.
        let mut candidates: Vec<(usize, usize, usize)> = matcher
            .find_overlapping_iter(text)
            .filter(|m| self.accepts(text, m.pattern().as_usize(), m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        candidates.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));

        let mut found = Vec::new();
        let mut covered_to = 0;
        for (start, end, pattern) in candidates {
            if start < covered_to {
                continue;
            }
            covered_to = end;
            if let Some(entry) = self.patterns[pattern].target {
                found.push((start..end, entry));
            }
        }
        found
    }

    /// The entry whose name or alias equals `item` once normalised.
    ///
    /// Falls back to the item without its parenthesised parts ("NoSQL (MongoDB)" → NoSQL)
    /// and without a plural 's' ("Jupyter Notebooks" → Jupyter).
    pub fn lookup(&self, item: &str) -> Option<&Entry> {
        self.position(item).map(|i| &self.entries[i])
    }

    /// The index in `entries` of what [`Taxonomy::lookup`] finds.
    fn position(&self, item: &str) -> Option<usize> {
        let find = |key: &str| match key {
            "" => None,
            _ => self.by_key.get(key).copied(),
        };
        let key = competency_key(item);
        find(&key)
            .or_else(|| {
                let bare = item
                    .contains('(')
                    .then(|| crate::knowledge::text::words::strip_parenthesised(item))?;
                find(&competency_key(&bare))
            })
            .or_else(|| find(key.strip_suffix('s').filter(|_| key.len() > 3)?))
    }

    /// A [`Competency`] for a list item: the canonical entry if known, else the item as
    /// written (trimmed of bullets and trailing punctuation, parenthesised parts kept) with
    /// the `fallback` category.
    pub fn competency(&self, item: &str, fallback: Category) -> Competency {
        let cleaned = clean_item(item);
        match self.position(cleaned) {
            Some(i) => self.competency_at(i),
            None => Competency {
                name: cleaned.to_string(),
                key: competency_key(cleaned),
                category: fallback,
                named: 1,
            },
        }
    }

    fn competency_at(&self, i: usize) -> Competency {
        Competency {
            name: self.entries[i].name.clone(),
            key: self.name_keys[i].clone(),
            category: self.entries[i].category,
            named: 1,
        }
    }

    /// Whether a raw match stands as a mention: word edges, and exact case where required.
    fn accepts(&self, text: &str, pattern: usize, start: usize, end: usize) -> bool {
        let Some(info) = self.patterns.get(pattern) else {
            return false;
        };
        if let Some(exact) = &info.exact {
            if text.get(start..end) != Some(exact.as_str()) {
                return false;
            }
        }
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        let mut after_chars = text.get(end..).map(str::chars).into_iter().flatten();
        let after = after_chars.next();
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            return false;
        }
        if info.strict_edges {
            // "R&D", "C#"-like glue, and dotted abbreviations ("R.I.P.") are not mentions.
            let glued = |c: char| matches!(c, '&' | '+' | '#' | '@' | '_');
            if before.is_some_and(glued) || after.is_some_and(glued) {
                return false;
            }
            if after == Some('.') && after_chars.next().is_some_and(is_word_char) {
                return false;
            }
        }
        true
    }
}

/// The normalised comparison key: lower-case, alphanumerics and '+'/'#' kept, runs of other
/// characters turned into a single '-', no '-' at either end.
///
/// "Scikit-learn", "scikit learn" and "Scikit_Learn." all become `scikit-learn`.
pub fn competency_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut pending_separator = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '+' || c == '#' {
            if pending_separator && !key.is_empty() {
                key.push('-');
            }
            pending_separator = false;
            key.extend(c.to_lowercase());
        } else {
            pending_separator = true;
        }
    }
    key
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The item without bullets, surrounding space and trailing punctuation.
fn clean_item(item: &str) -> &str {
    item.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '•' | '·' | '*' | '-' | '–' | '—')
    })
    .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?'))
}

/// The spellings matched in text for one alias: as written, and with hyphens and spaces
/// swapped, since articles write "problem-solving" and "problem solving" alike.
fn text_variants(alias: &str) -> Vec<String> {
    let mut variants = vec![alias.to_string()];
    for variant in [alias.replace('-', " "), alias.replace(' ', "-")] {
        if !variants.contains(&variant) {
            variants.push(variant);
        }
    }
    variants
}

/// Collects entries and patterns, checking each as it comes so errors name the culprit.
#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    by_key: HashMap<String, usize>,
    texts: Vec<String>,
    patterns: Vec<Pattern>,
}

impl Builder {
    fn add_entry(&mut self, position: usize, file_entry: FileEntry) -> Result<(), TaxonomyError> {
        let name = file_entry.name.trim().to_string();
        if name.is_empty() {
            return Err(TaxonomyError::EmptyName { position });
        }
        let index = self.entries.len();
        let mut aliases: Vec<String> = Vec::new();
        for alias in file_entry.aliases.iter().map(|a| a.trim()) {
            if alias.is_empty() {
                return Err(TaxonomyError::EmptyAlias { name });
            }
            let key = competency_key(alias);
            let repeats = competency_key(&name) == key
                || aliases.iter().any(|seen| competency_key(seen) == key);
            if !repeats {
                aliases.push(alias.to_string());
            }
        }
        for listed in &file_entry.case_sensitive {
            let listed = listed.trim();
            if listed != name && !aliases.iter().any(|a| a == listed) {
                let alias = listed.to_string();
                return Err(TaxonomyError::UnknownCaseSensitive { name, alias });
            }
        }
        for spelling in std::iter::once(&name).chain(&aliases) {
            self.claim_key(spelling, index, &name)?;
            let case_sensitive = file_entry
                .case_sensitive
                .iter()
                .any(|c| c.trim() == spelling);
            self.add_spelling(spelling, Some(index), case_sensitive);
        }
        let category = file_entry.category;
        self.entries.push(Entry {
            name,
            category,
            aliases,
        });
        Ok(())
    }

    fn add_ignored(&mut self, phrase: &str) -> Result<(), TaxonomyError> {
        let phrase = phrase.trim();
        if competency_key(phrase).is_empty() {
            return Err(TaxonomyError::EmptyIgnore);
        }
        if let Some(&i) = self.by_key.get(&competency_key(phrase)) {
            let name = self.entries[i].name.clone();
            return Err(TaxonomyError::IgnoredAlias {
                phrase: phrase.to_string(),
                name,
            });
        }
        self.add_spelling(phrase, None, false);
        Ok(())
    }

    /// Records that `spelling`'s key means entry `index`, refusing a key another entry owns.
    fn claim_key(&mut self, spelling: &str, index: usize, name: &str) -> Result<(), TaxonomyError> {
        match self.by_key.get(&competency_key(spelling)) {
            Some(&owner) if owner != index => Err(TaxonomyError::DuplicateAlias {
                alias: spelling.to_string(),
                first: self.entries[owner].name.clone(),
                second: name.to_string(),
            }),
            _ => {
                self.by_key.insert(competency_key(spelling), index);
                Ok(())
            }
        }
    }

    fn add_spelling(&mut self, spelling: &str, target: Option<usize>, case_sensitive: bool) {
        let short = spelling.chars().count() <= SHORT_ALIAS_CHARS;
        for variant in text_variants(spelling) {
            let exact = (short || case_sensitive).then(|| variant.clone());
            self.texts.push(variant);
            self.patterns.push(Pattern {
                target,
                exact,
                strict_edges: short,
            });
        }
    }

    fn finish(self) -> Result<Taxonomy, TaxonomyError> {
        if self.texts.is_empty() {
            return Ok(Taxonomy::empty());
        }
        // Standard semantics because find_in needs overlapping matches; ASCII case folding
        // because most aliases are written in any case in prose.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&self.texts)?;
        Ok(Taxonomy {
            name_keys: self
                .entries
                .iter()
                .map(|e| competency_key(&e.name))
                .collect(),
            entries: self.entries,
            by_key: self.by_key,
            matcher: Some(matcher),
            patterns: self.patterns,
            related: RelatedSkills::default(),
        })
    }
}

#[cfg(test)]
mod tests;
