//! A server's audience brought up to date from the store's change log, on both backends:
//! after members arrive, change skills or filters, turn alerts off, are paused, delete their
//! profile or are forgotten, a process's patched audience alerts exactly whom a process
//! reading the server afresh alerts; a forget, or a log pruned past the revision held, makes
//! the process read the server in full; and writers bumping at once leave one log entry per
//! revision.

use std::sync::Arc;

use rolecall::database::Database;
use rolecall::jobs::board::Boards;
use rolecall::jobs::model::{Board, Job, JobDraft};
use rolecall::knowledge::KnowledgeBase;
use rolecall::members::alerts::AlertFilter;
use rolecall::members::store::ProfileStore;
use rolecall::service::alerts::audience::Match;
use rolecall::service::alerts::AudienceReads;
use rolecall::service::Service;
use sqlx::Row;

use crate::support::{postgres_url, sqlite_url};

const GUILD: u64 = 5;
const OTHER: u64 = 6;
const NOW: i64 = 1_795_608_000;

fn kb() -> Arc<KnowledgeBase> {
    Arc::new(KnowledgeBase::embedded().expect("the shipped knowledge"))
}

/// Three jobs per role (senior and remote, senior on site, any level and remote): between
/// them they show every member's fit for every role, whatever their filter.
fn jobs(kb: &KnowledgeBase) -> Vec<Job> {
    let variants = [
        (Some("senior"), true),
        (Some("senior"), false),
        (None, true),
    ];
    kb.roles
        .iter()
        .flat_map(|role| variants.map(|(level, remote)| (role, level, remote)))
        .enumerate()
        .map(|(i, (role, level, remote))| Job {
            id: i64::try_from(i).unwrap_or_default() + 1,
            board: Board::server(GUILD),
            draft: JobDraft {
                title: role.name.clone(),
                company: "Acme".into(),
                location: "Berlin".into(),
                remote,
                employment_type: None,
                level: level.map(str::to_owned),
                salary: None,
                apply_url: None,
                roles: vec![role.slug.clone()],
                expires_at: None,
            },
            source: None,
            posted_at: NOW,
            posted_by: "test".into(),
            updated_at: None,
            updated_by: None,
            version: 1,
        })
        .collect()
}

/// Member `n`'s skills: some of one role's competencies, and a word no article knows.
fn skills(kb: &KnowledgeBase, n: usize) -> Vec<String> {
    let role = &kb.roles[n % kb.roles.len()];
    let mut skills: Vec<String> = role
        .competencies
        .iter()
        .take(2 + n % 6)
        .map(|c| c.name.clone())
        .collect();
    skills.push("knitting".into());
    skills
}

/// Most members take any fit; some want senior jobs, remote or on-site ones.
fn filter(n: usize) -> AlertFilter {
    AlertFilter {
        min_fit: if n % 4 == 3 { 20 } else { 1 },
        level: (n % 5 == 0).then(|| "senior".into()),
        remote: [None, None, Some(true), Some(false)][n % 4],
    }
}

async fn subscribe(profiles: &ProfileStore, kb: &KnowledgeBase, n: usize, guild: u64) {
    let user = n.to_string();
    profiles
        .save(&user, &skills(kb, n), NOW)
        .await
        .expect("saved");
    profiles
        .alerts_on(&user, guild, &filter(n), NOW)
        .await
        .expect("on");
}

/// Whom each job alerts, and how well, as `service` matches it now.
async fn alerted(
    service: &Service,
    profiles: &ProfileStore,
    kb: &Arc<KnowledgeBase>,
) -> Vec<Vec<Match>> {
    let mut all = Vec::new();
    for job in jobs(kb) {
        let mut found = service
            .who_to_alert(profiles, kb, GUILD, &job)
            .await
            .expect("matched");
        found.sort_by(|a, b| a.user.cmp(&b.user));
        all.push(found);
    }
    all
}

/// What a process reading the server afresh alerts.
async fn fresh(url: &str, profiles: &ProfileStore, kb: &Arc<KnowledgeBase>) -> Vec<Vec<Match>> {
    let service = Service::sharing(kb.clone(), Arc::new(Boards::new(url)));
    let found = alerted(&service, profiles, kb).await;
    assert_eq!(service.audience_reads().full, 1);
    found
}

fn reads(full: u64, patched: u64) -> AudienceReads {
    AudienceReads { full, patched }
}

