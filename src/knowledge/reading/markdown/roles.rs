//! The roles of a Markdown document, found again under any spelling ("Data Scientists",
//! "DATA SCIENTIST", "ML Engineer" for "Machine Learning (ML) Engineer"), in time linear in
//! the text.

use std::collections::HashMap;

use super::names::{
    bare, join_singular, name_key, read_name, split_parenthetical, words_of, Named,
};
use crate::knowledge::reading::lines::{add_alias, singular_role_name};
use crate::knowledge::reading::parsed::ParsedRole;

/// The longest name a role can have, in words: longer runs are never looked up.
const NAME_WORDS: usize = 6;

/// The roles found so far, found again by any of their names.
#[derive(Debug, Default)]
pub(super) struct RoleSet {
    pub roles: Vec<ParsedRole>,
    /// Name key → role.
    keys: HashMap<String, usize>,
    /// The first words of a longer name → the role, or `None` when several names start so.
    starts: HashMap<String, Option<usize>>,
}

impl RoleSet {
    /// The role `named` names, added if new; its other names become aliases.
    pub fn add(&mut self, named: &Named) -> usize {
        let role = match self.find_exact(&named.name) {
            Some(role) => role,
            None => {
                let role = self.roles.len();
                self.roles.push(ParsedRole {
                    name: named.name.clone(),
                    ..ParsedRole::default()
                });
                self.index(&named.name, role);
                role
            }
        };
        for alias in &named.aliases {
            self.add_alias(role, alias);
        }
        role
    }

    fn index(&mut self, name: &str, role: usize) {
        let words: Vec<String> = words_of(name).collect();
        if words.is_empty() || words.len() > NAME_WORDS {
            return;
        }
        let key = join_singular(&words);
        if self.keys.contains_key(&key) {
            return;
        }
        self.keys.insert(key, role);
        for end in 2..words.len() {
            let start = join_singular(&words[..end]);
            self.starts
                .entry(start)
                .and_modify(|found| {
                    if *found != Some(role) {
                        *found = None
                    }
                })
                .or_insert(Some(role));
        }
    }

    /// Gives `role` another name ("MLE" from "Machine Learning Engineer (MLE)"), unless a
    /// role already goes by it.
    pub fn add_alias(&mut self, role: usize, alias: &str) {
        let is_name =
            alias.chars().any(char::is_alphabetic) && alias.split_whitespace().count() <= 6;
        if !is_name || self.find_exact(alias).is_some() {
            return;
        }
        if let Some(parsed) = self.roles.get_mut(role) {
            add_alias(parsed, alias.to_string());
            self.index(alias, role);
        }
    }

    fn find_exact(&self, name: &str) -> Option<usize> {
        self.keys.get(&name_key(name)).copied()
    }

    /// The known role `text` names as a whole: its name, an alias, or (for a text of two
    /// words or more) the start of exactly one role's name ("Data Governance" for "Data
    /// Governance Specialist").
    pub fn find(&self, text: &str) -> Option<usize> {
        if text.len() > 160 {
            return None;
        }
        if let Some(role) = read_name(text).ok().and_then(|n| self.find_exact(&n.name)) {
            return Some(role);
        }
        let cleaned = bare(text);
        let cleaned = split_parenthetical(cleaned).0;
        let cleaned = singular_role_name(cleaned);
        let cleaned = cleaned
            .strip_suffix(" role")
            .or_else(|| cleaned.strip_suffix(" position"))
            .unwrap_or(&cleaned);
        let key = name_key(cleaned);
        self.keys
            .get(&key)
            .copied()
            .or_else(|| self.starts.get(&key).copied().flatten())
    }

    /// The known roles `text` mentions, each once, in role order. Linear in the text: each
    /// run of up to six words is looked up once.
    pub fn mentioned(&self, text: &str) -> Vec<usize> {
        let words: Vec<String> = words_of(text).collect();
        let mut found = Vec::new();
        for at in 0..words.len() {
            let end = words.len().min(at + NAME_WORDS);
            for stop in at + 1..=end {
                if let Some(&role) = self.keys.get(&join_singular(&words[at..stop])) {
                    found.push(role);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    pub fn len(&self) -> usize {
        self.roles.len()
    }
}

#[cfg(test)]
mod tests;
