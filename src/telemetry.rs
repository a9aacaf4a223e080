//! What a running rolecall counts and times for its operator, named once: every metric's
//! name, labels and help, the functions the layers call to record, and the Prometheus
//! recorder that renders them (`/metrics`, served by the edge on its own listener).
//!
//! Recording goes through the `metrics` facade: without an installed recorder (the
//! terminal, most tests) every call is a no-op. Label values are always `&'static str` from
//! a closed set (command names from the definitions, fixed outcomes), so a member can never
//! mint a new time series, and nothing a member typed is ever a label.

use std::time::Duration;

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

const INTERACTIONS: &str = "rolecall_interactions_total";
const INTERACTION_SECONDS: &str = "rolecall_interaction_duration_seconds";
const SIGNATURE_REJECTIONS: &str = "rolecall_signature_rejections_total";
const RATE_LIMITED: &str = "rolecall_rate_limited_total";
const KNOWLEDGE_ROLES: &str = "rolecall_knowledge_roles";
const KNOWLEDGE_ARTICLES: &str = "rolecall_knowledge_articles";
const KNOWLEDGE_LOADED: &str = "rolecall_knowledge_loaded_timestamp_seconds";
const STORE_ERRORS: &str = "rolecall_store_errors_total";
const STORE_PING_SECONDS: &str = "rolecall_store_ping_duration_seconds";
const DM_DELIVERIES: &str = "rolecall_dm_deliveries_total";
const HTTP_IN_FLIGHT: &str = "rolecall_http_requests_in_flight";

/// Latency buckets, in seconds: most answers take a millisecond or less, a store's a few,
/// and Discord gives up at three seconds.
const LATENCY_BUCKETS: &[f64] = &[
    0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

/// Which front end an interaction came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontEnd {
    Gateway,
    Http,
}

impl FrontEnd {
    pub fn label(self) -> &'static str {
        match self {
            FrontEnd::Gateway => "gateway",
            FrontEnd::Http => "http",
        }
    }
}

/// One interaction answered: what it was (`command`, a name from the definitions or a kind
/// such as `component`), how it ended (`outcome`) and how long the answer took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answered {
    pub front_end: FrontEnd,
    pub command: &'static str,
    pub outcome: &'static str,
    pub latency: Duration,
}

/// Counts the interaction and records its latency under its command and front end.
pub fn interaction(answered: &Answered) {
    let front_end = answered.front_end.label();
    counter!(INTERACTIONS, "front_end" => front_end, "command" => answered.command, "outcome" => answered.outcome)
        .increment(1);
    histogram!(INTERACTION_SECONDS, "front_end" => front_end, "command" => answered.command)
        .record(answered.latency.as_secs_f64());
}

/// A request to the HTTP endpoint refused for its signature; `reason` is one of a few
/// fixed words.
pub fn signature_rejected(reason: &'static str) {
    counter!(SIGNATURE_REJECTIONS, "reason" => reason).increment(1);
}

/// A member asked faster than the rate limit allows and was told to wait; `what` says
/// whether it was an interaction or a chat message.
pub fn rate_limited(what: &'static str) {
    counter!(RATE_LIMITED, "what" => what).increment(1);
}

/// The shipped knowledge base's size, as served now.
pub fn knowledge_size(roles: usize, articles: usize) {
    gauge!(KNOWLEDGE_ROLES).set(roles as f64);
    gauge!(KNOWLEDGE_ARTICLES).set(articles as f64);
}

/// The shipped knowledge base was (re)loaded at `unix_seconds`.
pub fn knowledge_loaded(unix_seconds: i64) {
    gauge!(KNOWLEDGE_LOADED).set(unix_seconds as f64);
}

/// A store call failed (the member was told the store is unreachable); `store` names which
/// (`jobs`, `teaching`, `profiles`).
pub fn store_error(store: &'static str) {
    counter!(STORE_ERRORS, "store" => store).increment(1);
}

