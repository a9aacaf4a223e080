//! `rolecall kb add|remove|list`: the operator's hand on a server's added articles, in the
//! teaching store at `DATABASE_URL` (the database `rolecall jobs` uses). An article is read
//! as the knowledge base reads one and refused unless it teaches a role.
//!
//! Exit codes, as the rest of the CLI: 0 done; 1 refused or bad input (the reason on
//! stderr): a file that is not a small UTF-8 `.md`/`.txt`, an article that teaches no role,
//! a text already added, no such article; 2 when the store cannot be opened or fails.

use std::fmt::{Display, Write as _};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use rolecall::jobs::validate::format_date;
use rolecall::knowledge::building::preview::Preview;
use rolecall::service::unix_now;
use rolecall::teaching::store::{TeachingError, TeachingStore};
use rolecall::teaching::upload::{self, FileFacts, UPLOAD_MAX_BYTES};

use super::{load, settings, write_stdout, KnowledgeArg};

/// Who the store records at the terminal, as `rolecall ask` and `rolecall jobs` do.
const OPERATOR: &str = "operator";

/// Longest `--author`, in code points: it is shown beside titles in lists and history.
const AUTHOR_MAX: usize = 100;

#[derive(clap::Args)]
pub struct AddArgs {
    /// The article: a .md or .txt file, UTF-8 (or UTF-16 with a byte-order mark), at most
    /// 512 KB.
    file: PathBuf,
    /// The server (its id) to add it to.
    #[arg(long, value_name = "ID")]
    guild: u64,
    /// Its title [default: the article's own title, else the file's name].
    #[arg(long, value_name = "T")]
    title: Option<String>,
    /// Who added it, as lists and history show it [default: operator].
    #[arg(long, value_name = "NAME")]
    author: Option<String>,
    #[command(flatten)]
    knowledge: KnowledgeArg,
}

#[derive(clap::Args)]
pub struct RemoveArgs {
    /// The article's number, as `kb list` shows it.
    id: i64,
    /// The server (its id) whose article it is.
    #[arg(long, value_name = "ID")]
    guild: u64,
}

#[derive(clap::Args)]
pub struct ListArgs {
    /// The server (its id) whose added articles to list.
    #[arg(long, value_name = "ID")]
    guild: u64,
}

