//! The profile store on both backends: a profile kept and changed, and `/me forget` leaving
//! no row that names the member (profile, drafts, articles added and removed, settings,
//! votes), while other members' rows stay as they were.

use rolecall::database::Database;
use rolecall::members::store::ProfileStore;
use rolecall::teaching::store::votes::{Ballot, Vote, VotedAnswer};
use rolecall::teaching::store::TeachingStore;

use crate::support::{postgres_url, sqlite_url};

const NOW: i64 = 1_795_608_000;
const GUILD: u64 = 5;

async fn check(database: Database) {
    let profiles = ProfileStore::on(&database);
    let teaching = TeachingStore::on(&database);
    assert!(profiles
        .profile("42")
        .await
        .expect("read")
        .skills
        .is_empty());
    let skills = vec!["Python".to_owned(), "**SQL**".to_owned()];
    profiles.save("42", &skills, NOW).await.expect("saved");
    profiles
        .save("42", &skills, NOW + 1)
        .await
        .expect("saved again");
    let kept = profiles.profile("42").await.expect("read");
    assert_eq!((kept.skills, kept.updated_at), (skills, NOW + 1));

    // Everything that can name member 42, and one article of member 43.
    teaching
        .set_mentor_role(GUILD, Some(7), "42", NOW)
        .await
        .expect("settings");
    let article = teaching
        .add(GUILD, "A", "## Data Engineer\nBuilds pipelines.", "42", NOW)
        .await
        .expect("added");
    teaching
        .remove(GUILD, article.id, "42", NOW)
        .await
        .expect("removed");
    teaching
        .add(GUILD, "B", "## Data Analyst\nReads data.", "42", NOW)
        .await
        .expect("added");
    teaching
        .add(GUILD, "C", "## Data Steward\nKeeps definitions.", "43", NOW)
        .await
        .expect("added");
    teaching
        .save_draft(GUILD, "42", "D", "## ML Engineer\nShips models.", NOW)
        .await
        .expect("a draft");
    let answer = VotedAnswer {
        command: "role".into(),
        roles: vec!["data-engineer".into()],
        aspect: None,
    };
    let ballot = Ballot {
        guild: GUILD,
        message: 9,
        voter: "42",
    };
    teaching
        .record_vote(ballot, &answer, Vote::Down, NOW)
        .await
        .expect("a vote");
    assert!(profiles.names("42").await.expect("a count"));

    // The export holds every row naming 42, and nothing of 43's.
    let export = profiles.export("42").await.expect("an export");
    let records = &export["records"];
    let titles: Vec<&str> = records["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(titles.len(), 2, "{export}");
    assert!(titles.contains(&"A") && titles.contains(&"B"), "{export}");
    assert_eq!(records["answer_votes"][0]["vote"], "down", "{export}");
    assert_eq!(records["article_drafts"][0]["title"], "D", "{export}");
    assert_eq!(records["teaching_settings"][0]["guild"], GUILD, "{export}");
    assert_eq!(
        records["article_events"].as_array().map(Vec::len),
        Some(3),
        "{export}"
    );
    assert!(!export.to_string().contains("\"43\""), "{export}");

    let pseudonym = profiles.forget("42").await.expect("forgotten");
    assert!(pseudonym
        .as_deref()
        .is_some_and(|p| p.starts_with("forgotten-")));
    assert!(
        !profiles.names("42").await.expect("a count"),
        "no row names 42"
    );
    assert_eq!(profiles.forget("42").await.expect("again"), None);

    let authors: Vec<String> = teaching
        .list(GUILD)
        .await
        .expect("listed")
        .into_iter()
        .map(|article| article.added_by)
        .collect();
    assert_eq!(authors.len(), 2, "forgetting removes no article");
    assert!(authors.contains(&"43".to_owned()), "{authors:?}");
    assert!(
        authors.contains(&pseudonym.unwrap_or_default()),
        "{authors:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    let url = sqlite_url("profile_store");
    check(Database::open(&url).await.expect("sqlite")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    let url = postgres_url("profile_store").await;
    check(Database::open(&url).await.expect("postgres")).await;
}
