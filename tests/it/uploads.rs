//! `/kb add` with an attached file, through the signed HTTP endpoint: answered at once with a
//! private "thinking…", the file downloaded from a fake Discord CDN on loopback, and the
//! preview edited in through the interaction's webhook on the same fake. Files rolecall does
//! not read are refused before any download, and every download fault gets a clear answer.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, patch};
use axum::Router;
use serde_json::{json, Value};
use serenity::all::Permissions;

use crate::http::{command, start_teaching_with_api, Endpoint};
use crate::support::sqlite_url;

const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();
const APPLICATION: &str = "1000";

const ARTICLE: &str = "\
## Analytics Engineer

**Definition:** An Analytics Engineer turns raw warehouse tables into tested data models.

**Key Responsibilities**
- Model warehouse tables with dbt

**Tools:** dbt, SQL, Snowflake
";

/// What the fake serves at `/attachments/<name>`, and the edits it received, by token.
#[derive(Clone, Default)]
struct Cdn {
    files: Arc<HashMap<String, (StatusCode, Vec<u8>)>>,
    downloads: Arc<Mutex<Vec<String>>>,
    edits: Arc<Mutex<HashMap<String, Value>>>,
}

/// A fake Discord on loopback: its CDN and its interaction webhooks.
struct FakeDiscord {
    cdn: Cdn,
    addr: SocketAddr,
    _runtime: tokio::runtime::Runtime,
}

