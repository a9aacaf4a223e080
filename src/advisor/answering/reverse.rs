//! "Which roles need X?": the roles whose facts name a skill, tool or qualification, each
//! with the fact that says so; for a thing no article names, exactly that, and the known
//! skills that look closest.

use crate::advisor::focus::Focus;
use crate::advisor::sources::Footnotes;
use crate::knowledge::reading::taxonomy::competency_key;
use crate::knowledge::text::fuzzy;
use crate::knowledge::{KnowledgeBase, Role};
use crate::reply::{colour, escape_user_text, limits, Component, Embed, Reply, SelectOption};

/// Roles listed.
const SHOWN: usize = 8;
/// Close known skills suggested for an unknown one.
const CLOSE: usize = 5;
/// How alike a known skill's name must look to be suggested.
const CLOSE_ENOUGH: f64 = 0.75;
/// Names the "Open a role…" menu of a reverse answer.
pub const NEEDS_ROLE_MENU: &str = "menu:needs-role";

pub fn needs(kb: &KnowledgeBase, item: &str) -> Reply {
    let focus = Focus::new(kb, item);
    let thing = escape_user_text(&limits::clamp(focus.name(), 80));
    let mut notes = Footnotes::new(kb);
    let mut found: Vec<(&Role, String)> = Vec::new();
    for (role, facts) in focus.roles_naming(kb) {
        let Some((text, fact)) = facts.first() else {
            continue;
        };
        let line = format!(
            "**{}**: {} {}",
            role.name,
            limits::clamp(&focus.marked(kb, text), 260),
            notes.mark(&fact.sources)
        );
        found.push((role, line));
    }
    if found.is_empty() {
        return unknown_thing(kb, &focus, &thing);
    }
    let count = found.len();
    let lines: Vec<&str> = found.iter().take(SHOWN).map(|(_, l)| l.as_str()).collect();
    let mut text = format!(
        "{} {} the articles name **{thing}** for:\n\n{}",
        count,
        if count == 1 { "role" } else { "roles" },
        lines.join("\n")
    );
    if count > SHOWN {
        text.push_str(&format!("\n…and {} more", count - SHOWN));
    }
    let embed = Embed::new(&format!("Roles that need {thing}"))
        .colour(colour::SKILLS)
        .description(&limits::clamp(&text, limits::EMBED_DESCRIPTION))
        .footer(&notes.footer());
    let mut reply = Reply::embed(embed);
    let options = found
        .iter()
        .map(|(role, _)| SelectOption::new(&role.name, &format!("/role {}", role.slug)))
        .collect();
    reply.push_select(Component::select(NEEDS_ROLE_MENU, "Open a role…", options));
    reply
}

/// No article names the thing: say so, and offer the known skills that look closest.
fn unknown_thing(kb: &KnowledgeBase, focus: &Focus, thing: &str) -> Reply {
    let mut text = format!("No article names **{thing}** for any role.");
    let close = closest_known(kb, &focus.text);
    if !close.is_empty() {
        text.push_str(&format!(
            " Skills and tools the articles do name that look close: {}.",
            close.join(", ")
        ));
    }
    text.push_str("\nTry `/search` with other words, or `/roles` to see every role.");
    Reply::embed(
        Embed::new(&format!("No role needs {thing} in the articles"))
            .colour(colour::SKILLS)
            .description(&text),
    )
}

/// Known skills and tools whose names look like `text`, closest first.
fn closest_known(kb: &KnowledgeBase, text: &str) -> Vec<String> {
    let wanted = text.to_lowercase();
    let mut names: Vec<(f64, &str)> = kb
        .taxonomy
        .entries()
        .iter()
        .flat_map(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(move |n| (n, &e.name))
        })
        // Only what some role's facts name: a suggestion the articles do not name would be
        // a false "the articles do name".
        .filter(|(_, name)| {
            let key = competency_key(name);
            !kb.roles_with_any(std::slice::from_ref(&key)).is_empty()
        })
        .map(|(spelling, name)| {
            let similarity = fuzzy::similarity(&wanted, &spelling.to_lowercase());
            (similarity, name.as_str())
        })
        .filter(|(similarity, _)| *similarity >= CLOSE_ENOUGH)
        .collect();
    names.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut close: Vec<String> = Vec::new();
    for (_, name) in names {
        if !close.iter().any(|c| c == name) {
            close.push(name.to_owned());
        }
        if close.len() == CLOSE {
            break;
        }
    }
    close
}
