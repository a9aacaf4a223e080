//! Job alerts end to end: the real `serve-http` (its delivery worker included) against a
//! fake Discord that records DMs (`fake`). Members save skills and turn alerts on through
//! signed interactions, a moderator posts jobs, and the DMs that arrive are checked: who gets
//! one (filters, least fit, the daily cap), what it says (Discord's description, the job as
//! it stands, the server, the buttons), and what Discord's answers do (rate limits, errors,
//! closed DMs); then two processes on one PostgreSQL, and a process killed mid-delivery.

mod fake;
mod processes;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};
use serenity::all::Permissions;
use sqlx::Row;

use crate::crash::{client, kill};
use crate::http::{command, free_port, Endpoint};
use fake::{Answer, FakeDiscord};

pub const GUILD: &str = "5";
const STRONG_SKILLS: &str =
    "sql, machine learning, algorithms, statistical analysis, feature engineering";

/// `rolecall serve-http` keeping its data at `database`, sending DMs to `discord` (none:
/// no bot token, so alerts wait in the store), with more settings in `env`.
pub fn serve(
    database: &str,
    discord: Option<&FakeDiscord>,
    env: &[(&str, &str)],
) -> (Child, Endpoint) {
    let port = free_port();
    let key = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
    let mut command = Command::new(env!("CARGO_BIN_EXE_rolecall"));
    command
        .args(["serve-http", "--addr", &format!("127.0.0.1:{port}")])
        .env(
            "DISCORD_PUBLIC_KEY",
            hex::encode(key.verifying_key().to_bytes()),
        )
        .env_remove("ROLECALL_KNOWLEDGE")
        .env_remove("DISCORD_TOKEN")
        .env_remove("ROLECALL_DISCORD_API")
        .env("DATABASE_URL", database)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(discord) = discord {
        command
            .env("DISCORD_TOKEN", "fake-token-SECRET")
            .env("ROLECALL_DISCORD_API", discord.api());
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let child = command.spawn().expect("serve-http starts");
    let endpoint = client(port);
    let ready = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        std::net::TcpStream::connect(endpoint.addr).is_ok()
    });
    assert!(ready, "serve-http did not start listening");
    (child, endpoint)
}

fn member(id: &str, permissions: u64) -> Value {
    json!({ "guild_id": GUILD, "member": {
        "user": { "id": id, "username": "m" }, "permissions": permissions.to_string(), "roles": [],
    } })
}

fn me(endpoint: &Endpoint, user: &str, sub: &str, options: Value) -> Value {
    let body = command(
        "me",
        json!([{ "name": sub, "type": 1, "options": options }]),
        member(user, 0),
    );
    endpoint.answer(&body)
}

/// `user` saves `skills` and turns alerts on with `options` besides `turn:on`.
pub fn subscribe(endpoint: &Endpoint, user: &str, skills: &str, options: Value) {
    let saved = me(
        endpoint,
        user,
        "skills",
        json!([{ "name": "set", "type": 3, "value": skills }]),
    );
    assert!(saved.to_string().contains("Saved"), "{saved}");
    let mut turn = vec![json!({ "name": "turn", "type": 3, "value": "on" })];
    turn.extend(options.as_array().cloned().unwrap_or_default());
    let on = me(endpoint, user, "alerts", Value::Array(turn));
    assert!(on.to_string().contains("Alerts on"), "{on}");
}

/// A moderator posts a data-scientist job; its id.
pub fn post_job(endpoint: &Endpoint, title: &str, level: &str, remote: bool) -> i64 {
    let fields = json!([{ "name": "post", "type": 1, "options": [
        { "name": "title", "type": 3, "value": title },
        { "name": "company", "type": 3, "value": "Acme" },
        { "name": "location", "type": 3, "value": "Berlin" },
        { "name": "remote", "type": 5, "value": remote },
        { "name": "level", "type": 3, "value": level },
        { "name": "role", "type": 3, "value": "data scientist" },
    ] }]);
    let moderator = member("900", Permissions::MANAGE_MESSAGES.bits());
    let posted = endpoint.answer(&command("job", fields, moderator));
    job_id(&posted)
}

