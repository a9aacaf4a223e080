//! What job matching reads of a server's audience: its revision (`alert_audiences`), bumped
//! in the transaction of every change that may alter who is alerted there or how, the log of
//! which member each revision was for (`alert_audience_changes`), and the subscribers
//! themselves, all of them or just the few a process must read again.

use std::collections::HashSet;

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::{ProfileError, ProfileStore};
use crate::members::alerts::AlertFilter;

/// A member alerted in a server, as matching reads them: their filter and saved skills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriber {
    pub user: String,
    pub filter: AlertFilter,
    pub skills: Vec<String>,
}

/// How many of each server's latest changes the log keeps, pruned as each is written: at
/// most this many small rows a server. A process whose audience is further behind reads the
/// server in full; up to here, patching is still well under a full read (1,000 changed
/// members: 33–58 ms, against 1.4–1.6 s for 100,000; BENCHMARKS.md). No process can tell
/// which revisions every other process has seen, so the log cannot be pruned by that.
pub const CHANGES_KEPT: i64 = 10_000;

/// Bumps a server's revision (its first is 1) and says what it is now.
const BUMP: &str = "INSERT INTO alert_audiences (guild, revision) VALUES ($1, 1) \
     ON CONFLICT (guild) DO UPDATE SET revision = alert_audiences.revision + 1 \
     RETURNING revision";
/// Logs who a revision was for. The revision row's lock makes each revision one writer's,
/// so a conflict means only a log older than its revisions (never in practice): overwritten.
const LOG: &str = "INSERT INTO alert_audience_changes (guild, revision, user_id) \
     VALUES ($1, $2, $3) ON CONFLICT (guild, revision) DO UPDATE SET user_id = excluded.user_id";
const PRUNE: &str = "DELETE FROM alert_audience_changes WHERE guild = $1 AND revision <= $2";
/// A subscriber's row: their alerts in a server with their saved skills.
const SUBSCRIBER: &str = "SELECT a.user_id, a.min_fit, a.level, a.remote, p.skills \
     FROM member_alerts a JOIN member_profiles p ON p.user_id = a.user_id";
const NOT_PAUSED: &str =
    "NOT EXISTS (SELECT 1 FROM member_alert_pauses x WHERE x.user_id = a.user_id)";
/// Members read again at once by [`ProfileStore::subscribers_among`]: well under both
/// backends' limits on bound parameters.
const AMONG_AT_ONCE: usize = 500;

/// A change to `user` in `guild`: its revision is bumped and the change logged, in `tx`.
pub(super) async fn bump_for(
    tx: &mut Transaction<'_, Any>,
    guild: i64,
    user: &str,
    kept: i64,
) -> Result<(), sqlx::Error> {
    let revision = bump(tx, guild).await?;
    sqlx::query(LOG)
        .bind(guild)
        .bind(revision)
        .bind(user)
        .execute(&mut **tx)
        .await?;
    sqlx::query(PRUNE)
        .bind(guild)
        .bind(revision.saturating_sub(kept))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Bumps `guild`'s revision with no log entry: a process whose audience is older than it
/// reads the server in full. What `/me forget` does, so no id is left behind.
pub(super) async fn bump_unlogged(
    tx: &mut Transaction<'_, Any>,
    guild: i64,
) -> Result<(), sqlx::Error> {
    bump(tx, guild).await.map(drop)
}

async fn bump(tx: &mut Transaction<'_, Any>, guild: i64) -> Result<i64, sqlx::Error> {
    sqlx::query(BUMP)
        .bind(guild)
        .fetch_one(&mut **tx)
        .await?
        .try_get("revision")
}

/// The servers where `user` has alerts (on or off), in order: bumping them in one order
/// keeps two transactions from each waiting on a row the other holds.
pub(super) async fn servers_of(
    tx: &mut Transaction<'_, Any>,
    user: &str,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query("SELECT guild FROM member_alerts WHERE user_id = $1 ORDER BY guild")
        .bind(user)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|row| row.try_get("guild"))
        .collect()
}

impl ProfileStore {
    /// Bumps every server where `user` has alerts, logging the change: their skills, pause
    /// or presence changed what matching there must read.
    pub(super) async fn bump_all_of(
        &self,
        tx: &mut Transaction<'_, Any>,
        user: &str,
    ) -> Result<(), sqlx::Error> {
        for guild in servers_of(tx, user).await? {
            bump_for(tx, guild, user, self.changes_kept()).await?;
        }
        Ok(())
    }

