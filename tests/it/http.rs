//! The HTTP interactions endpoint on 127.0.0.1, driven by requests signed with a key pair made
//! in the test: verification, every interaction type, errors and bounds.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use rolecall::discord::{http, rest::Rest, signature::Verifier, Bot};
use rolecall::knowledge::reading::source::DocumentSource;
use rolecall::service::library::Library;
use rolecall::service::Service;

use crate::oracle::check_interaction_response;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/discord/");

/// A running endpoint and the key its requests are signed with.
pub struct Endpoint {
    pub addr: SocketAddr,
    pub key: SigningKey,
    pub runtime: tokio::runtime::Runtime,
}

pub struct Response {
    pub status: u16,
    pub body: String,
}

impl Response {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn start() -> Endpoint {
    start_with(crate::support::sqlite_url("http"), None)
}

/// An endpoint in this process over the shipped knowledge base, keeping jobs at
/// `database_url`, announcing new jobs through `rest` if given.
pub fn start_with(database_url: String, rest: Option<serenity::all::Http>) -> Endpoint {
    let boards = Arc::new(rolecall::jobs::board::Boards::new(database_url));
    let service = Service::sharing(Arc::clone(crate::support::shipped_kb()), boards);
    serve(service, rest)
}

/// An endpoint whose servers may add articles: each answers from the shipped documents plus
/// its own articles, kept at `database_url`.
pub fn start_teaching(database_url: String) -> Endpoint {
    serve(teaching_service(database_url), None)
}

/// [`start_teaching`], downloading attachments from and editing deferred answers on the
/// fake Discord at `api` (an origin on loopback).
pub fn start_teaching_with_api(database_url: String, api: &str) -> Endpoint {
    let rest = Rest::pointing_at(Some(api)).expect("a loopback fake");
    serve_bot(
        Bot::new(teaching_service(database_url)).with_rest(rest),
        None,
    )
}

fn teaching_service(database_url: String) -> Service {
    let (documents, _) = rolecall::knowledge::KnowledgeBase::documents_to_load(Some(
        &crate::support::shipped_knowledge(),
    ))
    .expect("the shipped documents");
    let source = DocumentSource::Directory(crate::support::shipped_knowledge());
    let library = Library::new(Arc::clone(crate::support::shipped_kb()), documents, source);
    let boards = Arc::new(rolecall::jobs::board::Boards::new(database_url));
    Service::over(Arc::new(library), boards)
}

/// An endpoint over the knowledge directory `knowledge` (read again on reload), whose
/// `owners` may reload it, keeping servers' articles at `database_url`.
pub fn start_owned(database_url: String, knowledge: &Path, owners: &[u64]) -> Endpoint {
    let source = DocumentSource::Directory(knowledge.to_owned());
    let library = Library::load(source).expect("the directory teaches a role");
    let boards = Arc::new(rolecall::jobs::board::Boards::new(database_url));
    let service = Service::over(Arc::new(library), boards);
    service.owners().add(owners.iter().copied());
    serve(service, None)
}

fn serve(service: Service, rest: Option<serenity::all::Http>) -> Endpoint {
    serve_bot(Bot::new(service), rest)
}

fn serve_bot(bot: Bot, rest: Option<serenity::all::Http>) -> Endpoint {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    let key = SigningKey::from_bytes(&[42u8; 32]);
    let verifier = Verifier::from_key(key.verifying_key());
    let bot = Arc::new(bot);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind loopback");
    let addr = listener.local_addr().expect("address");
    runtime.spawn(async move {
        axum::serve(listener, http::router(bot, verifier, rest))
            .await
            .expect("serves");
    });
    Endpoint { addr, key, runtime }
}

pub fn now() -> String {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
        .to_string()
}

impl Endpoint {
    pub fn sign(&self, timestamp: &str, body: &[u8]) -> String {
        let mut message = timestamp.as_bytes().to_vec();
        message.extend_from_slice(body);
        hex::encode(self.key.sign(&message).to_bytes())
    }

    /// The answer to `body`, signed: a 200 whose JSON is within Discord's limits (our
    /// oracle) and as Discord's OpenAPI description says an interaction response is.
    pub fn answer(&self, body: &[u8]) -> Value {
        let response = self.post_signed(body);
        assert_eq!(response.status, 200, "{}", response.body);
        let json = response.json();
        check_interaction_response(&json).expect("within Discord's limits");
        crate::spec::check_callback(&json).expect("a response as Discord describes it");
        json
    }

