//! `/roles`: every known role with a one-line definition.

use crate::advisor::first_sentence;
use crate::advisor::profile::pager;
use crate::knowledge::text::words::normalize;
use crate::knowledge::{KnowledgeBase, Role};
use crate::reply::{colour, escape_user_text, limits, Component, Embed, Reply, SelectOption};

const PER_PAGE: usize = 15;
/// Names the "Open a role…" menu; its options carry the command lines.
pub const ROLE_MENU: &str = "menu:open-role";
// Every role of a page fits the menu.
const _: () = assert!(PER_PAGE <= limits::SELECT_OPTIONS);

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
    let shown: Vec<&Role> = matching
        .iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .copied()
        .collect();
    let lines: Vec<String> = shown
        .iter()
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
    reply.push_select(role_menu(&shown));
    reply
}

/// "Open a role…": the roles on this page (at most 25, as Discord allows), each option's
/// value the command line of its profile.
fn role_menu(roles: &[&Role]) -> Component {
    let options = roles
        .iter()
        .map(|r| {
            let definition = r
                .definition()
                .map(|d| first_sentence(d, limits::SELECT_OPTION_TEXT))
                .unwrap_or_default();
            SelectOption::new(&r.name, &format!("/role role:{}", r.slug)).description(&definition)
        })
        .collect();
    Component::select(ROLE_MENU, "Open a role…", options)
}
