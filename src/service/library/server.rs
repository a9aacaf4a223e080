//! One server's own base: the shipped shelf plus the server's articles, and what building it
//! read and merged, kept so that the next build does not do it again.
//!
//! A rebuild after an add or a removal reads only the articles it has not read before (an
//! article's text never changes: editing is removing and adding). A server that only gained
//! articles at the end, the usual add, resumes from its previous merge when it kept one, and
//! from what finishing that merge gave (`building::finishing`: only the roles the new
//! articles changed, or whose facts hold a name that changed owner, are finished again) and
//! from the base built then (its search index updated for those roles alone); any other
//! change merges its articles, already read, over the shipped shelf. Either way the base is
//! the one reading every document in order would build (`tests.rs` checks).

use std::collections::HashMap;
use std::sync::Arc;

use crate::knowledge::building::finishing::Finished;
use crate::knowledge::building::shelf::{ReadArticle, Shelf};
use crate::knowledge::{KnowledgeBase, LoadError};
use crate::teaching::model::{document_path, ArticleText};

/// From how many articles a server keeps its merged shelf. The kept shelf is a copy of
/// the shipped merge (as large as the shipped base), and merging an article already read
/// costs ~0.1 ms: below this, merging the server's articles again on each change is cheap
/// enough (~30 ms) not to hold that copy.
const KEEP_MERGED_FROM: usize = 256;

/// A server's base and what it was built from.
#[derive(Debug, Clone)]
pub(super) struct ServerBase {
    pub base: Arc<KnowledgeBase>,
    /// Its articles, oldest first, each with what it was read as: shared with the next
    /// build, which takes those it has already read as they are.
    articles: Arc<[Arc<ServerArticle>]>,
    /// The shipped shelf they were read and merged over: once a reload replaces it, they
    /// are read again (`roles.toml` may name other roles now).
    over: Arc<Shelf>,
    /// `over` with every one of `articles` merged, when the server has many of them, and
    /// that merge finished: what the next build resumes from.
    merged: Option<(Arc<Shelf>, Arc<Finished>)>,
}

#[derive(Debug, Clone)]
struct ServerArticle {
    text: ArticleText,
    read: ReadArticle,
}

impl ServerBase {
    /// The ids of the articles it was built from, oldest first.
    pub(super) fn article_ids(&self) -> Vec<i64> {
        self.articles
            .iter()
            .map(|article| article.text.article.id)
            .collect()
    }

    /// The base of `guild` over `shelf` with `articles` (oldest first), reusing what
    /// `previous` read and merged. `previous` is the server's base as it was, its kept
    /// merge taken out of the library (see [`ServerBase::take_merged`]) so that, held
    /// here alone, it is merged on in place rather than copied.
    pub fn build(
        shelf: &Arc<Shelf>,
        guild: u64,
        articles: Vec<ArticleText>,
        previous: Option<ServerBase>,
    ) -> Result<ServerBase, LoadError> {
        let previous = previous.filter(|p| Arc::ptr_eq(&p.over, shelf));
        let _build = tracing::debug_span!("server base", guild).entered();
        let articles: Arc<[Arc<ServerArticle>]> = tracing::debug_span!("read articles")
            .in_scope(|| read_all(shelf, articles, previous.as_ref()).into());
        let resumed = previous.and_then(|p| {
            let done = p.articles.len();
            // The same article read before is the same `Arc` (`read_all` compared the texts).
            let unchanged = articles
                .get(..done)?
                .iter()
                .zip(p.articles.iter())
                .all(|(now, before)| Arc::ptr_eq(now, before));
            let (merged, finished) = p.merged.filter(|_| unchanged)?;
            Some((
                Arc::try_unwrap(merged).unwrap_or_else(|m| (*m).clone()),
                Some((finished, p.base)),
                done,
            ))
        });
        let (mut merged, before, done) = resumed.unwrap_or_else(|| (Shelf::clone(shelf), None, 0));
        tracing::debug_span!("merge new articles", count = articles.len() - done)
            .in_scope(|| merged.add(articles[done..].iter().map(|a| a.read.clone())));
        let origin = format!("server {guild}'s knowledge base");
        let (base, merged) = if articles.len() >= KEEP_MERGED_FROM {
            // Finished again only where the new articles changed it.
            let finished = merged.finish(before.as_ref().map(|(finished, _)| &**finished));
            let base = merged.finished_base(
                &finished,
                before.as_ref().map(|(_, base)| &**base),
                &origin,
            )?;
            (base, Some((Arc::new(merged), Arc::new(finished))))
        } else {
            (merged.into_base(&origin)?, None)
        };
        Ok(ServerBase {
            base: Arc::new(base),
            articles,
            over: Arc::clone(shelf),
            merged,
        })
    }

    /// A copy of this server's base for [`ServerBase::build`], with the kept merge moved
    /// into it: the library's entry has none until the build swaps in a new one (or, if the
    /// build fails, none at all, and the next build merges over the shipped shelf again).
    pub fn take_merged(&mut self) -> ServerBase {
        ServerBase {
            merged: self.merged.take(),
            ..self.clone()
        }
    }

    /// The articles the base was built from, oldest first.
    pub fn texts(&self) -> Vec<ArticleText> {
        self.articles.iter().map(|a| a.text.clone()).collect()
    }
}

/// `articles`, each read, or taken as `previous` read it when it has the same id and text.
fn read_all(
    shelf: &Shelf,
    articles: Vec<ArticleText>,
    previous: Option<&ServerBase>,
) -> Vec<Arc<ServerArticle>> {
    let known: HashMap<i64, &Arc<ServerArticle>> = previous
        .map(|p| p.articles.iter().map(|a| (a.text.article.id, a)).collect())
        .unwrap_or_default();
    articles
        .into_iter()
        .map(|text| match known.get(&text.article.id) {
            Some(&read) if read.text == text => Arc::clone(read),
            _ => {
                let file = document_path(&text.article);
                let parsed = shelf.parse(&file, &text.text);
                Arc::new(ServerArticle {
                    read: ReadArticle {
                        file,
                        parsed,
                        lossy: false,
                    },
                    text,
                })
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
