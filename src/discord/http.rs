//! Discord's HTTP interactions endpoint: `POST /interactions` (signed), `GET /healthz`
//! (liveness), `GET /readyz` (readiness: 503 while draining).
//!
//! Verifies every request, reads it, and answers with the same responder as the gateway.
//! Metrics are not served here: they have a listener of their own (`operations`).

use std::future::Future;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use super::gateway::post_announcement;
use super::signature::Verifier;
use super::Bot;
use super::{interaction, json, observe, operations};
use crate::reply::File;
use crate::service::unix_now;
use crate::telemetry::{self, FrontEnd};

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
        .route("/readyz", get(readyz))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(count_in_flight))
        .with_state(endpoint)
}

/// Serves on `listener` until `shutdown` completes: from then on no connection is
/// accepted, and the requests in flight are finished (the caller bounds how long).
pub async fn serve(
    listener: tokio::net::TcpListener,
    bot: Arc<Bot>,
    verifier: Verifier,
    rest: Option<serenity::all::Http>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    tracing::info!(addr = %listener.local_addr()?, "serving Discord interactions");
    axum::serve(listener, router(bot, verifier, rest))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Counts a request as in flight from its head to its response (its body may still be
/// arriving): what a drain waits for, and what `/metrics` shows.
async fn count_in_flight(request: Request, next: Next) -> Response {
    struct Counted;
    impl Drop for Counted {
        fn drop(&mut self) {
            telemetry::http_in_flight(-1.0);
        }
    }
    telemetry::http_in_flight(1.0);
    let _counted = Counted;
    next.run(request).await
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

async fn readyz(State(endpoint): State<Endpoint>) -> Response {
    operations::readiness(Some(&endpoint.bot)).await
}

async fn interactions(
    State(endpoint): State<Endpoint>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received = Instant::now();
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let verified = endpoint.verifier.verify(
        header("x-signature-ed25519"),
        header("x-signature-timestamp"),
        &body,
        SystemTime::now(),
    );
    if let Err(rejection) = verified {
        tracing::debug!(%rejection, "refused an interaction request");
        telemetry::signature_rejected(rejection.reason());
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
    observe::interaction(
        FrontEnd::Http,
        &incoming,
        &response.body,
        received.elapsed(),
    );
    let in_flight = endpoint.bot.in_flight();
    if let Some(announcement) = response.announcement {
        match endpoint.rest.clone() {
            // After the response: the moderator's confirmation does not wait on it.
            Some(rest) => {
                in_flight.spawn(async move { post_announcement(&rest, &announcement).await });
            }
            None => tracing::warn!("a job was not announced: DISCORD_TOKEN is not set"),
        }
    }
    if let Some(posted) = response.alerts {
        // After the response: the poster's answer does not wait on matching the members.
        let bot = endpoint.bot.clone();
        in_flight.spawn(async move {
            bot.service().queue_posted(posted).await;
        });
    }
    if let Some(later) = response.later {
        // After the response, which tells Discord an answer is coming.
        let bot = endpoint.bot.clone();
        in_flight.spawn(async move { bot.finish(later).await });
    }
    match response.body.file() {
        Some(file) => with_file(&response.body, file),
        None => Json(response.body).into_response(),
    }
}
