//! The knowledge bases a running rolecall answers from: the shipped base, and for each
//! server whose mentors added articles, a base built from the shipped documents plus those
//! articles. Servers with no articles of their own share the one shipped base; answers in
//! one server never show another server's articles.
//!
//! Every base is built off the async runtime (a build is CPU work) and swapped in whole: an
//! answer holds the `Arc` it started with, so none is built from half of one, and answers
//! keep flowing while a reload builds. A reload re-reads the shipped documents from where
//! they first came from and rebuilds every server's base over the new ones.
//!
//! The shipped documents are kept read and merged (a `Shelf`), and each server's articles
//! as read (`server`): a server's rebuild reads and merges only what changed, and gives the
//! base reading every document in order would.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::knowledge::building::reload::{KeptLastGood, ReloadReport, Reloaded};
use crate::knowledge::building::shelf::Shelf;
use crate::knowledge::reading::source::DocumentSource;
use crate::knowledge::{Document, KnowledgeBase, LoadError};
use crate::teaching::model::{document_prefix, ArticleText};

mod server;
use server::ServerBase;

#[derive(Debug)]
pub struct Library {
    /// The shipped base and its documents. Never held across an await.
    shipped: RwLock<Shipped>,
    /// Where the shipped documents are read from; `None` when the base was handed over
    /// built (nothing to re-read).
    source: Option<DocumentSource>,
    /// Server id → its own base. Never held across an await: only to clone or swap.
    servers: RwLock<HashMap<u64, ServerBase>>,
    /// Held for the whole of every build, so that a reload and a server's rebuild never
    /// race: neither swaps in a base built over documents the other just replaced.
    builds: tokio::sync::Mutex<()>,
}

#[derive(Debug, Clone)]
struct Shipped {
    base: Arc<KnowledgeBase>,
    /// The shipped documents read and merged, which every server's base is built over;
    /// `None` when the base was handed over built: servers cannot have articles then.
    shelf: Option<Arc<Shelf>>,
}

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error(
        "this rolecall was started without its knowledge documents, so servers cannot add articles"
    )]
    NoDocuments,
    #[error(transparent)]
    Build(#[from] LoadError),
    #[error("building the server's knowledge base stopped unexpectedly")]
    Stopped,
}

impl Library {
    /// A library over `base`, built from `documents` read from `source`: servers may add
    /// articles, and a reload reads `source` again. Reads `documents` again to keep them
    /// merged for the servers' bases; [`Library::load`] reads them once.
    pub fn new(
        base: Arc<KnowledgeBase>,
        documents: Vec<Document>,
        source: DocumentSource,
    ) -> Library {
        let shelf = Shelf::read(&documents);
        Library::with(
            Shipped {
                base,
                shelf: Some(Arc::new(shelf)),
            },
            Some(source),
        )
    }

    /// Reads `source` and builds the shipped base from it.
    pub fn load(source: DocumentSource) -> Result<Library, LoadError> {
        let documents = KnowledgeBase::read(&source)?;
        Library::from_documents(&documents, source)
    }

    /// Builds the shipped base from `documents`, read from `source`.
    pub fn from_documents(
        documents: &[Document],
        source: DocumentSource,
    ) -> Result<Library, LoadError> {
        let shelf = Shelf::read(documents);
        let base = shelf.base(&source.origin())?;
        Ok(Library::with(
            Shipped {
                base: Arc::new(base),
                shelf: Some(Arc::new(shelf)),
            },
            Some(source),
        ))
    }

    /// A library over a base built elsewhere: every server answers from it alone, and
    /// there is nothing to reload.
    pub fn fixed(base: Arc<KnowledgeBase>) -> Library {
        Library::with(Shipped { base, shelf: None }, None)
    }

    fn with(shipped: Shipped, source: Option<DocumentSource>) -> Library {
        Library {
            shipped: RwLock::new(shipped),
            source,
            servers: RwLock::default(),
            builds: tokio::sync::Mutex::new(()),
        }
    }

    /// The shipped base, as answered outside servers and in servers with no articles.
    pub fn base(&self) -> Arc<KnowledgeBase> {
        self.shipped().base
    }

    /// The base `guild` answers from (0: outside servers).
    pub fn for_server(&self, guild: u64) -> Arc<KnowledgeBase> {
        let servers = self
            .servers
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match servers.get(&guild) {
            Some(server) => server.base.clone(),
            None => self.base(),
        }
    }

    /// Every server answering from a base of its own, with the ids of the articles it was
    /// built from (oldest first).
    pub fn built_from(&self) -> Vec<(u64, Vec<i64>)> {
        let servers = self
            .servers
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut built: Vec<(u64, Vec<i64>)> = servers
            .iter()
            .map(|(guild, server)| (*guild, server.article_ids()))
            .collect();
        built.sort_unstable();
        built
    }

