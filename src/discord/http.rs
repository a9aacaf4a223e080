//! Discord's HTTP interactions endpoint: `POST /interactions` (signed), `GET /healthz`.
//!
//! Verifies every request, reads it, and answers with the same responder as the gateway.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::SystemTime;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use super::gateway::post_announcement;
use super::signature::Verifier;
use super::Bot;
use super::{interaction, json};
use crate::reply::File;
use crate::service::unix_now;

/// Interactions are small JSON documents; anything larger is refused before it is read.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

#[derive(Clone)]
struct Endpoint {
    bot: Arc<Bot>,
    verifier: Arc<Verifier>,
    /// Discord's REST API, to announce new jobs; without a bot token there is none.
    rest: Option<Arc<serenity::all::Http>>,
}

/// The endpoint's routes, ready to serve or to call in tests. `rest` posts job announcements.
pub fn router(bot: Arc<Bot>, verifier: Verifier, rest: Option<serenity::all::Http>) -> Router {
    let endpoint = Endpoint {
        bot,
        verifier: Arc::new(verifier),
        rest: rest.map(Arc::new),
    };
    Router::new()
        .route("/interactions", post(interactions))
        .route("/healthz", get(healthz))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(endpoint)
}

/// Serves on `addr` until `shutdown` completes, then finishes requests in flight.
pub async fn serve(
    addr: SocketAddr,
    bot: Arc<Bot>,
    verifier: Verifier,
    rest: Option<serenity::all::Http>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(addr = %listener.local_addr()?, "serving Discord interactions");
    axum::serve(listener, router(bot, verifier, rest))
        .with_graceful_shutdown(shutdown)
        .await
}

/// A response carrying a file: `multipart/form-data`, the JSON as `payload_json` and the
/// file as `files[0]`, as Discord takes files in answer to an interaction.
fn with_file(body: &json::InteractionResponse, file: &File) -> Response {
    // Serialising our own response types cannot fail.
    let payload = serde_json::to_vec(body).unwrap_or_default();
    let boundary = format!("rolecall-{:016x}", rand::random::<u64>());
    let mut multipart = Vec::with_capacity(payload.len() + file.bytes.len() + 512);
    let mut part = |headers: &str, content: &[u8]| {
        multipart.extend_from_slice(format!("--{boundary}\r\n{headers}\r\n\r\n").as_bytes());
        multipart.extend_from_slice(content);
        multipart.extend_from_slice(b"\r\n");
    };
    part(
        "Content-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json",
        &payload,
    );
    // The name is ours (`/me export`'s), never a member's: nothing to escape.
    part(
        &format!(
            "Content-Disposition: form-data; name=\"files[0]\"; filename=\"{}\"\r\nContent-Type: application/json",
            file.name
        ),
        &file.bytes,
    );
    multipart.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={boundary}");
    (
        [(axum::http::header::CONTENT_TYPE, content_type)],
        multipart,
    )
        .into_response()
}

async fn healthz(State(endpoint): State<Endpoint>) -> Json<serde_json::Value> {
    let kb = endpoint.bot.knowledge();
    Json(json!({ "status": "ok", "roles": kb.roles.len() }))
}

async fn interactions(
    State(endpoint): State<Endpoint>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let verified = endpoint.verifier.verify(
        header("x-signature-ed25519"),
        header("x-signature-timestamp"),
        &body,
        SystemTime::now(),
    );
    if let Err(rejection) = verified {
        tracing::debug!(%rejection, "refused an interaction request");
        return (StatusCode::UNAUTHORIZED, "invalid request signature").into_response();
    }
    let incoming = match interaction::read(&body) {
        Ok(incoming) => incoming,
        Err(error) => {
            let message = format!("not an interaction: {error}");
            return (StatusCode::BAD_REQUEST, Json(json!({ "error": message }))).into_response();
        }
    };
    let response = endpoint.bot.respond(&incoming, unix_now()).await;
    if let Some(announcement) = response.announcement {
        match endpoint.rest.clone() {
            // After the response: the moderator's confirmation does not wait on it.
            Some(rest) => {
                tokio::spawn(async move { post_announcement(&rest, &announcement).await });
            }
            None => tracing::warn!("a job was not announced: DISCORD_TOKEN is not set"),
        }
    }
    if let Some(later) = response.later {
        // After the response, which tells Discord an answer is coming.
        let bot = endpoint.bot.clone();
        tokio::spawn(async move { bot.finish(later).await });
    }
    match response.body.file() {
        Some(file) => with_file(&response.body, file),
        None => Json(response.body).into_response(),
    }
}