async fn patched_audiences_match_fresh_reads(url: &str) {
    let kb = kb();
    let profiles = ProfileStore::on(&Database::open(url).await.expect("open"));
    for n in 0..30 {
        subscribe(&profiles, &kb, n, GUILD).await;
    }
    subscribe(&profiles, &kb, 3, OTHER).await;
    let service = Service::sharing(kb.clone(), Arc::new(Boards::new(url)));
    let first = alerted(&service, &profiles, &kb).await;
    let alerted_in =
        |found: &[Vec<Match>], user: &str| found.iter().flatten().any(|m| m.user == user);
    for member in ["1", "3", "4", "5", "6"] {
        assert!(
            alerted_in(&first, member),
            "{member} is alerted to begin with"
        );
    }
    assert_eq!(first, fresh(url, &profiles, &kb).await);
    assert_eq!(service.audience_reads(), reads(1, 0));

    // Arrivals, new skills, a new filter, alerts off, a pause, a profile deleted; and a
    // change in another server, which bumps this one only for members here.
    for n in 30..34 {
        subscribe(&profiles, &kb, n, GUILD).await;
    }
    profiles
        .save("1", &skills(&kb, 9), NOW)
        .await
        .expect("saved");
    profiles
        .save("3", &skills(&kb, 11), NOW)
        .await
        .expect("saved");
    profiles
        .alerts_on("2", GUILD, &filter(5), NOW)
        .await
        .expect("on");
    assert!(profiles.alerts_off("4", GUILD, NOW).await.expect("off"));
    profiles
        .pause_alerts("5", "closed", NOW)
        .await
        .expect("paused");
    profiles.save("6", &[], NOW).await.expect("deleted");
    subscribe(&profiles, &kb, 77, OTHER).await;
    let patched = alerted(&service, &profiles, &kb).await;
    assert_eq!(service.audience_reads(), reads(1, 1), "patched, not read");
    assert_eq!(patched, fresh(url, &profiles, &kb).await);
    for gone in ["4", "5", "6"] {
        assert!(!alerted_in(&patched, gone), "{gone} is no longer alerted");
    }
    assert_ne!(first, patched, "the changes changed whom jobs alert");

    // Back on (the pause lifted, alerts on again): patched in again.
    profiles
        .alerts_on("5", GUILD, &filter(5), NOW)
        .await
        .expect("on");
    profiles
        .alerts_on("4", GUILD, &filter(4), NOW)
        .await
        .expect("on");
    let again = alerted(&service, &profiles, &kb).await;
    assert_eq!(service.audience_reads(), reads(1, 2));
    assert_eq!(again, fresh(url, &profiles, &kb).await);

    // A forgotten member leaves no entry naming them: the server is read in full, without
    // them, and no job alerts them again.
    let forgotten = again
        .iter()
        .flatten()
        .map(|m| m.user.clone())
        .next()
        .expect("someone alerted");
    assert!(profiles.forget(&forgotten).await.expect("forgot").is_some());
    assert!(!profiles.names(&forgotten).await.expect("names"));
    let after = alerted(&service, &profiles, &kb).await;
    assert_eq!(service.audience_reads(), reads(2, 2));
    assert!(after.iter().flatten().all(|m| m.user != forgotten));
    assert_eq!(after, fresh(url, &profiles, &kb).await);
}

async fn log_rows(profiles_url: &str, guild: u64) -> i64 {
    let database = Database::open(profiles_url).await.expect("open");
    let row = sqlx::query("SELECT COUNT(*) AS n FROM alert_audience_changes WHERE guild = $1")
        .bind(i64::try_from(guild).unwrap_or_default())
        .fetch_one(database.pool())
        .await
        .expect("counted");
    row.try_get("n").expect("n")
}

async fn a_pruned_log_makes_an_older_audience_read_in_full(url: &str) {
    let kb = kb();
    let profiles = ProfileStore::on(&Database::open(url).await.expect("open")).keeping_changes(3);
    for n in 0..6 {
        subscribe(&profiles, &kb, n, GUILD).await;
    }
    assert_eq!(log_rows(url, GUILD).await, 3, "the last 3 kept");
    let service = Service::sharing(kb.clone(), Arc::new(Boards::new(url)));
    alerted(&service, &profiles, &kb).await;
    let held = profiles.audience_revision(GUILD).await.expect("revision");

    // Within the log: patched.
    profiles
        .save("1", &skills(&kb, 2), NOW)
        .await
        .expect("saved");
    let now = profiles.audience_revision(GUILD).await.expect("revision");
    assert_eq!(
        profiles
            .audience_changes(GUILD, held, now)
            .await
            .expect("read"),
        Some(vec!["1".to_owned()])
    );
    assert_eq!(
        alerted(&service, &profiles, &kb).await,
        fresh(url, &profiles, &kb).await
    );
    assert_eq!(service.audience_reads(), reads(1, 1));

    // Four changes later the log no longer reaches back: read in full, and right.
    let held = now;
    for n in [0, 2, 3, 4] {
        profiles
            .save(&n.to_string(), &skills(&kb, n + 1), NOW)
            .await
            .expect("saved");
    }
    let now = profiles.audience_revision(GUILD).await.expect("revision");
    assert_eq!(log_rows(url, GUILD).await, 3);
    assert_eq!(
        profiles
            .audience_changes(GUILD, held, now)
            .await
            .expect("read"),
        None
    );
    assert!(profiles
        .audience_changes(GUILD, now - 3, now)
        .await
        .expect("read")
        .is_some());
    assert_eq!(
        alerted(&service, &profiles, &kb).await,
        fresh(url, &profiles, &kb).await
    );
    assert_eq!(service.audience_reads(), reads(2, 1));
}

