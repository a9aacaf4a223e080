//! The one place a call is answered, for every front end (gateway, HTTP endpoint, terminal):
//! knowledge questions by the advisor, job-board calls through the job store.
//!
//! Holds what a running rolecall shares: the knowledge base (swapped whole on reload) and the
//! job store (opened on first use, migrated, and seeded per board with the articles' jobs).

use std::collections::HashSet;
use std::sync::{Arc, Mutex, RwLock};

use tokio::sync::OnceCell;

use crate::advisor::{self, jobs as render, Answer, BoardCall, BoardProblem, Problem};
use crate::commands::request::{Call, JobFilter};
use crate::commands::Invocation;
use crate::config::Secret;
use crate::jobs::model::{Board, BoardSettings};
use crate::jobs::rights::Standing;
use crate::jobs::store::{JobStore, StoreError};
use crate::jobs::{self, validate};
use crate::knowledge::KnowledgeBase;
use crate::reply::Reply;

/// Unix seconds now: the board's clock (posts, edits, expiry), for every front end.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Who is asking, and on which board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// A Discord user id, or `operator` at the terminal: recorded with every change.
    pub user: String,
    pub board: Board,
    pub standing: Standing,
}

impl Caller {
    /// The operator at the terminal, trusted with `board`.
    pub fn operator(board: Board) -> Caller {
        Caller {
            user: "operator".into(),
            board,
            standing: Standing::Operator,
        }
    }
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
    knowledge: RwLock<Arc<KnowledgeBase>>,
    /// A PostgreSQL URL may carry a password: never printed.
    database_url: Secret,
    store: OnceCell<JobStore>,
    /// Boards this process has imported the articles' jobs into (imports are idempotent;
    /// this only saves asking again).
    seeded: Mutex<HashSet<Board>>,
}

impl Service {
    /// A service over `knowledge`, keeping jobs at `database_url` (opened on first use).
    pub fn new(knowledge: KnowledgeBase, database_url: impl Into<String>) -> Service {
        Service {
            knowledge: RwLock::new(Arc::new(knowledge)),
            database_url: Secret::new(database_url),
            store: OnceCell::new(),
            seeded: Mutex::new(HashSet::new()),
        }
    }

    /// The current knowledge base; a reload swaps it without disturbing answers in flight.
    pub fn knowledge(&self) -> Arc<KnowledgeBase> {
        let guard = self.knowledge.read().unwrap_or_else(|e| e.into_inner());
        Arc::clone(&guard)
    }

    /// Replaces the knowledge base atomically; boards import its new articles' jobs next time.
    pub fn replace_knowledge(&self, knowledge: KnowledgeBase) {
        let mut guard = self.knowledge.write().unwrap_or_else(|e| e.into_inner());
        *guard = Arc::new(knowledge);
        self.seeded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// The job store, opened and migrated on first use.
    pub async fn store(&self) -> Result<&JobStore, StoreError> {
        self.store
            .get_or_try_init(|| JobStore::open(self.database_url.expose()))
            .await
    }

    /// Answers `call` from `caller` at `now` (Unix seconds).
    pub async fn answer(&self, call: &Call, caller: &Caller, now: i64) -> Result<Outcome, Problem> {
        let kb = self.knowledge();
        let answer = advisor::answer(&kb, call)?;
        self.complete(&kb, answer, call.private, caller, now).await
    }

    /// Finishes an advisor's answer: a reply as it is, a board call through the store.
    pub async fn complete(
        &self,
        kb: &KnowledgeBase,
        answer: Answer,
        private: bool,
        caller: &Caller,
        now: i64,
    ) -> Result<Outcome, Problem> {
        let board_call = match answer {
            Answer::Reply(reply) => return Ok(reply.into()),
            Answer::Board(board_call) => board_call,
        };
        let store = self.board_store(kb, caller.board, now).await?;
        let mut outcome = match board_call {
            BoardCall::Jobs { filter, page } => {
                listing(store, kb, caller.board, &filter, page, now)
                    .await?
                    .into()
            }
            BoardCall::Salary { role } => {
                let filter = JobFilter {
                    role: Some(role.clone()),
                    ..Default::default()
                };
                let bands = store
                    .salary_bands(caller.board, &render::job_query(kb, &filter), now)
                    .await
                    .map_err(board_problem)?;
                render::salary(&render::role_name(kb, &role), &bands).into()
            }
            BoardCall::Change(invocation) => change(kb, store, &invocation, caller, now).await?,
        };
        if private {
            outcome.reply = outcome.reply.ephemeral(true);
        }
        Ok(outcome)
    }

    /// The store, with the articles' jobs imported into `board`.
    pub async fn board_store(
        &self,
        kb: &KnowledgeBase,
        board: Board,
        now: i64,
    ) -> Result<&JobStore, Problem> {
        let store = self.store().await.map_err(board_problem)?;
        let seeded = self
            .seeded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&board);
        if !seeded {
            store
                .import(board, &jobs::seeds(kb), now)
                .await
                .map_err(board_problem)?;
            self.seeded
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(board);
        }
        Ok(store)
    }
}

