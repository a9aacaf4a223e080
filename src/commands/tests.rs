use super::*;
use crate::commands::line::Naming;

fn valid_name(name: &str) -> bool {
    (1..=32).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c == '-' || c == '_' || (c.is_alphanumeric() && !c.is_uppercase()))
}

fn check_options(context: &str, options: &[OptionSpec]) {
    assert!(options.len() <= 25, "{context}: too many options");
    let first_optional = options
        .iter()
        .position(|o| !o.required)
        .unwrap_or(options.len());
    assert!(
        options[first_optional..].iter().all(|o| !o.required),
        "{context}: required options must come first"
    );
    for option in options {
        let at = format!("{context} {}", option.name);
        assert!(valid_name(option.name), "{at}: bad name");
        assert!(
            (1..=100).contains(&option.description.chars().count()),
            "{at}: description"
        );
        assert!(option.choices.len() <= 25, "{at}: choices");
        for choice in option.choices {
            assert!(
                (1..=100).contains(&choice.name.len()) && (1..=100).contains(&choice.value.len())
            );
        }
        if let Some(max) = option.max_length {
            assert!(
                max <= 6000 && option.min_length.unwrap_or(0) <= max,
                "{at}: lengths"
            );
        }
        check_options(&at, option.options);
    }
}

#[test]
fn every_definition_is_within_discords_limits() {
    for command in COMMANDS {
        assert!(valid_name(command.name), "{}", command.name);
        assert!((1..=100).contains(&command.description.chars().count()));
        check_options(command.name, command.options);
    }
}

#[test]
fn every_command_id_has_one_definition() {
    for &id in CommandId::ALL {
        assert_eq!(COMMANDS.iter().filter(|c| c.id == id).count(), 1, "{id:?}");
        assert_eq!(spec(id).id, id);
    }
    assert_eq!(COMMANDS.len(), CommandId::ALL.len());
}

#[test]
fn every_command_is_listed_by_help_for_its_audience() {
    for command in COMMANDS {
        assert!(
            HelpGroup::ALL.contains(&command.help_group),
            "/{}: its help group is not shown",
            command.name
        );
        // A public command under "For moderators" would look closed to members, and a
        // moderators' command elsewhere would be listed to members who cannot use it.
        assert_eq!(
            command.help_group == HelpGroup::Moderators,
            command.audience == Audience::Moderators,
            "/{}",
            command.name
        );
    }
}

#[test]
fn every_example_is_a_line_of_its_own_command() {
    for command in COMMANDS {
        let example = parse_line(command.example, &|_| Naming::No)
            .unwrap_or_else(|e| panic!("{}: {e}", command.example));
        assert_eq!(example.command, command.id, "{}", command.example);
    }
}

#[test]
fn channel_and_role_options_take_mentions_or_ids() {
    let inv = parse_line(
        "/job setup moderator_role:<@&77> announce_channel:<#88>",
        &|_| Naming::No,
    )
    .expect("parses");
    assert_eq!(inv.id("moderator_role"), Some(77));
    assert_eq!(inv.id("announce_channel"), Some(88));
    let bad =
        parse_line("/job setup announce_channel:jobs", &|_| Naming::No).expect_err("not a channel");
    assert!(bad.to_string().contains("a channel"), "{bad}");
}

#[test]
fn typed_values_are_checked_against_their_options() {
    use invocation::{from_values, Attachment};
    let setup =
        |name, value| from_values(spec(CommandId::Job), Some("setup"), [(name, Some(value))]);
    let channel = setup("announce_channel", ArgValue::Id(88)).expect("an id");
    assert_eq!(channel.id("announce_channel"), Some(88));
    let as_text = setup("announce_channel", ArgValue::Str("<#88>".into())).expect("text id");
    assert_eq!(as_text.id("announce_channel"), Some(88));
    let number_for_a_flag = setup("reset", ArgValue::Int(1)).expect_err("not a boolean");
    assert!(
        number_for_a_flag.to_string().contains("true or false"),
        "{number_for_a_flag}"
    );

    let file = ArgValue::Attachment(Attachment {
        id: 1,
        filename: "guide.md".into(),
        size: 10,
        content_type: None,
        url: "https://cdn.discordapp.com/attachments/1/1/guide.md".into(),
    });
    let refused = from_values(spec(CommandId::Skills), None, [("role", Some(file))])
        .expect_err("no command takes a file yet");
    assert!(
        matches!(refused, InvocationError::BadValue { option: "role", .. }),
        "{refused}"
    );
    let empty = from_values(spec(CommandId::Skills), None, [("role", None)]).expect_err("empty");
    assert!(matches!(empty, InvocationError::BadValue { .. }), "{empty}");
}
