//! The roles of a Markdown document, found again under any spelling ("Data Scientists",
//! "DATA SCIENTIST", "ML Engineer" for "Machine Learning (ML) Engineer"), in time linear in
//! the text.

use super::names::{bare, read_name, split_parenthetical, Named};
use crate::knowledge::reading::lines::{add_alias, singular_role_name};
use crate::knowledge::reading::parsed::ParsedRole;
use crate::knowledge::text::finder::NameFinder;

/// The roles found so far, found again by any of their names.
#[derive(Debug, Default)]
pub(super) struct RoleSet {
    pub roles: Vec<ParsedRole>,
    names: NameFinder,
}

impl RoleSet {
    /// The role `named` names, added if new; its other names become aliases.
    pub fn add(&mut self, named: &Named) -> usize {
        let role = match self.names.get(&named.name) {
            Some(role) => role,
            None => {
                let role = self.roles.len();
                self.roles.push(ParsedRole {
                    name: named.name.clone(),
                    ..ParsedRole::default()
                });
                self.names.insert(&named.name, role);
                role
            }
        };
        for alias in &named.aliases {
            self.add_alias(role, alias);
        }
        role
    }

    /// Gives `role` another name ("MLE" from "Machine Learning Engineer (MLE)"), unless a
    /// role already goes by it.
    pub fn add_alias(&mut self, role: usize, alias: &str) {
        let is_name =
            alias.chars().any(char::is_alphabetic) && alias.split_whitespace().count() <= 6;
        if !is_name || self.names.get(alias).is_some() {
            return;
        }
        if let Some(parsed) = self.roles.get_mut(role) {
            add_alias(parsed, alias.to_string());
            self.names.insert(alias, role);
        }
    }

    /// The known role `text` names as a whole: its name, an alias, or (for a text of two
    /// words or more) the start of exactly one role's name ("Data Governance" for "Data
    /// Governance Specialist").
    pub fn find(&self, text: &str) -> Option<usize> {
        if text.len() > 160 {
            return None;
        }
        if let Some(role) = read_name(text).ok().and_then(|n| self.names.get(&n.name)) {
            return Some(role);
        }
        let cleaned = bare(text);
        let cleaned = split_parenthetical(cleaned).0;
        let cleaned = singular_role_name(cleaned);
        let cleaned = cleaned
            .strip_suffix(" role")
            .or_else(|| cleaned.strip_suffix(" position"))
            .unwrap_or(&cleaned);
        self.names
            .get(cleaned)
            .or_else(|| self.names.by_start(cleaned))
    }

    /// The known roles `text` mentions, each once, in role order. Linear in the text.
    pub fn mentioned(&self, text: &str) -> Vec<usize> {
        let mut found = self.names.ids_in(text);
        found.sort_unstable();
        found
    }

    pub fn len(&self) -> usize {
        self.roles.len()
    }
}

#[cfg(test)]
mod tests;
