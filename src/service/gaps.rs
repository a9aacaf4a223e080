//! What members asked that their server's knowledge base could not answer, noted for the
//! server's mentors (`/kb gaps`): a role no article covers, skills nobody names, a question
//! read more than one way, an aspect of a role the articles say nothing about. Only in
//! servers, only the subject, never who asked; a failure to note one is logged and never
//! changes the answer.

use crate::advisor::{aspect::says_nothing, Problem};
use crate::commands::request::KnowledgeRequest;
use crate::jobs::rights::Caller;
use crate::knowledge::{KnowledgeBase, Role, Section};
use crate::teaching::store::gaps::{aspect_of_subject, aspect_subject, subject_of, GapKind};
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
        if let Some((kind, subject)) = gap_of(problem, question) {
            self.note(caller, kind, &subject, now).await;
        }
    }

    /// Notes each aspect `request` (answered from `kb`) asked about that the articles say
    /// nothing about for its role.
    pub(super) async fn note_empty_aspects(
        &self,
        caller: &Caller,
        kb: &KnowledgeBase,
        request: &KnowledgeRequest,
        now: i64,
    ) {
        for (role, aspect) in empty_aspects(kb, request) {
            let subject = aspect_subject(&role.slug, aspect.key());
            self.note(caller, GapKind::EmptyAspect, &subject, now).await;
        }
    }

    /// Counts one more ask of `subject` in the caller's server (none outside servers).
    async fn note(&self, caller: &Caller, kind: GapKind, subject: &str, now: i64) {
        let guild = server_of(caller);
        if guild == 0 {
            return;
        }
        let noted = match self.teaching_store().await {
            Ok(store) => store
                .record_gap(guild, kind, subject, now)
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

/// The roles of `request` whose asked aspect the articles say nothing about. ("How it
/// differs" is a comparison's, never one role's.)
fn empty_aspects<'k>(
    kb: &'k KnowledgeBase,
    request: &KnowledgeRequest,
) -> Vec<(&'k Role, Section)> {
    let (named, aspect) = match request {
        KnowledgeRequest::Role {
            role,
            aspect: Some(aspect),
            ..
        } => (vec![role], *aspect),
        KnowledgeRequest::Compare {
            a,
            b,
            aspect: Some(aspect),
        } => (vec![a, b], *aspect),
        _ => return Vec::new(),
    };
    if aspect == Section::Differences {
        return Vec::new();
    }
    named
        .into_iter()
        .filter_map(|name| kb.recognise(name))
        .filter(|role| says_nothing(kb, role, aspect))
        .map(|role| (role, aspect))
        .collect()
}

/// Forgets the server's unknown-role and empty-aspect gaps that `kb` (its new base) now
/// answers.
pub(super) async fn forget_answered(store: &TeachingStore, guild: u64, kb: &KnowledgeBase) {
    let has_facts = |subject: &str| {
        let Some((slug, key)) = aspect_of_subject(subject) else {
            return false;
        };
        match (kb.exact(slug), Section::from_key(key)) {
            (Some(role), Some(aspect)) => !says_nothing(kb, role, aspect),
            _ => false,
        }
    };
    let roles = store.forget_answered_gaps(guild, GapKind::UnknownRole, |role| {
        kb.recognise(role).is_some()
    });
    let forgotten = match roles.await {
        Ok(_) => {
            store
                .forget_answered_gaps(guild, GapKind::EmptyAspect, has_facts)
                .await
        }
        Err(error) => Err(error),
    };
    if let Err(error) = forgotten {
        let error = anyhow::Error::from(error);
        tracing::warn!(
            guild,
            error = format!("{error:#}"),
            "answered gaps could not be forgotten"
        );
    }
}
