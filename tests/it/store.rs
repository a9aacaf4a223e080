//! The job store on both backends: every test runs once on a fresh SQLite file and once on a
//! fresh PostgreSQL database of the machine's server.

use std::sync::Arc;

use rolecall::jobs::model::{Board, BoardSettings, JobDraft, JobQuery, Salary};
use rolecall::jobs::store::{Backend, JobStore, Seed, StoreError};

use crate::support::{postgres_url, sqlite_url};

const NOW: i64 = 1_795_608_000;
const A: Board = Board::OUTSIDE_SERVERS;

/// Runs `$body` (an async block using `store`) on SQLite and on PostgreSQL.
macro_rules! on_both_backends {
    ($name:ident, |$store:ident| $body:block) => {
        mod $name {
            use super::*;

            async fn check($store: JobStore) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let store = JobStore::open(&sqlite_url(stringify!($name))).await.expect("sqlite");
                assert_eq!(store.backend(), Backend::Sqlite);
                check(store).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let url = postgres_url(stringify!($name)).await;
                let store = JobStore::open(&url).await.expect("postgres");
                assert_eq!(store.backend(), Backend::Postgres);
                check(store).await;
            }
        }
    };
}

fn draft(title: &str) -> JobDraft {
    JobDraft {
        title: title.into(),
        company: "Acme".into(),
        location: "Berlin".into(),
        remote: false,
        employment_type: Some("Full Time".into()),
        level: Some("mid".into()),
        salary: Some(Salary {
            min: 60_000,
            max: 80_000,
            currency: "EUR".into(),
        }),
        apply_url: Some("https://acme.example/jobs".into()),
        roles: vec!["data-scientist".into()],
        expires_at: None,
    }
}

fn everything() -> JobQuery {
    JobQuery::default()
}

on_both_backends!(
    a_job_is_posted_edited_and_removed_with_its_history,
    |store| {
        let posted = store
            .post(A, &draft("Data Scientist"), "42", NOW)
            .await
            .expect("post");
        assert_eq!(posted.draft, draft("Data Scientist"));
        assert_eq!((posted.posted_by.as_str(), posted.posted_at), ("42", NOW));

        let edited = store
            .edit(
                A,
                posted.id,
                |mut d| {
                    d.title = "Senior Data Scientist".into();
                    d.roles.push("machine-learning-engineer".into());
                    Ok(d)
                },
                "43",
                NOW + 5,
            )
            .await
            .expect("edit");
        assert_eq!(edited.draft.title, "Senior Data Scientist");
        assert_eq!(
            edited.draft.roles,
            ["data-scientist", "machine-learning-engineer"]
        );
        assert_eq!(edited.updated_by.as_deref(), Some("43"));
        assert_eq!(edited.updated_at, Some(NOW + 5));

        let removed = store
            .remove(A, posted.id, "44", NOW + 9)
            .await
            .expect("remove");
        assert_eq!(removed.draft.title, "Senior Data Scientist");
        assert!(store.get(A, posted.id).await.expect("get").is_none());
        assert_eq!(
            store
                .list(A, &everything(), NOW + 10, 0, 10)
                .await
                .expect("list")
                .total,
            0
        );
        assert!(matches!(
            store.remove(A, posted.id, "44", NOW).await,
            Err(StoreError::NotFound(_))
        ));

        let history = store.history(A, posted.id).await.expect("history");
        let trail: Vec<(&str, &str, i64)> = history
            .iter()
            .map(|e| (e.action.as_str(), e.actor.as_str(), e.at))
            .collect();
        assert_eq!(
            trail,
            [
                ("post", "42", NOW),
                ("edit", "43", NOW + 5),
                ("remove", "44", NOW + 9)
            ]
        );
        assert!(
            history[1].details.contains("Senior Data Scientist"),
            "{}",
            history[1].details
        );
    }
);

on_both_backends!(a_refused_edit_changes_nothing, |store| {
    let posted = store
        .post(A, &draft("Analyst"), "42", NOW)
        .await
        .expect("post");
    let refused = store
        .edit(
            A,
            posted.id,
            |_| {
                Err(rolecall::jobs::validate::FieldError {
                    field: "salary_max",
                    message: "too low".into(),
                })
            },
            "43",
            NOW,
        )
        .await;
    assert!(matches!(refused, Err(StoreError::Invalid(e)) if e.field == "salary_max"));
    assert_eq!(
        store.get(A, posted.id).await.expect("get"),
        Some(posted.clone())
    );
    assert_eq!(store.history(A, posted.id).await.expect("history").len(), 1);
});

