//! `rolecall invite`: the links that install the application, to a server and to a user's
//! account, asking for exactly the permissions the enabled features use, and which feature
//! uses which.
//!
//! What each feature needs follows what the code does on Discord: interactions (slash
//! commands, buttons, forms, the Apps menu, deferred edits) are answered through the
//! interaction's own token and need no channel permission; everything the bot posts itself
//! goes through `send_message` (`discord::gateway`: chat replies and job announcements;
//! `discord::gateway::forum`: forum answers).

use std::process::ExitCode;

use anyhow::Context;
use serde_json::{json, Value};
use serenity::all::Permissions;

use rolecall::config::{ChatMode, Settings};

/// One thing the bot does, and what it needs for it on a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feature {
    pub name: &'static str,
    /// Whether the settings turn it on; features that are off add no permission.
    pub enabled: bool,
    /// Why it needs what it needs, or how to turn it on.
    pub note: &'static str,
    pub permissions: Permissions,
}

/// Posting a message the bot writes itself, as an embed.
const POST: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::SEND_MESSAGES)
    .union(Permissions::EMBED_LINKS);

/// Answering a member's message: a reply (Discord requires Read Message History to reference
/// a message), in a channel or in a thread.
const REPLY: Permissions = POST
    .union(Permissions::SEND_MESSAGES_IN_THREADS)
    .union(Permissions::READ_MESSAGE_HISTORY);

/// Answering a forum post: every post is a thread, so Send Messages in Threads rather than
/// Send Messages (the same set `discord::gateway::forum` checks in the answer forum).
const FORUM: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::SEND_MESSAGES_IN_THREADS)
    .union(Permissions::READ_MESSAGE_HISTORY)
    .union(Permissions::EMBED_LINKS);

/// Every feature, on or off as `settings` say.
pub fn features(settings: &Settings) -> Vec<Feature> {
    let chat_on = settings.chat != ChatMode::Off;
    vec![
        Feature {
            name: "Slash commands, buttons, forms and the Apps menu",
            enabled: true,
            note: "answered through the interaction itself: no channel permission",
            permissions: Permissions::empty(),
        },
        Feature {
            name: "Job announcements (/job setup announce_channel)",
            enabled: true,
            note: "posts each new job as an embed in the channel a server picks",
            permissions: POST,
        },
        Feature {
            name: match &settings.chat {
                ChatMode::Channels(_) => "Chat (ROLECALL_CHAT=channels, `rolecall run`)",
                _ => "Chat (mentions and DMs, `rolecall run`)",
            },
            enabled: chat_on,
            note: if chat_on {
                "replies to the question, in its channel or thread"
            } else {
                "off: ROLECALL_CHAT=off"
            },
            permissions: REPLY,
        },
        Feature {
            name: "Forum answers (/kb setup answer_forum, `rolecall run`)",
            enabled: settings.message_content,
            note: if settings.message_content {
                "replies to each new post in the answer forum's thread"
            } else {
                "off: ROLECALL_MESSAGE_CONTENT=true turns it on"
            },
            permissions: FORUM,
        },
    ]
}

/// What the server install asks for: the union of the enabled features' permissions.
pub fn server_permissions(features: &[Feature]) -> Permissions {
    features
        .iter()
        .filter(|feature| feature.enabled)
        .fold(Permissions::empty(), |all, feature| {
            all | feature.permissions
        })
}

/// The install links of one application.
#[derive(Debug)]
pub struct Invite {
    pub application_id: u64,
    pub features: Vec<Feature>,
}

impl Invite {
    pub fn new(settings: &Settings) -> anyhow::Result<Invite> {
        let application_id = settings.application_id.context(
            "Missing DISCORD_APPLICATION_ID: the install links name the application \
             (Developer Portal > General Information > Application ID); set it in the \
             environment, in .env or as application_id in rolecall.toml",
        )?;
        Ok(Invite {
            application_id,
            features: features(settings),
        })
    }

    pub fn permissions(&self) -> Permissions {
        server_permissions(&self.features)
    }

    /// A server install: the bot joins as a member (it posts announcements and answers
    /// messages) with the commands.
    pub fn server_link(&self) -> String {
        format!(
            "https://discord.com/oauth2/authorize?client_id={}&scope=bot+applications.commands&permissions={}&integration_type=0",
            self.application_id,
            self.permissions().bits()
        )
    }

