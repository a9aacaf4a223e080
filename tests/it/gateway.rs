//! The gateway path end to end: the real `rolecall run` and `rolecall register` binaries,
//! driving serenity's real client, against a fake Discord on 127.0.0.1 (REST over plain HTTP
//! through serenity's proxy setting, the gateway over a plain websocket).

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
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message as Frame;

mod adding;
mod alerts;
mod forum;
mod profiles;
mod relaying;
mod shards;
mod votes;

const BOT_ID: &str = "1000";
const GUILD_ID: &str = "4000";
const TOKEN: &str = "fake-token-SECRET-5b1c";

/// What the bot sent to the fake: REST requests and the gateway's IDENTIFY.
#[derive(Default)]
struct Recorded {
    requests: Vec<(String, String, Value)>,
    /// The last IDENTIFY.
    identify: Option<Value>,
    /// Every IDENTIFY, in order: one per shard and per new session.
    identifies: Vec<Value>,
}

/// A gateway event: its name and its data.
type Dispatch = (String, Value);

#[derive(Clone)]
struct Fake {
    recorded: Arc<Mutex<Recorded>>,
    /// What the fake CDN serves at `/attachments/<name>`.
    files: Arc<Mutex<std::collections::HashMap<String, Vec<u8>>>>,
    gateway_url: String,
    /// What the gateway sends after READY, in order.
    after_ready: Arc<Vec<Dispatch>>,
    /// What `GET /channels/<id>` answers (threads the bot asks about).
    channels: Arc<Mutex<std::collections::HashMap<String, Value>>>,
}

impl Fake {
    fn record(&self, method: &str, path: &str, body: Value) {
        if let Ok(mut recorded) = self.recorded.lock() {
            recorded
                .requests
                .push((method.to_owned(), path.to_owned(), body));
        }
    }

    fn requests(&self) -> Vec<(String, String, Value)> {
        self.recorded
            .lock()
            .map(|r| r.requests.clone())
            .unwrap_or_default()
    }

    fn find(&self, method: &str, path: &str) -> Option<Value> {
        self.requests()
            .into_iter()
            .find(|(m, p, _)| m == method && p == path)
            .map(|(_, _, body)| body)
    }
}

fn user(id: &str, name: &str) -> Value {
    json!({ "id": id, "username": name, "discriminator": "0", "global_name": null, "avatar": null })
}

fn member() -> Value {
    json!({ "user": user("42", "alice"), "roles": [], "joined_at": "2024-01-01T00:00:00Z", "deaf": false, "mute": false, "flags": 0 })
}

/// The fields serenity 0.12 requires of every interaction, in a guild.
fn interaction(id: &str, kind: u8, data: Value) -> Value {
    json!({
        "id": id, "application_id": BOT_ID, "type": kind, "token": format!("token-{id}"), "version": 1,
        "locale": "en-US", "entitlements": [], "attachment_size_limit": 8_388_608,
        "channel_id": "5001", "guild_id": GUILD_ID, "member": member(), "data": data,
    })
}

fn message(id: &str, content: &str) -> Value {
    json!({
        "id": id, "channel_id": "5001", "guild_id": GUILD_ID, "author": user("42", "alice"),
        "content": content, "timestamp": "2024-01-01T00:00:00+00:00", "tts": false,
        "mention_everyone": false, "mentions": [user(BOT_ID, "rolecall")], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 0,
    })
}

/// A direct message: no `guild_id`, no `member`, no mention of the bot.
fn direct_message(id: &str, channel: &str, content: &str) -> Value {
    let mut dm = message(id, content);
    if let Some(fields) = dm.as_object_mut() {
        fields.remove("guild_id");
    }
    dm["channel_id"] = json!(channel);
    dm["mentions"] = json!([]);
    dm
}

fn compare_command() -> Value {
    interaction(
        "2001",
        2,
        json!({ "id": "3000", "name": "compare", "type": 1, "options": [
        { "name": "role_a", "type": 3, "value": "machine-learning-engineer" },
        { "name": "role_b", "type": 3, "value": "data-specialist" },
    ] }),
    )
}

fn autocomplete() -> Value {
    interaction(
        "2002",
        4,
        json!({ "id": "3000", "name": "compare", "type": 1, "options": [
        { "name": "role_a", "type": 3, "value": "data spec", "focused": true },
    ] }),
    )
}

