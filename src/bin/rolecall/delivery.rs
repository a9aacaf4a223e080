//! The job alerts' delivery worker, started beside `run` and `serve-http`: it needs the bot
//! token (an alert is a DM the bot sends), and talks to the same Discord (or fake) as the
//! rest of the process.

use std::sync::Arc;

use rolecall::config::Settings;
use rolecall::discord::alerts::{self, dm::DirectMessages};
use rolecall::discord::Bot;
use rolecall::service::alerts::DeliveryRules;

/// Alerts claimed at once: a batch is sent well within a claim.
const BATCH: usize = 10;

/// Reads every server's audience ahead in the background, then starts delivering the
/// outbox's alerts on `runtime`, unless there is no bot token to send them with (they wait
/// in the store, and the log says so).
pub fn deliver_alerts(
    runtime: &tokio::runtime::Runtime,
    bot: Arc<Bot>,
    settings: &Settings,
    api: Option<&str>,
) -> anyhow::Result<()> {
    bot.service().set_alerts_per_day(settings.alerts_per_day);
    runtime.spawn(warm_audiences(bot.clone()));
    let Some(token) = settings.discord_token.clone() else {
        tracing::warn!("job alerts are queued but not sent: DISCORD_TOKEN is not set");
        return Ok(());
    };
    let dms = DirectMessages::new(token, api)?;
    let rules = DeliveryRules {
        per_day: settings.alerts_per_day,
        claim_seconds: settings.alert_claim_seconds,
        batch: BATCH,
    };
    runtime.spawn(alerts::deliver(bot, dms, rules));
    Ok(())
}

/// Reads the audience of every server with alerts on, so that the first job posted after a
/// start is matched warm; when it cannot, each server's first job reads its own.
async fn warm_audiences(bot: Arc<Bot>) {
    match bot.service().warm_audiences().await {
        Ok(servers) => tracing::info!(servers, "job alerts' audiences read ahead"),
        Err(error) => tracing::warn!(
            error = format!("{error:#}"),
            "job alerts' audiences not read ahead; each server's first job reads its own"
        ),
    }
}
