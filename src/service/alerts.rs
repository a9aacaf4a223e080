//! Job alerts carried out: `/me alerts on|off`, the alerts a newly posted job queues in the
//! outbox (its server's audience matched in memory: `audience`, kept up to date by `cache`),
//! and the service's half of delivery: due alerts claimed and prepared as DMs (the job as it
//! stands now; a removed or expired one is settled unsent), then settled as the edge reports
//! what Discord said. The edge (`discord::alerts`) sends; this decides what and to whom.

pub mod audience;
mod cache;

use std::sync::Arc;

use crate::advisor::alerts::{self as render, AlertDm};
use crate::advisor::matching::{fit_percent, skill_keys};
use crate::advisor::Problem;
use crate::commands::request::BoardRequest;
use crate::jobs::model::{Board, Job};
use crate::jobs::request::JobFilter;
use crate::jobs::rights::{Caller, Standing};
use crate::knowledge::{KnowledgeBase, Role};
use crate::members::alerts::{AlertFilter, DMS_CLOSED};
use crate::members::request::AlertsRequest;
use crate::members::store::outbox::{Budget, Claimed, Queued};
use crate::members::store::ProfileStore;
use crate::members::MemberProblem;
use crate::reply::{Component, Reply};
pub use cache::{AudienceReads, Audiences};

use super::{server_of, Outcome, Service};

/// A job just posted, whose alerts are still to queue: the front end hands it to
/// [`Service::queue_posted`] once the poster has their answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostedJob {
    job: Job,
    /// When it was posted (Unix seconds): the alerts' queueing time.
    at: i64,
}

impl PostedJob {
    pub(super) fn new(job: Job, at: i64) -> PostedJob {
        PostedJob { job, at }
    }
}

/// How the delivery worker delivers: the daily cap, how long a claim lasts, a batch's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryRules {
    pub per_day: u32,
    pub claim_seconds: i64,
    pub batch: usize,
}

/// A claimed alert, ready to send: to whom, with which nonce, saying what.
#[derive(Debug, Clone)]
pub struct DueAlert {
    claimed: Claimed,
    job: Job,
    role: Option<String>,
    matched: Vec<String>,
}

impl DueAlert {
    /// The member to DM (a Discord user id).
    pub fn user(&self) -> &str {
        &self.claimed.user
    }

    /// Failed attempts so far (rate limits not counted): the back-off grows with them.
    pub fn attempts(&self) -> i64 {
        self.claimed.attempts
    }

    /// The server the alert comes from.
    pub fn guild(&self) -> u64 {
        self.claimed.guild
    }

    /// The message's nonce: the same for every attempt at this alert, so Discord, asked to
    /// enforce it, makes one message of a DM sent twice (a crash between sending and marking).
    pub fn nonce(&self) -> String {
        format!("alert-{}", self.claimed.id)
    }

    /// The DM, naming the server as `server_name` (Discord's name for it, if it gave one).
    pub fn dm(&self, server_name: Option<&str>) -> Reply {
        render::dm(&AlertDm {
            job: &self.job,
            server_name,
            guild: self.claimed.guild,
            fit: self.claimed.fit,
            role: self.role.as_deref(),
            matched: &self.matched,
        })
    }
}

impl Service {
    /// The profile store, or the problem that says profiles are unavailable.
    async fn alert_store(&self) -> anyhow::Result<ProfileStore> {
        Ok(ProfileStore::on(self.boards.store().await?.database()))
    }

    /// `/me alerts on|off` for `caller` in their server.
    pub(super) async fn set_alerts(
        &self,
        profiles: &ProfileStore,
        request: &AlertsRequest,
        caller: &Caller,
        has_skills: bool,
        now: i64,
    ) -> Result<Reply, Problem> {
        let guild = server_of(caller);
        if guild == 0 {
            return Err(MemberProblem::AlertsOutsideServers.into());
        }
        match request {
            AlertsRequest::On {
                min_fit,
                level,
                remote,
            } => {
                if !has_skills {
                    return Err(MemberProblem::AlertsWithoutSkills.into());
                }
                let filter = AlertFilter {
                    min_fit: min_fit
                        .unwrap_or(AlertFilter::default().min_fit)
                        .clamp(1, 100),
                    level: level.clone(),
                    remote: *remote,
                };
                profiles
                    .alerts_on(&caller.user, guild, &filter, now)
                    .await
                    .map_err(unavailable)?;
                Ok(render::turned_on(&filter, self.alerts_per_day()))
            }
            AlertsRequest::Off => {
                let were_on = profiles
                    .alerts_off(&caller.user, guild, now)
                    .await
                    .map_err(unavailable)?;
                Ok(render::turned_off(were_on))
            }
        }
    }

