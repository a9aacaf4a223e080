//! The `rolecall` command line: parses arguments, loads the knowledge base, calls the library.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};

use rolecall::advisor;
use rolecall::config::Settings;
use rolecall::discord::gateway::shards::{ShardRange, Shards};
use rolecall::discord::json;
use rolecall::jobs::board::Boards;
use rolecall::jobs::model::Board;
use rolecall::jobs::rights::Caller;
use rolecall::knowledge::building::report::CheckReport;
use rolecall::knowledge::reading::source::DocumentSource;
use rolecall::knowledge::{KnowledgeBase, LoadError};
use rolecall::reply::{terminal, Reply};
use rolecall::service::library::Library;
use rolecall::service::{unix_now, Service};

mod delivery;
mod doctor;
mod invite;
mod jobs;
mod kb;
mod listening;
mod serve;
mod shutdown;

// Building the knowledge base and answering allocate many small strings; mimalloc serves them
// several times faster than glibc's allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "rolecall",
    version,
    about = "A career advisor for data and ML roles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Answer a slash command or a plain-language question, offline.
    ///
    /// Examples:
    ///   rolecall ask "/compare role_a:mle role_b:data-specialist"
    ///   rolecall ask "how do I move from data specialist to ml engineer?"
    #[command(verbatim_doc_comment)]
    Ask {
        /// A slash command line (`/compare …`) or a question in plain words.
        line: String,
        /// Print the exact Discord interaction-response body instead of text.
        #[arg(long)]
        json: bool,
        /// Answer as in this server: from the shipped articles plus the ones it added (read
        /// from DATABASE_URL), with its job board.
        #[arg(long)]
        guild: Option<u64>,
        #[command(flatten)]
        knowledge: KnowledgeArg,
    },
    /// Connect to Discord's gateway with DISCORD_TOKEN, register the commands (to
    /// DISCORD_GUILD_ID if set, else globally) and answer them until SIGINT or SIGTERM.
    Run {
        #[command(flatten)]
        operations: OperationsArg,
        #[command(flatten)]
        knowledge: KnowledgeArg,
        /// Run only these of the bot's gateway shards, such as `0-3`, with --shard-total:
        /// several processes then split the servers between them [default: every shard
        /// Discord recommends, in this process].
        #[arg(long, value_name = "FIRST-LAST", requires = "shard_total")]
        shards: Option<Shards>,
        /// How many shards the bot runs across all its processes.
        #[arg(long, value_name = "N", requires = "shards")]
        shard_total: Option<u32>,
    },
    /// Register the slash commands with Discord and exit.
    Register {
        /// Register to this server only (updates at once) [env: DISCORD_GUILD_ID].
        #[arg(long, value_name = "ID")]
        guild: Option<u64>,
    },
    /// Serve Discord's HTTP interactions endpoint (POST /interactions, GET /healthz, GET
    /// /readyz), verifying every request with DISCORD_PUBLIC_KEY; on the socket systemd
    /// passes when socket-activated.
    ServeHttp {
        /// Address to listen on [env: ROLECALL_HTTP_ADDR; default: 127.0.0.1:8080].
        #[arg(long, value_name = "HOST:PORT")]
        addr: Option<SocketAddr>,
        #[command(flatten)]
        operations: OperationsArg,
        #[command(flatten)]
        knowledge: KnowledgeArg,
    },
    /// Check a deployment before it goes live: every setting's shape, the store and its
    /// pending migrations, the knowledge base, and the registered commands against the
    /// definitions (with DISCORD_TOKEN). Changes nothing. Exit 0 ok, 3 settings, 4 store,
    /// 5 knowledge base, 6 Discord.
    Doctor {
        /// Print the checks as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        knowledge: KnowledgeArg,
    },
    /// Print the links that install the bot on a server and on a user's account, with the
    /// permissions the enabled features need (DISCORD_APPLICATION_ID, chat and forum settings).
    Invite {
        /// Print the links, permissions and features as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Manage featured jobs as the operator: list, add, edit, remove (any server's board).
    Jobs {
        #[command(subcommand)]
        command: jobs::JobsCommand,
    },
    /// Inspect the knowledge base; add, remove and list a server's articles (in the
    /// database at DATABASE_URL).
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
}

#[derive(Subcommand)]
enum KbCommand {
    /// Parse every document and report roles, sections and warnings; exit 1 on errors.
    Check {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Print every fact of one article with the role and aspect it is filed under.
        #[arg(long, value_name = "FILE", conflicts_with = "json")]
        explain: Option<PathBuf>,
        #[command(flatten)]
        knowledge: KnowledgeArg,
    },
    /// Add an article (.md or .txt, UTF-8, at most 512 KB) to a server's knowledge base, as
    /// the operator; refused unless it teaches a role.
    Add(kb::AddArgs),
    /// Take an added article out of a server's knowledge base (it is kept, marked removed).
    Remove(kb::RemoveArgs),
    /// List the articles added to a server, newest first.
    List(kb::ListArgs),
}

