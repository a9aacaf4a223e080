//! Reloading the shipped knowledge base, as the service carries it out for SIGHUP and for
//! `/kb reload` (the bot's owners only): the library re-reads and swaps, and what it did is
//! logged (counts, paths and the documents' warnings; never a setting's value).

use crate::advisor::teaching as render;
use crate::knowledge::building::reload::ReloadReport;
use crate::reply::Reply;
use crate::teaching::rights::{Asker, Owners};
use crate::teaching::TeachingProblem;

use super::Service;

impl Service {
    /// The bot's owners, who may reload the knowledge base from Discord.
    pub fn owners(&self) -> &Owners {
        &self.owners
    }

    /// Re-reads the shipped documents and swaps the shipped base and every server's own
    /// base, or keeps the last good ones; logs and returns what it did.
    pub async fn reload(&self) -> ReloadReport {
        let report = self.library.reload().await;
        log(&report);
        report
    }

    /// `/kb reload`: the reload's report for an owner, or a refusal for anyone else.
    pub(super) async fn reload_for(&self, asker: &Asker) -> Result<Reply, TeachingProblem> {
        if !self.owners.include(asker) {
            return Err(TeachingProblem::NotAllowed(
                "Only the bot's owners can reload the knowledge base (the application's owner, or the ids in ROLECALL_OWNERS).",
            ));
        }
        tracing::info!(user = %asker.user, "knowledge base reload asked for");
        Ok(render::reloaded(&self.reload().await))
    }
}

fn log(report: &ReloadReport) {
    match report {
        ReloadReport::Reloaded(reloaded) => {
            for warning in &reloaded.warnings {
                tracing::warn!(%warning, "knowledge document");
            }
            tracing::info!(
                origin = %reloaded.origin,
                documents = reloaded.documents,
                roles_before = reloaded.roles_before,
                roles_after = reloaded.roles_after,
                warnings = reloaded.warnings.len(),
                servers_rebuilt = ?reloaded.servers_rebuilt,
                servers_kept = ?reloaded.servers_kept,
                "knowledge base reloaded"
            );
            crate::telemetry::knowledge_loaded(super::unix_now());
        }
        ReloadReport::Kept(kept) => {
            for warning in &kept.warnings {
                tracing::warn!(%warning, "knowledge document");
            }
            tracing::warn!(
                reason = %kept.reason,
                roles = kept.roles,
                "kept the last good knowledge base"
            );
        }
    }
}
