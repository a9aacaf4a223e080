//! A mentor teaches the bot a role from Discord, through the signed HTTP endpoint: `/kb add`
//! opens a form, the submitted article comes back as a private preview (a draft bound to
//! its author), and Add makes the server answer from it; no one else, and no other server.

use serde_json::{json, Value};
use serenity::all::Permissions;

use crate::http::{command, start_teaching, Endpoint};
use crate::support::sqlite_url;

const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();

const ARTICLE: &str = "\
## Analytics Engineer

**Definition:** An Analytics Engineer turns raw warehouse tables into tested data models.

**Key Responsibilities**
- Model warehouse tables with dbt
- Write tests for every model

**Tools:** dbt, SQL, Snowflake
";

fn member(guild: &str, id: &str, permissions: u64) -> Value {
    json!({ "guild_id": guild, "member": {
        "user": { "id": id, "username": "m" },
        "permissions": permissions.to_string(), "roles": [],
    } })
}

fn with(mut body: Value, who: &Value) -> Vec<u8> {
    if let (Some(body), Some(who)) = (body.as_object_mut(), who.as_object()) {
        body.extend(who.clone());
    }
    body.to_string().into_bytes()
}

fn add_command(who: &Value) -> Vec<u8> {
    command(
        "kb",
        json!([{ "name": "add", "type": 1, "options": [] }]),
        who.clone(),
    )
}

/// The form submitted with `title` and `article`, in the action-row shape.
fn submit(title: &str, article: &str, who: &Value) -> Vec<u8> {
    let input = |id: &str, value: &str| {
        json!({ "type": 1, "components": [
        { "type": 4, "custom_id": id, "value": value }
    ] })
    };
    with(
        json!({
            "type": 5, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
            "data": { "custom_id": "kb_add", "components": [input("title", title), input("article", article)] },
        }),
        who,
    )
}

fn click(custom_id: &str, who: &Value) -> Vec<u8> {
    with(
        json!({
            "type": 3, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
            "data": { "custom_id": custom_id, "component_type": 2 },
        }),
        who,
    )
}

fn respond(endpoint: &Endpoint, body: &[u8]) -> Value {
    let response = endpoint.post_signed(body);
    assert_eq!(response.status, 200, "{}", response.body);
    response.json()
}

/// A message response: checked against Discord's limits and private.
fn private_message(endpoint: &Endpoint, body: &[u8]) -> Value {
    let json = respond(endpoint, body);
    crate::oracle::check_interaction_response(&json).expect("within Discord's limits");
    assert_eq!(json["data"]["flags"], 64, "private: {json}");
    json
}

fn title(json: &Value) -> &str {
    json["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default()
}

fn button_ids(json: &Value) -> Vec<String> {
    json["data"]["components"][0]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|b| b["custom_id"].as_str().map(str::to_owned))
        .collect()
}

fn role_answer(endpoint: &Endpoint, guild: &str) -> String {
    let options = json!([{ "type": 3, "name": "role", "value": "analytics engineer" }]);
    respond(endpoint, &command("role", options, member(guild, "9", 0))).to_string()
}

