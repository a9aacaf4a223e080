//! Job alerts under `rolecall run`: a member turns alerts on through the real serenity
//! client, a moderator posts a fitting job, and the bot's delivery worker DMs the member
//! through the fake Discord (a DM channel opened, then the message, as Discord describes them).

use serde_json::{json, Value};
use serenity::all::Permissions;

use super::{drain, interaction, send_signal, wait_for, wait_with_timeout, FakeDiscord};

fn me(id: &str, sub: &str, options: Value) -> Value {
    interaction(
        id,
        2,
        json!({ "id": "3020", "name": "me", "type": 1, "options": [
            { "name": sub, "type": 1, "options": options },
        ] }),
    )
}

fn post_job(id: &str) -> Value {
    let mut post = interaction(
        id,
        2,
        json!({ "id": "3001", "name": "job", "type": 1, "options": [{ "name": "post", "type": 1, "options": [
            { "name": "title", "type": 3, "value": "Data Scientist" },
            { "name": "company", "type": 3, "value": "Acme" },
            { "name": "location", "type": 3, "value": "Remote" },
            { "name": "remote", "type": 5, "value": true },
            { "name": "role", "type": 3, "value": "data scientist" },
        ] }] }),
    );
    post["member"]["permissions"] = json!(Permissions::MANAGE_MESSAGES.bits().to_string());
    post
}

#[test]
fn the_bot_dms_a_member_a_fitting_job_through_the_gateway() {
    let skills = "sql, machine learning, algorithms, statistical analysis";
    let discord = FakeDiscord::start(vec![(
        "INTERACTION_CREATE".into(),
        me(
            "2801",
            "skills",
            json!([{ "name": "set", "type": 3, "value": skills }]),
        ),
    )]);
    let mut command = discord.rolecall(&["run"]);
    command.env("DATABASE_URL", crate::support::sqlite_url("gateway_alerts"));
    let mut bot = command.spawn().expect("rolecall run starts");
    let logs = drain(bot.stderr.take());
    let fake = &discord.fake;
    wait_for(fake, &mut bot, "skills saved", |requests| {
        requests.iter().any(|(_, p, _)| p == "callback/2801")
    });
    // One after the other: alerts need the skills saved first.
    let on = me(
        "2802",
        "alerts",
        json!([{ "name": "turn", "type": 3, "value": "on" }]),
    );
    discord
        .push
        .send(("INTERACTION_CREATE".into(), on))
        .expect("the fake takes events");
    wait_for(fake, &mut bot, "alerts on", |requests| {
        requests.iter().any(|(_, p, _)| p == "callback/2802")
    });
    discord
        .push
        .send(("INTERACTION_CREATE".into(), post_job("2803")))
        .expect("the fake takes events");
    // The member is alice, user 42: her DM channel is 942.
    wait_for(fake, &mut bot, "the alert DM", |requests| {
        requests
            .iter()
            .any(|(_, p, _)| p == "channels/942/messages")
    });
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let saved = fake.find("POST", "callback/2801").expect("answered");
    assert!(saved.to_string().contains("Saved"), "{saved}");
    let on = fake.find("POST", "callback/2802").expect("answered");
    assert!(on.to_string().contains("Alerts on"), "{on}\n{logs}");
    let opened = fake
        .find("POST", "users/@me/channels")
        .expect("a DM channel");
    assert_eq!(opened, json!({ "recipient_id": "42" }));
    crate::spec::check_dm_channel(&opened).expect("as Discord describes it");
    let dm = fake.find("POST", "channels/942/messages").expect("the DM");
    crate::spec::check_message(&dm).expect("a message as Discord describes it");
    let text = dm.to_string();
    assert!(
        text.contains("Gateway Folks") && text.contains("Data Scientist"),
        "{text}"
    );
    assert_eq!(dm["allowed_mentions"], json!({ "parse": [] }));
    assert!(
        !logs.contains("fake-token-SECRET"),
        "the token never logged"
    );
    assert!(
        !logs.contains("statistical analysis"),
        "skills never logged"
    );
    assert!(status.success(), "{status}\n{logs}");
}
