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
    let ids = [
        CommandId::Compare,
        CommandId::Skills,
        CommandId::Role,
        CommandId::Roles,
        CommandId::Path,
        CommandId::Match,
        CommandId::Ask,
        CommandId::Jobs,
        CommandId::Salary,
        CommandId::Kb,
        CommandId::Help,
    ];
    for id in ids {
        assert_eq!(COMMANDS.iter().filter(|c| c.id == id).count(), 1, "{id:?}");
        assert_eq!(spec(id).id, id);
    }
}

#[test]
fn channel_and_role_options_take_mentions_or_ids() {
    let inv = parse_line(
        "/job setup moderator_role:<@&77> announce_channel:<#88>",
        &|_| Naming::No,
    )
    .expect("parses");
    assert_eq!(inv.str("moderator_role"), Some("77"));
    assert_eq!(inv.str("announce_channel"), Some("88"));
    let bad =
        parse_line("/job setup announce_channel:jobs", &|_| Naming::No).expect_err("not a channel");
    assert!(bad.to_string().contains("a channel"), "{bad}");
}
