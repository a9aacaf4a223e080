//! Every command's definition, in one table ([`COMMANDS`]), with the options several
//! commands share. The types they are made of are the parent module's; the option builders
//! are in `options`.

use super::options::{
    boolean, page, required, role, server_object, string, subcommand, PRIVATE, ROLE_MAX,
};
use super::{
    job, Audience, Autocomplete, Choice, CommandId, CommandSpec, Cost, HelpGroup, OptionKind,
    OptionSpec, Reach,
};

/// A list of skills typed in one line, suggested from the skills the articles name.
const SKILL_LIST: OptionSpec = OptionSpec {
    max_length: Some(1000),
    autocomplete: Autocomplete::Skill,
    ..string("skills", "Skills, comma-separated")
};

impl OptionSpec {
    /// The same option under another name and description.
    const fn named(self, name: &'static str, description: &'static str) -> OptionSpec {
        OptionSpec {
            name,
            description,
            ..self
        }
    }
}

/// An added article's number, as `/kb list` shows it (`#12`), up to the largest integer
/// Discord's options take (2^53 − 1).
const ARTICLE_ID: OptionSpec = OptionSpec {
    kind: OptionKind::Integer,
    required: true,
    min_length: None,
    max_length: None,
    min_value: Some(1),
    max_value: Some((1 << 53) - 1),
    ..string("id", "The article's number, as /kb list shows it (#12)")
};

/// `/me alerts`' first option: `/me alerts on`, `/me alerts off` as typed.
const ALERTS_TURN: [Choice; 2] = [
    Choice {
        name: "on",
        value: "on",
    },
    Choice {
        name: "off",
        value: "off",
    },
];

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

