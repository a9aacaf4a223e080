//! Who may change a board. Checked on our side on every call: `default_member_permissions`
//! only hides commands, and a server can override it.

use super::model::BoardSettings;

/// Discord permission bits (Discord "Permissions": bitwise flags).
pub const ADMINISTRATOR: u64 = 1 << 3;
pub const MANAGE_GUILD: u64 = 1 << 5;
pub const MANAGE_MESSAGES: u64 = 1 << 13;

/// Where the person asking stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The operator at the terminal (`rolecall ask`, `rolecall jobs`): trusted with everything.
    Operator,
    /// A member of a server, with their permissions in the channel and their role ids.
    Member { permissions: u64, roles: Vec<u64> },
    /// Someone outside any server (a DM): may browse, not change.
    Outsider,
}

impl Standing {
    /// Posting, editing and removing jobs: Manage Messages, Manage Server, Administrator, or
    /// the moderator role the server configured.
    pub fn may_manage_jobs(&self, settings: &BoardSettings) -> bool {
        match self {
            Standing::Operator => true,
            Standing::Member { permissions, roles } => {
                permissions & (ADMINISTRATOR | MANAGE_GUILD | MANAGE_MESSAGES) != 0
                    || settings
                        .moderator_role
                        .is_some_and(|role| roles.contains(&role))
            }
            Standing::Outsider => false,
        }
    }

    /// Changing the board's settings: Manage Server or Administrator.
    pub fn may_configure(&self) -> bool {
        match self {
            Standing::Operator => true,
            Standing::Member { permissions, .. } => {
                permissions & (ADMINISTRATOR | MANAGE_GUILD) != 0
            }
            Standing::Outsider => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(permissions: u64, roles: &[u64]) -> Standing {
        Standing::Member {
            permissions,
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn moderators_are_known_by_permission_or_configured_role() {
        let none = BoardSettings::default();
        let with_role = BoardSettings {
            moderator_role: Some(77),
            ..BoardSettings::default()
        };
        assert!(member(MANAGE_MESSAGES, &[]).may_manage_jobs(&none));
        assert!(member(MANAGE_GUILD, &[]).may_manage_jobs(&none));
        assert!(member(ADMINISTRATOR, &[]).may_manage_jobs(&none));
        assert!(!member(0x400 | 0x800, &[77]).may_manage_jobs(&none));
        assert!(member(0, &[5, 77]).may_manage_jobs(&with_role));
        assert!(!member(0, &[5]).may_manage_jobs(&with_role));
        assert!(!Standing::Outsider.may_manage_jobs(&with_role));
        assert!(Standing::Operator.may_manage_jobs(&none));
    }

    #[test]
    fn only_server_managers_configure() {
        assert!(member(MANAGE_GUILD, &[]).may_configure());
        assert!(!member(MANAGE_MESSAGES, &[]).may_configure());
        assert!(!Standing::Outsider.may_configure());
    }
}
