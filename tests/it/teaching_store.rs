//! The teaching store on both backends: every test runs once on a fresh SQLite file and once
//! on a fresh PostgreSQL database of the machine's server, as the job store's tests do.

use rolecall::database::Database;
use rolecall::jobs::store::JobStore;
use std::collections::HashMap;

use rolecall::teaching::model::{ArticleAction, ArticleText, DraftId, DRAFT_LIFETIME_SECS};
use rolecall::teaching::store::{TeachingError, TeachingStore};

use crate::support::{postgres_url, sqlite_url};

const NOW: i64 = 1_795_608_000;
const GUILD: u64 = 5;
const OTHER_GUILD: u64 = 6;
const MENTOR: &str = "42";
const ARTICLE: &str = "Data Analyst vs. Data Engineer\n\nDefinitions\nData Analyst: reads data.";

/// Runs `$body` (an async block using `store`) on SQLite and on PostgreSQL.
macro_rules! on_both_backends {
    ($name:ident, |$store:ident| $body:block) => {
        mod $name {
            use super::*;

            async fn check($store: TeachingStore) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let url = sqlite_url(concat!("teaching_", stringify!($name)));
                check(TeachingStore::open(&url).await.expect("sqlite")).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let url = postgres_url(concat!("teaching_", stringify!($name))).await;
                check(TeachingStore::open(&url).await.expect("postgres")).await;
            }
        }
    };
}

on_both_backends!(mentor_roles_are_kept_per_server, |store| {
    let unset = store.settings(GUILD).await.expect("settings");
    assert_eq!(unset.mentor_role, None);
    let saved = store
        .set_mentor_role(GUILD, Some(777), "1", NOW)
        .await
        .expect("set");
    assert_eq!(saved.mentor_role, Some(777));
    assert_eq!(saved.answer_forum, None);
    let changed = store
        .set_mentor_role(GUILD, Some(888), "1", NOW + 1)
        .await
        .expect("change");
    assert_eq!(changed.mentor_role, Some(888));
    assert_eq!(
        store.settings(GUILD).await.expect("read").mentor_role,
        Some(888)
    );
    assert_eq!(
        store
            .settings(OTHER_GUILD)
            .await
            .expect("other")
            .mentor_role,
        None
    );
    let refused = store.set_mentor_role(GUILD, Some(u64::MAX), "1", NOW).await;
    assert!(
        matches!(refused, Err(TeachingError::BadId(_))),
        "{refused:?}"
    );
});

on_both_backends!(a_draft_is_confirmed_once_by_its_author, |store| {
    let draft = store
        .save_draft(GUILD, MENTOR, " Analyst vs Engineer ", ARTICLE, NOW)
        .await
        .expect("draft");
    assert_eq!(draft.title, "Analyst vs Engineer");
    assert_eq!(draft.expires_at, NOW + DRAFT_LIFETIME_SECS);
    assert_eq!(draft.id.0.len(), 32);

    let stranger = store.take_draft(&draft.id, GUILD, "99", NOW + 1).await;
    assert!(
        matches!(stranger, Err(TeachingError::NotYourDraft)),
        "{stranger:?}"
    );
    let elsewhere = store
        .take_draft(&draft.id, OTHER_GUILD, MENTOR, NOW + 1)
        .await;
    assert!(
        matches!(elsewhere, Err(TeachingError::DraftGone)),
        "{elsewhere:?}"
    );

    let article = store
        .confirm_draft(&draft.id, GUILD, MENTOR, NOW + 2)
        .await
        .expect("confirmed");
    assert_eq!(article.title, "Analyst vs Engineer");
    assert_eq!(article.slug, "analyst-vs-engineer");
    assert_eq!(article.added_by, MENTOR);
    let replay = store.confirm_draft(&draft.id, GUILD, MENTOR, NOW + 3).await;
    assert!(
        matches!(replay, Err(TeachingError::DraftGone)),
        "{replay:?}"
    );
    assert_eq!(store.list(GUILD).await.expect("list").len(), 1);
});

