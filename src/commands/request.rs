//! What the user asked for, typed: the advisor's input.

use super::{CommandId, Invocation};
use crate::knowledge::Section;

/// A question for the advisor. Role names are as typed; the advisor resolves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Compare {
        a: String,
        b: String,
        aspect: Option<Section>,
    },
    Skills {
        role: String,
    },
    Role {
        role: String,
        page: usize,
    },
    Roles {
        filter: Option<String>,
        page: usize,
    },
    Path {
        from: String,
        to: String,
    },
    Match {
        skills: String,
    },
    Ask {
        question: String,
    },
    Jobs {
        filter: JobFilter,
        page: usize,
    },
    Salary {
        role: String,
    },
    KbStats,
    Help,
    /// `/job post|edit|remove|setup`: a change to the job board. Its fields are checked
    /// against the knowledge base (role tags) and the clock (expiry) when it is carried out.
    Job(Invocation),
}

/// Which featured jobs `/jobs` lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobFilter {
    pub role: Option<String>,
    /// One of the `level` choice values: entry, mid, senior, executive.
    pub level: Option<String>,
    pub remote: Option<bool>,
    pub company: Option<String>,
}

impl From<&Invocation> for JobFilter {
    /// The filters of a `/jobs` invocation.
    fn from(inv: &Invocation) -> JobFilter {
        JobFilter {
            role: inv.str("role").map(str::to_owned),
            level: inv.str("level").map(str::to_owned),
            remote: inv.bool("remote"),
            company: inv.str("company").map(str::to_owned),
        }
    }
}

/// A request and whether to answer it only to the asker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub request: Request,
    pub private: bool,
}

impl From<&Invocation> for Call {
    fn from(inv: &Invocation) -> Call {
        Call {
            request: Request::from(inv),
            private: inv.bool("private").unwrap_or(false),
        }
    }
}

impl From<&Invocation> for Request {
    /// The invocation was checked against the command's definition, so required options are
    /// present; a missing one still reads as empty rather than panicking.
    fn from(inv: &Invocation) -> Request {
        let text = |name: &str| inv.str(name).unwrap_or_default().to_owned();
        let maybe = |name: &str| inv.str(name).map(str::to_owned);
        let page = usize::try_from(inv.int("page").unwrap_or(1))
            .unwrap_or(1)
            .max(1);
        match inv.command {
            CommandId::Compare => Request::Compare {
                a: text("role_a"),
                b: text("role_b"),
                aspect: inv.str("aspect").and_then(Section::from_key),
            },
            CommandId::Skills => Request::Skills { role: text("role") },
            CommandId::Role => Request::Role {
                role: text("role"),
                page,
            },
            CommandId::Roles => Request::Roles {
                filter: maybe("filter"),
                page,
            },
            CommandId::Path => Request::Path {
                from: text("from"),
                to: text("to"),
            },
            CommandId::Match => Request::Match {
                skills: text("skills"),
            },
            CommandId::Ask => Request::Ask {
                question: text("question"),
            },
            CommandId::Jobs => Request::Jobs {
                filter: JobFilter::from(inv),
                page,
            },
            CommandId::Salary => Request::Salary { role: text("role") },
            CommandId::Kb => Request::KbStats,
            CommandId::Help => Request::Help,
            CommandId::Job => Request::Job(inv.clone()),
        }
    }
}
