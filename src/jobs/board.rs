//! The boards' rules: who may change a board, what each `/job` request does, which jobs a
//! member's filter lists, and the articles' jobs each board starts with. The store keeps;
//! this module decides.

use std::collections::HashSet;
use std::sync::Mutex;

use tokio::sync::OnceCell;

use super::model::{Board, BoardSettings, Job, JobPage, JobQuery, SalaryBand};
use super::request::{JobFields, JobFilter, JobRequest, SetupRequest};
use super::rights::{Caller, Standing};
use super::store::{JobStore, StoreError};
use super::validate::{self, FieldError};
use crate::config::Secret;
use crate::knowledge::KnowledgeBase;

/// Jobs on one page of `/jobs`.
pub const PER_PAGE: usize = 5;

/// Why a board request was refused, in words for the person who made it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BoardProblem {
    #[error("{0}")]
    Field(FieldError),
    #[error("{0}")]
    NotAllowed(&'static str),
    #[error("there is no job #{0} on this board")]
    NoSuchJob(i64),
    /// The store failed; the details are in the log, not in the reply.
    #[error("the job board is unavailable")]
    Unavailable,
}

/// What a `/job` request did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// A new job, and the channel to announce it in, if the server set one.
    Posted {
        job: Job,
        announce: Option<u64>,
    },
    Edited(Job),
    Removed(Job),
    /// The board's settings, changed or only shown.
    Settings(BoardSettings),
}

/// One page of a listing, after a page past the last (a stale button) became the last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub found: JobPage,
    pub page: usize,
    pub pages: usize,
}

/// Every board, kept in one store opened on first use; each board gets the articles' jobs
/// the first time it is used.
#[derive(Debug)]
pub struct Boards {
    /// A PostgreSQL URL may carry a password: never printed.
    database_url: Secret,
    store: OnceCell<JobStore>,
    /// Boards this process has imported the articles' jobs into (imports are idempotent;
    /// this only saves asking again).
    seeded: Mutex<HashSet<Board>>,
}

impl Boards {
    /// The boards kept at `database_url`, which is opened on first use.
    pub fn new(database_url: impl Into<String>) -> Boards {
        Boards {
            database_url: Secret::new(database_url),
            store: OnceCell::new(),
            seeded: Mutex::new(HashSet::new()),
        }
    }

    /// The job store, opened and migrated on first use.
    pub async fn store(&self) -> Result<&JobStore, StoreError> {
        self.store
            .get_or_try_init(|| JobStore::open(self.database_url.expose()))
            .await
    }

    /// The job store if it was opened, without opening it.
    pub fn opened_store(&self) -> Option<&JobStore> {
        self.store.get()
    }

    /// The store, with the articles' jobs imported into `board`.
    pub async fn open(
        &self,
        kb: &KnowledgeBase,
        board: Board,
        now: i64,
    ) -> Result<&JobStore, BoardProblem> {
        let store = self.store().await.map_err(unavailable)?;
        let seeded = self
            .seeded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&board);
        if !seeded {
            store
                .import(board, &super::seeds(kb), now)
                .await
                .map_err(unavailable)?;
            self.seeded
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(board);
        }
        Ok(store)
    }

    /// Page `page` of the jobs on `board` that `filter` lists, best fit first by `fits`
    /// (role slug, percent) when the filter asks for it; a page past the last shows the last.
    pub async fn listing(
        &self,
        kb: &KnowledgeBase,
        board: Board,
        (filter, fits): (&JobFilter, &[(String, usize)]),
        page: usize,
        now: i64,
    ) -> Result<Listing, BoardProblem> {
        let store = self.open(kb, board, now).await?;
        let query = JobQuery {
            by_fit: fits.to_vec(),
            ..job_query(kb, filter)
        };
        let fetch = |page: usize| store.list(board, &query, now, (page - 1) * PER_PAGE, PER_PAGE);
        let mut found = fetch(page).await.map_err(unavailable)?;
        let pages = found.total.div_ceil(PER_PAGE).max(1);
        if page > pages {
            found = fetch(pages).await.map_err(unavailable)?;
        }
        Ok(Listing {
            found,
            page: page.min(pages),
            pages,
        })
    }

    /// Salary bands of the jobs on `board` for `role` as typed.
    pub async fn salary_bands(
        &self,
        kb: &KnowledgeBase,
        board: Board,
        role: &str,
        now: i64,
    ) -> Result<Vec<SalaryBand>, BoardProblem> {
        let store = self.open(kb, board, now).await?;
        let filter = JobFilter {
            role: Some(role.to_owned()),
            ..JobFilter::default()
        };
        store
            .salary_bands(board, &job_query(kb, &filter), now)
            .await
            .map_err(unavailable)
    }

    /// Carries out `request` for `caller`, after checking their rights on our side: Discord's
    /// `default_member_permissions` only hides `/job`, and a server can change it.
    pub async fn change(
        &self,
        kb: &KnowledgeBase,
        request: &JobRequest,
        caller: &Caller,
        now: i64,
    ) -> Result<Changed, BoardProblem> {
        if caller.standing == Standing::Outsider {
            return Err(BoardProblem::NotAllowed(
                "Jobs are managed inside a server: use `/job` there.",
            ));
        }
        let board = caller.board;
        let store = self.open(kb, board, now).await?;
        let settings = store.settings(board).await.map_err(unavailable)?;
        match request {
            JobRequest::Setup(setup) => self.setup(store, setup, caller, settings, now).await,
            JobRequest::Post(fields) => {
                let actor = moderator(caller, &settings)?;
                let draft = checked_draft(kb, fields, now)?;
                let job = store
                    .post(board, &draft, actor, now)
                    .await
                    .map_err(store_problem)?;
                Ok(Changed::Posted {
                    job,
                    announce: settings.announce_channel,
                })
            }
            JobRequest::Edit { id, fields } => {
                let actor = moderator(caller, &settings)?;
                let changes = validate::changes(fields, kb, now).map_err(BoardProblem::Field)?;
                if changes.is_empty() {
                    return Err(BoardProblem::Field(FieldError {
                        field: "id",
                        message: "needs at least one field to change with it, e.g. `title:…`"
                            .into(),
                    }));
                }
                let edit = |current| {
                    let mut draft = validate::apply(current, changes.clone())?;
                    draft.roles = super::tag_roles(kb, &draft.title, &draft.roles);
                    Ok(draft)
                };
                let job = store
                    .edit(board, *id, edit, actor, now)
                    .await
                    .map_err(store_problem)?;
                Ok(Changed::Edited(job))
            }
            JobRequest::Remove { id } => {
                let actor = moderator(caller, &settings)?;
                let job = store
                    .remove(board, *id, actor, now)
                    .await
                    .map_err(store_problem)?;
                Ok(Changed::Removed(job))
            }
        }
    }

    /// `/job setup`: the settings, shown or (by server managers) changed.
    async fn setup(
        &self,
        store: &JobStore,
        setup: &SetupRequest,
        caller: &Caller,
        current: BoardSettings,
        now: i64,
    ) -> Result<Changed, BoardProblem> {
        if setup.shows_only() {
            return Ok(Changed::Settings(current));
        }
        if !caller.standing.may_configure() {
            return Err(BoardProblem::NotAllowed(
                "Only members with Manage Server can change the job board's settings.",
            ));
        }
        let settings = if setup.reset {
            BoardSettings::default()
        } else {
            BoardSettings {
                moderator_role: setup.moderator_role.or(current.moderator_role),
                announce_channel: setup.announce_channel.or(current.announce_channel),
            }
        };
        store
            .save_settings(caller.board, &settings, &caller.user, now)
            .await
            .map_err(store_problem)?;
        Ok(Changed::Settings(settings))
    }
}

