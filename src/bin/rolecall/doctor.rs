//! `rolecall doctor`: checks a deployment before it goes live, as Discord and the store will
//! see it: every setting's shape, the store's migrations, the knowledge base, and the
//! commands registered with Discord against the definitions. It never changes anything and
//! never prints a secret.
//!
//! Exit codes, one per problem class (the first class with a problem, in this order): 0 all
//! good (warnings allowed), 3 settings, 4 store, 5 knowledge base, 6 Discord (registered
//! commands differ from the definitions, or Discord cannot be asked).

use std::process::ExitCode;

use serde::Serialize;

use rolecall::config::Settings;
use rolecall::discord::signature::Verifier;
use rolecall::knowledge::LoadError;

mod registration;
mod settings;
mod store;

/// What a check is about; each class has its own exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Settings,
    Store,
    Knowledge,
    Discord,
}

impl Class {
    fn exit_code(self) -> u8 {
        match self {
            Class::Settings => 3,
            Class::Store => 4,
            Class::Knowledge => 5,
            Class::Discord => 6,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    /// Worth knowing, not a reason to fail.
    Warning,
    Problem,
    /// Not checked, and why (a setting it needs is unset or broken).
    Skipped,
}

/// One check's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub class: Class,
    pub name: String,
    pub status: Status,
    pub detail: String,
}

/// Every check, in the order they ran.
#[derive(Debug, Default)]
pub struct Report {
    pub checks: Vec<Check>,
}

impl Report {
    pub fn add(&mut self, class: Class, name: &str, status: Status, detail: impl Into<String>) {
        self.checks.push(Check {
            class,
            name: name.to_owned(),
            status,
            detail: detail.into(),
        });
    }

    pub fn has_problem(&self, class: Class) -> bool {
        self.checks
            .iter()
            .any(|check| check.class == class && check.status == Status::Problem)
    }

    /// 0, or the exit code of the first class (settings, store, knowledge, Discord) with a
    /// problem.
    pub fn exit_code(&self) -> u8 {
        self.checks
            .iter()
            .filter(|check| check.status == Status::Problem)
            .map(|check| check.class)
            .min()
            .map_or(0, Class::exit_code)
    }

    fn to_text(&self) -> String {
        let mut text = String::new();
        for check in &self.checks {
            let mark = match check.status {
                Status::Ok => "ok     ",
                Status::Warning => "WARNING",
                Status::Problem => "PROBLEM",
                Status::Skipped => "skipped",
            };
            text.push_str(&format!("{mark} {}: {}\n", check.name, check.detail));
        }
        let problems = self
            .checks
            .iter()
            .filter(|check| check.status == Status::Problem)
            .count();
        text.push_str(&match problems {
            0 => "no problems found\n".to_owned(),
            n => format!("{n} problem(s) found (exit {})\n", self.exit_code()),
        });
        text
    }

    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "checks": self.checks, "exit_code": self.exit_code() })
    }
}

/// Runs every check and prints the report; the exit code says which class failed first.
/// `lookup` reads a variable (the environment, after `.env`); `file` is rolecall.toml's text.
pub fn run(
    file: Option<&str>,
    lookup: impl Fn(&str) -> Option<String>,
    knowledge: Option<&std::path::Path>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let mut report = Report::default();
    let checked = settings::check(file, &lookup, &mut report);
    match &checked.settings {
        Some(settings) => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(store::check(settings.database_url.expose(), &mut report));
            check_knowledge(knowledge, settings, &mut report);
            runtime.block_on(registration::check(settings, &checked, &mut report));
        }
        None => {
            report.add(
                Class::Store,
                "DATABASE_URL",
                Status::Skipped,
                "the settings do not load",
            );
            report.add(
                Class::Knowledge,
                "knowledge base",
                Status::Skipped,
                "the settings do not load",
            );
            report.add(
                Class::Discord,
                "registered commands",
                Status::Skipped,
                "the settings do not load",
            );
        }
    }
    let text = if json {
        serde_json::to_string_pretty(&report.to_json())? + "\n"
    } else {
        report.to_text()
    };
    super::write_stdout(&text)?;
    Ok(ExitCode::from(report.exit_code()))
}

/// Loads the knowledge base as `run` and `serve-http` do and reports its warnings (the
/// first few by name: `kb check` lists them all).
fn check_knowledge(dir: Option<&std::path::Path>, settings: &Settings, report: &mut Report) {
    const SHOWN: usize = 5;
    let dir = dir.or(settings.knowledge.as_deref());
    match rolecall::knowledge::KnowledgeBase::load(dir) {
        Ok(kb) => {
            report.add(
                Class::Knowledge,
                "knowledge base",
                Status::Ok,
                format!(
                    "{} roles from {}, {} warning(s)",
                    kb.roles.len(),
                    kb.origin,
                    kb.warnings.len()
                ),
            );
            for warning in kb.warnings.iter().take(SHOWN) {
                report.add(
                    Class::Knowledge,
                    "knowledge warning",
                    Status::Warning,
                    warning.to_string(),
                );
            }
            if kb.warnings.len() > SHOWN {
                report.add(
                    Class::Knowledge,
                    "knowledge warning",
                    Status::Warning,
                    format!(
                        "and {} more: `rolecall kb check` lists them all",
                        kb.warnings.len() - SHOWN
                    ),
                );
            }
        }
        Err(LoadError::NoRoles {
            documents, origin, ..
        }) => report.add(
            Class::Knowledge,
            "knowledge base",
            Status::Problem,
            format!("no role found in {documents} document(s) from {origin}: `rolecall kb check` says why"),
        ),
        Err(error) => report.add(
            Class::Knowledge,
            "knowledge base",
            Status::Problem,
            error.to_string(),
        ),
    }
}

/// The public key as `serve-http` reads it.
fn check_public_key(key: &str) -> Result<(), String> {
    let key = key.trim();
    if key.len() != 64 {
        return Err(format!(
            "{} characters; a public key is 64 hex characters (32 bytes)",
            key.len()
        ));
    }
    Verifier::from_hex(key)
        .map(|_| ())
        .map_err(|error| error.to_string())
}
