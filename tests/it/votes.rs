//! "Was this useful?" through the signed HTTP endpoint: answers end with a 👍 / 👎 pair, a
//! click is kept (one vote per member per answer, a second click changes it) and thanked
//! privately, mentors see the answers voted down most and the aspects with nothing in
//! `/kb gaps`, and an article about the roles resets their votes.

use serde_json::{json, Value};
use serenity::all::Permissions;

use rolecall::advisor::aspect::says_nothing;
use rolecall::commands::ASPECTS;
use rolecall::knowledge::Section;

use crate::http::{command, start_teaching, Endpoint};
use crate::oracle::check_interaction_response;
use crate::support::{shipped_kb, sqlite_url};

const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();
const GUILD: &str = "5";

/// An article that teaches the Machine Learning Engineer the shipped articles profile.
const ARTICLE: &str = "\
## Machine Learning Engineer

**Definition:** A Machine Learning Engineer puts trained models into production services.

**Tools:** Kubernetes, Ray, Triton
";

fn member(id: &str, permissions: u64) -> Value {
    json!({ "guild_id": GUILD, "member": {
        "user": { "id": id, "username": "m" },
        "permissions": permissions.to_string(), "roles": [],
    } })
}

fn dm(id: &str) -> Value {
    json!({ "user": { "id": id, "username": "m" } })
}

fn with(mut body: Value, who: &Value) -> Vec<u8> {
    if let (Some(body), Some(who)) = (body.as_object_mut(), who.as_object()) {
        body.extend(who.clone());
    }
    body.to_string().into_bytes()
}

/// A click on `custom_id` on the bot's message `message` (none: a forged click without one).
fn click(custom_id: &str, message: Option<&str>, who: &Value) -> Vec<u8> {
    let mut body = json!({
        "type": 3, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "custom_id": custom_id, "component_type": 2 },
    });
    if let Some(message) = message {
        body["message"] = json!({ "id": message, "channel_id": "9", "content": "" });
    }
    with(body, who)
}

/// The response to `body`: a 200 whose body is one Discord accepts.
fn respond(endpoint: &Endpoint, body: &[u8]) -> Value {
    let response = endpoint.post_signed(body);
    assert_eq!(response.status, 200, "{}", response.body);
    let body = response.json();
    check_interaction_response(&body).unwrap_or_else(|e| panic!("{e}"));
    body
}

fn private(endpoint: &Endpoint, body: &[u8]) -> Value {
    let body = respond(endpoint, body);
    assert_eq!(body["type"], 4, "{body}");
    assert_eq!(body["data"]["flags"], 64, "only the voter sees it: {body}");
    body
}

