//! The Markdown documents under `tests/documents/`, each read and checked against its
//! expected reading (`name.toml` beside `name.md`): the roles found, every role's number of
//! facts per aspect, facts that must be under one role and not under another, facts kept
//! for the comparison only, text that must not survive, and competencies recognised once
//! the document is merged with the shipped taxonomy.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rolecall::knowledge::reading::article::{parse_document, ParsedArticle};
use rolecall::knowledge::{Document, KnowledgeBase, Section};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    roles: Vec<String>,
    #[serde(default)]
    comparison_only: usize,
    /// Role → aspect key → count; an aspect left out must have no fact.
    counts: BTreeMap<String, BTreeMap<String, usize>>,
    #[serde(default)]
    facts: Vec<ExpectedFact>,
    #[serde(default)]
    comparison: Vec<ComparisonFact>,
    #[serde(default)]
    absent: Vec<Absent>,
    /// Role → competency names it must have after merging.
    #[serde(default)]
    competencies: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFact {
    role: String,
    aspect: String,
    /// A part of the fact's text.
    text: String,
    /// A role that must have no fact containing `text`, in any aspect.
    not_under: Option<String>,
    line: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ComparisonFact {
    aspect: String,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Absent {
    text: String,
}

fn documents_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/documents")
}

#[test]
fn every_document_reads_as_expected() {
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(documents_dir())
        .expect("tests/documents exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    for path in paths {
        let expected_path = path.with_extension("toml");
        let expected: Expected = toml::from_str(
            &std::fs::read_to_string(&expected_path).expect("every document has its .toml"),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let bytes = std::fs::read(&path).expect("readable");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let parsed = parse_document(name, &String::from_utf8_lossy(&bytes));
        let problems = check(&parsed, &expected, name, bytes);
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} documents");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn check(parsed: &ParsedArticle, expected: &Expected, name: &str, bytes: Vec<u8>) -> Vec<String> {
    let mut problems = Vec::new();
    let roles: Vec<&str> = parsed.roles.iter().map(|r| r.name.as_str()).collect();
    if roles != expected.roles {
        problems.push(format!("roles {roles:?}, expected {:?}", expected.roles));
    }
    for role in &parsed.roles {
        let wanted = expected.counts.get(&role.name).cloned().unwrap_or_default();
        for section in Section::ALL {
            let count = role.facts.iter().filter(|f| f.section == section).count();
            let want = wanted.get(section.key()).copied().unwrap_or(0);
            if count != want {
                problems.push(format!(
                    "{} has {count} {} fact(s), expected {want}",
                    role.name,
                    section.key()
                ));
            }
        }
    }
    for fact in &expected.facts {
        check_fact(parsed, fact, &mut problems);
    }
    if parsed.shared.len() != expected.comparison_only {
        problems.push(format!(
            "{} fact(s) for the comparison only, expected {}: {:?}",
            parsed.shared.len(),
            expected.comparison_only,
            parsed.shared
        ));
    }
    for fact in &expected.comparison {
        let found = parsed
            .shared
            .iter()
            .any(|f| f.section.key() == fact.aspect && f.text.contains(&fact.text));
        if !found {
            problems.push(format!("{:?} not kept for the comparison", fact.text));
        }
    }
    for absent in &expected.absent {
        if let Some(text) = surviving(parsed, &absent.text) {
            problems.push(format!("{:?} survives in {text:?}", absent.text));
        }
    }
    if !expected.competencies.is_empty() {
        check_competencies(expected, name, bytes, &mut problems);
    }
    problems
}

/// The role name or fact of `parsed` that contains `text`, if one does: text that should
/// not have survived reading (furniture, sign-offs, navigation).
pub(super) fn surviving<'a>(parsed: &'a ParsedArticle, text: &str) -> Option<&'a String> {
    parsed
        .roles
        .iter()
        .flat_map(|r| std::iter::once(&r.name).chain(r.facts.iter().map(|f| &f.text)))
        .find(|t| t.contains(text))
}

fn check_fact(parsed: &ParsedArticle, fact: &ExpectedFact, problems: &mut Vec<String>) {
    let role = parsed.roles.iter().find(|r| r.name == fact.role);
    let found = role.and_then(|role| {
        role.facts
            .iter()
            .find(|f| f.section.key() == fact.aspect && f.text.contains(&fact.text))
    });
    match found {
        None => problems.push(format!(
            "{:?} is not under {} · {}",
            fact.text, fact.role, fact.aspect
        )),
        Some(found) if fact.line.is_some_and(|line| line != found.line) => problems.push(format!(
            "{:?} read on line {}, expected {:?}",
            fact.text, found.line, fact.line
        )),
        Some(_) => {}
    }
    if let Some(other) = &fact.not_under {
        let other = parsed.roles.iter().find(|r| &r.name == other);
        if other.is_some_and(|r| r.facts.iter().any(|f| f.text.contains(&fact.text))) {
            problems.push(format!("{:?} is under {:?} too", fact.text, fact.not_under));
        }
    }
}

fn check_competencies(expected: &Expected, name: &str, bytes: Vec<u8>, problems: &mut Vec<String>) {
    let skills = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/skills.toml"))
        .expect("the shipped taxonomy");
    let documents = [
        Document {
            path: format!("articles/{name}"),
            bytes,
        },
        Document {
            path: "skills.toml".into(),
            bytes: skills,
        },
    ];
    let Ok(kb) = KnowledgeBase::from_documents(&documents, "test") else {
        problems.push("no knowledge base".into());
        return;
    };
    for (role, names) in &expected.competencies {
        let Some(found) = kb.exact(role) else {
            problems.push(format!("{role} is not in the knowledge base"));
            continue;
        };
        for wanted in names {
            if !found.competencies.iter().any(|c| &c.name == wanted) {
                let have: Vec<&str> = found.competencies.iter().map(|c| c.name.as_str()).collect();
                problems.push(format!(
                    "{role} lacks the competency {wanted} (has {have:?})"
                ));
            }
        }
    }
}

/// Every Markdown example in README's "Adding an article" reads into roles, each fact
/// under a role (none kept for the comparison only, none skipped).
#[test]
fn the_readme_examples_read_as_documented() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let mut examples: Vec<String> = Vec::new();
    let (mut in_section, mut fence) = (false, None::<String>);
    for line in readme.lines() {
        match &mut fence {
            Some(example) if line.starts_with("```") => {
                examples.push(std::mem::take(example));
                fence = None;
            }
            Some(example) => {
                example.push_str(line);
                example.push('\n');
            }
            None if line.starts_with("## ") => in_section = line == "## Adding an article",
            None if in_section && line == "```markdown" => fence = Some(String::new()),
            None => {}
        }
    }
    assert!(examples.len() >= 6, "only {} examples", examples.len());
    for example in examples {
        let parsed = parse_document("example.md", &example);
        assert!(!parsed.roles.is_empty(), "no role in\n{example}");
        assert!(
            parsed.shared.is_empty(),
            "{:?} in\n{example}",
            parsed.shared
        );
        let lost: Vec<_> = parsed
            .warnings
            .iter()
            .filter(|(_, m)| m.contains("skipped"))
            .collect();
        assert!(lost.is_empty(), "{lost:?} in\n{example}");
    }
}
