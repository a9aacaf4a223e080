//! `/me` as the service carries it out, and the profile standing in for skills a command
//! was not given (`/match` with none, `/path` with neither a role nor skills to start from).
//! Profiles live in the boards' database; answers about them are the member's alone.

use crate::advisor::matching::{fit_percent, skill_keys};
use crate::advisor::{me as render, Problem};
use crate::commands::request::KnowledgeRequest;
use crate::jobs::rights::Caller;
use crate::knowledge::KnowledgeBase;
use crate::members::model::{self, Profile};
use crate::members::request::MeRequest;
use crate::members::store::{ProfileError, ProfileStore};
use crate::members::MemberProblem;
use crate::reply::Reply;

use super::Service;

impl Service {
    /// The profile store, in the job store's database (opened and migrated on first use).
    async fn profiles(&self) -> Result<ProfileStore, Problem> {
        match self.boards.store().await {
            Ok(store) => Ok(ProfileStore::on(store.database())),
            Err(error) => Err(logged(anyhow::Error::from(error))),
        }
    }

    /// Answers a `/me` request, privately.
    pub(super) async fn me(
        &self,
        kb: &KnowledgeBase,
        request: &MeRequest,
        caller: &Caller,
        now: i64,
    ) -> Result<Reply, Problem> {
        let profiles = self.profiles().await?;
        let profile = profiles.profile(&caller.user).await.map_err(unavailable)?;
        let alerts = || async {
            profiles
                .alert_status(&caller.user)
                .await
                .map_err(unavailable)
        };
        match request {
            MeRequest::Skills { set, add, remove } => {
                let Some(skills) = changed(&profile, set, add, remove)? else {
                    return Ok(render::profile(kb, &profile, &alerts().await?, false));
                };
                profiles
                    .save(&caller.user, &skills, now)
                    .await
                    .map_err(unavailable)?;
                let saved = Profile {
                    skills,
                    updated_at: now,
                };
                Ok(render::profile(kb, &saved, &alerts().await?, true))
            }
            MeRequest::Show => Ok(render::profile(kb, &profile, &alerts().await?, false)),
            MeRequest::Alerts(request) => {
                let has_skills = !profile.skills.is_empty();
                self.set_alerts(&profiles, request, caller, has_skills, now)
                    .await
            }
            MeRequest::Forget => Ok(render::forget_confirm()),
            MeRequest::Export => {
                let export = profiles.export(&caller.user).await.map_err(unavailable)?;
                Ok(render::export(&export))
            }
        }
    }

    /// `/me forget`'s confirming click: the clicker is forgotten.
    pub async fn forget_me(&self, caller: &Caller) -> Result<Reply, Problem> {
        let profiles = self.profiles().await?;
        let forgotten = profiles.forget(&caller.user).await.map_err(unavailable)?;
        Ok(render::forgotten(forgotten.is_some()))
    }

    /// How well each role fits the caller's saved skills (role slug, percent; the roles they
    /// do not fit at all left out), for `/jobs fit:true`; refused when none are saved.
    pub(super) async fn profile_fits(
        &self,
        kb: &KnowledgeBase,
        caller: &Caller,
    ) -> Result<Vec<(String, usize)>, Problem> {
        let profile = self
            .profiles()
            .await?
            .profile(&caller.user)
            .await
            .map_err(unavailable)?;
        if profile.skills.is_empty() {
            return Err(MemberProblem::NoProfile.into());
        }
        let keys = skill_keys(kb, &profile.skills.join(", "));
        Ok(kb
            .roles
            .iter()
            .map(|role| (role.slug.clone(), fit_percent(role, &keys)))
            .filter(|(_, fit)| *fit > 0)
            .collect())
    }

    /// `request`, with the caller's saved skills where it needs skills and was given none;
    /// `None` when it needs none or was given some. Refused when it needs them and none
    /// are saved.
    pub(super) async fn with_profile(
        &self,
        request: &KnowledgeRequest,
        caller: &Caller,
    ) -> Result<Option<KnowledgeRequest>, Problem> {
        let needs_profile = match request {
            KnowledgeRequest::Match { skills } => skills.trim().is_empty(),
            KnowledgeRequest::Path { from, skills, .. } => from.is_none() && skills.is_none(),
            _ => false,
        };
        if !needs_profile {
            return Ok(None);
        }
        let profile = match self.profiles().await {
            Ok(profiles) => profiles.profile(&caller.user).await.map_err(unavailable),
            Err(problem) => Err(problem),
        };
        let profile = match (profile, request) {
            (Ok(profile), _) => profile,
            // A path with no start is answered without one (what the role needs) even when
            // profiles cannot be read; `/match` has nothing to answer from.
            (Err(_), KnowledgeRequest::Path { .. }) => Profile::default(),
            (Err(problem), _) => return Err(problem),
        };
        if profile.skills.is_empty() {
            return match request {
                // A path with no start is still answered: what the role needs.
                KnowledgeRequest::Path { .. } => Ok(None),
                _ => Err(MemberProblem::NoProfile.into()),
            };
        }
        let saved = profile.skills.join(", ");
        Ok(Some(match request {
            KnowledgeRequest::Match { .. } => KnowledgeRequest::Match { skills: saved },
            KnowledgeRequest::Path { to, .. } => KnowledgeRequest::Path {
                from: None,
                to: to.clone(),
                skills: Some(saved),
            },
            other => other.clone(),
        }))
    }
}

/// The profile's skills after `set`, then `add`, then `remove`; `None` when none was given.
fn changed(
    profile: &Profile,
    set: &Option<String>,
    add: &Option<String>,
    remove: &Option<String>,
) -> Result<Option<Vec<String>>, MemberProblem> {
    if set.is_none() && add.is_none() && remove.is_none() {
        return Ok(None);
    }
    let mut skills = match set {
        Some(list) => model::skill_list(list)?,
        None => profile.skills.clone(),
    };
    if let Some(list) = add {
        skills = model::with_added(&skills, &model::skill_list(list)?)?;
    }
    if let Some(list) = remove {
        skills = model::without(&skills, &model::skill_list(list)?);
    }
    Ok(Some(skills))
}

fn unavailable(error: ProfileError) -> Problem {
    logged(anyhow::Error::from(error))
}

fn logged(error: anyhow::Error) -> Problem {
    tracing::error!(error = format!("{error:#}"), "profile store failed");
    crate::telemetry::store_error("profiles");
    MemberProblem::Unavailable.into()
}
