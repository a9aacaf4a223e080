//! The forum mode where no forum post ever arrives: through the signed HTTP endpoint,
//! `/kb setup answer_forum:` is kept but says the mode is unavailable there, and a mentor's
//! "Remove this answer" (clicks reach the endpoint whichever process posted the answer)
//! replaces a forum answer the store knows, and nothing else.

use serde_json::{json, Value};
use serenity::all::Permissions;

use rolecall::teaching::store::TeachingStore;

use crate::http::{command, start_with, Endpoint};
use crate::support::{runtime, sqlite_url};

const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();

fn member(id: &str, permissions: u64) -> Value {
    json!({ "guild_id": "5", "member": {
        "user": { "id": id, "username": "m" }, "permissions": permissions.to_string(), "roles": [],
    } })
}

fn setup(options: Value, who: Value) -> Vec<u8> {
    command(
        "kb",
        json!([{ "name": "setup", "type": 1, "options": options }]),
        who,
    )
}

/// "Remove this answer" clicked under message `message`.
fn take_down(message: &str, who: Value) -> Vec<u8> {
    let mut click = json!({
        "type": 3, "id": "1", "token": "t", "application_id": "1", "channel_id": "7001",
        "data": { "custom_id": "forum_answer:remove", "component_type": 2 },
        "message": { "id": message, "channel_id": "7001" },
    });
    if let (Some(body), Some(who)) = (click.as_object_mut(), who.as_object()) {
        body.extend(who.clone());
    }
    click.to_string().into_bytes()
}

fn answer(endpoint: &Endpoint, body: &[u8]) -> Value {
    let response = endpoint.post_signed(body);
    assert_eq!(response.status, 200, "{}", response.body);
    let json = response.json();
    crate::oracle::check_interaction_response(&json).expect("within Discord's limits");
    assert_eq!(json["data"]["allowed_mentions"], json!({ "parse": [] }));
    json
}

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

#[test]
fn over_http_the_answer_forum_is_kept_but_the_forum_mode_is_unavailable() {
    let url = sqlite_url("forum_http_setup");
    let endpoint = start_with(url.clone(), None);
    let forum = json!([{ "name": "answer_forum", "type": 7, "value": "5500" }]);

    let refused = answer(&endpoint, &setup(forum.clone(), member("1", 0)));
    assert_eq!(refused["data"]["embeds"][0]["title"], "Not allowed");
    assert_eq!(refused["data"]["flags"], 64);

    let set = answer(&endpoint, &setup(forum, member("2", MANAGE_GUILD)));
    assert_eq!(set["data"]["flags"], 64, "{set}");
    assert!(field(&set, "Answer forum").starts_with("<#5500>"), "{set}");
    let missing = field(&set, "Forum mode: missing");
    assert!(
        missing.contains("Unavailable here") && missing.contains("rolecall serve-http"),
        "{missing}"
    );
    let kept = runtime().block_on(async {
        let store = TeachingStore::open(&url)
            .await
            .expect("the endpoint's store");
        store.settings(5).await.expect("settings")
    });
    assert_eq!(
        kept.answer_forum,
        Some(5500),
        "kept for a gateway on the same database"
    );

    let off = json!([{ "name": "forum_off", "type": 5, "value": true }]);
    let stopped = answer(&endpoint, &setup(off, member("2", MANAGE_GUILD)));
    assert!(
        field(&stopped, "Answer forum").starts_with("None"),
        "{stopped}"
    );
    assert!(
        field(&stopped, "Forum mode: missing").is_empty(),
        "{stopped}"
    );
}

#[test]
fn a_forum_answer_is_taken_down_by_a_mentor_only_and_only_a_forum_answer() {
    let url = sqlite_url("forum_http_take_down");
    let endpoint = start_with(url.clone(), None);
    // A gateway process answered post 7001 with message 8001, on the same database.
    runtime().block_on(async {
        let store = TeachingStore::open(&url).await.expect("store");
        assert!(store
            .claim_forum_post(5, 7001, 1_795_608_000)
            .await
            .expect("claim"));
        store
            .record_forum_answer(5, 7001, 8001)
            .await
            .expect("answer");
    });

    let member_click = answer(&endpoint, &take_down("8001", member("1", 0)));
    assert_eq!(member_click["type"], 4);
    assert_eq!(
        member_click["data"]["flags"], 64,
        "privately: {member_click}"
    );
    assert_eq!(member_click["data"]["embeds"][0]["title"], "Not allowed");

    let not_an_answer = answer(&endpoint, &take_down("6000", member("2", MANAGE_GUILD)));
    assert_eq!(not_an_answer["data"]["flags"], 64, "{not_an_answer}");
    assert!(
        not_an_answer
            .to_string()
            .contains("not one of the bot's forum answers"),
        "{not_an_answer}"
    );

    let removed = answer(&endpoint, &take_down("8001", member("2", MANAGE_GUILD)));
    assert_eq!(removed["type"], 7, "replaced in place: {removed}");
    assert_eq!(
        removed["data"]["content"],
        "A mentor took this answer down."
    );
    assert_eq!(removed["data"]["embeds"], json!([]));
    assert_eq!(removed["data"]["components"], json!([]));
}
