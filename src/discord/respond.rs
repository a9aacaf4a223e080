//! Turns an [`Incoming`] interaction into the body of Discord's interaction response, the
//! same for the gateway and the HTTP endpoint. Every answer comes from the advisor.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::interaction::{Incoming, IncomingKind};
use super::Bot;
use crate::advisor::{self, Problem};
use crate::commands::request::Call;
use crate::commands::{parse_line, CommandId, Invocation};
use crate::reply::discord_json::{interaction_response, update_response};
use crate::reply::Reply;

/// Interaction callback types (Discord "Interaction Callback Type").
const PONG: u8 = 1;
const AUTOCOMPLETE_RESULT: u8 = 8;

/// Commands cheap enough never to be rate limited.
const CHEAP: [CommandId; 2] = [CommandId::Help, CommandId::Kb];

impl Bot {
    /// The response body for `incoming`, received at `now`.
    pub fn respond(&self, incoming: &Incoming, now: Instant) -> Value {
        match &incoming.kind {
            IncomingKind::Ping => json!({ "type": PONG }),
            IncomingKind::Command(Ok(invocation)) => {
                interaction_response(&self.command(incoming, invocation, now))
            }
            IncomingKind::Command(Err(error)) => {
                interaction_response(&Problem::Invalid(error.clone()).reply())
            }
            IncomingKind::Autocomplete { typed } => self.autocomplete(typed),
            IncomingKind::Component { custom_id } => self.component(incoming, custom_id, now),
            IncomingKind::Unsupported(kind) => interaction_response(&Reply::error(
                "Not supported",
                &format!("rolecall does not handle interactions of type {kind}."),
            )),
        }
    }

    fn command(&self, incoming: &Incoming, invocation: &Invocation, now: Instant) -> Reply {
        if !CHEAP.contains(&invocation.command) {
            if let Err(wait) = self.check_rate(incoming, now) {
                return slow_down(wait);
            }
        }
        let kb = self.knowledge();
        advisor::answer(&kb, &Call::from(invocation)).unwrap_or_else(|p| p.reply())
    }

    fn autocomplete(&self, typed: &str) -> Value {
        let kb = self.knowledge();
        let choices: Vec<Value> = advisor::autocomplete(&kb, typed)
            .into_iter()
            .map(|(name, value)| json!({ "name": name, "value": value }))
            .collect();
        json!({ "type": AUTOCOMPLETE_RESULT, "data": { "choices": choices } })
    }

    /// A button carries the command line that produces its answer; the message is updated in
    /// place. Errors go to the clicker alone, leaving the shared message as it was.
    fn component(&self, incoming: &Incoming, custom_id: &str, now: Instant) -> Value {
        if let Err(wait) = self.check_rate(incoming, now) {
            return interaction_response(&slow_down(wait));
        }
        let kb = self.knowledge();
        let answered = parse_line(custom_id)
            .map_err(Problem::from)
            .and_then(|invocation| advisor::answer(&kb, &Call::from(&invocation)));
        match answered {
            Ok(reply) => update_response(&reply),
            Err(problem) => interaction_response(&problem.reply()),
        }
    }

    fn check_rate(&self, incoming: &Incoming, now: Instant) -> Result<(), Duration> {
        match &incoming.user_id {
            Some(user) => self.limiter.check(user, now),
            None => Ok(()),
        }
    }
}

/// The friendly ephemeral refusal of a rate-limited user.
pub fn slow_down(wait: Duration) -> Reply {
    let seconds = wait.as_secs().max(1);
    Reply::error(
        "One moment",
        &format!("You're asking quickly — try again in {seconds} s."),
    )
}