/// One page of `/jobs`; a page past the last (a stale button) shows the last.
async fn listing(
    store: &JobStore,
    kb: &KnowledgeBase,
    board: Board,
    filter: &JobFilter,
    page: usize,
    now: i64,
) -> Result<Reply, Problem> {
    let query = render::job_query(kb, filter);
    let fetch = |page: usize| {
        store.list(
            board,
            &query,
            now,
            (page - 1) * render::PER_PAGE,
            render::PER_PAGE,
        )
    };
    let mut found = fetch(page).await.map_err(board_problem)?;
    let last = found.total.div_ceil(render::PER_PAGE).max(1);
    if page > last {
        found = fetch(last).await.map_err(board_problem)?;
    }
    Ok(render::listing(&found, filter, page.min(last)))
}

/// `/job post|edit|remove|setup`, after checking the caller's rights on our side.
async fn change(
    kb: &KnowledgeBase,
    store: &JobStore,
    invocation: &Invocation,
    caller: &Caller,
    now: i64,
) -> Result<Outcome, Problem> {
    if caller.standing == Standing::Outsider {
        return Err(not_allowed(
            "Jobs are managed inside a server: use `/job` there.",
        ));
    }
    let board = caller.board;
    let settings = store.settings(board).await.map_err(board_problem)?;
    if invocation.subcommand == Some("setup") {
        return setup(store, invocation, caller, settings, now).await;
    }
    if !caller.standing.may_manage_jobs(&settings) {
        return Err(not_allowed(
            "Only moderators can post, edit or remove jobs: members with Manage Messages, or the role set with `/job setup`.",
        ));
    }
    let actor = caller.user.as_str();
    match invocation.subcommand {
        Some("post") => {
            let mut draft = validate::draft(invocation, kb, now).map_err(field_problem)?;
            draft.roles = jobs::tag_roles(kb, &draft.title, &draft.roles);
            let job = store
                .post(board, &draft, actor, now)
                .await
                .map_err(board_problem)?;
            Ok(Outcome {
                reply: render::changed(&job, "posted"),
                announcement: settings.announce_channel.map(|channel| Announcement {
                    channel,
                    reply: render::announcement(&job),
                }),
            })
        }
        Some("edit") => {
            let id = job_id(invocation)?;
            let changes = validate::changes(invocation, kb, now).map_err(field_problem)?;
            if changes.is_empty() {
                return Err(field_problem(validate::FieldError {
                    field: "id",
                    message: "needs at least one field to change with it, e.g. `title:…`".into(),
                }));
            }
            let edit = |current| {
                let mut draft = validate::apply(current, changes.clone())?;
                draft.roles = jobs::tag_roles(kb, &draft.title, &draft.roles);
                Ok(draft)
            };
            let job = store
                .edit(board, id, edit, actor, now)
                .await
                .map_err(board_problem)?;
            Ok(render::changed(&job, "edited").into())
        }
        Some("remove") => {
            let job = store
                .remove(board, job_id(invocation)?, actor, now)
                .await
                .map_err(board_problem)?;
            Ok(render::changed(&job, "removed").into())
        }
        _ => Err(Problem::Invalid(
            crate::commands::InvocationError::MissingSubcommand {
                command: "job",
                expected: "post, edit, remove or setup".into(),
            },
        )),
    }
}

/// `/job setup`: show the settings, or change them (server managers only).
async fn setup(
    store: &JobStore,
    invocation: &Invocation,
    caller: &Caller,
    current: BoardSettings,
    now: i64,
) -> Result<Outcome, Problem> {
    let id = |name: &str| invocation.str(name).and_then(|v| v.parse::<u64>().ok());
    let reset = invocation.bool("reset") == Some(true);
    let (role, channel) = (id("moderator_role"), id("announce_channel"));
    if !reset && role.is_none() && channel.is_none() {
        return Ok(render::settings(&current).into());
    }
    if !caller.standing.may_configure() {
        return Err(not_allowed(
            "Only members with Manage Server can change the job board's settings.",
        ));
    }
    let settings = if reset {
        BoardSettings::default()
    } else {
        BoardSettings {
            moderator_role: role.or(current.moderator_role),
            announce_channel: channel.or(current.announce_channel),
        }
    };
    store
        .save_settings(caller.board, &settings, &caller.user, now)
        .await
        .map_err(board_problem)?;
    Ok(render::settings(&settings).into())
}

fn job_id(invocation: &Invocation) -> Result<i64, Problem> {
    invocation.int("id").ok_or_else(|| {
        field_problem(validate::FieldError {
            field: "id",
            message: "is required: the job's number, as `/jobs` shows it".into(),
        })
    })
}

fn not_allowed(why: &'static str) -> Problem {
    Problem::Board(BoardProblem::NotAllowed(why))
}

fn field_problem(error: validate::FieldError) -> Problem {
    Problem::Board(BoardProblem::Field(error))
}

/// A store failure as the caller sees it; the cause goes to the log.
fn board_problem(error: StoreError) -> Problem {
    match error {
        StoreError::NotFound(id) => Problem::Board(BoardProblem::NoSuchJob(id)),
        StoreError::Invalid(field) => field_problem(field),
        other => {
            let error = anyhow::Error::from(other);
            tracing::error!(error = format!("{error:#}"), "job store failed");
            Problem::Board(BoardProblem::Unavailable)
        }
    }
}
