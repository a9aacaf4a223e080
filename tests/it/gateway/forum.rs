//! The forum mode through the real serenity client: the payloads of a server with forums
//! (GUILD_CREATE, THREAD_CREATE, posts), and the bot connected without the Message Content
//! intent; `answers` drives the whole mode.

mod answers;
mod mentor_path;

use std::time::Duration;

use serde_json::{json, Value};
use serenity::all::Permissions;

use super::{drain, interaction, message, send_signal, user, wait_for, wait_with_timeout};
use super::{FakeDiscord, BOT_ID, GUILD_ID};

const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();
/// The answer forum, another forum where the bot may not post in threads, a text channel.
const FORUM: &str = "5500";
const CLOSED_FORUM: &str = "5600";
const TEXT_CHANNEL: &str = "5001";

/// What @everyone may do in the server: all the forum mode needs.
fn everyone_permissions() -> u64 {
    (Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::SEND_MESSAGES_IN_THREADS
        | Permissions::READ_MESSAGE_HISTORY
        | Permissions::EMBED_LINKS)
        .bits()
}

fn channel(id: &str, kind: u8, name: &str, overwrites: Value) -> Value {
    json!({ "id": id, "type": kind, "guild_id": GUILD_ID, "name": name, "position": 0,
        "permission_overwrites": overwrites, "parent_id": null, "flags": 0 })
}

/// GUILD_CREATE as the Guilds intent delivers it: the channels, the roles and the bot's
/// own member, from which serenity's cache tells the bot's permissions in each channel.
fn guild_create() -> Value {
    let closed = json!([{ "id": GUILD_ID, "type": 0, "allow": "0",
        "deny": Permissions::SEND_MESSAGES_IN_THREADS.bits().to_string() }]);
    json!({
        "id": GUILD_ID, "name": "Careers", "icon": null, "icon_hash": null, "splash": null,
        "discovery_splash": null, "owner_id": "1", "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0,
        "roles": [{ "id": GUILD_ID, "name": "@everyone", "color": 0,
            "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
            "hoist": false, "managed": false, "mentionable": false, "position": 0,
            "permissions": everyone_permissions().to_string(), "icon": null,
            "unicode_emoji": null, "flags": 0 }],
        "emojis": [], "features": ["COMMUNITY"], "mfa_level": 0, "application_id": null,
        "system_channel_id": null, "system_channel_flags": 0, "rules_channel_id": null,
        "vanity_url_code": null, "description": null, "banner": null, "premium_tier": 0,
        "preferred_locale": "en-US", "public_updates_channel_id": null, "nsfw_level": 0,
        "stickers": [], "premium_progress_bar_enabled": false,
        "joined_at": "2024-01-01T00:00:00+00:00", "large": false, "member_count": 2,
        "voice_states": [],
        "members": [{ "user": user(BOT_ID, "rolecall"), "roles": [],
            "joined_at": "2024-01-01T00:00:00+00:00", "deaf": false, "mute": false, "flags": 0 }],
        "channels": [
            channel(FORUM, 15, "career-questions", json!([])),
            channel(CLOSED_FORUM, 15, "announcements", closed),
            channel(TEXT_CHANNEL, 0, "general", json!([])),
        ],
        "threads": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
    })
}

/// A new post's thread in `forum`, as THREAD_CREATE carries it.
fn thread(id: &str, forum: &str, title: &str) -> Value {
    json!({ "id": id, "type": 11, "guild_id": GUILD_ID, "parent_id": forum, "name": title,
        "owner_id": "42", "last_message_id": id, "message_count": 0, "member_count": 1,
        "rate_limit_per_user": 0, "flags": 0, "applied_tags": [], "newly_created": true,
        "thread_metadata": { "archived": false, "auto_archive_duration": 4320,
            "archive_timestamp": "2026-03-10T14:20:33+00:00", "locked": false,
            "create_timestamp": "2026-03-10T14:20:33+00:00" } })
}

/// A message by alice in `channel`, mentioning no one.
fn said(id: &str, channel: &str, content: &str) -> Value {
    let mut said = message(id, content);
    said["channel_id"] = json!(channel);
    said["mentions"] = json!([]);
    said
}

