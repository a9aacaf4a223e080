//! Each server's audience kept in memory between jobs, and brought up to date before one is
//! matched: unchanged while the store's revision of the server holds; patched with just the
//! members changed since when the store's change log reaches back to the revision held
//! (milliseconds); read in full otherwise (a new process, a reloaded taxonomy, a log that
//! no longer reaches back, a `/me forget`), which at 100,000 members takes seconds.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::{OwnedRwLockReadGuard, OwnedRwLockWriteGuard, RwLock};

use super::audience::Audience;
use crate::knowledge::KnowledgeBase;
use crate::members::store::ProfileStore;
use crate::service::Service;

/// A server's audience, once read. Behind a lock that jobs read under and the one bringing
/// it up to date writes under: two jobs posted at once read a stale server once, not twice.
type Slot = Arc<RwLock<Option<Audience>>>;

/// Each server's audience as last brought up to date, and how it was.
#[derive(Debug, Default)]
pub struct Audiences {
    by_server: Mutex<HashMap<u64, Slot>>,
    full_reads: AtomicU64,
    patches: AtomicU64,
}

/// How this process's audiences were brought up to date so far: read in full, or patched
/// with the members changed since (what a test or benchmark checks it measured).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AudienceReads {
    pub full: u64,
    pub patched: u64,
}

/// What the audience held needs to be at a revision.
enum Update {
    None,
    Patch { since: i64 },
    Full,
}

impl Audiences {
    fn slot(&self, guild: u64) -> Slot {
        self.by_server
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(guild)
            .or_default()
            .clone()
    }
}

/// What `held` needs to be `guild`'s audience at `revision`, as read with taxonomy
/// `read_with`.
fn update_for(held: &Option<Audience>, revision: i64, read_with: usize) -> Update {
    match held {
        Some(audience) if audience.read_with == read_with => {
            if audience.revision == revision {
                Update::None
            } else {
                Update::Patch {
                    since: audience.revision,
                }
            }
        }
        _ => Update::Full,
    }
}

impl Service {
    /// Reads the audience of every server where members have alerts on, so that the first
    /// job posted after a start is matched warm rather than after reading every subscriber
    /// (seconds at 100,000). Run in the background when the bot starts; says how many.
    pub async fn warm_audiences(&self) -> anyhow::Result<usize> {
        let profiles = self.alert_store().await?;
        let servers = profiles.servers_with_alerts().await?;
        for &guild in &servers {
            let kb = self.library.for_server(guild);
            drop(self.audience(&profiles, &kb, guild).await?);
        }
        Ok(servers.len())
    }

    /// How this process's audiences were brought up to date so far.
    pub fn audience_reads(&self) -> AudienceReads {
        AudienceReads {
            full: self.audiences.full_reads.load(Ordering::Relaxed),
            patched: self.audiences.patches.load(Ordering::Relaxed),
        }
    }

    /// `guild`'s audience as the store has it now, its skills read with `kb`'s taxonomy (its
    /// address tells a reloaded one from the one an audience was read with). Always `Some`
    /// once this returns.
    pub(super) async fn audience(
        &self,
        profiles: &ProfileStore,
        kb: &Arc<KnowledgeBase>,
        guild: u64,
    ) -> anyhow::Result<OwnedRwLockReadGuard<Option<Audience>>> {
        let read_with = Arc::as_ptr(&kb.taxonomy) as usize;
        let slot = self.audiences.slot(guild);
        let revision = profiles.audience_revision(guild).await?;
        let held = slot.clone().read_owned().await;
        if matches!(update_for(&held, revision, read_with), Update::None) {
            return Ok(held);
        }
        drop(held);
        let mut held = slot.write_owned().await;
        // Read again under the lock: another job may have brought it up to date meanwhile.
        // Before the changes or subscribers: a change between the reads makes the next job
        // read it again, never keeps a stale audience.
        let revision = profiles.audience_revision(guild).await?;
        match update_for(&held, revision, read_with) {
            Update::None => {}
            Update::Patch { since } => {
                held = self
                    .patch(profiles, kb, held, guild, since, revision)
                    .await?;
            }
            Update::Full => {
                self.read_in_full(profiles, kb, &mut held, guild, revision)
                    .await?
            }
        }
        Ok(held.downgrade())
    }

    /// Patches `held` from `since` to `revision` with the members the store's log says
    /// changed; reads it in full where the log does not reach back to `since`.
    async fn patch(
        &self,
        profiles: &ProfileStore,
        kb: &Arc<KnowledgeBase>,
        mut held: OwnedRwLockWriteGuard<Option<Audience>>,
        guild: u64,
        since: i64,
        revision: i64,
    ) -> anyhow::Result<OwnedRwLockWriteGuard<Option<Audience>>> {
        let Some(changed) = profiles.audience_changes(guild, since, revision).await? else {
            self.read_in_full(profiles, kb, &mut held, guild, revision)
                .await?;
            return Ok(held);
        };
        let now = profiles.subscribers_among(guild, &changed).await?;
        let kb = kb.clone();
        // Reading skills is CPU work (a few for a job, up to the log's length): off the
        // async threads, the audience's write lock going along.
        let held = tokio::task::spawn_blocking(move || {
            if let Some(audience) = held.as_mut() {
                audience.patch(&kb.taxonomy, revision, &changed, now);
            }
            held
        })
        .await?;
        self.audiences.patches.fetch_add(1, Ordering::Relaxed);
        Ok(held)
    }

    /// Reads `guild`'s every subscriber into `held`, at `revision`.
    async fn read_in_full(
        &self,
        profiles: &ProfileStore,
        kb: &Arc<KnowledgeBase>,
        held: &mut Option<Audience>,
        guild: u64,
        revision: i64,
    ) -> anyhow::Result<()> {
        let subscribers = profiles.subscribers(guild).await?;
        let kb = kb.clone();
        let read_with = Arc::as_ptr(&kb.taxonomy) as usize;
        // Reading every subscriber's skills is CPU work: off the async threads.
        let audience = tokio::task::spawn_blocking(move || {
            Audience::read(&kb.taxonomy, read_with, revision, subscribers)
        })
        .await?;
        *held = Some(audience);
        self.audiences.full_reads.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}
