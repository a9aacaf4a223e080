//! What mentors teach a server's knowledge base: who may teach ([`rights`]), what is asked
//! ([`request`]), drafts, articles and their history ([`model`]) and where they are kept
//! ([`store`], in the database the job board uses). The store keeps; [`set_up`], [`manage`],
//! [`adding`] and the rights decide; `advisor` shows the outcomes.
//!
//! Nothing here keeps who asked what: only what mentors chose to add, who added or removed
//! it, and when; and, for `/kb gaps`, the subjects of questions no article answered, with a
//! count and a time, and members' votes on answers (what the answer was about, never the
//! question; the voter only so that a second click changes their vote, never shown).

pub mod adding;
pub mod forum;
pub mod manage;
pub mod model;
pub mod request;
pub mod rights;
pub mod store;
pub mod upload;

use model::TeachingSettings;
use request::{ForumChoice, SetupRequest};
use rights::{Asker, Standing};
use store::{TeachingError, TeachingStore};

/// Why a teaching request was refused, in words for the person who made it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeachingProblem {
    #[error("{0}")]
    NotAllowed(&'static str),
    /// The store refused (already added, no such article, a draft gone or not theirs, a bad
    /// id): its reason, which is written for the asker.
    #[error("{0}")]
    Refused(String),
    /// The store failed; the details are in the log, not in the reply.
    #[error("teaching is unavailable")]
    Unavailable,
}

impl From<upload::UploadProblem> for TeachingProblem {
    fn from(problem: upload::UploadProblem) -> TeachingProblem {
        TeachingProblem::Refused(format!("This file can't be added: {problem}."))
    }
}

/// `/kb setup`: the settings, shown (to any member of the server) or changed (by server
/// managers only).
pub async fn set_up(
    store: &TeachingStore,
    request: &SetupRequest,
    asker: &Asker,
    now: i64,
) -> Result<TeachingSettings, TeachingProblem> {
    if asker.standing == Standing::Outsider {
        return Err(TeachingProblem::NotAllowed(
            "Mentors are chosen inside a server: use `/kb setup` there.",
        ));
    }
    if request.shows_only() {
        return store.settings(asker.guild).await.map_err(problem_of);
    }
    if !asker.standing.may_set_up() {
        return Err(TeachingProblem::NotAllowed(
            "Only members with the Manage Server or Administrator permission can choose the mentor role or the answer forum.",
        ));
    }
    let mut settings = store.settings(asker.guild).await.map_err(problem_of)?;
    if let Some(role) = request.mentor_role {
        settings = store
            .set_mentor_role(asker.guild, Some(role), &asker.user, now)
            .await
            .map_err(problem_of)?;
    }
    if let Some(choice) = request.answer_forum {
        let forum = match choice {
            ForumChoice::Answer(forum) => Some(forum),
            ForumChoice::Stop => None,
        };
        settings = store
            .set_answer_forum(asker.guild, forum, &asker.user, now)
            .await
            .map_err(problem_of)?;
    }
    Ok(settings)
}

/// A store error as the asker sees it: a refusal with its reason, a failure as
/// [`TeachingProblem::Unavailable`] (the cause goes to the log).
pub fn problem_of(error: TeachingError) -> TeachingProblem {
    match error {
        TeachingError::Open(_) | TeachingError::Database(_) => unavailable(error),
        refused => TeachingProblem::Refused(refused.to_string()),
    }
}

fn unavailable(error: TeachingError) -> TeachingProblem {
    let error = anyhow::Error::from(error);
    tracing::error!(error = format!("{error:#}"), "teaching store failed");
    crate::telemetry::store_error("teaching");
    TeachingProblem::Unavailable
}
