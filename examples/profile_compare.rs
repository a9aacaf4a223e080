//! Runs `/compare` from line to JSON bytes many times, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile_compare`.

use rolecall::advisor;
use rolecall::knowledge::source::embedded_documents;
use rolecall::knowledge::KnowledgeBase;
use rolecall::reply::discord_json::InteractionResponse;

fn main() {
    let kb = KnowledgeBase::from_documents(&embedded_documents(), "profile").expect("roles");
    let line = "/compare role_a:machine-learning-engineer role_b:data-specialist";
    let mut bytes = 0;
    for _ in 0..2_000 {
        let reply = advisor::answer_line(&kb, line)
            .ok()
            .and_then(advisor::Answer::into_reply)
            .expect("compare answers");
        bytes += serde_json::to_vec(&InteractionResponse::Message(reply)).map_or(0, |b| b.len());
    }
    println!("{bytes} bytes");
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