on_both_backends!(expired_jobs_leave_listings_but_stay_stored, |store| {
    let mut short = draft("Short contract");
    short.expires_at = Some(NOW + 100);
    let job = store.post(A, &short, "42", NOW).await.expect("post");
    assert_eq!(
        store
            .list(A, &everything(), NOW + 99, 0, 10)
            .await
            .expect("list")
            .total,
        1
    );
    assert_eq!(
        store
            .list(A, &everything(), NOW + 100, 0, 10)
            .await
            .expect("list")
            .total,
        0
    );
    assert!(
        store.get(A, job.id).await.expect("get").is_some(),
        "expired, not deleted"
    );
});

on_both_backends!(each_board_sees_and_manages_only_its_own_jobs, |store| {
    let (one, two) = (Board::server(111), Board::server(222));
    let job = store
        .post(one, &draft("Data Engineer"), "42", NOW)
        .await
        .expect("post");
    assert_eq!(
        store
            .list(two, &everything(), NOW, 0, 10)
            .await
            .expect("list")
            .total,
        0
    );
    assert!(store.get(two, job.id).await.expect("get").is_none());
    assert!(matches!(
        store.remove(two, job.id, "9", NOW).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.edit(two, job.id, Ok, "9", NOW).await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(
        store
            .list(one, &everything(), NOW, 0, 10)
            .await
            .expect("list")
            .total,
        1
    );
});

on_both_backends!(listings_filter_and_page_newest_first, |store| {
    for (i, title) in [
        "Data Scientist",
        "ML Engineer",
        "Senior ML Engineer",
        "100% Remote_Analyst",
    ]
    .into_iter()
    .enumerate()
    {
        let mut job = draft(title);
        job.remote = title.contains("Remote") || title.starts_with("Senior");
        job.level = Some(
            if title.starts_with("Senior") {
                "senior"
            } else {
                "mid"
            }
            .into(),
        );
        job.roles = if title.contains("ML") {
            vec!["machine-learning-engineer".into()]
        } else {
            vec![]
        };
        job.company = if i % 2 == 0 { "Acme Corp" } else { "Globex" }.into();
        store
            .post(A, &job, "42", NOW + i64::try_from(i).expect("small"))
            .await
            .expect("post");
    }
    let titles = |query: JobQuery, offset, limit| {
        let store = &store;
        async move {
            let page = store
                .list(A, &query, NOW + 10, offset, limit)
                .await
                .expect("list");
            (
                page.total,
                page.jobs
                    .into_iter()
                    .map(|j| j.draft.title)
                    .collect::<Vec<_>>(),
            )
        }
    };
    assert_eq!(
        titles(everything(), 0, 2).await,
        (
            4,
            vec![
                "100% Remote_Analyst".to_owned(),
                "Senior ML Engineer".to_owned()
            ]
        )
    );
    assert_eq!(
        titles(everything(), 2, 2).await.1,
        ["ML Engineer", "Data Scientist"]
    );
    let by_role = JobQuery {
        role_slug: Some("machine-learning-engineer".into()),
        ..everything()
    };
    assert_eq!(
        titles(by_role, 0, 10).await.1,
        ["Senior ML Engineer", "ML Engineer"]
    );
    let senior_remote = JobQuery {
        level: Some("senior".into()),
        remote: Some(true),
        ..everything()
    };
    assert_eq!(titles(senior_remote, 0, 10).await.1, ["Senior ML Engineer"]);
    let on_site = JobQuery {
        remote: Some(false),
        ..everything()
    };
    assert_eq!(
        titles(on_site, 0, 10).await.1,
        ["ML Engineer", "Data Scientist"]
    );
    // Wildcards typed by a member are taken literally.
    let literal = JobQuery {
        title_contains: Some("100%".into()),
        ..everything()
    };
    assert_eq!(titles(literal, 0, 10).await.1, ["100% Remote_Analyst"]);
    let underscore = JobQuery {
        title_contains: Some("e_a".into()),
        ..everything()
    };
    assert_eq!(titles(underscore, 0, 10).await.0, 1);
    let company = JobQuery {
        company_contains: Some("ACME".into()),
        ..everything()
    };
    assert_eq!(
        titles(company, 0, 10).await.1,
        ["Senior ML Engineer", "Data Scientist"]
    );
});

on_both_backends!(salary_bands_group_by_level_and_currency, |store| {
    let mut a = draft("A");
    a.salary = Some(Salary {
        min: 50_000,
        max: 70_000,
        currency: "EUR".into(),
    });
    let mut b = draft("B");
    b.salary = Some(Salary {
        min: 65_000,
        max: 90_000,
        currency: "EUR".into(),
    });
    let mut c = draft("C");
    c.salary = Some(Salary {
        min: 100_000,
        max: 100_000,
        currency: "USD".into(),
    });
    let mut d = draft("D");
    d.salary = None;
    for job in [a, b, c, d] {
        store.post(A, &job, "42", NOW).await.expect("post");
    }
    let bands = store
        .salary_bands(A, &everything(), NOW)
        .await
        .expect("bands");
    let summary: Vec<(String, i64, i64, i64)> = bands
        .into_iter()
        .map(|b| (b.currency, b.min, b.max, b.jobs))
        .collect();
    assert_eq!(
        summary,
        [
            ("EUR".to_owned(), 50_000, 90_000, 2),
            ("USD".to_owned(), 100_000, 100_000, 1)
        ]
    );
});

on_both_backends!(the_articles_jobs_are_imported_once_per_board, |store| {
    let seeds: Vec<Seed> = ["One", "Two"]
        .iter()
        .map(|t| Seed {
            key: format!("article\u{1f}{t}"),
            source: "A vs. B".into(),
            draft: draft(t),
        })
        .collect();
    assert_eq!(store.import(A, &seeds, NOW).await.expect("import"), 2);
    assert_eq!(store.import(A, &seeds, NOW + 1).await.expect("again"), 0);
    assert_eq!(
        store
            .import(Board::server(5), &seeds, NOW)
            .await
            .expect("other board"),
        2
    );
    let listed = store
        .list(A, &everything(), NOW, 0, 10)
        .await
        .expect("list");
    assert_eq!(listed.total, 2);
    assert!(listed
        .jobs
        .iter()
        .all(|j| j.source.as_deref() == Some("A vs. B")));
    // A removed import stays removed, however often the articles are imported again.
    store
        .remove(A, listed.jobs[0].id, "42", NOW)
        .await
        .expect("remove");
    assert_eq!(store.import(A, &seeds, NOW + 2).await.expect("third"), 0);
    assert_eq!(
        store
            .list(A, &everything(), NOW, 0, 10)
            .await
            .expect("list")
            .total,
        1
    );
});

on_both_backends!(concurrent_posts_keep_every_one, |store| {
    let store = Arc::new(store);
    let mut tasks = Vec::new();
    for task in 0..8 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            for n in 0..25 {
                let job = store
                    .post(
                        A,
                        &draft(&format!("Job {task}-{n}")),
                        &format!("user{task}"),
                        NOW,
                    )
                    .await
                    .expect("every concurrent post succeeds");
                ids.push(job.id);
            }
            ids
        }));
    }
    let mut ids = Vec::new();
    for task in tasks {
        ids.extend(task.await.expect("task"));
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 200);
    assert_eq!(
        store
            .list(A, &everything(), NOW, 0, 1)
            .await
            .expect("list")
            .total,
        200
    );
});

