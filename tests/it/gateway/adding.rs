//! A mentor adds an article through the real serenity client: `/kb add` opens the form, the
//! form's submission comes back as a preview, Add makes the server answer from the article.

use serde_json::{json, Value};
use serenity::all::Permissions;

use super::{drain, interaction, message, send_signal, user, wait_for, wait_with_timeout};
use super::{FakeDiscord, BOT_ID};

const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();

const ARTICLE: &str = "## Analytics Engineer\n\n\
**Definition:** An Analytics Engineer turns raw warehouse tables into tested data models.\n\n\
**Tools:** dbt, SQL, Snowflake\n";

fn as_mentor(mut event: Value) -> Value {
    event["member"]["permissions"] = json!(MANAGE_GUILD.to_string());
    event
}

fn kb_add(id: &str) -> Value {
    as_mentor(interaction(
        id,
        2,
        json!({ "id": "3002", "name": "kb", "type": 1, "options": [
            { "name": "add", "type": 1, "options": [] },
        ] }),
    ))
}

fn submitted(id: &str) -> Value {
    let input = |custom_id: &str, value: &str| {
        json!({ "type": 1, "components": [
        { "type": 4, "custom_id": custom_id, "value": value }
    ] })
    };
    as_mentor(interaction(
        id,
        5,
        json!({ "custom_id": "kb_add", "components": [
            input("title", "Analytics"), input("article", ARTICLE),
        ] }),
    ))
}

fn clicked(id: &str, custom_id: &str) -> Value {
    let mut click = as_mentor(interaction(
        id,
        3,
        json!({ "custom_id": custom_id, "component_type": 2 }),
    ));
    click["message"] = message("6100", "");
    click["message"]["author"] = user(BOT_ID, "rolecall");
    click
}

fn role_question(id: &str) -> Value {
    interaction(
        id,
        2,
        json!({ "id": "3003", "name": "role", "type": 1, "options": [
            { "name": "role", "type": 3, "value": "analytics engineer" },
        ] }),
    )
}

#[test]
fn a_mentor_adds_an_article_through_the_gateway() {
    let discord = FakeDiscord::start(vec![("INTERACTION_CREATE".into(), kb_add("2201"))]);
    let mut command = discord.rolecall(&["run"]);
    command.env("DATABASE_URL", crate::support::sqlite_url("gateway_adding"));
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

    wait_for(fake, &mut bot, "the form", answered("2201"));
    let form = fake.find("POST", "callback/2201").expect("the form");
    assert_eq!(form["type"], 9, "{form}");
    crate::spec::check_callback(&form).expect("a modal as Discord describes it");

    push(submitted("2202"));
    wait_for(fake, &mut bot, "the preview", answered("2202"));
    let preview = fake.find("POST", "callback/2202").expect("the preview");
    crate::oracle::check_interaction_response(&preview).expect("a valid message");
    assert_eq!(preview["data"]["flags"], 64, "{preview}");
    let add = preview["data"]["components"][0]["components"][0]["custom_id"]
        .as_str()
        .expect("an Add button")
        .to_owned();

    push(clicked("2203", &add));
    wait_for(fake, &mut bot, "the Add", answered("2203"));
    push(role_question("2204"));
    wait_for(fake, &mut bot, "the answer", answered("2204"));
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let added = fake.find("POST", "callback/2203").expect("the Add");
    assert_eq!(added["type"], 7, "{added}");
    assert_eq!(added["data"]["embeds"][0]["title"], "Added: Analytics");
    let answer = fake.find("POST", "callback/2204").expect("the answer");
    assert!(
        answer.to_string().contains("tested data models"),
        "{answer}"
    );
    assert!(status.success(), "{status}\n{logs}");
}

/// `/kb add` with `filename` attached at `url`.
fn kb_add_file(id: &str, filename: &str, url: &str) -> Value {
    let mut command = kb_add(id);
    command["data"]["options"][0]["options"] =
        json!([{ "name": "article", "type": 11, "value": "77" }]);
    command["data"]["resolved"] = json!({ "attachments": { "77": {
        "id": "77", "filename": filename, "size": ARTICLE.len(), "url": url, "proxy_url": url,
        "content_type": "text/markdown; charset=utf-8",
    } } });
    command
}

#[test]
fn a_mentors_file_is_downloaded_previewed_and_added_through_the_gateway() {
    let discord = FakeDiscord::start(Vec::new());
    let url = discord.serve_file("analytics.md", ARTICLE.as_bytes());
    let mut command = discord.rolecall(&["run"]);
    command.env("DATABASE_URL", crate::support::sqlite_url("gateway_upload"));
    let mut bot = command.spawn().expect("rolecall run starts");
    let logs = drain(bot.stderr.take());
    let fake = &discord.fake;
    let push = |event: Value| {
        discord
            .push
            .send(("INTERACTION_CREATE".into(), event))
            .expect("the fake gateway takes events");
    };
    wait_for(fake, &mut bot, "the registration", |requests| {
        requests.iter().any(|(m, _, _)| m == "PUT")
    });

    push(kb_add_file("2301", "analytics.md", &url));
    wait_for(fake, &mut bot, "the preview edited in", |requests| {
        requests
            .iter()
            .any(|(m, p, _)| m == "PATCH" && p == "webhooks/token-2301")
    });
    let deferred = fake.find("POST", "callback/2301").expect("the deferral");
    assert_eq!(deferred, json!({ "type": 5, "data": { "flags": 64 } }));
    crate::spec::check_callback(&deferred).expect("a deferral as Discord describes it");
    assert!(fake.find("GET", "attachments/analytics.md").is_some());
    let preview = fake
        .find("PATCH", "webhooks/token-2301")
        .expect("the preview");
    crate::spec::check_webhook_edit(&preview).expect("an edit as Discord describes it");
    assert_eq!(
        preview["embeds"][0]["title"], "Preview: Analytics Engineer",
        "{preview}"
    );
    let add = preview["components"][0]["components"][0]["custom_id"]
        .as_str()
        .expect("an Add button")
        .to_owned();

    push(clicked("2302", &add));
    wait_for(fake, &mut bot, "the Add", |requests| {
        requests.iter().any(|(_, p, _)| p == "callback/2302")
    });
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();
    let added = fake.find("POST", "callback/2302").expect("the Add");
    assert_eq!(
        added["data"]["embeds"][0]["title"], "Added: Analytics Engineer",
        "{added}"
    );
    assert!(
        !logs.contains("token-2301"),
        "the interaction's token is never logged"
    );
    assert!(status.success(), "{status}\n{logs}");
}
