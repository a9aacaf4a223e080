//! The operator's listener, apart from Discord's endpoint and on loopback by default:
//! `/metrics` (Prometheus text), `/healthz` (liveness: the process answers) and `/readyz`
//! (readiness: the knowledge base is loaded and the process is not draining; the store's
//! state is in the body but never fails it, since answers that need no store keep flowing).
//! It listens from the start, so a probe sees "loading" before the bot exists.

use std::future::Future;
use std::sync::{Arc, OnceLock};

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use metrics_exporter_prometheus::PrometheusHandle;
use serde_json::json;

use super::Bot;
use crate::telemetry;

/// What the operator's listener serves from: the metrics, and the bot once it is ready.
pub struct Operations {
    metrics: PrometheusHandle,
    bot: OnceLock<Arc<Bot>>,
}

impl Operations {
    pub fn new(metrics: PrometheusHandle) -> Arc<Operations> {
        Arc::new(Operations {
            metrics,
            bot: OnceLock::new(),
        })
    }

    /// The knowledge base is loaded and `bot` answers: `/readyz` says ready from now on.
    pub fn ready(&self, bot: Arc<Bot>) {
        telemetry::knowledge_loaded(crate::service::unix_now());
        let _ = self.bot.set(bot);
    }

    /// Keeps the metrics' histograms bounded; call every few seconds.
    pub fn upkeep(&self) {
        self.metrics.run_upkeep();
    }
}

/// The listener's routes.
pub fn router(operations: Arc<Operations>) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state(operations)
}

/// Serves the operator's routes on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    operations: Arc<Operations>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(operations))
        .with_graceful_shutdown(shutdown)
        .await
}

async fn metrics(State(operations): State<Arc<Operations>>) -> Response {
    if let Some(bot) = operations.bot.get() {
        let kb = bot.knowledge();
        telemetry::knowledge_size(kb.roles.len(), kb.articles.len());
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        operations.metrics.render(),
    )
        .into_response()
}

async fn healthz() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok" }))
}

async fn readyz(State(operations): State<Arc<Operations>>) -> Response {
    readiness(operations.bot.get().map(Arc::as_ref)).await
}

/// `/readyz`, here and on the HTTP endpoint: 200 once `bot` is loaded and not draining,
/// 503 otherwise; the body says which, with the roles served and the store's state.
pub async fn readiness(bot: Option<&Bot>) -> Response {
    let Some(bot) = bot else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "loading" })),
        )
            .into_response();
    };
    let (code, status) = if bot.in_flight().is_draining() {
        (StatusCode::SERVICE_UNAVAILABLE, "draining")
    } else {
        (StatusCode::OK, "ready")
    };
    let store = bot.service().store_state().await;
    let body = json!({
        "status": status,
        "roles": bot.knowledge().roles.len(),
        "store": store.word(),
    });
    (code, Json(body)).into_response()
}
