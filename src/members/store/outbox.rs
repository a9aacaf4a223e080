//! The outbox of alert DMs (`alert_outbox`) and the daily cap (`alert_budgets`). A row is
//! queued once per (member, job); a delivery worker claims due rows until `claimed_until`
//! (PostgreSQL skips rows another worker holds, `FOR UPDATE SKIP LOCKED`; SQLite claims in
//! one statement under its single writer), and settles each: sent, gone, or due again later.
//! A claim that outlives its process expires and the row is claimed again.

use rand::RngCore;
use sqlx::Row;

use super::audience::guild_id;
use super::{ProfileError, ProfileStore};
use crate::database::Backend;
use crate::members::alerts::{day_of, start_of_day_after};

/// An alert to queue: `user` fits job `job` of `guild` at `fit` percent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub user: String,
    pub guild: u64,
    pub job: i64,
    pub fit: u8,
}

/// A row this worker holds until its claim expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    /// Marks made with another claim (this one expired and was taken again) do nothing.
    pub claim: String,
    pub user: String,
    pub guild: u64,
    pub job: i64,
    pub fit: u8,
    pub attempts: i64,
    counted_day: Option<i64>,
}

/// Whether a claimed alert may be sent today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// Counted against today's cap: send it.
    Counted,
    /// The member had their alerts for today: it waits for tomorrow (released now).
    Tomorrow,
}

/// Settled rows are kept this long (what `/me export` shows), then deleted.
pub const SETTLED_KEPT_SECONDS: i64 = 7 * 86_400;
/// Rows per INSERT when queueing: within both backends' limits on bound values.
const ROWS_PER_INSERT: usize = 500;

impl ProfileStore {
    /// Queues `alerts`, each (member, job) once however often it is asked; how many were new.
    pub async fn enqueue(&self, alerts: &[Queued], now: i64) -> Result<u64, ProfileError> {
        let mut tx = self.pool().begin().await?;
        let mut added = 0;
        for chunk in alerts.chunks(ROWS_PER_INSERT) {
            let sql = insert_sql(chunk.len());
            let mut insert = sqlx::query(&sql);
            for alert in chunk {
                insert = insert
                    .bind(alert.user.clone())
                    .bind(guild_id(alert.guild))
                    .bind(alert.job)
                    .bind(i64::from(alert.fit))
                    .bind(now)
                    .bind(now);
            }
            added += insert.execute(&mut *tx).await?.rows_affected();
        }
        tx.commit().await?;
        Ok(added)
    }

    /// Claims up to `limit` due rows for `claim_seconds`: best fit first, none of a member
    /// whose alerts are paused, none another worker holds.
    pub async fn claim_due(
        &self,
        limit: usize,
        claim_seconds: i64,
        now: i64,
    ) -> Result<Vec<Claimed>, ProfileError> {
        let claim = claim_token();
        let lock = match self.backend() {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE alert_outbox SET claim = $1, claimed_until = $2 WHERE id IN ( \
             SELECT id FROM alert_outbox o WHERE settled_at IS NULL AND due_at <= $3 \
             AND (claimed_until IS NULL OR claimed_until <= $3) AND NOT EXISTS \
             (SELECT 1 FROM member_alert_pauses p WHERE p.user_id = o.user_id) \
             ORDER BY fit DESC, id LIMIT $4{lock}) \
             RETURNING id, user_id, guild, job_id, fit, attempts, counted_day"
        );
        let rows = sqlx::query(&sql)
            .bind(&claim)
            .bind(now + claim_seconds)
            .bind(now)
            .bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .fetch_all(self.pool())
            .await?;
        let mut claimed = Vec::with_capacity(rows.len());
        for row in rows {
            claimed.push(Claimed {
                id: row.try_get("id")?,
                claim: claim.clone(),
                user: row.try_get("user_id")?,
                guild: u64::try_from(row.try_get::<i64, _>("guild")?).unwrap_or_default(),
                job: row.try_get("job_id")?,
                fit: u8::try_from(row.try_get::<i64, _>("fit")?).unwrap_or(100),
                attempts: row.try_get("attempts")?,
                counted_day: row.try_get("counted_day")?,
            });
        }
        // RETURNING gives no order: best fit first, as they were chosen.
        claimed.sort_by(|a, b| b.fit.cmp(&a.fit).then(a.id.cmp(&b.id)));
        Ok(claimed)
    }