#[derive(clap::Args)]
struct OperationsArg {
    /// Where to serve /metrics, /healthz and /readyz for the operator [env:
    /// ROLECALL_METRICS_ADDR; default: 127.0.0.1:9184; `off` in the variable turns it off].
    #[arg(long, value_name = "HOST:PORT")]
    metrics_addr: Option<SocketAddr>,
}

#[derive(clap::Args)]
struct KnowledgeArg {
    /// The knowledge directory [env: ROLECALL_KNOWLEDGE; else `knowledge` in rolecall.toml,
    /// else ./knowledge, else the copy built into the binary].
    // Not clap's `env`: `Settings` reads the variable, treating an empty one as unset.
    #[arg(long, value_name = "DIR")]
    knowledge: Option<PathBuf>,
}

/// `ROLECALL_LOG`'s filter, except that serenity's REST client logs only warnings: its
/// request span (at info) prints each request's route, an interaction's route holds the
/// interaction's token, and every event inside the span (hyper's, at debug) repeats it.
fn log_filter() -> tracing_subscriber::EnvFilter {
    let asked = std::env::var("ROLECALL_LOG").unwrap_or_default();
    let quiet = "serenity::http=warn";
    let directives = if asked.trim().is_empty() {
        quiet.to_owned()
    } else {
        format!("{asked},{quiet}")
    };
    tracing_subscriber::EnvFilter::try_new(&directives).unwrap_or_else(|error| {
        eprintln!("ROLECALL_LOG is not a log filter ({error}); logging errors only");
        tracing_subscriber::EnvFilter::new(format!("error,{quiet}"))
    })
}

fn main() -> ExitCode {
    // A missing .env is normal; variables may come from the environment itself.
    let _ = dotenvy::dotenv();
    let logs = tracing_subscriber::fmt()
        .with_env_filter(log_filter())
        .with_writer(std::io::stderr);
    // One JSON object a line for a log collector; otherwise lines for people.
    match std::env::var("ROLECALL_LOG_FORMAT").as_deref() {
        Ok("json") => logs.json().init(),
        Ok("" | "text") | Err(_) => logs.with_ansi(std::io::stderr().is_terminal()).init(),
        Ok(other) => {
            eprintln!("ROLECALL_LOG_FORMAT is json or text, not `{other}`; logging text");
            logs.with_ansi(std::io::stderr().is_terminal()).init();
        }
    }
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("rolecall: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ask {
            line,
            json,
            guild,
            knowledge,
        } => ask(&line, json, guild, knowledge),
        Command::Kb {
            command:
                KbCommand::Check {
                    explain: Some(file),
                    knowledge,
                    ..
                },
        } => explain(&file, knowledge),
        Command::Kb {
            command: KbCommand::Check {
                json, knowledge, ..
            },
        } => check(json, knowledge),
        Command::Kb {
            command: KbCommand::Add(args),
        } => kb::add(&args),
        Command::Kb {
            command: KbCommand::Remove(args),
        } => kb::remove(&args),
        Command::Kb {
            command: KbCommand::List(args),
        } => kb::list(&args),
        Command::ServeHttp {
            addr,
            operations,
            knowledge,
        } => serve::serve_http(addr, operations, knowledge),
        Command::Run {
            operations,
            knowledge,
            shards,
            shard_total,
        } => {
            let range = shards.zip(shard_total);
            let range = range.map(|(shards, total)| ShardRange::new(shards, total));
            serve::run_gateway(operations, knowledge, range.transpose()?)
        }
        Command::Register { guild } => serve::register(guild),
        Command::Jobs { command } => jobs::run(command),
        Command::Doctor { json, knowledge } => doctor(json, &knowledge),
        Command::Invite { json } => invite::run(&settings()?, json),
    }
}

/// `rolecall doctor`, reading what `settings` reads, but every setting on its own.
fn doctor(json: bool, knowledge: &KnowledgeArg) -> anyhow::Result<ExitCode> {
    let file = settings_file()?;
    doctor::run(
        file.as_deref(),
        |name| std::env::var(name).ok(),
        knowledge.knowledge.as_deref(),
        json,
    )
}

/// rolecall.toml's text, if there is one.
fn settings_file() -> anyhow::Result<Option<String>> {
    match std::fs::read_to_string("rolecall.toml") {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error).context("reading rolecall.toml"),
    }
}

/// Settings from `rolecall.toml` (if present) and the environment.
fn settings() -> anyhow::Result<Settings> {
    let file = settings_file()?;
    Ok(Settings::load(file.as_deref(), |name| {
        std::env::var(name).ok()
    })?)
}

