//! Curated role enrichment (`knowledge/roles.toml`): canonical names, extra aliases and short
//! notes for roles the articles cover. Optional: a role the file does not mention still works.

use std::collections::HashMap;

use serde::Deserialize;

use crate::knowledge::text::words::singular;

/// What the curators say about one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CuratedRole {
    /// The display name to use for the role, e.g. "MLOps Engineer".
    pub name: String,
    /// Other names users or articles use, e.g. "Machine Learning Operations Engineer".
    pub aliases: Vec<String>,
    /// Short, factual remarks shown with the role's profile.
    pub notes: Vec<String>,
}

/// Every curated role, findable by name or alias.
#[derive(Debug, Clone, Default)]
pub struct CuratedRoles {
    roles: Vec<CuratedRole>,
    /// [`role_key`] of every name and alias → index in `roles`.
    by_key: HashMap<String, usize>,
}

/// A problem in `roles.toml`, worded for the curator who has to fix it.
#[derive(Debug, thiserror::Error)]
pub enum CuratedError {
    #[error("the curated roles file is not valid: {0}")]
    Toml(String),
    #[error("role #{position} has an empty name; every [[role]] needs a name such as \"Data Scientist\"")]
    EmptyName { position: usize },
    #[error("role \"{name}\" has an empty alias; remove it from its aliases")]
    EmptyAlias { name: String },
    #[error("role \"{name}\" has an empty note; remove it from its notes")]
    EmptyNote { name: String },
    #[error("\"{alias}\" names both \"{first}\" and \"{second}\"; a name or alias may belong to one role only, so remove it from one of them")]
    DuplicateAlias {
        alias: String,
        first: String,
        second: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(default)]
    role: Vec<FileRole>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRole {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    notes: Vec<String>,
}

impl CuratedRoles {
    /// Parses and checks curated roles in the `roles.toml` format.
    pub fn from_toml(text: &str) -> Result<CuratedRoles, CuratedError> {
        let doc: FileDoc = toml::from_str(text).map_err(|e| CuratedError::Toml(e.to_string()))?;
        let mut curated = CuratedRoles::empty();
        for (position, role) in doc.role.into_iter().enumerate() {
            curated.add(position + 1, role)?;
        }
        Ok(curated)
    }

    /// No curated data: roles keep the names and aliases their articles give them.
    pub fn empty() -> CuratedRoles {
        CuratedRoles::default()
    }

    /// The curated role whose name or any alias matches `name` (case-, space- and
    /// hyphen-insensitive; a plural ignored, as `words::singular` reads it).
    pub fn find(&self, name: &str) -> Option<&CuratedRole> {
        let key = role_key(name);
        if key.is_empty() {
            return None;
        }
        // Only the query is de-pluralised: stripping both sides would make "MLOps" and "MLOp",
        // or "DS" and "D", the same name.
        self.by_key
            .get(&key)
            .or_else(|| self.by_key.get(singular(&key).as_ref()))
            .map(|&i| &self.roles[i])
    }

    /// Every curated role, in file order.
    pub fn roles(&self) -> &[CuratedRole] {
        &self.roles
    }

    fn add(&mut self, position: usize, role: FileRole) -> Result<(), CuratedError> {
        let name = role.name.trim().to_string();
        if name.is_empty() {
            return Err(CuratedError::EmptyName { position });
        }
        if role.notes.iter().any(|n| n.trim().is_empty()) {
            return Err(CuratedError::EmptyNote { name });
        }
        let index = self.roles.len();
        let mut aliases: Vec<String> = Vec::new();
        for alias in role.aliases.iter().map(|a| a.trim()) {
            if alias.is_empty() {
                return Err(CuratedError::EmptyAlias { name });
            }
            // An alias that only respells the name or another alias adds nothing.
            let key = role_key(alias);
            if role_key(&name) != key && !aliases.iter().any(|a| role_key(a) == key) {
                aliases.push(alias.to_string());
            }
        }
        for spelling in std::iter::once(&name).chain(&aliases) {
            match self.by_key.get(&role_key(spelling)) {
                Some(&owner) => {
                    return Err(CuratedError::DuplicateAlias {
                        alias: spelling.clone(),
                        first: self.roles[owner].name.clone(),
                        second: name,
                    })
                }
                None => {
                    self.by_key.insert(role_key(spelling), index);
                }
            }
        }
        let notes = role.notes.iter().map(|n| n.trim().to_string()).collect();
        self.roles.push(CuratedRole {
            name,
            aliases,
            notes,
        });
        Ok(())
    }
}

/// The comparison key for role names: lower-case letters, digits, '+' and '#' only, so case,
/// spaces, hyphens and other punctuation do not matter.
fn role_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '#'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge/roles.toml"));

