//! Several rolecall processes on one PostgreSQL database (endpoint replicas, gateway
//! shards) answer every server from the same articles: the teaching store announces each
//! change to a server's articles on [`ARTICLES_CHANGED`] in the change's own transaction,
//! and every process listens and rebuilds that server's base. A process may miss
//! announcements while its listening connection is down, so on every (re)connection it
//! compares what each server's base was built from with the store's live articles, and
//! rebuilds the servers that differ; the same check makes an announcement of its own change
//! cost one query.

use std::collections::BTreeMap;
use std::time::Duration;

use sqlx::postgres::PgListener;

use crate::teaching::store::{TeachingStore, ARTICLES_CHANGED};

use super::Service;

/// How long to wait before listening again after the connection failed to come back.
const RETRY: Duration = Duration::from_secs(2);

impl Service {
    /// Follows the other processes on the PostgreSQL database at `url`, for as long as the
    /// process runs. Returns only when it cannot listen at all.
    pub async fn follow_other_processes(&self, url: &str) -> anyhow::Result<()> {
        use anyhow::Context;
        let store = self
            .teaching_store()
            .await
            .context("opening the teaching store")?;
        let mut listener = PgListener::connect(url)
            .await
            .context("connecting to listen for article changes")?;
        listener
            .listen(ARTICLES_CHANGED)
            .await
            .context("listening for article changes")?;
        tracing::info!("following article changes made by other processes");
        // Listening first, then checking: a change made in between is seen either way.
        self.catch_up(&store).await;
        loop {
            match listener.try_recv().await {
                Ok(Some(notification)) => match notification.payload().parse::<u64>() {
                    Ok(guild) => self.catch_up_with(&store, Some(guild)).await,
                    Err(_) => tracing::warn!("an article change named no server"),
                },
                // The connection dropped and came back: announcements may have been missed.
                Ok(None) => self.catch_up(&store).await,
                Err(error) => {
                    tracing::warn!(%error, "listening for article changes failed; retrying");
                    tokio::time::sleep(RETRY).await;
                }
            }
        }
    }

    /// Rebuilds every server whose base was not built from its live articles.
    async fn catch_up(&self, store: &TeachingStore) {
        self.catch_up_with(store, None).await;
    }

    /// Rebuilds `only` (or every server) when its base was not built from its live
    /// articles: the version check, by the articles' ids (an article's text never changes).
    async fn catch_up_with(&self, store: &TeachingStore, only: Option<u64>) {
        let live = match store.live_article_ids().await {
            Ok(live) => live,
            Err(error) => {
                tracing::warn!(%error, "reading the servers' articles failed");
                return;
            }
        };
        let mut stale: BTreeMap<u64, (Vec<i64>, Vec<i64>)> = BTreeMap::new();
        for (guild, ids) in live {
            stale.entry(guild).or_default().0 = ids;
        }
        for (guild, ids) in self.library.built_from() {
            stale.entry(guild).or_default().1 = ids;
        }
        for (guild, (live, built)) in stale {
            if live != built && only.is_none_or(|only| only == guild) {
                if let Err(error) = self.refresh_server(store, guild).await {
                    tracing::warn!(%error, guild, "rebuilding a server's base failed");
                }
            }
        }
    }
}