/// [`load`], keeping the documents and where they came from: a server builds each server's
/// base from them and that server's articles, and a reload reads the same place again.
fn library(arg: &KnowledgeArg, settings: &Settings) -> Result<Library, LoadError> {
    let dir = arg.knowledge.as_deref().or(settings.knowledge.as_deref());
    let library = Library::load(DocumentSource::resolve(dir))?;
    let kb = library.base();
    tracing::info!(origin = %kb.origin, roles = kb.roles.len(), warnings = kb.warnings.len(), "knowledge base loaded");
    Ok(library)
}

/// Loads the knowledge base from the first of: `--knowledge`, `ROLECALL_KNOWLEDGE` and
/// rolecall.toml's `knowledge` (both in `settings`), `./knowledge`, the built-in copy.
fn load(arg: &KnowledgeArg, settings: &Settings) -> Result<KnowledgeBase, LoadError> {
    let dir = arg.knowledge.as_deref().or(settings.knowledge.as_deref());
    let kb = KnowledgeBase::load(dir)?;
    tracing::info!(origin = %kb.origin, roles = kb.roles.len(), warnings = kb.warnings.len(), "knowledge base loaded");
    Ok(kb)
}

/// Trains the question reader's scorer now, so that the first question a server answers
/// does not wait for it.
fn train_the_reader() {
    let started = std::time::Instant::now();
    advisor::reader::scorer::Scorer::shipped();
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "question reader trained"
    );
}

/// Exit 1 when the reply is an error, whether the request could not be answered (unknown
/// role, same role twice, a command it can't read, a question naming no role it needs) or
/// the answer found nothing for the filters given; exit 0 for any other answer, an honest
/// "I don't know" included. Slash lines and plain words alike. The terminal is the
/// operator's: job commands act on the board outside servers.
fn ask(
    line: &str,
    json: bool,
    guild: Option<u64>,
    knowledge: KnowledgeArg,
) -> anyhow::Result<ExitCode> {
    let settings = settings()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    // The library keeps where the documents came from, so `/kb reload` reads them again.
    let library = library(&knowledge, &settings).context("loading the knowledge base")?;
    let boards = Arc::new(Boards::new(settings.database_url.expose()));
    let service = Service::over(Arc::new(library), boards);
    let board = match guild {
        // Outside servers the job store opens only if the line needs the board.
        None => Board::OUTSIDE_SERVERS,
        Some(guild) => {
            runtime.block_on(service.load_server(guild))?;
            Board::server(guild)
        }
    };
    let caller = Caller::operator(board);
    let kb = service.knowledge_for(&caller);
    let answered = match advisor::read_line(&kb, line) {
        Ok(call) => runtime.block_on(service.answer(&call, &caller, unix_now())),
        Err(problem) => Err(problem),
    };
    let (reply, alerts) = match answered {
        Ok(outcome) => (outcome.reply, outcome.alerts),
        Err(problem) => (problem.reply(), None),
    };
    print_reply(&reply, json)?;
    // A job posted here queues its alerts before the process exits (a running bot sends them).
    if let Some(posted) = alerts {
        runtime.block_on(service.queue_posted(posted));
    }
    Ok(if reply.is_error() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A reply as Discord's interaction-response JSON, or as text (coloured on a terminal).
fn print_reply(reply: &Reply, json: bool) -> anyhow::Result<()> {
    let text = if json {
        serde_json::to_string_pretty(&json::interaction_response(reply))? + "\n"
    } else {
        let colour = if std::io::stdout().is_terminal() {
            terminal::Colour::Ansi
        } else {
            terminal::Colour::Plain
        };
        terminal::render(reply, colour)
    };
    write_stdout(&text)
}

/// Exit 0 when the knowledge base loads (warnings included), 1 when it cannot.
fn check(json: bool, knowledge: KnowledgeArg) -> anyhow::Result<ExitCode> {
    let settings = settings()?;
    let kb = match load(&knowledge, &settings) {
        Ok(kb) => kb,
        Err(LoadError::NoRoles {
            documents,
            origin,
            warnings,
        }) => {
            eprintln!("rolecall: no role found in {documents} document(s) from {origin}");
            for warning in &warnings {
                eprintln!("warning: {warning}");
            }
            return Ok(ExitCode::FAILURE);
        }
        Err(error) => {
            eprintln!("rolecall: {error}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let report = CheckReport::new(&kb);
    if json {
        write_stdout(&(serde_json::to_string_pretty(&report)? + "\n"))?;
    } else {
        write_stdout(&report.to_text())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `kb check --explain FILE`: what the bot reads in one article, fact by fact, knowing the
/// role names of the knowledge directory's `roles.toml` as the build does.
fn explain(file: &std::path::Path, knowledge: KnowledgeArg) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let name = file.to_string_lossy();
    let kb = load(&knowledge, &settings()?).context("loading the knowledge base")?;
    write_stdout(&rolecall::knowledge::building::report::explain(
        &name,
        &text,
        kb.known_roles(),
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout; a reader that went away (`rolecall ask … | head`) is not an error.
fn write_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(()),
    }
}
