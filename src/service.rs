//! The one place a call is answered, for every front end (gateway, HTTP endpoint, terminal).
//! It routes: a question in plain words is read first, then knowledge requests go to the
//! advisor and board requests to the job boards; the reply comes back once.
//!
//! Holds what a running rolecall shares: the knowledge base (immutable) and the job boards
//! (their store opened on first use, migrated, and seeded per board with the articles' jobs).

use std::sync::Arc;

use crate::advisor::intent::{self, Interpretation, Topic, Understood};
use crate::advisor::{self, jobs as render, Problem};
use crate::commands::request::{BoardRequest, Call};
use crate::commands::Audience;
use crate::jobs::board::Boards;
use crate::jobs::rights::{Caller, Standing};
use crate::jobs::store::{JobStore, StoreError};
use crate::knowledge::KnowledgeBase;
use crate::reply::Reply;
use crate::teaching::request::TeachingRequest;
use crate::teaching::rights::{self as teaching_rights, Asker};
use crate::teaching::store::TeachingStore;
use crate::teaching::{self, TeachingProblem};

/// Unix seconds now: the board's clock (posts, edits, expiry), for every front end.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// An answer, and a message to post elsewhere because of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub reply: Reply,
    pub announcement: Option<Announcement>,
}

/// A new job, to be posted in the server's jobs channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    pub channel: u64,
    pub reply: Reply,
}

impl From<Reply> for Outcome {
    fn from(reply: Reply) -> Outcome {
        Outcome {
            reply,
            announcement: None,
        }
    }
}

#[derive(Debug)]
pub struct Service {
    knowledge: Arc<KnowledgeBase>,
    boards: Arc<Boards>,
}

impl Service {
    /// A service over `knowledge`, keeping jobs at `database_url` (opened on first use).
    pub fn new(knowledge: KnowledgeBase, database_url: impl Into<String>) -> Service {
        Service::sharing(Arc::new(knowledge), Arc::new(Boards::new(database_url)))
    }

    /// A service over `knowledge` and boards another service may share: a knowledge base
    /// built anew answers over the same job boards.
    pub fn sharing(knowledge: Arc<KnowledgeBase>, boards: Arc<Boards>) -> Service {
        Service { knowledge, boards }
    }

    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.knowledge
    }

    /// The job store, opened and migrated on first use.
    pub async fn store(&self) -> Result<&JobStore, StoreError> {
        self.boards.store().await
    }

    /// The teaching store, in the job store's database (opened and migrated on first use).
    pub async fn teaching_store(&self) -> Result<TeachingStore, StoreError> {
        Ok(TeachingStore::on(self.boards.store().await?.database()))
    }

    /// The job store, with the articles' jobs imported into `caller`'s board.
    pub async fn board_store(&self, caller: &Caller, now: i64) -> Result<&JobStore, Problem> {
        Ok(self.boards.open(&self.knowledge, caller.board, now).await?)
    }

    /// Answers `call` from `caller` at `now` (Unix seconds).
    pub async fn answer(&self, call: &Call, caller: &Caller, now: i64) -> Result<Outcome, Problem> {
        let understood = advisor::understand(&self.knowledge, &call.request)?;
        let outcome = self.understood(understood, caller, now).await?;
        Ok(private(outcome, call.private))
    }

    /// Answers a chat message (a mention or a DM): a question in plain words, read as a
    /// follow-up of `previous` when it names no role. Also returns what the conversation is
    /// about now, for the front end to remember.
    pub async fn answer_chat(
        &self,
        question: &str,
        previous: Option<&Topic>,
        caller: &Caller,
        now: i64,
    ) -> (Result<Outcome, Problem>, Option<Topic>) {
        match intent::interpret(&self.knowledge, question, previous) {
            Ok(Interpretation { understood, topic }) => {
                (self.understood(understood, caller, now).await, topic)
            }
            Err(problem) => (Err(problem), None),
        }
    }

    async fn understood(
        &self,
        understood: Understood,
        caller: &Caller,
        now: i64,
    ) -> Result<Outcome, Problem> {
        Ok(match understood {
            Understood::Knowledge(request) => {
                let audience = if caller.standing.moderates() {
                    Audience::Moderators
                } else {
                    Audience::Everyone
                };
                advisor::answer(&self.knowledge, &request, audience)?.into()
            }
            Understood::Board(request) => self.board(&request, caller, now).await?,
            Understood::Teaching(request) => self.teaching(&request, caller, now).await?.into(),
            Understood::Reply(reply) => reply.into(),
        })
    }

    async fn board(
        &self,
        request: &BoardRequest,
        caller: &Caller,
        now: i64,
    ) -> Result<Outcome, Problem> {
        let kb = &self.knowledge;
        let board = caller.board;
        Ok(match request {
            BoardRequest::Jobs { filter, page } => {
                let listing = self.boards.listing(kb, board, filter, *page, now).await?;
                render::listing(&listing, filter).into()
            }
            BoardRequest::Salary { roles } => {
                let mut salaries = Vec::new();
                for role in roles {
                    let posted = self.boards.salary_bands(kb, board, role, now).await?;
                    salaries.push(render::RoleSalaries {
                        role: render::role_name(kb, role),
                        posted,
                        stated: render::stated_salaries(kb, role),
                    });
                }
                render::salaries(&salaries).into()
            }
            BoardRequest::Change(request) => {
                let changed = self.boards.change(kb, request, caller, now).await?;
                let (reply, announcement) = render::change(&changed);
                Outcome {
                    reply,
                    announcement: announcement
                        .map(|(channel, reply)| Announcement { channel, reply }),
                }
            }
        })
    }
}

impl Service {
    /// A teaching request, answered privately whatever was asked: settings and refusals
    /// concern the asker alone.
    async fn teaching(
        &self,
        request: &TeachingRequest,
        caller: &Caller,
        now: i64,
    ) -> Result<Reply, Problem> {
        let store = self.teaching_store().await.map_err(|error| {
            let error = anyhow::Error::from(error);
            tracing::error!(
                error = format!("{error:#}"),
                "teaching store failed to open"
            );
            TeachingProblem::Unavailable
        })?;
        let asker = asker_of(caller);
        Ok(match request {
            TeachingRequest::Setup(setup) => {
                let settings = teaching::set_up(&store, setup, &asker, now).await?;
                advisor::teaching::settings(&settings)
            }
        }
        .ephemeral(true))
    }
}

/// The job board's caller as teaching sees them: the same person, server and permissions.
fn asker_of(caller: &Caller) -> Asker {
    let standing = match &caller.standing {
        Standing::Operator => teaching_rights::Standing::Operator,
        Standing::Member {
            manages_server,
            roles,
            ..
        } => teaching_rights::Standing::Member {
            manages_server: *manages_server,
            roles: roles.clone(),
        },
        Standing::Outsider => teaching_rights::Standing::Outsider,
    };
    Asker {
        user: caller.user.clone(),
        // Boards are server ids, 0 outside servers; never negative.
        guild: u64::try_from(caller.board.id()).unwrap_or_default(),
        standing,
    }
}

fn private(mut outcome: Outcome, private: bool) -> Outcome {
    if private {
        outcome.reply = outcome.reply.ephemeral(true);
    }
    outcome
}