/// Every row's `custom_id`s, in order.
fn rows(body: &Value) -> Vec<Vec<String>> {
    let rows = body["data"]["components"].as_array().cloned();
    rows.unwrap_or_default()
        .iter()
        .map(|row| {
            let components = row["components"].as_array().cloned().unwrap_or_default();
            components
                .iter()
                .map(|c| c["custom_id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .collect()
}

/// The vote buttons' ids, up then down; asserted to end the last row.
fn votes_of(body: &Value) -> (String, String) {
    let rows = rows(body);
    let last = rows
        .last()
        .unwrap_or_else(|| panic!("no components: {body}"));
    let [.., up, down] = last.as_slice() else {
        panic!("no pair in the last row: {body}");
    };
    assert!(up.starts_with("vote:up:"), "{body}");
    assert!(down.starts_with("vote:down:"), "{body}");
    let votes = rows.iter().flatten().filter(|id| id.starts_with("vote:"));
    assert_eq!(votes.count(), 2, "one pair: {body}");
    (up.clone(), down.clone())
}

fn has_votes(body: &Value) -> bool {
    rows(body)
        .iter()
        .flatten()
        .any(|id| id.starts_with("vote:"))
}

fn gaps(endpoint: &Endpoint) -> String {
    let options = json!([{ "name": "gaps", "type": 1, "options": [] }]);
    let body = private(endpoint, &command("kb", options, member("1", MANAGE_GUILD)));
    body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn compare_skills(who: &Value) -> Vec<u8> {
    let options = json!([
        { "type": 3, "name": "role_a", "value": "machine-learning-engineer" },
        { "type": 3, "name": "role_b", "value": "data-specialist" },
        { "type": 3, "name": "aspect", "value": "skills" },
    ]);
    command("compare", options, who.clone())
}

/// Adds `ARTICLE` to the server as a mentor: the form's submission, then its Add.
fn add_article(endpoint: &Endpoint) {
    let mentor = member("1", MANAGE_GUILD);
    let input = |id: &str, value: &str| json!({ "type": 1, "components": [{ "type": 4, "custom_id": id, "value": value }] });
    let submission = json!({
        "type": 5, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "custom_id": "kb_add", "components": [input("title", "MLE"), input("article", ARTICLE)] },
    });
    let preview = private(endpoint, &with(submission, &mentor));
    let add = rows(&preview)[0][0].clone();
    assert!(add.starts_with("kb_draft:add:"), "{preview}");
    assert!(!has_votes(&preview), "a preview is no answer: {preview}");
    let added = respond(endpoint, &click(&add, Some("700"), &mentor));
    assert_eq!(added["type"], 7, "{added}");
}

#[test]
fn votes_count_once_per_member_show_in_gaps_and_reset_when_an_article_covers_the_roles() {
    let endpoint = start_teaching(sqlite_url("votes_http"));
    let answer = respond(&endpoint, &compare_skills(&member("7", 0)));
    let (up, down) = votes_of(&answer);
    assert_eq!(
        down,
        "vote:down:compare:skills:machine-learning-engineer,data-specialist"
    );
    // The answer's own menu is still there, before the pair's row.
    let ids = rows(&answer);
    assert!(
        ids.iter().flatten().any(|id| id.starts_with("menu:")),
        "{answer}"
    );

    let thanks = private(&endpoint, &click(&down, Some("900"), &member("7", 0)));
    assert_eq!(
        thanks["data"]["content"]
            .as_str()
            .map(|c| c.contains("Thanks")),
        Some(true)
    );
    private(&endpoint, &click(&down, Some("900"), &member("8", 0)));
    // The same member again: counted once.
    private(&endpoint, &click(&down, Some("900"), &member("8", 0)));
    let shown = gaps(&endpoint);
    let line = "👎 `/compare machine-learning-engineer data-specialist skills`: voted down";
    assert!(shown.contains(&format!("{line} 2 times")), "{shown}");
    assert!(
        shown.contains("`machine-learning-engineer` and `data-specialist`"),
        "{shown}"
    );
    assert!(
        !shown.contains("\"7\"") && !shown.contains("<@7>"),
        "{shown}"
    );

    // A changed vote: 7 found it useful after all.
    private(&endpoint, &click(&up, Some("900"), &member("7", 0)));
    let shown = gaps(&endpoint);
    assert!(shown.contains(&format!("{line} 1 time,")), "{shown}");

    // An article about the roles answers their votes: they go.
    add_article(&endpoint);
    let shown = gaps(&endpoint);
    assert!(
        !shown.contains("/compare machine-learning-engineer"),
        "{shown}"
    );
    // Votes after it count again.
    private(&endpoint, &click(&down, Some("901"), &member("8", 0)));
    assert!(gaps(&endpoint).contains(&format!("{line} 1 time,")));
}

#[test]
fn an_aspect_the_articles_say_nothing_about_is_a_gap() {
    let kb = shipped_kb();
    let (role, aspect) = kb
        .roles
        .iter()
        .flat_map(|role| Section::ALL.map(|aspect| (role, aspect)))
        .filter(|(_, aspect)| ASPECTS.iter().any(|choice| choice.value == aspect.key()))
        .find(|(role, aspect)| says_nothing(kb, role, *aspect))
        .expect("the shipped articles leave some aspect of some role empty");
    let endpoint = start_teaching(sqlite_url("votes_empty_aspect"));
    let options = json!([
        { "type": 3, "name": "role", "value": role.slug },
        { "type": 3, "name": "aspect", "value": aspect.key() },
    ]);
    for _ in 0..2 {
        let answer = respond(&endpoint, &command("role", options.clone(), member("7", 0)));
        let text = answer.to_string();
        assert!(text.contains("The articles say nothing about"), "{text}");
        votes_of(&answer);
    }
    let shown = gaps(&endpoint);
    let expected = format!("**{}** of `{}`: asked 2 times", aspect.title(), role.slug);
    assert!(shown.contains(&expected), "{shown}");
}

#[test]
fn a_vote_in_a_dm_is_thanked_and_forged_or_misplaced_votes_are_refused() {
    let endpoint = start_teaching(sqlite_url("votes_dm"));
    let options = json!([{ "type": 3, "name": "role", "value": "mlops" }]);
    let answer = respond(&endpoint, &command("skills", options, dm("77")));
    let (up, _) = votes_of(&answer);
    assert_eq!(up, "vote:up:skills::mlops-engineer");
    let thanks = private(&endpoint, &click(&up, Some("901"), &dm("77")));
    assert!(thanks.to_string().contains("useful"), "{thanks}");

    // Each from another user: a member clicking fast is slowed down first.
    for (forged, user) in [
        ("vote:up:job::a", "78"),
        ("vote:up:compare::A,B", "79"),
        ("vote:sideways:role::mlops-engineer", "80"),
    ] {
        let refused = private(&endpoint, &click(forged, Some("902"), &dm(user)));
        let title = &refused["data"]["embeds"][0]["title"];
        assert_eq!(title, "That vote didn't work", "{forged}: {refused}");
    }
    let nowhere = private(&endpoint, &click(&up, None, &dm("81")));
    assert_eq!(
        nowhere["data"]["embeds"][0]["title"],
        "That vote didn't work"
    );

    // Errors, clarifications and /help carry no vote.
    let options = json!([{ "type": 3, "name": "role", "value": "astronaut" }]);
    assert!(!has_votes(&respond(
        &endpoint,
        &command("role", options, dm("82"))
    )));
    assert!(!has_votes(&respond(
        &endpoint,
        &command("help", json!([]), dm("82"))
    )));
}
