//! The commands as Discord registers them, built with serenity's `CreateCommand` from the one
//! definition of every command: the slash commands (`commands::COMMANDS`) and the commands
//! on a message's Apps menu (`commands::message::MESSAGE_COMMANDS`).

use serenity::all::{
    CommandOptionType, CommandType, CreateCommand, CreateCommandOption, InteractionContext,
    Permissions,
};

use crate::commands::message::{MessageCommandSpec, MESSAGE_COMMANDS};
use crate::commands::{Audience, Autocomplete, CommandSpec, OptionKind, OptionSpec, COMMANDS};

/// Every command, ready for `PUT /applications/{id}/commands` (or a guild's).
pub fn commands() -> Vec<CreateCommand> {
    COMMANDS
        .iter()
        .map(command)
        .chain(MESSAGE_COMMANDS.iter().map(message_command))
        .collect()
}

/// A command on a message's Apps menu: a name only, in servers (it answers in a channel,
/// for the server's mentors; the bot checks who uses it).
fn message_command(spec: &MessageCommandSpec) -> CreateCommand {
    CreateCommand::new(spec.name)
        .kind(CommandType::Message)
        .contexts(vec![InteractionContext::Guild])
}

/// The registration body as JSON, as Discord receives it.
pub fn registration_json() -> serde_json::Value {
    // Cannot fail: the builders hold only strings, numbers and lists.
    serde_json::to_value(commands()).unwrap_or_default()
}

fn command(spec: &CommandSpec) -> CreateCommand {
    let command = CreateCommand::new(spec.name)
        .kind(CommandType::ChatInput)
        .description(spec.description)
        .set_options(spec.options.iter().map(option).collect());
    match spec.audience {
        // Usable in servers, in DMs with the bot, and as a user-installed app.
        Audience::Everyone => command.contexts(vec![
            InteractionContext::Guild,
            InteractionContext::BotDm,
            InteractionContext::PrivateChannel,
        ]),
        // Servers only, shown to members who can manage messages; the bot checks again.
        Audience::Moderators => command
            .contexts(vec![InteractionContext::Guild])
            .default_member_permissions(Permissions::MANAGE_MESSAGES),
    }
}

fn option(spec: &OptionSpec) -> CreateCommandOption {
    let option = CreateCommandOption::new(option_type(spec.kind), spec.name, spec.description);
    if spec.kind == OptionKind::SubCommand {
        return spec
            .options
            .iter()
            .fold(option, |sub, inner| sub.add_sub_option(self::option(inner)));
    }
    let mut option = spec
        .choices
        .iter()
        .fold(option.required(spec.required), |option, choice| {
            option.add_string_choice(choice.name, choice.value)
        });
    if spec.kind == OptionKind::String {
        if let Some(min) = spec.min_length {
            option = option.min_length(min);
        }
        if let Some(max) = spec.max_length {
            option = option.max_length(max);
        }
    }
    // Integer bounds are never negative here; a negative one would not be registered.
    if let Some(min) = spec.min_value.and_then(|v| u64::try_from(v).ok()) {
        option = option.min_int_value(min);
    }
    if let Some(max) = spec.max_value.and_then(|v| u64::try_from(v).ok()) {
        option = option.max_int_value(max);
    }
    option.set_autocomplete(spec.autocomplete != Autocomplete::None)
}

fn option_type(kind: OptionKind) -> CommandOptionType {
    match kind {
        OptionKind::SubCommand => CommandOptionType::SubCommand,
        OptionKind::String => CommandOptionType::String,
        OptionKind::Integer => CommandOptionType::Integer,
        OptionKind::Boolean => CommandOptionType::Boolean,
        OptionKind::Channel => CommandOptionType::Channel,
        OptionKind::ServerRole => CommandOptionType::Role,
        OptionKind::Attachment => CommandOptionType::Attachment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::ASPECTS;

    #[test]
    fn registration_json_mirrors_the_definitions() {
        let json = registration_json();
        let commands = json.as_array().expect("an array");
        assert_eq!(commands.len(), COMMANDS.len() + MESSAGE_COMMANDS.len());
        let answer = commands
            .iter()
            .find(|c| c["name"] == "Answer with rolecall")
            .expect("the message command");
        assert_eq!(answer["type"], 3, "on a message's Apps menu");
        assert!(answer.get("description").is_none(), "{answer}");
        assert_eq!(answer["contexts"], serde_json::json!([0]), "servers only");
        let compare = &commands[0];
        assert_eq!(compare["name"], "compare");
        assert_eq!(compare["type"], 1, "a slash command");
        assert_eq!(compare["options"][0]["name"], "role_a");
        assert_eq!(compare["options"][0]["type"], 3);
        assert_eq!(compare["options"][0]["autocomplete"], true);
        assert_eq!(compare["options"][0]["required"], true);
        assert_eq!(compare["options"][0]["max_length"], 100);
        assert_eq!(
            compare["options"][2]["choices"].as_array().map(Vec::len),
            Some(ASPECTS.len())
        );
        let kb = commands.iter().find(|c| c["name"] == "kb").expect("kb");
        assert_eq!(kb["options"][0]["type"], 1);
        let role = commands.iter().find(|c| c["name"] == "role").expect("role");
        let page = role["options"]
            .as_array()
            .and_then(|o| o.iter().find(|o| o["name"] == "page"))
            .expect("/role page");
        assert_eq!(
            (&page["min_value"], &page["max_value"]),
            (&1.into(), &1000.into())
        );
    }

    #[test]
    fn the_job_command_is_registered_for_moderators_in_servers_only() {
        let json = registration_json();
        let commands = json.as_array().expect("an array of commands");
        let job = commands
            .iter()
            .find(|c| c["name"] == "job")
            .expect("/job is registered");
        assert_eq!(job["default_member_permissions"], "8192", "Manage Messages");
        assert_eq!(job["contexts"], serde_json::json!([0]), "servers only");
        let setup = job["options"]
            .as_array()
            .and_then(|subs| subs.iter().find(|s| s["name"] == "setup"))
            .expect("/job setup");
        let types: Vec<&serde_json::Value> = setup["options"]
            .as_array()
            .expect("options")
            .iter()
            .map(|o| &o["type"])
            .collect();
        assert_eq!(types, [8, 7, 5, 5], "role, channel, reset, private");
        for everyone in commands
            .iter()
            .filter(|c| c["name"] != "job" && c["type"] == 1)
        {
            assert!(everyone.get("default_member_permissions").is_none());
            assert_eq!(everyone["contexts"], serde_json::json!([0, 1, 2]));
        }
    }
}
