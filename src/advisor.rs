//! Answers: a typed request and the knowledge base in, a [`Reply`] out.
//!
//! One module per command family. Nothing here knows about Discord beyond the reply model,
//! so every answer is tested without a token.

pub mod answering;
pub mod composing;
pub mod problem;
pub mod understanding;

// The families of modules, by the way a question goes: understood, answered, composed. Their
// modules are also named here, as the rest of the crate and the tests know them.
pub use answering::{
    about, adding, alerts, articles, aspect, comparative, compare, forum, gaps, jobs, matching, me,
    path, profile, relayed, reverse, roles, search, teaching,
};
pub use composing::{feedback, focus, in_short, next, shown, sources, verdict};
pub use understanding::{clarify, confidence, intent, reader};

pub use problem::Problem;

use crate::commands::request::{Call, KnowledgeRequest};
use crate::commands::{self, Audience, InvocationError, Request};
use crate::knowledge::{Fact, KnowledgeBase, Role};
use crate::reply::escape::strip_mentions;
use crate::reply::{limits, Reply};
use intent::Understood;

/// Reads a line as typed into a call: a slash command, or `/ask` for a question in plain
/// words. Control characters are dropped; a question longer than `/ask` takes is refused;
/// bare values are role names only where the knowledge base knows them as such, and a
/// missing role is asked for.
pub fn read_line(kb: &KnowledgeBase, line: &str) -> Result<Call, Problem> {
    let cleaned: String = line
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect();
    let line = cleaned.trim();
    if line.is_empty() {
        return Err(Problem::Empty);
    }
    if line.starts_with('/') {
        let is_role = |phrase: &str| kb.naming(phrase);
        let invocation = commands::parse_line(line, &is_role).map_err(|e| problem_of(kb, e))?;
        return Ok(Call::from(&invocation));
    }
    let length = line.chars().count();
    if length > usize::from(commands::TEXT_MAX) {
        return Err(Problem::Invalid(InvocationError::Length {
            option: "question",
            bound: format!("1 to {}", commands::TEXT_MAX),
            actual: length,
        }));
    }
    Ok(Call {
        request: Request::Ask {
            question: strip_mentions(line),
        },
        private: None,
    })
}

/// What an invocation error means to the asker: a missing role is asked for, with the
/// roles to pick from; anything else is a command that could not be read.
pub fn problem_of(kb: &KnowledgeBase, error: InvocationError) -> Problem {
    match error {
        InvocationError::MissingRole { option, given, .. } => {
            clarify::missing_role(kb, &given, option)
        }
        other => Problem::Invalid(other),
    }
}

/// What answering `request` takes: the knowledge base, the job board, or (a question in
/// plain words that no command fits) nothing more.
pub fn understand(kb: &KnowledgeBase, request: &Request) -> Result<Understood, Problem> {
    Ok(match request {
        Request::Knowledge(request) => Understood::Knowledge(request.clone()),
        Request::Board(request) => Understood::Board(request.clone()),
        Request::Teaching(request) => Understood::Teaching(*request),
        Request::Member(request) => Understood::Member(request.clone()),
        Request::Ask { question } => intent::interpret(kb, question, None)?.understood,
    })
}

/// Answers a question from the knowledge base alone, for `audience` (what `/help` and
/// `/kb stats` show depends on it). A role value that names no role is refused with the
/// closest roles, each offered as the same request for it.
pub fn answer(
    kb: &KnowledgeBase,
    request: &KnowledgeRequest,
    audience: Audience,
) -> Result<Reply, Problem> {
    answer_request(kb, request, audience).map_err(|problem| match problem {
        Problem::UnknownRole(unknown, _) => {
            // Only retries that are answered: the request's other role may be unknown too.
            let retry = unknown
                .suggestions
                .iter()
                .filter_map(|name| kb.exact(name))
                .filter_map(|role| {
                    let retried = clarify::with_role(request, &unknown.query, role);
                    answer_request(kb, &retried, audience).ok()?;
                    Some(clarify::Choice {
                        label: role.name.clone(),
                        line: retried.line(),
                    })
                })
                .collect();
            Problem::UnknownRole(unknown, retry)
        }
        other => other,
    })
}

