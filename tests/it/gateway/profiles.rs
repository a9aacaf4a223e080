//! `/me` through the real serenity client: a profile saved, and exported as a JSON file
//! sent beside the private answer (a multipart interaction response).

use serde_json::{json, Value};

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

#[test]
fn a_profile_is_saved_and_exported_as_a_file_through_the_gateway() {
    let set = json!([{ "name": "set", "type": 3, "value": "python, sql" }]);
    let discord = FakeDiscord::start(vec![(
        "INTERACTION_CREATE".into(),
        me("2701", "skills", set),
    )]);
    let mut command = discord.rolecall(&["run"]);
    command.env(
        "DATABASE_URL",
        crate::support::sqlite_url("gateway_profiles"),
    );
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
    wait_for(fake, &mut bot, "the profile saved", answered("2701"));
    let push = discord
        .push
        .send(("INTERACTION_CREATE".into(), me("2702", "export", json!([]))));
    push.expect("the fake takes events");
    wait_for(fake, &mut bot, "the export", |requests| {
        requests
            .iter()
            .any(|(m, p, _)| m == "FILE" && p == "callback/2702")
    });
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let saved = fake.find("POST", "callback/2701").expect("saved");
    assert_eq!(saved["data"]["flags"], 64, "{saved}");
    let answer = fake
        .find("POST", "callback/2702")
        .expect("the export's message");
    crate::spec::check_callback(&answer).expect("a response as Discord describes it");
    assert_eq!(answer["data"]["flags"], 64, "private: {answer}");
    let file = fake.find("FILE", "callback/2702").expect("the file");
    assert_eq!(
        file["profile"]["skills"],
        json!(["python", "sql"]),
        "{file}"
    );
    assert_eq!(file["member"], "42");
    assert!(status.success(), "{status}\n{logs}");
}
