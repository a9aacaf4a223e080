//! Documents read and merged once, kept to build bases over them plus a few more articles.
//!
//! Building a base reads its curated files, parses its articles and merges them in order,
//! then files stray facts and indexes the result. A server's base is the shipped documents
//! plus that server's articles, so every rebuild used to read and merge the shipped ones
//! again (1.7 s at 10,000 articles). A [`Shelf`] is the state after some documents, from the
//! curated data ([`Curation`], shared by every base built over it) to the merge so far
//! ([`MergeState`]): a base over the shelf plus more articles merges only those, over a copy
//! of that state, and is the base merging every document in order would give, because
//! merging is done in document order and the shelf's documents come first.

use std::sync::Arc;

use crate::knowledge::building::finishing::Finished;
use crate::knowledge::building::merge::{MergeState, Merger};
use crate::knowledge::building::{filing, parallel};
use crate::knowledge::lookup::index::RoleIndex;
use crate::knowledge::lookup::{mentions, search};
use crate::knowledge::model::{Article, FeaturedJob, Role, RoleId, Warning};
use crate::knowledge::reading::article::{parse_document_knowing, ParsedArticle};
use crate::knowledge::reading::backgrounds::Backgrounds;
use crate::knowledge::reading::curated::CuratedRoles;
use crate::knowledge::reading::known::KnownRoles;
use crate::knowledge::reading::source::{Document, DocumentKind};
use crate::knowledge::reading::taxonomy::Taxonomy;
use crate::knowledge::{competency_index, KnowledgeBase, LoadError};

/// The curated files (`skills.toml`, `roles.toml`, `backgrounds.toml`) as read: what every
/// article is read and merged with. One copy serves every base built over the same
/// documents (each server's base shares the shipped one's).
#[derive(Debug)]
pub struct Curation {
    pub taxonomy: Arc<Taxonomy>,
    pub curated: CuratedRoles,
    pub backgrounds: Arc<Backgrounds>,
    pub known: Arc<KnownRoles>,
}

/// One more article to merge: its document's name, what it was read as, and whether its
/// undecodable bytes were replaced (for a warning).
#[derive(Debug, Clone)]
pub struct ReadArticle {
    pub file: String,
    pub parsed: ParsedArticle,
    pub lossy: bool,
}

/// The documents read and merged so far; see the module's documentation.
#[derive(Debug, Clone)]
pub struct Shelf {
    curation: Arc<Curation>,
    /// Every document so far, of any kind: the count a failed build reports.
    documents: usize,
    articles: Vec<Article>,
    /// The curated files' warnings, then each lossy article's, in reading order.
    warnings: Vec<Warning>,
    merge: MergeState,
}

impl Shelf {
    /// Reads the curated files among `documents`, then parses their articles (on the other
    /// cores) and merges them in order.
    pub fn read(documents: &[Document]) -> Shelf {
        let mut warnings = Vec::new();
        let taxonomy = load_taxonomy(documents, &mut warnings);
        let curated = load_curated(documents, &mut warnings);
        let backgrounds = load_backgrounds(documents, &mut warnings);
        let known = KnownRoles::from_curated(&curated);
        let mut shelf = Shelf {
            curation: Arc::new(Curation {
                taxonomy: Arc::new(taxonomy),
                curated,
                backgrounds: Arc::new(backgrounds),
                known: Arc::new(known),
            }),
            documents: documents.len(),
            articles: Vec::new(),
            warnings,
            merge: MergeState::default(),
        };
        let sources: Vec<&Document> = documents
            .iter()
            .filter(|d| d.kind() == DocumentKind::Article)
            .collect();
        let curation = Arc::clone(&shelf.curation);
        let mut merger = Merger::new(&curation.taxonomy, &curation.curated);
        parallel::read_in_order(&sources, &curation.known, |read| {
            shelf.merge_one(&mut merger, &read.document.path, read.parsed, read.lossy);
        });
        shelf.merge = merger.into_state();
        shelf
    }

    /// The curated data this shelf's articles were read and merged with.
    pub fn curation(&self) -> &Arc<Curation> {
        &self.curation
    }

    /// How many documents the shelf was read from, of any kind.
    pub fn document_count(&self) -> usize {
        self.documents
    }

