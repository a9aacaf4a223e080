//! `/kb list`, `/kb remove` and `/kb history` decided: who may see or change a server's
//! articles, then the store. What they answer is [`super::replies`].
//!
//! Any member of the server may see its articles (they shape the answers everyone gets);
//! only mentors remove them or read who did what.

use super::model::{Article, ArticleEvent};
use super::rights::{Asker, Standing};
use super::store::gaps::Gap;
use super::store::votes::VotedDown;
use super::store::{TeachingError, TeachingStore};
use super::{problem_of, TeachingProblem};

/// How many changes `/kb history` reads: the latest ones, as many as one embed shows well.
pub const HISTORY_SHOWN: usize = 15;

/// The server's live articles, newest first.
pub async fn list(store: &TeachingStore, asker: &Asker) -> Result<Vec<Article>, TeachingProblem> {
    inside_a_server(asker)?;
    store.list(asker.guild).await.map_err(problem_of)
}

/// Removes article `id` for a mentor; returns it as it was.
pub async fn remove(
    store: &TeachingStore,
    id: i64,
    asker: &Asker,
    now: i64,
) -> Result<Article, TeachingProblem> {
    mentor_only(store, asker).await?;
    store
        .remove(asker.guild, id, &asker.user, now)
        .await
        .map_err(|error| match error {
            // Said with where to find the right number.
            TeachingError::NoSuchArticle(id) => TeachingProblem::Refused(format!(
                "there is no article #{id} on this server; `/kb list` shows their numbers"
            )),
            other => problem_of(other),
        })
}

/// The latest [`HISTORY_SHOWN`] additions and removals, newest first, for a mentor.
pub async fn history(
    store: &TeachingStore,
    asker: &Asker,
) -> Result<Vec<ArticleEvent>, TeachingProblem> {
    mentor_only(store, asker).await?;
    store
        .history(asker.guild, HISTORY_SHOWN)
        .await
        .map_err(problem_of)
}

/// Gaps `/kb gaps` shows: the most asked, within one embed.
pub const GAPS_SHOWN: usize = 15;

/// One line of `/kb gaps`: what members asked that no article answered, or an answer they
/// voted down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shortfall {
    Unanswered(Gap),
    VotedDown(VotedDown),
}

impl Shortfall {
    /// How many asks or down votes.
    pub fn count(&self) -> i64 {
        match self {
            Shortfall::Unanswered(gap) => gap.asks,
            Shortfall::VotedDown(voted) => voted.votes,
        }
    }

    /// When the last one was.
    pub fn last_at(&self) -> i64 {
        match self {
            Shortfall::Unanswered(gap) => gap.last_at,
            Shortfall::VotedDown(voted) => voted.last_at,
        }
    }
}

/// What members asked that the server's knowledge base could not answer and the answers
/// they voted down, the most frequent first (then the most recent), for a mentor.
pub async fn gaps(store: &TeachingStore, asker: &Asker) -> Result<Vec<Shortfall>, TeachingProblem> {
    mentor_only(store, asker).await?;
    let guild = asker.guild;
    let unanswered = store.gaps(guild, GAPS_SHOWN).await.map_err(problem_of)?;
    let voted_down = store
        .voted_down(guild, GAPS_SHOWN)
        .await
        .map_err(problem_of)?;
    let mut all: Vec<Shortfall> = unanswered
        .into_iter()
        .map(Shortfall::Unanswered)
        .chain(voted_down.into_iter().map(Shortfall::VotedDown))
        .collect();
    // Stable: among equals, unanswered questions stay before voted-down answers.
    all.sort_by(|a, b| {
        b.count()
            .cmp(&a.count())
            .then(b.last_at().cmp(&a.last_at()))
    });
    all.truncate(GAPS_SHOWN);
    Ok(all)
}

/// Articles belong to a server: a DM has none to show or change.
fn inside_a_server(asker: &Asker) -> Result<(), TeachingProblem> {
    if asker.standing == Standing::Outsider {
        return Err(TeachingProblem::NotAllowed(
            "Articles are added to a server: use `/kb` inside the server.",
        ));
    }
    Ok(())
}

/// Mentors (the server's mentor role) and server managers; the settings are read on every
/// call, so a role taken away takes the right with it at once.
pub async fn mentor_only(store: &TeachingStore, asker: &Asker) -> Result<(), TeachingProblem> {
    inside_a_server(asker)?;
    let settings = store.settings(asker.guild).await.map_err(problem_of)?;
    if !asker.standing.may_teach(&settings) {
        return Err(TeachingProblem::NotAllowed(
            "Only mentors (the role `/kb setup` names) and members with Manage Server can do this.",
        ));
    }
    Ok(())
}