/// Every command; `/help` lists each group's commands in this order.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        id: CommandId::Compare,
        audience: Audience::Everyone,
        help_group: HelpGroup::CompareRoles,
        example: "/compare role_a:ml engineer role_b:data specialist aspect:skills",
        cost: Cost::Expensive,
        reach: Reach::Anywhere,
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
        id: CommandId::Role,
        audience: Audience::Everyone,
        help_group: HelpGroup::LearnAboutARole,
        example: "/role role:data scientist aspect:education",
        cost: Cost::Expensive,
        reach: Reach::Anywhere,
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
        id: CommandId::Skills,
        audience: Audience::Everyone,
        help_group: HelpGroup::LearnAboutARole,
        example: "/skills role:mlops engineer",
        cost: Cost::Expensive,
        reach: Reach::Anywhere,
        name: "skills",
        description: "A role's skills and tools, grouped by category",
        bare_order: &[],
        options: &[role("role", "The role, e.g. mlops engineer"), PRIVATE],
    },
    CommandSpec {
        id: CommandId::Roles,
        audience: Audience::Everyone,
        help_group: HelpGroup::LearnAboutARole,
        example: "/roles filter:data",
        cost: Cost::Expensive,
        reach: Reach::Anywhere,
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
        help_group: HelpGroup::PlanAMove,
        example: "/path to:machine learning engineer skills:python, sql",
        cost: Cost::Expensive,
        reach: Reach::Anywhere,
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
        help_group: HelpGroup::PlanAMove,
        example: "/match skills:python, sql, tableau",
        cost: Cost::Expensive,
        reach: Reach::Anywhere,
        name: "match",
        description: "Which roles fit the skills you have",
        bare_order: &[],
        options: &[
            string(
                "skills",
                "Your skills, e.g. python, sql, tableau; none: the ones saved with /me",
            ),
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Ask,
        audience: Audience::Everyone,
        help_group: HelpGroup::AskInPlainWords,
        example: "/ask question:does a data scientist need a PhD?",
        cost: Cost::Expensive,
        reach: Reach::Anywhere,
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
        help_group: HelpGroup::LearnAboutARole,
        example: "/search query:model deployment",
        cost: Cost::Expensive,
        reach: Reach::Anywhere,
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
        help_group: HelpGroup::FindJobs,
        example: "/jobs level:senior remote:true",
        cost: Cost::Expensive,
        reach: Reach::InstallingServers,
        name: "jobs",
        description: "Browse featured jobs",
        bare_order: &[],
        options: &[
            OptionSpec {
                required: false,
                ..role("role", "Only jobs for this role")
            },
            OptionSpec {
                choices: &job::LEVEL_CHOICES,
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
            boolean(
                "fit",
                "Best fit for the skills you saved with /me first (only you see it)",
            ),
            page(),
            PRIVATE,
        ],
    },
    CommandSpec {
        id: CommandId::Salary,
        audience: Audience::Everyone,
        help_group: HelpGroup::FindJobs,
        example: "/salary role:data scientist",
        cost: Cost::Expensive,
        reach: Reach::InstallingServers,
        name: "salary",
        description: "Salary ranges for a role, from featured jobs",
        bare_order: &[],
        options: &[role("role", "The role, e.g. data engineer"), PRIVATE],
    },
    CommandSpec {
        id: CommandId::Kb,
        audience: Audience::Everyone,
        help_group: HelpGroup::AskInPlainWords,
        example: "/kb stats",
        cost: Cost::Cheap,
        reach: Reach::InstallingServers,
        name: "kb",
        description: "The knowledge base behind the answers",
        bare_order: &[],
        options: &[
            subcommand(
                "stats",
                "How many articles, roles, skills and jobs the bot knows",
                &[PRIVATE],
            ),
            // Always answered privately: it has no `private` option.
            subcommand(
                "setup",
                "Server managers: who may add articles, the answer forum; nothing given shows it",
                &[
                    server_object(
                        OptionKind::ServerRole,
                        "mentor_role",
                        "Members with this role may add and remove articles",
                    ),
                    server_object(
                        OptionKind::Channel,
                        "answer_forum",
                        "A forum channel whose new posts the bot answers when it is sure",
                    ),
                    boolean("forum_off", "Stop answering posts in the answer forum"),
                ],
            ),
            // With a file, previews it once downloaded (a deferred reply); without one,
            // opens a form for the article. Always private.
            subcommand(
                "add",
                "Mentors: teach this server a role from an article (a preview first)",
                &[server_object(
                    OptionKind::Attachment,
                    "article",
                    "A .txt or .md file of at most 512 KB; without one, a form opens",
                )],
            ),
            // These three are always answered privately too.
            subcommand(
                "list",
                "The articles this server added to the knowledge base",
                &[page()],
            ),
            subcommand(
                "remove",
                "Mentors: take an added article out, by its number in /kb list",
                &[ARTICLE_ID],
            ),
            subcommand(
                "history",
                "Mentors: the latest articles added and removed, and by whom",
                &[],
            ),
            subcommand(
                "gaps",
                "Mentors: what members asked that no article answers, most asked first",
                &[],
            ),
            // Refused (privately) to anyone but the bot's owners.
            subcommand(
                "reload",
                "Bot owners: read the shipped knowledge documents again",
                &[],
            ),
        ],
    },
    CommandSpec {
        id: CommandId::Me,
        audience: Audience::Everyone,
        help_group: HelpGroup::PlanAMove,
        example: "/me skills set:python, sql, tableau",
        cost: Cost::Cheap,
        reach: Reach::Anywhere,
        name: "me",
        description: "Your skill profile: saved once, used by /match and /path; only you see it",
        bare_order: &[],
        // Always answered privately: a profile is the member's alone.
        options: &[
            subcommand(
                "skills",
                "Save your skills; nothing given shows them",
                &[
                    SKILL_LIST.named("set", "Replace your skills, e.g. python, sql, tableau"),
                    SKILL_LIST.named("add", "Add skills, e.g. dbt, airflow"),
                    SKILL_LIST.named("remove", "Remove skills, e.g. tableau"),
                ],
            ),
            subcommand(
                "show",
                "Your skills by kind, and the roles they fit best",
                &[],
            ),
            subcommand(
                "forget",
                "Delete your profile and your name from rolecall's records (asks first)",
                &[],
            ),
            subcommand(
                "export",
                "Everything rolecall keeps about you, as a JSON file",
                &[],
            ),
            // In a server only (refused elsewhere): DMs about its new jobs that fit.
            subcommand(
                "alerts",
                "DM me this server's new jobs that fit my skills (on), or stop (off)",
                &[
                    OptionSpec {
                        choices: &ALERTS_TURN,
                        max_length: Some(3),
                        ..required(string("turn", "on or off"))
                    },
                    OptionSpec {
                        kind: OptionKind::Integer,
                        min_length: None,
                        max_length: None,
                        min_value: Some(1),
                        max_value: Some(100),
                        ..string(
                            "min_fit",
                            "The least fit, in percent, a job must reach (50 if not given)",
                        )
                    },
                    OptionSpec {
                        choices: &job::LEVEL_CHOICES,
                        max_length: Some(20),
                        ..string("level", "Only jobs at this level")
                    },
                    boolean(
                        "remote",
                        "Only remote jobs (true) or only on-site ones (false)",
                    ),
                ],
            ),
        ],
    },
    CommandSpec {
        id: CommandId::Help,
        audience: Audience::Everyone,
        help_group: HelpGroup::AskInPlainWords,
        example: "/help",
        cost: Cost::Cheap,
        reach: Reach::Anywhere,
        name: "help",
        description: "What rolecall can do, with examples",
        bare_order: &[],
        options: &[PRIVATE],
    },
    job::COMMAND,
];
