//! What the operator's probes and a shutdown ask of the service: whether the store answers
//! now (reported by `/readyz`, never failing it: answers that need no store keep flowing),
//! and closing the store once the last interaction is answered.

use std::time::{Duration, Instant};

use crate::telemetry;

use super::Service;

/// How long a readiness probe waits for the store before calling it unreachable.
const STORE_PROBE_LIMIT: Duration = Duration::from_secs(2);

/// The store as a readiness probe finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreState {
    /// It answered a round trip.
    Answers,
    /// It was never opened in this process (nothing has needed it yet).
    NotOpened,
    /// It did not answer within the probe's limit, or answered with an error.
    Unreachable,
}

impl StoreState {
    pub fn word(&self) -> &'static str {
        match self {
            StoreState::Answers => "ok",
            StoreState::NotOpened => "not opened",
            StoreState::Unreachable => "unreachable",
        }
    }
}

impl Service {
    /// Whether the store answers a round trip now; never opens it.
    pub async fn store_state(&self) -> StoreState {
        let Some(store) = self.boards.opened_store() else {
            return StoreState::NotOpened;
        };
        let started = Instant::now();
        match tokio::time::timeout(STORE_PROBE_LIMIT, store.database().ping()).await {
            Ok(Ok(())) => {
                telemetry::store_ping(started.elapsed());
                StoreState::Answers
            }
            Ok(Err(error)) => {
                tracing::warn!(%error, "readiness probe: the store did not answer");
                StoreState::Unreachable
            }
            Err(_) => {
                tracing::warn!(limit = ?STORE_PROBE_LIMIT, "readiness probe: the store did not answer in time");
                StoreState::Unreachable
            }
        }
    }

    /// Closes the store's connections (SQLite checkpoints its journal), once nothing more
    /// will be asked of it.
    pub async fn close(&self) {
        if let Some(store) = self.boards.opened_store() {
            store.database().close().await;
        }
    }
}
