//! The knowledge base: role documents read, repaired, merged and indexed in memory.
//!
//! [`KnowledgeBase::from_documents`] is the one way in. It never fails on an odd document
//! (that is a [`Warning`] with file and line); it fails only when no role at all was found.
//! The result is immutable: a reload builds a new one and swaps it.

pub mod building;
pub mod lookup;
pub mod model;
pub mod reading;
pub mod roles;
pub mod text;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use model::*;
pub use reading::source::Document;
pub use roles::Roles;

use lookup::index::RoleIndex;
use lookup::{mentions, search};
use reading::source;
use reading::taxonomy::Taxonomy;

/// How many "did you mean" suggestions an unknown role gets.
const SUGGESTIONS: usize = 3;
/// How alike (0..=1) a role must look to be suggested for an unknown name.
const SUGGESTION_SIMILARITY: f64 = 0.6;

#[derive(Debug)]
pub struct KnowledgeBase {
    pub articles: Vec<Article>,
    /// Shared with the bases built before and after it over the same merge: a server's
    /// base rebuilt after an add copies only the roles the add changed.
    pub roles: Roles,
    pub jobs: Vec<FeaturedJob>,
    pub warnings: Vec<Warning>,
    /// Shared by every base built over the same curated files (each server's base).
    pub taxonomy: Arc<Taxonomy>,
    /// Where the documents came from, for `/kb stats` and logs.
    pub origin: String,
    index: RoleIndex,
    /// Competency key → the roles that list it, in role order: `/match` and the question
    /// reader look at the roles sharing a skill, not at every role.
    by_competency: HashMap<String, Vec<RoleId>>,
    /// Every role's names, to tell which roles a fact names.
    role_names: Arc<mentions::RoleNames>,
    /// The words of every role's names, for the parts of names a question uses.
    name_parts: mentions::NameParts,
    /// Every fact, for `/search`.
    facts: search::FactIndex,
    /// Backgrounds the articles do not profile (`backgrounds.toml`), for paths from them.
    pub backgrounds: Arc<reading::backgrounds::Backgrounds>,
    /// The role names known before reading (`roles.toml`), to read one more document as the
    /// build read these (`kb check --explain`).
    known: Arc<reading::known::KnownRoles>,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the knowledge directory {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no role found in {documents} document(s) from {origin}; add an article like `knowledge/articles/a-vs-b.txt` (see README)")]
    NoRoles {
        documents: usize,
        origin: String,
        warnings: Vec<Warning>,
    },
}

/// A role name that matched nothing, with the closest known roles.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role \"{query}\"")]
pub struct UnknownRole {
    pub query: String,
    /// Display names, closest first.
    pub suggestions: Vec<String>,
}

impl KnowledgeBase {
    /// Builds from `documents`: articles (`.txt`, `.md`), `skills.toml` and `roles.toml`.
    pub fn from_documents(
        documents: &[Document],
        origin: &str,
    ) -> Result<KnowledgeBase, LoadError> {
        building::shelf::Shelf::read(documents).into_base(origin)
    }

    /// Builds from every file below `dir`.
    pub fn from_dir(dir: &Path) -> Result<KnowledgeBase, LoadError> {
        let documents = source::read_documents(dir).map_err(|source| LoadError::Io {
            path: dir.to_owned(),
            source,
        })?;
        KnowledgeBase::from_documents(&documents, &dir.display().to_string())
    }

    /// Builds from the knowledge directory compiled into the binary.
    pub fn embedded() -> Result<KnowledgeBase, LoadError> {
        KnowledgeBase::from_documents(&source::embedded_documents(), "the built-in knowledge base")
    }

    /// `dir` if given; else `./knowledge` if it exists; else the built-in copy.
    pub fn load(dir: Option<&Path>) -> Result<KnowledgeBase, LoadError> {
        let (documents, origin) = KnowledgeBase::documents_to_load(dir)?;
        KnowledgeBase::from_documents(&documents, &origin)
    }

    /// The documents [`KnowledgeBase::load`] builds from, and where they came from: kept by
    /// a server, which builds each server's base from them and that server's articles.
    pub fn documents_to_load(dir: Option<&Path>) -> Result<(Vec<Document>, String), LoadError> {
        let source = source::DocumentSource::resolve(dir);
        Ok((KnowledgeBase::read(&source)?, source.origin()))
    }

    /// The documents of `source` as they are now (a reload reads them again).
    pub fn read(source: &source::DocumentSource) -> Result<Vec<Document>, LoadError> {
        source.read().map_err(|error| LoadError::Io {
            path: match source {
                source::DocumentSource::Directory(dir) => dir.clone(),
                source::DocumentSource::BuiltIn => PathBuf::from("(built in)"),
            },
            source: error,
        })
    }

    /// The role names known before reading any article (`roles.toml`).
    pub fn known_roles(&self) -> &reading::known::KnownRoles {
        &self.known
    }