impl FakeDiscord {
    fn start(files: Vec<(&str, StatusCode, Vec<u8>)>) -> FakeDiscord {
        let cdn = Cdn {
            files: Arc::new(
                files
                    .into_iter()
                    .map(|(name, status, bytes)| (name.to_owned(), (status, bytes)))
                    .collect(),
            ),
            ..Cdn::default()
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind loopback");
        let addr = listener.local_addr().expect("address");
        let app = Router::new()
            .route("/attachments/{name}", get(serve_file))
            .route(
                "/api/v10/webhooks/{app}/{token}/messages/@original",
                patch(record_edit),
            )
            .with_state(cdn.clone());
        runtime.spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeDiscord {
            cdn,
            addr,
            _runtime: runtime,
        }
    }

    fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn url(&self, name: &str) -> String {
        format!("{}/attachments/{name}", self.origin())
    }

    fn downloads(&self) -> Vec<String> {
        self.cdn
            .downloads
            .lock()
            .map(|d| d.clone())
            .unwrap_or_default()
    }

    /// The edit of interaction `token`'s deferred response, waited for up to 20 s.
    fn edit(&self, token: &str) -> Value {
        for _ in 0..200 {
            if let Some(edit) = self
                .cdn
                .edits
                .lock()
                .ok()
                .and_then(|e| e.get(token).cloned())
            {
                crate::spec::check_webhook_edit(&edit).expect("an edit as Discord describes it");
                return edit;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "no edit of {token}'s response; downloads: {:?}",
            self.downloads()
        );
    }
}

async fn serve_file(State(cdn): State<Cdn>, Path(name): Path<String>) -> impl IntoResponse {
    if let Ok(mut downloads) = cdn.downloads.lock() {
        downloads.push(name.clone());
    }
    match cdn.files.get(&name) {
        Some((status, bytes)) => (
            *status,
            [(header::CONTENT_TYPE, "text/plain")],
            bytes.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn record_edit(
    State(cdn): State<Cdn>,
    Path((app, token)): Path<(String, String)>,
    body: Bytes,
) -> StatusCode {
    assert_eq!(
        app, APPLICATION,
        "edits go to the interaction's application"
    );
    let body = serde_json::from_slice(&body).unwrap_or(Value::Null);
    if let Ok(mut edits) = cdn.edits.lock() {
        edits.insert(token, body);
    }
    StatusCode::OK
}

fn mentor() -> Value {
    member("1", MANAGE_GUILD)
}

fn member(id: &str, permissions: u64) -> Value {
    json!({ "guild_id": "5", "member": {
        "user": { "id": id, "username": "m" },
        "permissions": permissions.to_string(), "roles": [],
    } })
}

/// `/kb add` with `filename` attached, said to be `size` bytes at `url`, under `token`.
fn add_file(token: &str, filename: &str, size: u64, url: &str, who: &Value) -> Vec<u8> {
    let options = json!([{ "name": "add", "type": 1, "options": [
        { "name": "article", "type": 11, "value": "77" },
    ] }]);
    let mut body: Value =
        serde_json::from_slice(&command("kb", options, who.clone())).expect("a command body");
    body["token"] = json!(token);
    body["application_id"] = json!(APPLICATION);
    body["data"]["resolved"] = json!({ "attachments": { "77": {
        "id": "77", "filename": filename, "size": size, "url": url, "proxy_url": url,
        "content_type": "text/markdown; charset=utf-8",
    } } });
    body.to_string().into_bytes()
}

/// The answer to `body` (a deferral is no message, so only Discord's description checks it).
fn respond(endpoint: &Endpoint, body: &[u8]) -> Value {
    let response = endpoint.post_signed(body);
    assert_eq!(response.status, 200, "{}", response.body);
    let json = response.json();
    crate::spec::check_callback(&json).expect("a response as Discord describes it");
    json
}

/// The immediate answer is a private "thinking…".
fn deferred(endpoint: &Endpoint, body: &[u8]) {
    let json = respond(endpoint, body);
    assert_eq!(json, json!({ "type": 5, "data": { "flags": 64 } }));
}

fn text(json: &Value) -> String {
    json.to_string()
}

#[test]
fn a_mentors_file_is_previewed_after_a_deferred_reply_and_added_with_its_button() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let discord = FakeDiscord::start(vec![
        ("analytics.md", StatusCode::OK, ARTICLE.as_bytes().to_vec()),
        ("analytics-utf16.txt", StatusCode::OK, utf16.clone()),
    ]);
    let endpoint = start_teaching_with_api(sqlite_url("uploads"), &discord.origin());
    let size = ARTICLE.len() as u64;

    deferred(
        &endpoint,
        &add_file(
            "t1",
            "analytics.md",
            size,
            &discord.url("analytics.md"),
            &mentor(),
        ),
    );
    let preview = discord.edit("t1");
    assert_eq!(
        preview["embeds"][0]["title"], "Preview: Analytics Engineer",
        "{preview}"
    );
    assert!(
        text(&preview).contains("Analytics Engineer (new)"),
        "{preview}"
    );
    assert_eq!(preview["allowed_mentions"], json!({ "parse": [] }));
    let add = preview["components"][0]["components"][0]["custom_id"]
        .as_str()
        .expect("an Add button")
        .to_owned();
    assert!(add.starts_with("kb_draft:add:"), "{add}");

    let click = json!({
        "type": 3, "id": "2", "token": "t2", "application_id": APPLICATION, "channel_id": "9",
        "data": { "custom_id": add, "component_type": 2 },
    });
    let mut click_body = click;
    if let (Some(body), Some(who)) = (click_body.as_object_mut(), mentor().as_object()) {
        body.extend(who.clone());
    }
    let added = respond(&endpoint, click_body.to_string().as_bytes());
    assert_eq!(
        added["data"]["embeds"][0]["title"], "Added: Analytics Engineer",
        "{added}"
    );
    let role = json!([{ "type": 3, "name": "role", "value": "analytics engineer" }]);
    let answer = respond(&endpoint, &command("role", role, member("9", 0)));
    assert!(text(&answer).contains("tested data models"), "{answer}");

    // The same article saved as UTF-16 reads the same: already added.
    deferred(
        &endpoint,
        &add_file(
            "t3",
            "analytics-utf16.txt",
            utf16.len() as u64,
            &discord.url("analytics-utf16.txt"),
            &mentor(),
        ),
    );
    let again = discord.edit("t3");
    assert!(text(&again).contains("Analytics Engineer"), "{again}");
}

#[test]
fn files_rolecall_does_not_read_are_refused_before_any_download() {
    let discord = FakeDiscord::start(vec![(
        "analytics.md",
        StatusCode::OK,
        ARTICLE.as_bytes().to_vec(),
    )]);
    let endpoint = start_teaching_with_api(sqlite_url("uploads_refused"), &discord.origin());
    let url = discord.url("analytics.md");
    let refusals = [
        (
            add_file("r1", "analytics.md", 10, &url, &member("2", 0)),
            "Not allowed",
        ),
        (
            add_file("r2", "cv.pdf", 10, &url, &mentor()),
            "not a .txt or .md file",
        ),
        (
            add_file("r3", "big.md", 600 * 1024, &url, &mentor()),
            "the file is 600 KB",
        ),
        (
            add_file("r4", "empty.md", 0, &url, &mentor()),
            "the file is empty",
        ),
    ];
    for (body, reason) in refusals {
        let json = respond(&endpoint, &body);
        assert_eq!(json["type"], 4, "answered at once: {json}");
        assert_eq!(json["data"]["flags"], 64, "privately: {json}");
        assert!(text(&json).contains(reason), "{reason}: {json}");
    }
    assert!(discord.downloads().is_empty(), "{:?}", discord.downloads());
}

#[test]
fn download_faults_are_answered_in_the_deferred_reply() {
    let mut binary = b"PK\x03\x04".to_vec();
    binary.extend([0u8; 64]);
    let discord = FakeDiscord::start(vec![
        ("big.md", StatusCode::OK, vec![b'a'; 600 * 1024]),
        ("zip.md", StatusCode::OK, binary),
        ("list.md", StatusCode::OK, b"- milk\n- eggs\n".to_vec()),
        ("gone.md", StatusCode::NOT_FOUND, Vec::new()),
    ]);
    let endpoint = start_teaching_with_api(sqlite_url("uploads_faults"), &discord.origin());
    let cases = [
        ("f1", "big.md", discord.url("big.md"), "larger than 512 KB"),
        ("f2", "zip.md", discord.url("zip.md"), "binary data"),
        ("f3", "list.md", discord.url("list.md"), "teaches no role"),
        (
            "f4",
            "gone.md",
            discord.url("gone.md"),
            "no longer has the file (404)",
        ),
        (
            "f5",
            "away.md",
            "https://files.example.com/away.md".to_owned(),
            "not Discord's file server",
        ),
    ];
    for (token, name, url, reason) in cases {
        // Each file says it is small: the download itself is capped and checked.
        deferred(&endpoint, &add_file(token, name, 10, &url, &mentor()));
        let edit = discord.edit(token);
        assert!(text(&edit).contains(reason), "{reason}: {edit}");
        assert!(
            edit["components"].as_array().is_none_or(Vec::is_empty),
            "no Add button: {edit}"
        );
    }
    assert!(!discord.downloads().contains(&"away.md".to_owned()));
}
