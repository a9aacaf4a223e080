//! The alert store on both backends: settings per server and their pause, the audience's
//! revision, the outbox (queued once, claimed best fit first by one worker at a time, claims
//! that expire, the daily cap sending the rest to tomorrow, settled rows), two workers
//! claiming at once, and `/me forget` leaving no alert row behind.

use std::collections::HashSet;

use rolecall::database::Database;
use rolecall::members::alerts::{day_of, start_of_day_after, AlertFilter};
use rolecall::members::store::outbox::{Budget, Queued};
use rolecall::members::store::ProfileStore;

use crate::support::{postgres_url, sqlite_url};

/// Noon, so a test's "now + a few seconds" stays on one day.
const NOW: i64 = 1_795_608_000 + 43_200;
const GUILD: u64 = 5;

fn queued(user: &str, job: i64, fit: u8) -> Queued {
    Queued {
        user: user.into(),
        guild: GUILD,
        job,
        fit,
    }
}

async fn settings_and_audience(profiles: &ProfileStore) {
    let skills = vec!["python".to_owned(), "sql".to_owned()];
    profiles.save("42", &skills, NOW).await.expect("saved");
    let before = profiles.audience_revision(GUILD).await.expect("revision");
    let filter = AlertFilter {
        min_fit: 60,
        level: Some("senior".into()),
        remote: Some(true),
    };
    profiles
        .alerts_on("42", GUILD, &filter, NOW)
        .await
        .expect("on");
    let after_on = profiles.audience_revision(GUILD).await.expect("revision");
    assert!(after_on > before);
    let subscribers = profiles.subscribers(GUILD).await.expect("subscribers");
    assert_eq!(subscribers.len(), 1);
    assert_eq!(
        (subscribers[0].filter.clone(), subscribers[0].skills.clone()),
        (filter.clone(), skills)
    );

    // A changed profile changes what matching must read there.
    profiles
        .save("42", &["rust".to_owned()], NOW + 1)
        .await
        .expect("saved");
    let after_save = profiles.audience_revision(GUILD).await.expect("revision");
    assert!(after_save > after_on);

    // Paused: out of the audience, and said why; on again lifts the pause.
    profiles
        .pause_alerts("42", "closed DMs", NOW + 2)
        .await
        .expect("paused");
    assert!(profiles
        .subscribers(GUILD)
        .await
        .expect("subscribers")
        .is_empty());
    let status = profiles.alert_status("42").await.expect("status");
    assert_eq!(
        status.pause.map(|p| p.reason),
        Some("closed DMs".to_owned())
    );
    assert!(profiles.audience_revision(GUILD).await.expect("revision") > after_save);
    profiles
        .alerts_on("42", GUILD, &filter, NOW + 3)
        .await
        .expect("on");
    assert_eq!(
        profiles.alert_status("42").await.expect("status").pause,
        None
    );
    assert!(profiles
        .alerts_off("42", GUILD, NOW + 4)
        .await
        .expect("off"));
    assert!(!profiles
        .alerts_off("42", GUILD, NOW + 4)
        .await
        .expect("off again"));
    let status = profiles.alert_status("42").await.expect("status");
    assert!(!status.servers[0].enabled, "kept, off: {status:?}");
    assert!(profiles
        .subscribers(GUILD)
        .await
        .expect("subscribers")
        .is_empty());
    assert!(profiles.has_alerts_in("42", GUILD).await.expect("has"));
    assert!(!profiles.has_alerts_in("43", GUILD).await.expect("has"));
}

