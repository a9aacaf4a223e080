//! Direct messages through Discord's REST API with the bot token, for alert DMs: the DM
//! channel opened (`POST /users/@me/channels`), the message posted into it (`POST
//! /channels/{id}/messages`), and a server's name (`GET /guilds/{id}`) to say where an alert
//! comes from. What Discord answers is read into what delivery needs to decide: sent, wait
//! (429 with `retry_after`), refused (50007: the member's DMs are closed), or failed.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use reqwest::{Response, StatusCode};
use serde_json::{json, Value};

use crate::config::Secret;
use crate::discord::rest::{checked_api_base, ApiBaseError};

const DISCORD_API: &str = "https://discord.com/api/v10";
/// Each call gives up after this long; a claim lasts longer than a whole delivery.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// Discord's code for "Cannot send messages to this user".
const CANNOT_MESSAGE_USER: u64 = 50007;
/// What a 429 without a readable `retry_after` waits.
const DEFAULT_RETRY: Duration = Duration::from_secs(5);

/// What Discord did with a DM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    Delivered,
    /// Rate limited: try again after this long.
    Wait(Duration),
    /// Discord will not let the bot DM this member.
    Refused,
    /// Anything else (a 5xx, a network failure): try again later. Says what, for the log.
    Failed(String),
}

/// Discord's REST API with the bot token, for DMs.
#[derive(Debug)]
pub struct DirectMessages {
    client: reqwest::Client,
    api: String,
    token: Secret,
    /// Servers' names as Discord gave them (`None`: it would not say), per process.
    server_names: Mutex<HashMap<u64, Option<String>>>,
}

impl DirectMessages {
    /// DMs sent with `token` to Discord, or to the fake at `base` (loopback only: the token
    /// is sent there).
    pub fn new(token: Secret, base: Option<&str>) -> Result<DirectMessages, ApiBaseError> {
        let api = match base {
            Some(base) => format!("{}/api/v10", checked_api_base(base)?),
            None => DISCORD_API.to_owned(),
        };
        let client = reqwest::Client::builder()
            .timeout(CALL_TIMEOUT)
            // Discord asks bots to say who they are.
            .user_agent(concat!(
                "DiscordBot (https://github.com/rolecall, ",
                env!("CARGO_PKG_VERSION"),
                ")"
            ))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Ok(DirectMessages {
            client,
            api,
            token,
            server_names: Mutex::new(HashMap::new()),
        })
    }

    /// Sends `message` (a message body) to `user` in their DMs.
    pub async fn send(&self, user: &str, message: &Value) -> Sent {
        let opened = self
            .post("/users/@me/channels", &json!({ "recipient_id": user }))
            .await;
        let channel = match opened {
            Ok(response) if response.status().is_success() => {
                let body = json_of(response).await;
                match body["id"].as_str() {
                    Some(id) => id.to_owned(),
                    None => return Sent::Failed("a DM channel without an id".into()),
                }
            }
            Ok(response) => return refusal(response).await,
            Err(error) => return Sent::Failed(error),
        };
        match self
            .post(&format!("/channels/{channel}/messages"), message)
            .await
        {
            Ok(response) if response.status().is_success() => Sent::Delivered,
            Ok(response) => refusal(response).await,
            Err(error) => Sent::Failed(error),
        }
    }

    /// `guild`'s name, asked of Discord once per process; `None` when it would not say (the
    /// bot left the server, say).
    pub async fn server_name(&self, guild: u64) -> Option<String> {
        if let Some(known) = self.server_names.lock().ok()?.get(&guild) {
            return known.clone();
        }
        let response = self
            .client
            .get(format!("{}/guilds/{guild}", self.api))
            .header(reqwest::header::AUTHORIZATION, self.authorization())
            .send()
            .await;
        let name = match response {
            Ok(response) if response.status().is_success() => {
                json_of(response).await["name"].as_str().map(str::to_owned)
            }
            // A failure to reach Discord is not remembered: the next alert asks again.
            Err(_) => return None,
            Ok(_) => None,
        };
        if let Ok(mut names) = self.server_names.lock() {
            names.insert(guild, name.clone());
        }
        name
    }

    async fn post(&self, path: &str, body: &Value) -> Result<Response, String> {
        self.client
            .post(format!("{}{path}", self.api))
            .header(reqwest::header::AUTHORIZATION, self.authorization())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            // Serialising a JSON value cannot fail.
            .body(serde_json::to_vec(body).unwrap_or_default())
            .send()
            .await
            // Never the URL (it holds no token, but the error need not carry it either).
            .map_err(|error| error.without_url().to_string())
    }

    fn authorization(&self) -> String {
        format!("Bot {}", self.token.expose())
    }
}

/// What an unsuccessful answer means for delivery.
async fn refusal(response: Response) -> Sent {
    let status = response.status();
    let header_wait = response
        .headers()
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<f64>().ok());
    let body = json_of(response).await;
    if status == StatusCode::TOO_MANY_REQUESTS {
        let seconds = body["retry_after"].as_f64().or(header_wait);
        return Sent::Wait(seconds.map_or(DEFAULT_RETRY, seconds_of));
    }
    if body["code"].as_u64() == Some(CANNOT_MESSAGE_USER) {
        return Sent::Refused;
    }
    Sent::Failed(format!("Discord answered {status} (code {})", body["code"]))
}

/// The response's body as JSON; `null` when it is not.
async fn json_of(response: Response) -> Value {
    let bytes = response.bytes().await.unwrap_or_default();
    serde_json::from_slice(&bytes).unwrap_or(Value::Null)
}

/// A `retry_after` in seconds, within reason (a negative or absurd one waits a minute).
fn seconds_of(seconds: f64) -> Duration {
    if seconds.is_finite() && (0.0..=3600.0).contains(&seconds) {
        Duration::from_secs_f64(seconds)
    } else {
        Duration::from_secs(60)
    }
}
