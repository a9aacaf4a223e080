//! The store's statements on jobs, their roles, events and board settings, and the mapping
//! between rows and jobs. Every statement is written once, in
//! the SQL that SQLite and PostgreSQL share, with `$n` placeholders both accept.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::conditions::{AnyQuery, Conditions};
use super::JobEvent;
use crate::jobs::model::{Board, BoardSettings, Job, JobDraft, Salary};

/// Who imported the articles' jobs, in the audit trail.
pub const IMPORTER: &str = "knowledge base";

/// The columns of a job, in the order [`job_from_row`] reads them.
pub const JOB_COLUMNS: &str = "j.id, j.board, j.title, j.company, j.location, j.remote, \
    j.employment_type, j.level, j.salary_min, j.salary_max, j.currency, j.apply_url, \
    j.expires_at, j.source, j.posted_at, j.posted_by, j.updated_at, j.updated_by, j.version";

/// The fields of a draft in the order [`bind_draft`] binds them.
const DRAFT_COLUMNS: &str = "title, company, location, remote, employment_type, level, \
    salary_min, salary_max, currency, apply_url, expires_at";

/// Binds a draft's fields in [`DRAFT_COLUMNS`] order.
fn bind_draft<'q>(query: AnyQuery<'q>, draft: &'q JobDraft) -> AnyQuery<'q> {
    let salary = draft.salary.as_ref();
    query
        .bind(draft.title.as_str())
        .bind(draft.company.as_str())
        .bind(draft.location.as_str())
        .bind(i64::from(draft.remote))
        .bind(draft.employment_type.as_deref())
        .bind(draft.level.as_deref())
        .bind(salary.map(|s| s.min))
        .bind(salary.map(|s| s.max))
        .bind(salary.map(|s| s.currency.as_str()))
        .bind(draft.apply_url.as_deref())
        .bind(draft.expires_at)
}

/// `$first, $first+1, …` for `count` placeholders.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn insert_job(
    conn: &mut AnyConnection,
    board: Board,
    draft: &JobDraft,
    source: Option<&str>,
    actor: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let sql = format!(
        "INSERT INTO jobs ({DRAFT_COLUMNS}, board, source, posted_at, posted_by) \
         VALUES ({}) RETURNING id",
        placeholders(1, 15)
    );
    let query = bind_draft(sqlx::query(&sql), draft)
        .bind(board.id())
        .bind(source)
        .bind(now)
        .bind(actor);
    query.fetch_one(&mut *conn).await?.try_get(0)
}

/// Inserts an imported job unless `key` is already on the board; its id if it was new.
pub async fn insert_seed(
    conn: &mut AnyConnection,
    board: Board,
    draft: &JobDraft,
    key: &str,
    source: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let sql = format!(
        "INSERT INTO jobs ({DRAFT_COLUMNS}, board, source, posted_at, posted_by, seed_key) \
         VALUES ({}) ON CONFLICT (board, seed_key) DO NOTHING RETURNING id",
        placeholders(1, 16)
    );
    let query = bind_draft(sqlx::query(&sql), draft)
        .bind(board.id())
        .bind(source)
        .bind(now)
        .bind(IMPORTER)
        .bind(key);
    match query.fetch_optional(&mut *conn).await? {
        Some(row) => Ok(Some(row.try_get(0)?)),
        None => Ok(None),
    }
}

