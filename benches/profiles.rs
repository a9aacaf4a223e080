//! Criterion benchmarks of a member's profile: `/me show` from the typed line to the JSON
//! Discord gets, through the service on a SQLite store (a file under `target/`), for a
//! profile of 20 skills and one of 100 (the most a profile keeps: `SKILLS_MAX`; a longer
//! list is refused). Figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use rolecall::advisor;
use rolecall::discord::json::InteractionResponse;
use rolecall::jobs::model::Board;
use rolecall::jobs::rights::Caller;
use rolecall::knowledge::reading::source::embedded_documents;
use rolecall::knowledge::KnowledgeBase;
use rolecall::members::model::SKILLS_MAX;
use rolecall::service::Service;

const NOW: i64 = 1_795_608_000;

fn sqlite_url() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-profiles");
    std::fs::create_dir_all(&dir).expect("a directory for the benchmark database");
    let path = dir.join("profiles.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    format!("sqlite:{}", path.display())
}

/// `count` skills as a member would list them: the articles' own names, a few of them
/// written differently and one in ten unknown to every article.
fn skills(kb: &KnowledgeBase, count: usize) -> Vec<String> {
    let mut known: Vec<&str> = kb
        .roles
        .iter()
        .flat_map(|role| &role.competencies)
        .map(|competency| competency.name.as_str())
        .collect();
    known.sort_unstable();
    known.dedup();
    (0..count)
        .map(|n| match known.get(n) {
            Some(name) if n % 10 != 9 => name.to_lowercase(),
            _ => format!("hobby skill {n}"),
        })
        .collect()
}

/// The `/me skills` lines that save `skills`: `set:` then `add:`, each option within its
/// 1,000 characters (`OPTION_MAX`).
fn saving_lines(skills: &[String]) -> Vec<String> {
    let mut lists: Vec<String> = Vec::new();
    for skill in skills {
        match lists.last_mut() {
            Some(list) if list.len() + skill.len() + 2 <= OPTION_MAX => {
                list.push_str(", ");
                list.push_str(skill);
            }
            _ => lists.push(skill.clone()),
        }
    }
    lists
        .iter()
        .enumerate()
        .map(|(i, list)| {
            let option = if i == 0 { "set" } else { "add" };
            format!("/me skills {option}:\"{list}\"")
        })
        .collect()
}

/// The longest `set:` or `add:` value written: under the option's 1,000 characters.
const OPTION_MAX: usize = 900;

fn bench_me_show(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let kb = KnowledgeBase::from_documents(&embedded_documents(), "bench").expect("kb");
    let service = Service::new(kb, sqlite_url());
    for count in [20, SKILLS_MAX] {
        // One member per size, so each profile is read from a store holding both.
        let caller = Caller {
            user: format!("{count}"),
            ..Caller::operator(Board::from_id(5))
        };
        for line in saving_lines(&skills(&service.knowledge(), count)) {
            let call = advisor::read_line(&service.knowledge(), &line).expect("parses");
            let saved = runtime
                .block_on(service.answer(&call, &caller, NOW))
                .expect("saves");
            let title = saved
                .reply
                .embeds()
                .first()
                .map(|e| e.title_text().to_owned());
            assert_eq!(title.as_deref(), Some("Saved: your profile"), "{line}");
        }
        c.bench_function(&format!("me_show/{count}_skills"), |b| {
            b.iter(|| {
                let call = advisor::read_line(&service.knowledge(), black_box("/me show"))
                    .expect("parses");
                let outcome = runtime
                    .block_on(service.answer(&call, &caller, NOW))
                    .expect("answers");
                serde_json::to_vec(&InteractionResponse::Message(outcome.reply))
                    .expect("serialises")
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = bench_me_show
}
criterion_main!(benches);

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