on_both_backends!(drafts_expire_after_fifteen_minutes, |store| {
    let draft = store
        .save_draft(GUILD, MENTOR, "Late", ARTICLE, NOW)
        .await
        .expect("draft");
    let late = store
        .take_draft(&draft.id, GUILD, MENTOR, NOW + DRAFT_LIFETIME_SECS)
        .await;
    assert!(matches!(late, Err(TeachingError::DraftExpired)), "{late:?}");
    let again = store.take_draft(&draft.id, GUILD, MENTOR, NOW).await;
    assert!(
        matches!(again, Err(TeachingError::DraftGone)),
        "an expired draft is forgotten: {again:?}"
    );

    let kept = store
        .save_draft(GUILD, MENTOR, "In time", ARTICLE, NOW)
        .await
        .expect("draft");
    let taken = store
        .take_draft(&kept.id, GUILD, MENTOR, NOW + DRAFT_LIFETIME_SECS - 1)
        .await
        .expect("in time");
    assert_eq!(taken.text, kept.text);
    assert!(
        store.list(GUILD).await.expect("list").is_empty(),
        "taking adds nothing"
    );
});

on_both_backends!(a_discarded_draft_cannot_be_added, |store| {
    let draft = store
        .save_draft(GUILD, MENTOR, "Discarded", ARTICLE, NOW)
        .await
        .expect("draft");
    let stranger = store.discard_draft(&draft.id, GUILD, "99", NOW).await;
    assert!(
        matches!(stranger, Err(TeachingError::NotYourDraft)),
        "{stranger:?}"
    );
    store
        .discard_draft(&draft.id, GUILD, MENTOR, NOW)
        .await
        .expect("discarded");
    store
        .discard_draft(&draft.id, GUILD, MENTOR, NOW)
        .await
        .expect("discarding twice is fine");
    let add = store.confirm_draft(&draft.id, GUILD, MENTOR, NOW).await;
    assert!(matches!(add, Err(TeachingError::DraftGone)), "{add:?}");
    let forged = store
        .confirm_draft(
            &DraftId("'; DROP TABLE articles; --".into()),
            GUILD,
            MENTOR,
            NOW,
        )
        .await;
    assert!(
        matches!(forged, Err(TeachingError::DraftGone)),
        "{forged:?}"
    );
});

on_both_backends!(the_same_text_twice_is_already_added, |store| {
    let first = store
        .add(GUILD, "First", ARTICLE, MENTOR, NOW)
        .await
        .expect("added");
    let pasted_again = ARTICLE.replace('\n', "\r\n") + "\r\n";
    let twice = store
        .add(GUILD, "Second", &pasted_again, "43", NOW + 1)
        .await;
    match twice {
        Err(TeachingError::AlreadyAdded { id, title }) => {
            assert_eq!((id, title.as_str()), (first.id, "First"));
        }
        other => panic!("expected already added, got {other:?}"),
    }
    let draft = store
        .save_draft(GUILD, MENTOR, "Third", ARTICLE, NOW)
        .await
        .expect("a draft of the same text may wait");
    let confirmed = store.confirm_draft(&draft.id, GUILD, MENTOR, NOW + 2).await;
    assert!(
        matches!(confirmed, Err(TeachingError::AlreadyAdded { .. })),
        "{confirmed:?}"
    );
    store
        .add(OTHER_GUILD, "Elsewhere", ARTICLE, MENTOR, NOW)
        .await
        .expect("another server may add the same text");

    store
        .remove(GUILD, first.id, "44", NOW + 3)
        .await
        .expect("removed");
    store
        .add(GUILD, "Back", ARTICLE, MENTOR, NOW + 4)
        .await
        .expect("a removed text may be added again");
});

on_both_backends!(bad_titles_and_texts_are_refused_with_a_reason, |store| {
    for (title, text) in [(" ", ARTICLE), ("Empty", " \n ")] {
        let refused = store.add(GUILD, title, text, MENTOR, NOW).await;
        assert!(
            matches!(refused, Err(TeachingError::Text(_))),
            "{refused:?}"
        );
        let refused = store.save_draft(GUILD, MENTOR, title, text, NOW).await;
        assert!(
            matches!(refused, Err(TeachingError::Text(_))),
            "{refused:?}"
        );
    }
    let huge = "word ".repeat(120_000);
    let refused = store.add(GUILD, "Huge", &huge, MENTOR, NOW).await;
    let message = refused.expect_err("too large").to_string();
    assert!(message.contains("KB"), "{message}");
    assert!(store.list(GUILD).await.expect("list").is_empty());
});

