//! Members' alert settings per server (`member_alerts`), pauses (`member_alert_pauses`), and
//! the revision of each server's audience (`alert_audiences`), which tells a process when
//! the audience it keeps in memory for matching is out of date.

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::{ProfileError, ProfileStore};
use crate::members::alerts::{AlertFilter, AlertStatus, Pause, ServerAlerts};

/// A member alerted in a server, as matching reads them: their filter and saved skills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriber {
    pub user: String,
    pub filter: AlertFilter,
    pub skills: Vec<String>,
}

const BUMP_GUILD: &str = "INSERT INTO alert_audiences (guild, revision) VALUES ($1, 1) \
     ON CONFLICT (guild) DO UPDATE SET revision = alert_audiences.revision + 1";
const BUMP_GUILDS_OF: &str = "UPDATE alert_audiences SET revision = revision + 1 \
     WHERE guild IN (SELECT guild FROM member_alerts WHERE user_id = $1)";

impl ProfileStore {
    /// Turns `user`'s alerts in `guild` on with `filter`, lifting any pause (turning them on
    /// says the member is ready for DMs again).
    pub async fn alerts_on(
        &self,
        user: &str,
        guild: u64,
        filter: &AlertFilter,
        now: i64,
    ) -> Result<(), ProfileError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query(
            "INSERT INTO member_alerts (user_id, guild, enabled, min_fit, level, remote, updated_at) \
             VALUES ($1, $2, 1, $3, $4, $5, $6) ON CONFLICT (user_id, guild) DO UPDATE SET \
             enabled = 1, min_fit = excluded.min_fit, level = excluded.level, \
             remote = excluded.remote, updated_at = excluded.updated_at",
        )
        .bind(user)
        .bind(guild_id(guild))
        .bind(i64::from(filter.min_fit))
        .bind(filter.level.as_deref())
        .bind(filter.remote.map(i64::from))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM member_alert_pauses WHERE user_id = $1")
            .bind(user)
            .execute(&mut *tx)
            .await?;
        bump_all_of(&mut tx, user).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Turns `user`'s alerts in `guild` off (kept, so `/me show` says so); their alerts from
    /// that server still queued are not sent. Whether they were on.
    pub async fn alerts_off(&self, user: &str, guild: u64, now: i64) -> Result<bool, ProfileError> {
        let mut tx = self.pool().begin().await?;
        let changed = sqlx::query(
            "UPDATE member_alerts SET enabled = 0, updated_at = $3 \
             WHERE user_id = $1 AND guild = $2 AND enabled = 1",
        )
        .bind(user)
        .bind(guild_id(guild))
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "UPDATE alert_outbox SET outcome = 'stopped', settled_at = $3, claim = NULL, \
             claimed_until = NULL WHERE user_id = $1 AND guild = $2 AND settled_at IS NULL",
        )
        .bind(user)
        .bind(guild_id(guild))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(BUMP_GUILD)
            .bind(guild_id(guild))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(changed > 0)
    }

    /// Pauses `user`'s alerts everywhere, with the reason `/me show` gives.
    pub async fn pause_alerts(
        &self,
        user: &str,
        reason: &str,
        now: i64,
    ) -> Result<(), ProfileError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query(
            "INSERT INTO member_alert_pauses (user_id, reason, paused_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id) DO UPDATE SET reason = excluded.reason, \
             paused_at = excluded.paused_at",
        )
        .bind(user)
        .bind(reason)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        bump_all_of(&mut tx, user).await?;
        tx.commit().await?;
        Ok(())
    }

    /// `user`'s alerts in every server, and their pause.
    pub async fn alert_status(&self, user: &str) -> Result<AlertStatus, ProfileError> {
        let rows = sqlx::query(
            "SELECT guild, enabled, min_fit, level, remote, updated_at FROM member_alerts \
             WHERE user_id = $1 ORDER BY guild",
        )
        .bind(user)
        .fetch_all(self.pool())
        .await?;
        let mut servers = Vec::with_capacity(rows.len());
        for row in rows {
            servers.push(ServerAlerts {
                guild: u64::try_from(row.try_get::<i64, _>("guild")?).unwrap_or_default(),
                enabled: row.try_get::<i64, _>("enabled")? == 1,
                filter: filter_of(&row)?,
                updated_at: row.try_get("updated_at")?,
            });
        }
        let pause =
            sqlx::query("SELECT reason, paused_at FROM member_alert_pauses WHERE user_id = $1")
                .bind(user)
                .fetch_optional(self.pool())
                .await?
                .map(|row| -> Result<Pause, sqlx::Error> {
                    Ok(Pause {
                        reason: row.try_get("reason")?,
                        paused_at: row.try_get("paused_at")?,
                    })
                })
                .transpose()?;
        Ok(AlertStatus { servers, pause })
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

    /// Every member with alerts on in `guild`, not paused, who has saved skills.
    pub async fn subscribers(&self, guild: u64) -> Result<Vec<Subscriber>, ProfileError> {
        let rows = sqlx::query(
            "SELECT a.user_id, a.min_fit, a.level, a.remote, p.skills \
             FROM member_alerts a JOIN member_profiles p ON p.user_id = a.user_id \
             WHERE a.guild = $1 AND a.enabled = 1 AND NOT EXISTS \
             (SELECT 1 FROM member_alert_pauses x WHERE x.user_id = a.user_id)",
        )
        .bind(guild_id(guild))
        .fetch_all(self.pool())
        .await?;
        let mut subscribers = Vec::with_capacity(rows.len());
        for row in rows {
            subscribers.push(Subscriber {
                user: row.try_get("user_id")?,
                filter: filter_of(&row)?,
                skills: row
                    .try_get::<String, _>("skills")?
                    .lines()
                    .map(str::to_owned)
                    .collect(),
            });
        }
        Ok(subscribers)
    }

    /// Whether `user` has (or had) alerts in `guild`: what lets their DM's buttons act there.
    pub async fn has_alerts_in(&self, user: &str, guild: u64) -> Result<bool, ProfileError> {
        Ok(
            sqlx::query("SELECT 1 AS one FROM member_alerts WHERE user_id = $1 AND guild = $2")
                .bind(user)
                .bind(guild_id(guild))
                .fetch_optional(self.pool())
                .await?
                .is_some(),
        )
    }
}

/// Bumps the revision of every server where `user` has alerts: their skills, pause or
/// presence changed what matching there must read.
pub(super) async fn bump_all_of(
    tx: &mut Transaction<'_, Any>,
    user: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(BUMP_GUILDS_OF)
        .bind(user)
        .execute(&mut **tx)
        .await?;
    let guilds = sqlx::query("SELECT guild FROM member_alerts WHERE user_id = $1")
        .bind(user)
        .fetch_all(&mut **tx)
        .await?;
    // A server whose audience was never counted gets its first revision.
    for row in guilds {
        sqlx::query(
            "INSERT INTO alert_audiences (guild, revision) VALUES ($1, 1) \
             ON CONFLICT (guild) DO NOTHING",
        )
        .bind(row.try_get::<i64, _>("guild")?)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

fn filter_of(row: &AnyRow) -> Result<AlertFilter, sqlx::Error> {
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
