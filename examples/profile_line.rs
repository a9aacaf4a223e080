//! Answers one line many times through the service, from line to interaction JSON, against
//! the shipped knowledge base or N synthetic articles, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile_line 10000 "/search data"`.

use rolecall::advisor;
use rolecall::discord::json::InteractionResponse;
use rolecall::jobs::model::Board;
use rolecall::jobs::rights::Caller;
use rolecall::knowledge::reading::source::embedded_documents;
use rolecall::knowledge::KnowledgeBase;
use rolecall::service::Service;

fn main() {
    let mut args = std::env::args().skip(1);
    let articles: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let line = args.next().unwrap_or_else(|| {
        "what's the difference between an ml engineer and a data specialist?".to_owned()
    });
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(200);
    let documents = if articles == 0 {
        embedded_documents()
    } else {
        rolecall::synthetic::articles(articles, 42)
    };
    let kb = KnowledgeBase::from_documents(&documents, "profile").expect("roles");
    // A knowledge question never opens the job store.
    let service = Service::new(kb, "sqlite::memory:");
    let caller = Caller::operator(Board::OUTSIDE_SERVERS);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let mut bytes = 0;
    let started = std::time::Instant::now();
    for _ in 0..times {
        let reply = advisor::read_line(&service.knowledge(), &line)
            .and_then(|call| runtime.block_on(service.answer(&call, &caller, 0)))
            .map(|outcome| outcome.reply)
            .unwrap_or_else(|problem| problem.reply());
        let response = InteractionResponse::Message(reply);
        bytes += serde_json::to_vec(&response).map_or(0, |b| b.len());
    }
    let each = started.elapsed() / times.max(1) as u32;
    println!("{bytes} bytes, {each:?} per answer");
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
