//! The one definition of every command: its name, description and options.
//!
//! Registration (`discord::registration`), gateway and HTTP dispatch and `rolecall ask` all
//! read [`COMMANDS`];
//! a command line typed by a user becomes an [`Invocation`] checked against it
//! ([`parse_line`]), and then a typed [`Request`] for the advisor.

pub mod invocation;
pub mod job;
pub mod line;
pub mod request;

pub use invocation::{ArgValue, Invocation, InvocationError};
pub use line::parse_line;
pub use request::Request;

use crate::jobs::model;

/// Every command rolecall answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommandId {
    Compare,
    Skills,
    Role,
    Roles,
    Path,
    Match,
    Ask,
    Search,
    Jobs,
    Salary,
    Kb,
    Help,
    Job,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    String,
    Integer,
    Boolean,
    /// A sub-command (`/kb stats`); its own options are in [`OptionSpec::options`].
    SubCommand,
    /// A channel of the server, read as its id (`<#123>` or `123` on a command line).
    Channel,
    /// A role of the server (not a career role), read as its id (`<@&123>` or `123`).
    ServerRole,
}

/// Who a command is for: Discord shows it to them, and the bot checks again on every call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Everyone, in servers, DMs and user installs.
    Everyone,
    /// Moderators of a server (Manage Messages by default); never in DMs.
    Moderators,
}

/// Which values an option suggests while the user types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Autocomplete {
    None,
    Role,
}

#[derive(Debug, Clone, Copy)]
pub struct Choice {
    pub name: &'static str,
    pub value: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: OptionKind,
    pub required: bool,
    pub choices: &'static [Choice],
    /// Code points; checked again on receipt, whatever Discord enforced.
    pub min_length: Option<u16>,
    pub max_length: Option<u16>,
    pub min_value: Option<i64>,
    pub max_value: Option<i64>,
    pub autocomplete: Autocomplete,
    pub options: &'static [OptionSpec],
}

#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub id: CommandId,
    pub audience: Audience,
    pub name: &'static str,
    pub description: &'static str,
    pub options: &'static [OptionSpec],
    /// The order bare values fill options in a typed line, where it is not the order of
    /// `options` (which Discord wants required first): `/path FROM TO`.
    pub bare_order: &'static [&'static str],
}

/// Longest role name a user may type.
pub const ROLE_MAX: u16 = 100;
/// Longest free-text question or skill list.
pub const TEXT_MAX: u16 = 500;

const fn string(name: &'static str, description: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind: OptionKind::String,
        required: false,
        choices: &[],
        min_length: Some(1),
        max_length: Some(TEXT_MAX),
        min_value: None,
        max_value: None,
        autocomplete: Autocomplete::None,
        options: &[],
    }
}

const fn role(name: &'static str, description: &'static str) -> OptionSpec {
    OptionSpec {
        required: true,
        max_length: Some(ROLE_MAX),
        autocomplete: Autocomplete::Role,
        ..string(name, description)
    }
}

const fn required(spec: OptionSpec) -> OptionSpec {
    OptionSpec {
        required: true,
        ..spec
    }
}

const fn boolean(name: &'static str, description: &'static str) -> OptionSpec {
    OptionSpec {
        kind: OptionKind::Boolean,
        min_length: None,
        max_length: None,
        ..string(name, description)
    }
}

const fn page() -> OptionSpec {
    OptionSpec {
        kind: OptionKind::Integer,
        min_length: None,
        max_length: None,
        min_value: Some(1),
        max_value: Some(1000),
        ..string("page", "Which page of the answer to show")
    }
}

const fn subcommand(
    name: &'static str,
    description: &'static str,
    options: &'static [OptionSpec],
) -> OptionSpec {
    OptionSpec {
        kind: OptionKind::SubCommand,
        min_length: None,
        max_length: None,
        options,
        ..string(name, description)
    }
}

const PRIVATE: OptionSpec = boolean("private", "Show the answer only to you");

/// The `aspect` choices of `/compare`, one per profile section.
pub const ASPECTS: &[Choice] = &[
    Choice {
        name: "Definition",
        value: "definition",
    },
    Choice {
        name: "Responsibilities",
        value: "responsibilities",
    },
    Choice {
        name: "Skills",
        value: "skills",
    },
    Choice {
        name: "Education",
        value: "education",
    },
    Choice {
        name: "Tools",
        value: "tools",
    },
    Choice {
        name: "Industries",
        value: "industries",
    },
    Choice {
        name: "Outlook",
        value: "outlook",
    },
    Choice {
        name: "Salary",
        value: "salary",
    },
    Choice {
        name: "Getting started",
        value: "tips",
    },
];

