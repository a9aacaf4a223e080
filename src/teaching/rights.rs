//! Who may teach a server's knowledge base and who may set teaching up. Checked on our side
//! on every call: Discord's `default_member_permissions` only hides commands, and a server
//! can override it. A member's permissions are read at the edge (`discord::wire`); here they
//! are plain facts.

use std::collections::BTreeSet;
use std::sync::RwLock;

use super::model::TeachingSettings;

/// Who is asking, and in which server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asker {
    /// A Discord user id, or `operator` at the terminal: recorded with every change.
    pub user: String,
    /// The server's id; 0 outside servers (the terminal).
    pub guild: u64,
    pub standing: Standing,
}

/// Where the person asking stands, as far as teaching goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The operator at the terminal: trusted with everything.
    Operator,
    /// A member of a server.
    Member {
        /// Manage Server or Administrator.
        manages_server: bool,
        /// Their role ids in the server.
        roles: Vec<u64>,
    },
    /// Someone outside any server (a DM): may not teach.
    Outsider,
}

impl Standing {
    /// Adding and removing articles: members with the server's mentor role, or with Manage
    /// Server (or Administrator), so a server that set no mentor role still has teachers.
    pub fn may_teach(&self, settings: &TeachingSettings) -> bool {
        match self {
            Standing::Operator => true,
            Standing::Member {
                manages_server,
                roles,
            } => {
                *manages_server
                    || settings
                        .mentor_role
                        .is_some_and(|role| roles.contains(&role))
            }
            Standing::Outsider => false,
        }
    }

    /// Choosing the mentor role and the answer forum: Manage Server or Administrator only;
    /// mentors cannot make more mentors.
    pub fn may_set_up(&self) -> bool {
        match self {
            Standing::Operator => true,
            Standing::Member { manages_server, .. } => *manages_server,
            Standing::Outsider => false,
        }
    }
}

/// The bot's owners, who alone may reload the shipped knowledge base: the ids in
/// `ROLECALL_OWNERS`, plus the application's owner (or team) once the gateway learns it.
/// Learnt after start-up, hence the lock; it is only ever held to read or add ids.
#[derive(Debug, Default)]
pub struct Owners {
    ids: RwLock<BTreeSet<u64>>,
}

impl Owners {
    pub fn new(ids: impl IntoIterator<Item = u64>) -> Owners {
        let owners = Owners::default();
        owners.add(ids);
        owners
    }

    /// Makes `ids` owners too (the application's owner, learnt from Discord).
    pub fn add(&self, ids: impl IntoIterator<Item = u64>) {
        self.ids
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .extend(ids);
    }

    /// Whether `asker` owns the bot: the operator at the terminal does; a Discord user by
    /// their id, wherever they ask from (a DM included), whatever their server rights.
    pub fn include(&self, asker: &Asker) -> bool {
        if asker.standing == Standing::Operator {
            return true;
        }
        let Ok(user) = asker.user.parse::<u64>() else {
            return false;
        };
        self.ids
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .contains(&user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(manages_server: bool, roles: &[u64]) -> Standing {
        Standing::Member {
            manages_server,
            roles: roles.to_vec(),
        }
    }

    fn mentor_role(role: u64) -> TeachingSettings {
        TeachingSettings {
            mentor_role: Some(role),
            ..TeachingSettings::default()
        }
    }

    #[test]
    fn mentors_and_server_managers_teach() {
        let unset = TeachingSettings::default();
        assert!(member(true, &[]).may_teach(&unset));
        assert!(member(false, &[4, 77]).may_teach(&mentor_role(77)));
        assert!(!member(false, &[4]).may_teach(&mentor_role(77)));
        assert!(
            !member(false, &[77]).may_teach(&unset),
            "a role is no mentor role until the server names it"
        );
        assert!(Standing::Operator.may_teach(&unset));
        assert!(!Standing::Outsider.may_teach(&mentor_role(77)));
    }

    #[test]
    fn only_server_managers_set_up() {
        assert!(member(true, &[]).may_set_up());
        assert!(
            !member(false, &[77]).may_set_up(),
            "mentors make no mentors"
        );
        assert!(Standing::Operator.may_set_up());
        assert!(!Standing::Outsider.may_set_up());
    }

    #[test]
    fn owners_are_known_by_their_user_id_alone() {
        let asker = |user: &str, standing: Standing| Asker {
            user: user.to_owned(),
            guild: 5,
            standing,
        };
        let owners = Owners::new([10]);
        assert!(owners.include(&asker("10", Standing::Outsider)));
        assert!(
            !owners.include(&asker("11", member(true, &[]))),
            "managing a server is not owning the bot"
        );
        assert!(!owners.include(&asker("unknown", Standing::Outsider)));
        assert!(owners.include(&asker("operator", Standing::Operator)));
        owners.add([11]);
        assert!(owners.include(&asker("11", Standing::Outsider)));
    }
}
