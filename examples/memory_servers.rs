//! Resident memory of a rolecall serving many servers with articles of their own: the
//! shipped base (ours, or N synthetic articles), then `servers` servers with `articles`
//! synthetic articles each, every one built as `/kb add` builds it. Prints the process's
//! resident memory (`VmRSS`) and its peak (`VmHWM`) from `/proc/self/status` after each
//! stage.
//!
//! ```sh
//! cargo run --release --example memory_servers -- 100 5   # servers, articles each
//! ```

use std::sync::Arc;
use std::time::Instant;

use rolecall::knowledge::reading::source::{embedded_documents, DocumentSource};
use rolecall::service::library::Library;
use rolecall::synthetic;
use rolecall::teaching::model::{Article, ArticleText};

fn main() {
    let mut args = std::env::args().skip(1);
    let servers: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let each: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    report("at start");
    let library = match Library::from_documents(&embedded_documents(), DocumentSource::BuiltIn) {
        Ok(library) => Arc::new(library),
        Err(error) => {
            eprintln!("memory_servers: {error}");
            std::process::exit(1);
        }
    };
    report("the shipped base built");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    // Each server's own articles: a pool as large as all of them, so roles recur across
    // servers as they would (and within one, two articles may share a role).
    let pool = synthetic::articles(servers as usize * each, 42);
    let started = Instant::now();
    for (guild, documents) in (1..=servers).zip(pool.chunks(each)) {
        let articles = documents
            .iter()
            .enumerate()
            .map(|(at, document)| {
                let id = (guild as i64) * 1_000 + at as i64;
                ArticleText {
                    article: Article {
                        id,
                        guild,
                        title: format!("Article {id}"),
                        slug: format!("article-{id}"),
                        content_hash: String::new(),
                        added_by: "1".into(),
                        added_at: id,
                    },
                    text: String::from_utf8_lossy(&document.bytes).into_owned(),
                }
            })
            .collect();
        runtime
            .block_on(library.rebuild(guild, articles))
            .expect("a server's base builds");
    }
    println!(
        "{servers} servers × {each} articles built in {:.3?} ({} with a base of their own)",
        started.elapsed(),
        library.servers_with_articles()
    );
    report(&format!("{servers} servers with {each} articles each"));
    // The pool's texts are what the store would hold, not the bot: drop them and measure
    // again.
    drop(pool);
    report("the generated texts dropped");
}

/// Prints this process's resident memory and its peak, as the kernel counts them.
fn report(stage: &str) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .map_or("?".to_owned(), |value| value.trim().to_owned())
    };
    println!(
        "{stage}: VmRSS {}, VmHWM {}",
        field("VmRSS:"),
        field("VmHWM:")
    );
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