    /// Queues an alert for every member of `job`'s server whom it fits; a failure is logged
    /// (the job is posted either way). How many were queued.
    /// Queues the alerts a posted job calls for, matched against its server's base as it is
    /// now (an `Arc`: its address tells a rebuilt base from the one an audience was read
    /// with). How many were queued.
    pub async fn queue_posted(&self, posted: PostedJob) -> u64 {
        let guild = u64::try_from(posted.job.board.id()).unwrap_or_default();
        let base = self.library.for_server(guild);
        self.queue_alerts(&base, &posted.job, posted.at).await
    }

    async fn queue_alerts(&self, kb: &Arc<KnowledgeBase>, job: &Job, now: i64) -> u64 {
        let Ok(guild) = u64::try_from(job.board.id()) else {
            return 0;
        };
        if guild == 0 {
            return 0;
        }
        match self.try_queue_alerts(kb, guild, job, now).await {
            Ok(queued) => {
                tracing::info!(guild, job = job.id, queued, "job alerts queued");
                queued
            }
            Err(error) => {
                tracing::error!(
                    guild,
                    job = job.id,
                    error = format!("{error:#}"),
                    "queueing job alerts failed"
                );
                0
            }
        }
    }

    async fn try_queue_alerts(
        &self,
        kb: &Arc<KnowledgeBase>,
        guild: u64,
        job: &Job,
        now: i64,
    ) -> anyhow::Result<u64> {
        let profiles = self.alert_store().await?;
        let found = self.who_to_alert(&profiles, kb, guild, job).await?;
        let queued: Vec<Queued> = found
            .into_iter()
            .map(|found| Queued {
                user: found.user,
                guild,
                job: job.id,
                fit: found.fit,
            })
            .collect();
        if queued.is_empty() {
            return Ok(0);
        }
        let added = profiles.enqueue(&queued, now).await?;
        self.alerts_queued.notify_one();
        Ok(added)
    }

    /// The members of `guild` whom `job` fits as they asked, from the audience in memory
    /// (brought up to date first: `cache`).
    pub async fn who_to_alert(
        &self,
        profiles: &ProfileStore,
        kb: &Arc<KnowledgeBase>,
        guild: u64,
        job: &Job,
    ) -> anyhow::Result<Vec<audience::Match>> {
        let audience = self.audience(profiles, kb, guild).await?;
        let roles = roles_of(kb, job);
        Ok(audience.as_ref().map_or_else(Vec::new, |audience| {
            audience.matching(&roles, job.draft.level.as_deref(), job.draft.remote)
        }))
    }

    /// Claims due alerts and prepares each DM: an alert whose job is gone is settled unsent,
    /// one over its member's daily cap waits for tomorrow.
    pub async fn claim_alerts(
        &self,
        rules: &DeliveryRules,
        now: i64,
    ) -> anyhow::Result<Vec<DueAlert>> {
        let profiles = self.alert_store().await?;
        let store = self.boards.store().await?;
        let mut due = Vec::new();
        for mut claimed in profiles
            .claim_due(rules.batch, rules.claim_seconds, now)
            .await?
        {
            let job = store.get(Board::server(claimed.guild), claimed.job).await?;
            let Some(job) = job.filter(|job| job.draft.expires_at.is_none_or(|at| at > now)) else {
                profiles.mark_unsent(&claimed, "gone", now).await?;
                continue;
            };
            if profiles
                .count_against_cap(&mut claimed, rules.per_day, now)
                .await?
                == Budget::Tomorrow
            {
                continue;
            }
            let skills = profiles.profile(&claimed.user).await?.skills;
            let kb = self.library.for_server(claimed.guild);
            let (role, matched) = why_it_fits(&kb, &job, &skills);
            due.push(DueAlert {
                claimed,
                job,
                role,
                matched,
            });
        }
        Ok(due)
    }

    /// Discord took the DM.
    pub async fn alert_sent(&self, alert: &DueAlert, now: i64) -> anyhow::Result<()> {
        let settled = self
            .alert_store()
            .await?
            .mark_sent(&alert.claimed, now)
            .await?;
        if !settled {
            tracing::warn!(
                alert = alert.claimed.id,
                "an alert's claim expired while it was sent"
            );
        }
        Ok(())
    }

    /// Discord could not take the DM now: due again at `due_at`; `failed` (not a rate limit)
    /// counts toward the back-off.
    pub async fn alert_later(
        &self,
        alert: &DueAlert,
        due_at: i64,
        failed: bool,
    ) -> anyhow::Result<()> {
        Ok(self
            .alert_store()
            .await?
            .retry_at(&alert.claimed, due_at, failed)
            .await?)
    }

    /// Discord refused to DM the member: their alerts pause (everywhere) until they turn them
    /// on again, and `/me show` says why.
    pub async fn alert_refused(&self, alert: &DueAlert, now: i64) -> anyhow::Result<()> {
        let profiles = self.alert_store().await?;
        profiles
            .pause_alerts(&alert.claimed.user, DMS_CLOSED, now)
            .await?;
        profiles.mark_unsent(&alert.claimed, "paused", now).await?;
        Ok(())
    }

