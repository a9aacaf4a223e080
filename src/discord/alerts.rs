//! Job alerts at the edge: the delivery worker, which claims due alerts from the service,
//! DMs each through Discord's REST API (`dm`) and reports what Discord said; and the two
//! buttons of an alert DM, clicked in the member's DMs on either front end.
//!
//! Delivery is at least once: an alert is marked sent only after Discord took it, so a
//! process killed in between sends it again once its claim expires. Each message carries a
//! nonce of its own with `enforce_nonce`, which Discord uses to make one message of two sends
//! with the same nonce within minutes: the second send of such a crash is that one message.

pub mod dm;

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

use super::interaction::Incoming;
use super::json::{self, InteractionResponse};
use super::{caller_of, Bot};
use crate::members::alerts::AlertButton;
use crate::reply::Reply;
use crate::service::alerts::{DeliveryRules, DueAlert};
use crate::service::unix_now;
use dm::{DirectMessages, Sent};

/// How often the worker looks for due alerts when nothing woke it.
const POLL: Duration = Duration::from_secs(1);
/// How often settled alerts and old daily counts are deleted.
const TIDY_EVERY: Duration = Duration::from_secs(60 * 60);
/// The longest back-off after failures; an alert is tried again at least this often.
const BACKOFF_MAX_SECONDS: i64 = 60 * 60;

/// Delivers alerts for as long as the process runs.
pub async fn deliver(bot: Arc<Bot>, dms: DirectMessages, rules: DeliveryRules) {
    tracing::info!(per_day = rules.per_day, "delivering job alerts");
    let mut last_tidy: Option<std::time::Instant> = None;
    loop {
        if last_tidy.is_none_or(|at| at.elapsed() >= TIDY_EVERY) {
            if let Err(error) = bot.service().tidy_alerts(unix_now()).await {
                tracing::warn!(
                    error = format!("{error:#}"),
                    "tidying the alert outbox failed"
                );
            }
            last_tidy = Some(std::time::Instant::now());
        }
        let delivered = deliver_batch(&bot, &dms, &rules).await;
        if delivered == 0 {
            tokio::select! {
                () = tokio::time::sleep(POLL) => {}
                () = bot.service().alerts_queued() => {}
            }
        }
    }
}

/// Claims and sends one batch; how many alerts it claimed.
async fn deliver_batch(bot: &Bot, dms: &DirectMessages, rules: &DeliveryRules) -> usize {
    let due = match bot.service().claim_alerts(rules, unix_now()).await {
        Ok(due) => due,
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "claiming job alerts failed");
            return 0;
        }
    };
    let claimed = due.len();
    let mut alerts = due.into_iter();
    while let Some(alert) = alerts.next() {
        let sent = send(dms, &alert).await;
        if let Err(error) = settle(bot, &alert, &sent).await {
            // The claim expires and the alert is tried again.
            tracing::error!(
                error = format!("{error:#}"),
                "recording an alert's delivery failed"
            );
        }
        if let Sent::Wait(wait) = sent {
            // Discord said to wait: the rest of the batch waits as long, released now.
            let due_at = unix_now() + seconds_up(wait);
            for later in alerts.by_ref() {
                if let Err(error) = bot.service().alert_later(&later, due_at, false).await {
                    tracing::error!(
                        error = format!("{error:#}"),
                        "releasing a rate-limited alert failed"
                    );
                }
            }
            tokio::time::sleep(wait).await;
        }
    }
    claimed
}

async fn send(dms: &DirectMessages, alert: &DueAlert) -> Sent {
    let server = dms.server_name(alert.guild()).await;
    let body = dm_body(&alert.dm(server.as_deref()), &alert.nonce());
    let sent = dms.send(alert.user(), &body).await;
    crate::telemetry::dm_delivery(match sent {
        Sent::Delivered => "delivered",
        Sent::Wait(_) => "rate_limited",
        Sent::Refused => "refused",
        Sent::Failed(_) => "failed",
    });
    sent
}