/// A new job's fields checked in full, with the roles its title names added to its tags.
fn checked_draft(
    kb: &KnowledgeBase,
    fields: &JobFields,
    now: i64,
) -> Result<super::model::JobDraft, BoardProblem> {
    let mut draft = validate::draft(fields, kb, now).map_err(BoardProblem::Field)?;
    draft.roles = super::tag_roles(kb, &draft.title, &draft.roles);
    Ok(draft)
}

/// The caller's id to record with a change, if they may post, edit and remove jobs.
fn moderator<'c>(caller: &'c Caller, settings: &BoardSettings) -> Result<&'c str, BoardProblem> {
    if caller.standing.may_manage_jobs(settings) {
        Ok(&caller.user)
    } else {
        Err(BoardProblem::NotAllowed(
            "Only moderators can post, edit or remove jobs: members with Manage Messages, or the role set with `/job setup`.",
        ))
    }
}

/// The store query for a member's filter: a role the knowledge base knows by its name, slug
/// or an alias matches the jobs tagged with it; any other role name matches job titles that
/// contain it. Not fuzzy: "data engineer" is a job title of its own, not a typo of
/// "DataOps Engineer".
pub fn job_query(kb: &KnowledgeBase, filter: &JobFilter) -> JobQuery {
    let known = filter
        .role
        .as_deref()
        .and_then(|typed| kb.exact(typed))
        .map(|role| role.slug.clone());
    JobQuery {
        title_contains: filter.role.clone().filter(|_| known.is_none()),
        role_slug: known,
        level: filter.level.clone(),
        remote: filter.remote,
        company_contains: filter.company.clone(),
        by_fit: Vec::new(),
    }
}

/// A store failure as the caller sees it; the cause goes to the log.
fn store_problem(error: StoreError) -> BoardProblem {
    match error {
        StoreError::NotFound(id) => BoardProblem::NoSuchJob(id),
        StoreError::Invalid(field) => BoardProblem::Field(field),
        other => unavailable(other),
    }
}

fn unavailable(error: StoreError) -> BoardProblem {
    let error = anyhow::Error::from(error);
    tracing::error!(error = format!("{error:#}"), "job store failed");
    crate::telemetry::store_error("jobs");
    BoardProblem::Unavailable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_queries_use_tags_for_known_roles_and_titles_for_others() {
        let kb = KnowledgeBase::from_documents(
            &crate::knowledge::reading::source::embedded_documents(),
            "embedded",
        )
        .expect("shipped knowledge");
        let filter = |role: &str| JobFilter {
            role: Some(role.into()),
            ..JobFilter::default()
        };
        let known = job_query(&kb, &filter("mle"));
        assert_eq!(
            known.role_slug.as_deref(),
            Some("machine-learning-engineer")
        );
        assert_eq!(known.title_contains, None);
        let unknown = job_query(&kb, &filter("data engineer"));
        assert_eq!(unknown.role_slug, None);
        assert_eq!(unknown.title_contains.as_deref(), Some("data engineer"));
    }
}
