//! The knowledge bases a running rolecall answers from: the shipped base, and for each
//! server whose mentors added articles, a base built from the shipped documents plus those
//! articles. Servers with no articles of their own share the one shipped base; answers in
//! one server never show another server's articles.
//!
//! A server's base is built anew off the async runtime (a build is CPU work) and swapped in
//! whole: an answer holds the `Arc` it started with, so none is built from half of one.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::knowledge::{Document, KnowledgeBase, LoadError};
use crate::teaching::model::ArticleText;

#[derive(Debug)]
pub struct Library {
    base: Arc<KnowledgeBase>,
    /// The documents the shipped base was built from; `None` when the base was handed over
    /// built, and then servers cannot have articles of their own.
    documents: Option<Arc<[Document]>>,
    /// Server id → its own base. Never held across an await: only to clone or swap an `Arc`.
    servers: RwLock<HashMap<u64, Arc<KnowledgeBase>>>,
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
    /// A library over `base`, built from `documents`: servers may add articles.
    pub fn new(base: Arc<KnowledgeBase>, documents: Vec<Document>) -> Library {
        Library {
            base,
            documents: Some(documents.into()),
            servers: RwLock::default(),
        }
    }

    /// A library over a base built elsewhere: every server answers from it alone.
    pub fn fixed(base: Arc<KnowledgeBase>) -> Library {
        Library {
            base,
            documents: None,
            servers: RwLock::default(),
        }
    }

    /// The shipped base, as answered outside servers and in servers with no articles.
    pub fn base(&self) -> &Arc<KnowledgeBase> {
        &self.base
    }

    /// The base `guild` answers from (0: outside servers).
    pub fn for_server(&self, guild: u64) -> Arc<KnowledgeBase> {
        let servers = self
            .servers
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        servers.get(&guild).unwrap_or(&self.base).clone()
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
        if articles.is_empty() {
            self.swap(guild, None);
            return Ok(self.base.clone());
        }
        let shipped = self.documents.clone().ok_or(LibraryError::NoDocuments)?;
        let built = tokio::task::spawn_blocking(move || build(&shipped, guild, &articles))
            .await
            .map_err(|_| LibraryError::Stopped)??;
        let built = Arc::new(built);
        self.swap(guild, Some(built.clone()));
        Ok(built)
    }

    fn swap(&self, guild: u64, base: Option<Arc<KnowledgeBase>>) {
        let mut servers = self
            .servers
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match base {
            Some(base) => servers.insert(guild, base),
            None => servers.remove(&guild),
        };
    }
}

/// The shipped documents and a server's articles, as one base. An added article is read as
/// a Markdown document (the store keeps no file name; the text layouts read the same either
/// way, see `building::preview`'s tests), named by its id so that two articles sharing a
/// title stay two documents.
fn build(
    shipped: &[Document],
    guild: u64,
    articles: &[ArticleText],
) -> Result<KnowledgeBase, LoadError> {
    let mut documents = shipped.to_vec();
    documents.extend(articles.iter().map(|added| Document {
        path: format!(
            "{}{}.md",
            document_prefix(added.article.id),
            added.article.slug
        ),
        bytes: added.text.clone().into_bytes(),
    }));
    KnowledgeBase::from_documents(&documents, &format!("server {guild}'s knowledge base"))
}

/// Where a server's article `id` stands among a base's documents.
fn document_prefix(id: i64) -> String {
    format!("server/{id}-")
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
mod tests {
    use super::*;
    use crate::knowledge::reading::source::embedded_documents;
    use crate::teaching::model::Article;

    fn library() -> Library {
        let documents = embedded_documents();
        let base = KnowledgeBase::from_documents(&documents, "test").expect("shipped roles");
        Library::new(Arc::new(base), documents)
    }

    fn added(id: i64, title: &str, text: &str) -> ArticleText {
        ArticleText {
            article: Article {
                id,
                guild: 7,
                title: title.to_owned(),
                slug: crate::knowledge::text::names::slugify(title),
                content_hash: String::new(),
                added_by: "1".to_owned(),
                added_at: 0,
            },
            text: text.to_owned(),
        }
    }

    const ANALYTICS: &str = "# Analytics Engineer\n\n\
        **Definition:** An Analytics Engineer builds tested data models.\n\n\
        **Tools:** dbt, SQL\n";

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
    }

    #[test]
    fn a_servers_articles_answer_in_that_server_alone() {
        let library = library();
        let built = runtime()
            .block_on(library.rebuild(7, vec![added(1, "Analytics", ANALYTICS)]))
            .expect("builds");
        assert!(built.exact("Analytics Engineer").is_some());
        assert_eq!(roles_taught(&built, 1), ["Analytics Engineer"]);
        assert!(roles_taught(&built, 2).is_empty());
        assert!(library.for_server(7).exact("Analytics Engineer").is_some());
        assert!(library.for_server(8).exact("Analytics Engineer").is_none());
        assert!(library.base().exact("Analytics Engineer").is_none());
        // The shipped roles stay.
        assert_eq!(
            library.for_server(7).roles.len(),
            library.base().roles.len() + 1
        );
        assert_eq!(library.servers_with_articles(), 1);
    }

    #[test]
    fn a_server_without_articles_shares_the_shipped_base() {
        let library = library();
        let runtime = runtime();
        runtime
            .block_on(library.rebuild(7, vec![added(1, "Analytics", ANALYTICS)]))
            .expect("builds");
        runtime
            .block_on(library.rebuild(7, Vec::new()))
            .expect("back to the base");
        assert!(Arc::ptr_eq(&library.for_server(7), library.base()));
        assert_eq!(library.servers_with_articles(), 0);
    }

    #[test]
    fn a_base_handed_over_built_cannot_take_articles() {
        let base = Arc::new(KnowledgeBase::embedded().expect("shipped roles"));
        let library = Library::fixed(base);
        let refused = runtime().block_on(library.rebuild(7, vec![added(1, "A", ANALYTICS)]));
        assert!(matches!(refused, Err(LibraryError::NoDocuments)));
        assert_eq!(library.servers_with_articles(), 0);
    }
}
