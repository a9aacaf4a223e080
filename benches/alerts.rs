//! Criterion benchmark of job alerts' matching: who one new job should alert among 100,000
//! members with alerts on in its server, on SQLite (a file under `target/`) and PostgreSQL
//! (`ROLECALL_TEST_POSTGRES`, a fresh database). Measured through `Service::who_to_alert` as
//! a posted job runs it: the audience's revision read from the store, then the fit of every
//! member computed in memory. Also the first job after a few members changed (their skills
//! saved, which bumps the revision): the audience patched with just those members from the
//! store's change log, then matched. Reading the audience cold (once per process start or
//! knowledge base), patching after 100 and 1,000 changes, and queueing the matches are timed
//! once and printed. Figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Bencher, Criterion};

use rolecall::jobs::board::Boards;
use rolecall::jobs::model::{Board, Job, JobDraft};
use rolecall::knowledge::KnowledgeBase;
use rolecall::members::store::outbox::Queued;
use rolecall::members::store::ProfileStore;
use rolecall::service::Service;

const MEMBERS: usize = 100_000;
const GUILD: u64 = 5;
const NOW: i64 = 1_795_608_000;
const ROWS_PER_INSERT: usize = 500;
/// Members whose skills change before each job of `alerts_first_job_after_10_changed`.
const CHANGED: usize = 10;

/// Skills as members type them: the articles' names and a few no article knows.
fn skill_pool(kb: &KnowledgeBase) -> Vec<String> {
    let mut pool: Vec<String> = kb
        .roles
        .iter()
        .flat_map(|role| role.competencies.iter().map(|c| c.name.clone()))
        .collect();
    pool.sort();
    pool.dedup();
    pool.extend(["knitting", "rust", "figma", "excel", "leadership"].map(String::from));
    pool
}

/// Member `n`'s skills: 3 to 12 of the pool, spread by a fixed stride.
fn skills_of(n: usize, pool: &[String]) -> String {
    let count = 3 + n % 10;
    (0..count)
        .map(|i| pool[(n * 7 + i * 13) % pool.len()].clone())
        .collect::<Vec<_>>()
        .join("\n")
}

/// [`MEMBERS`] profiles with alerts on in [`GUILD`] (setup, not measured).
async fn fill(profiles_url: &str, kb: &KnowledgeBase) {
    let database = rolecall::database::Database::open(profiles_url)
        .await
        .expect("the benchmark database opens");
    let pool = skill_pool(kb);
    let mut tx = database.pool().begin().await.expect("a transaction");
    for start in (0..MEMBERS).step_by(ROWS_PER_INSERT) {
        let rows: Vec<usize> = (start..(start + ROWS_PER_INSERT).min(MEMBERS)).collect();
        let profiles: Vec<String> = rows
            .iter()
            .map(|n| {
                format!(
                    "('m{n}', '{}', {NOW})",
                    skills_of(*n, &pool).replace('\'', "''")
                )
            })
            .collect();
        sqlx::query(&format!(
            "INSERT INTO member_profiles (user_id, skills, updated_at) VALUES {}",
            profiles.join(", ")
        ))
        .execute(&mut *tx)
        .await
        .expect("profiles");
        let alerts: Vec<String> = rows
            .iter()
            .map(|n| {
                let level = if n % 5 == 0 { "'senior'" } else { "NULL" };
                let remote = if n % 7 == 0 { "1" } else { "NULL" };
                let min_fit = 20 + n % 60;
                format!("('m{n}', {GUILD}, 1, {min_fit}, {level}, {remote}, {NOW})")
            })
            .collect();
        sqlx::query(&format!(
            "INSERT INTO member_alerts (user_id, guild, enabled, min_fit, level, remote, updated_at) VALUES {}",
            alerts.join(", ")
        ))
        .execute(&mut *tx)
        .await
        .expect("alerts");
    }
    sqlx::query("INSERT INTO alert_audiences (guild, revision) VALUES ($1, 1)")
        .bind(GUILD as i64)
        .execute(&mut *tx)
        .await
        .expect("revision");
    tx.commit().await.expect("filled");
}

fn job() -> Job {
    Job {
        id: 1,
        board: Board::server(GUILD),
        draft: JobDraft {
            title: "Data Scientist".into(),
            company: "Acme".into(),
            location: "Berlin".into(),
            remote: true,
            employment_type: None,
            level: Some("mid".into()),
            salary: None,
            apply_url: None,
            roles: vec!["data-scientist".into(), "machine-learning-engineer".into()],
            expires_at: None,
        },
        source: None,
        posted_at: NOW,
        posted_by: "bench".into(),
        updated_at: None,
        updated_by: None,
        version: 1,
    }
}

fn sqlite_url() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-alerts");
    std::fs::create_dir_all(&dir).expect("a directory for the benchmark database");
    let path = dir.join("alerts.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    format!("sqlite:{}", path.display())
}

