//! End-to-end tests of the `rolecall` binary: exit codes, terminal text, the Discord JSON body
//! and its limits, bad input, `kb check`, and knowledge directories other than the shipped one.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{json, Value};
use tempfile::TempDir;

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

fn shipped_knowledge() -> PathBuf {
    crate_root().join("knowledge")
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

#[test]
fn compare_shows_every_section_for_both_roles_and_its_sources() {
    let run = ask(COMPARE_MLE_DS);
    run.assert_code(0);
    let out = &run.stdout;
    assert_eq!(run.title(), "Machine Learning Engineer vs Data Specialist");
    assert_line_with(
        out,
        &["Machine Learning Engineer: A Machine Learning Engineer is"],
    );
    assert_line_with(out, &["Data Specialist: A Data Specialist is"]);
    for section in [
        "Responsibilities",
        "Skills",
        "Tools",
        "Education",
        "Industries",
    ] {
        assert_line_with(out, &[section, MLE]);
        assert_line_with(out, &[section, DS]);
    }
    // Items from the article, one per role and section.
    for item in [
        "Develop and implement machine learning models and algorithms.",
        "Collect, clean, and organize data from various sources.",
        "Proficiency in programming languages such as Python",
        "Strong analytical skills and attention to detail.",
        "TensorFlow, Keras, PyTorch",
        "Tableau, Power BI, Google Data Studio",
        "Marketing and Advertising",
    ] {
        assert_line_with(out, &[item]);
    }
    assert_line_with(out, &["In common"]);
    assert_line_with(
        out,
        &["Sources:", "Machine Learning Engineer vs. Data Specialist"],
    );
}

#[test]
fn terminal_output_has_no_ansi_codes_when_stdout_is_not_a_tty() {
    for line in [COMPARE_MLE_DS, "/skills role:astronaut", "/help"] {
        let run = ask(line);
        assert!(
            !run.stdout.contains('\u{1b}'),
            "{line}: escape code in piped output:\n{}",
            run.stdout
        );
        assert!(!run.stdout.contains("**"), "{line}: raw markdown bold");
    }
}

#[test]
fn compare_json_is_an_interaction_response_within_discord_limits() {
    let run = ask_json(COMPARE_MLE_DS);
    run.assert_code(0);
    let body = run.json();
    assert_interaction_response(&body);
    let embeds = body["data"]["embeds"].as_array().expect("embeds array");
    assert!(!embeds.is_empty(), "no embed in {body}");
    let text = body.to_string();
    assert!(text.contains("Sources:"), "no sources in {text}");
    assert!(text.contains(MLE) && text.contains(DS));
}

#[test]
fn every_command_json_stays_within_discord_limits() {
    for line in [
        "/compare mle data-specialist aspect:tools",
        "/skills role:machine learning engineer",
        "/role role:mle",
        "/role role:mle page:2",
        "/roles",
        "/path from:data-specialist to:machine-learning-engineer",
        "/match skills:python, sql, tableau, aws, docker, spark, excel",
        "/jobs",
        "/salary role:data scientist",
        "/kb stats",
        "/help",
        "/skills role:astronaut",
        "what tools does an mlops engineer use?",
    ] {
        let run = ask_json(line);
        run.assert_handled(line);
        assert_interaction_response(&run.json());
    }
}

#[test]
fn unknown_role_exits_1_and_suggests_the_closest_roles() {
    let run = ask("/skills role:data operashuns");
    run.assert_code(1).assert_contains("Did you mean");
    let out = run.all_output();
    let suggested = ["Data Operations Specialist", "Data Scientist", DS, MLE];
    assert!(
        suggested.iter().any(|role| out.contains(role)),
        "no role suggested:\n{out}"
    );
    // A name like no role gets no far-fetched guesses, only the way to the list.
    let nothing_alike = ask("/skills role:astronaut");
    nothing_alike.assert_code(1);
    assert!(!nothing_alike.all_output().contains("Did you mean"));
}

#[test]
fn unknown_role_json_is_an_ephemeral_interaction_response() {
    let run = ask_json("/skills role:data operashuns");
    run.assert_code(1);
    let body = run.json();
    assert_interaction_response(&body);
    assert_eq!(
        body["data"]["flags"], 64,
        "errors are shown only to the asker"
    );
    assert!(body.to_string().contains("Did you mean"));
}

#[test]
fn comparing_a_role_with_itself_exits_1() {
    ask("/compare mle mle")
        .assert_code(1)
        .assert_contains(MLE)
        .assert_contains("different");
}

#[test]
fn plain_language_comparison_is_answered_as_compare() {
    let run = ask("ml engineer vs data specialist");
    run.assert_code(0);
    assert_eq!(run.title(), "Machine Learning Engineer vs Data Specialist");
    run.assert_contains("In common");
}

#[test]
fn plain_language_tools_question_lists_the_roles_tools() {
    let run = ask("what tools does an mlops engineer use?");
    run.assert_code(0);
    assert_eq!(run.title(), "Skills and tools for MLOps Engineer");
    run.assert_contains("Docker");
}

#[test]
fn plain_language_move_question_is_answered_as_path() {
    let run = ask("how do I move from data specialist to ml engineer");
    run.assert_code(0);
    assert_eq!(
        run.title(),
        "From Data Specialist to Machine Learning Engineer"
    );
    run.assert_contains("What to learn");
}

#[test]
fn plain_language_skill_list_is_answered_as_match() {
    let run = ask("I know python, sql and tableau — which role?");
    run.assert_code(0);
    assert_eq!(run.title(), "Roles that fit your skills");
    for skill in ["Python", "SQL", "Tableau"] {
        assert_line_with(&run.stdout, &["You have:", skill]);
    }
}

/// Inputs a user may type that are not a sensible question.
fn bad_inputs() -> Vec<String> {
    vec![
        String::new(),
        "   \t ".to_owned(),
        "data scientist ".repeat(6_700),
        format!("/compare {}", "x".repeat(100_000)),
        "\u{1}\u{7}\u{1b}[31m".to_owned(),
        "/skills role:data\u{7}\u{1b} specialist".to_owned(),
        "**bold** _it_ `code` [link](https://example.com) > quote".to_owned(),
        "@everyone what does a data scientist do? @here".to_owned(),
        "/skills role:@everyone".to_owned(),
        "/salary role:@everyone".to_owned(),
        "/match skills:python, @everyone".to_owned(),
        "/nope".to_owned(),
        "/compare role_a:\"machine learning engineer role_b:data specialist".to_owned(),
        "/skills \"".to_owned(),
    ]
}

#[test]
fn bad_input_gets_a_message_and_exit_0_or_1_never_a_panic() {
    for input in bad_inputs() {
        let run = ask(&input);
        run.assert_handled(&input);
        assert!(
            !run.title().is_empty(),
            "input {:?}: no message",
            input.chars().take(60).collect::<String>()
        );
    }
}

#[test]
fn bad_input_json_stays_valid_within_limits_and_pings_nobody() {
    for input in bad_inputs() {
        let run = ask_json(&input);
        run.assert_handled(&input);
        assert_interaction_response(&run.json());
        for mention in ["@everyone", "@here"] {
            assert!(
                !run.stdout.contains(mention),
                "input {input:?}: {mention} left as is:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn empty_question_asks_for_something() {
    for input in ["", "   "] {
        let run = ask(input);
        run.assert_handled(input);
        assert_eq!(run.title(), "Ask me something");
    }
}

#[test]
fn unknown_command_names_it_and_points_to_help() {
    ask("/nope")
        .assert_code(1)
        .assert_contains("/nope")
        .assert_contains("/help");
}

#[test]
fn ask_exits_1_for_an_error_reply_in_either_form_and_0_for_an_honest_i_dont_know() {
    // Each slash line, then the same request in plain words.
    for (line, error) in [
        ("/compare mle mle", "Same role twice"),
        ("mle vs mle", "Same role twice"),
        ("/salary", "I couldn't read that command"),
        ("what about salary?", "Which role?"),
        // No featured job in the articles is at executive level.
        ("/jobs level:executive", "No featured job matches"),
        ("executive jobs", "No featured job matches"),
    ] {
        let run = ask(line);
        run.assert_code(1);
        assert_eq!(run.title(), error, "{line}");
        assert!(run.stdout.starts_with("(only you can see this)"), "{line}");
    }
    let run = ask("what is the meaning of life?");
    run.assert_code(0);
    assert_eq!(run.title(), "I don't know that one yet");
}

#[test]
fn nul_byte_in_a_question_is_answered_without_panic() {
    // An argv cannot carry NUL, so the library takes this one directly.
    let kb = rolecall::knowledge::KnowledgeBase::from_dir(&shipped_knowledge())
        .expect("the shipped knowledge base loads");
    for line in ["\u{0}\u{7}", "/skills role:\u{0}", "/compare \u{0} mle"] {
        let reply = crate::support::reply_to(&kb, line);
        assert!(!reply.embeds().is_empty(), "{line:?}: empty reply");
    }
}

#[test]
fn kb_check_json_reports_documents_roles_jobs_and_warnings() {
    let run = kb_check_in(&shipped_knowledge(), true);
    run.assert_code(0);
    let report = run.json();
    assert_eq!(report["documents"], 5);
    assert!(report["featured_jobs"].is_u64(), "featured_jobs: {report}");
    let roles = report["roles"].as_array().expect("roles array");
    assert_eq!(roles.len(), 8, "roles: {report:#}");
    for role in roles {
        assert!(
            role["slug"].is_string() && role["name"].is_string(),
            "{role}"
        );
        assert!(role["aliases"].is_array(), "{role}");
        let sections = role["sections"].as_object().expect("sections object");
        assert!(!sections.is_empty(), "{role}");
        assert!(sections.values().all(Value::is_u64), "{role}");
        let sources = role["sources"].as_array().expect("sources array");
        assert!(!sources.is_empty() && sources.iter().all(Value::is_string));
    }
    let warnings = report["warnings"].as_array().expect("warnings array");
    for warning in warnings {
        assert!(warning["file"].is_string(), "{warning}");
        assert!(warning["line"].is_u64(), "{warning}");
        assert!(warning["message"].is_string(), "{warning}");
    }
    let mle = roles
        .iter()
        .find(|role| role["slug"] == "machine-learning-engineer")
        .expect("Machine Learning Engineer is reported");
    assert_eq!(mle["name"], MLE);
    assert_eq!(mle["sources"].as_array().map(Vec::len), Some(3));
}

#[test]
fn kb_check_text_summarises_the_shipped_knowledge() {
    kb_check_in(&shipped_knowledge(), false)
        .assert_code(0)
        .assert_contains("5 documents, 8 roles")
        .assert_contains("machine-learning-engineer");
}

/// An article in the comparison template about two roles no shipped file mentions, with
/// tools that are in no taxonomy.
const QUANTUM_VS_BIOINFORMATICS: &str = "\
Quantum Software Engineer vs. Bioinformatics Analyst

Quantum Software Engineer vs. Bioinformatics Analyst: A Comprehensive Comparison

5 min read · Nov. 2, 2024
Table of contents

Two young careers meet at the edge of science and software. This article compares them.

Definitions

Quantum Software Engineer: A Quantum Software Engineer writes and tests programs that run on quantum processors and simulators, turning quantum algorithms into working circuits.

Bioinformatics Analyst: A Bioinformatics Analyst processes and interprets biological sequence data, such as genomes and proteomes, to support research in the life sciences.

Responsibilities

Quantum Software Engineer

  • Translate quantum algorithms into optimised circuits for specific hardware.
  • Benchmark circuits against noise models on simulators.

Bioinformatics Analyst

  • Align sequencing reads against reference genomes.
  • Maintain reproducible variant-calling pipelines.

Required Skills

Quantum Software Engineer

  • Linear algebra and quantum mechanics fundamentals.
  • Error mitigation techniques for noisy qubits.

Bioinformatics Analyst

  • Molecular biology fundamentals and genomics vocabulary.
  • Sequence alignment and phylogenetics methods.

Educational Backgrounds

Quantum Software Engineer

  • A degree in Physics or Computer Science, often a Ph.D. in quantum information.

Bioinformatics Analyst

  • A degree in Bioinformatics, Molecular Biology or Computational Biology.

Tools and Software Used

Quantum Software Engineer

  • Quantum SDKs: Qiskit, Cirq, PennyLane
  • Simulators: QuTiP, Stim

Bioinformatics Analyst

  • Sequence Tools: BLAST, Bowtie2, SAMtools
  • Workflow Managers: Nextflow, Snakemake

Common Industries

Quantum Software Engineer

  • Quantum hardware startups
  • National laboratories

Bioinformatics Analyst

  • Pharmaceutical research
  • Clinical genomics laboratories

Outlooks

Both roles are niche but growing quickly as quantum hardware matures and sequencing gets cheaper.

Practical Tips for Getting Started

  1. Learn the Maths: Work through a linear algebra course before touching quantum circuits.

  2. Run a Real Pipeline: Reproduce a published variant-calling analysis end to end.

In the end, both careers reward curiosity about the science under the software.

Featured Job 👀
Quantum Compiler Engineer

@ Qubitworks | Remote

Full Time Senior-level / Expert USD 150K - 210K

Salary Insights

View salary info for Quantum Software Engineer (global) Details

Related articles
";

const QUANTUM: &str = "Quantum Software Engineer";
const BIOINFORMATICS: &str = "Bioinformatics Analyst";

/// A knowledge directory holding only the quantum-vs-bioinformatics article.
fn own_article_dir() -> TempDir {
    let dir = TempDir::new().expect("a temporary directory");
    write_own_article(dir.path());
    dir
}

fn write_own_article(knowledge: &Path) {
    let articles = knowledge.join("articles");
    fs::create_dir_all(&articles).expect("create articles/");
    fs::write(
        articles.join("quantum-software-engineer-vs-bioinformatics-analyst.txt"),
        QUANTUM_VS_BIOINFORMATICS,
    )
    .expect("write the article");
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the copy's directory");
    for entry in fs::read_dir(from).expect("read the shipped knowledge") {
        let path = entry.expect("a directory entry").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy a knowledge file");
        }
    }
}

fn role_slugs(report: &Value) -> Vec<String> {
    let mut slugs: Vec<String> = report["roles"]
        .as_array()
        .expect("roles array")
        .iter()
        .filter_map(|role| role["slug"].as_str().map(str::to_owned))
        .collect();
    slugs.sort();
    slugs
}

#[test]
fn own_article_alone_teaches_two_new_roles_to_compare() {
    let dir = own_article_dir();
    let run = ask_in(
        dir.path(),
        "/compare role_a:quantum software engineer role_b:bioinformatics analyst",
        false,
    );
    run.assert_code(0);
    let out = &run.stdout;
    assert_eq!(
        run.title(),
        "Quantum Software Engineer vs Bioinformatics Analyst"
    );
    assert_line_with(
        out,
        &["writes and tests programs that run on quantum processors"],
    );
    assert_line_with(out, &["processes and interprets biological sequence data"]);
    for item in [
        "Translate quantum algorithms into optimised circuits",
        "Align sequencing reads against reference genomes.",
        "Linear algebra and quantum mechanics fundamentals.",
        "Sequence alignment and phylogenetics methods.",
        "A degree in Physics or Computer Science",
        "A degree in Bioinformatics, Molecular Biology",
        "Qiskit",
        "Snakemake",
        "Quantum hardware startups",
        "Clinical genomics laboratories",
        "niche but growing quickly",
    ] {
        assert_line_with(out, &[item]);
    }
    assert_line_with(
        out,
        &[
            "Sources:",
            "Quantum Software Engineer vs. Bioinformatics Analyst",
        ],
    );
}

#[test]
fn own_article_tools_outside_any_taxonomy_still_count_as_skills() {
    let dir = own_article_dir();
    let run = ask_in(dir.path(), "/skills role:bioinformatics analyst", false);
    run.assert_code(0);
    assert_eq!(run.title(), "Skills and tools for Bioinformatics Analyst");
    for tool in ["BLAST", "Bowtie2", "SAMtools", "Nextflow", "Snakemake"] {
        run.assert_contains(tool);
    }
    assert!(!run.stdout.contains("Qiskit"), "another role's tool listed");
}

#[test]
fn own_article_kb_check_lists_exactly_its_two_roles() {
    let dir = own_article_dir();
    let run = kb_check_in(dir.path(), true);
    run.assert_code(0);
    let report = run.json();
    assert_eq!(report["documents"], 1);
    assert_eq!(
        role_slugs(&report),
        ["bioinformatics-analyst", "quantum-software-engineer"]
    );
    let names: Vec<&str> = report["roles"]
        .as_array()
        .expect("roles array")
        .iter()
        .filter_map(|role| role["name"].as_str())
        .collect();
    assert!(names.contains(&QUANTUM) && names.contains(&BIOINFORMATICS));
}

#[test]
fn own_article_beside_the_shipped_articles_makes_ten_roles() {
    let dir = TempDir::new().expect("a temporary directory");
    copy_dir(&shipped_knowledge(), dir.path());
    write_own_article(dir.path());
    let report = kb_check_in(dir.path(), true).assert_code(0).json();
    let slugs = role_slugs(&report);
    assert_eq!(slugs.len(), 10, "{slugs:?}");
    assert!(slugs.contains(&"quantum-software-engineer".to_owned()));
    assert!(slugs.contains(&"machine-learning-engineer".to_owned()));
    let run = ask_in(dir.path(), "/compare bioinformatics-analyst mle", false);
    run.assert_code(0);
    assert_eq!(
        run.title(),
        "Bioinformatics Analyst vs Machine Learning Engineer"
    );
}

#[test]
fn missing_knowledge_directory_is_an_error_naming_it() {
    let missing = "/nonexistent/rolecall-knowledge";
    for args in [
        vec!["ask", "--knowledge", missing, "/roles"],
        vec!["kb", "check", "--knowledge", missing],
    ] {
        let run = rolecall_with(&args);
        assert!(
            matches!(run.code, Some(code) if code != 0 && code != 101),
            "{args:?}: exit status {:?}",
            run.code
        );
        run.assert_contains(missing);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn directory_without_an_article_fails_kb_check_saying_no_role_was_found() {
    let dir = TempDir::new().expect("a temporary directory");
    fs::write(dir.path().join("notes.csv"), "role,skill\nx,y\n").expect("write a non-article");
    kb_check_in(dir.path(), false)
        .assert_code(1)
        .assert_contains("no role found");
}

#[test]
fn without_a_knowledge_directory_the_built_in_copy_answers() {
    let empty = TempDir::new().expect("a temporary directory");
    let mut command = rolecall();
    command.current_dir(empty.path()).args(["ask", "/kb stats"]);
    run(command)
        .assert_code(0)
        .assert_contains("built-in knowledge base");
}

/// The number of roles `kb check` finds when run in `dir` with `args` and `env` added.
fn roles_found_in(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> usize {
    let mut command = rolecall();
    command
        .current_dir(dir)
        .args(["kb", "check", "--json"])
        .args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    role_slugs(&run(command).assert_code(0).json()).len()
}

/// A working directory with `rolecall.toml` pointing at `from-toml/` (the shipped knowledge
/// plus one article: ten roles) and a `./knowledge` holding that article alone (two roles).
fn dir_with_rolecall_toml() -> TempDir {
    let dir = TempDir::new().expect("a temporary directory");
    copy_dir(&shipped_knowledge(), &dir.path().join("from-toml"));
    write_own_article(&dir.path().join("from-toml"));
    write_own_article(&dir.path().join("knowledge"));
    fs::write(
        dir.path().join("rolecall.toml"),
        "knowledge = \"from-toml\"\n",
    )
    .expect("write rolecall.toml");
    dir
}

#[test]
fn rolecall_toml_knowledge_is_used_by_ask_when_no_flag_or_variable_names_one() {
    let dir = dir_with_rolecall_toml();
    let mut command = rolecall();
    command
        .current_dir(dir.path())
        .args(["ask", "/compare bioinformatics-analyst mle"]);
    let run = run(command);
    run.assert_code(0);
    assert_eq!(
        run.title(),
        "Bioinformatics Analyst vs Machine Learning Engineer"
    );
}

#[test]
fn knowledge_precedence_is_flag_then_variable_then_rolecall_toml_then_dot_knowledge() {
    let dir = dir_with_rolecall_toml();
    let own = dir.path().join("knowledge");
    let from_toml = dir.path().join("from-toml");
    assert_eq!(roles_found_in(dir.path(), &[], &[]), 10, "rolecall.toml");
    assert_eq!(
        roles_found_in(dir.path(), &[], &[("ROLECALL_KNOWLEDGE", &own)]),
        2,
        "the variable beats the file"
    );
    assert_eq!(
        roles_found_in(dir.path(), &[], &[("ROLECALL_KNOWLEDGE", Path::new(""))]),
        10,
        "an empty variable counts as unset"
    );
    let flag = own.to_str().expect("a UTF-8 path");
    assert_eq!(
        roles_found_in(
            dir.path(),
            &["--knowledge", flag],
            &[("ROLECALL_KNOWLEDGE", &from_toml)]
        ),
        2,
        "the flag beats the variable"
    );
    fs::remove_file(dir.path().join("rolecall.toml")).expect("remove rolecall.toml");
    assert_eq!(roles_found_in(dir.path(), &[], &[]), 2, "./knowledge");
}

#[test]
fn broken_rolecall_toml_is_an_error_naming_it_not_a_panic() {
    let dir = TempDir::new().expect("a temporary directory");
    fs::write(dir.path().join("rolecall.toml"), "knowledge = [").expect("write rolecall.toml");
    let mut command = rolecall();
    command.current_dir(dir.path()).args(["ask", "/help"]);
    let run = run(command);
    run.assert_code(2).assert_contains("Invalid rolecall.toml");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn help_describes_every_command_and_option() {
    let cases: [(&[&str], &[&str]); 3] = [
        (&["--help"], &["ask", "kb", "--help"]),
        (
            &["ask", "--help"],
            &["--json", "--knowledge", "ROLECALL_KNOWLEDGE"],
        ),
        (&["kb", "check", "--help"], &["--json", "--knowledge"]),
    ];
    for (args, mentions) in cases {
        let run = rolecall_with(args);
        run.assert_code(0);
        for mention in mentions {
            assert!(
                run.stdout.contains(mention),
                "`rolecall {}` does not mention {mention}:\n{}",
                args.join(" "),
                run.stdout
            );
        }
    }
}

/// `rolecall <args…>` keeping jobs at `database`.
fn rolecall_on(database: &str, args: &[&str]) -> Run {
    let mut command = rolecall();
    command.env("DATABASE_URL", database).args(args);
    run(command)
}

#[test]
fn the_operator_manages_a_servers_jobs_from_the_command_line() {
    let db = crate::support::sqlite_url("cli_jobs");
    let added = rolecall_on(
        &db,
        &[
            "jobs",
            "add",
            "--guild",
            "42",
            "title:Senior ML Engineer",
            "company:Acme",
            "location:Berlin",
            "remote:false",
            "level:senior",
            "salary_min:90000",
            "salary_max:120000",
            "currency:EUR",
            "role:mle",
        ],
    );
    added.assert_code(0);
    assert!(added.title().ends_with("posted"), "{}", added.all_output());
    let id = crate::support::job_number(added.title());

    let listed = rolecall_on(
        &db,
        &["jobs", "list", "--guild", "42", "--json", "role:mle"],
    );
    listed.assert_code(0);
    let jobs = listed.json();
    assert_eq!(jobs.as_array().map(Vec::len), Some(1), "{jobs}");
    assert_eq!(jobs[0]["title"], "Senior ML Engineer");
    assert_eq!(jobs[0]["posted_by"], "operator");
    assert_eq!(
        jobs[0]["salary"],
        json!({ "min": 90000, "max": 120000, "currency": "EUR" })
    );

    let edited = rolecall_on(
        &db,
        &[
            "jobs",
            "edit",
            "--guild",
            "42",
            &id.to_string(),
            "salary_max:80000",
        ],
    );
    edited.assert_code(1).assert_contains("salary_max");
    rolecall_on(
        &db,
        &[
            "jobs",
            "edit",
            "--guild",
            "42",
            &id.to_string(),
            "title:Staff ML Engineer",
        ],
    )
    .assert_code(0);
    rolecall_on(&db, &["jobs", "remove", "--guild", "42", &id.to_string()]).assert_code(0);
    rolecall_on(&db, &["jobs", "remove", "--guild", "42", &id.to_string()])
        .assert_code(1)
        .assert_contains("No such job");

    let history = rolecall_on(&db, &["jobs", "history", "--guild", "42", &id.to_string()]);
    history.assert_code(0);
    let actions: Vec<&str> = history
        .stdout
        .lines()
        .filter_map(|line| line.split_whitespace().nth(1))
        .collect();
    assert_eq!(actions, ["post", "edit", "remove"], "{}", history.stdout);

    // Every board is its own: the article's jobs are on 42's board, this one is gone from it,
    // and the board outside servers never saw it.
    let remaining = rolecall_on(&db, &["jobs", "list", "--guild", "42"]);
    assert!(remaining.stdout.contains("Leidos"), "{}", remaining.stdout);
    assert!(
        !remaining.stdout.contains("ML Engineer —"),
        "{}",
        remaining.stdout
    );
    let outside = rolecall_on(&db, &["jobs", "list", "--json"]).json();
    assert!(!outside.to_string().contains("Staff ML Engineer"));
}

#[test]
fn ask_posts_and_lists_jobs_as_the_operator_on_the_board_outside_servers() {
    let db = crate::support::sqlite_url("cli_ask_jobs");
    rolecall_on(
        &db,
        &[
            "ask",
            "/job post title:\"Data Steward\" company:Globex location:Remote remote:true",
        ],
    )
    .assert_code(0)
    .assert_contains("posted");
    rolecall_on(&db, &["ask", "/jobs remote:true"])
        .assert_code(0)
        .assert_contains("Data Steward");
    rolecall_on(
        &db,
        &[
            "ask",
            "/job post title:x company:y location:z remote:true apply_url:ftp://x",
        ],
    )
    .assert_code(1)
    .assert_contains("apply_url");
    let broken = rolecall_on("mysql://nowhere/jobs", &["ask", "/jobs"]);
    broken
        .assert_code(1)
        .assert_contains("Job board unavailable");
    // A question that needs no job board never opens one.
    rolecall_on("mysql://nowhere/jobs", &["ask", "/skills mlops"]).assert_code(0);
}
