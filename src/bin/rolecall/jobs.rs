//! `rolecall jobs`: the operator's job-board commands. Each builds the typed request `/job`
//! or `/jobs` would (its `name:value` arguments checked against the same definition, each
//! value exactly as the shell gave it) and runs it through the same service as Discord, with
//! the operator's rights.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;

use rolecall::advisor::{jobs::format_salary, Problem};
use rolecall::commands::invocation::{self, Invocation, InvocationError};
use rolecall::commands::request::{job_filter, BoardRequest, Call, Request};
use rolecall::commands::{self, job, CommandId};
use rolecall::jobs::board::job_query;
use rolecall::jobs::model::{level_label, Board, Job};
use rolecall::jobs::request::JobRequest;
use rolecall::jobs::rights::Caller;
use rolecall::jobs::validate::format_date;
use rolecall::service::{unix_now, Service};

use super::{load, print_reply, settings, write_stdout, KnowledgeArg};

/// Jobs fetched per query while listing a whole board.
const BATCH: usize = 500;

#[derive(Subcommand)]
pub enum JobsCommand {
    /// List the live jobs of a board, newest first.
    ///
    /// Filters as /jobs takes them, e.g.: rolecall jobs list level:senior remote:true
    #[command(verbatim_doc_comment)]
    List {
        #[command(flatten)]
        board: BoardArgs,
        /// Print the jobs as JSON.
        #[arg(long)]
        json: bool,
        filters: Vec<String>,
    },
    /// Post a job, with options as /job post takes them.
    ///
    /// Example: rolecall jobs add title:"ML Engineer" company:Acme location:Berlin remote:false
    #[command(verbatim_doc_comment)]
    Add {
        #[command(flatten)]
        board: BoardArgs,
        #[arg(required = true)]
        options: Vec<String>,
    },
    /// Change a job; options left out stay as they are.
    Edit {
        #[command(flatten)]
        board: BoardArgs,
        id: i64,
        #[arg(required = true)]
        options: Vec<String>,
    },
    /// Take a job off the board (it is kept, marked removed).
    Remove {
        #[command(flatten)]
        board: BoardArgs,
        id: i64,
    },
    /// Every change of a job: who, when, what.
    History {
        #[command(flatten)]
        board: BoardArgs,
        id: i64,
    },
}

#[derive(clap::Args)]
pub struct BoardArgs {
    /// The server whose board to use [default: the board outside servers: DMs, `ask`].
    #[arg(long, value_name = "ID")]
    guild: Option<u64>,
    #[command(flatten)]
    knowledge: KnowledgeArg,
}

impl BoardArgs {
    fn board(&self) -> Board {
        self.guild.map_or(Board::OUTSIDE_SERVERS, Board::server)
    }

    fn service(&self) -> anyhow::Result<Service> {
        let settings = settings()?;
        let kb = load(&self.knowledge, &settings).context("loading the knowledge base")?;
        Ok(Service::new(kb, settings.database_url.expose()))
    }
}

pub fn run(command: JobsCommand) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    match command {
        JobsCommand::List {
            board,
            json,
            filters,
        } => runtime.block_on(list(&board, json, &filters)),
        JobsCommand::Add { board, options } => {
            let request = job_options(Some("post"), &[], &options).map(|i| job::request(&i));
            runtime.block_on(change(&board, request))
        }
        JobsCommand::Edit { board, id, options } => {
            let id = id.to_string();
            let request =
                job_options(Some("edit"), &[("id", &id)], &options).map(|i| job::request(&i));
            runtime.block_on(change(&board, request))
        }
        JobsCommand::Remove { board, id } => {
            runtime.block_on(change(&board, Ok(JobRequest::Remove { id })))
        }
        JobsCommand::History { board, id } => runtime.block_on(history(&board, id)),
    }
}

