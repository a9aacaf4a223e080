//! "Answer with rolecall" through the real serenity client: a mentor's message command on a
//! member's message is answered in public, naming the member and linking the question.

use serde_json::{json, Value};
use serenity::all::Permissions;

use super::{drain, interaction, message, send_signal, wait_for, wait_with_timeout};
use super::{FakeDiscord, GUILD_ID};

fn answer_with_rolecall(id: &str, permissions: u64) -> Value {
    let mut command = interaction(
        id,
        2,
        json!({ "id": "3010", "name": "Answer with rolecall", "type": 3, "target_id": "6001",
            "resolved": { "messages": {
                "6001": message("6001", "what skills does an mlops engineer need?"),
            } } }),
    );
    command["member"]["permissions"] = json!(permissions.to_string());
    command
}

#[test]
fn a_mentors_message_command_is_answered_in_public_through_the_gateway() {
    let discord = FakeDiscord::start(vec![
        (
            "INTERACTION_CREATE".into(),
            answer_with_rolecall("2401", Permissions::MANAGE_GUILD.bits()),
        ),
        ("INTERACTION_CREATE".into(), answer_with_rolecall("2402", 0)),
    ]);
    let mut command = discord.rolecall(&["run"]);
    command.env(
        "DATABASE_URL",
        crate::support::sqlite_url("gateway_relaying"),
    );
    let mut bot = command.spawn().expect("rolecall run starts");
    let logs = drain(bot.stderr.take());
    let fake = &discord.fake;
    wait_for(fake, &mut bot, "both answers", |requests| {
        ["callback/2401", "callback/2402"]
            .iter()
            .all(|path| requests.iter().any(|(_, p, _)| p == path))
    });
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let answer = fake.find("POST", "callback/2401").expect("the answer");
    crate::oracle::check_interaction_response(&answer).expect("within Discord's limits");
    assert_eq!(answer["type"], 4, "{answer}");
    assert!(answer["data"]["flags"].is_null(), "public: {answer}");
    let link = format!("https://discord.com/channels/{GUILD_ID}/5001/6001");
    assert!(
        answer["data"]["content"]
            .as_str()
            .is_some_and(|c| c.starts_with(&format!("↪ Answering <@42>'s [question]({link})"))),
        "{answer}"
    );
    let refused = fake.find("POST", "callback/2402").expect("the refusal");
    assert_eq!(refused["data"]["flags"], 64, "private: {refused}");
    assert!(refused.to_string().contains("Only mentors"), "{refused}");

    let registered = fake
        .requests()
        .into_iter()
        .find(|(m, _, _)| m == "PUT")
        .map(|(_, _, body)| body)
        .expect("the registration");
    assert!(
        registered.as_array().is_some_and(|c| c
            .iter()
            .any(|c| c["type"] == 3 && c["name"] == "Answer with rolecall")),
        "registered on the Apps menu: {registered}"
    );
    assert!(status.success(), "{status}\n{logs}");
}
