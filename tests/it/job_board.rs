//! The job board through Discord's HTTP endpoint: who may change it, what members see, and
//! that no acknowledged post is lost when the process is killed mid-stream (on both stores).

use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ed25519_dalek::{Signer, SigningKey};
use rolecall::jobs::model::{Board, JobQuery};
use serenity::all::Permissions;

const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();
const MANAGE_MESSAGES: u64 = Permissions::MANAGE_MESSAGES.bits();
use rolecall::jobs::store::JobStore;
use serde_json::{json, Value};

use crate::http::{command, start_with, Endpoint};
use crate::support::{job_number, postgres_url, runtime, sqlite_url};

const GUILD: &str = "5";

fn member(id: &str, permissions: u64, roles: &[&str]) -> Value {
    json!({ "guild_id": GUILD, "member": {
        "user": { "id": id, "username": "m" },
        "permissions": permissions.to_string(), "roles": roles,
    } })
}

/// `/job <sub>` with `options` (name, value) by `who`.
fn job(sub: &str, options: &[(&str, Value)], who: Value) -> Vec<u8> {
    let options: Vec<Value> = options
        .iter()
        .map(|(name, value)| {
            let kind = match value {
                Value::Bool(_) => 5,
                Value::Number(_) => 4,
                _ => 3,
            };
            json!({ "name": name, "type": kind, "value": value })
        })
        .collect();
    command(
        "job",
        json!([{ "name": sub, "type": 1, "options": options }]),
        who,
    )
}

fn post_fields(title: &str) -> Vec<(&'static str, Value)> {
    vec![
        ("title", json!(title)),
        ("company", json!("Acme")),
        ("location", json!("Berlin")),
        ("remote", json!(false)),
        ("level", json!("senior")),
        ("salary_min", json!(90_000)),
        ("salary_max", json!(120_000)),
        ("currency", json!("EUR")),
        ("role", json!("mle")),
    ]
}

