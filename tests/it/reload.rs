//! `/kb reload` through the signed HTTP endpoint: the bot's owners re-read the knowledge
//! directory (a new article answers at once); anyone else is refused privately; a directory
//! that cannot be read keeps the last good base; SIGHUP reloads the real binary. Every response is checked against
//! Discord's limits and its OpenAPI description.

use std::path::Path;

use serde_json::{json, Value};
use serenity::all::Permissions;

use crate::http::{command, free_port, start_owned, Endpoint};
use crate::support::{shipped_knowledge, sqlite_url};

const OWNER: u64 = 10;
const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();

const ANALYTICS: &str = "\
# Analytics Engineer

**Definition:** An Analytics Engineer turns raw warehouse tables into tested data models.

**Tools:** dbt, SQL, Snowflake
";

fn member(id: &str, permissions: u64) -> Value {
    json!({ "guild_id": "5", "member": {
        "user": { "id": id, "username": "m" }, "permissions": permissions.to_string(), "roles": [],
    } })
}

fn reload(who: Value) -> Vec<u8> {
    command(
        "kb",
        json!([{ "name": "reload", "type": 1, "options": [] }]),
        who,
    )
}

/// The response to `body`, valid and private; returns its first embed.
fn private_embed(endpoint: &Endpoint, body: &[u8]) -> Value {
    let response = endpoint.post_signed(body);
    assert_eq!(response.status, 200, "{}", response.body);
    let json = response.json();
    crate::oracle::check_interaction_response(&json).expect("a valid interaction response");
    assert_eq!(json["data"]["flags"], 64, "private: {json}");
    json["data"]["embeds"][0].clone()
}

fn role_title(endpoint: &Endpoint) -> String {
    let options = json!([{ "type": 3, "name": "role", "value": "analytics engineer" }]);
    let response = endpoint.post_signed(&command("role", options, member("9", 0)));
    response.json()["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A copy of the shipped knowledge directory, to drop articles into.
fn knowledge_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    copy_dir(&shipped_knowledge(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("readable") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            std::fs::create_dir_all(&target).expect("created");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copied");
        }
    }
}

#[test]
fn only_the_bots_owners_reload_and_a_new_article_answers_at_once() {
    let dir = knowledge_copy();
    let endpoint = start_owned(sqlite_url("reload"), dir.path(), &[OWNER]);
    let roles = crate::support::shipped_kb().roles.len();
    std::fs::write(dir.path().join("articles/analytics-engineer.md"), ANALYTICS).expect("written");

    let refused = private_embed(&endpoint, &reload(member("11", MANAGE_GUILD)));
    assert_eq!(
        refused["title"], "Not allowed",
        "a server manager is no owner: {refused}"
    );
    assert!(
        !role_title(&endpoint).contains("Analytics Engineer"),
        "not reloaded yet"
    );

    let reloaded = private_embed(&endpoint, &reload(member(&OWNER.to_string(), 0)));
    assert_eq!(reloaded["title"], "Knowledge base reloaded", "{reloaded}");
    let text = reloaded.to_string();
    assert!(text.contains(&format!("{roles} → {}", roles + 1)), "{text}");
    assert!(text.contains("Servers rebuilt"), "{text}");
    assert!(
        role_title(&endpoint).contains("Analytics Engineer"),
        "answers from the new article"
    );

    // A forged button carrying the line is refused, owner or not.
    let mut click = json!({
        "type": 3, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "custom_id": "/kb reload", "component_type": 2 },
    });
    if let (Some(body), Some(who)) = (click.as_object_mut(), member("10", 0).as_object()) {
        body.extend(who.clone());
    }
    let forged = private_embed(&endpoint, click.to_string().as_bytes());
    assert_eq!(forged["title"], "Not allowed", "{forged}");
}

#[test]
fn an_unreadable_directory_keeps_the_last_good_base() {
    let dir = knowledge_copy();
    let path = dir.path().to_owned();
    let endpoint = start_owned(sqlite_url("reload_kept"), &path, &[OWNER]);
    drop(dir);
    let dm = json!({ "user": { "id": OWNER.to_string(), "username": "owner" } });
    let kept = private_embed(&endpoint, &reload(dm));
    assert_eq!(kept["title"], "Kept the last good knowledge base", "{kept}");
    let description = kept["description"].as_str().unwrap_or_default();
    assert!(
        description.contains("cannot read the knowledge directory"),
        "{description}"
    );
    let options = json!([{ "type": 3, "name": "role", "value": "data scientist" }]);
    let answer = endpoint.post_signed(&command("role", options, member("9", 0)));
    assert!(
        answer.json()["data"]["embeds"][0]["title"]
            .as_str()
            .unwrap_or_default()
            .contains("Data Scientist"),
        "still answering: {}",
        answer.body
    );
}

/// The real binary, serving on a free port over a copy of the knowledge directory: a SIGHUP
/// reads the directory again, and the process keeps serving until SIGTERM.
#[test]
fn sighup_reloads_the_real_binarys_knowledge_directory() {
    let dir = knowledge_copy();
    let key = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
    let port = free_port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rolecall"))
        .args(["serve-http", "--addr", &format!("127.0.0.1:{port}")])
        .arg("--knowledge")
        .arg(dir.path())
        .env(
            "DISCORD_PUBLIC_KEY",
            hex::encode(key.verifying_key().to_bytes()),
        )
        .env("DATABASE_URL", sqlite_url("reload_sighup"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let endpoint = Endpoint {
        addr: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        key,
        runtime: tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime"),
    };
    let roles = |endpoint: &Endpoint| endpoint.get("/healthz").json()["roles"].as_u64();
    let ready = (0..200).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        std::net::TcpStream::connect(endpoint.addr).is_ok()
    });
    assert!(ready, "the server did not start listening");
    let before = roles(&endpoint).expect("a role count");
    std::fs::write(dir.path().join("articles/analytics-engineer.md"), ANALYTICS).expect("written");
    signal(&child, "-HUP");
    let reloaded = (0..200).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        roles(&endpoint) == Some(before + 1)
    });
    signal(&child, "-TERM");
    let status = child.wait().expect("exits");
    assert!(reloaded, "SIGHUP did not reload the directory");
    assert!(status.success(), "graceful shutdown exits 0, got {status}");
}

fn signal(child: &std::process::Child, signal: &str) {
    let sent = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill {signal} failed");
}
