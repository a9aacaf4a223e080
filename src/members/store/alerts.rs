//! Members' alert settings per server (`member_alerts`) and pauses (`member_alert_pauses`).
//! Each change bumps the revision of the servers' audiences it touches (`audience`), which
//! tells a process what of the audience it keeps in memory for matching is out of date.

use sqlx::Row;

use super::audience::{bump_for, filter_of, guild_id};
use super::{ProfileError, ProfileStore};
use crate::members::alerts::{AlertFilter, AlertStatus, Pause, ServerAlerts};

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
        self.bump_all_of(&mut tx, user).await?;
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
        bump_for(&mut tx, guild_id(guild), user, self.changes_kept()).await?;
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
        self.bump_all_of(&mut tx, user).await?;
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
