//! An interaction the gateway delivered, already typed by serenity, read into the same
//! [`Incoming`] as an HTTP body: nothing is turned into text to be parsed again.

use serde_json::Value;
use serenity::all::{
    CommandDataOption, CommandDataResolved, ComponentInteractionDataKind, Interaction, Permissions,
};

use super::{form, kind_of, options, target, Data, Incoming, InteractionWebhook, MemberRights};
use crate::discord::wire::component::{
    BUTTON, CHANNEL_SELECT, MENTIONABLE_SELECT, ROLE_SELECT, STRING_SELECT, USER_SELECT,
};
use crate::discord::wire::interaction::{
    APPLICATION_COMMAND, AUTOCOMPLETE, MESSAGE_COMPONENT, MODAL_SUBMIT,
};

/// Reads an interaction the gateway delivered, already typed by serenity; `None` for the
/// kinds rolecall never receives (pings come only to the HTTP endpoint).
pub fn from_gateway(interaction: &Interaction) -> Option<Incoming> {
    let (kind, data, guild, channel, member, user) = match interaction {
        Interaction::Command(i) => (
            APPLICATION_COMMAND,
            Data {
                on_message: target::is_message_command(&i.data)
                    .then(|| target::from_gateway(&i.data)),
                ..command_data(&i.data.name, &i.data.options, &i.data.resolved)
            },
            i.guild_id,
            i.channel_id,
            i.member.as_deref(),
            &i.user,
        ),
        Interaction::Autocomplete(i) => (
            AUTOCOMPLETE,
            command_data(&i.data.name, &i.data.options, &i.data.resolved),
            i.guild_id,
            i.channel_id,
            i.member.as_deref(),
            &i.user,
        ),
        Interaction::Component(i) => (
            MESSAGE_COMPONENT,
            component_data(&i.data.custom_id, &i.data.kind),
            i.guild_id,
            i.channel_id,
            i.member.as_ref(),
            &i.user,
        ),
        Interaction::Modal(i) => (
            MODAL_SUBMIT,
            Data {
                name: None,
                options: Vec::new(),
                custom_id: Some(i.data.custom_id.clone()),
                component_type: None,
                values: None,
                form: Some(form::from_gateway(&i.data.custom_id, &i.data.components)),
                on_message: None,
            },
            i.guild_id,
            i.channel_id,
            i.member.as_ref(),
            &i.user,
        ),
        _ => return None,
    };
    let (application, token) = match interaction {
        Interaction::Command(i) | Interaction::Autocomplete(i) => (i.application_id, &i.token),
        Interaction::Component(i) => (i.application_id, &i.token),
        Interaction::Modal(i) => (i.application_id, &i.token),
        _ => return None,
    };
    Some(Incoming {
        id: Some(interaction.id().get()),
        kind: kind_of(kind, Some(data)),
        // serenity fills `user` from `member.user` in servers.
        user_id: Some(user.id.to_string()),
        guild_id: guild.map(|g| g.to_string()),
        channel_id: Some(channel.to_string()),
        member: member.map(|m| MemberRights {
            permissions: m.permissions.unwrap_or_else(Permissions::empty),
            roles: m.roles.iter().map(|r| r.get()).collect(),
        }),
        webhook: InteractionWebhook::of(Some(&application.to_string()), Some(token.clone())),
        message_id: match interaction {
            Interaction::Component(i) => Some(i.message.id.get()),
            _ => None,
        },
    })
}

/// A command's name and its options, typed as serenity typed them.
fn command_data(name: &str, options: &[CommandDataOption], resolved: &CommandDataResolved) -> Data {
    Data {
        name: Some(name.to_owned()),
        options: options::from_gateway(options, resolved),
        custom_id: None,
        component_type: None,
        values: None,
        form: None,
        on_message: None,
    }
}

fn component_data(custom_id: &str, kind: &ComponentInteractionDataKind) -> Data {
    let (component_type, values) = match kind {
        ComponentInteractionDataKind::Button => (BUTTON, None),
        ComponentInteractionDataKind::StringSelect { values } => {
            (STRING_SELECT, Some(Value::from(values.clone())))
        }
        ComponentInteractionDataKind::UserSelect { .. } => (USER_SELECT, None),
        ComponentInteractionDataKind::RoleSelect { .. } => (ROLE_SELECT, None),
        ComponentInteractionDataKind::MentionableSelect { .. } => (MENTIONABLE_SELECT, None),
        ComponentInteractionDataKind::ChannelSelect { .. } => (CHANNEL_SELECT, None),
        ComponentInteractionDataKind::Unknown(other) => (*other, None),
    };
    Data {
        name: None,
        options: Vec::new(),
        custom_id: Some(custom_id.to_owned()),
        component_type: Some(component_type),
        values,
        form: None,
        on_message: None,
    }
}