#[test]
fn a_mentor_adds_an_article_from_discord_and_the_server_answers_from_it() {
    let endpoint = start_teaching(sqlite_url("adding"));
    let mentor = member("5", "1", MANAGE_GUILD);

    // The form: a modal with the title and the article.
    let form = respond(&endpoint, &add_command(&mentor));
    assert_eq!(form["type"], 9, "{form}");
    crate::spec::check_callback(&form).expect("a modal as Discord describes it");
    assert_eq!(form["data"]["custom_id"], "kb_add");
    let inputs: Vec<&str> = form["data"]["components"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|row| row["components"][0]["custom_id"].as_str())
        .collect();
    assert_eq!(inputs, ["title", "article"]);

    // The preview: private, the role found, nothing added yet.
    let preview = private_message(&endpoint, &submit("Analytics", ARTICLE, &mentor));
    assert_eq!(title(&preview), "Preview: Analytics", "{preview}");
    assert!(
        preview.to_string().contains("Analytics Engineer (new)"),
        "{preview}"
    );
    let buttons = button_ids(&preview);
    assert_eq!(buttons.len(), 2, "{preview}");
    assert!(!role_answer(&endpoint, "5").contains("tested data models"));

    // Someone else's click does nothing.
    let other = member("5", "2", MANAGE_GUILD);
    let refused = private_message(&endpoint, &click(&buttons[0], &other));
    assert!(
        refused
            .to_string()
            .to_lowercase()
            .contains("only the person who made this draft"),
        "{refused}"
    );

    // The author's Add: the server answers from the article, another server does not.
    let added = respond(&endpoint, &click(&buttons[0], &mentor));
    assert_eq!(added["type"], 7, "the preview is replaced: {added}");
    crate::oracle::check_interaction_response(&added).expect("within Discord's limits");
    assert_eq!(title(&added), "Added: Analytics", "{added}");
    assert!(added.to_string().contains("Analytics Engineer"), "{added}");
    assert!(role_answer(&endpoint, "5").contains("tested data models"));
    assert!(!role_answer(&endpoint, "6").contains("tested data models"));

    // A replayed Add, and the same text again, add nothing more.
    let replayed = private_message(&endpoint, &click(&buttons[0], &mentor));
    assert!(
        replayed
            .to_string()
            .to_lowercase()
            .contains("this draft is gone"),
        "{replayed}"
    );
    let again = private_message(&endpoint, &submit("Again", ARTICLE, &mentor));
    let again_add = button_ids(&again);
    let twice = private_message(&endpoint, &click(&again_add[0], &mentor));
    assert!(
        twice.to_string().to_lowercase().contains("already added"),
        "{twice}"
    );
}

#[test]
fn only_mentors_open_the_form_and_an_article_teaching_nothing_is_refused() {
    let endpoint = start_teaching(sqlite_url("adding_refused"));
    let member_only = member("5", "3", 0);
    let refused = private_message(&endpoint, &add_command(&member_only));
    assert_eq!(title(&refused), "Not allowed", "{refused}");
    let refused = private_message(&endpoint, &submit("Sneaky", ARTICLE, &member_only));
    assert_eq!(
        title(&refused),
        "Not allowed",
        "a submission is checked too: {refused}"
    );

    let mentor = member("5", "1", MANAGE_GUILD);
    let nothing = private_message(&endpoint, &submit("List", "- milk\n- eggs\n", &mentor));
    assert!(nothing.to_string().contains("teaches no role"), "{nothing}");
    assert!(button_ids(&nothing).is_empty(), "{nothing}");

    let dm = json!({ "user": { "id": "1", "username": "m" } });
    let refused = private_message(&endpoint, &add_command(&dm));
    assert!(
        refused.to_string().contains("inside the server"),
        "{refused}"
    );
}

#[test]
fn mentors_see_what_members_could_not_get_answered_until_an_article_answers_it() {
    let endpoint = start_teaching(sqlite_url("adding_gaps"));
    let asker = member("5", "7", 0);
    let ask_role = |role: &str| {
        let options = json!([{ "type": 3, "name": "role", "value": role }]);
        respond(&endpoint, &command("role", options, asker.clone()))
    };
    ask_role("analytics engineer");
    ask_role("Analytics  Engineer");
    // In a DM nothing is noted: gaps belong to a server.
    let dm = json!({ "user": { "id": "7", "username": "m" } });
    let options = json!([{ "type": 3, "name": "role", "value": "astronaut" }]);
    respond(&endpoint, &command("role", options, dm));

    let gaps_command = |who: &Value| {
        command(
            "kb",
            json!([{ "name": "gaps", "type": 1, "options": [] }]),
            who.clone(),
        )
    };
    let refused = private_message(&endpoint, &gaps_command(&asker));
    assert_eq!(title(&refused), "Not allowed", "{refused}");

    let mentor = member("5", "1", MANAGE_GUILD);
    let gaps = private_message(&endpoint, &gaps_command(&mentor));
    let text = gaps.to_string();
    assert!(
        text.contains("**analytics engineer**: asked 2 times"),
        "{text}"
    );
    assert!(!text.contains("astronaut"), "{text}");
    assert!(!text.contains("\"7\""), "who asked is not shown: {text}");

    // An article that teaches the role answers it: the gap goes.
    let preview = private_message(&endpoint, &submit("Analytics", ARTICLE, &mentor));
    let add = button_ids(&preview);
    respond(&endpoint, &click(&add[0], &mentor));
    let after = private_message(&endpoint, &gaps_command(&mentor));
    assert!(!after.to_string().contains("analytics engineer"), "{after}");
}

