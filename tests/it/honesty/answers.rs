//! The oracle's checks of the answers about one term: "which roles need X" and "does this
//! role need X".

use rolecall::commands::request::KnowledgeRequest;
use rolecall::knowledge::{KnowledgeBase, Section};

use super::matcher::{OracleTerm, Words};
use super::{answer, aspect_answer, description, field, REQUIRED_WORDS};

/// "Which roles need X": the count and the roles listed are the roles whose facts name X.
pub fn check_reverse(
    kb: &KnowledgeBase,
    words: &Words,
    term: &OracleTerm,
    naming: &[(usize, Vec<String>)],
) -> Result<(), String> {
    let reply = answer(
        kb,
        KnowledgeRequest::Needs {
            item: term.name.clone(),
        },
    );
    let text = description(&reply);
    let listed: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("**")?.split_once("**:"))
        .map(|(role, _)| role)
        .collect();
    if naming.is_empty() {
        if !listed.is_empty() || !text.starts_with("No article names") {
            return Err(format!("no role names {}, yet: {text}", term.name));
        }
        // "Skills and tools the articles do name that look close: A, B.": they do.
        let close = text
            .split("look close: ")
            .nth(1)
            .and_then(|rest| rest.split(".\n").next());
        for item in close.into_iter().flat_map(|list| list.split(", ")) {
            let named = words
                .terms()
                .iter()
                .find(|t| t.name == item)
                .is_some_and(|t| !words.roles_naming(t).is_empty());
            if !named {
                return Err(format!("{item} suggested as named by the articles: {text}"));
            }
        }
        return Ok(());
    }
    let count = format!("{} role", naming.len());
    if !text.starts_with(&count) {
        return Err(format!(
            "{} roles name {}, the answer: {text}",
            naming.len(),
            term.name
        ));
    }
    for role in &listed {
        if !naming.iter().any(|(id, _)| kb.roles[*id].name == *role) {
            return Err(format!(
                "{role} listed for {}, no fact of it names it: {text}",
                term.name
            ));
        }
    }
    if naming.len() <= 8 && listed.len() != naming.len() {
        return Err(format!("{} lists {listed:?}", term.name));
    }
    Ok(())
}

/// "Does role need X?": the first line says yes only when a fact says it is required, no
/// only when none names it; the other roles are exactly the others whose facts name it.
pub fn check_yes_no(
    kb: &KnowledgeBase,
    words: &Words,
    term: &OracleTerm,
    id: usize,
    naming: &[(usize, Vec<String>)],
) -> Result<(), String> {
    let role = &kb.roles[id];
    let section = if term.category == "qualification" {
        Section::Education
    } else {
        Section::Skills
    };
    let reply = aspect_answer(kb, role, section, Some(&term.name));
    let text = description(&reply);
    let first = text.lines().next().unwrap_or_default();
    let own = naming
        .iter()
        .find(|(r, _)| *r == id)
        .map(|(_, texts)| texts);
    let context = || format!("{} / {}: {first}", role.name, term.name);
    match own {
        None if !first.starts_with("**No**") => {
            return Err(format!("no fact names it: {}", context()))
        }
        Some(_) if first.starts_with("**No**") => {
            return Err(format!("a fact names it: {}", context()))
        }
        _ => {}
    }
    if first.contains("Yes") {
        let required = own.into_iter().flatten().any(|text| {
            let lower = text.to_lowercase();
            REQUIRED_WORDS.iter().any(|w| words.has_word(&lower, w))
        });
        if !required {
            return Err(format!(
                "a yes without a fact that requires it: {}",
                context()
            ));
        }
    }
    let others: Vec<&str> = naming
        .iter()
        .filter(|(r, _)| *r != id)
        .map(|(r, _)| kb.roles[*r].name.as_str())
        .collect();
    let shown = field(&reply, "Other roles").unwrap_or_default();
    if others.is_empty() != shown.starts_with("None") {
        return Err(format!(
            "other roles {others:?}, shown {shown:?}: {}",
            context()
        ));
    }
    for other in shown.split(", ").filter(|_| !others.is_empty()) {
        if !others.contains(&other) {
            return Err(format!(
                "{other} shown, its facts do not name it: {}",
                context()
            ));
        }
    }
    Ok(())
}
