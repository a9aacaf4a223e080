//! A profiling loop for a server's base rebuilt after one more article: a shipped base of N
//! synthetic articles (0: ours), then `rounds` rebuilds of one server, each with one more
//! article than the last, timed one by one. Run under `perf record` to see where a rebuild
//! goes:
//!
//! ```sh
//! cargo build --release --example profile_rebuild
//! perf record --call-graph dwarf target/release/examples/profile_rebuild 10000 20
//! ```

use std::sync::Arc;
use std::time::Instant;

use rolecall::knowledge::reading::source::{embedded_documents, DocumentSource};
use rolecall::knowledge::KnowledgeBase;
use rolecall::service::library::Library;
use rolecall::synthetic;
use rolecall::teaching::model::{Article, ArticleText};

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let rounds: i64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let documents = match count {
        0 => embedded_documents(),
        _ => synthetic::articles(count, 42),
    };
    let started = Instant::now();
    // Never reloaded here: where the documents came from does not matter.
    let library = match Library::from_documents(&documents, DocumentSource::BuiltIn) {
        Ok(library) => library,
        Err(error) => {
            eprintln!("profile_rebuild: {error}");
            std::process::exit(1);
        }
    };
    println!(
        "shipped base of {count} articles in {:.3?}",
        started.elapsed()
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    // Articles of the shape a mentor adds, each teaching a role of its own.
    let extra = synthetic::articles(rounds as usize, 7);
    let mut articles = Vec::new();
    for (round, document) in (1..=rounds).zip(&extra) {
        articles.push(ArticleText {
            article: Article {
                id: round,
                guild: 7,
                title: format!("Added {round}"),
                slug: format!("added-{round}"),
                content_hash: format!("{round}"),
                added_by: "1".into(),
                added_at: round,
            },
            text: String::from_utf8_lossy(&document.bytes).into_owned(),
        });
        let started = Instant::now();
        let built: Arc<KnowledgeBase> = runtime
            .block_on(library.rebuild(7, articles.clone()))
            .expect("rebuilds");
        println!(
            "rebuild with {round} article(s): {} roles in {:.3?}",
            built.roles.len(),
            started.elapsed()
        );
    }
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