    /// A user install: the commands registered for user installs, wherever the user is; a
    /// user install cannot carry a bot or permissions.
    pub fn user_link(&self) -> String {
        format!(
            "https://discord.com/oauth2/authorize?client_id={}&scope=applications.commands&integration_type=1",
            self.application_id
        )
    }

    pub fn to_text(&self) -> String {
        let permissions = self.permissions();
        let mut text = format!(
            "Install on a server (the bot and its slash commands):\n  {}\n\n\
             Install on your own account (the slash commands that work outside servers, in \
             DMs and every server you are in; no bot):\n  {}\n\n\
             Permissions asked on a server: {} = {}\n\nWhat each feature needs:\n",
            self.server_link(),
            self.user_link(),
            permissions.bits(),
            names(permissions).join(", "),
        );
        for feature in &self.features {
            let needs = if !feature.enabled || feature.permissions.is_empty() {
                String::new()
            } else {
                format!("{}; ", names(feature.permissions).join(", "))
            };
            text.push_str(&format!("  {}: {needs}{}\n", feature.name, feature.note));
        }
        text
    }

    pub fn to_json(&self) -> Value {
        let permissions = self.permissions();
        let features: Vec<Value> = self
            .features
            .iter()
            .map(|feature| {
                json!({
                    "feature": feature.name,
                    "enabled": feature.enabled,
                    "permissions": names(feature.permissions),
                    "note": feature.note,
                })
            })
            .collect();
        json!({
            // Strings, as Discord writes snowflakes and permission sets (they exceed 2^53).
            "application_id": self.application_id.to_string(),
            "server": {
                "url": self.server_link(),
                "scopes": ["bot", "applications.commands"],
                "permissions": permissions.bits().to_string(),
                "permission_names": names(permissions),
            },
            "user": {
                "url": self.user_link(),
                "scopes": ["applications.commands"],
            },
            "features": features,
        })
    }
}

/// The names Discord shows for `permissions`.
fn names(permissions: Permissions) -> Vec<&'static str> {
    permissions.get_permission_names()
}

/// Prints the links as text or JSON.
pub fn run(settings: &Settings, json: bool) -> anyhow::Result<ExitCode> {
    let invite = Invite::new(settings)?;
    let text = if json {
        serde_json::to_string_pretty(&invite.to_json())? + "\n"
    } else {
        invite.to_text()
    };
    super::write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(vars: &[(&str, &str)]) -> Settings {
        Settings::load(None, |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        })
        .expect("valid settings")
    }

    /// The sums Discord receives, written out: a changed set must change this test.
    #[test]
    fn the_permission_integer_is_the_sum_of_the_enabled_features() {
        let view_send_embed = 1024 + 2048 + 16384;
        let threads_history = (1u64 << 38) + 65536;
        let everything = settings(&[("ROLECALL_MESSAGE_CONTENT", "true")]);
        assert_eq!(
            server_permissions(&features(&everything)).bits(),
            view_send_embed + threads_history
        );
        let announcements_only = settings(&[("ROLECALL_CHAT", "off")]);
        assert_eq!(
            server_permissions(&features(&announcements_only)).bits(),
            view_send_embed
        );
        let forum_without_chat = settings(&[
            ("ROLECALL_CHAT", "off"),
            ("ROLECALL_MESSAGE_CONTENT", "true"),
        ]);
        assert_eq!(
            server_permissions(&features(&forum_without_chat)).bits(),
            view_send_embed + threads_history
        );
    }

    #[test]
    fn links_carry_the_application_and_the_install_type() {
        let invite = Invite::new(&settings(&[
            ("DISCORD_APPLICATION_ID", "123456789012345678"),
            ("ROLECALL_CHAT", "off"),
        ]))
        .expect("an application id");
        assert_eq!(
            invite.server_link(),
            "https://discord.com/oauth2/authorize?client_id=123456789012345678&scope=bot+applications.commands&permissions=19456&integration_type=0"
        );
        assert_eq!(
            invite.user_link(),
            "https://discord.com/oauth2/authorize?client_id=123456789012345678&scope=applications.commands&integration_type=1"
        );
    }

    #[test]
    fn a_missing_application_id_names_the_variable() {
        let error = Invite::new(&settings(&[])).expect_err("no id");
        assert!(
            error
                .to_string()
                .starts_with("Missing DISCORD_APPLICATION_ID"),
            "{error}"
        );
    }
}
