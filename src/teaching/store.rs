//! The teaching store: each server's mentor role, drafts waiting for their author's Add,
//! the articles mentors added and their history, kept in the one [`Database`] the job board
//! uses (SQLite or PostgreSQL, same SQL).
//!
//! Every change is one transaction whose first statement writes (as in `jobs::store`): SQLite
//! takes its write lock before reading, and an article and its audit event commit together or
//! not at all. Articles are never deleted; removal hides them.
//!
//! Ids: `guild` and role ids are Discord snowflakes (0 for outside servers, the terminal);
//! `actor` and `author` are user ids as the job board records them (`operator` at the
//! terminal); `now` is Unix seconds, from the caller, so tests choose the clock.

pub mod forum;
pub mod gaps;
mod rows;
pub mod votes;

use std::collections::HashMap;

use rand::Rng;
use sqlx::{AnyConnection, AnyPool, Row};

use super::model::{
    article_slug, checked, content_hash, Article, ArticleAction, ArticleEvent, ArticleText, Draft,
    DraftId, TeachingSettings, TextProblem, DRAFT_LIFETIME_SECS,
};
use crate::database::{Backend, Database, OpenError};
use rows::{db_id, NewArticle};

/// Why the teaching store refused or failed; each refusal says what happened in words a
/// mentor understands.
#[derive(Debug, thiserror::Error)]
pub enum TeachingError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error("the teaching database failed")]
    Database(#[from] sqlx::Error),
    #[error("{0}")]
    Text(#[from] TextProblem),
    #[error("this text was already added, as article #{id} \"{title}\"")]
    AlreadyAdded { id: i64, title: String },
    #[error("there is no article #{0} on this server")]
    NoSuchArticle(i64),
    /// Confirmed, discarded or forgotten after expiring: a replayed Add lands here.
    #[error("this draft is gone: it was already added or discarded, or it expired")]
    DraftGone,
    #[error("this draft expired; start again to add it")]
    DraftExpired,
    #[error("only the person who made this draft can add or discard it")]
    NotYourDraft,
    #[error("{0} is not a Discord id")]
    BadId(u64),
}

/// The teaching store on a shared database. Cloning shares its pool.
#[derive(Debug, Clone)]
pub struct TeachingStore {
    pool: AnyPool,
    backend: Backend,
}

/// The PostgreSQL channel on which a change to a server's articles is announced (its
/// payload: the server's id), in the same transaction as the change: every rolecall process
/// sharing the database rebuilds that server's base (`service::following`).
pub const ARTICLES_CHANGED: &str = "rolecall_articles";

impl TeachingStore {
    /// Opens (creating and migrating if need be) the database at `url` for teaching alone;
    /// a running bot shares the job store's database instead ([`TeachingStore::on`]).
    pub async fn open(url: &str) -> Result<TeachingStore, TeachingError> {
        Ok(TeachingStore::on(&Database::open(url).await?))
    }

    /// The teaching store in `database`, already migrated when it opened.
    pub fn on(database: &Database) -> TeachingStore {
        TeachingStore {
            pool: database.pool().clone(),
            backend: database.backend(),
        }
    }

    /// The server's teaching settings; defaults when none were saved.
    pub async fn settings(&self, guild: u64) -> Result<TeachingSettings, TeachingError> {
        let mut conn = self.pool.acquire().await?;
        Ok(rows::settings(&mut conn, db_id(guild)?).await?)
    }

    /// Names the server's mentor role (`None` forgets it); other settings stay. Returns the
    /// settings as saved. Rights are the caller's to check (`teaching::rights`).
    pub async fn set_mentor_role(
        &self,
        guild: u64,
        role: Option<u64>,
        actor: &str,
        now: i64,
    ) -> Result<TeachingSettings, TeachingError> {
        let guild = db_id(guild)?;
        let role = role.map(db_id).transpose()?;
        let mut tx = self.pool.begin().await?;
        rows::save_mentor_role(&mut tx, guild, role, actor, now).await?;
        let settings = rows::settings(&mut tx, guild).await?;
        tx.commit().await?;
        Ok(settings)
    }

    /// Keeps `title` and `text` (checked and normalised) as a draft of `author` in `guild`
    /// for [`DRAFT_LIFETIME_SECS`]; its id goes in the Add button. Drafts past their time
    /// are forgotten here, so none lingers.
    pub async fn save_draft(
        &self,
        guild: u64,
        author: &str,
        title: &str,
        text: &str,
        now: i64,
    ) -> Result<Draft, TeachingError> {
        let (title, text) = checked(title, text)?;
        let draft = Draft {
            id: new_draft_id(),
            guild,
            author: author.to_owned(),
            title,
            text,
            created_at: now,
            expires_at: now.saturating_add(DRAFT_LIFETIME_SECS),
        };
        let mut tx = self.pool.begin().await?;
        rows::delete_expired_drafts(&mut tx, now).await?;
        rows::insert_draft(&mut tx, &draft, db_id(guild)?).await?;
        tx.commit().await?;
        Ok(draft)
    }

    /// Takes draft `id` for `author` to confirm: only its author, only in its server, only
    /// before it expires, and only once (taking deletes it, so a replayed Add finds
    /// [`TeachingError::DraftGone`]). Usually [`TeachingStore::confirm_draft`] is what the
    /// Add button wants: it takes and adds in one transaction.
    pub async fn take_draft(
        &self,
        id: &DraftId,
        guild: u64,
        author: &str,
        now: i64,
    ) -> Result<Draft, TeachingError> {
        let mut tx = self.pool.begin().await?;
        let draft = take(&mut tx, id, guild, author, now).await;
        // An expired draft is deleted on the way out, whatever the answer.
        tx.commit().await?;
        draft
    }

    /// Forgets draft `id` (its author's Cancel). An expired or already used draft is fine:
    /// there is nothing left to discard.
    pub async fn discard_draft(
        &self,
        id: &DraftId,
        guild: u64,
        author: &str,
        now: i64,
    ) -> Result<(), TeachingError> {
        match self.take_draft(id, guild, author, now).await {
            Ok(_) | Err(TeachingError::DraftGone | TeachingError::DraftExpired) => Ok(()),
            Err(other) => Err(other),
        }
    }

    /// Adds an article to `guild` with its audit event; refuses a text the server already
    /// has live ([`TeachingError::AlreadyAdded`], however it was pasted: see
    /// [`super::model::content_hash`]).
    pub async fn add(
        &self,
        guild: u64,
        title: &str,
        text: &str,
        author: &str,
        now: i64,
    ) -> Result<Article, TeachingError> {
        let (title, text) = checked(title, text)?;
        let mut tx = self.pool.begin().await?;
        let article = add(&mut tx, guild, &title, &text, author, now).await?;
        self.announce(&mut tx, guild).await?;
        tx.commit().await?;
        Ok(article)
    }

    /// The Add click: takes `author`'s draft `id` and adds it as an article, in one
    /// transaction, so a draft is either added or still there.
    pub async fn confirm_draft(
        &self,
        id: &DraftId,
        guild: u64,
        author: &str,
        now: i64,
    ) -> Result<Article, TeachingError> {
        let mut tx = self.pool.begin().await?;
        let draft = match take(&mut tx, id, guild, author, now).await {
            Ok(draft) => draft,
            Err(refused) => {
                tx.commit().await?;
                return Err(refused);
            }
        };
        let article = add(&mut tx, guild, &draft.title, &draft.text, author, now).await?;
        self.announce(&mut tx, guild).await?;
        tx.commit().await?;
        Ok(article)
    }

    /// The live articles of `guild`, newest first, without their texts.
    pub async fn list(&self, guild: u64) -> Result<Vec<Article>, TeachingError> {
        let mut conn = self.pool.acquire().await?;
        Ok(rows::live_articles(&mut conn, db_id(guild)?).await?)
    }

    /// Hides article `id` of `guild` from the knowledge base, with its audit event; it stays
    /// in the database with who removed it. Returns the article as it was.
    pub async fn remove(
        &self,
        guild: u64,
        id: i64,
        actor: &str,
        now: i64,
    ) -> Result<Article, TeachingError> {
        let guild_id = db_id(guild)?;
        let mut tx = self.pool.begin().await?;
        let article = rows::mark_removed(&mut tx, guild_id, id, actor, now)
            .await?
            .ok_or(TeachingError::NoSuchArticle(id))?;
        rows::insert_event(&mut tx, id, guild_id, ArticleAction::Remove, actor, now).await?;
        self.announce(&mut tx, guild).await?;
        tx.commit().await?;
        Ok(article)
    }

    /// Tells the other processes on this database that `guild`'s articles changed, when
    /// the transaction commits (PostgreSQL delivers a notification only then, and not at
    /// all on a rollback). SQLite serves one process: nothing to tell.
    async fn announce(&self, tx: &mut AnyConnection, guild: u64) -> Result<(), TeachingError> {
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(ARTICLES_CHANGED)
                .bind(guild.to_string())
                .execute(tx)
                .await?;
        }
        Ok(())
    }

    /// Every server with live articles, and their ids, oldest first: what each server's
    /// base should be built from (a process compares it with what its bases were built
    /// from when it may have missed an announcement).
    pub async fn live_article_ids(&self) -> Result<Vec<(u64, Vec<i64>)>, TeachingError> {
        let rows = sqlx::query(
            "SELECT guild, id FROM articles WHERE removed_at IS NULL ORDER BY guild, id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut servers: Vec<(u64, Vec<i64>)> = Vec::new();
        for row in rows {
            let guild = u64::try_from(row.try_get::<i64, _>("guild")?).unwrap_or_default();
            let id: i64 = row.try_get("id")?;
            match servers.last_mut() {
                Some((last, ids)) if *last == guild => ids.push(id),
                _ => servers.push((guild, vec![id])),
            }
        }
        Ok(servers)
    }

    /// The latest `limit` additions and removals in `guild`, newest first.
    pub async fn history(
        &self,
        guild: u64,
        limit: usize,
    ) -> Result<Vec<ArticleEvent>, TeachingError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut conn = self.pool.acquire().await?;
        Ok(rows::history(&mut conn, db_id(guild)?, limit).await?)
    }

    /// The live articles of `guild` with their texts, oldest first (the order they were
    /// added, so a knowledge base built from them does not depend on when it is built).
    pub async fn articles_of(&self, guild: u64) -> Result<Vec<ArticleText>, TeachingError> {
        let mut conn = self.pool.acquire().await?;
        Ok(rows::live_texts(&mut conn, db_id(guild)?).await?)
    }

    /// `guild`'s live articles with their texts, oldest first, taking from `read` (articles
    /// read before, by id) those it holds, and reading only the others: a server with 10,000
    /// articles gains one without reading 10,000 texts again, nor their rows (the live ids
    /// come from an index). An article's text and title never change under its id (editing
    /// is removing and adding); only its removal, which the listing sees, and its author's
    /// pseudonym after `/me forget`, which no knowledge base reads.
    pub async fn articles_of_reusing(
        &self,
        guild: u64,
        mut read: HashMap<i64, ArticleText>,
    ) -> Result<Vec<ArticleText>, TeachingError> {
        let mut conn = self.pool.acquire().await?;
        let guild = db_id(guild)?;
        let live = rows::live_ids(&mut conn, guild).await?;
        let unread = live.iter().filter(|id| !read.contains_key(id)).count();
        // Past a few, one query for all of them beats one per article.
        if unread > READ_ONE_BY_ONE {
            return Ok(rows::live_texts(&mut conn, guild).await?);
        }
        let mut texts = Vec::with_capacity(live.len());
        for id in live {
            match read.remove(&id) {
                Some(text) => texts.push(text),
                // Gone since it was listed: not live any more.
                None => texts.extend(rows::live_text(&mut conn, guild, id).await?),
            }
        }
        Ok(texts)
    }

    /// The servers with live articles: those whose knowledge base is their own.
    pub async fn servers_with_articles(&self) -> Result<Vec<u64>, TeachingError> {
        let mut conn = self.pool.acquire().await?;
        let servers = rows::servers_with_articles(&mut conn).await?;
        // Ids are kept as the database's signed integers and were never negative.
        Ok(servers
            .into_iter()
            .filter_map(|id| u64::try_from(id).ok())
            .collect())
    }
}

