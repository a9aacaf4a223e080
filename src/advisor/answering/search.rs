//! `/search`: the facts across all articles that best match the words, each with its role,
//! aspect and source; also the fallback for a question that names no role and asks nothing
//! else a command answers.

use crate::advisor::shown::own_text;
use crate::advisor::sources::Footnotes;
use crate::knowledge::text::stop_words::is_stop_word;
use crate::knowledge::text::words::split_words;
use crate::knowledge::{lookup::terms, KnowledgeBase};
use crate::reply::{colour, escape_user_text, limits, Component, Embed, Reply, SelectOption};

/// Facts shown.
const SHOWN: usize = 8;
/// Hits looked at, before the same statement under several roles or aspects is merged.
const LOOKED_AT: usize = 40;
/// Names the "Open a role…" menu of a search answer.
pub const SEARCH_ROLE_MENU: &str = "menu:search-role";

/// Whether `text` is about something the articles speak of: it names a skill or tool the
/// taxonomy knows, or at least two of its words (and half of them) are in facts, and rare
/// there. "What is the meaning of life?" shares one word with an industry; that is no hit.
pub fn has_hits(kb: &KnowledgeBase, text: &str) -> bool {
    if !terms::terms_in(&kb.taxonomy, text).is_empty() {
        return true;
    }
    let words: Vec<String> = split_words(text)
        .map(str::to_lowercase)
        .filter(|w| w.len() > 2 && !is_stop_word(w))
        .collect();
    let found = words
        .iter()
        .filter(|word| {
            let share = kb.share_of_facts_with(word);
            share > 0.0 && share < 0.2
        })
        .count();
    found >= 2 && found * 2 >= words.len()
}

pub fn search(kb: &KnowledgeBase, query: &str) -> Reply {
    let hits = kb.search(query, LOOKED_AT);
    let shown_query = escape_user_text(&limits::clamp(query, 100));
    if hits.is_empty() {
        return Reply::embed(
            Embed::new("Nothing found")
                .colour(colour::INFO)
                .description(&format!(
                    "No article says anything about \"{shown_query}\". Try other words, or `/roles` to see what I know."
                )),
        )
        .ephemeral(true);
    }
    let mut notes = Footnotes::new(kb);
    let mut lines: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut roles: Vec<usize> = Vec::new();
    for hit in &hits {
        let Some(fact) = kb.fact(hit.fact) else {
            continue;
        };
        let role = kb.role(hit.fact.role);
        // As the role's answers show it: what it says of this role, and only what states
        // something.
        let Some(text) = own_text(kb, role, fact) else {
            continue;
        };
        if seen.contains(&text) {
            continue;
        }
        seen.push(text.clone());
        if !roles.contains(&hit.fact.role) {
            roles.push(hit.fact.role);
        }
        lines.push(format!(
            "• {} {}\n  *{} · {}*",
            limits::clamp(&text, 300),
            notes.mark(&fact.sources),
            role.name,
            hit.fact.section.title()
        ));
        if lines.len() == SHOWN {
            break;
        }
    }
    let description = limits::clamp(&lines.join("\n"), limits::EMBED_DESCRIPTION);
    let embed = Embed::new(&format!("What the articles say about \"{shown_query}\""))
        .colour(colour::INFO)
        .description(&description)
        .footer(&notes.footer());
    let mut reply = Reply::embed(embed);
    let options = roles
        .iter()
        .map(|&id| {
            let role = kb.role(id);
            SelectOption::new(&role.name, &format!("/role {}", role.slug))
        })
        .collect();
    reply.push_select(Component::select(SEARCH_ROLE_MENU, "Open a role…", options));
    reply
}
