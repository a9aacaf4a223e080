//! The fake Discord's gateway: a websocket that takes any number of sessions (shards,
//! reconnections), routes each event to its server's shard and can end a session.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message as Frame;

use super::{Dispatch, Fake};
use crate::gateway::BOT_ID;

/// The gateway: any number of sessions (shards, reconnections), each sent HELLO, then READY
/// and the first dispatches meant for its shard after IDENTIFY; what the test pushes goes to
/// the shard of its server, as Discord routes it; heartbeats are acknowledged.
pub(super) async fn serve_gateway(
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
pub(super) enum Outgoing {
    Event(Dispatch),
    InvalidSession,
}

/// The identified sessions: shard → its outgoing frames, and the shard count they
/// identified with.
#[derive(Clone, Default)]
pub(super) struct Sessions(Arc<Mutex<Open>>);

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
    pub(super) fn send(&self, outgoing: Outgoing) -> bool {
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
