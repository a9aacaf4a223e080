//! `/role` (a whole profile, paged) and `/skills` (competencies by category).

use std::collections::BTreeMap;

use crate::advisor::{next, shown, texts};
use crate::knowledge::{Category, Competency, KnowledgeBase, Role, Section};
use crate::reply::{bullet_list, colour, count_of, limits, ButtonStyle, Component, Embed, Reply};

/// Characters of fields per page of `/role`: about one desktop screen, so the first page
/// reads at a glance and the rest is a click on Next.
const PAGE_BUDGET: usize = 1300;
/// Roles listed as sharing skills with the one asked about.
const RELATED_ROLES: usize = 5;

/// One page of the role's profile; pages past the last show the last.
pub fn role(kb: &KnowledgeBase, role: &Role, page: usize) -> Reply {
    let pages = profile_pages(kb, role);
    let total = pages.len();
    let index = page.clamp(1, total) - 1;
    let mut embed = Embed::new(&role.name).colour(colour::INFO);
    if index == 0 {
        embed = embed.description(&intro(role));
    }
    for (name, value) in &pages[index] {
        embed = embed.field(name, value, false);
    }
    let sources = crate::advisor::sources::footer(kb, &role.sources);
    // A page counter only where there are pages to turn.
    let footer = if total > 1 {
        format!("Page {}/{total} · {sources}", index + 1)
    } else {
        sources
    };
    let mut reply = Reply::embed(embed.footer(&footer));
    let mut buttons = pager(&format!("/role {}", role.slug), index + 1, total);
    buttons.push(next::button("Skills", &format!("/skills {}", role.slug)));
    reply.push_buttons(buttons);
    let offered = next::offered(kb, role);
    for menu in [
        next::compare_menu(role, &offered),
        next::path_menu(role, &offered),
    ]
    .into_iter()
    .flatten()
    {
        reply.push_select(menu);
    }
    reply
}

/// The role's one-line summary (its curated note) first, then its definition and names.
fn intro(role: &Role) -> String {
    let mut text = String::new();
    if let Some(note) = role.notes.first() {
        text.push_str(&format!("**{}**\n\n", note.trim()));
    }
    text.push_str(
        role.definition()
            .unwrap_or("No article defines this role yet."),
    );
    if !role.aliases.is_empty() {
        text.push_str(&format!("\n\n*Also called:* {}", role.aliases.join(", ")));
    }
    limits::clamp(&text, 1500)
}

/// The profile cut into pages of fields: each section a field (split when over a field's
/// size), fields packed into pages by [`PAGE_BUDGET`].
fn profile_pages(kb: &KnowledgeBase, role: &Role) -> Vec<Vec<(String, String)>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for section in Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Definition)
    {
        let items = shown::texts(kb, role, section, &[role]);
        for (i, chunk) in chunk_items(&items, limits::FIELD_VALUE)
            .into_iter()
            .enumerate()
        {
            let name = if i == 0 {
                section.title().to_owned()
            } else {
                format!("{} (continued)", section.title())
            };
            fields.push((name, chunk));
        }
    }
    // The first note opens the profile; any others close it.
    if role.notes.len() > 1 {
        fields.push((
            "Notes".into(),
            bullet_list(&role.notes[1..], limits::FIELD_VALUE),
        ));
    }
    let more_definitions = texts(role.facts(Section::Definition).get(1..).unwrap_or(&[]));
    if !more_definitions.is_empty() {
        let value = bullet_list(&more_definitions, limits::FIELD_VALUE);
        fields.push(("Other definitions".into(), value));
    }
    pack(fields)
}

/// Bullet lists of whole items, each at most `max` code points.
fn chunk_items(items: &[String], max: usize) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut size = 0;
    for item in items {
        let item = limits::clamp(item, max - 2);
        let len = item.chars().count() + 3;
        if size + len > max && !current.is_empty() {
            chunks.push(bullet_list(&current, max));
            current.clear();
            size = 0;
        }
        size += len;
        current.push(item);
    }
    if !current.is_empty() {
        chunks.push(bullet_list(&current, max));
    }
    chunks
}

