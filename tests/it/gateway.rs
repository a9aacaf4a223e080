//! The gateway path end to end: the real `rolecall run` and `rolecall register` binaries,
//! driving serenity's real client, against a fake Discord on 127.0.0.1 (REST over plain HTTP
//! through serenity's proxy setting, the gateway over a plain websocket).

use std::process::Child;
use std::time::Duration;

use serde_json::{json, Value};

mod adding;
mod alerts;
mod fake;
mod forum;
mod profiles;
mod relaying;
mod shards;
mod votes;

use fake::{drain, wait_for, FakeDiscord};

const BOT_ID: &str = "1000";
const GUILD_ID: &str = "4000";
const TOKEN: &str = "fake-token-SECRET-5b1c";

fn user(id: &str, name: &str) -> Value {
    json!({ "id": id, "username": name, "discriminator": "0", "global_name": null, "avatar": null })
}

fn member() -> Value {
    json!({ "user": user("42", "alice"), "roles": [], "joined_at": "2024-01-01T00:00:00Z", "deaf": false, "mute": false, "flags": 0 })
}

/// The fields serenity 0.12 requires of every interaction, in a guild.
fn interaction(id: &str, kind: u8, data: Value) -> Value {
    json!({
        "id": id, "application_id": BOT_ID, "type": kind, "token": format!("token-{id}"), "version": 1,
        "locale": "en-US", "entitlements": [], "attachment_size_limit": 8_388_608,
        "channel_id": "5001", "guild_id": GUILD_ID, "member": member(), "data": data,
    })
}

fn message(id: &str, content: &str) -> Value {
    json!({
        "id": id, "channel_id": "5001", "guild_id": GUILD_ID, "author": user("42", "alice"),
        "content": content, "timestamp": "2024-01-01T00:00:00+00:00", "tts": false,
        "mention_everyone": false, "mentions": [user(BOT_ID, "rolecall")], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 0,
    })
}

/// A direct message: no `guild_id`, no `member`, no mention of the bot.
fn direct_message(id: &str, channel: &str, content: &str) -> Value {
    let mut dm = message(id, content);
    if let Some(fields) = dm.as_object_mut() {
        fields.remove("guild_id");
    }
    dm["channel_id"] = json!(channel);
    dm["mentions"] = json!([]);
    dm
}

fn compare_command() -> Value {
    interaction(
        "2001",
        2,
        json!({ "id": "3000", "name": "compare", "type": 1, "options": [
        { "name": "role_a", "type": 3, "value": "machine-learning-engineer" },
        { "name": "role_b", "type": 3, "value": "data-specialist" },
    ] }),
    )
}

fn autocomplete() -> Value {
    interaction(
        "2002",
        4,
        json!({ "id": "3000", "name": "compare", "type": 1, "options": [
        { "name": "role_a", "type": 3, "value": "data spec", "focused": true },
    ] }),
    )
}

fn button_click() -> Value {
    let mut click = interaction(
        "2003",
        3,
        json!({
            "custom_id": "/compare data-specialist machine-learning-engineer", "component_type": 2,
        }),
    );
    click["message"] = message("6000", "");
    click["message"]["author"] = user(BOT_ID, "rolecall");
    click
}

/// A choice in the compare answer's "Compare another aspect…" menu, by another member (so
/// the first member's rate limit is not spent on it).
fn aspect_choice() -> Value {
    let mut choice = interaction(
        "2004",
        3,
        json!({
            "custom_id": "menu:compare-aspect", "component_type": 3,
            "values": ["/compare machine-learning-engineer data-specialist tools"],
        }),
    );
    choice["member"]["user"] = user("43", "bob");
    choice["message"] = message("6000", "");
    choice["message"]["author"] = user(BOT_ID, "rolecall");
    choice
}

/// Sends `signal` (`-TERM`, `-INT`) to the child, as an operator or a supervisor would.
fn send_signal(child: &Child, signal: &str) {
    let sent = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill {signal} failed");
}

