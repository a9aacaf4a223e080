//! The knowledge bases a running rolecall answers from: the shipped base, and for each
//! server whose mentors added articles, a base built from the shipped documents plus those
//! articles. Servers with no articles of their own share the one shipped base; answers in
//! one server never show another server's articles.
//!
//! Every base is built off the async runtime (a build is CPU work) and swapped in whole: an
//! answer holds the `Arc` it started with, so none is built from half of one, and answers
//! keep flowing while a reload builds. A reload re-reads the shipped documents from where
//! they first came from and rebuilds every server's base over the new ones.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::knowledge::building::reload::{KeptLastGood, ReloadReport, Reloaded};
use crate::knowledge::reading::source::DocumentSource;
use crate::knowledge::{Document, KnowledgeBase, LoadError};
use crate::teaching::model::{document_path, document_prefix, ArticleText};

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
    /// `None` when the base was handed over built: servers cannot have articles then.
    documents: Option<Arc<[Document]>>,
}

/// A server's own base and the articles it was built from, kept to rebuild it over a
/// reloaded shipped base without going back to the store.
#[derive(Debug, Clone)]
struct ServerBase {
    base: Arc<KnowledgeBase>,
    articles: Arc<[ArticleText]>,
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
    /// articles, and a reload reads `source` again.
    pub fn new(
        base: Arc<KnowledgeBase>,
        documents: Vec<Document>,
        source: DocumentSource,
    ) -> Library {
        Library::with(
            Shipped {
                base,
                documents: Some(documents.into()),
            },
            Some(source),
        )
    }

    /// Reads `source` and builds the shipped base from it.
    pub fn load(source: DocumentSource) -> Result<Library, LoadError> {
        let documents = KnowledgeBase::read(&source)?;
        let base = KnowledgeBase::from_documents(&documents, &source.origin())?;
        Ok(Library::new(Arc::new(base), documents, source))
    }

    /// A library over a base built elsewhere: every server answers from it alone, and
    /// there is nothing to reload.
    pub fn fixed(base: Arc<KnowledgeBase>) -> Library {
        Library::with(
            Shipped {
                base,
                documents: None,
            },
            None,
        )
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
        let shipped = self.shipped().documents.ok_or(LibraryError::NoDocuments)?;
        self.build_server(guild, articles.into(), shipped).await
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
        let (documents, base) = match tokio::task::spawn_blocking(move || read_and_build(&source))
            .await
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
            documents: documents.len(),
            roles_before,
            roles_after: base.roles.len(),
            warnings: base.warnings.clone(),
            servers_rebuilt: Vec::new(),
            servers_kept: Vec::new(),
        };
        *self.shipped_mut() = Shipped {
            base: Arc::new(base),
            documents: Some(documents.clone()),
        };
        ReloadReport::Reloaded(self.rebuild_servers(report, documents).await)
    }

    /// Rebuilds every server's own base over the new shipped `documents` (the caller holds
    /// `builds`); a server whose rebuild fails keeps its previous base, logged.
    async fn rebuild_servers(&self, mut report: Reloaded, documents: Arc<[Document]>) -> Reloaded {
        let mut servers: Vec<(u64, Arc<[ArticleText]>)> = self
            .servers
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
            .map(|(&guild, server)| (guild, server.articles.clone()))
            .collect();
        servers.sort_unstable_by_key(|(guild, _)| *guild);
        for (guild, articles) in servers {
            match self.build_server(guild, articles, documents.clone()).await {
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

    /// Builds `guild`'s base from `shipped` and `articles` on a blocking thread and swaps it
    /// in (the caller holds `builds`).
    async fn build_server(
        &self,
        guild: u64,
        articles: Arc<[ArticleText]>,
        shipped: Arc<[Document]>,
    ) -> Result<Arc<KnowledgeBase>, LibraryError> {
        let kept = articles.clone();
        let built = tokio::task::spawn_blocking(move || build(&shipped, guild, &kept))
            .await
            .map_err(|_| LibraryError::Stopped)??;
        let base = Arc::new(built);
        self.swap(
            guild,
            Some(ServerBase {
                base: base.clone(),
                articles,
            }),
        );
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

/// The shipped documents as they are now, and the base they build.
fn read_and_build(source: &DocumentSource) -> Result<(Arc<[Document]>, KnowledgeBase), LoadError> {
    let documents = KnowledgeBase::read(source)?;
    let base = KnowledgeBase::from_documents(&documents, &source.origin())?;
    Ok((documents.into(), base))
}

/// The shipped documents and a server's articles, as one base (each article under
/// [`document_path`]).
fn build(
    shipped: &[Document],
    guild: u64,
    articles: &[ArticleText],
) -> Result<KnowledgeBase, LoadError> {
    let mut documents = shipped.to_vec();
    documents.extend(articles.iter().map(|added| Document {
        path: document_path(&added.article),
        bytes: added.text.clone().into_bytes(),
    }));
    KnowledgeBase::from_documents(&documents, &format!("server {guild}'s knowledge base"))
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
