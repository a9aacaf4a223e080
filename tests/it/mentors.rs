//! Mentors through Discord's HTTP endpoint and the terminal: who may choose the mentor role,
//! that every answer is private, and that the setting is kept in the store.

use serde_json::{json, Value};
use serenity::all::Permissions;

use rolecall::teaching::store::TeachingStore;

use crate::http::{command, start_with, Endpoint};
use crate::support::{runtime, sqlite_url};

const GUILD: &str = "5";
const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();
const ADMINISTRATOR: u64 = Permissions::ADMINISTRATOR.bits();
const MANAGE_MESSAGES: u64 = Permissions::MANAGE_MESSAGES.bits();

fn member(id: &str, permissions: u64, roles: &[&str]) -> Value {
    json!({ "guild_id": GUILD, "member": {
        "user": { "id": id, "username": "m" },
        "permissions": permissions.to_string(), "roles": roles,
    } })
}

/// `/kb setup`, naming `role` (a server role option, type 8) if given.
fn setup(role: Option<&str>, who: Value) -> Vec<u8> {
    let options: Vec<Value> = role
        .map(|id| json!({ "name": "mentor_role", "type": 8, "value": id }))
        .into_iter()
        .collect();
    command(
        "kb",
        json!([{ "name": "setup", "type": 1, "options": options }]),
        who,
    )
}

/// The embed title and the whole response, which must be private and within Discord's
/// limits.
fn private_answer(endpoint: &Endpoint, body: &[u8]) -> (String, String) {
    let response = endpoint.post_signed(body);
    assert_eq!(response.status, 200, "{}", response.body);
    let json = response.json();
    crate::oracle::check_interaction_response(&json).expect("within Discord's limits");
    assert_eq!(json["data"]["flags"], 64, "private: {json}");
    assert_eq!(json["data"]["allowed_mentions"], json!({ "parse": [] }));
    let title = json["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    (title, json.to_string())
}

#[test]
fn only_server_managers_choose_the_mentor_role() {
    let url = sqlite_url("mentor_setup");
    let endpoint = start_with(url.clone(), None);

    let (title, text) = private_answer(&endpoint, &setup(Some("777"), member("1", 0, &[])));
    assert_eq!(title, "Not allowed", "{text}");
    assert!(
        text.contains("Manage Server"),
        "says which permission: {text}"
    );
    let (title, _) = private_answer(
        &endpoint,
        &setup(Some("777"), member("1", MANAGE_MESSAGES, &[])),
    );
    assert_eq!(
        title, "Not allowed",
        "moderating messages is not managing the server"
    );

    let (title, text) = private_answer(
        &endpoint,
        &setup(Some("777"), member("2", MANAGE_GUILD, &[])),
    );
    assert_eq!(title, "Mentor settings", "{text}");
    assert!(text.contains("<@&777>"), "{text}");

    let (title, text) = private_answer(&endpoint, &setup(None, member("3", 0, &["777"])));
    assert_eq!(
        title, "Mentor settings",
        "any member may see who teaches: {text}"
    );
    assert!(text.contains("<@&777>"), "{text}");

    let (title, text) = private_answer(
        &endpoint,
        &setup(Some("888"), member("4", ADMINISTRATOR, &[])),
    );
    assert_eq!(title, "Mentor settings", "{text}");

    let kept = runtime().block_on(async {
        let store = TeachingStore::open(&url)
            .await
            .expect("the endpoint's store");
        store.settings(5).await.expect("settings")
    });
    assert_eq!(kept.mentor_role, Some(888));
}

#[test]
fn mentors_are_chosen_inside_a_server() {
    let endpoint = start_with(sqlite_url("mentor_dm"), None);
    let dm = json!({ "user": { "id": "3", "username": "m" } });
    let (title, text) = private_answer(&endpoint, &setup(Some("777"), dm));
    assert_eq!(title, "Not allowed", "{text}");
    assert!(text.contains("inside a server"), "{text}");
}

#[test]
fn a_forged_button_cannot_choose_the_mentor_role() {
    let endpoint = start_with(sqlite_url("mentor_button"), None);
    let manager = member("2", MANAGE_GUILD, &[]);
    let mut click = json!({
        "type": 3, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "custom_id": "/kb setup mentor_role:777", "component_type": 2 },
    });
    if let (Some(body), Some(who)) = (click.as_object_mut(), manager.as_object()) {
        body.extend(who.clone());
    }
    let (title, text) = private_answer(&endpoint, click.to_string().as_bytes());
    assert_eq!(title, "Not allowed", "{text}");
    let (_, shown) = private_answer(&endpoint, &setup(None, manager));
    assert!(!shown.contains("<@&777>"), "{shown}");
}

/// The operator sets up from the terminal (`rolecall ask`, the store from `DATABASE_URL`):
/// outside servers, as `/job` lines there act on the board outside servers.
#[test]
fn the_operator_sets_the_mentor_role_from_the_terminal() {
    let url = sqlite_url("mentor_cli");
    let ask = |line: &str| {
        let output = assert_cmd::Command::cargo_bin("rolecall")
            .expect("the binary")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("ROLECALL_KNOWLEDGE")
            .env_remove("ROLECALL_LOG")
            .env("DATABASE_URL", &url)
            .args(["ask", line])
            .output()
            .expect("runs");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        (output.status.code(), stdout)
    };
    let (code, out) = ask("/kb setup mentor_role:<@&777>");
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("Mentor settings") && out.contains("777"),
        "{out}"
    );
    let (code, out) = ask("/kb setup");
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("777"), "read back: {out}");
    let (code, out) = ask("/kb setup mentor_role:everyone");
    assert_eq!(code, Some(1), "a bad role is refused: {out}");
}