/// A new post: its thread, then its first message (whose id is the thread's).
fn post(id: &str, forum: &str, title: &str, content: &str) -> [(String, Value); 2] {
    [
        ("THREAD_CREATE".into(), thread(id, forum, title)),
        ("MESSAGE_CREATE".into(), said(id, id, content)),
    ]
}

fn as_manager(mut event: Value) -> Value {
    event["member"]["permissions"] = json!(MANAGE_GUILD.to_string());
    event["member"]["user"] = user("44", "mentor");
    event
}

fn kb(id: &str, sub: &str, options: Value) -> Value {
    as_manager(interaction(
        id,
        2,
        json!({ "id": "3002", "name": "kb", "type": 1, "options": [
            { "name": sub, "type": 1, "options": options },
        ] }),
    ))
}

fn setup_forum(id: &str, forum: &str) -> Value {
    kb(
        id,
        "setup",
        json!([{ "name": "answer_forum", "type": 7, "value": forum }]),
    )
}

/// A click on "Remove this answer" under message `answer` in thread `thread`.
fn take_down(id: &str, answer: u64, thread: &str) -> Value {
    let mut click = interaction(
        id,
        3,
        json!({ "custom_id": "forum_answer:remove", "component_type": 2 }),
    );
    click["channel_id"] = json!(thread);
    click["message"] = message(&answer.to_string(), "");
    click["message"]["author"] = user(BOT_ID, "rolecall");
    click["message"]["channel_id"] = json!(thread);
    click
}

/// The field `name` of the first embed of an interaction response.
fn field(response: &Value, name: &str) -> String {
    response["data"]["embeds"][0]["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == name)
        .and_then(|f| f["value"].as_str())
        .unwrap_or_default()
        .to_owned()
}

/// Messages the bot sent in `channel`: (the message's id as the fake gave it, its body).
fn sent_in(requests: &[(String, String, Value)], channel: &str) -> Vec<(u64, Value)> {
    let path = format!("channels/{channel}/messages");
    requests
        .iter()
        .enumerate()
        .filter(|(_, (m, p, _))| m == "POST" && *p == path)
        .map(|(i, (_, _, body))| (8000 + i as u64, body.clone()))
        .collect()
}

fn answered(id: &str) -> impl Fn(&[(String, String, Value)]) -> bool + '_ {
    move |requests| {
        requests
            .iter()
            .any(|(_, p, _)| *p == format!("callback/{id}"))
    }
}

#[test]
fn without_the_message_content_intent_setup_says_so_and_posts_are_not_read() {
    let discord = FakeDiscord::start(vec![("GUILD_CREATE".into(), guild_create())]);
    let mut command = discord.rolecall(&["run"]);
    command
        .env(
            "DATABASE_URL",
            crate::support::sqlite_url("gateway_forum_no_intent"),
        )
        .env_remove("ROLECALL_MESSAGE_CONTENT");
    let mut bot = command.spawn().expect("rolecall run starts");
    let logs = drain(bot.stderr.take());
    let fake = &discord.fake;
    wait_for(fake, &mut bot, "the bot to be ready", |requests| {
        requests.iter().any(|(m, _, _)| m == "PUT")
    });
    let push = |event: (String, Value)| discord.push.send(event).expect("the fake takes events");
    push(("INTERACTION_CREATE".into(), setup_forum("2501", FORUM)));
    wait_for(fake, &mut bot, "the set-up's answer", answered("2501"));
    for event in post(
        "7001",
        FORUM,
        "ML engineer or data specialist?",
        "ml engineer vs data specialist?",
    ) {
        push(event);
    }
    std::thread::sleep(Duration::from_millis(1500));
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let identify = fake
        .recorded
        .lock()
        .ok()
        .and_then(|r| r.identify.clone())
        .expect("identified");
    assert_eq!(
        identify["intents"],
        (1 << 9) | (1 << 12),
        "no privileged intent asked for"
    );
    let setup = fake.find("POST", "callback/2501").expect("answered");
    let missing = field(&setup, "Forum mode: missing");
    assert!(
        missing.contains("Message Content intent")
            && missing.contains("ROLECALL_MESSAGE_CONTENT=true"),
        "{setup}"
    );
    assert!(
        !missing.contains("permissions"),
        "the forum itself is fine: {missing}"
    );
    assert!(
        sent_in(&fake.requests(), "7001").is_empty(),
        "not read without the intent"
    );
    assert!(status.success(), "{status}\n{logs}");
}
