//! `/job`: the moderators' command, its sub-commands and their options. The fields' bounds
//! come from the job board's own checks, so Discord and rolecall refuse the same things.

use super::{
    boolean, required, role, string, subcommand, Audience, Choice, CommandId, CommandSpec,
    OptionKind, OptionSpec, PRIVATE,
};
use crate::jobs::{model, validate};

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

const fn server_object(
    kind: OptionKind,
    name: &'static str,
    description: &'static str,
) -> OptionSpec {
    OptionSpec {
        kind,
        min_length: None,
        max_length: None,
        ..string(name, description)
    }
}

/// A job's id, as listings show it (`#12`).
const JOB_ID: OptionSpec = required(integer(
    "id",
    "The job's number, as /jobs shows it (#12)",
    1,
    i64::MAX,
));

const TITLE: OptionSpec = limited(
    string("title", "Job title, e.g. Senior ML Engineer"),
    validate::TEXT_MAX,
);
const COMPANY: OptionSpec = limited(string("company", "Hiring company"), validate::TEXT_MAX);
const LOCATION: OptionSpec = limited(
    string("location", "City and country, or Remote"),
    validate::TEXT_MAX,
);
const REMOTE: OptionSpec = boolean("remote", "Can the job be done remotely?");
const EMPLOYMENT: OptionSpec = choices(
    string("employment_type", "Full time, contract…"),
    model::EMPLOYMENT_TYPES,
);
const LEVEL: OptionSpec = choices(string("level", "Seniority"), model::LEVELS);
const SALARY_MIN: OptionSpec = integer(
    "salary_min",
    "Lowest yearly salary, in whole units",
    1,
    validate::SALARY_MAX,
);
const SALARY_MAX: OptionSpec = integer(
    "salary_max",
    "Highest yearly salary, in whole units",
    1,
    validate::SALARY_MAX,
);
const CURRENCY: OptionSpec = choices(string("currency", "Salary currency"), model::CURRENCIES);
const APPLY_URL: OptionSpec = limited(
    string("apply_url", "Where to apply (https://…)"),
    validate::URL_MAX,
);
const ROLE_TAG: OptionSpec = optional(role("role", "The career role this job is for"));
const ROLE_TAG_2: OptionSpec = optional(role("role_2", "Another role this job is for"));
const ROLE_TAG_3: OptionSpec = optional(role("role_3", "A third role this job is for"));
const EXPIRES: OptionSpec = limited(string("expires", "Last day it is listed, YYYY-MM-DD"), 10);

/// The `/job` command.
pub const COMMAND: CommandSpec = CommandSpec {
    id: CommandId::Job,
    audience: Audience::Moderators,
    name: "job",
    description: "Moderators: post, edit and remove featured jobs",
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