fn job_id(answer: &Value) -> i64 {
    answer["data"]["embeds"][0]["title"]
        .as_str()
        .and_then(|title| title.strip_prefix("Job ID "))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a job id in {answer}"))
}

/// `/job edit` or `/job remove` of job `id`, by the moderator.
fn change_job(endpoint: &Endpoint, sub: &str, id: i64, more: Value) {
    let mut options = vec![json!({ "name": "id", "type": 4, "value": id })];
    options.extend(more.as_array().cloned().unwrap_or_default());
    let moderator = member("900", Permissions::MANAGE_MESSAGES.bits());
    let body = command(
        "job",
        json!([{ "name": sub, "type": 1, "options": options }]),
        moderator,
    );
    let answer = endpoint.answer(&body);
    assert!(
        answer.to_string().contains(&format!("Job ID {id}")),
        "{answer}"
    );
}

/// A click on an alert DM's button, by `user`, in their DMs (no server).
fn click_in_dm(endpoint: &Endpoint, user: &str, custom_id: &str) -> Value {
    let body = json!({
        "type": 3, "id": "3", "token": "t", "application_id": "1", "channel_id": "9",
        "user": { "id": user, "username": "m" },
        "data": { "custom_id": custom_id, "component_type": 2 },
    });
    endpoint.answer(body.to_string().as_bytes())
}

