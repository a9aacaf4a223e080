//! Why a request could not be answered, and what the asker sees instead: an ephemeral reply
//! that says what to do next, with the choices to do it where there are some.

use super::clarify::{Choice, Clarification};
use super::next;
use crate::commands::InvocationError;
use crate::jobs::board::BoardProblem;
use crate::knowledge::UnknownRole;
use crate::members::MemberProblem;
use crate::reply::{colour, escape_user_text, ButtonStyle, Component, Embed, Reply, SelectOption};
use crate::teaching::TeachingProblem;

/// Names the "Pick a role…" menu of a clarifying question; its options carry the lines.
pub const WHICH_ROLE_MENU: &str = "menu:which-role";

impl From<UnknownRole> for Problem {
    fn from(unknown: UnknownRole) -> Problem {
        Problem::UnknownRole(unknown, Vec::new())
    }
}

/// Why a request could not be answered; each becomes an ephemeral reply saying what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// A role nobody knows, with the lines that ask again with each suggestion in its place.
    #[error("{0}")]
    UnknownRole(UnknownRole, Vec<Choice>),
    #[error("both roles are {0}")]
    SameRole(String),
    #[error(transparent)]
    Invalid(#[from] InvocationError),
    #[error("no skill recognised in \"{0}\"")]
    NoSkills(String),
    #[error("empty question")]
    Empty,
    /// A role is needed and none is clear: the question to ask and the roles to pick from.
    #[error("which role? {}", .0.question)]
    WhichRole(Clarification),
    /// A question read more than one way, none clearly first: the readings to pick from.
    #[error("which reading? {}", .0.question)]
    WhichReading(Clarification),
    /// A job-board call refused: the field to correct, the missing right, the missing job.
    #[error(transparent)]
    Board(#[from] BoardProblem),
    /// A teaching call refused: the missing right, or the store's reason.
    #[error(transparent)]
    Teaching(#[from] TeachingProblem),
    /// A profile not saved, or not there when a command needed it.
    #[error(transparent)]
    Member(#[from] MemberProblem),
}

impl Problem {
    /// The reply shown to the user: a sentence, then what to try next.
    pub fn reply(&self) -> Reply {
        match self {
            Problem::UnknownRole(unknown, retry) => {
                let mut text = format!("I don't know the role **{}**.", escape_user_text(&unknown.query));
                if !unknown.suggestions.is_empty() {
                    text.push_str(&format!(" Did you mean {}?", or_list(&unknown.suggestions)));
                }
                text.push_str("\nUse `/roles` to see every role I know.");
                let mut reply = Reply::error("Unknown role", &text);
                reply.push_buttons(
                    retry
                        .iter()
                        .map(|choice| Component::button(&choice.label, &choice.line, ButtonStyle::Primary))
                        .collect(),
                );
                reply
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
            Problem::WhichRole(clarification) => {
                let mut text = clarification.question.clone();
                if clarification.choices.is_empty() {
                    text.push_str("\nName it in your command, e.g. `/role role:data scientist`, or see `/roles`.");
                }
                let mut reply = Reply::error("Which role?", &text);
                let options = clarification
                    .choices
                    .iter()
                    .map(|choice| SelectOption::new(&choice.label, &choice.line))
                    .collect();
                reply.push_select(Component::select(WHICH_ROLE_MENU, "Pick a role…", options));
                reply
            }
            Problem::WhichReading(clarification) => {
                let mut reply = Reply::embed(
                    Embed::new("Which do you mean?")
                        .colour(colour::INFO)
                        .description(&clarification.question),
                )
                .ephemeral(true);
                reply.push_buttons(
                    clarification
                        .choices
                        .iter()
                        .map(|choice| next::button(&choice.label, &choice.line))
                        .collect(),
                );
                reply
            }
            Problem::Board(problem) => board_problem_reply(problem),
            Problem::Teaching(problem) => teaching_problem_reply(problem),
            Problem::Member(problem) => member_problem_reply(problem),
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

fn teaching_problem_reply(problem: &TeachingProblem) -> Reply {
    match problem {
        TeachingProblem::NotAllowed(what) => Reply::error("Not allowed", what),
        TeachingProblem::Refused(reason) => {
            Reply::error("Not done", &format!("{}.", capitalise(reason)))
        }
        TeachingProblem::Unavailable => Reply::error(
            "Teaching unavailable",
            "The server's articles can't be reached right now; nothing was changed. Try again in a minute.",
        ),
    }
}

fn member_problem_reply(problem: &MemberProblem) -> Reply {
    match problem {
        MemberProblem::Profile(problem) => {
            Reply::error("Not saved", &format!("{}.", capitalise(&problem.to_string())))
        }
        MemberProblem::NoProfile => Reply::error(
            "Which skills?",
            "Give your skills (`/match skills:python, sql`), or save them once with `/me skills set:python, sql, tableau` and leave them out from then on.",
        ),
        MemberProblem::AlertsOutsideServers => Reply::error(
            "Alerts are set in a server",
            "Job alerts are for one server's featured jobs: run `/me alerts on` in that server. The alerts themselves come here, to your DMs.",
        ),
        MemberProblem::AlertsWithoutSkills => Reply::error(
            "Which skills?",
            "Alerts match new jobs to your saved skills: save them first with `/me skills set:python, sql, tableau`, then run `/me alerts on` again.",
        ),
        MemberProblem::Unavailable => Reply::error(
            "Profiles unavailable",
            "Your profile can't be reached right now; nothing was changed. Try again in a minute.",
        ),
    }
}

/// "A, B or C".
pub(super) fn or_list(items: &[String]) -> String {
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

pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
