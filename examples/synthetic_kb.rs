//! Builds a knowledge base from N synthetic articles and reports the time it took, so the
//! resident memory can be measured from outside: `/usr/bin/time -v cargo run --release
//! --example synthetic_kb -- 10000`; add `markdown` after the count for one article in four
//! in Markdown (`synthetic::mixed_articles`).

use std::time::Instant;

use rolecall::knowledge::KnowledgeBase;
use rolecall::synthetic;

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let documents = match std::env::args().nth(2).as_deref() {
        Some("markdown") => synthetic::mixed_articles(count, 42),
        _ => synthetic::articles(count, 42),
    };
    let started = Instant::now();
    match KnowledgeBase::from_documents(&documents, "synthetic") {
        Ok(kb) => println!(
            "{count} articles → {} roles, {} featured jobs, {} warnings in {:.3?}",
            kb.roles.len(),
            kb.jobs.len(),
            kb.warnings.len(),
            started.elapsed()
        ),
        Err(error) => {
            eprintln!("synthetic_kb: {error}");
            std::process::exit(1);
        }
    }
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
