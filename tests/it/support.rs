//! What several test modules share: answering a line the way a front end does (through the
//! service, with a job store), and fresh databases for each store test.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use rolecall::advisor::{self, Answer, Problem};
use rolecall::jobs::model::Board;
use rolecall::knowledge::KnowledgeBase;
use rolecall::reply::Reply;
use rolecall::service::{Caller, Service};

/// The PostgreSQL server the tests use; the machine runs one. Override with
/// `ROLECALL_TEST_POSTGRES`.
pub const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A runtime for the synchronous tests that need the async service.
pub fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime")
    })
}

/// A path for a test's SQLite file, unique in this run, under cargo's temporary directory.
pub fn sqlite_path(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sqlite");
    std::fs::create_dir_all(&dir).expect("a directory for test databases");
    let path = dir.join(format!("{name}-{}-{n}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

pub fn sqlite_url(name: &str) -> String {
    format!("sqlite:{}", sqlite_path(name).display())
}

/// A new, empty PostgreSQL database for one test, on the machine's server.
pub async fn postgres_url(name: &str) -> String {
    use sqlx::Connection;
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let admin = std::env::var("ROLECALL_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_POSTGRES.into());
    let database = format!(
        "rolecall_{name}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| {
            panic!("PostgreSQL at {admin} (set ROLECALL_TEST_POSTGRES, see README): {e}")
        });
    drop_earlier_runs(&mut conn).await;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {database}"))
        .execute(&mut conn)
        .await
        .expect("drop an old test database");
    sqlx::query(&format!("CREATE DATABASE {database}"))
        .execute(&mut conn)
        .await
        .expect("create a test database");
    let base = admin
        .rsplit_once('/')
        .map_or(admin.as_str(), |(base, _)| base);
    format!("{base}/{database}")
}

/// Drops the databases earlier test runs left behind, once per run.
async fn drop_earlier_runs(conn: &mut sqlx::PgConnection) {
    static DONE: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    DONE.get_or_init(|| async {
        let this_run = format!("rolecall\\_%\\_{}\\_%", std::process::id());
        let names: Vec<(String,)> = sqlx::query_as(
            "SELECT datname FROM pg_database \
             WHERE datname LIKE 'rolecall\\_%' AND datname NOT LIKE $1",
        )
        .bind(this_run)
        .fetch_all(&mut *conn)
        .await
        .unwrap_or_default();
        for (name,) in names {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
                .execute(&mut *conn)
                .await;
        }
    })
    .await;
}

/// A service over the shipped knowledge base with a SQLite job store of its own.
pub fn shipped_service(name: &str) -> Service {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge");
    let kb = KnowledgeBase::from_dir(std::path::Path::new(dir)).expect("shipped knowledge");
    Service::new(kb, sqlite_url(name))
}

/// The service the property and CLI tests share (random lines may post jobs to it).
fn shared_service() -> &'static Service {
    static SERVICE: OnceLock<Service> = OnceLock::new();
    SERVICE.get_or_init(|| shipped_service("shared"))
}

/// The reply a user at the terminal sees for `line`, answered from `kb` (job-board answers
/// through the shared service's store).
pub fn reply_to(kb: &KnowledgeBase, line: &str) -> Reply {
    let answered = advisor::read_line(line).and_then(|call| {
        let answer = advisor::answer(kb, &call)?;
        complete(kb, answer, call.private)
    });
    answered.unwrap_or_else(|problem| problem.reply())
}

/// An advisor's answer finished as the front ends finish it, with the shared service.
pub fn complete(kb: &KnowledgeBase, answer: Answer, private: bool) -> Result<Reply, Problem> {
    complete_with(shared_service(), kb, answer, private)
}

/// An advisor's answer finished by `service`, as the operator on the board outside servers.
pub fn complete_with(
    service: &Service,
    kb: &KnowledgeBase,
    answer: Answer,
    private: bool,
) -> Result<Reply, Problem> {
    match answer {
        Answer::Reply(reply) => Ok(reply),
        board => {
            let caller = Caller::operator(Board::OUTSIDE_SERVERS);
            let outcome = runtime().block_on(service.complete(
                kb,
                board,
                private,
                &caller,
                rolecall::service::unix_now(),
            ))?;
            Ok(outcome.reply)
        }
    }
}

/// The job number in a "Job #12 posted" title.
pub fn job_number(title: &str) -> i64 {
    title
        .trim_start_matches("Job #")
        .split(' ')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a job number in {title:?}"))
}