#[test]
fn the_real_client_answers_commands_autocomplete_buttons_menus_and_mentions_through_a_fake_discord()
{
    let discord = FakeDiscord::start(vec![
        ("INTERACTION_CREATE".into(), compare_command()),
        ("INTERACTION_CREATE".into(), autocomplete()),
        ("INTERACTION_CREATE".into(), button_click()),
        ("INTERACTION_CREATE".into(), aspect_choice()),
        (
            "MESSAGE_CREATE".into(),
            message("6001", "<@1000> ml engineer vs data specialist"),
        ),
    ]);
    let (fake, push) = (&discord.fake, &discord.push);
    let (mut bot, logs) = discord.run_bot();

    let guild_commands = format!("/api/v10/applications/{BOT_ID}/guilds/{GUILD_ID}/commands");
    wait_for(
        fake,
        &mut bot,
        "registration, four callbacks and a chat reply",
        |requests| {
            requests
                .iter()
                .filter(|(m, p, _)| m == "POST" && p.starts_with("callback/"))
                .count()
                == 4
                && requests
                    .iter()
                    .any(|(m, p, _)| m == "PUT" && *p == guild_commands)
                && requests.iter().any(|(_, p, _)| p.starts_with("channels/"))
        },
    );
    // A follow-up that names no role: answered from the conversation's memory.
    let _ = push.send((
        "MESSAGE_CREATE".into(),
        message("6002", "<@1000> and the tools?"),
    ));
    wait_for(fake, &mut bot, "the follow-up", |requests| {
        requests
            .iter()
            .filter(|(_, p, _)| p.starts_with("channels/"))
            .count()
            == 2
    });

    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    // Registration: the one command definition, to the configured guild.
    let registered = fake.find("PUT", &guild_commands).expect("registration");
    crate::spec::check_registration(&registered).expect("commands as Discord describes them");
    assert_eq!(
        registered,
        rolecall::discord::registration::registration_json()
    );

    // IDENTIFY: the token (serenity adds "Bot "), and no privileged intent for mentions/DMs.
    let identify = fake
        .recorded
        .lock()
        .ok()
        .and_then(|r| r.identify.clone())
        .expect("identified");
    assert_eq!(identify["token"], format!("Bot {TOKEN}"));
    assert_eq!(
        identify["intents"],
        (1 << 9) | (1 << 12),
        "GUILD_MESSAGES | DIRECT_MESSAGES"
    );

    let compare = fake
        .find("POST", "callback/2001")
        .expect("compare answered");
    assert_eq!(compare["type"], 4);
    assert_eq!(
        compare["data"]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist"
    );
    assert_eq!(compare["data"]["allowed_mentions"], json!({ "parse": [] }));
    assert_eq!(
        compare["data"]["components"][1]["components"][0]["custom_id"],
        "menu:compare-aspect"
    );
    crate::oracle::check_interaction_response(&compare).expect("within limits");

    let suggestions = fake
        .find("POST", "callback/2002")
        .expect("autocomplete answered");
    assert_eq!(suggestions["type"], 8);
    assert_eq!(
        suggestions["data"]["choices"][0]["value"],
        "data-specialist"
    );

    let clicked = fake.find("POST", "callback/2003").expect("button answered");
    assert_eq!(clicked["type"], 7);
    assert_eq!(
        clicked["data"]["embeds"][0]["title"],
        "Data Specialist vs Machine Learning Engineer"
    );

    let chosen = fake
        .find("POST", "callback/2004")
        .expect("menu choice answered");
    assert_eq!(chosen["type"], 7);
    assert_eq!(
        chosen["data"]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist — Tools"
    );
    crate::oracle::check_interaction_response(&chosen).expect("within limits");

    let chats: Vec<Value> = fake
        .requests()
        .into_iter()
        .filter(|(_, p, _)| p == "channels/5001/messages")
        .map(|(_, _, body)| body)
        .collect();
    for chat in &chats {
        crate::spec::check_message(chat).expect("a message as Discord describes it");
    }
    assert_eq!(
        chats[0]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist"
    );
    assert_eq!(chats[0]["message_reference"]["message_id"], "6001");
    assert_eq!(
        chats[0]["allowed_mentions"],
        json!({ "parse": [], "replied_user": false })
    );
    let follow_up = chats[1]["embeds"][0]["title"].as_str().unwrap_or_default();
    assert!(follow_up.ends_with("— Tools"), "{follow_up}");

    let unexpected: Vec<String> = fake
        .requests()
        .into_iter()
        .map(|(_, p, _)| p)
        .filter(|p| p.starts_with("unexpected"))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:?}");

    assert!(status.success(), "graceful shutdown exits 0: {status}");
    assert!(logs.contains("connected to the gateway"), "{logs}");
    assert!(!logs.contains(TOKEN), "the token leaked into the logs");
}