const STEWARD: &str = "\
## Data Steward

**Definition:** A Data Steward keeps the catalogue of business definitions trustworthy.

**Tools:** Collibra, SQL
";

/// Two mentors of one server press Add at the same moment, in server after server: both
/// articles are added and the server answers from both (neither rebuild undoes the other).
#[test]
fn two_mentors_adding_at_once_both_teach_the_server() {
    let endpoint = start_teaching(sqlite_url("adding_together"));
    for guild in ["11", "12", "13", "14", "15", "16"] {
        // Members of each server of their own: the rate limit is per member.
        let (ada, bob) = (
            member(guild, &format!("1{guild}"), MANAGE_GUILD),
            member(guild, &format!("2{guild}"), MANAGE_GUILD),
        );
        let add_of = |title: &str, article: &str, who: &Value| {
            let preview = private_message(&endpoint, &submit(title, article, who));
            click(&button_ids(&preview)[0], who)
        };
        let clicks = [
            add_of("Analytics", ARTICLE, &ada),
            add_of("Steward", STEWARD, &bob),
        ];
        std::thread::scope(|scope| {
            let pressed: Vec<_> = clicks
                .iter()
                .map(|click| scope.spawn(|| respond(&endpoint, click)))
                .collect();
            for added in pressed {
                let added = added.join().expect("an Add");
                assert_eq!(added["type"], 7, "{added}");
            }
        });
        let answer = |role: &str| {
            let options = json!([{ "type": 3, "name": "role", "value": role }]);
            let asker = member(guild, &format!("9{guild}"), 0);
            respond(&endpoint, &command("role", options, asker)).to_string()
        };
        assert!(
            answer("analytics engineer").contains("tested data models"),
            "server {guild}"
        );
        let steward = answer("data steward");
        assert!(
            steward.contains("business definitions"),
            "server {guild}: {steward}"
        );
    }
}

/// The form's bounds, and an article about a role the base already knows: one character is
/// refused with the reason; 4,000 characters are previewed; a known role is merged into
/// the known one, and its answers then cite the article beside the shipped ones.
#[test]
fn short_long_and_known_role_articles_are_read_as_the_form_sends_them() {
    let endpoint = start_teaching(sqlite_url("adding_bounds"));
    let mentor = member("5", "1", MANAGE_GUILD);
    let one = private_message(&endpoint, &submit("X", "x", &mentor));
    assert!(one.to_string().contains("teaches no role"), "{one}");
    assert!(button_ids(&one).is_empty(), "{one}");

    let mut long = ARTICLE.to_owned();
    while long.chars().count() < 4_000 {
        long.push_str("- Review a colleague's model and its tests\n");
    }
    let long: String = long.chars().take(4_000).collect();
    let preview = private_message(&endpoint, &submit("Long", &long, &mentor));
    assert!(
        preview.to_string().contains("Analytics Engineer (new)"),
        "{preview}"
    );
    assert_eq!(button_ids(&preview).len(), 2, "{preview}");

    let known = "## Data Scientist\n\n**Key Responsibilities**\n\
        - Present churn forecasts to the board every quarter\n";
    let merged = private_message(&endpoint, &submit("More on data science", known, &mentor));
    assert!(
        merged
            .to_string()
            .contains("Data Scientist (adds to the known role)"),
        "{merged}"
    );
    respond(&endpoint, &click(&button_ids(&merged)[0], &mentor));
    let options = json!([{ "type": 3, "name": "role", "value": "data scientist" }]);
    let answer = respond(&endpoint, &command("role", options, member("5", "8", 0))).to_string();
    assert!(answer.contains("churn forecasts"), "{answer}");
    // Cited beside the shipped article, by its own heading.
    assert!(
        answer.contains(
            "Sources: Data Scientist vs. Machine Learning Operations Engineer · Data Scientist"
        ),
        "cited: {answer}"
    );
}
