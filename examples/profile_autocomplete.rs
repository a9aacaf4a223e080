//! Autocompletes a typo many times against 10,000 synthetic articles, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile_autocomplete`.

use rolecall::advisor;
use rolecall::knowledge::KnowledgeBase;
use rolecall::synthetic;

fn main() {
    let documents = synthetic::articles(10_000, 42);
    let kb = KnowledgeBase::from_documents(&documents, "profile").expect("roles");
    let mut choices = 0;
    for _ in 0..200 {
        choices += advisor::autocomplete(&kb, "dat specalist").len();
    }
    println!("{choices} choices");
}

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
