//! The one place a call is answered, for every front end (gateway, HTTP endpoint, terminal).
//! It routes: a question in plain words is read first, then knowledge requests go to the
//! advisor and board requests to the job boards; the reply comes back once.
//!
//! Holds what a running rolecall shares: the knowledge bases (the shipped one, and each
//! server's with its mentors' articles: `library`) and the job boards (their store opened on
//! first use, migrated, and seeded per board with the articles' jobs).

mod adding;
pub mod alerts;
mod following;
pub mod forum;
mod gaps;
mod health;
pub mod library;
mod me;
pub mod relaying;
mod reloading;
mod votes;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};

use crate::advisor::intent::{self, Interpretation, Topic, Understood};
use crate::advisor::{self, jobs as render, Problem};
use crate::commands::request::{BoardRequest, Call, Request};
use crate::commands::Audience;
use crate::jobs::board::{Boards, Changed};
use crate::jobs::rights::{Caller, Standing};
use crate::jobs::store::{JobStore, StoreError};
use crate::knowledge::KnowledgeBase;
use crate::reply::Reply;
use crate::teaching::forum::ForumProbe;
use crate::teaching::request::TeachingRequest;
use crate::teaching::rights::{self as teaching_rights, Asker, Owners};
use crate::teaching::store::{TeachingError, TeachingStore};
use crate::teaching::{self, manage, TeachingProblem};
use alerts::PostedJob;
use library::Library;

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
    /// A job just posted, whose alerts the front end queues once the reply is sent
    /// ([`Service::queue_posted`]): matching a large server's members must not hold up
    /// the poster's answer.
    pub alerts: Option<PostedJob>,
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
            alerts: None,
        }
    }
}

#[derive(Debug)]
pub struct Service {
    library: Arc<Library>,
    boards: Arc<Boards>,
    /// Who may reload the knowledge base from Discord; none until the front end says.
    owners: Owners,
    /// Held from reading a server's articles to swapping its base in: two adds at once
    /// would otherwise each build from what it read, and the later swap could be the
    /// older read, leaving the other article out of the served base.
    refreshing: tokio::sync::Mutex<()>,
    /// What the gateway sees of each server, for the forum mode; unset where this process
    /// has no gateway (the HTTP endpoint, the terminal).
    forum_probe: OnceLock<Arc<dyn ForumProbe>>,
    /// Each server's members with job alerts on, kept for matching new jobs.
    audiences: alerts::Audiences,
    /// Woken when a job queues alerts, so the delivery worker looks at once.
    alerts_queued: tokio::sync::Notify,
    /// Alert DMs a member is sent per day (`ROLECALL_ALERTS_PER_DAY`).
    alerts_per_day: AtomicU32,
}

impl Service {
    /// A service over `knowledge`, keeping jobs at `database_url` (opened on first use).
    pub fn new(knowledge: KnowledgeBase, database_url: impl Into<String>) -> Service {
        Service::sharing(Arc::new(knowledge), Arc::new(Boards::new(database_url)))
    }

    /// A service over `knowledge` and boards another service may share: a knowledge base
    /// built anew answers over the same job boards.
    pub fn sharing(knowledge: Arc<KnowledgeBase>, boards: Arc<Boards>) -> Service {
        Service::over(Arc::new(Library::fixed(knowledge)), boards)
    }

    /// A service answering each server from its base in `library`.
    pub fn over(library: Arc<Library>, boards: Arc<Boards>) -> Service {
        Service {
            refreshing: tokio::sync::Mutex::new(()),
            library,
            boards,
            owners: Owners::default(),
            forum_probe: OnceLock::new(),
            audiences: alerts::Audiences::default(),
            alerts_queued: tokio::sync::Notify::new(),
            alerts_per_day: AtomicU32::new(crate::members::alerts::DEFAULT_PER_DAY),
        }
    }

    /// Sets how many alert DMs a member is sent per day (at least one).
    pub fn set_alerts_per_day(&self, per_day: u32) {
        self.alerts_per_day.store(per_day.max(1), Ordering::Relaxed);
    }

    /// How many alert DMs a member is sent per day.
    pub fn alerts_per_day(&self) -> u32 {
        self.alerts_per_day.load(Ordering::Relaxed)
    }

    /// The shipped knowledge base (what servers without articles of their own answer from),
    /// as it is now: a reload swaps it, and the caller keeps the one it got.
    pub fn knowledge(&self) -> Arc<KnowledgeBase> {
        self.library.base()
    }

