//! Criterion benchmarks of the engine: knowledge-base build, `/compare` from command line to
//! JSON bytes, autocomplete per keystroke, `/search` and a plain-language question to JSON
//! bytes, each on our knowledge base and on synthetic ones of 1,000 and 10,000 articles; and
//! the question reader's training (its features read from the corpus, then the model fit),
//! which every process does once at start; a mentor's article previewed and a server's base
//! rebuilt with it. Figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

use rolecall::advisor;
use rolecall::discord::json::InteractionResponse;
use rolecall::jobs::model::Board;
use rolecall::jobs::rights::Caller;
use rolecall::knowledge::building::preview::Preview;
use rolecall::knowledge::reading::source::{embedded_documents, DocumentSource};
use rolecall::knowledge::{Document, KnowledgeBase};
use rolecall::reply::Reply;
use rolecall::service::library::Library;
use rolecall::service::Service;
use rolecall::synthetic;
use rolecall::teaching::model::{Article, ArticleText};

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
    // With one article in four in Markdown, the Markdown reader's cost shows beside the
    // template's.
    let mixed = (
        "synthetic-10000-markdown",
        synthetic::mixed_articles(10_000, 42),
    );
    for (name, docs) in corpora().into_iter().chain([mixed]) {
        group.bench_with_input(BenchmarkId::from_parameter(name), &docs, |b, docs| {
            b.iter(|| build(black_box(docs)))
        });
    }
    group.finish();
}

/// The reply to `line` through the service, as every front end gets it; knowledge questions
/// never open the job store, so the store is never made.
fn answer(runtime: &tokio::runtime::Runtime, service: &Service, line: &str) -> Option<Reply> {
    let call = advisor::read_line(&service.knowledge(), line).ok()?;
    let caller = Caller::operator(Board::OUTSIDE_SERVERS);
    let outcome = runtime.block_on(service.answer(&call, &caller, 0)).ok()?;
    Some(outcome.reply)
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
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    for (name, docs) in corpora() {
        let service = Service::new(build(&docs), "sqlite::memory:");
        let kb = &*service.knowledge();
        let line = compare_line(kb);
        c.bench_function(&format!("compare_to_json/{name}"), |b| {
            b.iter(|| {
                let reply = answer(&runtime, &service, black_box(&line))
                    .expect("compare answers from the knowledge base");
                serde_json::to_vec(&InteractionResponse::Message(reply)).expect("serialises")
            })
        });
        // One keystroke in the middle of typing a role name, typo included.
        c.bench_function(&format!("autocomplete/{name}"), |b| {
            b.iter(|| advisor::autocomplete(kb, black_box("machine lea")))
        });
        c.bench_function(&format!("autocomplete_typo/{name}"), |b| {
            b.iter(|| advisor::autocomplete(kb, black_box("dat specalist")))
        });
        c.bench_function(&format!("search/{name}"), |b| {
            b.iter(|| {
                let reply = answer(
                    &runtime,
                    &service,
                    black_box("/search data pipelines python"),
                )
                .expect("search answers");
                serde_json::to_vec(&InteractionResponse::Message(reply)).expect("serialises")
            })
        });
        c.bench_function(&format!("ask/{name}"), |b| {
            b.iter(|| {
                let question =
                    "what's the difference between an ml engineer and a data specialist?";
                let reply = answer(&runtime, &service, black_box(question));
                serde_json::to_vec(&reply.map(InteractionResponse::Message)).expect("serialises")
            })
        });
    }
}

fn bench_reader_training(c: &mut Criterion) {
    use advisor::reader::scorer::{training_examples, Scorer};
    let kb = build(&embedded_documents());
    let mut group = c.benchmark_group("reader_training");
    group.sample_size(10);
    group.bench_function("features_of_the_corpus", |b| {
        b.iter(|| training_examples(black_box(&kb)))
    });
    let examples = training_examples(&kb);
    group.bench_function("fit", |b| b.iter(|| Scorer::train(black_box(&examples))));
    group.finish();
}

/// A mentor's article: its preview, and the server's knowledge base rebuilt with it (the
/// shipped documents plus the article, as `/kb add`'s Add does).
fn bench_teaching(c: &mut Criterion) {
    let mut group = c.benchmark_group("teaching");
    group.sample_size(10);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    // A seed-sized article: the shipped comparison articles are 6-9 KB.
    let documents = embedded_documents();
    let article = documents
        .iter()
        .find(|d| {
            d.path
                .ends_with("machine-learning-engineer-vs-data-specialist.txt")
        })
        .map(|d| String::from_utf8_lossy(&d.bytes).into_owned())
        .expect("a shipped article");
    let added = mentor_article(
        1,
        article
            .replace("Data Specialist", "Data Steward")
            .as_bytes(),
    );
    for (name, docs) in [corpora().swap_remove(0), corpora().swap_remove(2)] {
        // Never reloaded here: where the documents came from does not matter.
        let library =
            Library::from_documents(&docs, DocumentSource::BuiltIn).expect("the corpus has roles");
        let base = library.base();
        group.bench_function(BenchmarkId::new("preview", name), |b| {
            b.iter(|| Preview::of(&base, "added.md", black_box(&added.text)))
        });
        // A new id each time, as each add is a new article: it is read, not taken as read.
        let mut id = 0;
        group.bench_function(BenchmarkId::new("server_rebuild", name), |b| {
            b.iter(|| {
                id += 1;
                let mut article = added.clone();
                article.article.id = id;
                runtime.block_on(library.rebuild(7, vec![article]))
            })
        });
    }
    // A server with 10,000 articles of its own over ours gets one more, again and again.
    let library = Library::from_documents(&embedded_documents(), DocumentSource::BuiltIn)
        .expect("our documents teach roles");
    let mut articles: Vec<ArticleText> = (1..)
        .zip(synthetic::articles(10_000, 42))
        .map(|(id, document)| mentor_article(id, &document.bytes))
        .collect();
    runtime
        .block_on(library.rebuild(7, articles.clone()))
        .expect("builds");
    let more = synthetic::articles(200, 43);
    group.bench_function("server_rebuild/own-10000-plus-one", |b| {
        b.iter_custom(|iterations| {
            let mut spent = Duration::ZERO;
            for _ in 0..iterations {
                let next = articles.len() as i64 + 1;
                let bytes = &more[next as usize % more.len()].bytes;
                articles.push(mentor_article(next, bytes));
                let list = articles.clone();
                let started = std::time::Instant::now();
                runtime.block_on(library.rebuild(7, list)).expect("builds");
                spent += started.elapsed();
            }
            spent
        })
    });
    group.finish();
}

/// A mentor's article `id` of server 7 with the text `bytes`.
fn mentor_article(id: i64, bytes: &[u8]) -> ArticleText {
    ArticleText {
        article: Article {
            id,
            guild: 7,
            title: format!("Article {id}"),
            slug: format!("article-{id}"),
            content_hash: String::new(),
            added_by: "1".into(),
            added_at: id,
        },
        text: String::from_utf8_lossy(bytes).into_owned(),
    }
}

criterion_group!(
    benches,
    bench_build,
    bench_queries,
    bench_reader_training,
    bench_teaching
);
criterion_main!(benches);

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