/// The `/job` (or, without a sub-command, `/jobs`) call the operator's `name:value` words
/// make, with `given` options first. A word's value is everything after its first `:`, as
/// the shell passed it: quotes and every other character are kept.
fn job_options(
    subcommand: Option<&'static str>,
    given: &[(&'static str, &str)],
    words: &[String],
) -> Result<Invocation, InvocationError> {
    let command = commands::spec(match subcommand {
        Some(_) => CommandId::Job,
        None => CommandId::Jobs,
    });
    let mut options: Vec<(&str, &str)> = given.to_vec();
    for word in words {
        let (name, value) = word
            .split_once(':')
            .ok_or_else(|| InvocationError::BadValue {
                option: "options",
                expected: format!(
                    "written name:value, e.g. title:\"ML Engineer\" (not {})",
                    rolecall::reply::escape_user_text(word)
                ),
            })?;
        options.push((name, value));
    }
    let subcommand = subcommand.and_then(|name| invocation::subcommand(command, name));
    invocation::from_options(command, subcommand, options)
}

/// A `/job` request as the operator: the reply as text, exit 1 if it was refused.
async fn change(
    board: &BoardArgs,
    request: Result<JobRequest, InvocationError>,
) -> anyhow::Result<ExitCode> {
    let service = board.service()?;
    let caller = Caller::operator(board.board());
    let answered = match request {
        Ok(request) => {
            let call = Call {
                request: Request::Board(BoardRequest::Change(Box::new(request))),
                private: None,
            };
            service.answer(&call, &caller, unix_now()).await
        }
        Err(error) => Err(Problem::Invalid(error)),
    };
    match answered {
        Ok(outcome) => {
            print_reply(&outcome.reply, false)?;
            // Queued before the process exits: a running bot sends them.
            if let Some(posted) = outcome.alerts {
                service.queue_posted(posted).await;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(problem) => {
            print_reply(&problem.reply(), false)?;
            Ok(ExitCode::FAILURE)
        }
    }
}

async fn list(board: &BoardArgs, json: bool, filters: &[String]) -> anyhow::Result<ExitCode> {
    let service = board.service()?;
    let filter = match job_options(None, &[], filters) {
        Ok(invocation) => job_filter(&invocation),
        Err(error) => {
            print_reply(&Problem::from(error).reply(), false)?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let query = job_query(&service.knowledge(), &filter);
    let caller = Caller::operator(board.board());
    let store = match service.board_store(&caller, unix_now()).await {
        Ok(store) => store,
        Err(problem) => {
            print_reply(&problem.reply(), false)?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut jobs = Vec::new();
    loop {
        let page = store
            .list(board.board(), &query, unix_now(), jobs.len(), BATCH)
            .await
            .context("listing jobs")?;
        let done = page.jobs.len() < BATCH;
        jobs.extend(page.jobs);
        if done {
            break;
        }
    }
    let text = if json {
        serde_json::to_string_pretty(&jobs)? + "\n"
    } else {
        jobs.iter().fold(String::new(), |mut out, job| {
            let _ = writeln!(out, "{}", summary(job));
            out
        })
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// One line per job: `#12  Senior ML Engineer — Acme · Berlin · senior · EUR 90K – 120K`.
fn summary(job: &Job) -> String {
    let draft = &job.draft;
    let mut parts = vec![format!("{} · {}", draft.company, draft.location)];
    if let Some(level) = &draft.level {
        parts.push(level_label(level).to_owned());
    }
    if let Some(salary) = &draft.salary {
        parts.push(format_salary(&salary.currency, salary.min, salary.max));
    }
    let by = job.source.as_deref().unwrap_or(&job.posted_by);
    format!(
        "#{:<6} {} — {}  (posted {} by {by})",
        job.id,
        draft.title,
        parts.join(" · "),
        format_date(job.posted_at)
    )
}

async fn history(board: &BoardArgs, id: i64) -> anyhow::Result<ExitCode> {
    let service = board.service()?;
    let store = service.store().await.context("opening the job store")?;
    let events = store
        .history(board.board(), id)
        .await
        .context("reading the job's history")?;
    if events.is_empty() {
        eprintln!("rolecall: there is no job with ID {id} on this board");
        return Ok(ExitCode::FAILURE);
    }
    let mut out = String::new();
    for event in events {
        let _ = writeln!(
            out,
            "{} {:<7} by {}: {}",
            format_date(event.at),
            event.action,
            event.actor,
            event.details
        );
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}