    /// The articles `guild`'s base was built from, with their texts, by id.
    pub fn texts_of(&self, guild: u64) -> HashMap<i64, ArticleText> {
        let servers = self
            .servers
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        servers
            .get(&guild)
            .map(|server| {
                server
                    .texts()
                    .into_iter()
                    .map(|text| (text.article.id, text))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many servers answer from a base of their own.
    pub fn servers_with_articles(&self) -> usize {
        self.servers
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .len()
    }

    /// Makes `guild` answer from the shipped documents plus `articles` (its live articles,
    /// oldest first), built on a blocking thread; with no articles, from the shipped base.
    /// On an error the server keeps the base it had.
    pub async fn rebuild(
        &self,
        guild: u64,
        articles: Vec<ArticleText>,
    ) -> Result<Arc<KnowledgeBase>, LibraryError> {
        let _building = self.builds.lock().await;
        if articles.is_empty() {
            self.swap(guild, None);
            return Ok(self.base());
        }
        let shelf = self.shipped().shelf.ok_or(LibraryError::NoDocuments)?;
        self.build_server(guild, articles, shelf).await
    }

    /// Re-reads the shipped documents from where they first came from and, when they teach
    /// a role, swaps the shipped base and rebuilds every server's own base over it. When
    /// they cannot be read or teach no role, every base stays as it was and the report says
    /// why.
    pub async fn reload(&self) -> ReloadReport {
        let _building = self.builds.lock().await;
        let roles_before = self.base().roles.len();
        let kept = |reason: String, warnings| {
            ReloadReport::Kept(KeptLastGood {
                reason,
                roles: roles_before,
                warnings,
            })
        };
        let Some(source) = self.source.clone() else {
            return kept(
                "this rolecall was given a knowledge base built elsewhere: there is no \
                 knowledge directory to read again"
                    .to_owned(),
                Vec::new(),
            );
        };
        let origin = source.origin();
        let (shelf, base) = match tokio::task::spawn_blocking(move || read_and_build(&source)).await
        {
            Ok(Ok(built)) => built,
            Ok(Err(LoadError::NoRoles {
                documents,
                origin,
                warnings,
            })) => {
                let reason = format!("no role found in {documents} document(s) from {origin}");
                return kept(reason, warnings);
            }
            // anyhow's alternate form: the error and its causes on one line.
            Ok(Err(error)) => return kept(format!("{:#}", anyhow::Error::from(error)), Vec::new()),
            Err(_) => {
                return kept(
                    "reading the documents stopped unexpectedly".to_owned(),
                    Vec::new(),
                )
            }
        };
        let report = Reloaded {
            origin,
            documents: shelf.document_count(),
            roles_before,
            roles_after: base.roles.len(),
            warnings: base.warnings.clone(),
            servers_rebuilt: Vec::new(),
            servers_kept: Vec::new(),
        };
        *self.shipped_mut() = Shipped {
            base: Arc::new(base),
            shelf: Some(Arc::clone(&shelf)),
        };
        ReloadReport::Reloaded(self.rebuild_servers(report, shelf).await)
    }

    /// Rebuilds every server's own base over the new shipped `shelf` (the caller holds
    /// `builds`); a server whose rebuild fails keeps its previous base, logged.
    async fn rebuild_servers(&self, mut report: Reloaded, shelf: Arc<Shelf>) -> Reloaded {
        let mut servers: Vec<(u64, Vec<ArticleText>)> = self
            .servers
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
            .map(|(&guild, server)| (guild, server.texts()))
            .collect();
        servers.sort_unstable_by_key(|(guild, _)| *guild);
        for (guild, articles) in servers {
            match self.build_server(guild, articles, Arc::clone(&shelf)).await {
                Ok(_) => report.servers_rebuilt.push(guild),
                Err(error) => {
                    let error = anyhow::Error::from(error);
                    tracing::error!(
                        guild,
                        error = format!("{error:#}"),
                        "a server's knowledge base could not be rebuilt on reload; it keeps its previous one"
                    );
                    report.servers_kept.push(guild);
                }
            }
        }
        report
    }

    /// Builds `guild`'s base over the shipped `shelf` with `articles` on a blocking thread
    /// and swaps it in (the caller holds `builds`). What the server's previous build read
    /// and merged is reused where it still holds (`server::ServerBase::build`).
    async fn build_server(
        &self,
        guild: u64,
        articles: Vec<ArticleText>,
        shelf: Arc<Shelf>,
    ) -> Result<Arc<KnowledgeBase>, LibraryError> {
        let previous = self
            .servers
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get_mut(&guild)
            .map(ServerBase::take_merged);
        let built = tokio::task::spawn_blocking(move || {
            ServerBase::build(&shelf, guild, articles, previous)
        })
        .await
        .map_err(|_| LibraryError::Stopped)??;
        let base = Arc::clone(&built.base);
        self.swap(guild, Some(built));
        Ok(base)
    }

    fn shipped(&self) -> Shipped {
        self.shipped
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn shipped_mut(&self) -> std::sync::RwLockWriteGuard<'_, Shipped> {
        self.shipped
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn swap(&self, guild: u64, server: Option<ServerBase>) {
        let mut servers = self
            .servers
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match server {
            Some(server) => servers.insert(guild, server),
            None => servers.remove(&guild),
        };
    }
}

/// The shipped documents as they are now, read and merged, and the base they build.
fn read_and_build(source: &DocumentSource) -> Result<(Arc<Shelf>, KnowledgeBase), LoadError> {
    let documents = KnowledgeBase::read(source)?;
    let shelf = Shelf::read(&documents);
    let base = shelf.base(&source.origin())?;
    Ok((Arc::new(shelf), base))
}

/// The roles the server's article `id` teaches in `kb`.
pub fn roles_taught(kb: &KnowledgeBase, id: i64) -> Vec<String> {
    let prefix = document_prefix(id);
    let Some(article) = kb.articles.iter().position(|a| a.file.starts_with(&prefix)) else {
        return Vec::new();
    };
    kb.roles
        .iter()
        .filter(|role| role.sources.contains(&article))
        .map(|role| role.name.clone())
        .collect()
}

#[cfg(test)]
mod tests;
