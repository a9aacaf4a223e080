//! End-to-end tests of the `rolecall` binary: exit codes, terminal text, the Discord JSON body
//! and its limits, bad input, `kb check`, and knowledge directories other than the shipped one.
//! This file holds what every family of tests uses: running the binary and reading its output.

mod answers;
mod articles;
mod doctor;
mod invite;
mod jobs;
mod knowledge;
mod logs;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::support::shipped_knowledge;

/// What one run of the binary produced.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Both streams, for messages that may go to either.
    fn all_output(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// The first line of the answer: the embed title (after the ephemeral marker, if any).
    fn title(&self) -> &str {
        self.stdout
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty() && *line != "(only you can see this)")
            .unwrap_or("")
    }

    /// stdout as JSON, failing the test with the text when it is not.
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|error| {
            panic!("stdout is not JSON ({error}):\n{}", self.stdout);
        })
    }

    fn assert_code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(expected),
            "exit status\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Exit 0 or 1, no panic, no usage error (2) and no crash (101).
    fn assert_handled(&self, input: &str) -> &Run {
        let shown: String = input.chars().take(60).collect();
        assert!(
            matches!(self.code, Some(0) | Some(1)),
            "input {shown:?}: exit status {:?}\nstdout:\n{}\nstderr:\n{}",
            self.code,
            self.stdout,
            self.stderr
        );
        assert!(
            !self.stderr.contains("panicked"),
            "input {shown:?} panicked:\n{}",
            self.stderr
        );
        self
    }

    fn assert_contains(&self, needle: &str) -> &Run {
        assert!(
            self.all_output().contains(needle),
            "expected {needle:?} in the output:\n{}",
            self.all_output()
        );
        self
    }
}

fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from the crate root with no knowledge directory or log filter inherited,
/// keeping jobs in a database of its own.
fn rolecall() -> Command {
    let mut command =
        Command::cargo_bin("rolecall").expect("cargo builds the rolecall binary for tests");
    command
        .current_dir(crate_root())
        .env_remove("ROLECALL_KNOWLEDGE")
        .env_remove("ROLECALL_LOG")
        .env("DATABASE_URL", crate::support::sqlite_url("cli"));
    command
}

fn run(mut command: Command) -> Run {
    let output = command.output().expect("the rolecall binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `rolecall <args…>`, with nothing else added.
fn rolecall_with(args: &[&str]) -> Run {
    let mut command = rolecall();
    command.args(args);
    run(command)
}

/// `rolecall ask --knowledge <dir> [--json] <line>`.
fn ask_in(dir: &Path, line: &str, json: bool) -> Run {
    let mut command = rolecall();
    command.arg("ask").arg("--knowledge").arg(dir);
    if json {
        command.arg("--json");
    }
    command.arg(line);
    run(command)
}

/// `rolecall ask <line>` against the shipped knowledge base, as terminal text.
fn ask(line: &str) -> Run {
    ask_in(&shipped_knowledge(), line, false)
}

/// `rolecall ask --json <line>` against the shipped knowledge base.
fn ask_json(line: &str) -> Run {
    ask_in(&shipped_knowledge(), line, true)
}

/// `rolecall kb check --knowledge <dir> [--json]`.
fn kb_check_in(dir: &Path, json: bool) -> Run {
    let mut command = rolecall();
    command.args(["kb", "check", "--knowledge"]).arg(dir);
    if json {
        command.arg("--json");
    }
    run(command)
}

/// Code points, as Discord counts them.
fn chars(value: &Value) -> usize {
    value.as_str().map_or(0, |text| text.chars().count())
}

fn assert_at_most(what: &str, value: &Value, max: usize) {
    let count = chars(value);
    assert!(
        count <= max,
        "{what} has {count} characters (max {max}): {value}"
    );
}

/// Every limit Discord puts on a message: per text, per embed and for the whole message.
fn assert_within_discord_limits(body: &Value) {
    let data = &body["data"];
    assert_at_most("content", &data["content"], 2000);
    let embeds = data["embeds"].as_array().expect("data.embeds is an array");
    assert!(embeds.len() <= 10, "{} embeds", embeds.len());
    let mut total = 0;
    for embed in embeds {
        assert_at_most("embed title", &embed["title"], 256);
        assert_at_most("embed description", &embed["description"], 4096);
        assert_at_most("footer", &embed["footer"]["text"], 2048);
        total += chars(&embed["title"]) + chars(&embed["description"]);
        total += chars(&embed["footer"]["text"]);
        let no_fields = Vec::new();
        let fields = embed["fields"].as_array().unwrap_or(&no_fields);
        assert!(fields.len() <= 25, "{} fields in one embed", fields.len());
        for field in fields {
            assert_at_most("field name", &field["name"], 256);
            assert_at_most("field value", &field["value"], 1024);
            for key in ["name", "value"] {
                let text = field[key].as_str().unwrap_or("");
                assert!(!text.trim().is_empty(), "empty field {key}: {field}");
            }
            total += chars(&field["name"]) + chars(&field["value"]);
        }
    }
    assert!(
        total <= 6000,
        "the embeds hold {total} characters (max 6000)"
    );
}

/// An interaction response that posts a message nobody is pinged by.
fn assert_interaction_response(body: &Value) {
    assert_eq!(body["type"], 4, "interaction response type");
    assert_eq!(
        body["data"]["allowed_mentions"],
        serde_json::json!({ "parse": [] })
    );
    assert_within_discord_limits(body);
}

/// A line of `text` containing every one of `parts`.
fn assert_line_with(text: &str, parts: &[&str]) {
    assert!(
        text.lines()
            .any(|line| parts.iter().all(|part| line.contains(part))),
        "no line contains all of {parts:?} in:\n{text}"
    );
}

const COMPARE_MLE_DS: &str = "/compare role_a:machine-learning-engineer role_b:data-specialist";
const MLE: &str = "Machine Learning Engineer";
const DS: &str = "Data Specialist";