/// Waits for the bot to exit after a signal, killing it after 20 s.
fn wait_with_timeout(child: &mut std::process::Child) -> std::process::ExitStatus {
    for _ in 0..200 {
        if let Ok(Some(status)) = child.try_wait() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    child.wait().expect("exited")
}

/// Runs `command` to completion, killing it after 30 s.
fn output_within_30s(mut command: std::process::Command) -> std::process::Output {
    let mut child = command.spawn().expect("the binary starts");
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    for _ in 0..300 {
        if let Ok(Some(status)) = child.try_wait() {
            return std::process::Output {
                status,
                stdout: stdout.join().unwrap_or_default().into_bytes(),
                stderr: stderr.join().unwrap_or_default().into_bytes(),
            };
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!(
        "timed out after 30 s; stderr:\n{}",
        stderr.join().unwrap_or_default()
    );
}

#[test]
fn register_with_guild_puts_the_one_command_definition_to_that_guild_and_exits_0() {
    let discord = FakeDiscord::start(Vec::new());
    let mut register = discord.rolecall(&["register", "--guild", "4001"]);
    // DISCORD_GUILD_ID is 4000: the flag wins. The id saves asking Discord for it.
    register.env("DISCORD_APPLICATION_ID", BOT_ID);
    let output = output_within_30s(register);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{}\n{stderr}", output.status);

    let expected = rolecall::discord::registration::registration_json();
    let requests = discord.fake.requests();
    assert_eq!(requests.len(), 1, "one request, the PUT: {requests:?}");
    let (method, path, body) = &requests[0];
    assert_eq!(
        (method.as_str(), path.as_str()),
        ("PUT", "/api/v10/applications/1000/guilds/4001/commands")
    );
    assert_eq!(body, &expected);
    let count = expected.as_array().map_or(0, Vec::len);
    assert_eq!(stdout.trim(), format!("registered {count} commands"));
    assert!(!stderr.contains(TOKEN), "the token leaked into the logs");
}

#[test]
fn a_stand_in_for_discord_off_this_machine_is_refused_before_the_token_is_sent() {
    let discord = FakeDiscord::start(Vec::new());
    for command in [&["register"][..], &["run"][..]] {
        let mut started = discord.rolecall(command);
        started
            .env("DISCORD_APPLICATION_ID", BOT_ID)
            .env("ROLECALL_DISCORD_API", "http://discord.example.com");
        let output = output_within_30s(started);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{command:?}: {stderr}");
        assert!(stderr.contains("ROLECALL_DISCORD_API"), "{stderr}");
        assert!(stderr.contains("not this machine"), "{stderr}");
    }
    assert!(discord.fake.requests().is_empty());
}

#[test]
fn a_direct_message_is_answered_in_chat_style_pinging_no_one() {
    let discord = FakeDiscord::start(vec![(
        "MESSAGE_CREATE".into(),
        direct_message("6101", "5002", "skills for mlops?"),
    )]);
    let (mut bot, logs) = discord.run_bot();
    wait_for(&discord.fake, &mut bot, "the DM's answer", |requests| {
        requests.iter().any(|(_, p, _)| p.starts_with("channels/"))
    });
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let answers: Vec<(String, String, Value)> = discord
        .fake
        .requests()
        .into_iter()
        .filter(|(_, p, _)| p.starts_with("channels/"))
        .collect();
    assert_eq!(answers.len(), 1, "{answers:?}");
    let (method, path, body) = &answers[0];
    assert_eq!(
        (method.as_str(), path.as_str()),
        ("POST", "channels/5002/messages"),
        "answered in the DM channel"
    );
    crate::spec::check_message(body).expect("a message as Discord describes it");
    assert_eq!(body["embeds"][0]["title"], "MLOps Engineer: Skills");
    assert_eq!(body["message_reference"]["message_id"], "6101");
    assert_eq!(
        body["allowed_mentions"],
        json!({ "parse": [], "replied_user": false })
    );
    assert!(
        body.get("flags").is_none(),
        "no ephemeral flag outside interactions"
    );
    assert!(status.success(), "{status}\n{logs}");
}

#[test]
fn sigint_stops_the_bot_cleanly_like_sigterm() {
    let discord = FakeDiscord::start(Vec::new());
    let (mut bot, logs) = discord.run_bot();
    // Registration follows READY: the bot is connected and its signal handler installed.
    let guild_commands = format!("/api/v10/applications/{BOT_ID}/guilds/{GUILD_ID}/commands");
    wait_for(&discord.fake, &mut bot, "registration", |requests| {
        requests
            .iter()
            .any(|(m, p, _)| m == "PUT" && *p == guild_commands)
    });
    send_signal(&bot, "-INT");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();
    assert!(status.success(), "SIGINT exits 0, not {status}:\n{logs}");
    assert!(logs.contains("shutting down"), "{logs}");
}

/// `/job <sub>` from alice, in the guild, with these permission bits in the channel.
fn job_command(id: &str, sub: &str, options: Value, permissions: u64) -> Value {
    let mut command = interaction(
        id,
        2,
        json!({ "id": "3001", "name": "job", "type": 1, "options": [
            { "name": sub, "type": 1, "options": options },
        ] }),
    );
    command["member"]["permissions"] = json!(permissions.to_string());
    command
}

#[test]
fn a_moderators_job_is_announced_in_the_channel_the_server_configured() {
    use serenity::all::Permissions;
    const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();
    const MANAGE_MESSAGES: u64 = Permissions::MANAGE_MESSAGES.bits();
    let setup = job_command(
        "2101",
        "setup",
        json!([{ "name": "announce_channel", "type": 7, "value": "7777" }]),
        MANAGE_GUILD,
    );
    let discord = FakeDiscord::start(vec![("INTERACTION_CREATE".into(), setup)]);
    let (mut bot, logs) = discord.run_bot();
    wait_for(&discord.fake, &mut bot, "the setup's answer", |requests| {
        requests.iter().any(|(_, p, _)| p == "callback/2101")
    });
    let fields = json!([
        { "name": "title", "type": 3, "value": "Staff ML Engineer @everyone" },
        { "name": "company", "type": 3, "value": "Acme" },
        { "name": "location", "type": 3, "value": "Remote" },
        { "name": "remote", "type": 5, "value": true },
        { "name": "role", "type": 3, "value": "mle" },
    ]);
    let posts = [
        ("2102", MANAGE_MESSAGES),
        // A member without the right: refused on our side, whatever Discord showed them.
        ("2103", 0),
    ];
    for (id, permissions) in posts {
        let post = job_command(id, "post", fields.clone(), permissions);
        discord
            .push
            .send(("INTERACTION_CREATE".into(), post))
            .expect("the fake gateway takes events");
    }
    wait_for(&discord.fake, &mut bot, "the announcement", |requests| {
        requests
            .iter()
            .any(|(_, p, _)| p == "channels/7777/messages")
            && requests.iter().any(|(_, p, _)| p == "callback/2103")
    });
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let fake = &discord.fake;
    let setup_answer = fake.find("POST", "callback/2101").expect("setup answered");
    assert!(
        setup_answer.to_string().contains("<#7777>"),
        "{setup_answer}"
    );
    let posted = fake.find("POST", "callback/2102").expect("post answered");
    let title = posted["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default();
    assert!(
        title.starts_with("Job ID ") && title.ends_with("posted"),
        "{posted}"
    );
    let announced: Vec<Value> = fake
        .requests()
        .into_iter()
        .filter(|(_, p, _)| p == "channels/7777/messages")
        .map(|(_, _, body)| body)
        .collect();
    assert_eq!(announced.len(), 1, "one announcement: {announced:?}");
    crate::spec::check_message(&announced[0]).expect("a message as Discord describes it");
    assert_eq!(announced[0]["embeds"][0]["title"], "New featured job");
    assert_eq!(announced[0]["allowed_mentions"], json!({ "parse": [] }));
    assert!(!announced[0].to_string().contains("@everyone"), "escaped");
    let refused = fake
        .find("POST", "callback/2103")
        .expect("refusal answered");
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    assert_eq!(refused["data"]["embeds"][0]["title"], "Not allowed");
    assert!(status.success(), "{status}\n{logs}");
}
