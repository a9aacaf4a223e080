//! `/path`: moving from one role to another — what carries over, what to learn, first steps.

use super::compare::overlap;
use super::{sources_footer, texts, two_roles, Problem};
use std::collections::BTreeMap;

use crate::knowledge::{Category, Competency, KnowledgeBase, Section};
use crate::reply::{bullet_list, colour, limits, Embed, Reply};

pub fn path(kb: &KnowledgeBase, from: &str, to: &str) -> Result<Reply, Problem> {
    let (from, to) = two_roles(kb, from, to)?;
    let overlap = overlap(from, to);
    let share = if to.competencies.is_empty() {
        0
    } else {
        overlap.shared.len() * 100 / to.competencies.len()
    };
    let mut embed = Embed::new(&format!("From {} to {}", from.name, to.name))
        .colour(colour::PATH)
        .description(&format!(
            "You already have **{share}%** of the skills and tools the articles name for a {} ({} of {}).",
            to.name,
            overlap.shared.len(),
            to.competencies.len()
        ))
        .field("What carries over", &by_category(&overlap.shared), false)
        .field("What to learn", &by_category(&overlap.only_b), false);
    let responsibilities = texts(to.facts(Section::Responsibilities));
    if !responsibilities.is_empty() {
        embed = embed.field(
            "What you'd do instead",
            &bullet_list(&responsibilities, 600),
            false,
        );
    }
    embed = embed
        .field(
            &format!("Education · {}", from.name),
            &list_or_dash(&texts(from.facts(Section::Education))),
            true,
        )
        .field(
            &format!("Education · {}", to.name),
            &list_or_dash(&texts(to.facts(Section::Education))),
            true,
        );
    let tips = texts(to.facts(Section::Tips));
    if !tips.is_empty() {
        embed = embed.field("First steps", &bullet_list(&tips, 900), false);
    }
    let mut sources = from.sources.clone();
    sources.extend(&to.sources);
    Ok(Reply::embed(embed.footer(&sources_footer(kb, &sources))))
}

/// "**Languages:** Python, Java" lines, one per category, within a field's size.
fn by_category(items: &[&Competency]) -> String {
    if items.is_empty() {
        return "—".to_owned();
    }
    let mut groups: BTreeMap<Category, Vec<&str>> = BTreeMap::new();
    for item in items {
        groups.entry(item.category).or_default().push(&item.name);
    }
    let lines: Vec<String> = groups
        .iter()
        .map(|(category, names)| format!("**{}:** {}", category.title(), names.join(", ")))
        .collect();
    limits::clamp(&lines.join("\n"), limits::FIELD_VALUE)
}

fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "_Not covered by the articles._".into()
    } else {
        bullet_list(items, 500)
    }
}