on_both_backends!(removal_hides_an_article_and_keeps_its_history, |store| {
    let a = store.add(GUILD, "A", "text a", "1", NOW).await.expect("a");
    let b = store
        .add(GUILD, "B", "text b", "2", NOW + 1)
        .await
        .expect("b");
    store
        .add(OTHER_GUILD, "C", "text c", "3", NOW + 2)
        .await
        .expect("c");
    let listed: Vec<i64> = store
        .list(GUILD)
        .await
        .expect("list")
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(listed, vec![b.id, a.id], "newest first");

    let removed = store
        .remove(GUILD, a.id, "9", NOW + 5)
        .await
        .expect("remove");
    assert_eq!(removed.title, "A");
    let twice = store.remove(GUILD, a.id, "9", NOW + 6).await;
    assert!(
        matches!(twice, Err(TeachingError::NoSuchArticle(_))),
        "{twice:?}"
    );
    let elsewhere = store.remove(OTHER_GUILD, b.id, "9", NOW + 6).await;
    assert!(
        matches!(elsewhere, Err(TeachingError::NoSuchArticle(_))),
        "{elsewhere:?}"
    );

    let texts = store.articles_of(GUILD).await.expect("texts");
    assert_eq!(texts.len(), 1);
    assert_eq!(
        (texts[0].article.id, texts[0].text.as_str()),
        (b.id, "text b")
    );

    let history = store.history(GUILD, 10).await.expect("history");
    let seen: Vec<(ArticleAction, &str, &str, i64)> = history
        .iter()
        .map(|e| (e.action, e.title.as_str(), e.actor.as_str(), e.at))
        .collect();
    assert_eq!(
        seen,
        vec![
            (ArticleAction::Remove, "A", "9", NOW + 5),
            (ArticleAction::Add, "B", "2", NOW + 1),
            (ArticleAction::Add, "A", "1", NOW),
        ]
    );
    assert_eq!(store.history(GUILD, 1).await.expect("one").len(), 1);
});

on_both_backends!(articles_of_lists_oldest_first_with_texts, |store| {
    for (n, title) in ["One", "Two", "Three"].iter().enumerate() {
        let at = NOW + i64::try_from(n).expect("small");
        store
            .add(GUILD, title, &format!("text {title}"), MENTOR, at)
            .await
            .expect("added");
    }
    let titles: Vec<String> = store
        .articles_of(GUILD)
        .await
        .expect("texts")
        .into_iter()
        .map(|t| t.article.title)
        .collect();
    assert_eq!(titles, ["One", "Two", "Three"]);
    assert!(store
        .articles_of(OTHER_GUILD)
        .await
        .expect("none")
        .is_empty());
});

on_both_backends!(
    articles_read_before_are_taken_as_read_and_only_the_others_read,
    |store| {
        let mut added = Vec::new();
        for (n, title) in ["One", "Two", "Three", "Four"].iter().enumerate() {
            let at = NOW + i64::try_from(n).expect("small");
            let text = format!("text {title}");
            added.push(
                store
                    .add(GUILD, title, &text, MENTOR, at)
                    .await
                    .expect("added"),
            );
        }
        store
            .remove(GUILD, added[3].id, "9", NOW + 9)
            .await
            .expect("removed");
        let all = store.articles_of(GUILD).await.expect("texts");
        // What a base read before: "One" (its text marked, to tell it was not read again)
        // and the removed "Four"; "Two" and "Three" it has not read.
        let mut read: HashMap<i64, ArticleText> = HashMap::new();
        let mut one = all[0].clone();
        one.text = "as read before".into();
        read.insert(one.article.id, one);
        let mut four = all[0].clone();
        four.article.id = added[3].id;
        read.insert(four.article.id, four);

        let texts = store.articles_of_reusing(GUILD, read).await.expect("texts");
        let seen: Vec<(&str, &str)> = texts
            .iter()
            .map(|t| (t.article.title.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("One", "as read before"),
                ("Two", "text Two"),
                ("Three", "text Three")
            ]
        );
        // With nothing read before, every article as the store has it.
        assert_eq!(
            store
                .articles_of_reusing(GUILD, HashMap::new())
                .await
                .expect("all"),
            all
        );
    }
);

