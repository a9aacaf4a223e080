//! A mentor's Add interrupted by SIGKILL, at moments from "before the click is read" to
//! "after the answer": once the real `serve-http` starts again on the same database, the
//! article is wholly there or wholly absent, the server answers exactly from what the store
//! lists, and a draft the crash left behind can still be added.

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use ed25519_dalek::SigningKey;
use serde_json::{json, Value};
use serenity::all::Permissions;

use crate::http::{command, free_port, Endpoint};

const ARTICLE: &str = "\
## Analytics Engineer

**Definition:** An Analytics Engineer turns raw warehouse tables into tested data models.

**Tools:** dbt, SQL, Snowflake
";

fn key() -> SigningKey {
    SigningKey::from_bytes(&[42u8; 32])
}

pub fn mentor() -> Value {
    json!({ "guild_id": "5", "member": {
        "user": { "id": "1", "username": "m" },
        "permissions": Permissions::MANAGE_GUILD.bits().to_string(), "roles": [],
    } })
}

fn with_mentor(mut body: Value) -> Vec<u8> {
    if let (Some(body), Some(who)) = (body.as_object_mut(), mentor().as_object()) {
        body.extend(who.clone());
    }
    body.to_string().into_bytes()
}

/// `rolecall serve-http` on `port`, keeping articles at `database`, once it listens.
pub fn serve(port: u16, database: &str) -> (Child, Endpoint) {
    let child = Command::new(env!("CARGO_BIN_EXE_rolecall"))
        .args(["serve-http", "--addr", &format!("127.0.0.1:{port}")])
        .env(
            "DISCORD_PUBLIC_KEY",
            hex::encode(key().verifying_key().to_bytes()),
        )
        .env_remove("ROLECALL_KNOWLEDGE")
        .env("DATABASE_URL", database)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve-http starts");
    let endpoint = client(port);
    let ready = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        std::net::TcpStream::connect(endpoint.addr).is_ok()
    });
    assert!(ready, "serve-http did not start listening");
    (child, endpoint)
}

pub fn client(port: u16) -> Endpoint {
    Endpoint {
        addr: SocketAddr::from(([127, 0, 0, 1], port)),
        key: key(),
        runtime: tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime"),
    }
}

pub fn kill(child: &mut Child, signal: &str) {
    let sent = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let _ = child.wait();
}

/// The Add button of a new draft of [`ARTICLE`].
pub fn preview(endpoint: &Endpoint) -> Vec<u8> {
    let input = |id: &str, value: &str| json!({ "type": 1, "components": [{ "type": 4, "custom_id": id, "value": value }] });
    let submitted = with_mentor(json!({
        "type": 5, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "custom_id": "kb_add", "components": [input("title", "Analytics"), input("article", ARTICLE)] },
    }));
    let preview = endpoint.post_signed(&submitted).json();
    let add = preview["data"]["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap_or_else(|| panic!("an Add button: {preview}"))
        .to_owned();
    with_mentor(json!({
        "type": 3, "id": "2", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "custom_id": add, "component_type": 2 },
    }))
}

/// Whether the server lists the article, and whether it answers from it.
pub fn listed_and_answered(endpoint: &Endpoint) -> (bool, bool) {
    let list = command(
        "kb",
        json!([{ "name": "list", "type": 1, "options": [] }]),
        mentor(),
    );
    let listed = endpoint.post_signed(&list).body.contains("Analytics");
    let role = json!([{ "type": 3, "name": "role", "value": "analytics engineer" }]);
    let answer = endpoint.post_signed(&command("role", role, mentor())).body;
    (listed, answer.contains("tested data models"))
}

#[test]
fn an_add_killed_at_any_moment_leaves_the_article_whole_or_absent_and_the_answers_agree() {
    for (attempt, delay_ms) in [0u64, 2, 5, 15, 60].into_iter().enumerate() {
        let database = crate::support::sqlite_url(&format!("crash_{attempt}"));
        let port = free_port();
        let (mut server, endpoint) = serve(port, &database);
        let add = preview(&endpoint);

        // The click, in flight when the process dies (its answer may never come).
        let clicking = std::thread::spawn({
            let add = add.clone();
            move || std::panic::catch_unwind(|| client(port).post_signed(&add).status).ok()
        });
        std::thread::sleep(Duration::from_millis(delay_ms));
        kill(&mut server, "-KILL");
        let _ = clicking.join();

        let (mut server, endpoint) = serve(free_port(), &database);
        let (listed, answered) = listed_and_answered(&endpoint);
        assert_eq!(
            listed, answered,
            "killed after {delay_ms} ms: the served base must match the store"
        );
        if !listed {
            // The draft outlived the crash: pressing Add again adds it.
            let again = endpoint.post_signed(&add).json();
            assert_eq!(again["type"], 7, "killed after {delay_ms} ms: {again}");
            assert_eq!(listed_and_answered(&endpoint), (true, true));
        }
        kill(&mut server, "-TERM");
    }
}
