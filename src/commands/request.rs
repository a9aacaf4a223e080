//! What the user asked for, typed, and where it is answered: from the knowledge base, from
//! the job board, or (a question in plain words) once it has been read.

mod line;

pub use line::jobs_line;

use super::{job, CommandId, Invocation};
use crate::jobs::request::{JobFilter, JobRequest};
use crate::knowledge::Section;
use crate::members::request::{AlertsRequest, MeRequest};
use crate::reply::escape::strip_mentions;
use crate::teaching::request::{ForumChoice, SetupRequest, TeachingRequest};

/// A request, by where it is answered. Role names are as typed; answering resolves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Answered from the knowledge base alone.
    Knowledge(KnowledgeRequest),
    /// Answered from the job board.
    Board(BoardRequest),
    /// Answered from the teaching store (`/kb setup`, `list`, `remove`, `history`); always
    /// privately.
    Teaching(TeachingRequest),
    /// About the member's own profile (`/me`); always privately.
    Member(MeRequest),
    /// A question in plain words: read into one of the others, then answered as it is.
    Ask { question: String },
}

/// A question the knowledge base answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KnowledgeRequest {
    Compare {
        a: String,
        b: String,
        aspect: Option<Section>,
    },
    Skills {
        role: String,
    },
    /// A role's profile, or one aspect of it; `focus` is a thing the question named ("PhD",
    /// "Tableau"), whose facts come first.
    Role {
        role: String,
        aspect: Option<Section>,
        focus: Option<String>,
        page: usize,
    },
    Roles {
        filter: Option<String>,
        page: usize,
    },
    /// Moving to `to`, from a role, from skills (comma-separated, as typed), or both.
    Path {
        from: Option<String>,
        to: String,
        skills: Option<String>,
    },
    Match {
        skills: String,
    },
    /// Which roles need or use `item` ("which roles need docker?").
    Needs {
        item: String,
    },
    Search {
        query: String,
    },
    KbStats,
    Help,
}

/// A call on the job board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardRequest {
    Jobs {
        filter: JobFilter,
        page: usize,
    },
    /// Salary ranges of one role, or of several side by side.
    Salary {
        roles: Vec<String>,
    },
    /// `/job post|edit|remove|setup`: a change to the job board. Its fields are checked
    /// against the knowledge base (role tags) and the clock (expiry) when it is carried out.
    /// (Boxed: a job's fields are large beside the other requests.)
    Change(Box<JobRequest>),
}

impl From<KnowledgeRequest> for Request {
    fn from(request: KnowledgeRequest) -> Request {
        Request::Knowledge(request)
    }
}

impl From<BoardRequest> for Request {
    fn from(request: BoardRequest) -> Request {
        Request::Board(request)
    }
}

/// The filters of a `/jobs` invocation.
pub fn job_filter(inv: &Invocation) -> JobFilter {
    JobFilter {
        role: inv.str("role").map(str::to_owned),
        level: inv.str("level").map(str::to_owned),
        remote: inv.bool("remote"),
        company: inv.str("company").map(str::to_owned),
        by_fit: inv.bool("fit").unwrap_or(false),
    }
}

/// A request and whether to answer it only to the asker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub request: Request,
    /// The `private` option: `None` when not given (each answer's own default).
    pub private: Option<bool>,
}

impl From<&Invocation> for Call {
    fn from(inv: &Invocation) -> Call {
        Call {
            request: Request::from(inv),
            private: inv.bool("private"),
        }
    }
}

impl From<&Invocation> for Request {
    /// The invocation was checked against the command's definition, so required options are
    /// present; a missing one still reads as empty rather than panicking.
    fn from(inv: &Invocation) -> Request {
        use KnowledgeRequest as K;
        let text = |name: &str| inv.str(name).unwrap_or_default().to_owned();
        let maybe = |name: &str| inv.str(name).map(str::to_owned);
        let page = usize::try_from(inv.int("page").unwrap_or(1))
            .unwrap_or(1)
            .max(1);
        match inv.command {
            CommandId::Compare => K::Compare {
                a: text("role_a"),
                b: text("role_b"),
                aspect: inv.str("aspect").and_then(Section::from_key),
            }
            .into(),
            CommandId::Skills => K::Skills { role: text("role") }.into(),
            CommandId::Role => K::Role {
                role: text("role"),
                aspect: inv.str("aspect").and_then(Section::from_key),
                focus: None,
                page,
            }
            .into(),
            CommandId::Roles => K::Roles {
                filter: maybe("filter"),
                page,
            }
            .into(),
            CommandId::Path => K::Path {
                from: maybe("from"),
                to: text("to"),
                skills: maybe("skills"),
            }
            .into(),
            CommandId::Match => K::Match {
                skills: text("skills"),
            }
            .into(),
            CommandId::Search => K::Search {
                query: text("query"),
            }
            .into(),
            CommandId::Kb => match inv.subcommand {
                Some("setup") => Request::Teaching(TeachingRequest::Setup(SetupRequest {
                    mentor_role: inv.id("mentor_role"),
                    // Turning the forum off wins over naming one in the same call.
                    answer_forum: match (inv.bool("forum_off"), inv.id("answer_forum")) {
                        (Some(true), _) => Some(ForumChoice::Stop),
                        (_, Some(forum)) => Some(ForumChoice::Answer(forum)),
                        _ => None,
                    },
                })),
                Some("add") => Request::Teaching(TeachingRequest::Add),
                Some("list") => Request::Teaching(TeachingRequest::List { page }),
                Some("remove") => Request::Teaching(TeachingRequest::Remove {
                    id: inv.int("id").unwrap_or_default(),
                }),
                Some("history") => Request::Teaching(TeachingRequest::History),
                Some("gaps") => Request::Teaching(TeachingRequest::Gaps),
                Some("reload") => Request::Teaching(TeachingRequest::Reload),
                _ => K::KbStats.into(),
            },
            CommandId::Me => Request::Member(match inv.subcommand {
                Some("skills") => MeRequest::Skills {
                    set: maybe("set"),
                    add: maybe("add"),
                    remove: maybe("remove"),
                },
                Some("forget") => MeRequest::Forget,
                Some("export") => MeRequest::Export,
                Some("alerts") => MeRequest::Alerts(match inv.str("turn") {
                    Some("off") => AlertsRequest::Off,
                    _ => AlertsRequest::On {
                        min_fit: inv.int("min_fit").and_then(|fit| u8::try_from(fit).ok()),
                        level: maybe("level"),
                        remote: inv.bool("remote"),
                    },
                }),
                _ => MeRequest::Show,
            }),
            CommandId::Help => K::Help.into(),
            CommandId::Ask => Request::Ask {
                question: strip_mentions(&text("question")),
            },
            CommandId::Jobs => BoardRequest::Jobs {
                filter: job_filter(inv),
                page,
            }
            .into(),
            CommandId::Salary => BoardRequest::Salary {
                roles: vec![text("role")],
            }
            .into(),
            CommandId::Job => BoardRequest::Change(Box::new(job::request(inv))).into(),
        }
    }
}