    fn shipped() -> CuratedRoles {
        CuratedRoles::from_toml(SHIPPED).expect("the shipped roles.toml is valid")
    }

    fn found(roles: &CuratedRoles, query: &str) -> Option<String> {
        roles.find(query).map(|r| r.name.clone())
    }

    #[test]
    fn shipped_roles_cover_the_seed_roles_with_a_note_each() {
        let roles = shipped();
        let seeds = [
            "Machine Learning Scientist",
            "Lead Machine Learning Engineer",
            "Machine Learning Engineer",
            "MLOps Engineer",
            "Data Scientist",
            "Data Operations Specialist",
            "Data Operations Manager",
            "Data Specialist",
        ];
        for seed in seeds {
            let role = roles
                .find(seed)
                .unwrap_or_else(|| panic!("{seed} is missing"));
            assert_eq!(role.name, seed);
            assert!(!role.notes.is_empty(), "{seed} has no note");
        }
        assert_eq!(roles.roles().len(), seeds.len());
    }

    #[test]
    fn finds_roles_by_alias_ignoring_case_spacing_and_plurals() {
        let roles = shipped();
        let cases = [
            ("machine learning operations engineers", "MLOps Engineer"),
            ("ml-ops engineer", "MLOps Engineer"),
            ("MLOps", "MLOps Engineer"),
            ("dataops-engineer", "Data Operations Specialist"),
            ("DataOps Manager", "Data Operations Manager"),
            ("Lead ML Engineer", "Lead Machine Learning Engineer"),
            ("mle", "Machine Learning Engineer"),
            ("ML Engineers", "Machine Learning Engineer"),
            ("ml scientist", "Machine Learning Scientist"),
            ("DS", "Data Scientist"),
            ("data scientists", "Data Scientist"),
        ];
        for (query, expected) in cases {
            assert_eq!(found(&roles, query).as_deref(), Some(expected), "{query}");
        }
        assert_eq!(found(&roles, "Prompt Engineer"), None);
        assert_eq!(found(&roles, "d"), None);
        assert_eq!(found(&roles, " - "), None);
    }

    #[test]
    fn an_empty_file_or_no_file_is_fine() {
        assert!(CuratedRoles::from_toml("").is_ok_and(|r| r.roles().is_empty()));
        assert!(CuratedRoles::empty().find("Data Scientist").is_none());
    }

    #[test]
    fn curator_mistakes_are_explained() {
        let error = |text: &str| CuratedRoles::from_toml(text).err().map(|e| e.to_string());
        let duplicate = error(
            "[[role]]\nname = \"Data Scientist\"\naliases = [\"DS\"]\n\
             [[role]]\nname = \"Data Steward\"\naliases = [\"d-s\"]\n",
        );
        assert!(
            duplicate.is_some_and(|m| m.contains("Data Scientist") && m.contains("Data Steward"))
        );

        let syntax = error("[[role]]\nname = \"A\"\nnotes = [\"unclosed]\n");
        assert!(syntax.is_some_and(|m| m.contains("line 3")));

        let typo = error("[[role]]\nname = \"A\"\nnote = [\"x\"]\n");
        assert!(typo.is_some_and(|m| m.contains("note")));

        let empty = error("[[role]]\nname = \"\"\n");
        assert!(empty.is_some_and(|m| m.contains("role #1 has an empty name")));
    }
}
