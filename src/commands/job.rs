//! `/job`: the moderators' command, its sub-commands and their options, and how a call
//! becomes a typed [`JobRequest`]. The fields' bounds and choices come from the job board's
//! model, so Discord and rolecall refuse the same things.

use super::options::{boolean, required, role, server_object, string, subcommand, PRIVATE};
use super::{
    Audience, Choice, CommandId, CommandSpec, Cost, HelpGroup, Invocation, OptionKind, OptionSpec,
    Reach,
};
use crate::jobs::model::{self, Term};
use crate::jobs::request::{JobFields, JobRequest, SetupRequest};

const fn optional(spec: OptionSpec) -> OptionSpec {
    OptionSpec {
        required: false,
        ..spec
    }
}

const fn integer(name: &'static str, description: &'static str, min: i64, max: i64) -> OptionSpec {
    OptionSpec {
        kind: OptionKind::Integer,
        min_length: None,
        max_length: None,
        min_value: Some(min),
        max_value: Some(max),
        ..string(name, description)
    }
}

/// The board's terms as a command's choices: the label shown, the key sent.
pub(super) const fn choices_of<const N: usize>(terms: [Term; N]) -> [Choice; N] {
    let mut out = [Choice {
        name: "",
        value: "",
    }; N];
    let mut i = 0;
    while i < N {
        out[i] = Choice {
            name: terms[i].label,
            value: terms[i].key,
        };
        i += 1;
    }
    out
}

const EMPLOYMENT_CHOICES: [Choice; model::EMPLOYMENT_TYPES.len()] =
    choices_of(model::EMPLOYMENT_TYPES);
const CURRENCY_CHOICES: [Choice; model::CURRENCIES.len()] = choices_of(model::CURRENCIES);

const fn choices(spec: OptionSpec, choices: &'static [Choice]) -> OptionSpec {
    OptionSpec {
        choices,
        max_length: Some(30),
        ..spec
    }
}

const fn limited(spec: OptionSpec, max_length: usize) -> OptionSpec {
    OptionSpec {
        max_length: Some(max_length as u16),
        ..spec
    }
}

/// A job's id, as listings show it (`#12`), up to the largest integer Discord's options take
/// (2^53 − 1).
const JOB_ID: OptionSpec = required(integer(
    "id",
    "The job's number, as /jobs shows it (#12)",
    1,
    (1 << 53) - 1,
));

const TITLE: OptionSpec = limited(
    string("title", "Job title, e.g. Senior ML Engineer"),
    model::TEXT_MAX,
);
const COMPANY: OptionSpec = limited(string("company", "Hiring company"), model::TEXT_MAX);
const LOCATION: OptionSpec = limited(
    string("location", "City and country, or Remote"),
    model::TEXT_MAX,
);
const REMOTE: OptionSpec = boolean("remote", "Can the job be done remotely?");
const EMPLOYMENT: OptionSpec = choices(
    string("employment_type", "Full time, contract…"),
    &EMPLOYMENT_CHOICES,
);
/// The job levels, as `/jobs` and `/job` offer them.
pub(super) const LEVEL_CHOICES: [Choice; model::LEVELS.len()] = choices_of(model::LEVELS);

const LEVEL: OptionSpec = choices(string("level", "Seniority"), &LEVEL_CHOICES);
const SALARY_MIN: OptionSpec = integer(
    "salary_min",
    "Lowest yearly salary, in whole units",
    1,
    model::SALARY_MAX,
);
const SALARY_MAX: OptionSpec = integer(
    "salary_max",
    "Highest yearly salary, in whole units",
    1,
    model::SALARY_MAX,
);
const CURRENCY: OptionSpec = choices(string("currency", "Salary currency"), &CURRENCY_CHOICES);
const APPLY_URL: OptionSpec = limited(
    string("apply_url", "Where to apply (https://…)"),
    model::URL_MAX,
);
const ROLE_TAG: OptionSpec = optional(role("role", "The career role this job is for"));
const ROLE_TAG_2: OptionSpec = optional(role("role_2", "Another role this job is for"));
const ROLE_TAG_3: OptionSpec = optional(role("role_3", "A third role this job is for"));
const EXPIRES: OptionSpec = limited(string("expires", "Last day it is listed, YYYY-MM-DD"), 10);

/// The `/job` command.
pub const COMMAND: CommandSpec = CommandSpec {
    id: CommandId::Job,
    audience: Audience::Moderators,
    help_group: HelpGroup::Moderators,
    example: "/job post title:ML Engineer company:Acme location:Berlin remote:true",
    cost: Cost::Expensive,
    reach: Reach::InstallingServers,
    name: "job",
    description: "Moderators: post, edit and remove featured jobs",
    bare_order: &[],
    options: &[
        subcommand(
            "post",
            "Post a featured job",
            &[
                required(TITLE),
                required(COMPANY),
                required(LOCATION),
                required(REMOTE),
                EMPLOYMENT,
                LEVEL,
                SALARY_MIN,
                SALARY_MAX,
                CURRENCY,
                APPLY_URL,
                ROLE_TAG,
                ROLE_TAG_2,
                ROLE_TAG_3,
                EXPIRES,
                PRIVATE,
            ],
        ),
        subcommand(
            "edit",
            "Change a featured job; options left out stay as they are",
            &[
                JOB_ID, TITLE, COMPANY, LOCATION, REMOTE, EMPLOYMENT, LEVEL, SALARY_MIN,
                SALARY_MAX, CURRENCY, APPLY_URL, ROLE_TAG, ROLE_TAG_2, ROLE_TAG_3, EXPIRES,
                PRIVATE,
            ],
        ),
        subcommand(
            "remove",
            "Take a featured job off the board",
            &[JOB_ID, PRIVATE],
        ),
        subcommand(
            "setup",
            "Server managers: who moderates jobs, where new jobs are announced",
            &[
                server_object(
                    OptionKind::ServerRole,
                    "moderator_role",
                    "Members with this role may manage jobs",
                ),
                server_object(
                    OptionKind::Channel,
                    "announce_channel",
                    "Announce new jobs in this channel",
                ),
                boolean("reset", "Forget both settings"),
                PRIVATE,
            ],
        ),
    ],
};

/// The typed request of a checked `/job` call. The call was checked against the command's
/// definition, so its sub-command and required options are there; a value that is not reads
/// as absent, for the board to refuse.
pub fn request(inv: &Invocation) -> JobRequest {
    let id = inv.int("id").unwrap_or_default();
    match inv.subcommand {
        Some("edit") => JobRequest::Edit {
            id,
            fields: fields(inv),
        },
        Some("remove") => JobRequest::Remove { id },
        Some("setup") => JobRequest::Setup(SetupRequest {
            moderator_role: inv.id("moderator_role"),
            announce_channel: inv.id("announce_channel"),
            reset: inv.bool("reset") == Some(true),
        }),
        _ => JobRequest::Post(fields(inv)),
    }
}

/// The job fields a `/job post` or `/job edit` call gives.
pub fn fields(inv: &Invocation) -> JobFields {
    let text = |name: &str| inv.str(name).map(str::to_owned);
    JobFields {
        title: text("title"),
        company: text("company"),
        location: text("location"),
        remote: inv.bool("remote"),
        employment_type: text("employment_type"),
        level: text("level"),
        salary_min: inv.int("salary_min"),
        salary_max: inv.int("salary_max"),
        currency: text("currency"),
        apply_url: text("apply_url"),
        role_tags: ["role", "role_2", "role_3"].map(text),
        expires: text("expires"),
    }
}
