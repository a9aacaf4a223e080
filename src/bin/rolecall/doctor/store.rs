//! The store at `DATABASE_URL`: reachable, and which migrations the next start would run.
//!
//! Nothing is changed: the migrations the binary carries (`sqlx::migrate!`) are compared with
//! the `_sqlx_migrations` table, the pending ones are run in one transaction that is then
//! rolled back (both backends undo schema changes with it), so a migration that would fail on
//! this store fails here first, and a SQLite file that does not exist yet is not created.
//! The rehearsal holds its tables' locks for as long as it runs (milliseconds), so `doctor`
//! is safe against the store a live bot is using.

use std::collections::HashMap;
use std::time::Duration;

use sqlx::migrate::{Migration, Migrator};
use sqlx::{AnyConnection, Connection, Row};

use super::{Class, Report, Status};

const NAME: &str = "DATABASE_URL";

/// Checks the store; the URL itself (a secret: it may carry a password) is never printed.
pub async fn check(url: &str, report: &mut Report) {
    sqlx::any::install_default_drivers();
    let (backend, migrator) = if let Some(path) = url.strip_prefix("sqlite:") {
        let file = path.trim_start_matches("//");
        let file = file.split('?').next().unwrap_or_default();
        if file != ":memory:" && !std::path::Path::new(file).exists() {
            report.add(
                Class::Store,
                NAME,
                Status::Ok,
                format!(
                    "SQLite file {file} does not exist yet: the first start creates it and runs \
                     all {} migrations",
                    sqlite().iter().count()
                ),
            );
            return;
        }
        ("SQLite", sqlite())
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        ("PostgreSQL", postgres())
    } else {
        let scheme: String = url.chars().take_while(|c| *c != ':').take(20).collect();
        report.add(
            Class::Store,
            NAME,
            Status::Problem,
            format!("must start with sqlite: or postgres:// (it starts with {scheme:?})"),
        );
        return;
    };
    let connecting = tokio::time::timeout(Duration::from_secs(10), AnyConnection::connect(url));
    let mut connection = match connecting.await {
        Ok(Ok(connection)) => connection,
        Ok(Err(error)) => {
            report.add(
                Class::Store,
                NAME,
                Status::Problem,
                format!(
                    "the {backend} store cannot be opened: {}",
                    redacted(&error, url)
                ),
            );
            return;
        }
        Err(_) => {
            report.add(
                Class::Store,
                NAME,
                Status::Problem,
                format!("the {backend} store did not answer within 10 s"),
            );
            return;
        }
    };
    let applied = applied_migrations(&mut connection).await;
    match applied {
        Ok(applied) => {
            let pending = compare(&migrator, &applied, report);
            let rehearsed = rehearse(&mut connection, &pending).await;
            report.add(
                Class::Store,
                NAME,
                if rehearsed.is_ok() {
                    Status::Ok
                } else {
                    Status::Problem
                },
                state(backend, &pending, rehearsed, url),
            );
        }
        Err(error) => report.add(
            Class::Store,
            NAME,
            Status::Problem,
            format!(
                "the {backend} store opened, but its migrations cannot be read: {}",
                redacted(&error, url)
            ),
        ),
    }
    let _ = connection.close().await;
}

/// A failed step of a rehearsal: which migration (or BEGIN, ROLLBACK), and why.
type Failed = (String, sqlx::Error);

/// Runs `pending` in one transaction and rolls it back: whether they apply to this store as
/// it is, with nothing changed.
async fn rehearse(connection: &mut AnyConnection, pending: &[&Migration]) -> Result<(), Failed> {
    if pending.is_empty() {
        return Ok(());
    }
    let mut transaction = connection
        .begin()
        .await
        .map_err(|error| ("BEGIN".to_owned(), error))?;
    for migration in pending {
        sqlx::raw_sql(&migration.sql)
            .execute(&mut *transaction)
            .await
            .map_err(|error| (named(migration), error))?;
    }
    transaction
        .rollback()
        .await
        .map_err(|error| ("ROLLBACK".to_owned(), error))
}

/// What the store's line says: up to date, or the pending migrations and their rehearsal.
fn state(
    backend: &str,
    pending: &[&Migration],
    rehearsed: Result<(), Failed>,
    url: &str,
) -> String {
    if pending.is_empty() {
        return format!("the {backend} store opens; up to date");
    }
    let list: Vec<String> = pending.iter().map(|m| named(m)).collect();
    let pending = format!(
        "{} pending migration(s), run at the next start: {}",
        list.len(),
        list.join(", ")
    );
    match rehearsed {
        Ok(()) => format!(
            "the {backend} store opens; {pending} (run in a transaction and rolled back: they apply)"
        ),
        Err((step, error)) => format!(
            "the {backend} store opens, but the next start would fail: {step} fails on it: {} \
             ({pending}; rolled back, nothing changed)",
            redacted(&error, url)
        ),
    }
}

fn named(migration: &Migration) -> String {
    format!("{} {}", migration.version, migration.description)
}

fn sqlite() -> Migrator {
    sqlx::migrate!("migrations/sqlite")
}

fn postgres() -> Migrator {
    sqlx::migrate!("migrations/postgres")
}

/// An error's text without the URL in it (sqlx may quote it).
fn redacted(error: &sqlx::Error, url: &str) -> String {
    error.to_string().replace(url, "[DATABASE_URL]")
}

/// The versions already applied and their checksums; none when the table is not there yet
/// (a store nothing has migrated).
async fn applied_migrations(
    connection: &mut AnyConnection,
) -> Result<HashMap<i64, Vec<u8>>, sqlx::Error> {
    let rows = match sqlx::query("SELECT version, checksum FROM _sqlx_migrations")
        .fetch_all(&mut *connection)
        .await
    {
        Ok(rows) => rows,
        Err(sqlx::Error::Database(error))
            if error.message().contains("_sqlx_migrations")
                && (error.message().contains("no such table")
                    || error.message().contains("does not exist")) =>
        {
            return Ok(HashMap::new())
        }
        Err(error) => return Err(error),
    };
    rows.iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect()
}

/// Pending migrations are normal (the next start runs them; returned, to be rehearsed); a
/// changed or unknown one stops the next start, so it is a problem.
fn compare<'m>(
    migrator: &'m Migrator,
    applied: &HashMap<i64, Vec<u8>>,
    report: &mut Report,
) -> Vec<&'m Migration> {
    let known: Vec<i64> = migrator.iter().map(|m| m.version).collect();
    let changed: Vec<String> = migrator
        .iter()
        .filter(|m| {
            applied
                .get(&m.version)
                .is_some_and(|sum| *sum != *m.checksum)
        })
        .map(named)
        .collect();
    let unknown: Vec<i64> = applied
        .keys()
        .filter(|version| !known.contains(version))
        .copied()
        .collect();
    if !changed.is_empty() {
        report.add(
            Class::Store,
            NAME,
            Status::Problem,
            format!(
                "applied migrations changed since they ran (the next start refuses): {}",
                changed.join(", ")
            ),
        );
    }
    if !unknown.is_empty() {
        report.add(
            Class::Store,
            NAME,
            Status::Problem,
            format!(
                "the store has migrations this binary does not know (a newer rolecall ran): {unknown:?}"
            ),
        );
    }
    migrator
        .iter()
        .filter(|m| !applied.contains_key(&m.version))
        .collect()
}
