//! The teaching store's statements, each written once in the SQL that SQLite and PostgreSQL
//! share (`$n` placeholders), and the mapping between rows and the model. Ids are Discord
//! snowflakes, kept as BIGINT: [`db_id`] converts on the way in.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::TeachingError;
use crate::teaching::model::{
    Article, ArticleAction, ArticleEvent, ArticleText, Draft, DraftId, TeachingSettings,
};

/// The columns of an article, in the order [`article_from_row`] reads them.
const ARTICLE_COLUMNS: &str = "id, title, slug, content_hash, added_by, added_at";

/// A Discord id as the database keeps it. Snowflakes stay below 2^63 for centuries; a larger
/// number can only be a forged one.
pub fn db_id(id: u64) -> Result<i64, TeachingError> {
    i64::try_from(id).map_err(|_| TeachingError::BadId(id))
}

fn snowflake(value: Option<i64>) -> Option<u64> {
    value.and_then(|v| u64::try_from(v).ok())
}

pub async fn settings(
    conn: &mut AnyConnection,
    guild: i64,
) -> Result<TeachingSettings, sqlx::Error> {
    let row =
        sqlx::query("SELECT mentor_role, answer_forum FROM teaching_settings WHERE guild = $1")
            .bind(guild)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(match row {
        Some(row) => TeachingSettings {
            mentor_role: snowflake(row.try_get(0)?),
            answer_forum: snowflake(row.try_get(1)?),
        },
        None => TeachingSettings::default(),
    })
}

/// Sets the mentor role, leaving the server's other settings as they are.
pub async fn save_mentor_role(
    conn: &mut AnyConnection,
    guild: i64,
    role: Option<i64>,
    actor: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO teaching_settings (guild, mentor_role, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (guild) DO UPDATE SET \
         mentor_role = excluded.mentor_role, updated_at = excluded.updated_at, \
         updated_by = excluded.updated_by",
    )
    .bind(guild)
    .bind(role)
    .bind(now)
    .bind(actor)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Forgets every draft past its time, whoever wrote it: nothing else ever reads them.
pub async fn delete_expired_drafts(conn: &mut AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM article_drafts WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn insert_draft(
    conn: &mut AnyConnection,
    draft: &Draft,
    guild: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO article_drafts (token, guild, author, title, body, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(draft.id.0.as_str())
    .bind(guild)
    .bind(draft.author.as_str())
    .bind(draft.title.as_str())
    .bind(draft.text.as_str())
    .bind(draft.created_at)
    .bind(draft.expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes and returns the draft `id` of `guild` if `author` wrote it and it has not
/// expired: deleting is what makes a second take (a replayed click) find nothing.
pub async fn take_draft(
    conn: &mut AnyConnection,
    id: &DraftId,
    guild: i64,
    author: &str,
    now: i64,
) -> Result<Option<(String, String, i64, i64)>, sqlx::Error> {
    let row = sqlx::query(
        "DELETE FROM article_drafts \
         WHERE token = $1 AND guild = $2 AND author = $3 AND expires_at > $4 \
         RETURNING title, body, created_at, expires_at",
    )
    .bind(id.0.as_str())
    .bind(guild)
    .bind(author)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        Ok((
            row.try_get(0)?,
            row.try_get(1)?,
            row.try_get(2)?,
            row.try_get(3)?,
        ))
    })
    .transpose()
}

/// Who wrote draft `id` of `guild` and when it expires, if it is still there.
pub async fn draft_owner(
    conn: &mut AnyConnection,
    id: &DraftId,
    guild: i64,
) -> Result<Option<(String, i64)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT author, expires_at FROM article_drafts WHERE token = $1 AND guild = $2",
    )
    .bind(id.0.as_str())
    .bind(guild)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .transpose()
}

pub async fn delete_draft(
    conn: &mut AnyConnection,
    id: &DraftId,
    guild: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM article_drafts WHERE token = $1 AND guild = $2")
        .bind(id.0.as_str())
        .bind(guild)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A new article, unless a live one of `guild` has the same hash (then `None`).
pub struct NewArticle<'a> {
    pub guild: i64,
    pub title: &'a str,
    pub slug: &'a str,
    pub text: &'a str,
    pub content_hash: &'a str,
    pub author: &'a str,
    pub now: i64,
}

pub async fn insert_article(
    conn: &mut AnyConnection,
    new: &NewArticle<'_>,
) -> Result<Option<i64>, sqlx::Error> {
    // The conflict target names the partial index's condition, which both backends need to
    // match it: a removed article with the same text is no conflict.
    let row = sqlx::query(
        "INSERT INTO articles (guild, title, slug, body, content_hash, added_at, added_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (guild, content_hash) WHERE removed_at IS NULL DO NOTHING RETURNING id",
    )
    .bind(new.guild)
    .bind(new.title)
    .bind(new.slug)
    .bind(new.text)
    .bind(new.content_hash)
    .bind(new.now)
    .bind(new.author)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| row.try_get(0)).transpose()
}

