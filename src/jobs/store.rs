//! The job store: SQLite by default, PostgreSQL when the URL names one, through the same
//! code (sqlx's `Any` driver, SQL both understand, `$n` placeholders), in the tables of the
//! one [`Database`] (opened and migrated by `crate::database`).
//!
//! Every change is one transaction whose first statement writes, so SQLite takes its write
//! lock before reading (no `SQLITE_BUSY` upgrade failures) and PostgreSQL locks the row; the
//! change and its audit event commit together or not at all.

mod by_fit;
mod conditions;
mod rows;

use sqlx::AnyPool;

use super::model::{Board, BoardSettings, Job, JobDraft, JobPage, JobQuery, SalaryBand};
use super::validate::FieldError;
use conditions::Conditions;
use rows::JOB_COLUMNS;

pub use crate::database::Backend;
use crate::database::{Database, OpenError};

/// Listings count matching jobs up to this many (200 pages of 5); past it they say "1000+".
pub const COUNT_CAP: usize = 1000;

/// An import this large refreshes the query planner's statistics.
const BULK: usize = 1000;

/// How often an edit that raced another edit of the same job is tried again.
const EDIT_ATTEMPTS: usize = 5;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error("the job database failed")]
    Database(#[from] sqlx::Error),
    #[error("there is no job #{0} on this board")]
    NotFound(i64),
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("job #{0} kept changing while it was edited; try again")]
    Contended(i64),
}

/// A job imported from an article: `key` identifies it among a board's imports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seed {
    pub key: String,
    pub source: String,
    pub draft: JobDraft,
}

/// One change in a job's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobEvent {
    pub action: String,
    pub actor: String,
    pub at: i64,
    /// The job's fields after the change, as JSON.
    pub details: String,
}

#[derive(Debug, Clone)]
pub struct JobStore {
    database: Database,
    pool: AnyPool,
}

impl JobStore {
    /// Opens (creating if need be) the database at `url`, brings its schema up to date and
    /// keeps jobs in it. `sqlite:` URLs are files (`sqlite:data/rolecall.db`), created with
    /// their directory.
    pub async fn open(url: &str) -> Result<JobStore, StoreError> {
        Ok(JobStore::on(Database::open(url).await?))
    }

    /// The job store in `database`, which may be shared with other stores.
    pub fn on(database: Database) -> JobStore {
        let pool = database.pool().clone();
        JobStore { database, pool }
    }

    /// The database the jobs are kept in, for the stores that share it.
    pub fn database(&self) -> &Database {
        &self.database
    }

    pub fn backend(&self) -> Backend {
        self.database.backend()
    }

    /// Closes every connection, waiting for work in flight.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Posts a new job; returns it as stored, with its id.
    pub async fn post(
        &self,
        board: Board,
        draft: &JobDraft,
        actor: &str,
        now: i64,
    ) -> Result<Job, StoreError> {
        let mut tx = self.pool.begin().await?;
        let id = rows::insert_job(&mut tx, board, draft, None, actor, now).await?;
        rows::insert_roles(&mut tx, id, &draft.roles).await?;
        rows::insert_event(&mut tx, id, board, "post", actor, now, draft).await?;
        let job = rows::fetch_job(&mut tx, board, id)
            .await?
            .ok_or(StoreError::NotFound(id))?;
        tx.commit().await?;
        Ok(job)
    }

