//! The one database every store keeps its tables in: SQLite by default, PostgreSQL when the
//! URL names one, through sqlx's `Any` driver, with the versioned migrations of `migrations/`
//! run when it opens.
//!
//! One database, not one per store: a process opens one pool, a deployment backs up one file
//! or database, and the job board (`jobs::store`) and the mentors' articles
//! (`teaching::store`) share it. Each store takes a [`Database`] and owns its own tables.

use std::path::Path;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

/// How long a store call waits for a connection before it fails.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(2);

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("`DATABASE_URL` must start with sqlite: or postgres:// (it starts with {0:?})")]
    UnknownScheme(String),
    #[error("cannot create the directory {0} for the database")]
    CreateDir(String, #[source] std::io::Error),
    #[error("the database cannot be reached")]
    Connect(#[from] sqlx::Error),
    #[error("the database could not be migrated")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// An open, migrated database. Cloning shares its pool.
#[derive(Debug, Clone)]
pub struct Database {
    pool: AnyPool,
    backend: Backend,
}

impl Database {
    /// Opens (creating if need be) the database at `url` and brings its schema up to date.
    /// `sqlite:` URLs are files (`sqlite:data/rolecall.db`), created with their directory.
    pub async fn open(url: &str) -> Result<Database, OpenError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = connection_url(url)?;
        let options: AnyConnectOptions = url.parse()?;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 8,
            })
            // A store that is down (or a pool that stays busy) is an error within Discord's
            // three seconds, so the member reads "unavailable" rather than "the application
            // did not respond"; the pool keeps trying to reconnect on later calls.
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the writer; FULL syncs every commit,
                        // so an acknowledged change survives a crash of the process or machine.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        match backend {
            Backend::Sqlite => sqlx::migrate!("migrations/sqlite").run(&pool).await?,
            Backend::Postgres => sqlx::migrate!("migrations/postgres").run(&pool).await?,
        }
        Ok(Database { pool, backend })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// One round trip to the database (`SELECT 1`), for readiness probes.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    /// Closes every connection, waiting for work in flight.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The backend a URL names, and the URL sqlx should open (a SQLite file is created, with its
/// directory, on first use).
fn connection_url(url: &str) -> Result<(Backend, String), OpenError> {
    if let Some(path) = url.strip_prefix("sqlite:") {
        let path = path.trim_start_matches("//");
        let file = path.split('?').next().unwrap_or_default();
        if let Some(dir) = Path::new(file)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| OpenError::CreateDir(dir.display().to_string(), e))?;
        }
        let mode = if path.contains("mode=") {
            ""
        } else if path.contains('?') {
            "&mode=rwc"
        } else {
            "?mode=rwc"
        };
        return Ok((Backend::Sqlite, format!("sqlite://{path}{mode}")));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Backend::Postgres, url.to_owned()));
    }
    let scheme: String = url.chars().take_while(|c| *c != ':').take(20).collect();
    Err(OpenError::UnknownScheme(scheme))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_their_backend() {
        let (backend, url) = connection_url("sqlite:target/t/jobs.db").expect("sqlite");
        assert_eq!(backend, Backend::Sqlite);
        assert_eq!(url, "sqlite://target/t/jobs.db?mode=rwc");
        let (backend, _) = connection_url("postgres://postgres@127.0.0.1/test").expect("pg");
        assert_eq!(backend, Backend::Postgres);
        assert!(matches!(
            connection_url("mysql://x"),
            Err(OpenError::UnknownScheme(s)) if s == "mysql"
        ));
    }
}
