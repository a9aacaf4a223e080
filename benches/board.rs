//! Criterion benchmarks of the job board at 100,000 jobs, on SQLite (a file under `target/`)
//! and on PostgreSQL (the machine's server, `ROLECALL_TEST_POSTGRES`, a fresh database):
//! posting (one transaction each, alone and from 8 tasks at once), the `/jobs` listing and
//! `/salary` queries (`/jobs fit:true`'s ranking among them), and `/jobs` and `/jobs fit:true`
//! from command line to JSON bytes through the service.
//! Figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};

use rolecall::advisor;
use rolecall::discord::json::InteractionResponse;
use rolecall::jobs::model::{Board, JobDraft, JobQuery, Salary};
use rolecall::jobs::rights::Caller;
use rolecall::jobs::store::{JobStore, Seed};
use rolecall::knowledge::reading::source::embedded_documents;
use rolecall::knowledge::KnowledgeBase;
use rolecall::service::Service;

const JOBS: usize = 100_000;
const NOW: i64 = 1_795_608_000;
const BOARD: Board = Board::OUTSIDE_SERVERS;
const ROLES: [&str; 4] = [
    "machine-learning-engineer",
    "data-scientist",
    "mlops-engineer",
    "data-specialist",
];
/// The operator's profile for `/jobs fit:true`: a data person's skills.
const PROFILE: &str = "/me skills set:python, sql, pandas, statistics, machine learning, tableau, \
    docker, spark, git, communication";
const LEVELS: [&str; 4] = ["entry", "mid", "senior", "executive"];

fn draft(n: usize) -> JobDraft {
    let n64 = i64::try_from(n).unwrap_or(0);
    JobDraft {
        title: format!("Job {n}"),
        company: format!("Company {}", n % 500),
        location: if n % 3 == 0 { "Remote" } else { "Berlin" }.into(),
        remote: n % 3 == 0,
        employment_type: Some("Full Time".into()),
        level: Some(LEVELS[n % LEVELS.len()].into()),
        salary: Some(Salary {
            min: 50_000 + (n64 % 50) * 1_000,
            max: 100_000 + (n64 % 80) * 1_000,
            currency: if n % 5 == 0 { "EUR" } else { "USD" }.into(),
        }),
        apply_url: Some(format!("https://jobs.example/{n}")),
        roles: vec![ROLES[n % ROLES.len()].into()],
        expires_at: None,
    }
}

/// A store at `url` holding [`JOBS`] jobs (imported in one transaction: setup, not measured).
async fn filled(url: &str) -> JobStore {
    let store = JobStore::open(url)
        .await
        .expect("the benchmark store opens");
    let seeds: Vec<Seed> = (0..JOBS)
        .map(|n| Seed {
            key: format!("bench-{n}"),
            source: "benchmark".into(),
            draft: draft(n),
        })
        .collect();
    store.import(BOARD, &seeds, NOW).await.expect("fill");
    store
}

fn sqlite_url() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-board");
    std::fs::create_dir_all(&dir).expect("a directory for the benchmark database");
    let path = dir.join("jobs.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    format!("sqlite:{}", path.display())
}

