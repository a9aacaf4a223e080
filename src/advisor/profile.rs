//! `/role` (a whole profile, paged) and `/skills` (competencies by category).

use std::collections::BTreeMap;

use super::texts;
use crate::knowledge::{Category, Competency, KnowledgeBase, Role, Section};
use crate::reply::{bullet_list, colour, limits, ButtonStyle, Component, Embed, Reply};

/// Characters of fields per page of `/role`, well under the 6,000 a message allows.
const PAGE_BUDGET: usize = 4200;
/// Roles listed as sharing skills with the one asked about.
const RELATED_ROLES: usize = 5;

/// One page of the role's profile; pages past the last show the last.
pub fn role(kb: &KnowledgeBase, role: &Role, page: usize) -> Reply {
    let pages = profile_pages(role);
    let total = pages.len();
    let index = page.clamp(1, total) - 1;
    let mut embed = Embed::new(&role.name).colour(colour::INFO);
    if index == 0 {
        embed = embed.description(&intro(role));
    }
    for (name, value) in &pages[index] {
        embed = embed.field(name, value, false);
    }
    let footer = format!(
        "Page {}/{total} · {}",
        index + 1,
        super::sources::footer(kb, &role.sources)
    );
    let mut reply = Reply::embed(embed.footer(&footer));
    reply.push_buttons(pager(&format!("/role {}", role.slug), index + 1, total));
    reply
}

fn intro(role: &Role) -> String {
    let mut text = role
        .definition()
        .unwrap_or("No article defines this role yet.")
        .to_owned();
    if !role.aliases.is_empty() {
        text.push_str(&format!("\n\n*Also called:* {}", role.aliases.join(", ")));
    }
    limits::clamp(&text, 1500)
}

/// The profile cut into pages of fields: each section a field (split when over a field's
/// size), fields packed into pages by [`PAGE_BUDGET`].
fn profile_pages(role: &Role) -> Vec<Vec<(String, String)>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for section in Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Definition)
    {
        let items = texts(role.facts(section));
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
    if !role.notes.is_empty() {
        fields.push((
            "Notes".into(),
            bullet_list(&role.notes, limits::FIELD_VALUE),
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
            "{} skills and tools named across {} article(s).",
            role.competencies.len(),
            role.sources.len()
        ));
    for (category, items) in &by_category {
        let names: Vec<&str> = items.iter().map(|c| c.name.as_str()).collect();
        embed = embed.field(
            category.title(),
            &limits::clamp(&names.join(", "), limits::FIELD_VALUE),
            true,
        );
    }
    let skill_facts = texts(role.facts(Section::Skills));
    if !skill_facts.is_empty() {
        embed = embed.field(
            "What the articles ask for",
            &bullet_list(&skill_facts, 700),
            false,
        );
    }
    embed = embed.field("Roles that need the same", &related_roles(kb, role), false);
    Reply::embed(embed.footer(&super::sources::footer(kb, &role.sources)))
}

/// Other roles ranked by how many competencies they share with `role`.
fn related_roles(kb: &KnowledgeBase, role: &Role) -> String {
    let mut related: Vec<(usize, &Role, Vec<&str>)> = kb
        .roles
        .iter()
        .filter(|other| other.slug != role.slug)
        .map(|other| {
            let shared: Vec<&str> = role
                .competencies
                .iter()
                .filter(|c| other.has_competency(&c.key))
                .map(|c| c.name.as_str())
                .collect();
            (shared.len(), other, shared)
        })
        .filter(|(n, _, _)| *n > 0)
        .collect();
    related.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
    if related.is_empty() {
        return "No other role shares these skills yet.".into();
    }
    let lines: Vec<String> = related
        .iter()
        .take(RELATED_ROLES)
        .map(|(n, other, shared)| {
            let sample: Vec<&str> = shared.iter().take(5).copied().collect();
            format!(
                "**{}** — {n} in common ({}{})",
                other.name,
                sample.join(", "),
                if *n > 5 { ", …" } else { "" }
            )
        })
        .collect();
    limits::clamp(&lines.join("\n"), limits::FIELD_VALUE)
}