/// Reads, checks and adds an article; prints its number, title and the roles it teaches.
pub fn add(args: &AddArgs) -> anyhow::Result<ExitCode> {
    let text = match read_article(&args.file) {
        Ok(text) => text,
        Err(reason) => return refuse(reason),
    };
    let author = match author_of(args.author.as_deref()) {
        Ok(author) => author,
        Err(reason) => return refuse(reason),
    };
    let kb = load(&args.knowledge, &settings()?).context("loading the knowledge base")?;
    let name = args.file.to_string_lossy();
    // Read as `/kb add` reads an article in Discord, and as the build will.
    let article = Preview::of(&kb, &name, &text);
    if !article.teaches() {
        return refuse(no_role_reason(&name, &article.warnings));
    }
    let title = match &args.title {
        Some(title) => title.clone(),
        None => upload::title_for(&article.title, &args.file.to_string_lossy()),
    };
    let added = block_on(async {
        Ok(store()
            .await?
            .add(args.guild, &title, &text, &author, unix_now())
            .await)
    })?;
    match added {
        Ok(added) => {
            let roles: Vec<&str> = article
                .roles
                .iter()
                .map(|role| role.name.as_str())
                .collect();
            write_stdout(&format!(
                "added article #{} \"{}\" to server {}\nroles: {}\n",
                added.id,
                added.title,
                args.guild,
                roles.join(", ")
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(TeachingError::AlreadyAdded { id, title }) => refuse(format!(
            "already added: server {} has this text as article #{id} \"{title}\"",
            args.guild
        )),
        Err(error) => refused_or_failed(error),
    }
}

/// Removes an article (it is kept, marked removed, with its audit event).
pub fn remove(args: &RemoveArgs) -> anyhow::Result<ExitCode> {
    let removed = block_on(async {
        Ok(store()
            .await?
            .remove(args.guild, args.id, OPERATOR, unix_now())
            .await)
    })?;
    match removed {
        Ok(article) => {
            write_stdout(&format!(
                "removed article #{} \"{}\" from server {}\n",
                article.id, article.title, args.guild
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => refused_or_failed(error),
    }
}

/// One line per live article, newest first: `#12     Title  (added 2026-12-05 by operator)`.
pub fn list(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let listed = block_on(async { Ok(store().await?.list(args.guild).await) })?;
    let articles = match listed {
        Ok(articles) => articles,
        Err(error) => return refused_or_failed(error),
    };
    let mut out = String::new();
    for article in &articles {
        let _ = writeln!(
            out,
            "#{:<6} {}  (added {} by {})",
            article.id,
            article.title,
            format_date(article.added_at),
            article.added_by
        );
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The article file's text: a `.md` or `.txt` file of at most [`FILE_MAX_BYTES`] in UTF-8
/// (a byte-order mark is no part of it). Otherwise why not, for the operator.
fn read_article(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let filename = path.to_string_lossy();
    let file =
        std::fs::File::open(path).map_err(|error| format!("cannot read {shown}: {error}"))?;
    // Read one byte past the bound rather than trusting the size the file system reports.
    let mut bytes = Vec::new();
    file.take(UPLOAD_MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot read {shown}: {error}"))?;
    let facts = FileFacts {
        filename: &filename,
        size: bytes.len() as u64,
        content_type: None,
    };
    // The rules a file attached in Discord is read by.
    upload::check_file(facts)
        .and_then(|()| upload::read_file(&bytes))
        .map_err(|problem| format!("{shown}: {problem}"))
}

/// Why an article teaches no role: the reader's first warning, which says what it looked for.
fn no_role_reason(name: &str, warnings: &[(usize, String)]) -> String {
    match warnings.first() {
        Some((line, message)) => format!("{name}:{line}: {message}"),
        None => format!("{name}: no role found, so the article would teach nothing"),
    }
}

/// `--author`, trimmed and bounded, or [`OPERATOR`].
fn author_of(given: Option<&str>) -> Result<String, String> {
    let Some(author) = given.map(str::trim) else {
        return Ok(OPERATOR.to_owned());
    };
    if author.is_empty() || author.chars().any(char::is_control) {
        return Err("--author needs a name, without control characters".to_owned());
    }
    let length = author.chars().count();
    if length > AUTHOR_MAX {
        return Err(format!(
            "--author is {length} characters long; at most {AUTHOR_MAX} fit"
        ));
    }
    Ok(author.to_owned())
}

/// The teaching store at `DATABASE_URL`, created and migrated if need be.
async fn store() -> anyhow::Result<TeachingStore> {
    let url = settings()?.database_url;
    TeachingStore::open(url.expose())
        .await
        .context("opening the teaching store (DATABASE_URL)")
}

/// Runs `work` to its end. The outer error is a failure (exit 2); the inner result is the
/// store's answer, a refusal or not.
fn block_on<T>(
    work: impl std::future::Future<Output = anyhow::Result<Result<T, TeachingError>>>,
) -> anyhow::Result<Result<T, TeachingError>> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?
        .block_on(work)
}

/// A store's refusal is exit 1 with its reason; its failure is exit 2 (through `main`).
fn refused_or_failed(error: TeachingError) -> anyhow::Result<ExitCode> {
    match error {
        TeachingError::Open(_) | TeachingError::Database(_) => {
            Err(anyhow::Error::from(error).context("the teaching store failed"))
        }
        refused => refuse(refused),
    }
}

fn refuse(reason: impl Display) -> anyhow::Result<ExitCode> {
    eprintln!("rolecall: {reason}");
    Ok(ExitCode::FAILURE)
}