/// Records what Discord did with `alert`.
async fn settle(bot: &Bot, alert: &DueAlert, sent: &Sent) -> anyhow::Result<()> {
    let service = bot.service();
    let now = unix_now();
    match sent {
        Sent::Delivered => service.alert_sent(alert, now).await,
        Sent::Wait(wait) => {
            tracing::info!(
                wait_ms = wait.as_millis() as u64,
                "Discord rate-limited an alert DM"
            );
            service
                .alert_later(alert, now + seconds_up(*wait), false)
                .await
        }
        Sent::Refused => {
            tracing::info!(
                guild = alert.guild(),
                "Discord refused an alert DM: the member's alerts pause"
            );
            service.alert_refused(alert, now).await
        }
        Sent::Failed(why) => {
            let delay = backoff_seconds(alert.attempts());
            tracing::warn!(%why, retry_in_s = delay, "an alert DM failed; it will be tried again");
            service.alert_later(alert, now + delay, true).await
        }
    }
}

/// The message body of an alert DM: the reply as any message (no mentions), with the
/// alert's nonce enforced.
pub fn dm_body(reply: &Reply, nonce: &str) -> Value {
    let mut body = serde_json::to_value(json::message(reply)).unwrap_or_default();
    if let Some(object) = body.as_object_mut() {
        object.insert("nonce".into(), json!(nonce));
        object.insert("enforce_nonce".into(), json!(true));
    }
    body
}

/// Seconds to wait after `attempts` failures: 5 s doubling, at most an hour.
pub fn backoff_seconds(attempts: i64) -> i64 {
    let doubled = 5i64.saturating_mul(1i64 << attempts.clamp(0, 20));
    doubled.min(BACKOFF_MAX_SECONDS)
}

/// A wait in whole seconds, rounded up (the outbox's clock counts seconds).
fn seconds_up(wait: Duration) -> i64 {
    i64::try_from(wait.as_millis().div_ceil(1000)).unwrap_or(BACKOFF_MAX_SECONDS)
}

impl Bot {
    /// "Stop these alerts" or "Show me similar jobs", clicked under an alert DM: answered to
    /// the clicker alone, the alert left as it was. A forged id is refused.
    pub(super) async fn alert_button(
        &self,
        incoming: &Incoming,
        line: &str,
        unix_now: i64,
    ) -> InteractionResponse {
        let caller = caller_of(incoming);
        let answered = match AlertButton::parse(line) {
            Some(AlertButton::Stop { guild }) => {
                self.service().stop_alerts(&caller, guild, unix_now).await
            }
            Some(AlertButton::Similar { guild, job }) => self
                .service()
                .similar_jobs(&caller, guild, job, unix_now)
                .await
                .map(|outcome| outcome.reply),
            None => Ok(Reply::error(
                "That button didn't work",
                "It is not one rolecall put under an alert. `/me show` lists your alerts.",
            )),
        };
        InteractionResponse::Message(answered.unwrap_or_else(|problem| problem.reply()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_from_five_seconds_to_an_hour() {
        assert_eq!(backoff_seconds(0), 5);
        assert_eq!(backoff_seconds(1), 10);
        assert_eq!(backoff_seconds(3), 40);
        assert_eq!(backoff_seconds(12), 3600);
        assert_eq!(backoff_seconds(i64::MAX), 3600);
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(seconds_up(Duration::from_millis(1)), 1);
        assert_eq!(seconds_up(Duration::from_millis(1000)), 1);
        assert_eq!(seconds_up(Duration::from_millis(1500)), 2);
    }

    #[test]
    fn a_dm_carries_its_nonce_enforced_and_pings_no_one() {
        let body = dm_body(&Reply::text("a job"), "alert-12");
        assert_eq!(body["nonce"], "alert-12");
        assert_eq!(body["enforce_nonce"], true);
        assert_eq!(body["allowed_mentions"], json!({ "parse": [] }));
    }
}