fn pack(fields: Vec<(String, String)>) -> Vec<Vec<(String, String)>> {
    let mut pages: Vec<Vec<(String, String)>> = vec![Vec::new()];
    let mut size = 0;
    for field in fields {
        let len = field.0.chars().count() + field.1.chars().count();
        let page_full = size + len > PAGE_BUDGET || pages.last().is_some_and(|p| p.len() >= 20);
        if page_full && pages.last().is_some_and(|p| !p.is_empty()) {
            pages.push(Vec::new());
            size = 0;
        }
        size += len;
        if let Some(page) = pages.last_mut() {
            page.push(field);
        }
    }
    pages
}

/// Previous/next buttons for page `page` of `total`, re-running `base` with `page:N`.
pub fn pager(base: &str, page: usize, total: usize) -> Vec<Component> {
    if total <= 1 {
        return Vec::new();
    }
    vec![
        Component::button(
            "◀ Previous",
            &format!("{base} page:{}", page.saturating_sub(1).max(1)),
            ButtonStyle::Secondary,
        )
        .disabled(page <= 1),
        Component::button(
            "Next ▶",
            &format!("{base} page:{}", (page + 1).min(total)),
            ButtonStyle::Secondary,
        )
        .disabled(page >= total),
    ]
}

/// The role's skills and tools by category, and the roles that need the same ones.
pub fn skills(kb: &KnowledgeBase, role: &Role) -> Reply {
    let mut by_category: BTreeMap<Category, Vec<&Competency>> = BTreeMap::new();
    for competency in &role.competencies {
        by_category
            .entry(competency.category)
            .or_default()
            .push(competency);
    }
    let mut embed = Embed::new(&format!("Skills and tools for {}", role.name))
        .colour(colour::SKILLS)
        .description(&format!(
            "{} named across {}.",
            match role.competencies.len() {
                1 => "1 skill or tool".to_owned(),
                n => format!("{n} skills and tools"),
            },
            count_of(role.sources.len(), "article")
        ));
    for (category, items) in &by_category {
        let names: Vec<&str> = items.iter().map(|c| c.name.as_str()).collect();
        embed = embed.field(
            category.title(),
            &limits::clamp(&names.join(", "), limits::FIELD_VALUE),
            true,
        );
    }
    let skill_facts = shown::texts(kb, role, Section::Skills, &[role]);
    if !skill_facts.is_empty() {
        embed = embed.field(
            "What the articles ask for",
            &bullet_list(&skill_facts, 700),
            false,
        );
    }
    let related = next::related(kb, role);
    embed = embed.field(
        "Roles that need the same",
        &related_roles(role, &related),
        false,
    );
    let mut reply = Reply::embed(embed.footer(&crate::advisor::sources::footer(kb, &role.sources)));
    reply.push_buttons(vec![next::button(
        "Whole profile",
        &format!("/role {}", role.slug),
    )]);
    let roles: Vec<&Role> = related.iter().map(|(r, _)| *r).take(10).collect();
    if let Some(menu) = next::open_menu("Skills of a role that needs the same…", &roles, |r| {
        format!("/skills {}", r.slug)
    }) {
        reply.push_select(menu);
    }
    reply
}

/// The roles sharing the most competencies with a role, as lines.
fn related_roles(role: &Role, related: &[(&Role, usize)]) -> String {
    if related.is_empty() {
        return "No other role shares these skills yet.".into();
    }
    let lines: Vec<String> = related
        .iter()
        .take(RELATED_ROLES)
        .map(|(other, shared)| {
            let names = next::shared_names(other, role);
            let sample: Vec<&str> = names.iter().take(5).copied().collect();
            format!(
                "**{}** — {shared} in common ({}{})",
                other.name,
                sample.join(", "),
                if *shared > 5 { ", …" } else { "" }
            )
        })
        .collect();
    limits::clamp(&lines.join("\n"), limits::FIELD_VALUE)
}
