//! Every interaction answered, seen by the operator the same way from both front ends: one
//! `info` log line (its id, command, outcome and latency) and the metrics `/metrics` serves.
//!
//! What is logged is chosen here, once: never the interaction's token, what a member typed
//! (skills, questions, an article's text) or the answer's text; only the command's name from
//! the definitions and a fixed word for the outcome.

use std::time::Duration;

use super::interaction::{Incoming, IncomingKind};
use super::json::InteractionResponse;
use crate::commands;
use crate::telemetry::{self, Answered, FrontEnd};

/// Logs and counts `incoming`, answered with `response` after `latency`.
pub fn interaction(
    front_end: FrontEnd,
    incoming: &Incoming,
    response: &InteractionResponse,
    latency: Duration,
) {
    let answered = Answered {
        front_end,
        command: command_of(&incoming.kind),
        outcome: outcome_of(response),
        latency,
    };
    telemetry::interaction(&answered);
    tracing::info!(
        id = incoming.id.unwrap_or_default(),
        front_end = front_end.label(),
        command = answered.command,
        outcome = answered.outcome,
        latency_ms = latency.as_secs_f64() * 1000.0,
        "interaction"
    );
}

/// The command's name from its definition, or the kind of interaction when there is no
/// command to name (a click carries a line a member could have forged: never a label).
pub fn command_of(kind: &IncomingKind) -> &'static str {
    match kind {
        IncomingKind::Ping => "ping",
        IncomingKind::Command(Ok(invocation)) => commands::spec(invocation.command).name,
        IncomingKind::Command(Err(_)) => "unknown_command",
        IncomingKind::MessageCommand(_) => "message_command",
        IncomingKind::Autocomplete { .. } => "autocomplete",
        IncomingKind::Component(_) => "component",
        IncomingKind::Form(_) => "form",
        IncomingKind::Unsupported(_) => "unsupported",
    }
}

/// How the interaction ended, in one word: `answered`, `error` (an ephemeral error: a
/// problem, a refusal, the rate limit, an unreachable store), `deferred`, `form` or `pong`.
pub fn outcome_of(response: &InteractionResponse) -> &'static str {
    match response {
        InteractionResponse::Pong => "pong",
        InteractionResponse::Message(reply) | InteractionResponse::Update(reply)
            if reply.is_error() =>
        {
            "error"
        }
        InteractionResponse::Message(_)
        | InteractionResponse::Update(_)
        | InteractionResponse::Choices(_) => "answered",
        InteractionResponse::Form(_) => "form",
        InteractionResponse::DeferredPrivate => "deferred",
    }
}
