//! The roles of a base, in id order, each shared with the other bases built from the same
//! merge: a server's base rebuilt after an add copies only the roles the add changed
//! (`building::finishing`). Read as a list of [`Role`]s: the sharing does not show.

use std::fmt;
use std::ops::Index;
use std::sync::Arc;

use crate::knowledge::model::{Role, RoleId};

#[derive(Clone, Default)]
pub struct Roles(Vec<Arc<Role>>);

/// The roles, in id order.
pub type Iter<'r> = std::iter::Map<std::slice::Iter<'r, Arc<Role>>, fn(&Arc<Role>) -> &Role>;

impl Roles {
    pub fn iter(&self) -> Iter<'_> {
        self.0.iter().map(|role| &**role)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, id: RoleId) -> Option<&Role> {
        self.0.get(id).map(|role| &**role)
    }

    pub fn first(&self) -> Option<&Role> {
        self.get(0)
    }

    /// The roles as shared, to build another base from.
    pub fn shared(&self) -> &[Arc<Role>] {
        &self.0
    }
}

impl From<Vec<Arc<Role>>> for Roles {
    fn from(roles: Vec<Arc<Role>>) -> Roles {
        Roles(roles)
    }
}

impl Index<RoleId> for Roles {
    type Output = Role;

    fn index(&self, id: RoleId) -> &Role {
        &self.0[id]
    }
}

impl<'r> IntoIterator for &'r Roles {
    type Item = &'r Role;
    type IntoIter = Iter<'r>;

    fn into_iter(self) -> Iter<'r> {
        self.iter()
    }
}

/// As the list of roles it holds.
impl fmt::Debug for Roles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
