//! The whole mentor path, scripted, through the real serenity client against the fake
//! Discord, in a fresh server: a manager names the mentor role; a member asks about a role no
//! article covers; a mentor (by that role alone) teaches it from a file, sees the preview
//! and adds it; the manager names the answer forum; a member's forum post about the new role
//! is answered in its thread from the new article; and `/kb gaps` shows what members still
//! could not get answered, and no longer what the article answered.

use serde_json::{json, Value};

use super::super::{drain, send_signal, user, wait_for, wait_with_timeout, BOT_ID};
use super::*;

const MENTOR_ROLE: &str = "777";

const ARTICLE: &str = "## Analytics Engineer\n\n\
**Definition:** An Analytics Engineer turns raw warehouse tables into tested data models.\n\n\
**Key Responsibilities**\n- Model warehouse tables with dbt\n- Write tests for every model\n\n\
**Tools:** dbt, SQL, Snowflake\n";

/// A member with the mentor role and no permission of note.
fn as_mentor(mut event: Value) -> Value {
    event["member"]["user"] = user("45", "mentor");
    event["member"]["roles"] = json!([MENTOR_ROLE]);
    event
}

fn role_question(id: &str, role: &str) -> Value {
    let mut asked = interaction(
        id,
        2,
        json!({ "id": "3003", "name": "role", "type": 1, "options": [
            { "name": "role", "type": 3, "value": role },
        ] }),
    );
    asked["member"]["user"] = user("46", "member");
    asked
}

fn kb_as_mentor(id: &str, sub: &str, options: Value, resolved: Option<Value>) -> Value {
    let mut command = as_mentor(interaction(
        id,
        2,
        json!({ "id": "3002", "name": "kb", "type": 1, "options": [
            { "name": sub, "type": 1, "options": options },
        ] }),
    ));
    if let Some(resolved) = resolved {
        command["data"]["resolved"] = resolved;
    }
    command
}

fn click(id: &str, custom_id: &str) -> Value {
    let mut click = as_mentor(interaction(
        id,
        3,
        json!({ "custom_id": custom_id, "component_type": 2 }),
    ));
    click["message"] = message("6100", "");
    click["message"]["author"] = user(BOT_ID, "rolecall");
    click
}

#[test]
fn a_mentor_teaches_a_new_role_from_discord_and_sees_it_answered_in_the_forum() {
    let discord = FakeDiscord::start(vec![("GUILD_CREATE".into(), guild_create())]);
    let url = discord.serve_file("analytics.md", ARTICLE.as_bytes());
    let mut command = discord.rolecall(&["run"]);
    command
        .env(
            "DATABASE_URL",
            crate::support::sqlite_url("gateway_mentor_path"),
        )
        .env("ROLECALL_MESSAGE_CONTENT", "true");
    let mut bot = command.spawn().expect("rolecall run starts");
    let logs = drain(bot.stderr.take());
    let fake = &discord.fake;
    let push = |event: (String, Value)| discord.push.send(event).expect("the fake takes events");
    let interact = |event: Value| push(("INTERACTION_CREATE".into(), event));
    wait_for(fake, &mut bot, "the bot to be ready", |requests| {
        requests.iter().any(|(m, _, _)| m == "PUT")
    });

    // 1. The manager names the mentor role.
    let role_option = json!([{ "name": "mentor_role", "type": 8, "value": MENTOR_ROLE }]);
    interact(kb("2601", "setup", role_option));
    wait_for(fake, &mut bot, "the mentor role", answered("2601"));
    // 2. Members ask about roles no article covers yet.
    interact(role_question("2602", "analytics engineer"));
    interact(role_question("2603", "data steward"));
    wait_for(fake, &mut bot, "the members' answers", |requests| {
        answered("2602")(requests) && answered("2603")(requests)
    });
    // 3. The mentor sends the article as a file: a preview comes, then Add.
    let attachment = json!({ "attachments": { "77": {
        "id": "77", "filename": "analytics.md", "size": ARTICLE.len(), "url": url,
        "proxy_url": url, "content_type": "text/markdown; charset=utf-8",
    } } });
    let file = json!([{ "name": "article", "type": 11, "value": "77" }]);
    interact(kb_as_mentor("2604", "add", file, Some(attachment)));
    wait_for(fake, &mut bot, "the preview", |requests| {
        requests
            .iter()
            .any(|(m, p, _)| m == "PATCH" && p == "webhooks/token-2604")
    });
    let preview = fake
        .find("PATCH", "webhooks/token-2604")
        .expect("the preview");
    assert!(
        preview.to_string().contains("Analytics Engineer (new)"),
        "{preview}"
    );
    let add = preview["components"][0]["components"][0]["custom_id"]
        .as_str()
        .expect("an Add button")
        .to_owned();
    interact(click("2605", &add));
    wait_for(fake, &mut bot, "the Add", answered("2605"));
    let added = fake.find("POST", "callback/2605").expect("added");
    assert_eq!(
        added["data"]["embeds"][0]["title"], "Added: Analytics Engineer",
        "{added}"
    );
    // 4. The manager names the answer forum.
    let forum = json!([{ "name": "answer_forum", "type": 7, "value": FORUM }]);
    interact(kb("2606", "setup", forum));
    wait_for(fake, &mut bot, "the forum set up", answered("2606"));
    // 5. A member's post in the forum, about the role just taught.
    for event in post(
        "7201",
        FORUM,
        "What does an analytics engineer do?",
        "What does an analytics engineer do? I'm weighing it against data science.",
    ) {
        push(event);
    }
    wait_for(fake, &mut bot, "the forum answer", |requests| {
        !sent_in(requests, "7201").is_empty()
    });
    // 6. What members could not get answered.
    interact(kb_as_mentor("2607", "gaps", json!([]), None));
    wait_for(fake, &mut bot, "the gaps", answered("2607"));
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let (_, answer) = sent_in(&fake.requests(), "7201").remove(0);
    crate::spec::check_message(&answer).expect("a message as Discord describes it");
    assert!(
        answer.to_string().contains("tested data models"),
        "from the new article: {answer}"
    );
    assert_eq!(
        answer["message_reference"]["message_id"], "7201",
        "a reply to the post"
    );
    let gaps = fake
        .find("POST", "callback/2607")
        .expect("the gaps")
        .to_string();
    assert!(gaps.contains("data steward"), "still unanswered: {gaps}");
    assert!(!gaps.contains("analytics engineer"), "answered now: {gaps}");
    assert!(status.success(), "{status}\n{logs}");
}
