//! What members asked that their server's knowledge base could not answer, noted for the
//! server's mentors (`/kb gaps`): a role no article covers, skills nobody names, a question
//! read more than one way. Only in servers, only the subject, never who asked; a failure to
//! note one is logged and never changes the answer.

use crate::advisor::Problem;
use crate::jobs::rights::Caller;
use crate::knowledge::KnowledgeBase;
use crate::teaching::store::gaps::{subject_of, GapKind};
use crate::teaching::store::TeachingStore;

use super::{server_of, Service};

impl Service {
    /// Notes `problem` (the answer to `question`, when it was a question in plain words) as
    /// a gap of the caller's server, if it is one.
    pub(super) async fn note_gap(
        &self,
        caller: &Caller,
        problem: &Problem,
        question: Option<&str>,
        now: i64,
    ) {
        let guild = server_of(caller);
        let Some((kind, subject)) = gap_of(problem, question).filter(|_| guild != 0) else {
            return;
        };
        let noted = match self.teaching_store().await {
            Ok(store) => store
                .record_gap(guild, kind, &subject, now)
                .await
                .map_err(anyhow::Error::from),
            Err(error) => Err(anyhow::Error::from(error)),
        };
        if let Err(error) = noted {
            tracing::warn!(
                guild,
                error = format!("{error:#}"),
                "a knowledge gap could not be noted"
            );
        }
    }
}

/// The gap `problem` shows, if it shows one.
fn gap_of(problem: &Problem, question: Option<&str>) -> Option<(GapKind, String)> {
    let (kind, subject) = match problem {
        Problem::UnknownRole(unknown, _) => (GapKind::UnknownRole, subject_of(&unknown.query)),
        Problem::NoSkills(skills) => (GapKind::UnknownSkills, subject_of(skills)),
        Problem::WhichRole(_) | Problem::WhichReading(_) => {
            (GapKind::Unclear, subject_of(question?))
        }
        _ => return None,
    };
    (!subject.is_empty()).then_some((kind, subject))
}

/// Forgets the server's unknown-role gaps that `kb` (its new base) now answers.
pub(super) async fn forget_answered(store: &TeachingStore, guild: u64, kb: &KnowledgeBase) {
    let forgotten = store
        .forget_answered_gaps(guild, GapKind::UnknownRole, |role| {
            kb.recognise(role).is_some()
        })
        .await;
    if let Err(error) = forgotten {
        let error = anyhow::Error::from(error);
        tracing::warn!(
            guild,
            error = format!("{error:#}"),
            "answered gaps could not be forgotten"
        );
    }
}