    /// Deletes settled alerts older than a week and old daily counts.
    pub async fn tidy_alerts(&self, now: i64) -> anyhow::Result<()> {
        Ok(self.alert_store().await?.tidy_outbox(now).await?)
    }

    /// Resolves when a job queued alerts in this process (the worker then looks at once).
    pub async fn alerts_queued(&self) {
        self.alerts_queued.notified().await;
    }

    /// "Stop these alerts", clicked in a DM: the clicker's alerts in `guild` go off.
    pub async fn stop_alerts(
        &self,
        caller: &Caller,
        guild: u64,
        now: i64,
    ) -> Result<Reply, Problem> {
        let profiles = self.alert_store().await.map_err(logged)?;
        let were_on = profiles
            .alerts_off(&caller.user, guild, now)
            .await
            .map_err(unavailable)?;
        Ok(render::stopped(were_on))
    }

    /// "Show me similar jobs": `guild`'s jobs for the alert's roles, best fit first for the
    /// clicker's skills; only for a member with alerts in that server.
    pub async fn similar_jobs(
        &self,
        caller: &Caller,
        guild: u64,
        job: i64,
        now: i64,
    ) -> Result<Outcome, Problem> {
        let profiles = self.alert_store().await.map_err(logged)?;
        let has = profiles
            .has_alerts_in(&caller.user, guild)
            .await
            .map_err(unavailable)?;
        if !has {
            return Ok(render::not_yours().into());
        }
        let member = Caller {
            user: caller.user.clone(),
            board: Board::server(guild),
            standing: Standing::Outsider,
        };
        let store = self.boards.store().await.map_err(|e| logged(e.into()))?;
        let role = store
            .get(member.board, job)
            .await
            .map_err(|e| logged(e.into()))?
            .and_then(|job| job.draft.roles.first().cloned());
        let request = BoardRequest::Jobs {
            filter: JobFilter {
                role,
                by_fit: true,
                ..JobFilter::default()
            },
            page: 1,
        };
        let kb = self.knowledge_for(&member);
        let outcome = self.board(&kb, &request, &member, now, false).await?;
        Ok(Outcome::from(links_only(&outcome.reply).ephemeral(true)))
    }
}

/// `reply` with only its link buttons (to apply): its pager and menus carry `/jobs` lines,
/// which a click in a DM would read as the DM's own board, not the server's.
fn links_only(reply: &Reply) -> Reply {
    let mut kept = Reply::text(reply.content());
    for embed in reply.embeds() {
        kept.push_embed(embed.clone());
    }
    for row in reply.rows() {
        let links: Vec<Component> = row
            .iter()
            .filter(|component| component.custom_id().is_empty())
            .cloned()
            .collect();
        if !links.is_empty() {
            kept.push_buttons(links);
        }
    }
    kept
}

/// The job's roles the knowledge base knows.
fn roles_of<'k>(kb: &'k KnowledgeBase, job: &Job) -> Vec<&'k Role> {
    job.draft
        .roles
        .iter()
        .filter_map(|slug| kb.roles.iter().find(|role| role.slug == *slug))
        .collect()
}

/// The job's best-fitting role for `skills`, by name, and the role's skills they have.
fn why_it_fits(kb: &KnowledgeBase, job: &Job, skills: &[String]) -> (Option<String>, Vec<String>) {
    let keys = skill_keys(kb, &skills.join(", "));
    let best = roles_of(kb, job)
        .into_iter()
        .max_by_key(|role| fit_percent(role, &keys));
    match best {
        Some(role) => (
            Some(role.name.clone()),
            role.competencies
                .iter()
                .filter(|c| keys.binary_search(&c.key).is_ok())
                .map(|c| c.name.clone())
                .collect(),
        ),
        None => (None, Vec::new()),
    }
}

fn unavailable(error: crate::members::store::ProfileError) -> Problem {
    logged(error.into())
}

fn logged(error: anyhow::Error) -> Problem {
    tracing::error!(error = format!("{error:#}"), "alerts store failed");
    MemberProblem::Unavailable.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{ButtonStyle, Embed, SelectOption};

    #[test]
    fn similar_jobs_in_a_dm_keep_their_links_and_lose_every_command_line() {
        let mut listing = Reply::embed(Embed::new("Featured jobs"));
        let apply = Component::link("View / apply: Analyst", "https://example.com/apply")
            .expect("a web link");
        listing.push_buttons(vec![
            Component::button("Next", "/jobs fit:true page:2", ButtonStyle::Secondary),
            apply.clone(),
        ]);
        listing.push_select(Component::select(
            "menu:jobs-role",
            "Another role",
            vec![SelectOption::new(
                "Data Scientist",
                "/jobs role:data-scientist",
            )],
        ));
        let shown = links_only(&listing);
        assert_eq!(shown.embeds(), listing.embeds());
        assert_eq!(shown.rows(), [vec![apply]]);
    }
}