/// How long the store took to answer a readiness probe's round trip.
pub fn store_ping(latency: Duration) {
    histogram!(STORE_PING_SECONDS).record(latency.as_secs_f64());
}

/// How a direct message to a member ended (a job alert: `delivered`, `rate_limited`,
/// `refused` when the member's DMs are closed, `failed`, tried again later).
pub fn dm_delivery(outcome: &'static str) {
    counter!(DM_DELIVERIES, "outcome" => outcome).increment(1);
}

/// One more (`+1.0`) or one fewer (`-1.0`) request being handled by the HTTP endpoint.
pub fn http_in_flight(change: f64) {
    gauge!(HTTP_IN_FLIGHT).increment(change);
}

/// A Prometheus recorder with rolecall's buckets, not installed: `install` makes it the
/// process's; benches and tests may use it locally.
pub fn prometheus() -> metrics_exporter_prometheus::PrometheusRecorder {
    PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("duration_seconds".into()), LATENCY_BUCKETS)
        .map(PrometheusBuilder::build_recorder)
        // The buckets are a fixed, non-empty list: building cannot fail on them.
        .unwrap_or_else(|_| PrometheusBuilder::new().build_recorder())
}

/// Installs the Prometheus recorder for the whole process (once; later calls return the
/// same handle) and describes every metric. The handle renders `/metrics`.
pub fn install() -> PrometheusHandle {
    static HANDLE: std::sync::OnceLock<PrometheusHandle> = std::sync::OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = prometheus();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed: /metrics stays empty");
            }
            describe();
            handle
        })
        .clone()
}

fn describe() {
    describe_counter!(
        INTERACTIONS,
        "Interactions answered, by front end, command (or kind) and outcome."
    );
    describe_histogram!(
        INTERACTION_SECONDS,
        metrics::Unit::Seconds,
        "Time from an interaction's arrival to its response, by front end and command."
    );
    describe_counter!(
        SIGNATURE_REJECTIONS,
        "HTTP requests refused for their signature (401), by reason."
    );
    describe_counter!(
        RATE_LIMITED,
        "Members told to slow down, by what they sent."
    );
    describe_gauge!(KNOWLEDGE_ROLES, "Roles in the shipped knowledge base.");
    describe_gauge!(
        KNOWLEDGE_ARTICLES,
        "Articles read into the shipped knowledge base."
    );
    describe_gauge!(
        KNOWLEDGE_LOADED,
        "When the shipped knowledge base was last loaded or reloaded (Unix seconds)."
    );
    describe_counter!(
        STORE_ERRORS,
        "Store calls that failed, so that members were told the store is unreachable, by store."
    );
    describe_histogram!(
        STORE_PING_SECONDS,
        metrics::Unit::Seconds,
        "Round trips to the store made by readiness probes."
    );
    describe_counter!(DM_DELIVERIES, "Direct messages to members, by outcome.");
    describe_gauge!(
        HTTP_IN_FLIGHT,
        "Requests the HTTP endpoint is handling now."
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_recorder_renders_counters_and_histograms_with_their_labels() {
        let recorder = prometheus();
        let handle = recorder.handle();
        metrics::with_local_recorder(&recorder, || {
            interaction(&Answered {
                front_end: FrontEnd::Http,
                command: "compare",
                outcome: "answered",
                latency: Duration::from_micros(700),
            });
            signature_rejected("forged");
            dm_delivery("delivered");
        });
        let text = handle.render();
        assert!(
            text.contains(
                r#"rolecall_interactions_total{front_end="http",command="compare",outcome="answered"} 1"#
            ),
            "{text}"
        );
        assert!(
            text.contains(
                r#"rolecall_interaction_duration_seconds_bucket{front_end="http",command="compare",le="0.001"} 1"#
            ),
            "{text}"
        );
        assert!(
            text.contains(r#"rolecall_signature_rejections_total{reason="forged"} 1"#),
            "{text}"
        );
        assert!(
            text.contains(r#"rolecall_dm_deliveries_total{outcome="delivered"} 1"#),
            "{text}"
        );
    }
}