    /// Imports the articles' jobs into `board`, each once: a seed already there (even if
    /// since edited or removed) is left alone. Returns how many were new.
    pub async fn import(
        &self,
        board: Board,
        seeds: &[Seed],
        now: i64,
    ) -> Result<usize, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut added = 0;
        for seed in seeds {
            let inserted =
                rows::insert_seed(&mut tx, board, &seed.draft, &seed.key, &seed.source, now)
                    .await?;
            if let Some(id) = inserted {
                rows::insert_roles(&mut tx, id, &seed.draft.roles).await?;
                rows::insert_event(
                    &mut tx,
                    id,
                    board,
                    "import",
                    rows::IMPORTER,
                    now,
                    &seed.draft,
                )
                .await?;
                added += 1;
            }
        }
        tx.commit().await?;
        if added >= BULK {
            // The query planners' statistics lag a bulk load until autovacuum (PostgreSQL) or
            // never (SQLite) catch up; listings would scan instead of using their index.
            sqlx::query("ANALYZE").execute(&self.pool).await?;
        }
        Ok(added)
    }

    /// The job `id` of `board`, unless it was removed.
    pub async fn get(&self, board: Board, id: i64) -> Result<Option<Job>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(rows::fetch_job(&mut conn, board, id).await?)
    }

    /// Edits job `id`: `change` turns the stored fields into the new ones (and may refuse).
    /// An edit that raced another is tried again on the fresh job.
    pub async fn edit(
        &self,
        board: Board,
        id: i64,
        change: impl Fn(JobDraft) -> Result<JobDraft, FieldError>,
        actor: &str,
        now: i64,
    ) -> Result<Job, StoreError> {
        for _ in 0..EDIT_ATTEMPTS {
            let current = self.get(board, id).await?.ok_or(StoreError::NotFound(id))?;
            let draft = change(current.draft)?;
            let mut tx = self.pool.begin().await?;
            // Writes first: the version check makes a concurrent edit lose cleanly.
            if !rows::update_job(&mut tx, board, id, current.version, &draft, actor, now).await? {
                continue;
            }
            rows::replace_roles(&mut tx, id, &draft.roles).await?;
            rows::insert_event(&mut tx, id, board, "edit", actor, now, &draft).await?;
            let job = rows::fetch_job(&mut tx, board, id)
                .await?
                .ok_or(StoreError::NotFound(id))?;
            tx.commit().await?;
            return Ok(job);
        }
        Err(StoreError::Contended(id))
    }

    /// Removes job `id` from listings; it stays in the database with who removed it.
    pub async fn remove(
        &self,
        board: Board,
        id: i64,
        actor: &str,
        now: i64,
    ) -> Result<Job, StoreError> {
        let mut tx = self.pool.begin().await?;
        let job = match rows::mark_removed(&mut tx, board, id, actor, now).await? {
            Some(job) => job,
            None => return Err(StoreError::NotFound(id)),
        };
        rows::insert_event(&mut tx, id, board, "remove", actor, now, &job.draft).await?;
        tx.commit().await?;
        Ok(job)
    }

    /// One page of the jobs on `board` that match `query` and have not expired: best fit
    /// first when the query ranks by fit, then newest first.
    pub async fn list(
        &self,
        board: Board,
        query: &JobQuery,
        now: i64,
        offset: usize,
        limit: usize,
    ) -> Result<JobPage, StoreError> {
        let conditions = Conditions::listing(board, query, now);
        let mut conn = self.pool.acquire().await?;
        let counted = conditions::count(&mut conn, &conditions, COUNT_CAP + 1).await?;
        let fits = by_fit::ranked_fits(&query.by_fit);
        let jobs = if fits.is_empty() {
            let sql = format!(
                "SELECT {JOB_COLUMNS} FROM jobs j WHERE {} ORDER BY j.posted_at DESC, j.id DESC \
                 LIMIT {limit} OFFSET {offset}",
                conditions.sql(),
            );
            rows::fetch_jobs(&mut conn, &sql, &conditions).await?
        } else {
            by_fit::page(&mut conn, (board, query, now), &fits, offset, limit).await?
        };
        Ok(JobPage {
            jobs,
            total: counted.min(COUNT_CAP),
            more: counted > COUNT_CAP,
        })
    }

    /// Salary bands (level × currency) of the listed jobs that match `query`.
    pub async fn salary_bands(
        &self,
        board: Board,
        query: &JobQuery,
        now: i64,
    ) -> Result<Vec<SalaryBand>, StoreError> {
        let conditions = Conditions::aggregate(board, query, now);
        let mut conn = self.pool.acquire().await?;
        Ok(conditions::salary_bands(&mut conn, &conditions).await?)
    }

    /// Every change of job `id`, oldest first (removed jobs included).
    pub async fn history(&self, board: Board, id: i64) -> Result<Vec<JobEvent>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(rows::history(&mut conn, board, id).await?)
    }

    pub async fn settings(&self, board: Board) -> Result<BoardSettings, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(rows::settings(&mut conn, board).await?)
    }

    pub async fn save_settings(
        &self,
        board: Board,
        settings: &BoardSettings,
        actor: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(rows::save_settings(&mut conn, board, settings, actor, now).await?)
    }
}