fn button_click() -> Value {
    let mut click = interaction(
        "2003",
        3,
        json!({
            "custom_id": "/compare data-specialist machine-learning-engineer", "component_type": 2,
        }),
    );
    click["message"] = message("6000", "");
    click["message"]["author"] = user(BOT_ID, "rolecall");
    click
}

/// A choice in the compare answer's "Compare another aspect…" menu, by another member (so
/// the first member's rate limit is not spent on it).
fn aspect_choice() -> Value {
    let mut choice = interaction(
        "2004",
        3,
        json!({
            "custom_id": "menu:compare-aspect", "component_type": 3,
            "values": ["/compare machine-learning-engineer data-specialist tools"],
        }),
    );
    choice["member"]["user"] = user("43", "bob");
    choice["message"] = message("6000", "");
    choice["message"]["author"] = user(BOT_ID, "rolecall");
    choice
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

/// The gateway: any number of sessions (shards, reconnections), each sent HELLO, then READY
/// and the first dispatches meant for its shard after IDENTIFY; what the test pushes goes to
/// the shard of its server, as Discord routes it; heartbeats are acknowledged.
async fn serve_gateway(
    fake: Fake,
    listener: TcpListener,
    mut pushes: mpsc::UnboundedReceiver<Dispatch>,
    sessions: Sessions,
) {
    let accepting = {
        let (fake, sessions) = (fake.clone(), sessions.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve_session(fake.clone(), stream, sessions.clone()));
            }
        })
    };
    while let Some(dispatch) = pushes.recv().await {
        // Held until the shard it is for has identified.
        while !sessions.send(Outgoing::Event(dispatch.clone())) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    accepting.abort();
}

/// What a gateway session sends: an event, or the end of the session (op 9, not resumable).
#[derive(Debug, Clone)]
enum Outgoing {
    Event(Dispatch),
    InvalidSession,
}

/// The identified sessions: shard → its outgoing frames, and the shard count they
/// identified with.
#[derive(Clone, Default)]
struct Sessions(Arc<Mutex<Open>>);

#[derive(Default)]
struct Open {
    by_shard: std::collections::HashMap<u64, mpsc::UnboundedSender<Outgoing>>,
    total: u64,
}

impl Sessions {
    fn open(&self, shard: u64, total: u64, frames: mpsc::UnboundedSender<Outgoing>) {
        if let Ok(mut sessions) = self.0.lock() {
            sessions.by_shard.insert(shard, frames);
            sessions.total = total;
        }
    }

    /// Sends `outgoing` to the session of the shard it is for: its server's, by Discord's
    /// formula `(guild_id >> 22) % shards`, or shard 0 (direct messages, session ends).
    /// False when that shard has no open session.
    fn send(&self, outgoing: Outgoing) -> bool {
        let Ok(sessions) = self.0.lock() else {
            return false;
        };
        let shard = match &outgoing {
            Outgoing::Event((_, data)) => shard_of(data, sessions.total),
            Outgoing::InvalidSession => 0,
        };
        sessions
            .by_shard
            .get(&shard)
            .is_some_and(|session| session.send(outgoing).is_ok())
    }
}

/// The shard Discord sends an event about `data`'s server to, of `total`.
fn shard_of(data: &Value, total: u64) -> u64 {
    let guild = data["guild_id"]
        .as_str()
        .and_then(|id| id.parse::<u64>().ok());
    guild.map_or(0, |guild| (guild >> 22) % total.max(1))
}

/// One gateway session, from HELLO until the bot closes it or the fake ends it.
async fn serve_session(fake: Fake, stream: tokio::net::TcpStream, sessions: Sessions) {
    let Ok(socket) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let (mut tx, mut rx) = socket.split();
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": 45_000 }, "s": null, "t": null });
    let _ = tx.send(Frame::Text(hello.to_string())).await;
    let (frames, mut outgoing) = mpsc::unbounded_channel();
    let mut seq = 0u64;
    loop {
        let sent: Vec<Outgoing> = tokio::select! {
            frame = rx.next() => {
                let Some(Ok(Frame::Text(text))) = frame else { return };
                let payload: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                match payload["op"].as_u64() {
                    Some(1) => {
                        let _ = tx.send(Frame::Text(json!({ "op": 11 }).to_string())).await;
                        Vec::new()
                    }
                    Some(2) => identified(&fake, &payload["d"], &sessions, &frames),
                    _ => Vec::new(),
                }
            }
            next = outgoing.recv() => next.into_iter().collect(),
        };
        for frame in sent {
            let frame = match frame {
                Outgoing::Event((event, data)) => {
                    seq += 1;
                    json!({ "op": 0, "s": seq, "t": event, "d": data })
                }
                Outgoing::InvalidSession => json!({ "op": 9, "d": false, "s": null, "t": null }),
            };
            let _ = tx.send(Frame::Text(frame.to_string())).await;
        }
    }
}