    /// The revision of `guild`'s audience: it changes whenever a subscriber may have.
    pub async fn audience_revision(&self, guild: u64) -> Result<i64, ProfileError> {
        let row = sqlx::query("SELECT revision FROM alert_audiences WHERE guild = $1")
            .bind(guild_id(guild))
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(row) => row.try_get("revision")?,
            None => 0,
        })
    }

    /// The members changed in `guild` after revision `since` up to `upto` (each once), or
    /// `None` when the log does not hold every revision between (pruned, a forget, a bump
    /// from before the log): then only a full read is sure to be right.
    pub async fn audience_changes(
        &self,
        guild: u64,
        since: i64,
        upto: i64,
    ) -> Result<Option<Vec<String>>, ProfileError> {
        if upto
            .checked_sub(since)
            .is_none_or(|gap| gap < 0 || gap > self.changes_kept())
        {
            return Ok(None);
        }
        let rows = sqlx::query(
            "SELECT user_id FROM alert_audience_changes \
             WHERE guild = $1 AND revision > $2 AND revision <= $3",
        )
        .bind(guild_id(guild))
        .bind(since)
        .bind(upto)
        .fetch_all(self.pool())
        .await?;
        // One entry per revision at most (the key): as many as revisions means none missing.
        if i64::try_from(rows.len()).ok() != Some(upto - since) {
            return Ok(None);
        }
        let mut seen = HashSet::new();
        let mut users = Vec::new();
        for row in rows {
            let user: String = row.try_get("user_id")?;
            if seen.insert(user.clone()) {
                users.push(user);
            }
        }
        Ok(Some(users))
    }

    /// The servers where some member has alerts on, ascending.
    pub async fn servers_with_alerts(&self) -> Result<Vec<u64>, ProfileError> {
        let rows = sqlx::query(
            "SELECT DISTINCT guild FROM member_alerts WHERE enabled = 1 ORDER BY guild",
        )
        .fetch_all(self.pool())
        .await?;
        let mut servers = Vec::with_capacity(rows.len());
        for row in rows {
            // Server ids are stored as the database's signed integers and were never negative.
            servers.extend(u64::try_from(row.try_get::<i64, _>("guild")?).ok());
        }
        Ok(servers)
    }

    /// Every member with alerts on in `guild`, not paused, who has saved skills.
    pub async fn subscribers(&self, guild: u64) -> Result<Vec<Subscriber>, ProfileError> {
        let sql = format!("{SUBSCRIBER} WHERE a.guild = $1 AND a.enabled = 1 AND {NOT_PAUSED}");
        let rows = sqlx::query(&sql)
            .bind(guild_id(guild))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(subscriber_of).collect()
    }

    /// Those of `users` who are subscribers in `guild` now, as [`Self::subscribers`] reads
    /// them; one not found is no longer one.
    pub async fn subscribers_among(
        &self,
        guild: u64,
        users: &[String],
    ) -> Result<Vec<Subscriber>, ProfileError> {
        let mut found = Vec::new();
        for chunk in users.chunks(AMONG_AT_ONCE) {
            let places: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            // Each member looked up by key, and only so: `+` keeps the server's index
            // (guild, enabled) out. Without statistics, SQLite took it for a list of more
            // than a few members and PostgreSQL combined it with the key, each reading the
            // whole audience's entries (25 ms and 2.5 ms at 100,000) for a few members.
            let sql = format!(
                "{SUBSCRIBER} WHERE a.user_id IN ({}) AND +a.guild = $1 AND +a.enabled = 1 \
                 AND {NOT_PAUSED}",
                places.join(", ")
            );
            let mut query = sqlx::query(&sql).bind(guild_id(guild));
            for user in chunk {
                query = query.bind(user);
            }
            for row in query.fetch_all(self.pool()).await? {
                found.push(subscriber_of(&row)?);
            }
        }
        Ok(found)
    }
}

fn subscriber_of(row: &AnyRow) -> Result<Subscriber, ProfileError> {
    Ok(Subscriber {
        user: row.try_get("user_id")?,
        filter: filter_of(row)?,
        skills: row
            .try_get::<String, _>("skills")?
            .lines()
            .map(str::to_owned)
            .collect(),
    })
}

/// A saved alert filter, as a row of `member_alerts` holds it.
pub(super) fn filter_of(row: &AnyRow) -> Result<AlertFilter, sqlx::Error> {
    Ok(AlertFilter {
        min_fit: u8::try_from(row.try_get::<i64, _>("min_fit")?).unwrap_or(100),
        level: row.try_get("level")?,
        remote: row.try_get::<Option<i64>, _>("remote")?.map(|r| r == 1),
    })
}

/// A server id as stored: snowflakes fit in 63 bits.
pub(super) fn guild_id(guild: u64) -> i64 {
    i64::try_from(guild).unwrap_or(i64::MAX)
}