on_both_backends!(concurrent_edits_of_one_job_all_land, |store| {
    let store = Arc::new(store);
    let job = store
        .post(A, &draft("Contested"), "42", NOW)
        .await
        .expect("post");
    let mut tasks = Vec::new();
    for task in 0..4 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            store
                .edit(
                    A,
                    job.id,
                    |mut d| {
                        d.roles.push(format!("role-{task}"));
                        Ok(d)
                    },
                    "7",
                    NOW,
                )
                .await
        }));
    }
    let mut landed = 0;
    for task in tasks {
        match task.await.expect("task") {
            Ok(_) => landed += 1,
            Err(StoreError::Contended(_)) => {}
            Err(other) => panic!("{other:#}"),
        }
    }
    let roles = store
        .get(A, job.id)
        .await
        .expect("get")
        .expect("live")
        .draft
        .roles;
    // Each edit that landed built on the one before: none was lost.
    assert_eq!(roles.len(), 1 + landed, "{roles:?}");
    assert_eq!(
        store.history(A, job.id).await.expect("history").len(),
        1 + landed
    );
    assert!(landed >= 1);
});

on_both_backends!(board_settings_are_kept_per_board, |store| {
    let board = Board::server(9);
    assert_eq!(
        store.settings(board).await.expect("settings"),
        BoardSettings::default()
    );
    let settings = BoardSettings {
        moderator_role: Some(77),
        announce_channel: Some(88),
    };
    store
        .save_settings(board, &settings, "1", NOW)
        .await
        .expect("save");
    store
        .save_settings(board, &settings, "1", NOW)
        .await
        .expect("save again");
    assert_eq!(store.settings(board).await.expect("settings"), settings);
    assert_eq!(
        store.settings(A).await.expect("other"),
        BoardSettings::default()
    );
});