    /// Every knowledge base this service answers from.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The knowledge base `caller`'s server answers from.
    pub fn knowledge_for(&self, caller: &Caller) -> Arc<KnowledgeBase> {
        self.library.for_server(server_of(caller))
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
        let kb = self.knowledge_for(caller);
        Ok(self.boards.open(&kb, caller.board, now).await?)
    }

    /// Answers `call` from `caller` at `now` (Unix seconds).
    pub async fn answer(&self, call: &Call, caller: &Caller, now: i64) -> Result<Outcome, Problem> {
        let kb = self.knowledge_for(caller);
        let answered = match advisor::understand(&kb, &call.request) {
            Ok(understood) => {
                let public = call.private == Some(false);
                self.understood(&kb, understood, caller, now, public).await
            }
            Err(problem) => Err(problem),
        };
        if let Err(problem) = &answered {
            let question = match &call.request {
                Request::Ask { question } => Some(question.as_str()),
                _ => None,
            };
            self.note_gap(caller, problem, question, now).await;
        }
        Ok(private(answered?, call.private == Some(true)))
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
        let kb = self.knowledge_for(caller);
        let (answered, topic) = match intent::interpret(&kb, question, previous) {
            Ok(Interpretation {
                understood, topic, ..
            }) => (
                self.understood(&kb, understood, caller, now, false).await,
                topic,
            ),
            Err(problem) => (Err(problem), None),
        };
        if let Err(problem) = &answered {
            self.note_gap(caller, problem, Some(question), now).await;
        }
        (answered, topic)
    }

    /// Answers what a request or a question was understood as. An answer built from the
    /// member's saved skills is private unless `public` (they asked for `private:false`).
    async fn understood(
        &self,
        kb: &KnowledgeBase,
        understood: Understood,
        caller: &Caller,
        now: i64,
        public: bool,
    ) -> Result<Outcome, Problem> {
        Ok(match understood {
            Understood::Knowledge(request) => {
                let audience = if caller.standing.moderates() {
                    Audience::Moderators
                } else {
                    Audience::Everyone
                };
                let from_profile = self.with_profile(&request, caller).await?;
                let request = from_profile.clone().unwrap_or(request);
                let reply = advisor::answer(kb, &request, audience)?;
                self.note_empty_aspects(caller, kb, &request, now).await;
                let reply = votes::with_votes(kb, &request, reply);
                match from_profile {
                    Some(_) if !public => reply.ephemeral(true).into(),
                    _ => reply.into(),
                }
            }
            Understood::Board(request) => self.board(kb, &request, caller, now, public).await?,
            // The library answers a reload, which needs no store.
            Understood::Teaching(TeachingRequest::Reload) => self
                .reload_for(&asker_of(caller))
                .await?
                .ephemeral(true)
                .into(),
            Understood::Teaching(request) => self.teaching(&request, caller, now).await?.into(),
            Understood::Member(request) => self.me(kb, &request, caller, now).await?.into(),
            Understood::Reply(reply) => reply.into(),
        })
    }

    async fn board(
        &self,
        kb: &KnowledgeBase,
        request: &BoardRequest,
        caller: &Caller,
        now: i64,
        public: bool,
    ) -> Result<Outcome, Problem> {
        let board = caller.board;
        Ok(match request {
            BoardRequest::Jobs { filter, page } => {
                let fits = match filter.by_fit {
                    true => self.profile_fits(kb, caller).await?,
                    false => Vec::new(),
                };
                let listing = self
                    .boards
                    .listing(kb, board, (filter, &fits), *page, now)
                    .await?;
                // Ranked by the member's own skills: theirs alone unless they said otherwise.
                let reply = render::listing(&listing, filter, &fits);
                let private = reply.is_ephemeral() || (filter.by_fit && !public);
                reply.ephemeral(private).into()
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
                let alerts = match &changed {
                    Changed::Posted { job, .. } => Some(PostedJob::new(job.clone(), now)),
                    _ => None,
                };
                let (reply, announcement) = render::change(&changed);
                Outcome {
                    reply,
                    announcement: announcement
                        .map(|(channel, reply)| Announcement { channel, reply }),
                    alerts,
                }
            }
        })
    }
}