/// The embed title and the whole text of an interaction response.
fn answer(endpoint: &Endpoint, body: &[u8]) -> (String, String, Value) {
    let response = endpoint.post_signed(body);
    assert_eq!(response.status, 200, "{}", response.body);
    let json = response.json();
    crate::oracle::check_interaction_response(&json).expect("within Discord's limits");
    let title = json["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    (title, json.to_string(), json)
}

fn jobs_listing(endpoint: &Endpoint, who: Value) -> String {
    answer(endpoint, &command("jobs", json!([]), who)).1
}

#[test]
fn only_moderators_post_and_members_of_that_server_see_the_job() {
    let endpoint = start_with(sqlite_url("board_rights"), None);
    let (title, _, refused) = answer(
        &endpoint,
        &job(
            "post",
            &post_fields("Intruder job"),
            member("1", 0x400, &[]),
        ),
    );
    assert_eq!(title, "Not allowed");
    assert_eq!(refused["data"]["flags"], 64, "refusals are ephemeral");

    let (title, text, _) = answer(
        &endpoint,
        &job(
            "post",
            &post_fields("Staff ML Engineer"),
            member("2", MANAGE_MESSAGES, &[]),
        ),
    );
    assert!(
        title.starts_with("Job ID ") && title.ends_with("posted"),
        "{text}"
    );

    let listing = jobs_listing(&endpoint, member("3", 0, &[]));
    assert!(listing.contains("Staff ML Engineer"), "{listing}");
    assert!(!listing.contains("Intruder job"), "{listing}");
    let elsewhere =
        json!({ "guild_id": "6", "member": { "user": { "id": "3" }, "permissions": "0" } });
    assert!(!jobs_listing(&endpoint, elsewhere).contains("Staff ML Engineer"));
    let dm = json!({ "user": { "id": "3", "username": "m" } });
    assert!(!jobs_listing(&endpoint, dm.clone()).contains("Staff ML Engineer"));

    let (title, _, _) = answer(&endpoint, &job("post", &post_fields("From a DM"), dm));
    assert_eq!(title, "Not allowed", "no one manages jobs from a DM");
}

#[test]
fn a_role_the_server_configures_may_manage_jobs() {
    let endpoint = start_with(sqlite_url("board_role"), None);
    let setup = |who| job("setup", &[("moderator_role", json!("777"))], who);
    let (title, _, _) = answer(&endpoint, &setup(member("1", MANAGE_MESSAGES, &[])));
    assert_eq!(title, "Not allowed", "Manage Messages is not Manage Server");
    let (title, text, _) = answer(&endpoint, &setup(member("1", MANAGE_GUILD, &[])));
    assert_eq!(title, "Job board settings");
    assert!(text.contains("<@&777>"), "{text}");

    let helper = member("9", 0, &["777"]);
    let (title, text, _) = answer(
        &endpoint,
        &job("post", &post_fields("Data Scientist"), helper.clone()),
    );
    assert!(title.ends_with("posted"), "{text}");
    let id = job_number(&title);

    let edit = job(
        "edit",
        &[("id", json!(id)), ("salary_max", json!(100))],
        helper.clone(),
    );
    let (title, text, _) = answer(&endpoint, &edit);
    assert_eq!(title, "Please fix one field", "{text}");
    assert!(
        text.contains("salary_max"),
        "the refusal names the field: {text}"
    );

    let edit = job(
        "edit",
        &[("id", json!(id)), ("title", json!("Lead Data Scientist"))],
        helper.clone(),
    );
    assert_eq!(answer(&endpoint, &edit).0, format!("Job ID {id} edited"));
    let remove = job("remove", &[("id", json!(id))], helper);
    assert_eq!(answer(&endpoint, &remove).0, format!("Job ID {id} removed"));
    let listing = jobs_listing(&endpoint, member("3", 0, &[]));
    assert!(!listing.contains("Lead Data Scientist"), "{listing}");
}

#[test]
fn bad_job_fields_get_an_ephemeral_answer_naming_the_field() {
    let endpoint = start_with(sqlite_url("board_fields"), None);
    let moderator = || member("2", MANAGE_MESSAGES, &[]);
    let cases: [(&str, Value, &str); 4] = [
        ("apply_url", json!("http://acme.example/jobs"), "apply_url"),
        ("expires", json!("2020-01-01"), "expires"),
        ("currency", json!("XYZ"), "currency"),
        ("role", json!("astronaut"), "role"),
    ];
    for (field, value, named) in cases {
        let mut fields = post_fields("Analyst");
        fields.retain(|(name, _)| *name != field);
        fields.push((field, value));
        let (title, text, json) = answer(&endpoint, &job("post", &fields, moderator()));
        assert!(!title.ends_with("posted"), "{field}: {text}");
        assert_eq!(json["data"]["flags"], 64, "{field}: {text}");
        assert!(text.contains(named), "{field}: {text}");
    }
    let listing = jobs_listing(&endpoint, member("3", 0, &[]));
    assert!(
        !listing.contains("Analyst"),
        "nothing half-posted: {listing}"
    );
}

// ---------------------------------------------------------------------------------------------
// No loss when the process is killed

/// `rolecall serve-http` on a free loopback port with the test key, keeping jobs at `url`.
fn serve(url: &str, key: &SigningKey) -> (Child, std::net::SocketAddr) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_rolecall"))
        .args(["serve-http", "--addr", &format!("127.0.0.1:{port}")])
        .env(
            "DISCORD_PUBLIC_KEY",
            hex::encode(key.verifying_key().to_bytes()),
        )
        .env("DATABASE_URL", url)
        .env_remove("DISCORD_TOKEN")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve-http starts");
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(
            Instant::now() < deadline,
            "serve-http did not start listening"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, addr)
}

/// POSTs a signed interaction over a fresh connection; the response body if one came back.
async fn post(addr: std::net::SocketAddr, key: &SigningKey, body: &[u8]) -> Option<Value> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let timestamp = rolecall::service::unix_now().to_string();
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body);
    let signature = hex::encode(key.sign(&message).to_bytes());
    let head = format!(
        "POST /interactions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nX-Signature-Ed25519: {signature}\r\nX-Signature-Timestamp: {timestamp}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
    stream.write_all(head.as_bytes()).await.ok()?;
    stream.write_all(body).await.ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.ok()?;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n")?;
    head.starts_with("HTTP/1.1 200")
        .then(|| serde_json::from_str(body).ok())?
}

