use super::registration::registration_json;
use super::*;

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
fn registration_json_mirrors_the_definitions() {
    let json = registration_json();
    let commands = json.as_array().expect("an array");
    assert_eq!(commands.len(), COMMANDS.len());
    let compare = &commands[0];
    assert_eq!(compare["name"], "compare");
    assert_eq!(compare["options"][0]["name"], "role_a");
    assert_eq!(compare["options"][0]["type"], 3);
    assert_eq!(compare["options"][0]["autocomplete"], true);
    assert_eq!(
        compare["options"][2]["choices"].as_array().map(Vec::len),
        Some(ASPECTS.len())
    );
    let kb = commands.iter().find(|c| c["name"] == "kb").expect("kb");
    assert_eq!(kb["options"][0]["type"], 1);
}