/// The buttons' ids of a DM.
fn button_ids(dm: &Value) -> Vec<String> {
    dm["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|button| button["custom_id"].as_str().map(str::to_owned))
        .collect()
}

/// A row of the outbox for (user, job): sent?, outcome, due_at.
pub async fn outbox_row(
    database: &str,
    user: &str,
    job: i64,
) -> Option<(Option<i64>, Option<String>, i64)> {
    let db = rolecall::database::Database::open(database)
        .await
        .expect("open");
    let row = sqlx::query(
        "SELECT sent_at, outcome, due_at FROM alert_outbox WHERE user_id = $1 AND job_id = $2",
    )
    .bind(user)
    .bind(job)
    .fetch_optional(db.pool())
    .await
    .expect("read the outbox")?;
    Some((
        row.try_get("sent_at").expect("sent_at"),
        row.try_get("outcome").expect("outcome"),
        row.try_get("due_at").expect("due_at"),
    ))
}

/// The outbox row of (user, job) once it is there: a posted job's alerts are queued just
/// after the poster's answer, so a test reading the outbox at once may be early.
fn queued(
    rt: &tokio::runtime::Runtime,
    database: &str,
    user: &str,
    job: i64,
) -> (Option<i64>, Option<String>, i64) {
    (0..100)
        .find_map(|_| {
            rt.block_on(outbox_row(database, user, job)).or_else(|| {
                std::thread::sleep(Duration::from_millis(50));
                None
            })
        })
        .unwrap_or_else(|| panic!("{user}'s alert for job {job} was never queued"))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Runtime::new().expect("runtime")
}

fn dms_of(discord: &FakeDiscord, user: &str) -> usize {
    discord.dms_to(user).len()
}

#[test]
fn alerts_reach_the_members_they_fit_within_their_filters_and_the_daily_cap() {
    let database = crate::support::sqlite_url("alerts_filters");
    let discord = FakeDiscord::start();
    let (mut server, endpoint) = serve(
        &database,
        Some(&discord),
        &[("ROLECALL_ALERTS_PER_DAY", "2")],
    );
    let level = |l: &str| json!([{ "name": "level", "type": 3, "value": l }]);
    subscribe(
        &endpoint,
        "101",
        STRONG_SKILLS,
        json!([{ "name": "min_fit", "type": 4, "value": 30 }]),
    );
    subscribe(&endpoint, "102", STRONG_SKILLS, level("senior"));
    subscribe(
        &endpoint,
        "103",
        STRONG_SKILLS,
        json!([{ "name": "remote", "type": 5, "value": false }]),
    );
    // Skills no data scientist needs: below the least fit.
    subscribe(&endpoint, "104", "knitting, pottery", json!([]));
    subscribe(&endpoint, "105", STRONG_SKILLS, json!([]));
    let off = me(
        &endpoint,
        "105",
        "alerts",
        json!([{ "name": "turn", "type": 3, "value": "off" }]),
    );
    assert!(off.to_string().contains("Alerts off"), "{off}");

    let mid_remote = post_job(&endpoint, "Data Scientist @everyone", "mid", true);
    discord.wait_for("the first alert", |_| dms_of(&discord, "101") == 1);
    let senior_remote = post_job(&endpoint, "Senior Data Scientist", "senior", true);
    let mid_on_site = post_job(&endpoint, "Data Scientist, on site", "mid", false);
    discord.wait_for("the alerts within the filters", |_| {
        dms_of(&discord, "101") == 2 && dms_of(&discord, "102") == 1 && dms_of(&discord, "103") == 1
    });
    // The worker looks every second: two more looks find nothing more to send.
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(dms_of(&discord, "101"), 2, "the daily cap of 2");
    assert_eq!((dms_of(&discord, "104"), dms_of(&discord, "105")), (0, 0));
    assert_eq!(
        discord.invalid(),
        Vec::<String>::new(),
        "bodies as Discord describes them"
    );

    // 101's third waits for tomorrow, unsent.
    let rt = runtime();
    let waiting = queued(&rt, &database, "101", mid_on_site);
    assert_eq!(waiting.0, None);
    assert_eq!(
        waiting.2 % 86_400,
        0,
        "due at the start of a day: {waiting:?}"
    );
    assert!(
        rt.block_on(outbox_row(&database, "102", mid_remote))
            .is_none(),
        "filtered out"
    );

    // What a DM says: the job, why it fits, the server, no pings, the two buttons, a nonce.
    let first = &discord.dms_to("101")[0];
    let text = first.to_string();
    assert!(
        text.contains("A new job that fits you, from **Data \\\\*Folks\\\\***"),
        "{text}"
    );
    assert!(
        text.contains("Why it fits") && text.contains("Machine learning"),
        "{text}"
    );
    assert!(!text.contains("@everyone"), "escaped: {text}");
    assert_eq!(first["allowed_mentions"], json!({ "parse": [] }));
    assert_eq!(first["enforce_nonce"], true);
    assert_eq!(
        button_ids(first),
        [
            "alerts:stop:5".to_owned(),
            format!("alerts:similar:5:{mid_remote}")
        ]
    );
    let senior_dm = discord.dms_to("102")[0].to_string();
    assert!(senior_dm.contains("Senior Data Scientist"), "{senior_dm}");
    assert!(senior_remote > mid_remote);

    // /me show lists the alerts.
    let shown = me(&endpoint, "101", "show", json!([])).to_string();
    assert!(
        shown.contains("Job alerts")
            && shown.contains("Server 5: on, jobs that fit you at least 30%"),
        "{shown}"
    );

    // The DM's buttons, clicked in DMs: similar jobs, then stop (the waiting one goes too).
    let similar = click_in_dm(&endpoint, "101", &format!("alerts:similar:5:{mid_remote}"));
    assert!(similar.to_string().contains("Featured jobs"), "{similar}");
    assert_eq!(similar["data"]["flags"], 64);
    let stranger = click_in_dm(&endpoint, "999", &format!("alerts:similar:5:{mid_remote}"));
    assert!(
        stranger.to_string().contains("Not your alert"),
        "{stranger}"
    );
    let stopped = click_in_dm(&endpoint, "101", "alerts:stop:5");
    assert!(stopped.to_string().contains("Stopped"), "{stopped}");
    let settled = rt
        .block_on(outbox_row(&database, "101", mid_on_site))
        .expect("kept");
    assert_eq!((settled.0, settled.1.as_deref()), (None, Some("stopped")));
    let shown = me(&endpoint, "101", "show", json!([])).to_string();
    assert!(shown.contains("Server 5: off"), "{shown}");
    kill(&mut server, "-TERM");
}

#[test]
fn alerts_are_set_in_a_server_only_and_need_saved_skills() {
    let (mut server, endpoint) = serve(&crate::support::sqlite_url("alerts_refusals"), None, &[]);
    let on = json!([{ "name": "alerts", "type": 1, "options": [{ "name": "turn", "type": 3, "value": "on" }] }]);
    let no_skills = endpoint.answer(&command("me", on.clone(), member("301", 0)));
    assert!(
        no_skills.to_string().contains("save them first"),
        "{no_skills}"
    );
    let in_dm = json!({ "user": { "id": "301", "username": "m" } });
    let refused = endpoint.answer(&command("me", on, in_dm));
    assert!(
        refused.to_string().contains("Alerts are set in a server"),
        "{refused}"
    );
    assert_eq!(refused["data"]["flags"], 64);
    kill(&mut server, "-TERM");
}

#[test]
fn a_refused_dm_pauses_the_members_alerts_and_me_show_says_why() {
    let database = crate::support::sqlite_url("alerts_refused");
    let discord = FakeDiscord::start();
    discord.close_dms_of("201");
    let (mut server, endpoint) = serve(&database, Some(&discord), &[]);
    subscribe(&endpoint, "201", STRONG_SKILLS, json!([]));
    let first = post_job(&endpoint, "Data Scientist", "mid", true);
    discord.wait_for("the refused DM", |attempts| {
        attempts.iter().any(|a| a.user == "201")
    });
    let paused = (0..100).find_map(|_| {
        let shown = me(&endpoint, "201", "show", json!([])).to_string();
        if shown.contains("Paused") {
            return Some(shown);
        }
        std::thread::sleep(Duration::from_millis(100));
        None
    });
    let shown = paused.expect("/me show says the alerts are paused");
    assert!(
        shown.contains("would not let me send you a direct message"),
        "{shown}"
    );
    let rt = runtime();
    let row = rt
        .block_on(outbox_row(&database, "201", first))
        .expect("kept");
    assert_eq!((row.0, row.1.as_deref()), (None, Some("paused")));

    // Paused: the next job queues nothing for them, and nothing is tried.
    let second = post_job(&endpoint, "Lead Data Scientist", "senior", true);
    std::thread::sleep(Duration::from_secs(2));
    assert!(rt.block_on(outbox_row(&database, "201", second)).is_none());
    assert_eq!(discord.attempts().len(), 1);
    kill(&mut server, "-TERM");
}

#[test]
fn rate_limits_and_server_errors_are_waited_out_and_the_dm_made_once() {
    let database = crate::support::sqlite_url("alerts_retries");
    let discord = FakeDiscord::start();
    discord.script(&[Answer::RateLimited(1.0), Answer::ServerError]);
    let (mut server, endpoint) = serve(&database, Some(&discord), &[]);
    subscribe(&endpoint, "401", STRONG_SKILLS, json!([]));
    let job = post_job(&endpoint, "Data Scientist", "mid", true);
    discord.wait_for("the DM after a 429 and a 500", |_| {
        dms_of(&discord, "401") == 1
    });
    let attempts = discord.attempts();
    assert_eq!(attempts.len(), 3, "429, 500, then taken: {attempts:?}");
    let nonces: Vec<&Value> = attempts.iter().map(|a| &a.body["nonce"]).collect();
    assert!(
        nonces.iter().all(|n| *n == nonces[0]),
        "one alert, one nonce: {nonces:?}"
    );
    let rt = runtime();
    let row = (0..50)
        .find_map(|_| {
            let row = rt
                .block_on(outbox_row(&database, "401", job))
                .filter(|r| r.0.is_some());
            row.or_else(|| {
                std::thread::sleep(Duration::from_millis(100));
                None
            })
        })
        .expect("marked sent");
    assert_eq!(row.1.as_deref(), Some("sent"));
    kill(&mut server, "-TERM");
}

#[test]
fn a_job_removed_after_queueing_sends_nothing_and_an_edited_one_its_current_text() {
    let database = crate::support::sqlite_url("alerts_changed");
    // No token: alerts are queued, not sent.
    let (mut server, endpoint) = serve(&database, None, &[]);
    subscribe(&endpoint, "501", STRONG_SKILLS, json!([]));
    let removed = post_job(&endpoint, "Data Scientist (filled)", "mid", true);
    let edited = post_job(&endpoint, "Data Scientist draft title", "mid", true);
    change_job(&endpoint, "remove", removed, json!([]));
    change_job(
        &endpoint,
        "edit",
        edited,
        json!([{ "name": "title", "type": 3, "value": "Principal Data Scientist" }]),
    );
    kill(&mut server, "-TERM");

    let discord = FakeDiscord::start();
    let (mut server, _endpoint) = serve(&database, Some(&discord), &[]);
    discord.wait_for("the edited job's alert", |_| dms_of(&discord, "501") == 1);
    let rt = runtime();
    let gone = (0..50).find_map(|_| {
        let row = rt
            .block_on(outbox_row(&database, "501", removed))
            .filter(|r| r.1.is_some());
        row.or_else(|| {
            std::thread::sleep(Duration::from_millis(100));
            None
        })
    });
    assert_eq!(gone.and_then(|r| r.1).as_deref(), Some("gone"));
    let dm = discord.dms_to("501")[0].to_string();
    assert!(
        dm.contains("Principal Data Scientist") && !dm.contains("draft title"),
        "{dm}"
    );
    assert_eq!(discord.attempts().len(), 1, "nothing about the removed job");
    kill(&mut server, "-TERM");
}

#[test]
fn me_forget_deletes_alert_settings_and_queued_alerts() {
    let database = crate::support::sqlite_url("alerts_forget");
    let (mut server, endpoint) = serve(&database, None, &[]);
    subscribe(&endpoint, "601", STRONG_SKILLS, json!([]));
    subscribe(&endpoint, "602", STRONG_SKILLS, json!([]));
    let job = post_job(&endpoint, "Data Scientist", "mid", true);
    let rt = runtime();
    queued(&rt, &database, "601", job);
    // The export (a file sent with the answer) lists the alert rows.
    let export = command(
        "me",
        json!([{ "name": "export", "type": 1, "options": [] }]),
        member("601", 0),
    );
    let exported = endpoint.post_signed(&export).body;
    assert!(
        exported.contains("member_alerts") && exported.contains("alert_outbox"),
        "{exported}"
    );
    let forgotten = click_in_dm(&endpoint, "601", "me:forget");
    assert!(forgotten.to_string().contains("Forgotten"), "{forgotten}");
    kill(&mut server, "-TERM");

    let counts = rt.block_on(async {
        let db = rolecall::database::Database::open(&database)
            .await
            .expect("open");
        let mut counts = Vec::new();
        for table in [
            "member_alerts",
            "member_alert_pauses",
            "alert_outbox",
            "alert_budgets",
            "member_profiles",
        ] {
            let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE user_id = $1");
            let count = |user: &'static str| {
                let sql = sql.clone();
                let pool = db.pool().clone();
                async move {
                    sqlx::query(&sql)
                        .bind(user)
                        .fetch_one(&pool)
                        .await
                        .expect("count")
                        .try_get::<i64, _>("n")
                        .expect("n")
                }
            };
            counts.push((table, count("601").await, count("602").await));
        }
        counts
    });
    for (table, forgotten, other) in counts {
        assert_eq!(forgotten, 0, "{table} still names the forgotten member");
        if table != "member_alert_pauses" && table != "alert_budgets" {
            assert!(other > 0, "{table}: the other member's rows stay");
        }
    }
}