/// The job levels, as `/jobs` and `/job` offer them.
const LEVEL_CHOICES: [Choice; model::LEVELS.len()] = job::choices_of(model::LEVELS);

/// Every command, in the order `/help` lists them.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::Compare,
        audience: Audience::Everyone,
        name: "compare",
        description: "Compare two roles side by side",
        bare_order: &[],
        options: &[
            role("role_a", "The first role, e.g. machine learning engineer"),
            role("role_b", "The second role, e.g. data specialist"),
            OptionSpec {
                choices: ASPECTS,
                max_length: Some(20),
                ..string("aspect", "Narrow the comparison to one aspect")
            },
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Skills,
        audience: Audience::Everyone,
        name: "skills",
        description: "A role's skills and tools, grouped by category",
        bare_order: &[],
        options: &[role("role", "The role, e.g. mlops engineer"), PRIVATE],
    },
    CommandSpec {
        id: CommandId::Role,
        audience: Audience::Everyone,
        name: "role",
        description: "Everything known about one role, or one aspect of it",
        bare_order: &[],
        options: &[
            role("role", "The role, e.g. data scientist"),
            OptionSpec {
                choices: ASPECTS,
                max_length: Some(20),
                ..string("aspect", "Only this aspect, e.g. education")
            },
            page(),
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Roles,
        audience: Audience::Everyone,
        name: "roles",
        description: "Every known role with a one-line definition",
        bare_order: &[],
        options: &[
            OptionSpec {
                max_length: Some(ROLE_MAX),
                ..string("filter", "Only roles whose name contains this")
            },
            page(),
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Path,
        audience: Audience::Everyone,
        name: "path",
        description: "How to move to a role, from the role or the skills you have",
        bare_order: &["from", "to"],
        options: &[
            role("to", "The role you want"),
            OptionSpec {
                required: false,
                ..role("from", "The role you have now")
            },
            string("skills", "Or the skills you have, e.g. python, sql"),
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Match,
        audience: Audience::Everyone,
        name: "match",
        description: "Which roles fit the skills you have",
        bare_order: &[],
        options: &[
            required(string("skills", "Your skills, e.g. python, sql, tableau")),
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Ask,
        audience: Audience::Everyone,
        name: "ask",
        description: "Ask a career question in plain words",
        bare_order: &[],
        options: &[
            required(string(
                "question",
                "e.g. how do I move from data specialist to ml engineer?",
            )),
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Search,
        audience: Audience::Everyone,
        name: "search",
        description: "Find what the articles say about anything, e.g. feature engineering",
        bare_order: &[],
        options: &[
            required(string("query", "Words to look for, e.g. model deployment")),
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Jobs,
        audience: Audience::Everyone,
        name: "jobs",
        description: "Browse featured jobs",
        bare_order: &[],
        options: &[
            OptionSpec {
                required: false,
                ..role("role", "Only jobs for this role")
            },
            OptionSpec {
                choices: &LEVEL_CHOICES,
                max_length: Some(20),
                ..string("level", "Only jobs at this level")
            },
            boolean(
                "remote",
                "Only remote jobs (true) or only on-site ones (false)",
            ),
            OptionSpec {
                max_length: Some(ROLE_MAX),
                ..string("company", "Only jobs at this company")
            },
            page(),
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Salary,
        audience: Audience::Everyone,
        name: "salary",
        description: "Salary ranges for a role, from featured jobs",
        bare_order: &[],
        options: &[role("role", "The role, e.g. data engineer"), PRIVATE],
    },
    CommandSpec {
        id: CommandId::Kb,
        audience: Audience::Everyone,
        name: "kb",
        description: "The knowledge base behind the answers",
        bare_order: &[],
        options: &[subcommand(
            "stats",
            "How many articles, roles, skills and jobs the bot knows",
            &[PRIVATE],
        )],
    },
    CommandSpec {
        id: CommandId::Help,
        audience: Audience::Everyone,
        name: "help",
        description: "What rolecall can do, with examples",
        bare_order: &[],
        options: &[PRIVATE],
    },
    job::COMMAND,
];

/// The definition of the command called `name` (as typed, without the slash).
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

pub fn spec(id: CommandId) -> &'static CommandSpec {
    COMMANDS
        .iter()
        .find(|c| c.id == id)
        .expect("every CommandId has a definition in COMMANDS")
}

impl CommandSpec {
    pub fn option(&self, name: &str) -> Option<&'static OptionSpec> {
        self.options.iter().find(|o| o.name == name)
    }
}

#[cfg(test)]
mod tests;
