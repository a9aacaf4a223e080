//! A fake Discord for alert DMs, on loopback: it opens DM channels, takes messages (each
//! body checked against Discord's OpenAPI description), names servers, and records every
//! attempt. It keeps Discord's `enforce_nonce` promise (a second message with a nonce it has
//! seen is the first message again, not a new one), and answers as a test scripts it: rate
//! limits, server errors, closed DMs, or a message held until the sender is killed.

use std::collections::{HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::runtime::Runtime;

/// How the fake answers one message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    Ok,
    /// 429 with this `retry_after`, in seconds.
    RateLimited(f64),
    ServerError,
    /// The message is taken, but answered only after a minute: its sender is killed first.
    Held,
}

/// A message attempt: to whom, its body, and whether the fake made a new message of it.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub user: String,
    pub body: Value,
    pub created: bool,
}

#[derive(Default)]
struct Recorded {
    attempts: Vec<Attempt>,
    nonces: HashSet<String>,
    script: VecDeque<Answer>,
    /// Users whose DMs are closed: Discord answers 50007.
    closed: HashSet<String>,
    /// Spec violations seen, for the test to assert none.
    invalid: Vec<String>,
    /// Servers the bot has left: Discord answers 404 (Unknown Guild) for them.
    left: HashSet<String>,
}

#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Recorded>>);

impl Shared {
    fn with<T>(&self, f: impl FnOnce(&mut Recorded) -> T) -> T {
        let mut recorded = self.0.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut recorded)
    }
}

pub struct FakeDiscord {
    shared: Shared,
    pub addr: SocketAddr,
    _runtime: Runtime,
}

impl FakeDiscord {
    pub fn start() -> FakeDiscord {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let shared = Shared::default();
        let app = Router::new()
            .route("/api/v10/users/@me/channels", post(open_dm))
            .route("/api/v10/channels/{channel}/messages", post(message))
            .route("/api/v10/guilds/{guild}", get(guild))
            .with_state(shared.clone());
        runtime.spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeDiscord {
            shared,
            addr,
            _runtime: runtime,
        }
    }

    /// The base URL a process is pointed at (`ROLECALL_DISCORD_API`).
    pub fn api(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The next messages are answered so, in order; then `Ok`.
    pub fn script(&self, answers: &[Answer]) {
        self.shared
            .with(|r| r.script.extend(answers.iter().copied()));
    }

    /// The bot is no longer in `guild`.
    pub fn leave(&self, guild: &str) {
        self.shared.with(|r| r.left.insert(guild.to_owned()));
    }

    /// `user`'s DMs are closed to the bot.
    pub fn close_dms_of(&self, user: &str) {
        self.shared.with(|r| r.closed.insert(user.to_owned()));
    }

    pub fn attempts(&self) -> Vec<Attempt> {
        self.shared.with(|r| r.attempts.clone())
    }

    /// The messages made (one per nonce), to `user`.
    pub fn dms_to(&self, user: &str) -> Vec<Value> {
        self.attempts()
            .into_iter()
            .filter(|a| a.created && a.user == user)
            .map(|a| a.body)
            .collect()
    }

    /// What the bot sent that Discord's description refuses.
    pub fn invalid(&self) -> Vec<String> {
        self.shared.with(|r| r.invalid.clone())
    }

    /// Waits up to 30 s for `condition` on the attempts.
    pub fn wait_for(&self, what: &str, condition: impl Fn(&[Attempt]) -> bool) {
        for _ in 0..300 {
            if condition(&self.attempts()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "timed out waiting for {what}; attempts: {:?}",
            self.attempts()
        );
    }
}

/// A DM channel's id is "9" and the user's id, so a message names its recipient.
async fn open_dm(State(shared): State<Shared>, body: Bytes) -> Json<Value> {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    if let Err(error) = crate::spec::check_dm_channel(&body) {
        shared.with(|r| r.invalid.push(error));
    }
    let user = body["recipient_id"].as_str().unwrap_or_default().to_owned();
    Json(json!({ "id": format!("9{user}"), "type": 1, "recipients": [{ "id": user }] }))
}

async fn message(
    State(shared): State<Shared>,
    Path(channel): Path<String>,
    body: Bytes,
) -> (StatusCode, Json<Value>) {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let user = channel.strip_prefix('9').unwrap_or_default().to_owned();
    let (answer, closed) = shared.with(|r| {
        if let Err(error) = crate::spec::check_message(&body) {
            r.invalid.push(error);
        }
        (
            r.script.pop_front().unwrap_or(Answer::Ok),
            r.closed.contains(&user),
        )
    });
    let nonce = body["nonce"].as_str().unwrap_or_default().to_owned();
    let taken = !closed && matches!(answer, Answer::Ok | Answer::Held);
    let created = shared.with(|r| {
        let created = taken && (body["enforce_nonce"] != true || r.nonces.insert(nonce.clone()));
        r.attempts.push(Attempt {
            user,
            body: body.clone(),
            created,
        });
        created
    });
    if closed {
        let refused = json!({ "message": "Cannot send messages to this user", "code": 50007 });
        return (StatusCode::FORBIDDEN, Json(refused));
    }
    match answer {
        Answer::RateLimited(seconds) => (
            StatusCode::TOO_MANY_REQUESTS,
            Json(
                json!({ "message": "You are being rate limited.", "retry_after": seconds, "global": false }),
            ),
        ),
        Answer::ServerError => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!({ "message": "500: Internal Server Error", "code": 0 })),
        ),
        Answer::Held => {
            tokio::time::sleep(Duration::from_secs(60)).await;
            (
                StatusCode::OK,
                Json(json!({ "id": "1", "channel_id": channel, "created": created })),
            )
        }
        Answer::Ok => (
            StatusCode::OK,
            Json(json!({ "id": "1", "channel_id": channel, "created": created })),
        ),
    }
}

async fn guild(
    State(shared): State<Shared>,
    Path(guild): Path<String>,
) -> (StatusCode, Json<Value>) {
    if shared.with(|r| r.left.contains(&guild)) {
        let unknown = json!({ "message": "Unknown Guild", "code": 10004 });
        return (StatusCode::NOT_FOUND, Json(unknown));
    }
    (
        StatusCode::OK,
        Json(json!({ "id": guild, "name": "Data *Folks*" })),
    )
}
