//! Who may change a board. Checked on our side on every call: `default_member_permissions`
//! only hides commands, and a server can override it. What a member's Discord permissions
//! allow is read at the edge (`discord::wire`); here they are plain rights.

use super::model::{Board, BoardSettings};

/// Who is asking, and on which board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// A Discord user id, or `operator` at the terminal: recorded with every change.
    pub user: String,
    pub board: Board,
    pub standing: Standing,
}

impl Caller {
    /// The operator at the terminal, trusted with `board`.
    pub fn operator(board: Board) -> Caller {
        Caller {
            user: "operator".into(),
            board,
            standing: Standing::Operator,
        }
    }
}

/// Where the person asking stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The operator at the terminal (`rolecall ask`, `rolecall jobs`): trusted with everything.
    Operator,
    /// A member of a server: what their permissions in the channel allow, and their role ids.
    Member {
        /// Manage Messages, Manage Server or Administrator.
        moderates: bool,
        /// Manage Server or Administrator.
        manages_server: bool,
        roles: Vec<u64>,
    },
    /// Someone outside any server (a DM): may browse, not change.
    Outsider,
}

impl Standing {
    /// Whether they moderate where they are (the operator, or a member with Manage Messages,
    /// Manage Server or Administrator): what `/help` and `/kb stats` show them. Rights to
    /// change a board are checked apart, with its settings.
    pub fn moderates(&self) -> bool {
        match self {
            Standing::Operator => true,
            Standing::Member {
                moderates,
                manages_server,
                ..
            } => *moderates || *manages_server,
            Standing::Outsider => false,
        }
    }

    /// Posting, editing and removing jobs: moderators, or members with the moderator role
    /// the server configured.
    pub fn may_manage_jobs(&self, settings: &BoardSettings) -> bool {
        match self {
            Standing::Operator => true,
            Standing::Member {
                moderates, roles, ..
            } => {
                *moderates
                    || settings
                        .moderator_role
                        .is_some_and(|role| roles.contains(&role))
            }
            Standing::Outsider => false,
        }
    }

    /// Changing the board's settings: server managers only.
    pub fn may_configure(&self) -> bool {
        match self {
            Standing::Operator => true,
            Standing::Member { manages_server, .. } => *manages_server,
            Standing::Outsider => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(moderates: bool, manages_server: bool, roles: &[u64]) -> Standing {
        Standing::Member {
            moderates,
            manages_server,
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn moderators_are_known_by_their_rights_or_the_configured_role() {
        let none = BoardSettings::default();
        let with_role = BoardSettings {
            moderator_role: Some(77),
            ..BoardSettings::default()
        };
        assert!(member(true, false, &[]).may_manage_jobs(&none));
        assert!(!member(false, false, &[77]).may_manage_jobs(&none));
        assert!(member(false, false, &[5, 77]).may_manage_jobs(&with_role));
        assert!(!member(false, false, &[5]).may_manage_jobs(&with_role));
        assert!(!Standing::Outsider.may_manage_jobs(&with_role));
        assert!(Standing::Operator.may_manage_jobs(&none));
    }

    #[test]
    fn only_server_managers_configure() {
        assert!(member(true, true, &[]).may_configure());
        assert!(!member(true, false, &[]).may_configure());
        assert!(!Standing::Outsider.may_configure());
        assert!(Standing::Operator.may_configure());
    }
}
