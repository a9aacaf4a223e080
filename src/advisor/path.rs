//! `/path`: moving to a role, from the role one has or from the skills one lists: what
//! carries over, what to learn (what the target's articles name most first), and the
//! target's first steps.

use std::collections::{BTreeMap, HashMap};

use super::aspect::own_text;
use super::compare::overlap;
use super::matching::{skill_keys, unknown_items};
use super::{texts, Problem};
use crate::knowledge::{Category, Competency, KnowledgeBase, Role, Section};
use crate::reply::{bullet_list, colour, escape_user_text, limits, Embed, Reply};

/// Things to learn named first, before "then".
const FIRST: usize = 3;

pub fn path(
    kb: &KnowledgeBase,
    from: Option<&str>,
    to: &str,
    skills: Option<&str>,
) -> Result<Reply, Problem> {
    let to = kb.resolve(to)?;
    match from {
        Some(from) => {
            let from = kb.resolve(from)?;
            if from.slug == to.slug {
                return Err(Problem::SameRole(to.name.clone()));
            }
            Ok(from_role(kb, from, to))
        }
        None => Ok(from_skills(kb, to, skills.unwrap_or_default())),
    }
}

/// From one role to another: the skills and tools both name, those only the target names,
/// what the target does, both roles' education and the target's first steps.
fn from_role(kb: &KnowledgeBase, from: &Role, to: &Role) -> Reply {
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
    Reply::embed(embed.footer(&super::sources::footer(kb, &sources)))
}

/// From the skills one lists: which of them the target's articles name, what else to
/// learn, most named first, and the target's first steps.
fn from_skills(kb: &KnowledgeBase, to: &Role, skills: &str) -> Reply {
    let keys = skill_keys(kb, skills);
    let (have, learn): (Vec<&Competency>, Vec<&Competency>) = to
        .competencies
        .iter()
        .partition(|c| keys.binary_search(&c.key).is_ok());
    let learn = ranked(kb, to, learn);
    let mut text = if have.is_empty() {
        format!(
            "None of the skills you listed is one the articles name for the {} role; here is where to start.",
            to.name
        )
    } else {
        let names: Vec<String> = have.iter().map(|c| format!("**{}**", c.name)).collect();
        format!(
            "You already have {}, which the articles name for the {} role.",
            and_list(&names),
            to.name
        )
    };
    let unknown = unknown_items(kb, skills);
    if !unknown.is_empty() {
        let shown: Vec<String> = unknown.iter().map(|u| escape_user_text(u)).collect();
        text.push_str(&format!(
            "\nNo article names {} for any role.",
            and_list(&shown)
        ));
    }
    let mut embed = Embed::new(&format!("From your skills to {}", to.name))
        .colour(colour::PATH)
        .description(&text);
    let first: Vec<&str> = learn.iter().take(FIRST).map(|c| c.name.as_str()).collect();
    if !first.is_empty() {
        embed = embed.field("Learn first", &first.join(", "), false);
    }
    let then: Vec<&str> = learn.iter().skip(FIRST).map(|c| c.name.as_str()).collect();
    if !then.is_empty() {
        embed = embed.field(
            "Then",
            &limits::clamp(&then.join(", "), limits::FIELD_VALUE),
            false,
        );
    }
    let tips: Vec<String> = to
        .facts(Section::Tips)
        .iter()
        .filter_map(|fact| own_text(kb, to, fact))
        .collect();
    if !tips.is_empty() {
        embed = embed.field("Getting started", &bullet_list(&tips, 700), false);
    }
    Reply::embed(embed.footer(&super::sources::footer(kb, &to.sources)))
}

/// What to learn, the competencies the target's facts name most first; soft skills are
/// never a gap to close.
fn ranked<'r>(kb: &KnowledgeBase, role: &Role, items: Vec<&'r Competency>) -> Vec<&'r Competency> {
    let mut named: HashMap<String, usize> = HashMap::new();
    for fact in role.sections.values().flatten() {
        for competency in kb.taxonomy.competencies_in(&fact.text) {
            *named.entry(competency.key).or_default() += fact.sources.len();
        }
    }
    let mut items: Vec<&Competency> = items
        .into_iter()
        .filter(|c| c.category != Category::SoftSkill)
        .collect();
    items.sort_by(|a, b| {
        let count = |c: &Competency| named.get(&c.key).copied().unwrap_or(0);
        count(b).cmp(&count(a)).then(a.name.cmp(&b.name))
    });
    items
}

/// "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
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