/// Two stores (two pools, as two processes have) changing members of one server at once:
/// every revision has exactly its one entry, so the log reaches back to the start.
async fn concurrent_writers_log_every_revision(url: &str) {
    let kb = kb();
    let first = ProfileStore::open(url).await.expect("open");
    let second = ProfileStore::open(url).await.expect("open");
    let write = |profiles: ProfileStore, from: usize| {
        let kb = kb.clone();
        async move {
            for n in from..from + 20 {
                subscribe(&profiles, &kb, n, GUILD).await;
                subscribe(&profiles, &kb, n, OTHER).await;
            }
        }
    };
    tokio::join!(write(first.clone(), 0), write(second, 100));
    let revision = first.audience_revision(GUILD).await.expect("revision");
    assert_eq!(log_rows(url, GUILD).await, revision);
    let changed = first
        .audience_changes(GUILD, 0, revision)
        .await
        .expect("read")
        .expect("the whole log");
    assert_eq!(changed.len(), 40);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    patched_audiences_match_fresh_reads(&sqlite_url("audience_patched")).await;
    a_pruned_log_makes_an_older_audience_read_in_full(&sqlite_url("audience_pruned")).await;
    concurrent_writers_log_every_revision(&sqlite_url("audience_writers")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    patched_audiences_match_fresh_reads(&postgres_url("audience_patched").await).await;
    a_pruned_log_makes_an_older_audience_read_in_full(&postgres_url("audience_pruned").await).await;
    concurrent_writers_log_every_revision(&postgres_url("audience_writers").await).await;
}

/// A server's base rebuilt after one of its mentors adds an article reads skills with the same
/// taxonomy: the audience is kept, not read again. A reload (a new taxonomy) reads it anew.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_servers_base_rebuilt_after_an_add_keeps_its_audience() {
    use rolecall::knowledge::reading::source::{embedded_documents, DocumentSource};
    use rolecall::service::library::Library;
    use rolecall::teaching::model::{Article, ArticleText};

    let url = sqlite_url("audience_rebuilt_base");
    let library = Library::from_documents(&embedded_documents(), DocumentSource::BuiltIn)
        .expect("our documents teach roles");
    let shipped = library.base();
    let profiles = ProfileStore::on(&Database::open(&url).await.expect("open"));
    for n in 0..12 {
        subscribe(&profiles, &shipped, n, GUILD).await;
    }
    let service = Service::sharing(shipped.clone(), Arc::new(Boards::new(url.clone())));
    alerted(&service, &profiles, &shipped).await;
    assert_eq!(service.audience_reads(), reads(1, 0));

    let article = ArticleText {
        article: Article {
            id: 1,
            guild: GUILD,
            title: "Analytics".into(),
            slug: "analytics".into(),
            content_hash: "1".into(),
            added_by: "1".into(),
            added_at: NOW,
        },
        text: "# Analytics Engineer\n\n**Definition:** An Analytics Engineer builds tested \
               data models.\n\n**Tools:** dbt, SQL, Python\n"
            .into(),
    };
    let own = library
        .rebuild(GUILD, vec![article])
        .await
        .expect("rebuilt");
    assert!(!Arc::ptr_eq(&own, &shipped), "a base of its own");
    let kept = alerted(&service, &profiles, &own).await;
    assert_eq!(service.audience_reads(), reads(1, 0), "kept, not read");
    assert_eq!(kept, fresh(&url, &profiles, &own).await);

    let reloaded = kb();
    alerted(&service, &profiles, &reloaded).await;
    assert_eq!(
        service.audience_reads(),
        reads(2, 0),
        "a new taxonomy: read anew"
    );
}

/// Read ahead at start: every server with alerts on is read once, and its first job is
/// matched warm.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audiences_read_ahead_match_the_first_job_warm() {
    let url = sqlite_url("audience_read_ahead");
    let kb = kb();
    let profiles = ProfileStore::on(&Database::open(&url).await.expect("open"));
    for n in 0..8 {
        subscribe(&profiles, &kb, n, GUILD).await;
    }
    subscribe(&profiles, &kb, 9, OTHER).await;
    subscribe(&profiles, &kb, 10, 7).await;
    assert!(profiles.alerts_off("10", 7, NOW).await.expect("off"));
    let service = Service::sharing(kb.clone(), Arc::new(Boards::new(url.clone())));
    assert_eq!(
        service.warm_audiences().await.expect("read"),
        2,
        "servers with alerts on"
    );
    assert_eq!(service.audience_reads(), reads(2, 0));
    let first = alerted(&service, &profiles, &kb).await;
    assert_eq!(service.audience_reads(), reads(2, 0), "matched warm");
    assert_eq!(first, fresh(&url, &profiles, &kb).await);
}
