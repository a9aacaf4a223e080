//! The real public role documents in `../shared/real-docs/` (third-party text, read from
//! there and never copied here), each checked against what its README says each role
//! clearly has: the roles found, the aspects every role must have and those it must not,
//! and text that must not survive (page furniture, sign-offs, navigation). Our own
//! expectations live in `tests/documents/real/NAME.toml`.
//!
//! An aspect is had when the role, once the document is merged with the shipped taxonomy,
//! has a fact under it; Tools and Skills are also had through the tools or skills its facts
//! name (a job description lists its tools inside its skill bullets).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rolecall::knowledge::reading::article::parse_document;
use rolecall::knowledge::{Document, KnowledgeBase, Role, Section};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    roles: Vec<String>,
    /// Role → aspects it must have.
    #[serde(default)]
    aspects: BTreeMap<String, Vec<String>>,
    /// Role → aspects it must not have.
    #[serde(default)]
    never: BTreeMap<String, Vec<String>>,
    /// Text no role name or fact may contain.
    #[serde(default)]
    absent: Vec<String>,
}

fn real_docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-docs")
}

fn expectations() -> Vec<(PathBuf, Expected)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/documents/real");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/documents/real exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            let expected =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, expected)
        })
        .collect()
}

fn has(role: &Role, aspect: &str) -> bool {
    let Some(section) = Section::from_key(aspect) else {
        return false;
    };
    !role.facts(section).is_empty()
        || match section {
            Section::Tools => role.competencies.iter().any(|c| c.category.is_tool()),
            Section::Skills => role.competencies.iter().any(|c| !c.category.is_tool()),
            _ => false,
        }
}

#[test]
fn the_real_documents_read_as_their_readme_says() {
    if !real_docs().is_dir() {
        eprintln!("skipped: {} is not there", real_docs().display());
        return;
    }
    let skills = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/skills.toml"))
        .expect("the shipped taxonomy");
    let mut failures = Vec::new();
    let expected = expectations();
    assert!(expected.len() >= 5, "only {} expectations", expected.len());
    for (path, expected) in expected {
        let name = path.with_extension("md");
        let name = name
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let bytes = std::fs::read(real_docs().join(name)).expect("the real document");
        let parsed = parse_document(name, &String::from_utf8_lossy(&bytes));
        let mut problems = Vec::new();
        let roles: Vec<&str> = parsed.roles.iter().map(|r| r.name.as_str()).collect();
        if roles != expected.roles {
            problems.push(format!("roles {roles:?}, expected {:?}", expected.roles));
        }
        for text in &expected.absent {
            if let Some(found) = super::documents::surviving(&parsed, text) {
                problems.push(format!("{text:?} survives in {found:?}"));
            }
        }
        let documents = [
            Document {
                path: format!("articles/{name}"),
                bytes,
            },
            Document {
                path: "skills.toml".into(),
                bytes: skills.clone(),
            },
        ];
        let kb = KnowledgeBase::from_documents(&documents, "test").expect("a knowledge base");
        for (role, aspects) in &expected.aspects {
            let Some(found) = kb.exact(role) else {
                problems.push(format!("{role} is not in the knowledge base"));
                continue;
            };
            for aspect in aspects.iter().filter(|a| !has(found, a)) {
                problems.push(format!("{role} has no {aspect}"));
            }
        }
        for (role, aspects) in &expected.never {
            if let Some(found) = kb.exact(role) {
                for aspect in aspects.iter().filter(|a| has(found, a)) {
                    problems.push(format!(
                        "{role} has {aspect}, which the document never gives"
                    ));
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