    /// Counts `alert` against its member's cap of `per_day` alerts today, or sends it to
    /// tomorrow when the cap is reached. An alert already counted today is not counted again.
    pub async fn count_against_cap(
        &self,
        alert: &mut Claimed,
        per_day: u32,
        now: i64,
    ) -> Result<Budget, ProfileError> {
        let today = day_of(now);
        if alert.counted_day == Some(today) {
            return Ok(Budget::Counted);
        }
        let mut tx = self.pool().begin().await?;
        let counted = sqlx::query(
            "INSERT INTO alert_budgets (user_id, day, used) VALUES ($1, $2, 1) \
             ON CONFLICT (user_id, day) DO UPDATE SET used = alert_budgets.used + 1 \
             WHERE alert_budgets.used < $3 RETURNING used",
        )
        .bind(&alert.user)
        .bind(today)
        .bind(i64::from(per_day))
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        let budget = if counted {
            sqlx::query("UPDATE alert_outbox SET counted_day = $3 WHERE id = $1 AND claim = $2")
                .bind(alert.id)
                .bind(&alert.claim)
                .bind(today)
                .execute(&mut *tx)
                .await?;
            Budget::Counted
        } else {
            sqlx::query(
                "UPDATE alert_outbox SET due_at = $3, claim = NULL, claimed_until = NULL \
                 WHERE id = $1 AND claim = $2",
            )
            .bind(alert.id)
            .bind(&alert.claim)
            .bind(start_of_day_after(today))
            .execute(&mut *tx)
            .await?;
            Budget::Tomorrow
        };
        tx.commit().await?;
        if budget == Budget::Counted {
            alert.counted_day = Some(today);
        }
        Ok(budget)
    }

    /// Discord took the DM: settled as sent. False when the claim had expired and another
    /// worker holds the row (it will settle it).
    pub async fn mark_sent(&self, alert: &Claimed, now: i64) -> Result<bool, ProfileError> {
        self.settle(alert, "sent", now).await
    }

    /// The alert will not be sent (`gone`: the job was removed or expired; `paused`: the
    /// member's DMs are closed); a count it took against today's cap is given back.
    pub async fn mark_unsent(
        &self,
        alert: &Claimed,
        outcome: &str,
        now: i64,
    ) -> Result<bool, ProfileError> {
        let settled = self.settle(alert, outcome, now).await?;
        if settled && alert.counted_day == Some(day_of(now)) {
            sqlx::query(
                "UPDATE alert_budgets SET used = used - 1 WHERE user_id = $1 AND day = $2 AND used > 0",
            )
            .bind(&alert.user)
            .bind(day_of(now))
            .execute(self.pool())
            .await?;
        }
        Ok(settled)
    }

    async fn settle(&self, alert: &Claimed, outcome: &str, now: i64) -> Result<bool, ProfileError> {
        let sent_at = (outcome == "sent").then_some(now);
        let settled = sqlx::query(
            "UPDATE alert_outbox SET outcome = $3, sent_at = $4, settled_at = $5, claim = NULL, \
             claimed_until = NULL WHERE id = $1 AND claim = $2",
        )
        .bind(alert.id)
        .bind(&alert.claim)
        .bind(outcome)
        .bind(sent_at)
        .bind(now)
        .execute(self.pool())
        .await?
        .rows_affected();
        Ok(settled > 0)
    }

    /// The alert is due again at `due_at` (Discord was busy or failed); `failed` counts it as
    /// an attempt for the back-off, a rate limit does not.
    pub async fn retry_at(
        &self,
        alert: &Claimed,
        due_at: i64,
        failed: bool,
    ) -> Result<(), ProfileError> {
        sqlx::query(
            "UPDATE alert_outbox SET due_at = $3, attempts = attempts + $4, claim = NULL, \
             claimed_until = NULL WHERE id = $1 AND claim = $2",
        )
        .bind(alert.id)
        .bind(&alert.claim)
        .bind(due_at)
        .bind(i64::from(failed))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Deletes rows settled more than a week ago and caps of days before yesterday.
    pub async fn tidy_outbox(&self, now: i64) -> Result<(), ProfileError> {
        sqlx::query("DELETE FROM alert_outbox WHERE settled_at < $1")
            .bind(now - SETTLED_KEPT_SECONDS)
            .execute(self.pool())
            .await?;
        sqlx::query("DELETE FROM alert_budgets WHERE day < $1")
            .bind(day_of(now) - 1)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// An INSERT of `rows` alerts, numbered placeholders (`$1`…) as both backends read them.
fn insert_sql(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|row| {
            let at = row * 6;
            format!(
                "(${}, ${}, ${}, ${}, ${}, ${})",
                at + 1,
                at + 2,
                at + 3,
                at + 4,
                at + 5,
                at + 6
            )
        })
        .collect();
    format!(
        "INSERT INTO alert_outbox (user_id, guild, job_id, fit, queued_at, due_at) VALUES {} \
         ON CONFLICT (user_id, job_id) DO NOTHING",
        values.join(", ")
    )
}

/// A claim's token: random, so two workers' claims never mistake each other.
fn claim_token() -> String {
    let mut bytes = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}
