//! Delivery across processes: two `serve-http` processes sharing one PostgreSQL deliver a
//! board's alerts with no duplicate and no loss; and a process SIGKILLed while Discord holds
//! its DM leaves the alert to be sent again once the claim expires, with the same nonce, which
//! Discord (asked to enforce it) makes the one message. That is the chosen guarantee: at
//! least once, and a repeat is the same message (ARCHITECTURE.md, "Job alerts").

use std::collections::HashMap;
use std::time::Duration;

use serde_json::json;

use super::fake::{Answer, FakeDiscord};
use super::{outbox_row, post_job, serve, subscribe, STRONG_SKILLS};
use crate::crash::kill;

const MEMBERS: usize = 24;
const JOBS: usize = 3;

#[test]
fn two_processes_deliver_one_boards_alerts_with_no_duplicate_and_no_loss() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let database = runtime.block_on(crate::support::postgres_url("alerts_two"));
    let discord = FakeDiscord::start();
    let env = [("ROLECALL_ALERTS_PER_DAY", "10")];
    let (mut first, through_first) = serve(&database, Some(&discord), &env);
    let (mut second, through_second) = serve(&database, Some(&discord), &env);
    let members: Vec<String> = (0..MEMBERS).map(|i| format!("{}", 7000 + i)).collect();
    for (i, user) in members.iter().enumerate() {
        let endpoint = if i % 2 == 0 {
            &through_first
        } else {
            &through_second
        };
        subscribe(endpoint, user, STRONG_SKILLS, json!([]));
    }
    // Jobs posted through both: each process queues, both deliver.
    let jobs: Vec<i64> = (0..JOBS)
        .map(|i| {
            let endpoint = if i % 2 == 0 {
                &through_first
            } else {
                &through_second
            };
            post_job(endpoint, &format!("Data Scientist {i}"), "mid", true)
        })
        .collect();
    discord.wait_for("every alert", |attempts| {
        attempts.iter().filter(|a| a.created).count() == MEMBERS * JOBS
    });
    std::thread::sleep(Duration::from_secs(2));
    let attempts = discord.attempts();
    let mut per_nonce: HashMap<String, usize> = HashMap::new();
    for attempt in &attempts {
        let nonce = attempt.body["nonce"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        *per_nonce.entry(nonce).or_default() += 1;
    }
    assert_eq!(attempts.len(), MEMBERS * JOBS, "no DM sent twice");
    assert!(per_nonce.values().all(|n| *n == 1), "{per_nonce:?}");
    for user in &members {
        assert_eq!(
            discord.dms_to(user).len(),
            JOBS,
            "{user} got every job once"
        );
        for job in &jobs {
            let row = runtime
                .block_on(outbox_row(&database, user, *job))
                .expect("queued");
            assert_eq!(row.1.as_deref(), Some("sent"), "{user}, job {job}");
        }
    }
    kill(&mut first, "-TERM");
    kill(&mut second, "-TERM");
}

#[test]
fn a_process_killed_while_its_dm_is_in_flight_sends_it_again_as_the_same_message() {
    let database = crate::support::sqlite_url("alerts_killed");
    let discord = FakeDiscord::start();
    // Discord takes the DM and holds its answer: the process dies before it can mark it.
    discord.script(&[Answer::Held]);
    let env = [("ROLECALL_ALERTS_CLAIM_SECONDS", "2")];
    let (mut server, endpoint) = serve(&database, Some(&discord), &env);
    subscribe(&endpoint, "801", STRONG_SKILLS, json!([]));
    let job = post_job(&endpoint, "Data Scientist", "mid", true);
    discord.wait_for("the held DM", |attempts| attempts.len() == 1);
    kill(&mut server, "-KILL");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let row = runtime
        .block_on(outbox_row(&database, "801", job))
        .expect("queued");
    assert_eq!(row.0, None, "not marked: the process died first");

    // Restarted: the expired claim is taken again and the DM sent again, same nonce.
    let (mut server, _endpoint) = serve(&database, Some(&discord), &env);
    discord.wait_for("the DM sent again", |attempts| attempts.len() == 2);
    let attempts = discord.attempts();
    assert_eq!(attempts[0].body["nonce"], attempts[1].body["nonce"]);
    assert_eq!(
        discord.dms_to("801").len(),
        1,
        "Discord made one message of the two"
    );
    let sent = (0..50).find_map(|_| {
        let row = runtime
            .block_on(outbox_row(&database, "801", job))
            .filter(|r| r.0.is_some());
        row.or_else(|| {
            std::thread::sleep(Duration::from_millis(100));
            None
        })
    });
    assert_eq!(sent.and_then(|r| r.1).as_deref(), Some("sent"));
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(discord.attempts().len(), 2, "marked sent: never again");
    kill(&mut server, "-TERM");
}
