//! "Answer with rolecall" through the signed HTTP endpoint: a mentor right-clicks a member's
//! message and the bot answers it in public, naming the member, linking the question and
//! saying who asked for it; anyone else, and messages with nothing to answer, get a private
//! reason instead, and the channel sees nothing.

use serde_json::{json, Value};
use serenity::all::Permissions;

use crate::http::{start_teaching, Endpoint};
use crate::support::sqlite_url;

const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();
const NAME: &str = "Answer with rolecall";

fn member(id: &str, permissions: u64) -> Value {
    json!({ "guild_id": "5", "member": {
        "user": { "id": id, "username": "m" },
        "permissions": permissions.to_string(), "roles": [],
    } })
}

/// The message command `name` on message 6001 by `author`, saying `content`.
fn used_on(name: &str, content: &str, author: Value, who: &Value) -> Vec<u8> {
    let mut body = json!({
        "type": 2, "id": "1", "token": "t", "application_id": "1", "channel_id": "5001",
        "data": { "id": "2", "name": name, "type": 3, "target_id": "6001",
            "resolved": { "messages": { "6001": {
                "id": "6001", "channel_id": "5001", "content": content, "author": author,
            } } } },
    });
    if let (Some(body), Some(who)) = (body.as_object_mut(), who.as_object()) {
        body.extend(who.clone());
    }
    body.to_string().into_bytes()
}

fn ada() -> Value {
    json!({ "id": "42", "username": "ada" })
}

fn respond(endpoint: &Endpoint, body: &[u8]) -> Value {
    endpoint.answer(body)
}

fn private(json: &Value) -> bool {
    json["data"]["flags"] == 64
}

#[test]
fn a_mentor_has_a_members_question_answered_in_public() {
    let endpoint = start_teaching(sqlite_url("relaying"));
    let question = "<@1000> what skills does an mlops engineer need?";
    let answer = respond(
        &endpoint,
        &used_on(NAME, question, ada(), &member("7", MANAGE_GUILD)),
    );
    assert_eq!(answer["type"], 4, "{answer}");
    assert!(!private(&answer), "public: {answer}");
    let content = answer["data"]["content"].as_str().unwrap_or_default();
    assert_eq!(
        content.lines().next(),
        Some("↪ Answering <@42>'s [question](https://discord.com/channels/5/5001/6001) · asked for by <@7>"),
        "{answer}"
    );
    assert_eq!(answer["data"]["allowed_mentions"], json!({ "parse": [] }));
    let embeds = answer["data"]["embeds"].to_string().to_lowercase();
    assert!(
        embeds.contains("mlops") || embeds.contains("machine learning operations"),
        "{answer}"
    );
}

#[test]
fn anyone_else_and_messages_with_nothing_to_answer_get_a_private_reason() {
    let endpoint = start_teaching(sqlite_url("relaying_refused"));
    let mentor = member("7", MANAGE_GUILD);
    let bot = json!({ "id": "1000", "username": "rolecall", "bot": true });
    let cases = [
        (
            used_on(NAME, "skills for mlops?", ada(), &member("8", 0)),
            "Only mentors",
        ),
        (used_on(NAME, "", ada(), &mentor), "no text I can read"),
        (
            used_on(NAME, "<@1000>", ada(), &mentor),
            "no text I can read",
        ),
        (
            used_on(NAME, "skills for mlops?", bot, &mentor),
            "from a bot",
        ),
        (
            used_on("Delete everything", "hi", ada(), &mentor),
            "no message command",
        ),
    ];
    for (body, reason) in cases {
        let json = respond(&endpoint, &body);
        assert!(private(&json), "{reason}: {json}");
        assert!(json.to_string().contains(reason), "{reason}: {json}");
    }
    // A message the articles cannot answer: said to the mentor alone.
    let lunch = respond(
        &endpoint,
        &used_on(NAME, "lunch on friday, then a walk?", ada(), &mentor),
    );
    assert!(private(&lunch), "{lunch}");
    assert!(!lunch.to_string().contains("Answering"), "{lunch}");
}

#[test]
fn a_long_message_is_read_from_its_first_lines_and_answered_within_discords_limits() {
    let endpoint = start_teaching(sqlite_url("relaying_long"));
    let long = format!(
        "What does a data scientist do day to day? {}",
        "I have a lot of context to share. ".repeat(120)
    );
    assert!(long.chars().count() > 4_000);
    let answer = respond(
        &endpoint,
        &used_on(NAME, &long, ada(), &member("7", MANAGE_GUILD)),
    );
    assert!(!private(&answer), "{answer}");
    assert!(
        answer["data"]["content"]
            .as_str()
            .is_some_and(|c| c.starts_with("↪ Answering <@42>")),
        "{answer}"
    );
}