/// The job board and teaching share one database: jobs and articles land in the same file.
#[tokio::test]
async fn teaching_shares_the_job_stores_database() {
    let url = sqlite_url("teaching_shared");
    let jobs = JobStore::open(&url).await.expect("jobs");
    let teaching = TeachingStore::on(jobs.database());
    teaching
        .add(GUILD, "Shared", ARTICLE, MENTOR, NOW)
        .await
        .expect("added");
    jobs.close().await;
    let reopened = TeachingStore::on(&Database::open(&url).await.expect("reopen"));
    assert_eq!(reopened.list(GUILD).await.expect("list").len(), 1);
}

on_both_backends!(
    gaps_count_asks_per_server_and_forget_what_is_answered,
    |store| {
        use rolecall::teaching::store::gaps::{GapKind, GAPS_PER_SERVER};
        for at in [NOW, NOW + 5] {
            store
                .record_gap(GUILD, GapKind::UnknownRole, "data engineer", at)
                .await
                .expect("noted");
        }
        store
            .record_gap(GUILD, GapKind::Unclear, "which one pays", NOW + 1)
            .await
            .expect("noted");
        store
            .record_gap(OTHER_GUILD, GapKind::UnknownRole, "astronaut", NOW)
            .await
            .expect("noted");
        let gaps = store.gaps(GUILD, 10).await.expect("gaps");
        let seen: Vec<(&str, i64, i64)> = gaps
            .iter()
            .map(|g| (g.subject.as_str(), g.asks, g.last_at))
            .collect();
        assert_eq!(
            seen,
            [
                ("data engineer", 2, NOW + 5),
                ("which one pays", 1, NOW + 1)
            ]
        );
        let forgotten = store
            .forget_answered_gaps(GUILD, GapKind::UnknownRole, |role| role == "data engineer")
            .await
            .expect("forgotten");
        assert_eq!(forgotten, 1);
        let left: Vec<String> = store
            .gaps(GUILD, 10)
            .await
            .expect("gaps")
            .into_iter()
            .map(|g| g.subject)
            .collect();
        assert_eq!(left, ["which one pays"]);
        assert_eq!(store.gaps(OTHER_GUILD, 10).await.expect("gaps").len(), 1);

        // Past the cap, the least recently asked go.
        let cap = usize::try_from(GAPS_PER_SERVER).expect("a small cap");
        for i in 0..cap + 3 {
            let at = NOW + 100 + i64::try_from(i).expect("small");
            store
                .record_gap(
                    OTHER_GUILD,
                    GapKind::UnknownSkills,
                    &format!("skill {i}"),
                    at,
                )
                .await
                .expect("noted");
        }
        let kept = store.gaps(OTHER_GUILD, usize::MAX).await.expect("gaps");
        assert_eq!(kept.len(), cap);
        assert!(kept
            .iter()
            .all(|g| g.subject != "astronaut" && g.subject != "skill 0"));
    }
);

mod forum;
mod votes;

on_both_backends!(
    live_article_ids_say_what_each_server_should_be_built_from,
    |store| {
        assert!(store.live_article_ids().await.expect("ids").is_empty());
        let a = store.add(GUILD, "A", "text a", "1", NOW).await.expect("a");
        let b = store.add(GUILD, "B", "text b", "1", NOW).await.expect("b");
        let c = store
            .add(OTHER_GUILD, "C", "text c", "1", NOW)
            .await
            .expect("c");
        store
            .remove(GUILD, a.id, "1", NOW + 1)
            .await
            .expect("removed");
        assert_eq!(
            store.live_article_ids().await.expect("ids"),
            vec![(GUILD, vec![b.id]), (OTHER_GUILD, vec![c.id])]
        );
    }
);
