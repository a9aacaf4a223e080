//! Role names known before any article is read: the curated names and aliases of
//! `roles.toml`, which a reader may take for a role's name without a role noun.

use std::collections::HashSet;

use crate::knowledge::reading::curated::CuratedRoles;
use crate::knowledge::text::words::normalize;

/// Role names known before any article is read (the curated names and aliases of
/// `roles.toml`): a Markdown heading that is one of them opens that role even without a
/// role noun ("## MLOps", "## DataOps").
#[derive(Debug, Default, Clone)]
pub struct KnownRoles {
    keys: HashSet<String>,
}

impl KnownRoles {
    pub fn from_curated(curated: &CuratedRoles) -> KnownRoles {
        let keys = curated
            .roles()
            .iter()
            .flat_map(|role| std::iter::once(&role.name).chain(&role.aliases))
            .map(|name| normalize(name))
            .filter(|key| !key.is_empty())
            .collect();
        KnownRoles { keys }
    }

    /// Whether `name` is one of the known names (case, plural and punctuation aside).
    pub fn contains(&self, name: &str) -> bool {
        !self.keys.is_empty() && self.keys.contains(&normalize(name))
    }
}
