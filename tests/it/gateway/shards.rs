//! Several gateway processes, each running part of the bot's shards (`rolecall run --shards
//! A-B --shard-total N`), against the fake Discord, which routes each server's events to
//! its shard as Discord does; and a session Discord invalidates, identified again.

use serde_json::{json, Value};

use super::{compare_command, drain, interaction, send_signal, wait_for, wait_with_timeout};
use super::{output_within_30s, FakeDiscord, GUILD_ID};

/// A server whose events go to shard 1 of 2: `(id >> 22) % 2 == 1`. `GUILD_ID` goes to 0.
const SHARD_1_GUILD: &str = "4194304";

/// `/compare` from `guild`, as interaction `id`.
fn compare_in(id: &str, guild: &str) -> Value {
    let mut command = compare_command();
    command["id"] = json!(id);
    command["token"] = json!(format!("token-{id}"));
    command["guild_id"] = json!(guild);
    command
}

fn callbacks(requests: &[(String, String, Value)]) -> Vec<String> {
    requests
        .iter()
        .filter(|(m, p, _)| m == "POST" && p.starts_with("callback/"))
        .map(|(_, p, _)| p.clone())
        .collect()
}

#[test]
fn two_processes_split_the_shards_and_each_answers_its_own_servers() {
    let discord = FakeDiscord::start(Vec::new());
    let fake = &discord.fake;
    let start = |shards: &str| {
        let mut command = discord.rolecall(&["run", "--shards", shards, "--shard-total", "2"]);
        command.env("DATABASE_URL", crate::support::sqlite_url("gateway_shards"));
        let mut bot = command.spawn().expect("rolecall run starts");
        let logs = drain(bot.stderr.take());
        (bot, logs)
    };
    let (mut first, first_logs) = start("0");
    let (mut second, second_logs) = start("1-1");
    wait_for(fake, &mut first, "both shards identified", |_| {
        discord.identifies().len() == 2
    });
    let mut shards: Vec<Value> = discord
        .identifies()
        .iter()
        .map(|identify| identify["shard"].clone())
        .collect();
    shards.sort_by_key(|shard| shard[0].as_u64());
    assert_eq!(shards, [json!([0, 2]), json!([1, 2])]);

    // One interaction from a server of each shard: each reaches only its shard's process.
    let _ = discord
        .push
        .send(("INTERACTION_CREATE".into(), compare_in("2501", GUILD_ID)));
    let _ = discord.push.send((
        "INTERACTION_CREATE".into(),
        compare_in("2502", SHARD_1_GUILD),
    ));
    wait_for(fake, &mut second, "both servers answered", |requests| {
        callbacks(requests).len() == 2
    });

    for bot in [&first, &second] {
        send_signal(bot, "-TERM");
    }
    let statuses = [
        wait_with_timeout(&mut first),
        wait_with_timeout(&mut second),
    ];
    let logs = [
        first_logs.join().unwrap_or_default(),
        second_logs.join().unwrap_or_default(),
    ];
    assert!(
        statuses.iter().all(|s| s.success()),
        "{statuses:?}\n{logs:?}"
    );
    for (answer, guild) in [
        ("callback/2501", GUILD_ID),
        ("callback/2502", SHARD_1_GUILD),
    ] {
        let body = fake.find("POST", answer).expect("answered");
        assert_eq!(body["type"], 4, "{guild}: {body}");
        assert_eq!(
            body["data"]["embeds"][0]["title"],
            "Machine Learning Engineer vs Data Specialist"
        );
    }
    assert_eq!(callbacks(&fake.requests()).len(), 2, "each answered once");
    // The commands are registered once, by the process running shard 0.
    let registrations = fake
        .requests()
        .iter()
        .filter(|(m, p, _)| m == "PUT" && p.ends_with("/commands"))
        .count();
    assert_eq!(registrations, 1);
    assert!(logs[0].contains("shards 0-0 of 2"), "{}", logs[0]);
    assert!(logs[1].contains("shards 1-1 of 2"), "{}", logs[1]);
}

#[test]
fn a_session_discord_invalidates_is_identified_again_and_answers_go_on() {
    let discord = FakeDiscord::start(Vec::new());
    let fake = &discord.fake;
    let (mut bot, logs) = discord.run_bot();
    wait_for(fake, &mut bot, "the first session", |_| {
        discord.identifies().len() == 1
    });
    assert!(discord.invalidate_session(), "shard 0 has a session");
    wait_for(fake, &mut bot, "a new IDENTIFY", |_| {
        discord.identifies().len() == 2
    });
    let _ = discord
        .push
        .send(("INTERACTION_CREATE".into(), interaction_after_reconnect()));
    wait_for(fake, &mut bot, "the answer after it", |requests| {
        callbacks(requests).contains(&"callback/2503".to_owned())
    });
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();
    assert!(status.success(), "{status:?}\n{logs}");
    let identifies = discord.identifies();
    assert_eq!(identifies[1]["token"], identifies[0]["token"]);
    assert!(
        !logs.contains(super::TOKEN),
        "the token stays out of the logs"
    );
}

fn interaction_after_reconnect() -> Value {
    interaction(
        "2503",
        2,
        json!({ "id": "3000", "name": "role", "type": 1, "options": [
            { "name": "role", "type": 3, "value": "mlops-engineer" },
        ] }),
    )
}

#[test]
fn a_shard_range_that_cannot_be_run_is_refused_before_connecting() {
    let discord = FakeDiscord::start(Vec::new());
    for (args, says) in [
        (["--shards", "2-1", "--shard-total", "4"], "runs backwards"),
        (["--shards", "3", "--shard-total", "2"], "past the total"),
        (["--shards", "0", "--shard-total", "0"], "at least 1"),
        (
            ["--shards", "one", "--shard-total", "2"],
            "a number or a range",
        ),
    ] {
        let mut command = discord.rolecall(&["run"]);
        command.args(args);
        let output = output_within_30s(command);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} ran");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    let mut without_total = discord.rolecall(&["run", "--shards", "0-1"]);
    without_total.env_remove("ROLECALL_LOG");
    let output = output_within_30s(without_total);
    assert_eq!(output.status.code(), Some(2), "a usage error");
    assert!(
        discord.identifies().is_empty(),
        "no bad range reached the gateway"
    );
    let requests = discord.fake.requests();
    assert!(requests.is_empty(), "nothing sent to Discord: {requests:?}");
}