    /// POSTs `body` signed now with the test key.
    pub fn post_signed(&self, body: &[u8]) -> Response {
        let timestamp = now();
        let signature = self.sign(&timestamp, body);
        self.post(
            body,
            &[
                ("X-Signature-Ed25519", &signature),
                ("X-Signature-Timestamp", &timestamp),
            ],
        )
    }

    pub fn post(&self, body: &[u8], headers: &[(&str, &str)]) -> Response {
        let mut request = format!(
            "POST /interactions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        let mut bytes = request.into_bytes();
        bytes.extend_from_slice(body);
        self.send(&bytes)
    }

    pub fn get(&self, path: &str) -> Response {
        self.send(
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
    }

    fn send(&self, request: &[u8]) -> Response {
        let addr = self.addr;
        self.runtime.block_on(async move {
            let mut stream = TcpStream::connect(addr).await.expect("connect");
            // The server may answer (413) before reading a large body; a failed write is fine.
            let _ = stream.write_all(request).await;
            let mut raw = Vec::new();
            let _ = stream.read_to_end(&mut raw).await;
            parse_response(&raw)
        })
    }
}

fn parse_response(raw: &[u8]) -> Response {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    Response {
        status,
        body: body.to_owned(),
    }
}

pub fn command(name: &str, options: Value, who: Value) -> Vec<u8> {
    let mut body = json!({
        "type": 2, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "id": "2", "name": name, "type": 1, "options": options },
    });
    if let (Some(body), Some(who)) = (body.as_object_mut(), who.as_object()) {
        body.extend(who.clone());
    }
    body.to_string().into_bytes()
}

pub fn guild_member(id: &str) -> Value {
    json!({ "guild_id": "5", "member": { "user": { "id": id, "username": "m" }, "permissions": "0" } })
}

fn compare_options() -> Value {
    json!([
        { "type": 3, "name": "role_a", "value": "machine-learning-engineer" },
        { "type": 3, "name": "role_b", "value": "data-specialist" }
    ])
}

#[test]
fn a_signed_compare_gets_the_comparison_embed() {
    let endpoint = start();
    let response = endpoint.post_signed(&command("compare", compare_options(), guild_member("1")));
    assert_eq!(response.status, 200, "{}", response.body);
    let body = response.json();
    check_interaction_response(&body).expect("within limits");
    assert_eq!(body["type"], 4);
    assert_eq!(
        body["data"]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist"
    );
    assert_eq!(body["data"]["allowed_mentions"], json!({ "parse": [] }));
    assert!(body["data"].get("flags").is_none(), "public by default");
}

#[test]
fn a_dm_command_with_a_top_level_user_is_answered() {
    let endpoint = start();
    let dm = json!({ "user": { "id": "77", "username": "u" } });
    let options = json!([{ "type": 3, "name": "role", "value": "mlops" }, { "type": 5, "name": "private", "value": true }]);
    let body = endpoint.post_signed(&command("skills", options, dm)).json();
    assert_eq!(
        body["data"]["embeds"][0]["title"],
        "Skills and tools for MLOps Engineer"
    );
    assert_eq!(body["data"]["flags"], 64);
}

#[test]
fn forged_missing_stale_and_tampered_signatures_get_401() {
    let endpoint = start();
    let body = command("help", json!([]), guild_member("1"));
    let timestamp = now();
    let signature = endpoint.sign(&timestamp, &body);
    let stale_time = (SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
        - 3600)
        .to_string();
    let stale = endpoint.sign(&stale_time, &body);
    let forged = hex::encode(SigningKey::from_bytes(&[1u8; 32]).sign(b"x").to_bytes());
    let mut tampered = body.clone();
    tampered.push(b' ');
    type Case<'a> = (&'a str, Vec<u8>, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        ("missing", body.clone(), vec![]),
        (
            "forged",
            body.clone(),
            vec![
                ("X-Signature-Ed25519", &forged),
                ("X-Signature-Timestamp", &timestamp),
            ],
        ),
        (
            "stale",
            body.clone(),
            vec![
                ("X-Signature-Ed25519", &stale),
                ("X-Signature-Timestamp", &stale_time),
            ],
        ),
        (
            "tampered",
            tampered,
            vec![
                ("X-Signature-Ed25519", &signature),
                ("X-Signature-Timestamp", &timestamp),
            ],
        ),
        (
            "garbage",
            body.clone(),
            vec![
                ("X-Signature-Ed25519", "zz"),
                ("X-Signature-Timestamp", "x"),
            ],
        ),
    ];
    for (name, body, headers) in cases {
        assert_eq!(endpoint.post(&body, &headers).status, 401, "{name}");
    }
}

#[test]
fn ping_is_answered_with_pong() {
    let endpoint = start();
    assert_eq!(
        endpoint.post_signed(br#"{"type":1}"#).json(),
        json!({ "type": 1 })
    );
}

#[test]
fn malformed_json_gets_400_with_a_reason() {
    let endpoint = start();
    let response = endpoint.post_signed(b"{not json");
    assert_eq!(response.status, 400);
    assert!(response.json()["error"]
        .as_str()
        .is_some_and(|e| e.starts_with("not an interaction")));
}

#[test]
fn oversized_bodies_are_refused() {
    let endpoint = start();
    let huge = vec![b' '; http::MAX_BODY_BYTES + 1];
    assert_eq!(endpoint.post_signed(&huge).status, 413);
}

#[test]
fn unknown_commands_and_roles_get_ephemeral_errors() {
    let endpoint = start();
    let unknown = endpoint
        .post_signed(&command("nope", json!([]), guild_member("2")))
        .json();
    assert_eq!(unknown["data"]["flags"], 64);
    let options = json!([{ "type": 3, "name": "role", "value": "astronaut @everyone" }]);
    let role = endpoint
        .post_signed(&command("skills", options, guild_member("2")))
        .json();
    assert_eq!(role["data"]["flags"], 64);
    assert_eq!(role["data"]["embeds"][0]["title"], "Unknown role");
    assert!(!role.to_string().contains("@everyone"));
}

#[test]
fn autocomplete_offers_at_most_25_ranked_choices() {
    let endpoint = start();
    let body = json!({ "type": 4, "data": { "name": "compare", "options": [
        { "type": 3, "name": "role_a", "value": "data spec", "focused": true }
    ] } });
    let response = endpoint.post_signed(body.to_string().as_bytes()).json();
    assert_eq!(response["type"], 8);
    let choices = response["data"]["choices"].as_array().expect("choices");
    assert!(!choices.is_empty() && choices.len() <= 25);
    assert_eq!(choices[0]["value"], "data-specialist");
}

#[test]
fn a_button_click_updates_the_message() {
    let endpoint = start();
    let body = json!({ "type": 3, "data": { "custom_id": "/compare data-specialist machine-learning-engineer", "component_type": 2 },
        "member": { "user": { "id": "3" } }, "guild_id": "5", "channel_id": "9" });
    let response = endpoint.post_signed(body.to_string().as_bytes()).json();
    assert_eq!(response["type"], 7);
    assert_eq!(
        response["data"]["embeds"][0]["title"],
        "Data Specialist vs Machine Learning Engineer"
    );
    check_interaction_response(&response).expect("within limits");
}

/// Discord's documented string-select interaction, choosing `value` in the menu the compare
/// answer carries (the sample's own message, ids and member are kept).
fn select_interaction(value: &str) -> Vec<u8> {
    let sample =
        std::fs::read(format!("{FIXTURES}message-component-string-select.json")).expect("fixture");
    let mut body: Value = serde_json::from_slice(&sample).expect("the sample is JSON");
    body["data"]["custom_id"] = json!("menu:compare-aspect");
    body["data"]["values"] = json!([value]);
    body.to_string().into_bytes()
}

#[test]
fn a_compare_answer_offers_its_aspects_and_a_choice_updates_the_message() {
    let endpoint = start();
    let compared = endpoint
        .post_signed(&command("compare", compare_options(), guild_member("4")))
        .json();
    let menu = &compared["data"]["components"][1]["components"][0];
    assert_eq!(menu["type"], 3);
    assert_eq!(menu["placeholder"], "Compare another aspect…");
    let tools = menu["options"]
        .as_array()
        .and_then(|options| options.iter().find(|o| o["label"] == "Tools"))
        .expect("a Tools option");
    assert_eq!(
        tools["value"],
        "/compare machine-learning-engineer data-specialist tools"
    );

    let value = tools["value"].as_str().unwrap_or_default();
    let response = endpoint.post_signed(&select_interaction(value));
    assert_eq!(response.status, 200, "{}", response.body);
    let updated = response.json();
    check_interaction_response(&updated).expect("within limits");
    assert_eq!(updated["type"], 7, "the message is updated in place");
    assert_eq!(
        updated["data"]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist — Tools"
    );
    assert!(
        updated["data"].get("flags").is_none(),
        "public like the message"
    );
    let options = updated["data"]["components"][1]["components"][0]["options"].to_string();
    assert!(options.contains("\"Overview\""), "{options}");
    assert!(!options.contains("\"Tools\""), "{options}");
}

#[test]
fn forged_menu_choices_get_ephemeral_errors() {
    let endpoint = start();
    let long = format!("/role role:{}", "x".repeat(200));
    let cases = [
        ("/job remove id:1", "Not allowed"),
        ("mage", "I couldn't read that command"),
        ("/compare astronaut data-specialist", "Unknown role"),
        (long.as_str(), "That control didn't work"),
    ];
    for (value, title) in cases {
        let response = endpoint.post_signed(&select_interaction(value));
        assert_eq!(response.status, 200, "{value}: {}", response.body);
        let body = response.json();
        assert_eq!(body["type"], 4, "{value}: a new message, not an update");
        assert_eq!(body["data"]["flags"], 64, "{value}: only for the chooser");
        assert_eq!(body["data"]["embeds"][0]["title"], title, "{value}");
        check_interaction_response(&body).expect("within limits");
    }
    // Discord's sample as published chose two values from a one-value menu.
    let sample =
        std::fs::read(format!("{FIXTURES}message-component-string-select.json")).expect("fixture");
    let body = endpoint.post_signed(&sample).json();
    assert_eq!(body["data"]["flags"], 64);
    let description = body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default();
    assert!(
        description.contains("exactly one option, and 2 were chosen"),
        "{description}"
    );
}

#[test]
fn a_burst_of_expensive_commands_is_rate_limited_per_user() {
    let endpoint = start();
    let request = command("compare", compare_options(), guild_member("flood"));
    let titles: Vec<Value> = (0..8)
        .map(|_| endpoint.post_signed(&request).json()["data"]["embeds"][0]["title"].clone())
        .collect();
    assert!(titles.iter().any(|t| t == "One moment"), "{titles:?}");
    let other = endpoint
        .post_signed(&command("compare", compare_options(), guild_member("calm")))
        .json();
    assert_eq!(
        other["data"]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist"
    );
}

#[test]
fn discords_documented_samples_are_answered() {
    let endpoint = start();
    for name in [
        "application-command-slash-with-options.json",
        "application-command-user-command.json",
        "autocomplete-focused-option.json",
        "message-component-button-click.json",
        "message-component-string-select.json",
    ] {
        let body = std::fs::read(format!("{FIXTURES}{name}")).expect("fixture");
        let response = endpoint.post_signed(&body);
        assert_eq!(response.status, 200, "{name}: {}", response.body);
        let json = response.json();
        assert!(json["type"].as_u64().is_some(), "{name}: {json}");
        if json["type"] != 8 {
            check_interaction_response(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn health_check_reports_the_roles() {
    let endpoint = start();
    let response = endpoint.get("/healthz");
    assert_eq!(response.status, 200);
    assert_eq!(response.json()["roles"], 8);
}

/// A free loopback port: bound, read, released.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

#[test]
fn the_real_binary_serves_signed_requests_and_stops_on_sigterm() {
    let key = SigningKey::from_bytes(&[42u8; 32]);
    let port = free_port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rolecall"))
        .args(["serve-http", "--addr", &format!("127.0.0.1:{port}")])
        .env(
            "DISCORD_PUBLIC_KEY",
            hex::encode(key.verifying_key().to_bytes()),
        )
        .env_remove("ROLECALL_KNOWLEDGE")
        .env("DATABASE_URL", crate::support::sqlite_url("serve_http"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let endpoint = Endpoint {
        addr: SocketAddr::from(([127, 0, 0, 1], port)),
        key,
        runtime,
    };
    let ready = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        std::net::TcpStream::connect(endpoint.addr).is_ok()
    });
    assert!(ready, "the server did not start listening");
    let body = endpoint
        .post_signed(&command("compare", compare_options(), guild_member("1")))
        .json();
    assert_eq!(
        body["data"]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist"
    );
    let unsigned = endpoint.post(&command("help", json!([]), guild_member("1")), &[]);
    assert_eq!(unsigned.status, 401);
    let pid = child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("exits");
    assert!(status.success(), "graceful shutdown exits 0, got {status}");
}

#[test]
fn serve_http_without_a_public_key_names_the_variable() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_rolecall"))
        .args(["serve-http", "--addr", "127.0.0.1:0"])
        .env_remove("DISCORD_PUBLIC_KEY")
        .current_dir(std::env::temp_dir())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Missing DISCORD_PUBLIC_KEY"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
}
