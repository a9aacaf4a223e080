//! `/roles`: every known role with a one-line definition.

use super::first_sentence;
use super::profile::pager;
use crate::knowledge::names::normalize;
use crate::knowledge::{KnowledgeBase, Role};
use crate::reply::{colour, escape_user_text, limits, Embed, Reply};

const PER_PAGE: usize = 15;

pub fn roles(kb: &KnowledgeBase, filter: Option<&str>, page: usize) -> Reply {
    let wanted = filter.map(normalize).unwrap_or_default();
    let mut matching: Vec<&Role> = kb
        .roles
        .iter()
        .filter(|r| {
            wanted.is_empty()
                || normalize(&r.name).contains(&wanted)
                || r.aliases.iter().any(|a| normalize(a).contains(&wanted))
        })
        .collect();
    matching.sort_by_cached_key(|r| r.name.to_lowercase());
    if matching.is_empty() {
        let shown = escape_user_text(filter.unwrap_or_default());
        return Reply::error(
            "No role matches",
            &format!("No role name contains \"{shown}\". Try `/roles` without a filter."),
        );
    }
    let total = matching.len().div_ceil(PER_PAGE);
    let page = page.clamp(1, total);
    let lines: Vec<String> = matching
        .iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|r| {
            let definition = r
                .definition()
                .map(|d| first_sentence(d, 200))
                .unwrap_or_default();
            format!("**{}** (`{}`)\n{definition}", r.name, r.slug)
        })
        .collect();
    let embed = Embed::new(&format!("{} roles I know", matching.len()))
        .colour(colour::INFO)
        .description(&limits::clamp(
            &lines.join("\n\n"),
            limits::EMBED_DESCRIPTION,
        ))
        .footer(&format!(
            "Page {page}/{total} · /role <name> for a whole profile"
        ));
    let mut reply = Reply::embed(embed);
    let base = match filter {
        Some(f) => format!("/roles filter:\"{}\"", f.replace('"', "")),
        None => "/roles".to_owned(),
    };
    reply.push_buttons(pager(&base, page, total));
    reply
}
