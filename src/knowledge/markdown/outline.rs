//! The first pass over a Markdown document: its roles (from the title, headings, labels and
//! table cells) and what each heading is (a role, an aspect maybe of a named role, or other).

use super::blocks::Block;
use super::roles::{self, role_name, role_named_in, structural_role_name, RoleSet};
use super::table;
use crate::knowledge::aspects::heading_section;
use crate::knowledge::lines::split_versus;
use crate::knowledge::model::Section;

/// What a heading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A role's name: what follows is about it.
    Role(usize),
    /// An aspect, maybe of a role the heading names ("Data Engineer skills").
    Aspect(Section, Option<usize>),
    /// The title of a comparison, or any other heading ("Conclusion").
    Other,
}

/// First pass: the document's roles and what each heading is.
pub(super) struct Outline {
    pub roles: RoleSet,
    /// One per heading, in order.
    pub kinds: Vec<Kind>,
    pub title: Option<String>,
}

impl Outline {
    pub fn read(blocks: &[Block]) -> Outline {
        let headings: Vec<(usize, &str)> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text, .. } => Some((*level, text.as_str())),
                _ => None,
            })
            .collect();
        let mut roles = RoleSet::default();
        let title = match (blocks.first(), headings.first()) {
            (Some(Block::Heading { level: 1, .. }), Some(&(_, text))) => Some(text.to_string()),
            _ => None,
        };
        let compared = title.as_deref().map(versus_names).unwrap_or_default();
        for name in &compared {
            roles.add(&roles::clean_name(name));
        }
        let mut kinds: Vec<Kind> = headings
            .iter()
            .enumerate()
            .map(|(i, &(_, text))| {
                if i == 0 && compared.len() >= 2 {
                    return Kind::Other;
                }
                heading_kind(text, &mut roles)
            })
            .collect();
        for i in 0..headings.len() {
            if kinds[i] == Kind::Other && !(i == 0 && compared.len() >= 2) {
                let (level, text) = headings[i];
                let has_aspects = headings[i + 1..]
                    .iter()
                    .zip(&kinds[i + 1..])
                    .take_while(|((l, _), _)| *l > level)
                    .any(|(_, kind)| matches!(kind, Kind::Aspect(..)));
                if let Some(name) = structural_role_name(text).filter(|_| has_aspects) {
                    kinds[i] = Kind::Role(roles.add(&name));
                }
            }
        }
        find_labelled_roles(blocks, &mut roles);
        for (kind, &(_, text)) in kinds.iter_mut().zip(&headings) {
            if let Kind::Aspect(section, None) = *kind {
                if let [only] = roles.mentioned(text).as_slice() {
                    *kind = Kind::Aspect(section, Some(*only));
                }
            }
        }
        Outline {
            roles,
            kinds,
            title,
        }
    }
}

/// The roles a title compares: "A vs. B: a comparison" → ["A", "B"]; "A & B" or "A and B"
/// when both parts are role names.
fn versus_names(title: &str) -> Vec<String> {
    let mut names = split_versus(title);
    if let Some(last) = names.last_mut() {
        if let Some((name, _)) = last.split_once(':') {
            *last = name.trim().to_string();
        }
    }
    names.retain(|n| !n.is_empty());
    if names.is_empty() {
        let title = title.split(':').next().unwrap_or_default();
        for joint in [" & ", " and ", " or ", " / "] {
            let parts: Vec<String> = title.split(joint).map(str::to_string).collect();
            if parts.len() >= 2 && parts.iter().all(|part| role_name(part).is_some()) {
                return parts;
            }
        }
    }
    names
}

fn heading_kind(text: &str, roles: &mut RoleSet) -> Kind {
    let lower = text.to_lowercase();
    if !split_versus(text).is_empty() {
        return Kind::Aspect(Section::Differences, None);
    }
    match heading_section(&lower) {
        None => match role_name(text) {
            Some(name) => {
                let role = roles.add(&name);
                if let (_, Some(alias)) = roles::split_parenthetical(text) {
                    roles.add_alias(role, alias);
                }
                Kind::Role(role)
            }
            None => Kind::Other,
        },
        Some(section) => {
            let named = role_named_in(text).map(|name| roles.add(&name));
            Kind::Aspect(section, named)
        }
    }
}

/// Roles named by labels: `Role:` paragraphs, `- Role: …` bullets, bullets that are only a
/// role's name with items below, and table headers or first columns.
fn find_labelled_roles(blocks: &[Block], roles: &mut RoleSet) {
    // A label of one word ("Lead: …") is too often not a role; a known role is fine.
    let add_label = |roles: &mut RoleSet, label: &str| {
        if let Some(name) = role_name(label) {
            if name.split_whitespace().count() >= 2 || roles.find(&name).is_some() {
                roles.add(&name);
            }
        }
    };
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Paragraph { text, .. } | Block::Item { text, .. } => {
                if let Some((label, _)) = text.split_once(':') {
                    add_label(roles, label);
                }
                let parent = matches!(
                    (block, blocks.get(i + 1)),
                    (Block::Item { depth: d, .. }, Some(Block::Item { depth: next, .. })) if next > d
                );
                if parent {
                    add_label(roles, text);
                }
            }
            Block::Table(table) => table::find_roles(table, roles),
            Block::Heading { .. } => {}
        }
    }
}