fn answer_request(
    kb: &KnowledgeBase,
    request: &KnowledgeRequest,
    audience: Audience,
) -> Result<Reply, Problem> {
    use KnowledgeRequest as K;
    Ok(match request {
        K::Compare { a, b, aspect } => compare::compare(kb, a, b, *aspect)?,
        K::Skills { role } => profile::skills(kb, kb.resolve(role)?),
        K::Role {
            role,
            aspect: None,
            page,
            ..
        } => profile::role(kb, kb.resolve(role)?, *page),
        K::Role {
            role,
            aspect: Some(section),
            focus,
            ..
        } => aspect::aspect(kb, kb.resolve(role)?, *section, focus.as_deref()),
        K::Roles { filter, page } => roles::roles(kb, filter.as_deref(), *page),
        K::Path { from, to, skills } => path::path(kb, from.as_deref(), to, skills.as_deref())?,
        K::Match { skills } => matching::match_skills(kb, skills)?,
        K::Needs { item } => reverse::needs(kb, item),
        K::Search { query } => search::search(kb, query),
        K::KbStats => about::stats(kb, audience),
        K::Help => about::help(audience),
    })
}

/// Role suggestions for an autocomplete request: (display name, value) pairs within
/// Discord's limits.
pub fn autocomplete(kb: &KnowledgeBase, typed: &str) -> Vec<(String, String)> {
    kb.complete(typed, limits::AUTOCOMPLETE_CHOICES)
        .into_iter()
        .map(|role| {
            (
                limits::clamp_non_empty(&role.name, limits::CHOICE_TEXT),
                limits::clamp_non_empty(&role.slug, limits::CHOICE_TEXT),
            )
        })
        .collect()
}

/// Lists of skills ending with a skill the articles name whose name starts like the list's
/// last item (`python, sq` → `python, SQL`), as (shown, value) pairs; none when a list
/// would not fit a choice.
pub fn skill_choices(kb: &KnowledgeBase, typed: &str) -> Vec<(String, String)> {
    let (kept, last) = match typed.rfind([',', ';']) {
        Some(cut) => (&typed[..=cut], typed[cut + 1..].trim()),
        None => ("", typed.trim()),
    };
    let kept = kept.trim_end();
    let last = last.to_lowercase();
    let mut names: Vec<&str> = kb
        .taxonomy
        .entries()
        .iter()
        .map(|entry| entry.name.as_str())
        .filter(|name| name.to_lowercase().starts_with(&last))
        .collect();
    names.sort_unstable_by_key(|name| (name.len(), name.to_lowercase()));
    names
        .into_iter()
        .map(|name| match kept {
            "" => name.to_owned(),
            kept => format!("{kept} {name}"),
        })
        .filter(|list| list.chars().count() <= limits::CHOICE_TEXT)
        .take(limits::AUTOCOMPLETE_CHOICES)
        .map(|list| (list.clone(), list))
        .collect()
}

/// The two roles of a comparison, refusing the same role twice.
fn two_roles<'k>(kb: &'k KnowledgeBase, a: &str, b: &str) -> Result<(&'k Role, &'k Role), Problem> {
    let (a, b) = (kb.resolve(a)?, kb.resolve(b)?);
    if a.slug == b.slug {
        return Err(Problem::SameRole(a.name.clone()));
    }
    Ok((a, b))
}

/// Fact texts, for bullet lists.
fn texts(facts: &[Fact]) -> Vec<String> {
    facts.iter().map(|f| f.text.clone()).collect()
}

/// The first sentence of `text`, at most `max` code points.
fn first_sentence(text: &str, max: usize) -> String {
    let end = text
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .find(|&i| i >= 20)
        .unwrap_or(text.len());
    limits::clamp(&text[..end], max)
}

#[cfg(test)]
mod tests;