async fn postgres_url() -> String {
    use sqlx::Connection;
    let admin = std::env::var("ROLECALL_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("PostgreSQL for the benchmark (ROLECALL_TEST_POSTGRES)");
    for statement in [
        "DROP DATABASE IF EXISTS rolecall_bench_alerts",
        "CREATE DATABASE rolecall_bench_alerts",
    ] {
        sqlx::query(statement)
            .execute(&mut conn)
            .await
            .expect("a fresh database");
    }
    let base = admin
        .rsplit_once('/')
        .map_or(admin.as_str(), |(base, _)| base);
    format!("{base}/rolecall_bench_alerts")
}

fn alerts(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let kb = Arc::new(KnowledgeBase::embedded().expect("the shipped knowledge"));
    let job = job();
    for (backend, url) in [
        ("sqlite", sqlite_url()),
        ("postgres", runtime.block_on(postgres_url())),
    ] {
        runtime.block_on(fill(&url, &kb));
        let service = Service::sharing(kb.clone(), Arc::new(Boards::new(url.clone())));
        let profiles = runtime
            .block_on(async { ProfileStore::on(service.store().await.expect("store").database()) });
        let started = Instant::now();
        let found = runtime
            .block_on(service.who_to_alert(&profiles, &kb, GUILD, &job))
            .expect("matched");
        eprintln!(
            "{backend}: audience of {MEMBERS} read cold and matched in {:?}; {} members to alert",
            started.elapsed(),
            found.len()
        );
        let queued: Vec<Queued> = found
            .iter()
            .map(|m| Queued {
                user: m.user.clone(),
                guild: GUILD,
                job: job.id,
                fit: m.fit,
            })
            .collect();
        let started = Instant::now();
        runtime
            .block_on(profiles.enqueue(&queued, NOW))
            .expect("queued");
        eprintln!(
            "{backend}: {} alerts queued in {:?}",
            queued.len(),
            started.elapsed()
        );

        c.bench_function(&format!("alerts_match_100k_members/{backend}"), |b| {
            b.iter(|| {
                let found = runtime
                    .block_on(service.who_to_alert(&profiles, &kb, GUILD, black_box(&job)))
                    .expect("matched");
                black_box(found.len())
            })
        });
        c.bench_function(
            &format!("alerts_first_job_after_{CHANGED}_changed/{backend}"),
            |b| first_job_after_changes(b, &runtime, &service, &profiles, &kb),
        );
        for changed in [100, 1_000] {
            let mut round = 1_000_000;
            runtime.block_on(change_members(&profiles, &kb, changed, &mut round));
            let started = Instant::now();
            runtime
                .block_on(service.who_to_alert(&profiles, &kb, GUILD, &job))
                .expect("matched");
            eprintln!(
                "{backend}: first job after {changed} members changed: {:?}",
                started.elapsed()
            );
        }
        let reads = service.audience_reads();
        eprintln!(
            "{backend}: audiences read in full {}, patched {}",
            reads.full, reads.patched
        );
        assert_eq!(reads.full, 1, "every job after the cold read was a patch");
        runtime.block_on(profiles_close(&service));
    }
}

/// Each iteration: [`CHANGED`] members save new skills (not timed), then one job is matched
/// (timed): the audience patched with those members, then every member's fit.
fn first_job_after_changes(
    b: &mut Bencher,
    runtime: &tokio::runtime::Runtime,
    service: &Service,
    profiles: &ProfileStore,
    kb: &Arc<KnowledgeBase>,
) {
    let job = job();
    let mut round = 0;
    b.iter_custom(|iterations| {
        let mut spent = Duration::ZERO;
        for _ in 0..iterations {
            runtime.block_on(change_members(profiles, kb, CHANGED, &mut round));
            let started = Instant::now();
            let found = runtime
                .block_on(service.who_to_alert(profiles, kb, GUILD, black_box(&job)))
                .expect("matched");
            spent += started.elapsed();
            black_box(found.len());
        }
        spent
    });
}

/// `count` members (spread over the audience) save other skills, as `/me skills` does.
async fn change_members(
    profiles: &ProfileStore,
    kb: &KnowledgeBase,
    count: usize,
    round: &mut usize,
) {
    let pool = skill_pool(kb);
    for _ in 0..count {
        *round += 1;
        let n = (*round * 7_919) % MEMBERS;
        let skills: Vec<String> = skills_of(n + *round, &pool)
            .lines()
            .map(str::to_owned)
            .collect();
        profiles
            .save(&format!("m{n}"), &skills, NOW)
            .await
            .expect("skills saved");
    }
}

async fn profiles_close(service: &Service) {
    if let Ok(store) = service.store().await {
        store.close().await;
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(5));
    targets = alerts
}
criterion_main!(benches);
