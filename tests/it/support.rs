//! What several test modules share: answering a line the way a front end does (through the
//! service, with a job store), and fresh databases for each store test.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use rolecall::advisor::{self, Problem};
use rolecall::jobs::board::Boards;
use rolecall::jobs::model::Board;
use rolecall::jobs::rights::Caller;
use rolecall::knowledge::KnowledgeBase;
use rolecall::reply::Reply;
use rolecall::service::Service;

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

/// Drops the databases earlier test runs left behind, once per run: those of runs whose
/// process is gone. A run still going on the same machine (another worktree's) keeps its
/// databases; dropping them failed its tests at random.
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
        for (name,) in names
            .into_iter()
            .filter(|(name,)| !of_a_running_process(name))
        {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
                .execute(&mut *conn)
                .await;
        }
    })
    .await;
}

/// Whether test database `name` (`rolecall_{test}_{pid}_{n}`) belongs to a process that is
/// still running here.
fn of_a_running_process(name: &str) -> bool {
    let mut parts = name.rsplit('_');
    let pid = parts.nth(1).and_then(|pid| pid.parse::<u32>().ok());
    pid.is_some_and(|pid| Path::new(&format!("/proc/{pid}")).exists())
}

/// The shipped knowledge directory.
pub fn shipped_knowledge() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// The shipped knowledge base, built once for the whole test binary.
pub fn shipped_kb() -> &'static Arc<KnowledgeBase> {
    static KB: OnceLock<Arc<KnowledgeBase>> = OnceLock::new();
    KB.get_or_init(|| {
        let kb = KnowledgeBase::from_dir(&shipped_knowledge()).expect("shipped knowledge");
        Arc::new(kb)
    })
}

/// The job boards the property and CLI tests share (random lines may post jobs to them).
fn shared_boards() -> &'static Arc<Boards> {
    static BOARDS: OnceLock<Arc<Boards>> = OnceLock::new();
    BOARDS.get_or_init(|| Arc::new(Boards::new(sqlite_url("shared"))))
}

/// The reply a user at the terminal sees for `line`, answered from `kb` (job-board answers
/// through the shared boards' store).
pub fn reply_to(kb: &Arc<KnowledgeBase>, line: &str) -> Reply {
    let service = Service::sharing(Arc::clone(kb), Arc::clone(shared_boards()));
    answer_with(&service, line).unwrap_or_else(|problem| problem.reply())
}

/// The answer `service` gives `line` typed at the terminal, as the operator on the board
/// outside servers.
pub fn answer_with(service: &Service, line: &str) -> Result<Reply, Problem> {
    let call = advisor::read_line(&service.knowledge(), line)?;
    answer_call(service, &call)
}

/// The answer `service` gives a typed call, as the operator on the board outside servers.
pub fn answer_call(
    service: &Service,
    call: &rolecall::commands::request::Call,
) -> Result<Reply, Problem> {
    let caller = Caller::operator(Board::OUTSIDE_SERVERS);
    let outcome =
        runtime().block_on(service.answer(call, &caller, rolecall::service::unix_now()))?;
    Ok(outcome.reply)
}

/// The answer to a typed call from `kb`, through the shared boards.
pub fn answer_call_from(
    kb: &Arc<KnowledgeBase>,
    call: &rolecall::commands::request::Call,
) -> Result<Reply, Problem> {
    let service = Service::sharing(Arc::clone(kb), Arc::clone(shared_boards()));
    answer_call(&service, call)
}

/// The job's id in a "Job ID 12 posted" title.
pub fn job_number(title: &str) -> i64 {
    title
        .trim_start_matches("Job ID ")
        .split(' ')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a job number in {title:?}"))
}
