//! `rolecall kb check`, an article of our own teaching new roles, and where the knowledge
//! directory comes from (flag, variable, `rolecall.toml`, `./knowledge`, built in).

use super::*;

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
    assert_line_with(out, &["In short"]);
    assert_line_with(
        out,
        &[
            "Sources:",
            "Quantum Software Engineer vs. Bioinformatics Analyst",
        ],
    );
    // Every aspect, one click away, with the facts of each role.
    let compare = "/compare quantum-software-engineer bioinformatics-analyst";
    for (aspect, items) in [
        (
            "responsibilities",
            &[
                "Translate quantum algorithms into optimised circuits",
                "Align sequencing reads against reference genomes.",
            ][..],
        ),
        (
            "skills",
            &[
                "Linear algebra and quantum mechanics fundamentals.",
                "Sequence alignment and phylogenetics methods.",
            ],
        ),
        (
            "education",
            &[
                "A degree in Physics or Computer Science",
                "A degree in Bioinformatics, Molecular Biology",
            ],
        ),
        ("tools", &["Qiskit", "Snakemake"]),
        (
            "industries",
            &[
                "Quantum hardware startups",
                "Clinical genomics laboratories",
            ],
        ),
        ("outlook", &["niche but growing quickly"]),
    ] {
        let run = ask_in(dir.path(), &format!("{compare} {aspect}"), false);
        run.assert_code(0);
        for item in items {
            assert_line_with(&run.stdout, &[item]);
        }
    }
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
fn kb_check_explain_prints_every_fact_with_its_role_and_aspect() {
    let run = rolecall_with(&["kb", "check", "--explain", "tests/documents/faq.md"]);
    run.assert_code(0)
        .assert_contains("2 role(s): Site Reliability Engineer, DevOps Engineer")
        .assert_contains("   17  Site Reliability Engineer · skills: Incident response")
        .assert_contains("   28  DevOps Engineer · tools: Tools: Jenkins, Docker, Ansible");
    let run = rolecall_with(&["kb", "check", "--explain", "tests/documents/mix.md"]);
    run.assert_code(0)
        .assert_contains("(comparison only) · skills: Communication with many teams")
        .assert_contains(
            "warning: line 32: \"Communication with many teams\" is in no role's scope",
        );
}

#[test]
fn kb_check_explain_reads_as_the_build_does_knowing_roles_toml() {
    let dir = TempDir::new().expect("a temporary directory");
    let articles = dir.path().join("articles");
    fs::create_dir_all(&articles).expect("create articles/");
    fs::write(
        dir.path().join("roles.toml"),
        "[[role]]\nname = \"Quant\"\n",
    )
    .expect("roles.toml");
    let article = articles.join("quants.md");
    fs::write(
        &article,
        "# Quants and analysts\n\n## Quant\n\nPrices derivatives with stochastic models.\n\n\
         ## Data Analyst\n\nBuilds dashboards for the business.\n",
    )
    .expect("an article");
    let explain = |knowledge: Option<&Path>| {
        let mut command = rolecall();
        command.args(["kb", "check", "--explain"]).arg(&article);
        if let Some(dir) = knowledge {
            command.arg("--knowledge").arg(dir);
        }
        run(command)
    };
    explain(Some(dir.path()))
        .assert_code(0)
        .assert_contains("2 role(s): Quant, Data Analyst")
        .assert_contains("Quant · definition: Prices derivatives");
    // Without the directory's roles.toml, "Quant" is no role: its heading says why.
    explain(None)
        .assert_code(0)
        .assert_contains("1 role(s): Data Analyst")
        .assert_contains("heading \"Quant\": nothing: does not end in a role noun");
}

#[test]
fn kb_check_says_per_document_what_it_read() {
    let dir = TempDir::new().expect("a temporary directory");
    let articles = dir.path().join("articles");
    fs::create_dir_all(&articles).expect("create articles/");
    for name in ["profile.md", "shared-scope.md"] {
        fs::copy(
            crate_root().join("tests/documents").join(name),
            articles.join(name),
        )
        .expect("copy a document");
    }
    let run = kb_check_in(dir.path(), false);
    run.assert_code(0)
        .assert_contains("articles/profile.md: Site Reliability Engineer (definition 1, ")
        .assert_contains("articles/shared-scope.md: Data Architect (definition 1); ")
        .assert_contains("; 1 for the comparison only")
        .assert_contains("warning: articles/shared-scope.md:5: \"Strong SQL\"");
    let report = kb_check_in(dir.path(), true).json();
    let articles = report["articles"].as_array().expect("articles array");
    assert_eq!(articles.len(), 2, "{report:#}");
    assert_eq!(articles[1]["comparison_only"], 1, "{report:#}");
}
