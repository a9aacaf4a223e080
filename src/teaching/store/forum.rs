//! The forum mode's rows: the server's answer forum (in its teaching settings) and the
//! posts of that forum the bot has read, each claimed once, with the answer it posted.
//! Nothing of a post's text, nor who wrote it.

use super::rows::{db_id, settings};
use super::{TeachingError, TeachingStore};
use crate::teaching::model::TeachingSettings;

/// How long a post met with silence is remembered: duplicate events and replays after a
/// reconnect come within minutes; a week is ample, and the table does not grow forever.
pub const QUIET_POSTS_KEPT_SECS: i64 = 7 * 24 * 60 * 60;

/// What a take-down found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakeDown {
    /// The answer is now marked taken down.
    Done,
    /// It was taken down before (a second click, another mentor).
    AlreadyDown,
    /// The message is no forum answer of this server.
    NotAnAnswer,
}

impl TeachingStore {
    /// Names the server's answer forum (`None`: no forum); other settings stay. Returns the
    /// settings as saved. Rights are the caller's to check.
    pub async fn set_answer_forum(
        &self,
        guild: u64,
        forum: Option<u64>,
        actor: &str,
        now: i64,
    ) -> Result<TeachingSettings, TeachingError> {
        let guild = db_id(guild)?;
        let forum = forum.map(db_id).transpose()?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO teaching_settings (guild, answer_forum, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (guild) DO UPDATE SET \
             answer_forum = excluded.answer_forum, updated_at = excluded.updated_at, \
             updated_by = excluded.updated_by",
        )
        .bind(guild)
        .bind(forum)
        .bind(now)
        .bind(actor)
        .execute(&mut *tx)
        .await?;
        let saved = settings(&mut tx, guild).await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Claims post `thread` of `guild` for reading: `true` the first time, `false` ever
    /// after (a duplicate event, a replay), so only the first claim may answer it. Posts
    /// met with silence longer ago than [`QUIET_POSTS_KEPT_SECS`] are forgotten here.
    pub async fn claim_forum_post(
        &self,
        guild: u64,
        thread: u64,
        now: i64,
    ) -> Result<bool, TeachingError> {
        let (guild, thread) = (db_id(guild)?, db_id(thread)?);
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM forum_posts WHERE answer IS NULL AND read_at < $1")
            .bind(now.saturating_sub(QUIET_POSTS_KEPT_SECS))
            .execute(&mut *tx)
            .await?;
        let claimed = sqlx::query(
            "INSERT INTO forum_posts (thread, guild, read_at) VALUES ($1, $2, $3) \
             ON CONFLICT (thread) DO NOTHING RETURNING thread",
        )
        .bind(thread)
        .bind(guild)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(claimed.is_some())
    }

    /// Records `message` as the bot's answer to post `thread` of `guild`.
    pub async fn record_forum_answer(
        &self,
        guild: u64,
        thread: u64,
        message: u64,
    ) -> Result<(), TeachingError> {
        sqlx::query("UPDATE forum_posts SET answer = $1 WHERE guild = $2 AND thread = $3")
            .bind(db_id(message)?)
            .bind(db_id(guild)?)
            .bind(db_id(thread)?)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Marks the forum answer `message` of `guild` taken down (not by whom: a post's row
    /// names no member).
    pub async fn take_down_forum_answer(
        &self,
        guild: u64,
        message: u64,
        now: i64,
    ) -> Result<TakeDown, TeachingError> {
        let (guild, message) = (db_id(guild)?, db_id(message)?);
        let mut tx = self.pool.begin().await?;
        let marked = sqlx::query(
            "UPDATE forum_posts SET taken_down_at = $1 \
             WHERE guild = $2 AND answer = $3 AND taken_down_at IS NULL RETURNING thread",
        )
        .bind(now)
        .bind(guild)
        .bind(message)
        .fetch_optional(&mut *tx)
        .await?;
        let found = match marked {
            Some(_) => TakeDown::Done,
            None => {
                let known =
                    sqlx::query("SELECT thread FROM forum_posts WHERE guild = $1 AND answer = $2")
                        .bind(guild)
                        .bind(message)
                        .fetch_optional(&mut *tx)
                        .await?;
                if known.is_some() {
                    TakeDown::AlreadyDown
                } else {
                    TakeDown::NotAnAnswer
                }
            }
        };
        tx.commit().await?;
        Ok(found)
    }
}