async fn outbox_claims_and_cap(profiles: &ProfileStore) {
    let alerts = [
        queued("7", 1, 55),
        queued("7", 2, 90),
        queued("7", 3, 70),
        queued("8", 1, 60),
    ];
    assert_eq!(profiles.enqueue(&alerts, NOW).await.expect("queued"), 4);
    assert_eq!(
        profiles.enqueue(&alerts, NOW).await.expect("again"),
        0,
        "each (member, job) once"
    );

    // Best fit first; a claimed row is no one else's until its claim expires.
    let mut first = profiles.claim_due(2, 30, NOW).await.expect("claimed");
    let fits: Vec<u8> = first.iter().map(|a| a.fit).collect();
    assert_eq!(fits, [90, 70]);
    let mut second = profiles.claim_due(10, 30, NOW).await.expect("claimed");
    let fits: Vec<u8> = second.iter().map(|a| a.fit).collect();
    assert_eq!(fits, [60, 55]);
    assert!(profiles
        .claim_due(10, 30, NOW + 29)
        .await
        .expect("none")
        .is_empty());

    // A cap of 2 a day for member 7: two counted, the third waits for tomorrow.
    assert_eq!(
        profiles
            .count_against_cap(&mut first[0], 2, NOW)
            .await
            .expect("cap"),
        Budget::Counted
    );
    assert_eq!(
        profiles
            .count_against_cap(&mut first[0], 2, NOW)
            .await
            .expect("cap"),
        Budget::Counted,
        "counted once"
    );
    assert_eq!(
        profiles
            .count_against_cap(&mut first[1], 2, NOW)
            .await
            .expect("cap"),
        Budget::Counted
    );
    let seven_55 = second.iter_mut().find(|a| a.user == "7").expect("7's last");
    assert_eq!(
        profiles
            .count_against_cap(seven_55, 2, NOW)
            .await
            .expect("cap"),
        Budget::Tomorrow
    );
    assert!(profiles.mark_sent(&first[0], NOW).await.expect("sent"));
    assert!(profiles.mark_sent(&first[1], NOW).await.expect("sent"));

    // Member 8's claim expired (a killed process): taken again, with a new claim; the old
    // claim can no longer settle it.
    let again = profiles
        .claim_due(10, 30, NOW + 31)
        .await
        .expect("claimed again");
    let users: Vec<&str> = again.iter().map(|a| a.user.as_str()).collect();
    assert_eq!(users, ["8"], "7's third waits for tomorrow: {again:?}");
    let stale = second.iter().find(|a| a.user == "8").expect("8's");
    assert!(!profiles.mark_sent(stale, NOW + 31).await.expect("stale"));
    profiles
        .retry_at(&again[0], NOW + 40, true)
        .await
        .expect("later");
    assert!(profiles
        .claim_due(10, 30, NOW + 39)
        .await
        .expect("not yet")
        .is_empty());
    let retried = profiles
        .claim_due(10, 30, NOW + 40)
        .await
        .expect("due again");
    assert_eq!((retried.len(), retried[0].attempts), (1, 1));
    assert!(profiles
        .mark_unsent(&retried[0], "gone", NOW + 40)
        .await
        .expect("gone"));

    // Tomorrow, 7's third is due.
    let tomorrow = start_of_day_after(day_of(NOW));
    let mut next = profiles
        .claim_due(10, 30, tomorrow)
        .await
        .expect("tomorrow");
    assert_eq!(next.iter().map(|a| a.fit).collect::<Vec<_>>(), [55]);
    assert_eq!(
        profiles
            .count_against_cap(&mut next[0], 2, tomorrow)
            .await
            .expect("cap"),
        Budget::Counted
    );

    // A paused member's alerts are not claimed.
    profiles
        .enqueue(&[queued("9", 4, 80)], NOW)
        .await
        .expect("queued");
    profiles
        .pause_alerts("9", "closed", NOW)
        .await
        .expect("paused");
    assert!(profiles
        .claim_due(10, 30, tomorrow + 100)
        .await
        .expect("claimed")
        .iter()
        .all(|a| a.user != "9"));

    // Settled rows are kept a week, then deleted.
    let export = profiles.export("7").await.expect("export");
    assert_eq!(
        export["records"]["alert_outbox"].as_array().map(Vec::len),
        Some(3),
        "{export}"
    );
    profiles
        .tidy_outbox(NOW + 8 * 86_400)
        .await
        .expect("tidied");
    let export = profiles.export("7").await.expect("export");
    assert_eq!(
        export["records"]["alert_outbox"].as_array().map(Vec::len),
        Some(1),
        "{export}"
    );
}

async fn forget_leaves_no_alert_row(profiles: &ProfileStore) {
    profiles
        .save("50", &["sql".to_owned()], NOW)
        .await
        .expect("saved");
    profiles
        .alerts_on("50", GUILD, &AlertFilter::default(), NOW)
        .await
        .expect("on");
    profiles
        .pause_alerts("50", "closed", NOW)
        .await
        .expect("paused");
    profiles
        .enqueue(&[queued("50", 10, 90), queued("51", 10, 90)], NOW)
        .await
        .expect("queued");
    let mut claimed = profiles
        .claim_due(10, 30, NOW + 100_000)
        .await
        .expect("claimed");
    for alert in &mut claimed {
        profiles
            .count_against_cap(alert, 5, NOW + 100_000)
            .await
            .expect("cap");
    }
    assert!(profiles.names("50").await.expect("names"));
    let export = profiles.export("50").await.expect("export");
    for table in ["member_alerts", "member_alert_pauses", "alert_outbox"] {
        assert!(export["records"][table].is_array(), "{table}: {export}");
    }
    assert!(profiles.forget("50").await.expect("forgotten").is_some());
    assert!(
        !profiles.names("50").await.expect("names"),
        "no row names 50"
    );
    assert!(
        profiles.names("51").await.expect("names"),
        "51's alert stays"
    );
}

/// Two workers claiming at once never get the same row, and between them get every row.
async fn two_workers_share_the_outbox(url: &str) {
    let first = ProfileStore::open(url).await.expect("open");
    let second = ProfileStore::open(url).await.expect("open");
    let alerts: Vec<Queued> = (0..60)
        .map(|i| queued(&format!("u{i}"), 100 + i, 50))
        .collect();
    first.enqueue(&alerts, NOW).await.expect("queued");
    let mut seen = HashSet::new();
    loop {
        let (a, b) = tokio::join!(first.claim_due(7, 30, NOW), second.claim_due(7, 30, NOW));
        let (a, b) = (a.expect("first claims"), b.expect("second claims"));
        if a.is_empty() && b.is_empty() {
            break;
        }
        for alert in a.iter().chain(&b) {
            assert!(seen.insert(alert.id), "claimed twice: {alert:?}");
        }
    }
    assert_eq!(seen.len(), 60);
}

async fn check(url: &str) {
    let database = Database::open(url).await.expect("open");
    let profiles = ProfileStore::on(&database);
    settings_and_audience(&profiles).await;
    outbox_claims_and_cap(&profiles).await;
    forget_leaves_no_alert_row(&profiles).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    check(&sqlite_url("alert_store")).await;
    two_workers_share_the_outbox(&sqlite_url("alert_store_workers")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    check(&postgres_url("alert_store").await).await;
    two_workers_share_the_outbox(&postgres_url("alert_store_workers").await).await;
}
