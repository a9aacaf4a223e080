//! The fake Discord the gateway tests run the real binary against, on 127.0.0.1: REST over
//! plain HTTP (what the bot sends is recorded; attachments, channels and DMs served as
//! Discord would) and a gateway that takes any number of sessions, routes each event to its
//! server's shard and can end a session.

use std::net::SocketAddr;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{Method, Uri};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;

use super::{message, user, BOT_ID, GUILD_ID, TOKEN};

mod socket;
use socket::{serve_gateway, Outgoing, Sessions};

/// What the bot sent to the fake: REST requests and the gateway's IDENTIFY.
#[derive(Default)]
pub(super) struct Recorded {
    pub(super) requests: Vec<(String, String, Value)>,
    /// The last IDENTIFY.
    pub(super) identify: Option<Value>,
    /// Every IDENTIFY, in order: one per shard and per new session.
    pub(super) identifies: Vec<Value>,
}

/// A gateway event: its name and its data.
pub(super) type Dispatch = (String, Value);

#[derive(Clone)]
pub(super) struct Fake {
    pub(super) recorded: Arc<Mutex<Recorded>>,
    /// What the fake CDN serves at `/attachments/<name>`.
    pub(super) files: Arc<Mutex<std::collections::HashMap<String, Vec<u8>>>>,
    pub(super) gateway_url: String,
    /// What the gateway sends after READY, in order.
    pub(super) after_ready: Arc<Vec<Dispatch>>,
    /// What `GET /channels/<id>` answers (threads the bot asks about).
    pub(super) channels: Arc<Mutex<std::collections::HashMap<String, Value>>>,
}

impl Fake {
    pub(super) fn record(&self, method: &str, path: &str, body: Value) {
        if let Ok(mut recorded) = self.recorded.lock() {
            recorded
                .requests
                .push((method.to_owned(), path.to_owned(), body));
        }
    }

    pub(super) fn requests(&self) -> Vec<(String, String, Value)> {
        self.recorded
            .lock()
            .map(|r| r.requests.clone())
            .unwrap_or_default()
    }

    pub(super) fn find(&self, method: &str, path: &str) -> Option<Value> {
        self.requests()
            .into_iter()
            .find(|(m, p, _)| m == method && p == path)
            .map(|(_, _, body)| body)
    }
}

async fn serve_rest(fake: Fake, listener: TcpListener) {
    let app = Router::new()
        .route("/api/v10/gateway", get(gateway_url))
        .route("/api/v10/gateway/bot", get(gateway_bot))
        .route(
            "/api/v10/applications/{app}/guilds/{guild}/commands",
            put(put_commands),
        )
        .route("/api/v10/applications/{app}/commands", put(put_commands))
        .route(
            "/api/v10/interactions/{id}/{token}/callback",
            post(callback),
        )
        .route("/api/v10/channels/{channel}/messages", post(send_message))
        .route("/api/v10/users/@me/channels", post(open_dm))
        .route("/api/v10/guilds/{guild}", get(get_guild))
        .route("/api/v10/channels/{channel}", get(get_channel))
        .route("/api/v10/oauth2/applications/@me", get(application_info))
        .route(
            "/api/v10/webhooks/{app}/{token}/messages/@original",
            axum::routing::patch(edit_original),
        )
        .route("/attachments/{name}", get(attachment))
        .fallback(unexpected)
        .with_state(fake);
    let _ = axum::serve(listener, app).await;
}

async fn gateway_url(State(fake): State<Fake>) -> Json<Value> {
    Json(json!({ "url": fake.gateway_url }))
}