/// The live article of `guild` whose text has `hash`: its id and title.
pub async fn live_with_hash(
    conn: &mut AnyConnection,
    guild: i64,
    hash: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, title FROM articles \
         WHERE guild = $1 AND content_hash = $2 AND removed_at IS NULL",
    )
    .bind(guild)
    .bind(hash)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .transpose()
}

pub async fn insert_event(
    conn: &mut AnyConnection,
    article: i64,
    guild: i64,
    action: ArticleAction,
    actor: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO article_events (article_id, guild, action, actor, at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(article)
    .bind(guild)
    .bind(action.key())
    .bind(actor)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Hides article `id` of `guild`; the article as it was, or `None` if there is no such live
/// article.
pub async fn mark_removed(
    conn: &mut AnyConnection,
    guild: i64,
    id: i64,
    actor: &str,
    now: i64,
) -> Result<Option<Article>, sqlx::Error> {
    let sql = format!(
        "UPDATE articles SET removed_at = $1, removed_by = $2 \
         WHERE guild = $3 AND id = $4 AND removed_at IS NULL RETURNING {ARTICLE_COLUMNS}"
    );
    let row = sqlx::query(&sql)
        .bind(now)
        .bind(actor)
        .bind(guild)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|row| article_from_row(&row, guild)).transpose()
}

/// The live articles of `guild`, newest first, without their texts.
pub async fn live_articles(
    conn: &mut AnyConnection,
    guild: i64,
) -> Result<Vec<Article>, sqlx::Error> {
    let sql = format!(
        "SELECT {ARTICLE_COLUMNS} FROM articles WHERE guild = $1 AND removed_at IS NULL \
         ORDER BY id DESC"
    );
    let rows = sqlx::query(&sql).bind(guild).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| article_from_row(row, guild))
        .collect()
}

/// The live articles of `guild` with their texts, oldest first.
pub async fn live_texts(
    conn: &mut AnyConnection,
    guild: i64,
) -> Result<Vec<ArticleText>, sqlx::Error> {
    let sql = format!(
        "SELECT {ARTICLE_COLUMNS}, body FROM articles WHERE guild = $1 AND removed_at IS NULL \
         ORDER BY id"
    );
    let rows = sqlx::query(&sql).bind(guild).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok(ArticleText {
                article: article_from_row(row, guild)?,
                text: row.try_get(6)?,
            })
        })
        .collect()
}

/// The ids of `guild`'s live articles, oldest first (from the `articles_live` index alone).
pub async fn live_ids(conn: &mut AnyConnection, guild: i64) -> Result<Vec<i64>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id FROM articles WHERE guild = $1 AND removed_at IS NULL ORDER BY id")
            .bind(guild)
            .fetch_all(&mut *conn)
            .await?;
    rows.iter().map(|row| row.try_get(0)).collect()
}

/// `guild`'s live article `id` with its text, if it is live.
pub async fn live_text(
    conn: &mut AnyConnection,
    guild: i64,
    id: i64,
) -> Result<Option<ArticleText>, sqlx::Error> {
    let sql = format!(
        "SELECT {ARTICLE_COLUMNS}, body FROM articles \
         WHERE guild = $1 AND id = $2 AND removed_at IS NULL"
    );
    let row = sqlx::query(&sql)
        .bind(guild)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|row| {
        Ok(ArticleText {
            article: article_from_row(&row, guild)?,
            text: row.try_get(6)?,
        })
    })
    .transpose()
}

/// The latest `limit` changes of `guild`'s articles, newest first.
pub async fn history(
    conn: &mut AnyConnection,
    guild: i64,
    limit: i64,
) -> Result<Vec<ArticleEvent>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT e.article_id, a.title, e.action, e.actor, e.at \
         FROM article_events e JOIN articles a ON a.id = e.article_id \
         WHERE e.guild = $1 ORDER BY e.id DESC LIMIT $2",
    )
    .bind(guild)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(event_from_row).collect()
}

fn event_from_row(row: &AnyRow) -> Result<ArticleEvent, sqlx::Error> {
    let key: String = row.try_get(2)?;
    let action = ArticleAction::from_key(&key)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown article action {key:?}").into()))?;
    Ok(ArticleEvent {
        article_id: row.try_get(0)?,
        title: row.try_get(1)?,
        action,
        actor: row.try_get(3)?,
        at: row.try_get(4)?,
    })
}

fn article_from_row(row: &AnyRow, guild: i64) -> Result<Article, sqlx::Error> {
    Ok(Article {
        id: row.try_get(0)?,
        guild: u64::try_from(guild).unwrap_or_default(),
        title: row.try_get(1)?,
        slug: row.try_get(2)?,
        content_hash: row.try_get(3)?,
        added_by: row.try_get(4)?,
        added_at: row.try_get(5)?,
    })
}

/// The servers with at least one live article, in id order.
pub async fn servers_with_articles(conn: &mut AnyConnection) -> Result<Vec<i64>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT DISTINCT guild FROM articles WHERE removed_at IS NULL ORDER BY guild")
            .fetch_all(&mut *conn)
            .await?;
    rows.iter().map(|row| row.try_get(0)).collect()
}
