//! A profiling loop for a server's base rebuilt after one more article, timed one by one.
//!
//! - `profile_rebuild shipped N ROUNDS`: a shipped base of N synthetic articles (0: ours),
//!   then `ROUNDS` rebuilds of one server, each with one more article than the last;
//! - `profile_rebuild own N ROUNDS`: our shipped base, one server holding N synthetic
//!   articles of its own, then `ROUNDS` rebuilds, each with one more.
//!
//! With `RUST_LOG=rolecall::knowledge=debug` every stage of a build (`debug` spans) prints
//! its time when it closes. Run under `perf record` to see where a rebuild goes:
//!
//! ```sh
//! cargo build --release --example profile_rebuild
//! RUST_LOG=rolecall::knowledge=debug target/release/examples/profile_rebuild own 10000 20
//! perf record --call-graph dwarf target/release/examples/profile_rebuild shipped 10000 20
//! ```

use std::sync::Arc;
use std::time::Instant;

use rolecall::knowledge::reading::source::{embedded_documents, DocumentSource};
use rolecall::knowledge::KnowledgeBase;
use rolecall::service::library::Library;
use rolecall::synthetic;
use rolecall::teaching::model::{Article, ArticleText};

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_target(false)
        .init();
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "shipped".into());
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let (shipped, own) = match mode.as_str() {
        "shipped" if count > 0 => (synthetic::articles(count, 42), Vec::new()),
        "shipped" => (embedded_documents(), Vec::new()),
        "own" => (embedded_documents(), synthetic::articles(count, 42)),
        _ => {
            eprintln!("usage: profile_rebuild shipped|own N ROUNDS");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    // Never reloaded here: where the documents came from does not matter.
    let library = match Library::from_documents(&shipped, DocumentSource::BuiltIn) {
        Ok(library) => library,
        Err(error) => {
            eprintln!("profile_rebuild: {error}");
            std::process::exit(1);
        }
    };
    println!(
        "shipped base of {} documents in {:.3?}",
        shipped.len(),
        started.elapsed()
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let mut articles: Vec<ArticleText> = own
        .iter()
        .map(|document| mentor_article(&document.bytes))
        .collect();
    if !articles.is_empty() {
        let started = Instant::now();
        runtime
            .block_on(library.rebuild(7, articles.clone()))
            .expect("builds");
        println!(
            "server with {} articles of its own built in {:.3?}",
            articles.len(),
            started.elapsed()
        );
    }
    // Articles of the shape a mentor adds, each teaching a role of its own.
    for document in synthetic::articles(rounds, 7) {
        articles.push(mentor_article(&document.bytes));
        let started = Instant::now();
        let built: Arc<KnowledgeBase> = runtime
            .block_on(library.rebuild(7, articles.clone()))
            .expect("rebuilds");
        println!(
            "rebuild with {} article(s): {} roles in {:.3?}",
            articles.len(),
            built.roles.len(),
            started.elapsed()
        );
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in status
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
    {
        println!("{line}");
    }
}

/// The next article of server 7, numbered after those it has.
fn mentor_article(bytes: &[u8]) -> ArticleText {
    static NEXT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);
    let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    ArticleText {
        article: Article {
            id,
            guild: 7,
            title: format!("Added {id}"),
            slug: format!("added-{id}"),
            content_hash: format!("{id}"),
            added_by: "1".into(),
            added_at: id,
        },
        text: String::from_utf8_lossy(bytes).into_owned(),
    }
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