    pub fn role(&self, id: RoleId) -> &Role {
        &self.roles[id]
    }

    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id]
    }

    /// The role `query` names: by name, slug or alias, or a clear typo-tolerant match.
    pub fn resolve(&self, query: &str) -> Result<&Role, UnknownRole> {
        match self.recognise(query) {
            Some(role) => Ok(role),
            None => Err(UnknownRole {
                query: query.trim().to_owned(),
                suggestions: self
                    .closest(query, SUGGESTIONS)
                    .into_iter()
                    .map(|r| r.name.clone())
                    .collect(),
            }),
        }
    }

    /// The role `query` means, exact or a clear fuzzy winner, as [`KnowledgeBase::resolve`]
    /// finds it but without looking for suggestions when there is none: for callers that
    /// try many phrases, such as a question's reader.
    pub fn recognise(&self, query: &str) -> Option<&Role> {
        self.index.resolve(query).map(|id| &self.roles[id])
    }

    /// The id of one of this knowledge base's roles.
    pub fn id_of(&self, role: &Role) -> Option<RoleId> {
        self.index.exact(&role.slug)
    }

    /// The role named exactly (name, slug or alias), with no guessing.
    pub fn exact(&self, query: &str) -> Option<&Role> {
        self.index.exact(query).map(|id| &self.roles[id])
    }

    /// [`KnowledgeBase::exact`] for a name said in `words`, already split and lower-cased
    /// as [`text::words::normalize`] does: a question's reader tries many runs of its words.
    pub fn exact_words(&self, words: &[&str]) -> Option<&Role> {
        self.index.exact_words(words).map(|id| &self.roles[id])
    }

    /// The roles closest to `query`, best first.
    pub fn closest(&self, query: &str, limit: usize) -> Vec<&Role> {
        let mut found: Vec<&Role> = self
            .index
            .complete(query, limit)
            .into_iter()
            .map(|id| &self.roles[id])
            .collect();
        if found.is_empty() {
            // Only suggest what looks alike: "astronaut" has no close role.
            found = self
                .index
                .fuzzy(query, limit)
                .into_iter()
                .filter(|s| s.similarity >= SUGGESTION_SIMILARITY)
                .map(|s| &self.roles[s.role])
                .collect();
        }
        found
    }

    /// Autocomplete for a role option: at most `limit` roles, best first; every role (by
    /// name) for an empty query.
    pub fn complete(&self, query: &str, limit: usize) -> Vec<&Role> {
        if query.trim().is_empty() {
            let mut all: Vec<&Role> = self.roles.iter().collect();
            all.sort_by(|a, b| a.name.cmp(&b.name));
            all.truncate(limit);
            return all;
        }
        self.index
            .complete(query, limit)
            .into_iter()
            .map(|id| &self.roles[id])
            .collect()
    }

    /// The roles listing at least one of the competency `keys`, in role order.
    pub fn roles_with_any(&self, keys: &[String]) -> Vec<&Role> {
        let mut ids: Vec<RoleId> = keys
            .iter()
            .filter_map(|key| self.by_competency.get(key))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(|id| &self.roles[id]).collect()
    }

    /// The other roles sharing a skill or tool with `role`, with how many they share, the
    /// most first (then in role order), at most `most`. Counted through the competency
    /// index, so it costs what the shared skills' role lists cost, not a pass over every role.
    pub fn roles_sharing(&self, role: &Role, most: usize) -> Vec<(&Role, usize)> {
        let own = self.id_of(role);
        let mut counts: HashMap<RoleId, usize> = HashMap::new();
        for competency in &role.competencies {
            for &id in self
                .by_competency
                .get(&competency.key)
                .into_iter()
                .flatten()
            {
                if Some(id) != own {
                    *counts.entry(id).or_default() += 1;
                }
            }
        }
        let mut sharing: Vec<(RoleId, usize)> = counts.into_iter().collect();
        let order = |a: &(RoleId, usize), b: &(RoleId, usize)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if sharing.len() > most {
            sharing.select_nth_unstable_by(most, order);
            sharing.truncate(most);
        }
        sharing.sort_unstable_by(order);
        sharing
            .into_iter()
            .map(|(id, shared)| (&self.roles[id], shared))
            .collect()
    }

    /// The roles `text` names, by name or alias, each once, in order.
    pub fn roles_in_fact(&self, text: &str) -> Vec<RoleId> {
        self.role_names.named_in(text)
    }

    /// Every role name in `text`, as facts are read: where it stands, and whose it is.
    pub fn role_names_in(&self, text: &str) -> Vec<(std::ops::Range<usize>, RoleId)> {
        self.role_names.names_in(text)
    }

    /// What `text` says of no role but those of `allowed` (see
    /// [`mentions::RoleNames::text_about`]).
    pub fn text_about<'t>(
        &self,
        text: &'t str,
        allowed: &[RoleId],
    ) -> Option<std::borrow::Cow<'t, str>> {
        self.role_names.text_about(text, allowed)
    }

    /// What a fact filed under role `own` says in an answer about the roles `allowed` (see
    /// [`mentions::RoleNames::part_for`]).
    pub fn part_for(&self, text: &str, own: RoleId, allowed: &[RoleId]) -> Option<String> {
        self.role_names.part_for(text, own, allowed)
    }

    /// The facts that best match `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<search::Hit> {
        self.facts.search(query, &self.taxonomy, limit)
    }

    /// The share of facts that hold `word` (0 when none does).
    pub fn share_of_facts_with(&self, word: &str) -> f32 {
        self.facts.share_with(word)
    }

    /// The fact a search hit points at.
    pub fn fact(&self, at: search::FactRef) -> Option<&Fact> {
        self.roles.get(at.role)?.facts(at.section).get(at.index)
    }

    /// Titles of the articles behind `sources`, in order.
    pub fn source_titles(&self, sources: &[ArticleId]) -> Vec<&str> {
        sources
            .iter()
            .map(|&id| self.articles[id].title.as_str())
            .collect()
    }
}

/// Competency key → the roles that list it, in role order.
fn competency_index<R: std::borrow::Borrow<Role>>(roles: &[R]) -> HashMap<String, Vec<RoleId>> {
    let mut index: HashMap<String, Vec<RoleId>> = HashMap::new();
    for (id, role) in roles.iter().map(std::borrow::Borrow::borrow).enumerate() {
        for competency in &role.competencies {
            let ids = index.entry(competency.key.clone()).or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
    }
    index
}

#[cfg(test)]
mod tests;
