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
    let ask = |line: &str| ask_at_the_terminal(&url, line);
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

/// `/kb <name>` with `options` (already typed JSON options).
fn kb(name: &str, options: Value, who: Value) -> Vec<u8> {
    command(
        "kb",
        json!([{ "name": name, "type": 1, "options": options }]),
        who,
    )
}

/// Adds `count` articles to server 5 as user 1234, the first at `at`, and names role 777
/// the mentor role. Returns the articles' ids, oldest first.
fn seed(url: &str, count: usize) -> Vec<i64> {
    runtime().block_on(async {
        let store = TeachingStore::open(url).await.expect("the store");
        store
            .set_mentor_role(5, Some(777), "2", 1_764_950_000)
            .await
            .expect("a mentor role");
        let mut ids = Vec::new();
        for n in 0..count {
            let title = format!("Guide {n} **bold** <@&1>");
            let text = format!("Data Scientist\n\nArticle number {n}.");
            let at = 1_764_950_000 + i64::try_from(n).unwrap_or_default();
            let added = store
                .add(5, &title, &text, "1234", at)
                .await
                .expect("added");
            ids.push(added.id);
        }
        ids
    })
}

#[test]
fn any_member_lists_the_servers_articles_privately_and_in_pages() {
    let url = sqlite_url("mentor_list");
    let ids = seed(&url, 12);
    let endpoint = start_with(url, None);
    let (title, text) = private_answer(&endpoint, &kb("list", json!([]), member("3", 0, &[])));
    assert_eq!(title, "Articles added to this server (12)", "{text}");
    assert!(
        text.contains(&format!("#{} Guide 11", ids[11])),
        "newest first: {text}"
    );
    assert!(text.contains("<@1234>"), "the author, as a mention: {text}");
    assert!(
        !text.contains("**bold**") && !text.contains("<@&1>"),
        "titles are escaped: {text}"
    );
    assert!(text.contains("Page 1/2"), "{text}");
    let page = json!([{ "name": "page", "type": 4, "value": 2 }]);
    let (_, second) = private_answer(&endpoint, &kb("list", page, member("3", 0, &[])));
    assert!(second.contains(&format!("#{} Guide 0", ids[0])), "{second}");
    assert!(!second.contains("Guide 11"), "{second}");

    let dm = json!({ "user": { "id": "3", "username": "m" } });
    let (title, text) = private_answer(&endpoint, &kb("list", json!([]), dm));
    assert_eq!(title, "Not allowed", "{text}");
}

#[test]
fn only_mentors_remove_articles_and_read_their_history() {
    let url = sqlite_url("mentor_remove");
    let ids = seed(&url, 2);
    let endpoint = start_with(url.clone(), None);
    let remove = |id: i64| json!([{ "name": "id", "type": 4, "value": id }]);

    for who in [member("3", MANAGE_MESSAGES, &["4"]), member("3", 0, &[])] {
        let (title, text) = private_answer(&endpoint, &kb("remove", remove(ids[0]), who.clone()));
        assert_eq!(title, "Not allowed", "{text}");
        let (title, _) = private_answer(&endpoint, &kb("history", json!([]), who));
        assert_eq!(title, "Not allowed");
    }

    let mentor = member("8", 0, &["777"]);
    let (title, text) = private_answer(&endpoint, &kb("remove", remove(ids[0]), mentor.clone()));
    assert_eq!(title, "Article removed", "{text}");
    assert!(
        text.contains(&format!("#{}", ids[0])) && text.contains("Guide 0"),
        "{text}"
    );
    let (title, text) = private_answer(&endpoint, &kb("remove", remove(ids[0]), mentor.clone()));
    assert_eq!(title, "Not done", "removed once: {text}");
    assert!(
        text.contains("/kb list"),
        "says where the numbers are: {text}"
    );
    let (title, _) = private_answer(&endpoint, &kb("remove", remove(999), mentor.clone()));
    assert_eq!(title, "Not done");

    let manager = member("9", MANAGE_GUILD, &[]);
    let (title, text) = private_answer(&endpoint, &kb("history", json!([]), manager));
    assert_eq!(title, "Article history", "{text}");
    let body: Value = serde_json::from_str(&text).expect("JSON");
    let description = body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default();
    let lines: Vec<&str> = description.lines().collect();
    assert!(
        lines[0].contains("removed") && lines[0].contains("by <@8>"),
        "{text}"
    );
    assert_eq!(lines.len(), 3, "{description}");
    assert!(
        lines[1..].iter().all(|line| line.contains("added")),
        "{description}"
    );

    let (_, listed) = private_answer(&endpoint, &kb("list", json!([]), member("3", 0, &[])));
    assert!(
        listed.contains("(1)") && !listed.contains("Guide 0"),
        "{listed}"
    );
    let kept = runtime().block_on(async {
        let store = TeachingStore::open(&url).await.expect("the store");
        store.history(5, 10).await.expect("history")
    });
    assert_eq!(kept[0].actor, "8", "the remover is recorded");
}

#[test]
fn a_forged_button_cannot_remove_an_article() {
    let url = sqlite_url("mentor_remove_button");
    let ids = seed(&url, 1);
    let endpoint = start_with(url.clone(), None);
    let mut click = json!({
        "type": 3, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "custom_id": format!("/kb remove id:{}", ids[0]), "component_type": 2 },
    });
    if let (Some(body), Some(who)) = (
        click.as_object_mut(),
        member("2", MANAGE_GUILD, &[]).as_object(),
    ) {
        body.extend(who.clone());
    }
    let (title, text) = private_answer(&endpoint, click.to_string().as_bytes());
    assert_eq!(title, "Not allowed", "{text}");
    let live = runtime().block_on(async {
        TeachingStore::open(&url)
            .await
            .expect("store")
            .list(5)
            .await
            .expect("list")
    });
    assert_eq!(live.len(), 1);
}

/// `rolecall ask` lists, removes and shows the history of the articles outside servers
/// (server 0), as the operator.
#[test]
fn the_operator_manages_articles_outside_servers_from_ask() {
    let url = sqlite_url("mentor_cli_kb");
    let id = runtime().block_on(async {
        let store = TeachingStore::open(&url).await.expect("the store");
        store
            .add(
                0,
                "Terminal guide",
                "Data Scientist\n\nText.",
                "operator",
                1_764_950_000,
            )
            .await
            .expect("added")
            .id
    });
    let ask = |line: &str| ask_at_the_terminal(&url, line);
    let (code, out) = ask("/kb list");
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(&format!("#{id} Terminal guide")) && out.contains("operator"),
        "{out}"
    );
    let (code, out) = ask(&format!("/kb remove {id}"));
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Article removed"), "{out}");
    let (code, out) = ask(&format!("/kb remove id:{id}"));
    assert_eq!(code, Some(1), "already removed: {out}");
    let (code, out) = ask("/kb history");
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("removed") && out.contains("added"), "{out}");
    let (code, out) = ask("/kb list");
    assert_eq!(code, Some(0), "an empty list is no error: {out}");
    assert!(out.contains("No articles added"), "{out}");
}

/// `rolecall ask LINE` with its store at `url`: the exit code and what it printed.
fn ask_at_the_terminal(url: &str, line: &str) -> (Option<i32>, String) {
    let output = assert_cmd::Command::cargo_bin("rolecall")
        .expect("the binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("ROLECALL_KNOWLEDGE")
        .env_remove("ROLECALL_LOG")
        .env("DATABASE_URL", url)
        .args(["ask", line])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (output.status.code(), stdout)
}
