//! Runs `/compare` from line to JSON bytes many times, through the service as every front end
//! does, for a profiler: `valgrind --tool=callgrind target/release/examples/profile_compare`.

use rolecall::advisor;
use rolecall::discord::json::InteractionResponse;
use rolecall::jobs::model::Board;
use rolecall::jobs::rights::Caller;
use rolecall::knowledge::reading::source::embedded_documents;
use rolecall::knowledge::KnowledgeBase;
use rolecall::service::Service;

fn main() {
    let kb = KnowledgeBase::from_documents(&embedded_documents(), "profile").expect("roles");
    // A knowledge question never opens the job store.
    let service = Service::new(kb, "sqlite::memory:");
    let caller = Caller::operator(Board::OUTSIDE_SERVERS);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let line = "/compare role_a:machine-learning-engineer role_b:data-specialist";
    let mut bytes = 0;
    for _ in 0..2_000 {
        let call = advisor::read_line(&service.knowledge(), line).expect("parses");
        let outcome = runtime
            .block_on(service.answer(&call, &caller, 0))
            .expect("compare answers");
        let response = InteractionResponse::Message(outcome.reply);
        bytes += serde_json::to_vec(&response).map_or(0, |b| b.len());
    }
    println!("{bytes} bytes");
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
