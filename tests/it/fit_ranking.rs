//! `/jobs fit:true`'s pages (which read each fitting role's newest jobs and stop once a page
//! is full) against the plain definition, on random boards on both backends: every matching
//! job ranked by its best-fitting role's fit (0 without one), then newest first, then
//! highest id. Boards mix ties of fit and of posting time, jobs posted out of id order,
//! several roles per job, edited roles, removed and expired jobs, and every filter.

use std::cmp::Reverse;

use rolecall::jobs::model::{Board, Job, JobDraft, JobQuery};
use rolecall::jobs::store::{JobStore, Seed};
// SplitMix64, seeded: the same boards on every run and backend.
use rolecall::synthetic::Rng as Random;

use crate::support::{postgres_url, sqlite_url};

const NOW: i64 = 1_795_608_000;
const BOARDS: i64 = 24;
const ROLES: [&str; 6] = [
    "data-analyst",
    "data-scientist",
    "mlops-engineer",
    "machine-learning-engineer",
    "data-engineer",
    "bi-developer",
];
const LEVELS: [&str; 3] = ["entry", "mid", "senior"];

/// Some of the roles, each three times in ten.
fn roles(random: &mut Random) -> Vec<String> {
    ROLES
        .iter()
        .filter(|_| random.chance(30))
        .map(|role| (*role).to_owned())
        .collect()
}

fn draft(random: &mut Random, n: usize) -> JobDraft {
    JobDraft {
        title: format!("Job {n}"),
        company: format!("Company {}", random.below(3)),
        location: "Berlin".into(),
        remote: random.chance(40),
        employment_type: None,
        level: random
            .chance(80)
            .then(|| LEVELS[random.below(LEVELS.len())].to_owned()),
        salary: None,
        apply_url: None,
        roles: roles(random),
        expires_at: random.chance(10).then_some(NOW - 1),
    }
}

/// Fills `board`: jobs imported in batches at a few posting times, the batches in random
/// time order (so ids do not follow posting times); some then edited or removed.
async fn fill(store: &JobStore, board: Board, random: &mut Random) {
    let jobs = random.below(40);
    let mut batches: Vec<(i64, Vec<Seed>)> = Vec::new();
    for n in 0..jobs {
        let posted_at = NOW - 100 + i64::try_from(random.below(4)).unwrap_or(0);
        let seed = Seed {
            key: format!("job-{n}"),
            source: "test".into(),
            draft: draft(random, n),
        };
        match batches.iter_mut().find(|(at, _)| *at == posted_at) {
            Some((_, seeds)) => seeds.push(seed),
            None => batches.push((posted_at, vec![seed])),
        }
    }
    for (posted_at, seeds) in &batches {
        store
            .import(board, seeds, *posted_at)
            .await
            .expect("import");
    }
    let all = store
        .list(board, &JobQuery::default(), NOW - 200, 0, 1_000)
        .await
        .expect("list");
    for job in all.jobs {
        if random.chance(15) {
            let roles = roles(random);
            store
                .edit(
                    board,
                    job.id,
                    |d| {
                        Ok(JobDraft {
                            roles: roles.clone(),
                            ..d
                        })
                    },
                    "42",
                    NOW - 50,
                )
                .await
                .expect("edit");
        } else if random.chance(10) {
            store
                .remove(board, job.id, "42", NOW - 50)
                .await
                .expect("remove");
        }
    }
}

/// What a member might ask: fits for some roles (ties, zeros, a repeated role, a non-slug)
/// and any filters.
fn query(random: &mut Random) -> JobQuery {
    let mut by_fit: Vec<(String, usize)> = Vec::new();
    for role in ROLES {
        if random.chance(70) {
            by_fit.push((role.to_owned(), [0, 15, 40, 40, 75][random.below(5)]));
        }
    }
    if random.chance(20) {
        by_fit.push((ROLES[random.below(ROLES.len())].to_owned(), 90));
    }
    if random.chance(10) {
        by_fit.push(("Not A Slug".into(), 99));
    }
    JobQuery {
        role_slug: random
            .chance(15)
            .then(|| ROLES[random.below(ROLES.len())].to_owned()),
        title_contains: random.chance(10).then(|| "job 1".to_owned()),
        level: random
            .chance(25)
            .then(|| LEVELS[random.below(LEVELS.len())].to_owned()),
        remote: random.chance(25).then(|| random.chance(50)),
        company_contains: random.chance(15).then(|| "company 1".to_owned()),
        by_fit,
    }
}

/// The ranking by definition: the matching jobs newest first, stably sorted by best fit (a
/// role's first fit above 0 counts; only slugs with a fit above 0 rank).
async fn reference(store: &JobStore, board: Board, query: &JobQuery) -> Vec<i64> {
    let newest_first = JobQuery {
        by_fit: Vec::new(),
        ..query.clone()
    };
    let mut jobs = store
        .list(board, &newest_first, NOW, 0, 1_000)
        .await
        .expect("list")
        .jobs;
    let fit_of_role = |role: &str| {
        let first = query
            .by_fit
            .iter()
            .find(|(slug, fit)| slug == role && *fit > 0);
        first.map_or(0, |(_, fit)| *fit)
    };
    let fit = |job: &Job| {
        let fits = job.draft.roles.iter().map(|role| fit_of_role(role));
        fits.max().unwrap_or(0)
    };
    jobs.sort_by_key(|job| Reverse(fit(job)));
    jobs.iter().map(|job| job.id).collect()
}

async fn check(store: JobStore) {
    let mut random = Random::new(17);
    let mut pages_checked = 0;
    for id in 1..=BOARDS {
        let board = Board::from_id(id);
        fill(&store, board, &mut random).await;
        for _ in 0..6 {
            let query = query(&mut random);
            let expected = reference(&store, board, &query).await;
            let limit = 1 + random.below(6);
            for offset in (0..=expected.len()).step_by(limit) {
                let page = store
                    .list(board, &query, NOW, offset, limit)
                    .await
                    .expect("page");
                let ids: Vec<i64> = page.jobs.iter().map(|job| job.id).collect();
                let end = expected.len().min(offset + limit);
                assert_eq!(
                    ids,
                    expected[offset..end],
                    "board {id}, {query:?}, offset {offset}, limit {limit}"
                );
                assert_eq!(page.total, expected.len(), "board {id}, {query:?}");
                pages_checked += 1;
            }
        }
    }
    assert!(pages_checked > 500, "{pages_checked} pages checked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_by_fit_are_the_ranking_by_definition_on_sqlite() {
    let store = JobStore::open(&sqlite_url("fit_ranking"))
        .await
        .expect("sqlite");
    check(store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_by_fit_are_the_ranking_by_definition_on_postgres() {
    let url = postgres_url("fit_ranking").await;
    check(JobStore::open(&url).await.expect("postgres")).await;
}
