//! Votes through the real serenity client: an answer's 👍 / 👎 pair, a vote, a changed vote
//! and another member's vote, each thanked privately, then the answer voted down in a
//! mentor's `/kb gaps`.

use serde_json::{json, Value};
use serenity::all::Permissions;

use super::{drain, interaction, message, send_signal, user, wait_for, wait_with_timeout};
use super::{FakeDiscord, BOT_ID};

const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();

fn skills_command(id: &str) -> Value {
    interaction(
        id,
        2,
        json!({ "id": "3000", "name": "skills", "type": 1, "options": [
            { "name": "role", "type": 3, "value": "mlops engineer" },
        ] }),
    )
}

/// A click on `custom_id` under the bot's answer (message 6300) by user `who`.
fn clicked(id: &str, custom_id: &str, who: &str) -> Value {
    let mut click = interaction(
        id,
        3,
        json!({ "custom_id": custom_id, "component_type": 2 }),
    );
    click["member"]["user"] = user(who, "member");
    click["message"] = message("6300", "");
    click["message"]["author"] = user(BOT_ID, "rolecall");
    click
}

fn kb_gaps(id: &str) -> Value {
    let mut command = interaction(
        id,
        2,
        json!({ "id": "3002", "name": "kb", "type": 1, "options": [
            { "name": "gaps", "type": 1, "options": [] },
        ] }),
    );
    command["member"]["user"] = user("44", "mentor");
    command["member"]["permissions"] = json!(MANAGE_GUILD.to_string());
    command
}

#[test]
fn votes_and_a_changed_vote_through_the_gateway_show_in_kb_gaps() {
    let discord = FakeDiscord::start(vec![("INTERACTION_CREATE".into(), skills_command("2301"))]);
    let mut command = discord.rolecall(&["run"]);
    command.env("DATABASE_URL", crate::support::sqlite_url("gateway_votes"));
    let mut bot = command.spawn().expect("rolecall run starts");
    let logs = drain(bot.stderr.take());
    let fake = &discord.fake;
    let answered = |id: &'static str| {
        move |requests: &[(String, String, Value)]| {
            requests
                .iter()
                .any(|(_, p, _)| *p == format!("callback/{id}"))
        }
    };
    let push = |event: Value| {
        discord
            .push
            .send(("INTERACTION_CREATE".into(), event))
            .expect("the fake gateway takes events");
    };

    wait_for(fake, &mut bot, "the answer", answered("2301"));
    let answer = fake.find("POST", "callback/2301").expect("the answer");
    crate::oracle::check_interaction_response(&answer).expect("a valid message");
    let rows = answer["data"]["components"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let last = rows
        .last()
        .map(|row| row["components"].clone())
        .unwrap_or_default();
    let id = |i: usize| last[i]["custom_id"].as_str().unwrap_or_default().to_owned();
    let count = last.as_array().map_or(0, Vec::len);
    assert!(count >= 2, "{answer}");
    let (up, down) = (id(count - 2), id(count - 1));
    assert_eq!(up, "vote:up:skills::mlops-engineer", "{answer}");
    assert_eq!(down, "vote:down:skills::mlops-engineer", "{answer}");

    // 42 votes it down, then changes to up; 43 votes it down. One at a time: the bot
    // handles events concurrently, and the change must come after the vote it changes.
    for (event, custom_id, who) in [
        ("2302", &down, "42"),
        ("2303", &up, "42"),
        ("2304", &down, "43"),
    ] {
        push(clicked(event, custom_id, who));
        wait_for(fake, &mut bot, "a vote's thanks", |requests| {
            requests
                .iter()
                .any(|(_, p, _)| *p == format!("callback/{event}"))
        });
    }
    push(kb_gaps("2305"));
    wait_for(fake, &mut bot, "/kb gaps", answered("2305"));
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    for id in ["2302", "2303", "2304"] {
        let thanks = fake
            .find("POST", &format!("callback/{id}"))
            .expect("thanks");
        crate::oracle::check_interaction_response(&thanks).expect("a valid message");
        assert_eq!(thanks["type"], 4, "{thanks}");
        assert_eq!(thanks["data"]["flags"], 64, "privately: {thanks}");
        assert!(thanks.to_string().contains("Thanks"), "{thanks}");
    }
    let gaps = fake.find("POST", "callback/2305").expect("the gaps");
    crate::oracle::check_interaction_response(&gaps).expect("a valid message");
    let text = gaps["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default();
    assert!(
        text.contains("👎 `/skills mlops-engineer`: voted down 1 time,"),
        "one down vote left after 42 changed theirs: {gaps}"
    );
    assert!(status.success(), "{status}\n{logs}");
}
