//! `/me` through the signed HTTP endpoint: a member saves their skills once, `/match` and
//! `/path` answer from them (privately, unless `private:false`), and `/me forget` (after its
//! button) leaves no row naming the member, checked in the database on both backends.

use serde_json::{json, Value};

use crate::http::{command, start_with, Endpoint};
use crate::support::sqlite_url;
use rolecall::members::store::ProfileStore;

fn member(id: &str) -> Value {
    json!({ "guild_id": "5", "member": {
        "user": { "id": id, "username": "m" }, "permissions": "0", "roles": [],
    } })
}

fn me(sub: &str, options: Value, who: &str) -> Vec<u8> {
    command(
        "me",
        json!([{ "name": sub, "type": 1, "options": options }]),
        member(who),
    )
}

fn respond(endpoint: &Endpoint, body: &[u8]) -> Value {
    endpoint.answer(body)
}

fn private(json: &Value) -> bool {
    json["data"]["flags"] == 64
}

#[test]
fn a_saved_profile_answers_match_and_path_privately_and_is_the_members_alone() {
    let endpoint = start_with(sqlite_url("profiles"), None);
    let set = json!([{ "name": "set", "type": 3, "value": "Python, SQL, tableau, **knitting**" }]);
    let saved = respond(&endpoint, &me("skills", set, "21"));
    assert!(private(&saved), "{saved}");
    let text = saved.to_string();
    assert!(text.contains("Saved: your profile"), "{text}");
    assert!(
        text.contains("\\\\*\\\\*knitting\\\\*\\\\*"),
        "escaped: {text}"
    );
    assert!(text.contains("Fits best"), "{text}");

    // /match with no skills: from the profile, privately; private:false shows it.
    let matched = respond(&endpoint, &command("match", json!([]), member("21")));
    assert!(private(&matched), "{matched}");
    assert!(matched.to_string().contains("Python"), "{matched}");
    let public = json!([{ "name": "private", "type": 5, "value": false }]);
    let shown = respond(&endpoint, &command("match", public, member("21")));
    assert!(!private(&shown), "{shown}");

    // /path to a role with no start: from the profile.
    let to = json!([{ "name": "to", "type": 3, "value": "data scientist" }]);
    let path = respond(&endpoint, &command("path", to.clone(), member("21")));
    assert!(private(&path), "{path}");

    // Another member has no profile: /match asks for skills, /path still answers.
    let nothing = respond(&endpoint, &command("match", json!([]), member("22")));
    assert!(nothing.to_string().contains("/me skills set"), "{nothing}");
    let plain_path = respond(&endpoint, &command("path", to, member("22")));
    assert_eq!(plain_path["type"], 4, "{plain_path}");
    assert!(!private(&plain_path), "{plain_path}");
    let shown = respond(&endpoint, &me("show", json!([]), "22"));
    assert!(shown.to_string().contains("no skills saved"), "{shown}");

    // Changes: added once, removed whatever the case; bad lists refused, nothing lost.
    let add = json!([{ "name": "add", "type": 3, "value": "sql, dbt" }, { "name": "remove", "type": 3, "value": "TABLEAU" }]);
    let changed = respond(&endpoint, &me("skills", add, "21")).to_string();
    assert!(
        changed.contains("dbt") && !changed.to_lowercase().contains("tableau"),
        "{changed}"
    );
    let too_many: Vec<String> = (0..500).map(|i| format!("skill{i}")).collect();
    let set = json!([{ "name": "set", "type": 3, "value": too_many.join(",") }]);
    let refused = respond(&endpoint, &me("skills", set, "21"));
    assert!(private(&refused), "{refused}");
    let still = respond(&endpoint, &me("show", json!([]), "21")).to_string();
    assert!(still.contains("dbt"), "nothing lost: {still}");
}