/// An IDENTIFY recorded and its session opened: READY, then the first dispatches meant for
/// its shard.
fn identified(
    fake: &Fake,
    identify: &Value,
    sessions: &Sessions,
    frames: &mpsc::UnboundedSender<Outgoing>,
) -> Vec<Outgoing> {
    if let Ok(mut recorded) = fake.recorded.lock() {
        recorded.identify = Some(identify.clone());
        recorded.identifies.push(identify.clone());
    }
    let shard = identify["shard"][0].as_u64().unwrap_or(0);
    let total = identify["shard"][1].as_u64().unwrap_or(1);
    sessions.open(shard, total, frames.clone());
    let ready = json!({ "v": 10, "user": { "id": BOT_ID, "username": "rolecall", "bot": true },
        "guilds": [], "session_id": format!("session-{shard}"), "resume_gateway_url": fake.gateway_url,
        "shard": [shard, total], "application": { "id": BOT_ID, "flags": 0 } });
    let first = fake
        .after_ready
        .iter()
        .filter(|(_, data)| shard_of(data, total) == shard)
        .cloned();
    std::iter::once(("READY".to_owned(), ready))
        .chain(first)
        .map(Outgoing::Event)
        .collect()
}

/// Waits up to 30 s for `condition` on the recorded requests; on time-out, stops the bot and
/// fails with what was recorded and what the bot logged.
fn wait_for(
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
fn drain(pipe: Option<impl std::io::Read + Send + 'static>) -> JoinHandle<String> {
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
struct FakeDiscord {
    fake: Fake,
    rest_addr: SocketAddr,
    push: mpsc::UnboundedSender<Dispatch>,
    sessions: Sessions,
    // Last, so the servers stop only after everything else is dropped.
    _runtime: Runtime,
}

impl FakeDiscord {
    /// Starts a fake whose gateway sends READY and then `after_ready` to the bot.
    fn start(after_ready: Vec<Dispatch>) -> FakeDiscord {
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
    fn invalidate_session(&self) -> bool {
        self.sessions.send(Outgoing::InvalidSession)
    }

    /// Every IDENTIFY the gateway received, in order.
    fn identifies(&self) -> Vec<Value> {
        self.fake
            .recorded
            .lock()
            .map(|r| r.identifies.clone())
            .unwrap_or_default()
    }

    /// Serves `bytes` at `/attachments/<name>`; returns the file's URL.
    fn serve_file(&self, name: &str, bytes: &[u8]) -> String {
        if let Ok(mut files) = self.fake.files.lock() {
            files.insert(name.to_owned(), bytes.to_vec());
        }
        format!("http://{}/attachments/{name}", self.rest_addr)
    }

    /// The binary with `args`, its REST pointed at this fake, in the default chat mode.
    fn rolecall(&self, args: &[&str]) -> std::process::Command {
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
    fn run_bot(&self) -> (Child, JoinHandle<String>) {
        let mut bot = self
            .rolecall(&["run"])
            .spawn()
            .expect("rolecall run starts");
        let logs = drain(bot.stderr.take());
        (bot, logs)
    }
}

/// Sends `signal` (`-TERM`, `-INT`) to the child, as an operator or a supervisor would.
fn send_signal(child: &Child, signal: &str) {
    let sent = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill {signal} failed");
}

#[test]
fn the_real_client_answers_commands_autocomplete_buttons_menus_and_mentions_through_a_fake_discord()
{
    let discord = FakeDiscord::start(vec![
        ("INTERACTION_CREATE".into(), compare_command()),
        ("INTERACTION_CREATE".into(), autocomplete()),
        ("INTERACTION_CREATE".into(), button_click()),
        ("INTERACTION_CREATE".into(), aspect_choice()),
        (
            "MESSAGE_CREATE".into(),
            message("6001", "<@1000> ml engineer vs data specialist"),
        ),
    ]);
    let (fake, push) = (&discord.fake, &discord.push);
    let (mut bot, logs) = discord.run_bot();

    let guild_commands = format!("/api/v10/applications/{BOT_ID}/guilds/{GUILD_ID}/commands");
    wait_for(
        fake,
        &mut bot,
        "registration, four callbacks and a chat reply",
        |requests| {
            requests
                .iter()
                .filter(|(m, p, _)| m == "POST" && p.starts_with("callback/"))
                .count()
                == 4
                && requests
                    .iter()
                    .any(|(m, p, _)| m == "PUT" && *p == guild_commands)
                && requests.iter().any(|(_, p, _)| p.starts_with("channels/"))
        },
    );
    // A follow-up that names no role: answered from the conversation's memory.
    let _ = push.send((
        "MESSAGE_CREATE".into(),
        message("6002", "<@1000> and the tools?"),
    ));
    wait_for(fake, &mut bot, "the follow-up", |requests| {
        requests
            .iter()
            .filter(|(_, p, _)| p.starts_with("channels/"))
            .count()
            == 2
    });

    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    // Registration: the one command definition, to the configured guild.
    let registered = fake.find("PUT", &guild_commands).expect("registration");
    crate::spec::check_registration(&registered).expect("commands as Discord describes them");
    assert_eq!(
        registered,
        rolecall::discord::registration::registration_json()
    );

    // IDENTIFY: the token (serenity adds "Bot "), and no privileged intent for mentions/DMs.
    let identify = fake
        .recorded
        .lock()
        .ok()
        .and_then(|r| r.identify.clone())
        .expect("identified");
    assert_eq!(identify["token"], format!("Bot {TOKEN}"));
    assert_eq!(
        identify["intents"],
        (1 << 9) | (1 << 12),
        "GUILD_MESSAGES | DIRECT_MESSAGES"
    );

    let compare = fake
        .find("POST", "callback/2001")
        .expect("compare answered");
    assert_eq!(compare["type"], 4);
    assert_eq!(
        compare["data"]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist"
    );
    assert_eq!(compare["data"]["allowed_mentions"], json!({ "parse": [] }));
    assert_eq!(
        compare["data"]["components"][1]["components"][0]["custom_id"],
        "menu:compare-aspect"
    );
    crate::oracle::check_interaction_response(&compare).expect("within limits");

    let suggestions = fake
        .find("POST", "callback/2002")
        .expect("autocomplete answered");
    assert_eq!(suggestions["type"], 8);
    assert_eq!(
        suggestions["data"]["choices"][0]["value"],
        "data-specialist"
    );

    let clicked = fake.find("POST", "callback/2003").expect("button answered");
    assert_eq!(clicked["type"], 7);
    assert_eq!(
        clicked["data"]["embeds"][0]["title"],
        "Data Specialist vs Machine Learning Engineer"
    );

    let chosen = fake
        .find("POST", "callback/2004")
        .expect("menu choice answered");
    assert_eq!(chosen["type"], 7);
    assert_eq!(
        chosen["data"]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist — Tools"
    );
    crate::oracle::check_interaction_response(&chosen).expect("within limits");

    let chats: Vec<Value> = fake
        .requests()
        .into_iter()
        .filter(|(_, p, _)| p == "channels/5001/messages")
        .map(|(_, _, body)| body)
        .collect();
    for chat in &chats {
        crate::spec::check_message(chat).expect("a message as Discord describes it");
    }
    assert_eq!(
        chats[0]["embeds"][0]["title"],
        "Machine Learning Engineer vs Data Specialist"
    );
    assert_eq!(chats[0]["message_reference"]["message_id"], "6001");
    assert_eq!(
        chats[0]["allowed_mentions"],
        json!({ "parse": [], "replied_user": false })
    );
    let follow_up = chats[1]["embeds"][0]["title"].as_str().unwrap_or_default();
    assert!(follow_up.ends_with("— Tools"), "{follow_up}");

    let unexpected: Vec<String> = fake
        .requests()
        .into_iter()
        .map(|(_, p, _)| p)
        .filter(|p| p.starts_with("unexpected"))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:?}");

    assert!(status.success(), "graceful shutdown exits 0: {status}");
    assert!(logs.contains("connected to the gateway"), "{logs}");
    assert!(!logs.contains(TOKEN), "the token leaked into the logs");
}

/// Waits for the bot to exit after a signal, killing it after 20 s.
fn wait_with_timeout(child: &mut std::process::Child) -> std::process::ExitStatus {
    for _ in 0..200 {
        if let Ok(Some(status)) = child.try_wait() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    child.wait().expect("exited")
}

/// Runs `command` to completion, killing it after 30 s.
fn output_within_30s(mut command: std::process::Command) -> std::process::Output {
    let mut child = command.spawn().expect("the binary starts");
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    for _ in 0..300 {
        if let Ok(Some(status)) = child.try_wait() {
            return std::process::Output {
                status,
                stdout: stdout.join().unwrap_or_default().into_bytes(),
                stderr: stderr.join().unwrap_or_default().into_bytes(),
            };
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!(
        "timed out after 30 s; stderr:\n{}",
        stderr.join().unwrap_or_default()
    );
}

#[test]
fn register_with_guild_puts_the_one_command_definition_to_that_guild_and_exits_0() {
    let discord = FakeDiscord::start(Vec::new());
    let mut register = discord.rolecall(&["register", "--guild", "4001"]);
    // DISCORD_GUILD_ID is 4000: the flag wins. The id saves asking Discord for it.
    register.env("DISCORD_APPLICATION_ID", BOT_ID);
    let output = output_within_30s(register);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{}\n{stderr}", output.status);

    let expected = rolecall::discord::registration::registration_json();
    let requests = discord.fake.requests();
    assert_eq!(requests.len(), 1, "one request, the PUT: {requests:?}");
    let (method, path, body) = &requests[0];
    assert_eq!(
        (method.as_str(), path.as_str()),
        ("PUT", "/api/v10/applications/1000/guilds/4001/commands")
    );
    assert_eq!(body, &expected);
    let count = expected.as_array().map_or(0, Vec::len);
    assert_eq!(stdout.trim(), format!("registered {count} commands"));
    assert!(!stderr.contains(TOKEN), "the token leaked into the logs");
}

#[test]
fn a_stand_in_for_discord_off_this_machine_is_refused_before_the_token_is_sent() {
    let discord = FakeDiscord::start(Vec::new());
    for command in [&["register"][..], &["run"][..]] {
        let mut started = discord.rolecall(command);
        started
            .env("DISCORD_APPLICATION_ID", BOT_ID)
            .env("ROLECALL_DISCORD_API", "http://discord.example.com");
        let output = output_within_30s(started);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{command:?}: {stderr}");
        assert!(stderr.contains("ROLECALL_DISCORD_API"), "{stderr}");
        assert!(stderr.contains("not this machine"), "{stderr}");
    }
    assert!(discord.fake.requests().is_empty());
}

#[test]
fn a_direct_message_is_answered_in_chat_style_pinging_no_one() {
    let discord = FakeDiscord::start(vec![(
        "MESSAGE_CREATE".into(),
        direct_message("6101", "5002", "skills for mlops?"),
    )]);
    let (mut bot, logs) = discord.run_bot();
    wait_for(&discord.fake, &mut bot, "the DM's answer", |requests| {
        requests.iter().any(|(_, p, _)| p.starts_with("channels/"))
    });
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let answers: Vec<(String, String, Value)> = discord
        .fake
        .requests()
        .into_iter()
        .filter(|(_, p, _)| p.starts_with("channels/"))
        .collect();
    assert_eq!(answers.len(), 1, "{answers:?}");
    let (method, path, body) = &answers[0];
    assert_eq!(
        (method.as_str(), path.as_str()),
        ("POST", "channels/5002/messages"),
        "answered in the DM channel"
    );
    crate::spec::check_message(body).expect("a message as Discord describes it");
    assert_eq!(body["embeds"][0]["title"], "MLOps Engineer: Skills");
    assert_eq!(body["message_reference"]["message_id"], "6101");
    assert_eq!(
        body["allowed_mentions"],
        json!({ "parse": [], "replied_user": false })
    );
    assert!(
        body.get("flags").is_none(),
        "no ephemeral flag outside interactions"
    );
    assert!(status.success(), "{status}\n{logs}");
}

#[test]
fn sigint_stops_the_bot_cleanly_like_sigterm() {
    let discord = FakeDiscord::start(Vec::new());
    let (mut bot, logs) = discord.run_bot();
    // Registration follows READY: the bot is connected and its signal handler installed.
    let guild_commands = format!("/api/v10/applications/{BOT_ID}/guilds/{GUILD_ID}/commands");
    wait_for(&discord.fake, &mut bot, "registration", |requests| {
        requests
            .iter()
            .any(|(m, p, _)| m == "PUT" && *p == guild_commands)
    });
    send_signal(&bot, "-INT");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();
    assert!(status.success(), "SIGINT exits 0, not {status}:\n{logs}");
    assert!(logs.contains("shutting down"), "{logs}");
}

/// `/job <sub>` from alice, in the guild, with these permission bits in the channel.
fn job_command(id: &str, sub: &str, options: Value, permissions: u64) -> Value {
    let mut command = interaction(
        id,
        2,
        json!({ "id": "3001", "name": "job", "type": 1, "options": [
            { "name": sub, "type": 1, "options": options },
        ] }),
    );
    command["member"]["permissions"] = json!(permissions.to_string());
    command
}

#[test]
fn a_moderators_job_is_announced_in_the_channel_the_server_configured() {
    use serenity::all::Permissions;
    const MANAGE_GUILD: u64 = Permissions::MANAGE_GUILD.bits();
    const MANAGE_MESSAGES: u64 = Permissions::MANAGE_MESSAGES.bits();
    let setup = job_command(
        "2101",
        "setup",
        json!([{ "name": "announce_channel", "type": 7, "value": "7777" }]),
        MANAGE_GUILD,
    );
    let discord = FakeDiscord::start(vec![("INTERACTION_CREATE".into(), setup)]);
    let (mut bot, logs) = discord.run_bot();
    wait_for(&discord.fake, &mut bot, "the setup's answer", |requests| {
        requests.iter().any(|(_, p, _)| p == "callback/2101")
    });
    let fields = json!([
        { "name": "title", "type": 3, "value": "Staff ML Engineer @everyone" },
        { "name": "company", "type": 3, "value": "Acme" },
        { "name": "location", "type": 3, "value": "Remote" },
        { "name": "remote", "type": 5, "value": true },
        { "name": "role", "type": 3, "value": "mle" },
    ]);
    let posts = [
        ("2102", MANAGE_MESSAGES),
        // A member without the right: refused on our side, whatever Discord showed them.
        ("2103", 0),
    ];
    for (id, permissions) in posts {
        let post = job_command(id, "post", fields.clone(), permissions);
        discord
            .push
            .send(("INTERACTION_CREATE".into(), post))
            .expect("the fake gateway takes events");
    }
    wait_for(&discord.fake, &mut bot, "the announcement", |requests| {
        requests
            .iter()
            .any(|(_, p, _)| p == "channels/7777/messages")
            && requests.iter().any(|(_, p, _)| p == "callback/2103")
    });
    send_signal(&bot, "-TERM");
    let status = wait_with_timeout(&mut bot);
    let logs = logs.join().unwrap_or_default();

    let fake = &discord.fake;
    let setup_answer = fake.find("POST", "callback/2101").expect("setup answered");
    assert!(
        setup_answer.to_string().contains("<#7777>"),
        "{setup_answer}"
    );
    let posted = fake.find("POST", "callback/2102").expect("post answered");
    let title = posted["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default();
    assert!(
        title.starts_with("Job ID ") && title.ends_with("posted"),
        "{posted}"
    );
    let announced: Vec<Value> = fake
        .requests()
        .into_iter()
        .filter(|(_, p, _)| p == "channels/7777/messages")
        .map(|(_, _, body)| body)
        .collect();
    assert_eq!(announced.len(), 1, "one announcement: {announced:?}");
    crate::spec::check_message(&announced[0]).expect("a message as Discord describes it");
    assert_eq!(announced[0]["embeds"][0]["title"], "New featured job");
    assert_eq!(announced[0]["allowed_mentions"], json!({ "parse": [] }));
    assert!(!announced[0].to_string().contains("@everyone"), "escaped");
    let refused = fake
        .find("POST", "callback/2103")
        .expect("refusal answered");
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    assert_eq!(refused["data"]["embeds"][0]["title"], "Not allowed");
    assert!(status.success(), "{status}\n{logs}");
}