/// Posts jobs from several clients at once, kills the server with SIGKILL mid-stream, and
/// checks on restart that every acknowledged post is there, whole, with its audit event.
fn acknowledged_posts_survive_sigkill(url: &str) {
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let (mut server, addr) = serve(url, &key);
    let acknowledged: Arc<Mutex<Vec<(i64, String)>>> = Arc::default();
    let clients: Vec<_> = (0..4)
        .map(|client| {
            let (key, acknowledged) = (key.clone(), Arc::clone(&acknowledged));
            runtime().spawn(async move {
                for n in 0..10_000 {
                    let title = format!("Kill test {client}-{n}");
                    // A moderator each time: the per-user rate limit is not under test here.
                    let moderator = member(
                        &format!("{}", 100_000 + client * 10_000 + n),
                        MANAGE_MESSAGES,
                        &[],
                    );
                    let body = job("post", &post_fields(&title), moderator);
                    let Some(answer) = post(addr, &key, &body).await else {
                        break;
                    };
                    let heading = answer["data"]["embeds"][0]["title"]
                        .as_str()
                        .unwrap_or_default();
                    let id = heading.trim_start_matches("Job ID ").split(' ').next();
                    if let Some(id) = id.and_then(|id| id.parse().ok()) {
                        acknowledged.lock().expect("not poisoned").push((id, title));
                    }
                }
            })
        })
        .collect();
    // Kill once enough posts were acknowledged, while the clients keep posting.
    let deadline = Instant::now() + Duration::from_secs(60);
    while acknowledged.lock().expect("not poisoned").len() < 60 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    server.kill().expect("SIGKILL the server");
    let _ = server.wait();
    for client in clients {
        runtime().block_on(client).expect("client task");
    }
    let acknowledged = acknowledged.lock().expect("not poisoned").clone();
    assert!(
        acknowledged.len() >= 60,
        "only {} posts before the deadline",
        acknowledged.len()
    );

    // A restart migrates and serves the same store.
    let (mut restarted, addr) = serve(url, &key);
    let listing = runtime()
        .block_on(post(
            addr,
            &key,
            &command("jobs", json!([]), member("3", 0, &[])),
        ))
        .expect("the restarted server answers");
    assert!(listing.to_string().contains("Kill test"), "{listing}");
    restarted.kill().expect("stop the restarted server");
    let _ = restarted.wait();

    let board = Board::server(5);
    runtime().block_on(async {
        let store = JobStore::open(url)
            .await
            .expect("the store opens after the kill");
        for (id, title) in &acknowledged {
            let job = store
                .get(board, *id)
                .await
                .expect("read")
                .unwrap_or_else(|| {
                    panic!("acknowledged job #{id} {title:?} is missing after SIGKILL")
                });
            assert_eq!(&job.draft.title, title);
            assert_eq!(job.draft.salary.as_ref().map(|s| s.max), Some(120_000));
            assert!(job
                .draft
                .roles
                .contains(&"machine-learning-engineer".to_owned()));
            let history = store.history(board, *id).await.expect("history");
            assert_eq!(history.len(), 1, "#{id}: its post event, once");
        }
        // Nothing half-written: every stored job, acknowledged or not, is whole.
        let everything = store
            .list(board, &JobQuery::default(), 0, 0, 100_000)
            .await
            .expect("list");
        for job in everything
            .jobs
            .iter()
            .filter(|j| j.draft.title.starts_with("Kill test"))
        {
            assert!(
                job.draft
                    .roles
                    .contains(&"machine-learning-engineer".to_owned()),
                "#{} has no role tags",
                job.id
            );
            assert_eq!(
                store.history(board, job.id).await.expect("history").len(),
                1,
                "#{}",
                job.id
            );
        }
        store.close().await;
    });
}

#[test]
fn acknowledged_posts_survive_sigkill_on_sqlite() {
    acknowledged_posts_survive_sigkill(&sqlite_url("sigkill"));
}

#[test]
fn acknowledged_posts_survive_sigkill_on_postgres() {
    let url = runtime().block_on(postgres_url("sigkill"));
    acknowledged_posts_survive_sigkill(&url);
}

#[test]
fn a_forged_button_cannot_change_the_board() {
    let endpoint = start_with(sqlite_url("board_button"), None);
    let moderator = member("2", MANAGE_MESSAGES, &[]);
    let (title, _, _) = answer(
        &endpoint,
        &job("post", &post_fields("Kept job"), moderator.clone()),
    );
    let id = job_number(&title);
    let mut click = json!({
        "type": 3, "id": "1", "token": "t", "application_id": "1", "channel_id": "9",
        "data": { "custom_id": format!("/job remove id:{id}"), "component_type": 2 },
    });
    if let (Some(body), Some(who)) = (click.as_object_mut(), moderator.as_object()) {
        body.extend(who.clone());
    }
    let (title, text, json) = answer(&endpoint, click.to_string().as_bytes());
    assert_eq!(title, "Not allowed", "{text}");
    assert_eq!(json["data"]["flags"], 64);
    assert!(jobs_listing(&endpoint, member("3", 0, &[])).contains("Kept job"));
}