/// A server the bot has left (Discord answers 404 for it): an alert set there still reaches
/// the member once, naming the server by its id, and is marked sent.
#[test]
fn an_alert_from_a_server_the_bot_has_left_names_it_by_its_id_and_is_sent_once() {
    let database = crate::support::sqlite_url("alerts_left");
    let discord = FakeDiscord::start();
    discord.leave("5");
    let (mut server, endpoint) = serve(&database, Some(&discord), &[]);
    subscribe(&endpoint, "601", STRONG_SKILLS, json!([]));
    let job = post_job(&endpoint, "Data Scientist", "mid", true);
    discord.wait_for("the DM", |_| dms_of(&discord, "601") == 1);
    let dm = discord.dms_to("601").remove(0);
    assert!(dm.to_string().contains("from the server 5"), "{dm}");
    let rt = runtime();
    let sent = (0..50).find_map(|_| {
        let row = rt.block_on(outbox_row(&database, "601", job));
        row.filter(|r| r.0.is_some()).or_else(|| {
            std::thread::sleep(Duration::from_millis(100));
            None
        })
    });
    assert_eq!(sent.and_then(|r| r.1).as_deref(), Some("sent"));
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(dms_of(&discord, "601"), 1, "sent once");
    assert!(discord.invalid().is_empty(), "{:?}", discord.invalid());
    kill(&mut server, "-TERM");
}