    /// Reads one more article as the shelf's were read (with the same known role names).
    pub fn parse(&self, path: &str, text: &str) -> ParsedArticle {
        parse_document_knowing(path, text, &self.curation.known)
    }

    /// Merges `more` articles after the shelf's own, in the order given.
    pub fn add(&mut self, more: impl IntoIterator<Item = ReadArticle>) {
        let curation = Arc::clone(&self.curation);
        let merge = std::mem::take(&mut self.merge);
        let mut merger = Merger::resume(&curation.taxonomy, &curation.curated, merge);
        for article in more {
            self.documents += 1;
            self.merge_one(&mut merger, &article.file, article.parsed, article.lossy);
        }
        self.merge = merger.into_state();
    }

    /// The shelf's merge finished: from scratch, or from `previous`, this shelf's merge
    /// finished before more articles were added to it.
    pub fn finish(&self, previous: Option<&Finished>) -> Finished {
        let _span = tracing::debug_span!("finish the merge", again = previous.is_some()).entered();
        match previous {
            Some(previous) => previous.update(&self.merge, &self.curation.taxonomy),
            None => Finished::new(&self.merge, &self.curation.taxonomy),
        }
    }

    /// The base of the shelf's documents, from `origin`; the shelf stays as it was.
    pub fn base(&self, origin: &str) -> Result<KnowledgeBase, LoadError> {
        // The copy shares the roles (`Arc`); finishing copies each, as it must.
        self.clone().into_base(origin)
    }

    /// The base of the shelf's documents from their merge `finished` ([`Shelf::finish`]),
    /// from `origin`; the shelf stays as it was. `before` is the base of the finish
    /// `finished` was finished from, if it was: its indexes are updated, not built again.
    pub fn finished_base(
        &self,
        finished: &Finished,
        before: Option<&KnowledgeBase>,
        origin: &str,
    ) -> Result<KnowledgeBase, LoadError> {
        let mut warnings = self.warnings.clone();
        warnings.extend(self.merge.warnings().iter().cloned());
        let parts = Parts {
            documents: self.documents,
            articles: self.articles.clone(),
            warnings,
            roles: finished.roles.clone(),
            jobs: self.merge.jobs().to_vec(),
            names: Arc::clone(&finished.names),
        };
        let before = before.zip(finished.redone.as_deref());
        parts.into_base(&self.curation, before, origin)
    }

    /// The base of the shelf's documents, from `origin`: stray facts filed, roles and facts
    /// indexed. Fails only when no document taught a role.
    pub fn into_base(self, origin: &str) -> Result<KnowledgeBase, LoadError> {
        let Shelf {
            curation,
            documents,
            articles,
            mut warnings,
            merge,
        } = self;
        let mut merged = tracing::debug_span!("finish the merge")
            .in_scope(|| Merger::resume(&curation.taxonomy, &curation.curated, merge).finish());
        let names = tracing::debug_span!("file stray facts")
            .in_scope(|| filing::file_stray_facts(&mut merged.roles, &curation.taxonomy));
        warnings.extend(merged.warnings);
        let names = Arc::new(names);
        let parts = Parts {
            documents,
            articles,
            warnings,
            roles: merged.roles,
            jobs: merged.jobs,
            names,
        };
        parts.into_base(&curation, None, origin)
    }

    fn merge_one(&mut self, merger: &mut Merger, file: &str, parsed: ParsedArticle, lossy: bool) {
        if lossy {
            self.warnings.push(Warning {
                file: file.to_owned(),
                line: 0,
                message: "not valid UTF-8; undecodable bytes were replaced".into(),
            });
        }
        let entry = Article {
            title: parsed.title.clone(),
            file: file.to_owned(),
            reading: parsed.reading(),
        };
        merger.add(self.articles.len(), &entry, parsed);
        self.articles.push(entry);
    }
}

/// What a base is made of before its roles and facts are indexed.
struct Parts {
    /// How many documents it was read from, for the error when no role was found.
    documents: usize,
    articles: Vec<Article>,
    warnings: Vec<Warning>,
    roles: Vec<Arc<Role>>,
    jobs: Vec<FeaturedJob>,
    names: Arc<mentions::RoleNames>,
}