/// A fresh `bench_board` database. Not named `rolecall_…`: a test run drops those it finds
/// of other runs, and did so under a benchmark.
async fn postgres_url() -> String {
    use sqlx::Connection;
    let admin = std::env::var("ROLECALL_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("PostgreSQL for the benchmark (ROLECALL_TEST_POSTGRES)");
    for statement in [
        "DROP DATABASE IF EXISTS bench_board",
        "CREATE DATABASE bench_board",
    ] {
        sqlx::query(statement)
            .execute(&mut conn)
            .await
            .expect("a fresh benchmark database");
    }
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
    format!("{base}/bench_board")
}

fn bench_board(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let backends = [
        ("sqlite", sqlite_url()),
        ("postgres", runtime.block_on(postgres_url())),
    ];
    for (name, url) in backends {
        let store = Arc::new(runtime.block_on(filled(&url)));
        let mut next = JOBS;

        c.bench_function(&format!("board_post/{name}"), |b| {
            b.iter(|| {
                next += 1;
                runtime
                    .block_on(store.post(BOARD, &draft(next), "bench", NOW))
                    .expect("post")
            })
        });
        // Throughput with 8 posters at once: the time per post, all tasks together.
        c.bench_function(&format!("board_post_8_tasks/{name}"), |b| {
            b.iter_custom(|iters| {
                let per_task = iters.div_ceil(8);
                let start = Instant::now();
                runtime.block_on(async {
                    let tasks: Vec<_> = (0..8)
                        .map(|task| {
                            let store = Arc::clone(&store);
                            tokio::spawn(async move {
                                for n in 0..per_task {
                                    let n = usize::try_from(n).unwrap_or(0) + task * 1_000_000;
                                    store
                                        .post(BOARD, &draft(n), "bench", NOW)
                                        .await
                                        .expect("post");
                                }
                            })
                        })
                        .collect();
                    for task in tasks {
                        task.await.expect("task");
                    }
                });
                start
                    .elapsed()
                    .mul_f64(iters as f64 / (per_task * 8) as f64)
            })
        });

        let all = JobQuery::default();
        let by_role = JobQuery {
            role_slug: Some("data-scientist".into()),
            ..JobQuery::default()
        };
        let senior_remote = JobQuery {
            level: Some("senior".into()),
            remote: Some(true),
            ..JobQuery::default()
        };
        // `/jobs fit:true`: every role's fit for a member, ranking the whole board.
        let by_fit = JobQuery {
            by_fit: ROLES
                .iter()
                .enumerate()
                .map(|(i, role)| ((*role).to_owned(), 10 + 7 * i))
                .collect(),
            ..JobQuery::default()
        };
        // `/jobs fit:true page:200` (the last page a listing offers) is `by_fit` at 995.
        // A member whose best-fitting roles have no job here: every fitting role is read.
        let by_fit_roles_without_jobs = JobQuery {
            by_fit: (0..30)
                .map(|i| (format!("role-without-jobs-{i}"), 90 - i))
                .chain(by_fit.by_fit.iter().cloned())
                .collect(),
            ..JobQuery::default()
        };
        for (query_name, query, offset) in [
            ("first_page", &all, 0),
            ("by_fit", &by_fit, 0),
            ("by_fit_page_200", &by_fit, 995),
            ("by_fit_roles_without_jobs", &by_fit_roles_without_jobs, 0),
            ("page_1000", &all, 5_000),
            ("role", &by_role, 0),
            ("senior_remote", &senior_remote, 0),
        ] {
            c.bench_function(&format!("board_list_{query_name}/{name}"), |b| {
                b.iter(|| {
                    runtime
                        .block_on(store.list(BOARD, black_box(query), NOW, offset, 5))
                        .expect("list")
                })
            });
        }
        c.bench_function(&format!("board_salary/{name}"), |b| {
            b.iter(|| {
                runtime
                    .block_on(store.salary_bands(BOARD, black_box(&by_role), NOW))
                    .expect("bands")
            })
        });

        // `/jobs role:data-scientist` from the typed line to the JSON Discord gets.
        let service = Service::new(
            KnowledgeBase::from_documents(&embedded_documents(), "bench").expect("kb"),
            url.clone(),
        );
        let caller = Caller::operator(BOARD);
        c.bench_function(&format!("jobs_command_to_json/{name}"), |b| {
            b.iter(|| {
                let call = advisor::read_line(
                    &service.knowledge(),
                    black_box("/jobs role:data-scientist"),
                )
                .expect("parses");
                let outcome = runtime
                    .block_on(service.answer(&call, &caller, NOW))
                    .expect("answers");
                serde_json::to_vec(&InteractionResponse::Message(outcome.reply))
                    .expect("serialises")
            })
        });
        // `/jobs fit:true` from the typed line to the JSON: the profile's fit for every role
        // of the shipped base, then the page.
        runtime
            .block_on(service.answer(
                &advisor::read_line(&service.knowledge(), PROFILE).expect("parses"),
                &caller,
                NOW,
            ))
            .expect("the profile is saved");
        c.bench_function(&format!("jobs_fit_command_to_json/{name}"), |b| {
            b.iter(|| {
                let call = advisor::read_line(&service.knowledge(), black_box("/jobs fit:true"))
                    .expect("parses");
                let outcome = runtime
                    .block_on(service.answer(&call, &caller, NOW))
                    .expect("answers");
                serde_json::to_vec(&InteractionResponse::Message(outcome.reply))
                    .expect("serialises")
            })
        });
        runtime.block_on(store.close());
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = bench_board
}
criterion_main!(benches);

// The binary's allocator, so the figures are the ones `rolecall` would see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