on_both_backends!(listings_count_up_to_the_cap, |store| {
    let seeds: Vec<Seed> = (0..=rolecall::jobs::store::COUNT_CAP)
        .map(|n| Seed {
            key: format!("bulk-{n}"),
            source: "bulk".into(),
            draft: draft(&format!("Bulk {n}")),
        })
        .collect();
    let added = store.import(A, &seeds, NOW).await.expect("bulk import");
    assert_eq!(added, rolecall::jobs::store::COUNT_CAP + 1);
    let page = store.list(A, &everything(), NOW, 0, 5).await.expect("list");
    assert_eq!(
        (page.total, page.more),
        (rolecall::jobs::store::COUNT_CAP, true)
    );
    assert_eq!(page.jobs.len(), 5);
    let one = JobQuery {
        title_contains: Some("Bulk 1000".into()),
        ..everything()
    };
    let page = store.list(A, &one, NOW, 0, 5).await.expect("list");
    assert_eq!((page.total, page.more), (1, false));
});

#[tokio::test]
async fn reopening_a_store_keeps_its_jobs_and_migrations() {
    let url = sqlite_url("reopen");
    let store = JobStore::open(&url).await.expect("open");
    let job = store
        .post(A, &draft("Kept"), "42", NOW)
        .await
        .expect("post");
    store.close().await;
    let again = JobStore::open(&url).await.expect("reopen");
    assert_eq!(
        again.get(A, job.id).await.expect("get").map(|j| j.draft),
        Some(draft("Kept"))
    );
}

#[tokio::test]
async fn a_bad_database_url_is_a_clear_error() {
    let error = JobStore::open("mysql://localhost/jobs")
        .await
        .expect_err("refused");
    assert!(error.to_string().contains("DATABASE_URL"), "{error}");
}

/// The two migration directories must say the same thing: the same files, line for line,
/// except how each backend generates ids (sqlx's `Any` driver needs the dialect's DDL).
#[test]
fn migrations_differ_between_backends_only_in_id_generation() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let names = |backend: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root.join(backend))
            .expect("migration directory")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    };
    let files = names("sqlite");
    assert!(!files.is_empty());
    assert_eq!(
        files,
        names("postgres"),
        "the same migrations on both backends"
    );
    for file in &files {
        let read = |backend: &str| std::fs::read_to_string(root.join(backend).join(file));
        let (sqlite, postgres) = (
            read("sqlite").expect("sqlite"),
            read("postgres").expect("pg"),
        );
        let (sqlite, postgres): (Vec<&str>, Vec<&str>) =
            (sqlite.lines().collect(), postgres.lines().collect());
        assert_eq!(sqlite.len(), postgres.len(), "{file}: line counts");
        for (number, (lite, pg)) in sqlite.iter().zip(&postgres).enumerate() {
            let same_but_ids =
                lite.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY");
            assert_eq!(same_but_ids, *pg, "{file}:{}", number + 1);
        }
    }
}

on_both_backends!(jobs_are_ranked_by_how_well_their_roles_fit, |store| {
    let with_roles = |title: &str, roles: &[&str]| JobDraft {
        roles: roles.iter().map(|r| (*r).to_owned()).collect(),
        ..draft(title)
    };
    let posts = [
        ("Analyst", &["data-analyst"][..]),
        ("Engineer", &["machine-learning-engineer"][..]),
        ("Both", &["data-analyst", "mlops-engineer"][..]),
        ("Untagged", &[][..]),
    ];
    for (i, (title, roles)) in posts.into_iter().enumerate() {
        store
            .post(A, &with_roles(title, roles), "42", NOW + i as i64)
            .await
            .expect("post");
    }
    let by_fit = JobQuery {
        by_fit: vec![
            ("data-analyst".into(), 30),
            ("mlops-engineer".into(), 70),
            ("machine-learning-engineer".into(), 50),
            // Not a slug: left out of the query, not written into it.
            ("x' OR 1=1 --".into(), 99),
        ],
        ..everything()
    };
    let page = store.list(A, &by_fit, NOW + 10, 0, 10).await.expect("list");
    let titles: Vec<&str> = page.jobs.iter().map(|j| j.draft.title.as_str()).collect();
    assert_eq!(titles, ["Both", "Engineer", "Analyst", "Untagged"]);
    // Without fits: newest first, as always.
    let page = store
        .list(A, &everything(), NOW + 10, 0, 10)
        .await
        .expect("list");
    let titles: Vec<&str> = page.jobs.iter().map(|j| j.draft.title.as_str()).collect();
    assert_eq!(titles, ["Untagged", "Both", "Engineer", "Analyst"]);
});