#[test]
fn forget_asks_first_then_leaves_no_row_naming_the_member() {
    let database = sqlite_url("profiles_forget");
    let endpoint = start_with(database.clone(), None);
    let set = json!([{ "name": "set", "type": 3, "value": "python" }]);
    respond(&endpoint, &me("skills", set, "31"));
    let asked = respond(&endpoint, &me("forget", json!([]), "31"));
    assert!(private(&asked), "{asked}");
    let button = asked["data"]["components"][0]["components"][0]["custom_id"]
        .as_str()
        .expect("a confirming button")
        .to_owned();
    let still = respond(&endpoint, &me("show", json!([]), "31")).to_string();
    assert!(still.contains("python"), "asking deletes nothing: {still}");

    let mut click = json!({
        "type": 3, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "custom_id": button, "component_type": 2 },
    });
    if let (Some(body), Some(who)) = (click.as_object_mut(), member("31").as_object()) {
        body.extend(who.clone());
    }
    let done = respond(&endpoint, click.to_string().as_bytes());
    assert_eq!(done["type"], 7, "{done}");
    assert!(done.to_string().contains("your name is gone"), "{done}");
    let twice = respond(&endpoint, click.to_string().as_bytes());
    assert!(twice.to_string().contains("nothing about you"), "{twice}");

    let named = endpoint.runtime.block_on(async {
        let store = ProfileStore::open(&database).await.expect("the store");
        store.names("31").await.expect("a count")
    });
    assert!(!named, "no row names the member");
}

/// The parts of a `multipart/form-data` body: (the part's headers, its content).
fn parts(body: &str) -> Vec<(String, String)> {
    let boundary = body.lines().next().unwrap_or_default().trim().to_owned();
    body.split(boundary.as_str())
        .filter_map(|part| {
            let (head, content) = part.trim_start_matches("\r\n").split_once("\r\n\r\n")?;
            Some((head.to_owned(), content.trim_end_matches("\r\n").to_owned()))
        })
        .collect()
}

#[test]
fn export_sends_everything_kept_about_the_member_as_a_json_file() {
    let endpoint = start_with(sqlite_url("profiles_export"), None);
    let set = json!([{ "name": "set", "type": 3, "value": "python, <@99> sql" }]);
    respond(&endpoint, &me("skills", set, "41"));
    let response = endpoint.post_signed(&me("export", json!([]), "41"));
    assert_eq!(response.status, 200, "{}", response.body);
    let parts = parts(&response.body);
    let payload = parts
        .iter()
        .find(|(head, _)| head.contains("name=\"payload_json\""))
        .map(|(_, content)| serde_json::from_str::<Value>(content).expect("JSON"))
        .expect("the message, as payload_json");
    crate::spec::check_callback(&payload).expect("a response as Discord describes it");
    crate::oracle::check_interaction_response(&payload).expect("within Discord's limits");
    assert!(private(&payload), "{payload}");
    assert_eq!(
        payload["data"]["attachments"],
        json!([{ "id": "0", "filename": "rolecall-me.json" }])
    );
    let file = parts
        .iter()
        .find(|(head, _)| head.contains("name=\"files[0]\""))
        .map(|(_, content)| serde_json::from_str::<Value>(content).expect("a JSON file"))
        .expect("the file, as files[0]");
    assert_eq!(file["member"], "41");
    assert_eq!(file["profile"]["skills"], json!(["python", "sql"]));
    // Another member's export holds nothing of this one's.
    let other = endpoint.post_signed(&me("export", json!([]), "42")).body;
    assert!(!other.contains("python"), "{other}");
}

/// The percents a `/jobs fit:true` page shows, in order.
fn fits_shown(page: &Value) -> Vec<u32> {
    page["data"]["embeds"][0]["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|field| {
            let value = field["value"].as_str()?;
            value.strip_prefix("**")?.split('%').next()?.parse().ok()
        })
        .collect()
}

#[test]
fn jobs_are_ranked_by_the_members_saved_skills_privately() {
    let endpoint = start_with(sqlite_url("profiles_jobs"), None);
    let set =
        json!([{ "name": "set", "type": 3, "value": "python, sql, tableau, machine learning" }]);
    respond(&endpoint, &me("skills", set, "51"));
    let fit = json!([{ "name": "fit", "type": 5, "value": true }]);
    let page = respond(&endpoint, &command("jobs", fit.clone(), member("51")));
    assert!(private(&page), "{page}");
    let fits = fits_shown(&page);
    assert!(!fits.is_empty(), "{page}");
    assert!(
        fits.windows(2).all(|pair| pair[0] >= pair[1]),
        "best first: {fits:?}"
    );
    assert!(
        page.to_string()
            .contains("best fit for your saved skills first"),
        "{page}"
    );

    // In plain words, about oneself: the same ranking.
    let asked = json!([{ "name": "question", "type": 3, "value": "which jobs fit me?" }]);
    let answer = respond(&endpoint, &command("ask", asked, member("51")));
    assert_eq!(fits_shown(&answer), fits, "{answer}");

    // Without a profile: asked for skills.
    let nothing = respond(&endpoint, &command("jobs", fit, member("52")));
    assert!(nothing.to_string().contains("/me skills set"), "{nothing}");
}