/// How many articles not read before [`TeachingStore::articles_of_reusing`] reads one by
/// one; more are read with all the others in one query.
const READ_ONE_BY_ONE: usize = 16;

/// A fresh draft id: 128 random bits from the thread's CSPRNG, as hex.
fn new_draft_id() -> DraftId {
    DraftId(hex::encode(rand::thread_rng().gen::<[u8; 16]>()))
}

/// Takes the draft within `conn`'s transaction; when refused, says why (and deletes an
/// expired one). A draft of another server reads as gone: its existence is not told.
async fn take(
    conn: &mut AnyConnection,
    id: &DraftId,
    guild: u64,
    author: &str,
    now: i64,
) -> Result<Draft, TeachingError> {
    let guild_id = db_id(guild)?;
    if let Some((title, text, created_at, expires_at)) =
        rows::take_draft(conn, id, guild_id, author, now).await?
    {
        return Ok(Draft {
            id: id.clone(),
            guild,
            author: author.to_owned(),
            title,
            text,
            created_at,
            expires_at,
        });
    }
    match rows::draft_owner(conn, id, guild_id).await? {
        None => Err(TeachingError::DraftGone),
        Some((owner, _)) if owner != author => Err(TeachingError::NotYourDraft),
        Some(_) => {
            rows::delete_draft(conn, id, guild_id).await?;
            Err(TeachingError::DraftExpired)
        }
    }
}

/// Adds an article and its event within `conn`'s transaction; `title` and `text` are
/// already checked.
async fn add(
    conn: &mut AnyConnection,
    guild: u64,
    title: &str,
    text: &str,
    author: &str,
    now: i64,
) -> Result<Article, TeachingError> {
    let guild_id = db_id(guild)?;
    let hash = content_hash(text);
    let slug = article_slug(title);
    let new = NewArticle {
        guild: guild_id,
        title,
        slug: &slug,
        text,
        content_hash: &hash,
        author,
        now,
    };
    let Some(id) = rows::insert_article(conn, &new).await? else {
        let (id, title) = rows::live_with_hash(conn, guild_id, &hash)
            .await?
            .unwrap_or_default();
        return Err(TeachingError::AlreadyAdded { id, title });
    };
    rows::insert_event(conn, id, guild_id, ArticleAction::Add, author, now).await?;
    Ok(Article {
        id,
        guild,
        title: title.to_owned(),
        slug,
        content_hash: hash,
        added_by: author.to_owned(),
        added_at: now,
    })
}
