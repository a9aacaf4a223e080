//! The forum mode: the forum channel whose new posts the bot answers (`/kb setup
//! answer_forum:#forum`), what that needs from the connection to Discord, and the button a
//! mentor takes a wrong answer down with. The edge tells what it has ([`ForumProbe`]); here
//! is only what it means.

use std::fmt;

/// How this process meets Discord, as far as the forum mode goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    /// No gateway: the HTTP interactions endpoint or the terminal. Discord sends forum posts
    /// only over the gateway, so none ever reaches this process.
    NoGateway,
    /// The gateway, connected with or without the privileged Message Content intent.
    Gateway { message_content: bool },
}

/// What the bot may do in the forum, as the gateway's view of the server says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InForum {
    /// It may see the forum and send messages in its posts.
    CanAnswer,
    /// The channel is no forum of this server.
    NotAForum,
    /// Permissions it lacks there, as Discord names them.
    Lacks(Vec<&'static str>),
    /// The server, the forum or the bot's roles are not known yet (just connected, or the
    /// Guilds intent is off): nothing can be said.
    Unknown,
}

/// Everything the forum mode needs, as this process found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForumReadiness {
    pub connection: Connection,
    /// `None` without the gateway: nothing tells this process the bot's permissions.
    pub in_forum: Option<InForum>,
}

/// What stands between a server's answer forum and its answers, in the order to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// This process serves no gateway (`rolecall serve-http`, the terminal).
    Gateway,
    /// The gateway was connected without the Message Content intent.
    MessageContent,
    NotAForum,
    Permissions(Vec<&'static str>),
    /// The bot's permissions in the forum could not be told.
    Unknown,
}

impl ForumReadiness {
    /// A process without the gateway: the forum mode is unavailable here.
    pub const NO_GATEWAY: ForumReadiness = ForumReadiness {
        connection: Connection::NoGateway,
        in_forum: None,
    };

    /// What is missing; empty when the forum will be answered.
    pub fn missing(&self) -> Vec<Missing> {
        let Connection::Gateway { message_content } = self.connection else {
            return vec![Missing::Gateway];
        };
        let mut missing = Vec::new();
        if !message_content {
            missing.push(Missing::MessageContent);
        }
        match &self.in_forum {
            Some(InForum::CanAnswer) => {}
            Some(InForum::NotAForum) => missing.push(Missing::NotAForum),
            Some(InForum::Lacks(permissions)) => {
                missing.push(Missing::Permissions(permissions.clone()));
            }
            Some(InForum::Unknown) | None => missing.push(Missing::Unknown),
        }
        missing
    }
}

/// The front end's view of Discord: the gateway reads its cache; without one, nothing
/// reaches the forum ([`ForumReadiness::NO_GATEWAY`]).
pub trait ForumProbe: Send + Sync + fmt::Debug {
    /// How ready `forum` of `guild` is to be answered in.
    fn readiness(&self, guild: u64, forum: u64) -> ForumReadiness;
}

/// The "Remove this answer" button on a forum answer. It carries no command line and names
/// nothing: the message it sits on is the answer, which the store must know as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TakeDownButton;

impl TakeDownButton {
    pub const CUSTOM_ID: &'static str = "forum_answer:remove";

    /// The button, if `custom_id` is exactly its id: nothing else is read from it.
    pub fn parse(custom_id: &str) -> Option<TakeDownButton> {
        (custom_id == Self::CUSTOM_ID).then_some(TakeDownButton)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gateway(message_content: bool, in_forum: InForum) -> ForumReadiness {
        ForumReadiness {
            connection: Connection::Gateway { message_content },
            in_forum: Some(in_forum),
        }
    }

    #[test]
    fn each_missing_need_is_named_in_the_order_to_fix_it() {
        assert_eq!(ForumReadiness::NO_GATEWAY.missing(), [Missing::Gateway]);
        assert!(gateway(true, InForum::CanAnswer).missing().is_empty());
        assert_eq!(
            gateway(false, InForum::Lacks(vec!["Send Messages in Threads"])).missing(),
            [
                Missing::MessageContent,
                Missing::Permissions(vec!["Send Messages in Threads"])
            ]
        );
        assert_eq!(
            gateway(true, InForum::NotAForum).missing(),
            [Missing::NotAForum]
        );
        assert_eq!(
            gateway(true, InForum::Unknown).missing(),
            [Missing::Unknown]
        );
    }

    #[test]
    fn the_take_down_button_is_read_strictly() {
        assert_eq!(
            TakeDownButton::parse(TakeDownButton::CUSTOM_ID),
            Some(TakeDownButton)
        );
        for other in [
            "forum_answer:remove:1",
            "forum_answer:REMOVE",
            " forum_answer:remove",
            "/kb remove id:1",
            "",
        ] {
            assert_eq!(TakeDownButton::parse(other), None, "{other:?}");
        }
    }
}
