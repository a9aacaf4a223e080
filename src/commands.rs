//! The one definition of every command: its name, description, options, and where `/help`
//! lists it with which example.
//!
//! Registration (`discord::registration`), gateway and HTTP dispatch, `rolecall ask` and
//! `/help` all read [`COMMANDS`]; a command line typed by a user becomes an [`Invocation`] checked against it
//! ([`parse_line`]), and then a typed [`Request`] for the advisor.

pub mod invocation;
pub mod job;
pub mod line;
pub mod message;
mod options;
pub mod request;
mod table;
pub mod vote;

pub use invocation::{ArgValue, Invocation, InvocationError};
pub use line::parse_line;
pub use options::{ROLE_MAX, TEXT_MAX};
pub use request::Request;
pub use table::{ASPECTS, COMMANDS};

/// Declares [`CommandId`] and [`CommandId::ALL`] from one list, so that `ALL` cannot miss
/// a command.
macro_rules! command_ids {
    ($($id:ident),+ $(,)?) => {
        /// Every command rolecall answers.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum CommandId {
            $($id),+
        }

        impl CommandId {
            /// Every command, in the order they are declared.
            pub const ALL: &'static [CommandId] = &[$(CommandId::$id),+];
        }
    };
}

command_ids![
    Compare, Skills, Role, Roles, Path, Match, Ask, Search, Jobs, Salary, Kb, Me, Help, Job
];

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
    /// A file the user uploads with the command; only an interaction carries one.
    Attachment,
}

/// Who a command is for: Discord shows it to them, and the bot checks again on every call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Everyone, in servers, DMs and user installs.
    Everyone,
    /// Moderators of a server (Manage Messages by default); never in DMs.
    Moderators,
}

/// Where `/help` lists a command: under what a member wants to do, or for moderators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpGroup {
    LearnAboutARole,
    CompareRoles,
    PlanAMove,
    FindJobs,
    AskInPlainWords,
    /// The commands of [`Audience::Moderators`], shown only to them.
    Moderators,
}

impl HelpGroup {
    /// Every group, in the order `/help` shows them.
    pub const ALL: [HelpGroup; 6] = [
        HelpGroup::LearnAboutARole,
        HelpGroup::CompareRoles,
        HelpGroup::PlanAMove,
        HelpGroup::FindJobs,
        HelpGroup::AskInPlainWords,
        HelpGroup::Moderators,
    ];

    /// The group's heading in `/help`.
    pub fn title(self) -> &'static str {
        match self {
            HelpGroup::LearnAboutARole => "Learn about a role",
            HelpGroup::CompareRoles => "Compare two roles",
            HelpGroup::PlanAMove => "Plan a move",
            HelpGroup::FindJobs => "Find jobs",
            HelpGroup::AskInPlainWords => "Ask in plain words",
            HelpGroup::Moderators => "For moderators",
        }
    }
}

/// What answering a command costs, which decides whether it is rate limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cost {
    /// Answered from counts the bot already holds: never rate limited.
    Cheap,
    /// Reads the articles or the job board: limited per user.
    Expensive,
}

/// Where a command can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Wherever the app is: in a server that installed it, and for a member who installed it
    /// to their account, in any server, DM or group DM (the knowledge and the member's own
    /// profile).
    Anywhere,
    /// Only in servers that installed the app (the job board, the server's articles).
    InstallingServers,
}

/// Which values an option suggests while the user types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Autocomplete {
    None,
    Role,
    /// The last item of a list of skills, from the skills the articles name.
    Skill,
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
    /// Where `/help` lists it.
    pub help_group: HelpGroup,
    /// The line `/help` shows under it, as a user would type it.
    pub example: &'static str,
    pub cost: Cost,
    pub reach: Reach,
}

// Checked when the crate compiles: every command has exactly one definition, so a new
// `CommandId` without one (or a definition given twice) does not build.
const _: () = {
    assert!(COMMANDS.len() == CommandId::ALL.len());
    let mut i = 0;
    while i < CommandId::ALL.len() {
        let mut definitions = 0;
        let mut j = 0;
        while j < COMMANDS.len() {
            // `==` is not const for a derived `PartialEq`; the discriminants are.
            if COMMANDS[j].id as usize == CommandId::ALL[i] as usize {
                definitions += 1;
            }
            j += 1;
        }
        assert!(
            definitions == 1,
            "every CommandId has one definition in COMMANDS"
        );
        i += 1;
    }
};

/// The definition of the command called `name` (as typed, without the slash).
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

/// The definition of `id`.
pub fn spec(id: CommandId) -> &'static CommandSpec {
    COMMANDS
        .iter()
        .find(|c| c.id == id)
        .expect("every CommandId has a definition in COMMANDS, checked when compiling")
}

impl CommandSpec {
    pub fn option(&self, name: &str) -> Option<&'static OptionSpec> {
        self.options.iter().find(|o| o.name == name)
    }
}

#[cfg(test)]
mod tests;
