//! The HTTP interactions endpoint serving while one server's knowledge base is rebuilt
//! again and again, each time with one more article, as repeated `/kb add`s rebuild it: to
//! measure answers' latency in that server during rebuilds with `examples/http_load` (whose
//! requests come from server 5).
//!
//! ```sh
//! cargo run --release --example serve_rebuilding -- --addr 127.0.0.1:8080 --articles 10000 &
//! cargo run --release --example http_load -- --addr 127.0.0.1:8080 --connections 4 --seconds 10
//! ```
//!
//! Server 5 starts with `--articles` synthetic articles of its own (over our shipped base, so
//! `/compare machine-learning-engineer data-specialist` answers there); the rebuilds go on,
//! one after another (`--pause` milliseconds apart), until the process is stopped, each
//! printed with its time.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ed25519_dalek::SigningKey;
use rolecall::discord::signature::Verifier;
use rolecall::discord::{http, Bot};
use rolecall::jobs::board::Boards;
use rolecall::knowledge::reading::source::{embedded_documents, DocumentSource};
use rolecall::service::library::Library;
use rolecall::service::Service;
use rolecall::synthetic;
use rolecall::teaching::model::{Article, ArticleText};

/// The server `examples/http_load`'s requests come from.
const GUILD: u64 = 5;
/// The load generator's signing key.
const SEED: [u8; 32] = [42; 32];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str, default: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
            .unwrap_or_else(|| default.to_owned())
    };
    let addr: SocketAddr = value("--addr", "127.0.0.1:8080")
        .parse()
        .expect("--addr is an address");
    let own: usize = value("--articles", "10000").parse().expect("--articles");
    let pause = Duration::from_millis(value("--pause", "0").parse().expect("--pause"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let library = Arc::new(
        Library::from_documents(&embedded_documents(), DocumentSource::BuiltIn)
            .expect("our documents teach roles"),
    );
    let pool = synthetic::articles(own + 1_000, 42);
    let mut articles: Vec<ArticleText> = (1..).zip(&pool[..own]).map(article).collect();
    let started = Instant::now();
    runtime
        .block_on(library.rebuild(GUILD, articles.clone()))
        .expect("the server's base builds");
    println!(
        "server {GUILD}: {own} articles in {:.3?}",
        started.elapsed()
    );
    let service = Service::over(
        Arc::clone(&library),
        Arc::new(Boards::new("sqlite::memory:")),
    );
    let bot = Arc::new(Bot::new(service));
    let verifier = Verifier::from_key(SigningKey::from_bytes(&SEED).verifying_key());
    runtime.spawn(async move {
        for next in own.. {
            articles.push(article((next as i64 + 1, &pool[next % pool.len()])));
            let started = Instant::now();
            match library.rebuild(GUILD, articles.clone()).await {
                Ok(base) => println!(
                    "rebuild {}: {} articles, {} roles in {:.3?}",
                    next - own + 1,
                    articles.len(),
                    base.roles.len(),
                    started.elapsed()
                ),
                Err(error) => eprintln!("rebuild failed: {error}"),
            }
            tokio::time::sleep(pause).await;
        }
    });
    let listener = match runtime.block_on(tokio::net::TcpListener::bind(addr)) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("serve_rebuilding: cannot listen on {addr}: {error}");
            std::process::exit(1);
        }
    };
    let served = runtime.block_on(http::serve(
        listener,
        bot,
        verifier,
        None,
        std::future::pending(),
    ));
    if let Err(error) = served {
        eprintln!("serve_rebuilding: {error}");
        std::process::exit(1);
    }
}

/// A mentor's article of server 5, `id`, with a synthetic document's text.
fn article((id, document): (i64, &rolecall::knowledge::Document)) -> ArticleText {
    ArticleText {
        article: Article {
            id,
            guild: GUILD,
            title: format!("Article {id}"),
            slug: format!("article-{id}"),
            content_hash: String::new(),
            added_by: "1".into(),
            added_at: id,
        },
        text: String::from_utf8_lossy(&document.bytes).into_owned(),
    }
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