/// Tags job `job` (already inserted) with `roles`; each tag copies the job's board and
/// posting time, which `/jobs fit:true` reads a role's jobs in order by.
pub async fn insert_roles(
    conn: &mut AnyConnection,
    job: i64,
    roles: &[String],
) -> Result<(), sqlx::Error> {
    for role in roles {
        sqlx::query(
            "INSERT INTO job_roles (job_id, role, board, posted_at) \
             SELECT j.id, $1, j.board, j.posted_at FROM jobs j WHERE j.id = $2",
        )
        .bind(role.as_str())
        .bind(job)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn replace_roles(
    conn: &mut AnyConnection,
    job: i64,
    roles: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM job_roles WHERE job_id = $1")
        .bind(job)
        .execute(&mut *conn)
        .await?;
    insert_roles(conn, job, roles).await
}

/// Records a change with the job's fields after it.
pub async fn insert_event(
    conn: &mut AnyConnection,
    job: i64,
    board: Board,
    action: &str,
    actor: &str,
    now: i64,
    draft: &JobDraft,
) -> Result<(), sqlx::Error> {
    let details = serde_json::to_string(draft).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "INSERT INTO job_events (job_id, board, action, actor, at, details) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(job)
    .bind(board.id())
    .bind(action)
    .bind(actor)
    .bind(now)
    .bind(details)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Stores `draft` over job `id` if it is still at `version`; false if it changed meanwhile
/// (or is gone).
pub async fn update_job(
    conn: &mut AnyConnection,
    board: Board,
    id: i64,
    version: i64,
    draft: &JobDraft,
    actor: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let assignments: Vec<String> = DRAFT_COLUMNS
        .split(", ")
        .enumerate()
        .map(|(i, column)| format!("{column} = ${}", i + 1))
        .collect();
    let sql = format!(
        "UPDATE jobs SET {}, updated_at = $12, updated_by = $13, version = version + 1 \
         WHERE board = $14 AND id = $15 AND version = $16 AND removed_at IS NULL",
        assignments.join(", ")
    );
    let result = bind_draft(sqlx::query(&sql), draft)
        .bind(now)
        .bind(actor)
        .bind(board.id())
        .bind(id)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Hides job `id` from listings; the job as it was, or `None` if there is no such live job.
pub async fn mark_removed(
    conn: &mut AnyConnection,
    board: Board,
    id: i64,
    actor: &str,
    now: i64,
) -> Result<Option<Job>, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE jobs SET removed_at = $1, removed_by = $2, version = version + 1 \
         WHERE board = $3 AND id = $4 AND removed_at IS NULL",
    )
    .bind(now)
    .bind(actor)
    .bind(board.id())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if result.rows_affected() == 0 {
        return Ok(None);
    }
    let sql = format!("SELECT {JOB_COLUMNS} FROM jobs j WHERE j.board = $1 AND j.id = $2");
    let conditions = Conditions::default();
    let mut jobs = fetch_jobs_with(conn, &sql, &conditions, &[board.id(), id]).await?;
    Ok(jobs.pop())
}

/// The live job `id` of `board`.
pub async fn fetch_job(
    conn: &mut AnyConnection,
    board: Board,
    id: i64,
) -> Result<Option<Job>, sqlx::Error> {
    let sql = format!(
        "SELECT {JOB_COLUMNS} FROM jobs j WHERE j.board = $1 AND j.id = $2 AND j.removed_at IS NULL"
    );
    let conditions = Conditions::default();
    let mut jobs = fetch_jobs_with(conn, &sql, &conditions, &[board.id(), id]).await?;
    Ok(jobs.pop())
}

/// The live jobs `ids` names, in that order, with their roles.
pub async fn fetch_jobs_by_id(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<Vec<Job>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {JOB_COLUMNS} FROM jobs j WHERE j.id IN ({}) AND j.removed_at IS NULL",
        placeholders(1, ids.len())
    );
    let mut jobs = fetch_jobs_with(conn, &sql, &Conditions::default(), ids).await?;
    jobs.sort_by_key(|job| ids.iter().position(|id| *id == job.id));
    Ok(jobs)
}

/// The jobs `sql` selects (its placeholders bound from `conditions`), with their roles.
pub async fn fetch_jobs(
    conn: &mut AnyConnection,
    sql: &str,
    conditions: &Conditions,
) -> Result<Vec<Job>, sqlx::Error> {
    fetch_jobs_with(conn, sql, conditions, &[]).await
}

async fn fetch_jobs_with(
    conn: &mut AnyConnection,
    sql: &str,
    conditions: &Conditions,
    extra: &[i64],
) -> Result<Vec<Job>, sqlx::Error> {
    let mut query = conditions.bind(sqlx::query(sql));
    for value in extra {
        query = query.bind(*value);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let mut jobs = rows
        .iter()
        .map(job_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    attach_roles(conn, &mut jobs).await?;
    Ok(jobs)
}

async fn attach_roles(conn: &mut AnyConnection, jobs: &mut [Job]) -> Result<(), sqlx::Error> {
    if jobs.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "SELECT job_id, role FROM job_roles WHERE job_id IN ({}) ORDER BY role",
        placeholders(1, jobs.len())
    );
    let mut query = sqlx::query(&sql);
    for job in jobs.iter() {
        query = query.bind(job.id);
    }
    for row in query.fetch_all(&mut *conn).await? {
        let (id, role): (i64, String) = (row.try_get(0)?, row.try_get(1)?);
        if let Some(job) = jobs.iter_mut().find(|j| j.id == id) {
            job.draft.roles.push(role);
        }
    }
    Ok(())
}

fn job_from_row(row: &AnyRow) -> Result<Job, sqlx::Error> {
    let salary = match (
        row.try_get::<Option<i64>, _>(8)?,
        row.try_get::<Option<i64>, _>(9)?,
        row.try_get::<Option<String>, _>(10)?,
    ) {
        (Some(min), Some(max), Some(currency)) => Some(Salary { min, max, currency }),
        _ => None,
    };
    Ok(Job {
        id: row.try_get(0)?,
        board: Board::from_id(row.try_get(1)?),
        draft: JobDraft {
            title: row.try_get(2)?,
            company: row.try_get(3)?,
            location: row.try_get(4)?,
            remote: row.try_get::<i64, _>(5)? != 0,
            employment_type: row.try_get(6)?,
            level: row.try_get(7)?,
            salary,
            apply_url: row.try_get(11)?,
            roles: Vec::new(),
            expires_at: row.try_get(12)?,
        },
        source: row.try_get(13)?,
        posted_at: row.try_get(14)?,
        posted_by: row.try_get(15)?,
        updated_at: row.try_get(16)?,
        updated_by: row.try_get(17)?,
        version: row.try_get(18)?,
    })
}

pub async fn history(
    conn: &mut AnyConnection,
    board: Board,
    id: i64,
) -> Result<Vec<JobEvent>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT action, actor, at, details FROM job_events \
         WHERE board = $1 AND job_id = $2 ORDER BY id",
    )
    .bind(board.id())
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(JobEvent {
                action: row.try_get(0)?,
                actor: row.try_get(1)?,
                at: row.try_get(2)?,
                details: row.try_get(3)?,
            })
        })
        .collect()
}

pub async fn settings(
    conn: &mut AnyConnection,
    board: Board,
) -> Result<BoardSettings, sqlx::Error> {
    let row =
        sqlx::query("SELECT moderator_role, announce_channel FROM board_settings WHERE board = $1")
            .bind(board.id())
            .fetch_optional(&mut *conn)
            .await?;
    let snowflake = |value: Option<i64>| value.and_then(|v| u64::try_from(v).ok());
    Ok(match row {
        Some(row) => BoardSettings {
            moderator_role: snowflake(row.try_get(0)?),
            announce_channel: snowflake(row.try_get(1)?),
        },
        None => BoardSettings::default(),
    })
}

pub async fn save_settings(
    conn: &mut AnyConnection,
    board: Board,
    settings: &BoardSettings,
    actor: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let snowflake = |value: Option<u64>| value.and_then(|v| i64::try_from(v).ok());
    sqlx::query(
        "INSERT INTO board_settings (board, moderator_role, announce_channel, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (board) DO UPDATE SET \
         moderator_role = excluded.moderator_role, announce_channel = excluded.announce_channel, \
         updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(board.id())
    .bind(snowflake(settings.moderator_role))
    .bind(snowflake(settings.announce_channel))
    .bind(now)
    .bind(actor)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