async fn gateway_bot(State(fake): State<Fake>) -> Json<Value> {
    Json(
        json!({ "url": fake.gateway_url, "shards": 1, "session_start_limit":
        { "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1 } }),
    )
}

async fn put_commands(State(fake): State<Fake>, uri: Uri, body: Bytes) -> Json<Value> {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    fake.record("PUT", uri.path(), body.clone());
    let echoed: Vec<Value> = body
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, mut command)| {
            command["id"] = json!((7000 + i).to_string());
            command["application_id"] = json!(BOT_ID);
            command["version"] = json!("1");
            command["default_member_permissions"] = Value::Null;
            // Discord answers "" for a command registered without one (a message command's).
            if command.get("description").is_none() {
                command["description"] = json!("");
            }
            command
        })
        .collect();
    Json(Value::Array(echoed))
}

async fn callback(
    State(fake): State<Fake>,
    Path((id, _token)): Path<(String, String)>,
    body: Bytes,
) -> axum::http::StatusCode {
    // A response with a file comes as multipart: its JSON is `payload_json`, recorded as the
    // body; the file (JSON too, in rolecall's case) is recorded as `FILE callback/<id>`.
    let text = String::from_utf8_lossy(&body);
    let json = |content: &str| serde_json::from_str(content).unwrap_or(Value::Null);
    match text.strip_prefix("--") {
        Some(rest) => {
            let boundary = format!("--{}", rest.lines().next().unwrap_or_default().trim());
            for part in text.split(boundary.as_str()) {
                let Some((head, content)) = part.trim_start().split_once("\r\n\r\n") else {
                    continue;
                };
                let content = json(content.trim_end());
                if head.contains("name=\"payload_json\"") {
                    fake.record("POST", &format!("callback/{id}"), content);
                } else if head.contains("name=\"files[0]\"") {
                    fake.record("FILE", &format!("callback/{id}"), content);
                }
            }
        }
        None => fake.record("POST", &format!("callback/{id}"), json(&text)),
    }
    axum::http::StatusCode::NO_CONTENT
}

async fn send_message(
    State(fake): State<Fake>,
    Path(channel): Path<String>,
    body: Bytes,
) -> Json<Value> {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    // Counted and recorded under one lock: two messages sent at once get two ids, and a
    // message's id is 8000 plus its place among the recorded requests.
    let index = match fake.recorded.lock() {
        Ok(mut recorded) => {
            let path = format!("channels/{channel}/messages");
            recorded.requests.push(("POST".to_owned(), path, body));
            recorded.requests.len() - 1
        }
        Err(_) => 0,
    };
    let mut sent = message(&format!("{}", 8000 + index), "");
    sent["author"] = user(BOT_ID, "rolecall");
    sent["mentions"] = json!([]);
    Json(sent)
}

/// A DM channel opened (an alert's), recorded as `POST users/@me/channels`: its id is "9"
/// and the user's, so the DM itself is recorded as `POST channels/9<user>/messages`.
async fn open_dm(State(fake): State<Fake>, body: Bytes) -> Json<Value> {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    fake.record("POST", "users/@me/channels", body.clone());
    let user = body["recipient_id"].as_str().unwrap_or_default();
    Json(json!({ "id": format!("9{user}"), "type": 1 }))
}

/// A server's name, as an alert DM asks for it.
async fn get_guild(State(fake): State<Fake>, Path(guild): Path<String>) -> Json<Value> {
    fake.record("GET", &format!("guilds/{guild}"), Value::Null);
    Json(json!({ "id": guild, "name": "Gateway Folks" }))
}

/// A channel the fake knows (see `Fake::channels`), recorded as `GET channels/<id>`.
async fn get_channel(
    State(fake): State<Fake>,
    Path(channel): Path<String>,
) -> Result<Json<Value>, axum::http::StatusCode> {
    fake.record("GET", &format!("channels/{channel}"), Value::Null);
    let channels = fake
        .channels
        .lock()
        .map_err(|_| axum::http::StatusCode::INTERNAL_SERVER_ERROR)?;
    channels
        .get(&channel)
        .cloned()
        .map(Json)
        .ok_or(axum::http::StatusCode::NOT_FOUND)
}

/// A deferred response edited in, recorded as `PATCH webhooks/<token>`.
async fn edit_original(
    State(fake): State<Fake>,
    Path((_app, token)): Path<(String, String)>,
    body: Bytes,
) -> Json<Value> {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    fake.record("PATCH", &format!("webhooks/{token}"), body);
    let mut edited = message("8999", "");
    edited["author"] = user(BOT_ID, "rolecall");
    Json(edited)
}

/// A file members attached, as Discord's CDN serves it.
async fn attachment(
    State(fake): State<Fake>,
    Path(name): Path<String>,
) -> Result<Vec<u8>, axum::http::StatusCode> {
    fake.record("GET", &format!("attachments/{name}"), Value::Null);
    let files = fake
        .files
        .lock()
        .map_err(|_| axum::http::StatusCode::INTERNAL_SERVER_ERROR)?;
    files
        .get(&name)
        .cloned()
        .ok_or(axum::http::StatusCode::NOT_FOUND)
}

/// The application, owned by user 77 (the bot asks on READY, to know who may reload).
async fn application_info() -> Json<Value> {
    Json(
        json!({ "id": BOT_ID, "name": "rolecall", "icon": null, "description": "",
        "bot_public": true, "bot_require_code_grant": false, "verify_key": "00",
        "owner": user("77", "owner"), "team": null }),
    )
}

async fn unexpected(State(fake): State<Fake>, method: Method, uri: Uri) -> axum::http::StatusCode {
    fake.record(
        method.as_str(),
        &format!("unexpected {}", uri.path()),
        Value::Null,
    );
    axum::http::StatusCode::NOT_FOUND
}

/// Waits up to 30 s for `condition` on the recorded requests; on time-out, stops the bot and
/// fails with what was recorded and what the bot logged.
pub(super) fn wait_for(
    fake: &Fake,
    bot: &mut std::process::Child,
    what: &str,
    condition: impl Fn(&[(String, String, Value)]) -> bool,
) {
    for _ in 0..300 {
        if condition(&fake.requests()) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = bot.kill();
    let paths: Vec<(String, String)> = fake
        .requests()
        .into_iter()
        .map(|(m, p, _)| (m, p))
        .collect();
    panic!("timed out waiting for {what}; recorded {paths:?}");
}

/// Reads a child's output to the end on a thread of its own.
pub(super) fn drain(pipe: Option<impl std::io::Read + Send + 'static>) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut pipe) = pipe {
            let _ = std::io::Read::read_to_string(&mut pipe, &mut text);
        }
        text
    })
}