impl Service {
    /// Builds the knowledge base of every server with articles of its own (at start-up);
    /// says how many. A server whose base cannot be built keeps the shipped one, logged.
    pub async fn load_server_knowledge(&self) -> anyhow::Result<usize> {
        use anyhow::Context;
        let store = self
            .teaching_store()
            .await
            .context("opening the teaching store")?;
        let servers = store
            .servers_with_articles()
            .await
            .context("listing the servers with articles")?;
        for &guild in &servers {
            self.refresh_server(&store, guild).await?;
        }
        Ok(servers.len())
    }

    /// Builds `guild`'s own knowledge base from its articles in the store (the terminal's
    /// `rolecall ask --guild`).
    pub async fn load_server(&self, guild: u64) -> anyhow::Result<()> {
        use anyhow::Context;
        let store = self
            .teaching_store()
            .await
            .context("opening the teaching store")?;
        self.refresh_server(&store, guild)
            .await
            .context("reading the server's articles")
    }

    /// Rebuilds `guild`'s knowledge base from its live articles in `store`, after one was
    /// added or removed.
    async fn refresh_server(&self, store: &TeachingStore, guild: u64) -> Result<(), TeachingError> {
        let _refreshing = self.refreshing.lock().await;
        let read = self.library.texts_of(guild);
        let articles = store.articles_of_reusing(guild, read).await?;
        let added: Vec<(i64, i64)> = articles
            .iter()
            .map(|a| (a.article.id, a.article.added_at))
            .collect();
        match self.library.rebuild(guild, articles).await {
            Ok(kb) => {
                gaps::forget_answered(store, guild, &kb).await;
                votes::forget_answered_votes(store, guild, &kb, &added).await;
            }
            Err(error) => {
                let error = anyhow::Error::from(error);
                tracing::error!(
                    guild,
                    error = format!("{error:#}"),
                    "a server's knowledge base could not be built"
                );
            }
        }
        Ok(())
    }

    /// A teaching request, answered privately whatever was asked: settings, the articles'
    /// list and history, and refusals concern the asker alone.
    async fn teaching(
        &self,
        request: &TeachingRequest,
        caller: &Caller,
        now: i64,
    ) -> Result<Reply, Problem> {
        let store = self.teaching_store_or_unavailable().await?;
        let asker = asker_of(caller);
        Ok(match request {
            TeachingRequest::Setup(setup) => {
                let settings = teaching::set_up(&store, setup, &asker, now).await?;
                let forum = settings
                    .answer_forum
                    .map(|forum| self.forum_readiness(asker.guild, forum));
                advisor::teaching::settings(&settings, forum.as_ref())
            }
            // The form opens at the edge (`Service::article_form`); here is the terminal.
            TeachingRequest::Add => advisor::adding::use_the_file_command(),
            TeachingRequest::List { page } => {
                advisor::articles::listing(&manage::list(&store, &asker).await?, *page)
            }
            TeachingRequest::Remove { id } => {
                let removed = manage::remove(&store, *id, &asker, now).await?;
                // The server stops answering from it now, not at the next start. It is removed
                // either way, so a failed rebuild is logged rather than answered.
                if let Err(error) = self.refresh_server(&store, asker.guild).await {
                    let error = anyhow::Error::from(error);
                    tracing::error!(error = format!("{error:#}"), "rebuilding after a removal");
                }
                advisor::articles::removed(&removed)
            }
            TeachingRequest::History => {
                advisor::articles::history(&manage::history(&store, &asker).await?)
            }
            TeachingRequest::Gaps => advisor::gaps::report(&manage::gaps(&store, &asker).await?),
            // Answered before the store opens (`understood`); the same answer here.
            TeachingRequest::Reload => self.reload_for(&asker).await?,
        }
        .ephemeral(true))
    }

    /// The teaching store, or (logged) a problem saying teaching is unavailable.
    async fn teaching_store_or_unavailable(&self) -> Result<TeachingStore, TeachingProblem> {
        self.teaching_store().await.map_err(|error| {
            let error = anyhow::Error::from(error);
            tracing::error!(
                error = format!("{error:#}"),
                "teaching store failed to open"
            );
            crate::telemetry::store_error("teaching");
            TeachingProblem::Unavailable
        })
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
        guild: server_of(caller),
        standing,
    }
}

/// The server a call comes from (0 outside servers): boards are server ids, never negative.
fn server_of(caller: &Caller) -> u64 {
    u64::try_from(caller.board.id()).unwrap_or_default()
}

fn private(mut outcome: Outcome, private: bool) -> Outcome {
    if private {
        outcome.reply = outcome.reply.ephemeral(true);
    }
    outcome
}
