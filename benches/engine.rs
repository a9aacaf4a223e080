//! Criterion benchmarks of the engine: knowledge-base build, `/compare` from command line to
//! JSON bytes, autocomplete per keystroke and plain-language `ask`, each on our knowledge
//! base and on synthetic ones of 1,000 and 10,000 articles. Figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

use rolecall::advisor;
use rolecall::knowledge::source::embedded_documents;
use rolecall::knowledge::{Document, KnowledgeBase};
use rolecall::reply::discord_json::InteractionResponse;
use rolecall::synthetic;

fn corpora() -> Vec<(&'static str, Vec<Document>)> {
    vec![
        ("ours", embedded_documents()),
        ("synthetic-1000", synthetic::articles(1_000, 42)),
        ("synthetic-10000", synthetic::articles(10_000, 42)),
    ]
}

fn build(kb_docs: &[Document]) -> KnowledgeBase {
    KnowledgeBase::from_documents(kb_docs, "bench").expect("benchmark corpus has roles")
}

fn bench_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("kb_build");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for (name, docs) in corpora() {
        group.bench_with_input(BenchmarkId::from_parameter(name), &docs, |b, docs| {
            b.iter(|| build(black_box(docs)))
        });
    }
    group.finish();
}

/// A compare line between two roles the corpus has.
fn compare_line(kb: &KnowledgeBase) -> String {
    let ours = ["machine-learning-engineer", "data-specialist"];
    if ours.iter().all(|slug| kb.exact(slug).is_some()) {
        "/compare role_a:machine-learning-engineer role_b:data-specialist".into()
    } else {
        format!(
            "/compare role_a:\"{}\" role_b:\"{}\"",
            kb.roles[0].name, kb.roles[1].name
        )
    }
}

fn bench_queries(c: &mut Criterion) {
    for (name, docs) in corpora() {
        let kb = build(&docs);
        let line = compare_line(&kb);
        c.bench_function(&format!("compare_to_json/{name}"), |b| {
            b.iter(|| {
                let reply = advisor::answer_line(&kb, black_box(&line))
                    .ok()
                    .and_then(advisor::Answer::into_reply)
                    .expect("compare answers from the knowledge base");
                serde_json::to_vec(&InteractionResponse::Message(reply)).expect("serialises")
            })
        });
        // One keystroke in the middle of typing a role name, typo included.
        c.bench_function(&format!("autocomplete/{name}"), |b| {
            b.iter(|| advisor::autocomplete(&kb, black_box("machine lea")))
        });
        c.bench_function(&format!("autocomplete_typo/{name}"), |b| {
            b.iter(|| advisor::autocomplete(&kb, black_box("dat specalist")))
        });
        c.bench_function(&format!("ask/{name}"), |b| {
            b.iter(|| {
                advisor::answer_line(
                    &kb,
                    black_box(
                        "what's the difference between an ml engineer and a data specialist?",
                    ),
                )
            })
        });
    }
}

criterion_group!(benches, bench_build, bench_queries);
criterion_main!(benches);

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