impl Parts {
    /// The base, its roles and facts indexed: from scratch, or as `before` (a base of the
    /// same roles but the `redone` ones) indexed them, updated. Fails only when no document
    /// taught a role.
    fn into_base(
        self,
        curation: &Curation,
        before: Option<(&KnowledgeBase, &[RoleId])>,
        origin: &str,
    ) -> Result<KnowledgeBase, LoadError> {
        if self.roles.is_empty() {
            return Err(LoadError::NoRoles {
                documents: self.documents,
                origin: origin.to_owned(),
                warnings: self.warnings,
            });
        }
        let roles = &self.roles;
        // The search index is the largest: built beside the others, on another core when
        // there is one. Each index is built alone, so the result does not depend on it.
        let (facts, (index, by_competency, name_parts)) = beside(
            || {
                tracing::debug_span!("search index").in_scope(|| match before {
                    Some((before, redone)) => {
                        before.facts.update(roles, redone, &curation.taxonomy)
                    }
                    None => search::FactIndex::build(roles, &curation.taxonomy),
                })
            },
            || {
                (
                    tracing::debug_span!("role index").in_scope(|| RoleIndex::build(roles)),
                    tracing::debug_span!("competency index").in_scope(|| competency_index(roles)),
                    tracing::debug_span!("name parts")
                        .in_scope(|| mentions::NameParts::build(roles)),
                )
            },
        );
        Ok(KnowledgeBase {
            index,
            by_competency,
            role_names: self.names,
            name_parts,
            facts,
            articles: self.articles,
            roles: self.roles.into(),
            jobs: self.jobs,
            warnings: self.warnings,
            taxonomy: Arc::clone(&curation.taxonomy),
            origin: origin.to_owned(),
            backgrounds: Arc::clone(&curation.backgrounds),
            known: Arc::clone(&curation.known),
        })
    }
}

/// `first` on a thread of its own while `second` runs here; both here, one after the
/// other, when no thread can be had.
fn beside<A: Send, B>(first: impl FnOnce() -> A + Send, second: impl FnOnce() -> B) -> (A, B) {
    // Taken by whichever side runs it: the thread, or this one when the thread cannot start.
    let first = std::sync::Mutex::new(Some(first));
    let run_first = || {
        let first = first.lock().unwrap_or_else(|p| p.into_inner()).take();
        first.map(|first| first())
    };
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("kb-index".into())
            .spawn_scoped(scope, run_first);
        let second = second();
        let first = match spawned {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => run_first(),
        };
        (first.expect("run once, on one side"), second)
    })
}

fn load_taxonomy(documents: &[Document], warnings: &mut Vec<Warning>) -> Taxonomy {
    let Some(document) = documents.iter().find(|d| d.kind() == DocumentKind::Skills) else {
        return Taxonomy::empty();
    };
    match Taxonomy::from_toml(&document.text().0) {
        Ok(taxonomy) => taxonomy,
        Err(error) => {
            warnings.push(curation_warning(document, &error.to_string()));
            Taxonomy::empty()
        }
    }
}

fn load_backgrounds(documents: &[Document], warnings: &mut Vec<Warning>) -> Backgrounds {
    let Some(document) = documents
        .iter()
        .find(|d| d.kind() == DocumentKind::Backgrounds)
    else {
        return Backgrounds::default();
    };
    Backgrounds::from_toml(&document.text().0).unwrap_or_else(|error| {
        warnings.push(curation_warning(document, &error.to_string()));
        Backgrounds::default()
    })
}

fn load_curated(documents: &[Document], warnings: &mut Vec<Warning>) -> CuratedRoles {
    let Some(document) = documents.iter().find(|d| d.kind() == DocumentKind::Roles) else {
        return CuratedRoles::empty();
    };
    match CuratedRoles::from_toml(&document.text().0) {
        Ok(curated) => curated,
        Err(error) => {
            warnings.push(curation_warning(document, &error.to_string()));
            CuratedRoles::empty()
        }
    }
}

/// A broken curated file is skipped, not fatal: articles alone still make a knowledge base.
fn curation_warning(document: &Document, error: &str) -> Warning {
    Warning {
        file: document.path.clone(),
        line: 0,
        message: format!("ignored: {error}"),
    }
}
