//! Role names known before any article is read: the curated names and aliases of
//! `roles.toml`, which a reader may take for a role's name without a role noun.

use crate::knowledge::reading::curated::CuratedRoles;
use crate::knowledge::text::finder::NameFinder;

/// Role names known before any article is read (the curated names and aliases of
/// `roles.toml`): a Markdown heading that is one of them opens that role even without a
/// role noun ("## MLOps", "## DataOps").
#[derive(Debug, Default, Clone)]
pub struct KnownRoles {
    /// Each name stands for its curated role's place in `roles.toml`.
    names: NameFinder,
}

impl KnownRoles {
    pub fn from_curated(curated: &CuratedRoles) -> KnownRoles {
        let mut names = NameFinder::default();
        for (index, role) in curated.roles().iter().enumerate() {
            for name in std::iter::once(&role.name).chain(&role.aliases) {
                names.insert(name, index);
            }
        }
        KnownRoles { names }
    }

    /// Whether `name` is one of the known names (case, plural and punctuation aside).
    pub fn contains(&self, name: &str) -> bool {
        !self.names.is_empty() && self.names.get(name).is_some()
    }
}
