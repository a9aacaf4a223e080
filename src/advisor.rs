//! Answers: a typed request and the knowledge base in, a [`Reply`] out.
//!
//! One module per command family. Nothing here knows about Discord beyond the reply model,
//! so every answer is tested without a token.

pub mod about;
pub mod compare;
pub mod intent;
pub mod jobs;
pub mod matching;
pub mod path;
pub mod profile;
pub mod roles;

use crate::commands::request::{Call, KnowledgeRequest};
use crate::commands::{self, CommandId, InvocationError, Request};
use crate::jobs::board::BoardProblem;
use crate::knowledge::{ArticleId, Fact, KnowledgeBase, Role, UnknownRole};
use crate::reply::{escape_user_text, limits, Reply};
use intent::Understood;

/// Why a request could not be answered; each becomes an ephemeral reply saying what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error(transparent)]
    UnknownRole(#[from] UnknownRole),
    #[error("both roles are {0}")]
    SameRole(String),
    #[error(transparent)]
    Invalid(#[from] InvocationError),
    #[error("no skill recognised in \"{0}\"")]
    NoSkills(String),
    #[error("empty question")]
    Empty,
    /// A question that needs a role names none (and none was just discussed): the command
    /// whose example to show.
    #[error("no role named for /{}", commands::spec(*.0).name)]
    WhichRole(CommandId),
    /// A job-board call refused: the field to correct, the missing right, the missing job.
    #[error(transparent)]
    Board(#[from] BoardProblem),
}

impl Problem {
    /// The reply shown to the user: a sentence, then what to try next.
    pub fn reply(&self) -> Reply {
        match self {
            Problem::UnknownRole(unknown) => {
                let mut text = format!("I don't know the role **{}**.", escape_user_text(&unknown.query));
                if !unknown.suggestions.is_empty() {
                    text.push_str(&format!(" Did you mean {}?", or_list(&unknown.suggestions)));
                }
                text.push_str("\nUse `/roles` to see every role I know.");
                Reply::error("Unknown role", &text)
            }
            Problem::SameRole(name) => Reply::error(
                "Same role twice",
                &format!(
                    "Both names mean **{name}**. Pick two different roles, e.g. `/compare role_a:{name} role_b:data specialist`."
                ),
            ),
            Problem::Invalid(error) => Reply::error(
                "I couldn't read that command",
                &format!("{}.\nSee `/help` for examples.", capitalise(&error.to_string())),
            ),
            Problem::NoSkills(text) => Reply::error(
                "No skills recognised",
                &format!(
                    "I couldn't find a skill or tool in \"{}\". List them separated by commas, e.g. `/match skills:python, sql, tableau`.",
                    escape_user_text(text)
                ),
            ),
            Problem::Empty => Reply::error(
                "Ask me something",
                "Try `/compare role_a:ml engineer role_b:data specialist`, or ask in plain words: \"skills for mlops?\"",
            ),
            Problem::WhichRole(command) => Reply::error(
                "Which role?",
                &format!(
                    "Your question doesn't name a role I know. Try `{}`.",
                    about::example(commands::spec(*command).name)
                ),
            ),
            Problem::Board(problem) => board_problem_reply(problem),
        }
    }
}

fn board_problem_reply(problem: &BoardProblem) -> Reply {
    match problem {
        BoardProblem::Field(error) => Reply::error(
            "Please fix one field",
            &format!("{}.", capitalise(&error.to_string())),
        ),
        BoardProblem::NotAllowed(what) => Reply::error("Not allowed", what),
        BoardProblem::NoSuchJob(id) => Reply::error(
            "No such job",
            &format!("There is no job #{id} on this server's board. `/jobs` lists them with their numbers."),
        ),
        BoardProblem::Unavailable => Reply::error(
            "Job board unavailable",
            "The job board can't be reached right now; nothing was changed. Try again in a minute.",
        ),
    }
}

/// Reads a line as typed into a call: a slash command, or `/ask` for a question in plain
/// words. Control characters are dropped; a question longer than `/ask` takes is refused.
pub fn read_line(line: &str) -> Result<Call, Problem> {
    let cleaned: String = line
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect();
    let line = cleaned.trim();
    if line.is_empty() {
        return Err(Problem::Empty);
    }
    if line.starts_with('/') {
        let invocation = commands::parse_line(line)?;
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
            question: line.to_owned(),
        },
        private: false,
    })
}

/// What answering `request` takes: the knowledge base, the job board, or (a question in
/// plain words that no command fits) nothing more.
pub fn understand(kb: &KnowledgeBase, request: &Request) -> Result<Understood, Problem> {
    Ok(match request {
        Request::Knowledge(request) => Understood::Knowledge(request.clone()),
        Request::Board(request) => Understood::Board(request.clone()),
        Request::Ask { question } => intent::interpret(kb, question, None)?.understood,
    })
}

/// Answers a question from the knowledge base alone.
pub fn answer(kb: &KnowledgeBase, request: &KnowledgeRequest) -> Result<Reply, Problem> {
    Ok(match request {
        KnowledgeRequest::Compare { a, b, aspect } => compare::compare(kb, a, b, *aspect)?,
        KnowledgeRequest::Skills { role } => profile::skills(kb, kb.resolve(role)?),
        KnowledgeRequest::Role { role, page } => profile::role(kb, kb.resolve(role)?, *page),
        KnowledgeRequest::Roles { filter, page } => roles::roles(kb, filter.as_deref(), *page),
        KnowledgeRequest::Path { from, to } => path::path(kb, from, to)?,
        KnowledgeRequest::Match { skills } => matching::match_skills(kb, skills)?,
        KnowledgeRequest::KbStats => about::stats(kb),
        KnowledgeRequest::Help => about::help(),
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

/// "Sources: A vs. B · C vs. D" for the articles behind `sources`.
fn sources_footer(kb: &KnowledgeBase, sources: &[ArticleId]) -> String {
    let mut ids: Vec<ArticleId> = Vec::new();
    for &id in sources {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return String::new();
    }
    format!("Sources: {}", kb.source_titles(&ids).join(" · "))
}

/// "A, B or C".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => format!("**{one}**"),
        [init @ .., last] => format!(
            "{} or **{last}**",
            init.iter()
                .map(|i| format!("**{i}**"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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
