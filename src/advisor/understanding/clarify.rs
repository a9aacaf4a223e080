//! Never guess a role: when a request needs one that is missing, ambiguous or unknown, ask,
//! with the likely roles to pick from. Each choice carries the whole command line that
//! answers it, so picking one is answered as the typed command would be.

use crate::advisor::Problem;
use crate::commands::invocation::{ArgValue, Invocation};
use crate::commands::request::{KnowledgeRequest, Request};
use crate::commands::{self, CommandId};
use crate::knowledge::text::words::split_words;
use crate::knowledge::{KnowledgeBase, Role};
use crate::reply::escape_user_text;

/// A role to pick, and the command line that answers with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub line: String,
}

/// A short question and the roles to choose from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clarification {
    pub question: String,
    pub choices: Vec<Choice>,
}

/// At most this many roles are offered: a select menu's 25.
const MOST: usize = 25;

/// The call `given` lacks the role option `option`: ask for it, offering the roles most
/// like the one it names (or every role), each completing the call.
pub fn missing_role(kb: &KnowledgeBase, given: &Invocation, option: &'static str) -> Problem {
    let command = commands::spec(given.command);
    // A role the call does give but no article knows is the first thing to say: a menu
    // completing the call would carry it, and every choice would be refused.
    let is_role_option = |name: &str| {
        command
            .option(name)
            .is_some_and(|spec| spec.autocomplete == commands::Autocomplete::Role)
    };
    for (name, value) in &given.args {
        if let (true, ArgValue::Str(text)) = (is_role_option(name), value) {
            if let Err(unknown) = kb.resolve(text) {
                return unknown.into();
            }
        }
    }
    // A role option is read as the answer will read it ("ML Eng or" is the Machine Learning
    // Engineer), so that role is not offered again: `/path` from and to it is refused.
    let named: Vec<&Role> = given
        .args
        .iter()
        .filter_map(|(name, value)| match value {
            ArgValue::Str(text) if is_role_option(name) => kb.resolve(text).ok(),
            ArgValue::Str(text) => kb.names_a_role(text),
            _ => None,
        })
        .collect();
    let question = match (given.command, named.first()) {
        (CommandId::Compare, Some(role)) => {
            format!("Compare **{}** with which role?", role.name)
        }
        (CommandId::Compare, None) => "Compare which two roles? Pick the first.".to_owned(),
        (CommandId::Path, _) => "Which role do you want to move to?".to_owned(),
        // Listed, not `_`: a new command that takes a role is asked for here too.
        (
            CommandId::Skills
            | CommandId::Role
            | CommandId::Roles
            | CommandId::Match
            | CommandId::Ask
            | CommandId::Search
            | CommandId::Jobs
            | CommandId::Salary
            | CommandId::Kb
            | CommandId::Me
            | CommandId::Help
            | CommandId::Job,
            _,
        ) => format!("Which role should `/{}` answer for?", command.name),
    };
    let candidates = likely_roles(kb, named.first().copied(), MOST + named.len());
    let choices = candidates
        .into_iter()
        .filter(|role| !named.iter().any(|n| n.slug == role.slug))
        .filter_map(|role| {
            let mut call = given.clone();
            call.args.push((option, ArgValue::Str(role.slug.clone())));
            let line = line_of(&Request::from(&call))?;
            Some(Choice {
                label: role.name.clone(),
                line,
            })
        })
        .take(MOST)
        .collect();
    Problem::WhichRole(Clarification { question, choices })
}

/// A question that needs a role and names none clearly: ask which of `candidates` (every
/// role when there are none) it means, each choice making `request` for that role.
pub fn which_role_for(
    kb: &KnowledgeBase,
    part: Option<&str>,
    candidates: &[String],
    request: impl Fn(&Role) -> Request,
) -> Problem {
    let roles: Vec<&Role> = if candidates.is_empty() {
        likely_roles(kb, None, MOST)
    } else {
        candidates
            .iter()
            .filter_map(|slug| kb.exact(slug))
            .collect()
    };
    let is_part_of_names = |part: &str| {
        let words: Vec<String> = split_words(part).map(str::to_lowercase).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        !kb.roles_with_name_part(&words).is_empty()
    };
    let question = match part {
        Some(part) if is_part_of_names(part) => {
            format!("Which role do you mean by \"{}\"?", escape_user_text(part))
        }
        // A role no article covers: say so, and offer the closest there are.
        Some(part) => format!(
            "The articles do not cover \"{}\". Did you mean one of these?",
            escape_user_text(part)
        ),
        None => "Which role do you mean? Pick one, or name it in your question.".to_owned(),
    };
    let choices = roles
        .into_iter()
        .filter_map(|role| {
            Some(Choice {
                label: role.name.clone(),
                line: line_of(&request(role))?,
            })
        })
        .take(MOST)
        .collect();
    Problem::WhichRole(Clarification { question, choices })
}

/// The `most` roles to offer when one is missing: those sharing the most skills and tools
/// with `near`, then the rest by name; roles by name when there is nothing to be near.
/// Only the few offered are sorted, however many roles the knowledge base holds.
fn likely_roles<'k>(kb: &'k KnowledgeBase, near: Option<&Role>, most: usize) -> Vec<&'k Role> {
    let shared = |role: &Role| {
        near.map_or(0, |near| {
            near.competencies
                .iter()
                .filter(|c| role.has_competency(&c.key))
                .count()
        })
    };
    let mut scored: Vec<(usize, &Role)> = kb.roles.iter().map(|r| (shared(r), r)).collect();
    let order = |a: &(usize, &Role), b: &(usize, &Role)| {
        // ASCII folding is enough to order names for a menu, and cheap enough for thousands.
        fn lower(role: &Role) -> impl Iterator<Item = u8> + '_ {
            role.name.bytes().map(|b| b.to_ascii_lowercase())
        }
        b.0.cmp(&a.0)
            .then_with(|| lower(a.1).cmp(lower(b.1)))
            .then_with(|| a.1.slug.cmp(&b.1.slug))
    };
    if scored.len() > most {
        scored.select_nth_unstable_by(most, order);
        scored.truncate(most);
    }
    scored.sort_unstable_by(order);
    scored.into_iter().map(|(_, role)| role).collect()
}

/// The line a choice carries, if the request has one (a change to the job board or to
/// teaching has none).
fn line_of(request: &Request) -> Option<String> {
    match request {
        Request::Knowledge(request) => Some(request.line()),
        Request::Board(request) => request.line(),
        Request::Teaching(_) | Request::Member(_) | Request::Ask { .. } => None,
    }
}

/// The knowledge request for `role` in place of the value `typed` wherever `request` has it.
pub fn with_role(request: &KnowledgeRequest, typed: &str, role: &Role) -> KnowledgeRequest {
    use KnowledgeRequest as K;
    let swap = |value: &String| {
        if value == typed {
            role.slug.clone()
        } else {
            value.clone()
        }
    };
    match request {
        K::Compare { a, b, aspect } => K::Compare {
            a: swap(a),
            b: swap(b),
            aspect: *aspect,
        },
        K::Skills { role: r } => K::Skills { role: swap(r) },
        K::Role {
            role: r,
            aspect,
            focus,
            page,
        } => K::Role {
            role: swap(r),
            aspect: *aspect,
            focus: focus.clone(),
            page: *page,
        },
        K::Path { from, to, skills } => K::Path {
            from: from.as_ref().map(swap),
            to: swap(to),
            skills: skills.clone(),
        },
        other => other.clone(),
    }
}