/// A fake Discord on loopback: REST and a gateway, served by a runtime of its own while the
/// test thread runs and waits on the real binary.
pub(super) struct FakeDiscord {
    pub(super) fake: Fake,
    rest_addr: SocketAddr,
    pub(super) push: mpsc::UnboundedSender<Dispatch>,
    sessions: Sessions,
    // Last, so the servers stop only after everything else is dropped.
    _runtime: Runtime,
}

impl FakeDiscord {
    /// Starts a fake whose gateway sends READY and then `after_ready` to the bot.
    pub(super) fn start(after_ready: Vec<Dispatch>) -> FakeDiscord {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let (rest, ws) = runtime.block_on(async {
            (
                TcpListener::bind("127.0.0.1:0").await.expect("bind"),
                TcpListener::bind("127.0.0.1:0").await.expect("bind"),
            )
        });
        let rest_addr = rest.local_addr().expect("addr");
        let fake = Fake {
            recorded: Arc::default(),
            files: Arc::default(),
            gateway_url: format!("ws://{}", ws.local_addr().expect("addr")),
            after_ready: Arc::new(after_ready),
            channels: Arc::default(),
        };
        let (push, pushes) = mpsc::unbounded_channel();
        runtime.spawn(serve_rest(fake.clone(), rest));
        let sessions = Sessions::default();
        runtime.spawn(serve_gateway(fake.clone(), ws, pushes, sessions.clone()));
        FakeDiscord {
            fake,
            rest_addr,
            push,
            sessions,
            _runtime: runtime,
        }
    }

    /// Ends shard 0's session as Discord does when it invalidates one (op 9, not
    /// resumable): the bot must identify again. False when shard 0 has no session.
    pub(super) fn invalidate_session(&self) -> bool {
        self.sessions.send(Outgoing::InvalidSession)
    }

    /// Every IDENTIFY the gateway received, in order.
    pub(super) fn identifies(&self) -> Vec<Value> {
        self.fake
            .recorded
            .lock()
            .map(|r| r.identifies.clone())
            .unwrap_or_default()
    }

    /// Serves `bytes` at `/attachments/<name>`; returns the file's URL.
    pub(super) fn serve_file(&self, name: &str, bytes: &[u8]) -> String {
        if let Ok(mut files) = self.fake.files.lock() {
            files.insert(name.to_owned(), bytes.to_vec());
        }
        format!("http://{}/attachments/{name}", self.rest_addr)
    }

    /// The binary with `args`, its REST pointed at this fake, in the default chat mode.
    pub(super) fn rolecall(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_rolecall"));
        command
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("DISCORD_TOKEN", TOKEN)
            .env("DISCORD_GUILD_ID", GUILD_ID)
            .env("ROLECALL_DISCORD_API", format!("http://{}", self.rest_addr))
            .env("ROLECALL_LOG", "debug")
            .env("DATABASE_URL", crate::support::sqlite_url("gateway"))
            .env_remove("DISCORD_APPLICATION_ID")
            .env_remove("ROLECALL_CHAT")
            .env_remove("ROLECALL_CHAT_CHANNELS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// `rolecall run`, and a thread collecting its logs (drained as they come: a full pipe
    /// would block the bot mid-log).
    pub(super) fn run_bot(&self) -> (Child, JoinHandle<String>) {
        let mut bot = self
            .rolecall(&["run"])
            .spawn()
            .expect("rolecall run starts");
        let logs = drain(bot.stderr.take());
        (bot, logs)
    }
}
