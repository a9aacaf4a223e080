use super::*;
use crate::commands::CommandId;
use serenity::all::Interaction;

/// Discord's documented sample payloads (see `tests/fixtures/discord/SOURCES.md`).
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/discord/");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{SAMPLES}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn compare_payload(member_or_user: &str) -> String {
    format!(
        r#"{{"type":2,"id":"1","token":"t","channel_id":"9",{member_or_user},
            "data":{{"name":"compare","type":1,"options":[
              {{"type":3,"name":"role_a","value":"mle"}},
              {{"type":3,"name":"role_b","value":"data specialist"}},
              {{"type":5,"name":"private","value":true}}]}}}}"#
    )
}

#[test]
fn guild_command_reads_member_user_and_options() {
    let body = compare_payload(r#""guild_id":"5","member":{"user":{"id":"42"}}"#);
    let incoming = read(body.as_bytes()).expect("valid");
    assert_eq!(incoming.user_id.as_deref(), Some("42"));
    assert_eq!(incoming.guild_id.as_deref(), Some("5"));
    let IncomingKind::Command(Ok(invocation)) = incoming.kind else {
        panic!("not a command: {incoming:?}");
    };
    assert_eq!(invocation.command, CommandId::Compare);
    assert_eq!(invocation.str("role_b"), Some("data specialist"));
    assert_eq!(invocation.bool("private"), Some(true));
}

#[test]
fn dm_command_reads_the_top_level_user() {
    let incoming = read(compare_payload(r#""user":{"id":"7"}"#).as_bytes()).expect("valid");
    assert_eq!(incoming.user_id.as_deref(), Some("7"));
    assert_eq!(incoming.guild_id, None);
}

#[test]
fn options_are_checked_again_on_receipt() {
    let long = "x".repeat(500);
    let body = format!(
        r#"{{"type":2,"data":{{"name":"skills","options":[{{"type":3,"name":"role","value":"{long}"}}]}}}}"#
    );
    let incoming = read(body.as_bytes()).expect("valid json");
    assert!(matches!(
        incoming.kind,
        IncomingKind::Command(Err(InvocationError::Length { .. }))
    ));
    let unknown = read(br#"{"type":2,"data":{"name":"cardsearch"}}"#).expect("valid json");
    assert!(matches!(
        unknown.kind,
        IncomingKind::Command(Err(InvocationError::UnknownCommand(_)))
    ));
}

#[test]
fn subcommands_are_read() {
    let body =
        br#"{"type":2,"data":{"name":"kb","options":[{"type":1,"name":"stats","options":[]}]}}"#;
    let IncomingKind::Command(Ok(invocation)) = read(body).expect("valid").kind else {
        panic!("not a command");
    };
    assert_eq!(invocation.subcommand, Some("stats"));
}

#[test]
fn ping_autocomplete_and_buttons() {
    assert_eq!(
        read(br#"{"type":1}"#).expect("ping").kind,
        IncomingKind::Ping
    );
    let auto = br#"{"type":4,"data":{"name":"compare","options":[{"type":3,"name":"role_a","value":"mach","focused":true}]}}"#;
    assert_eq!(
        read(auto).expect("auto").kind,
        IncomingKind::Autocomplete {
            typed: "mach".into(),
            suggests: crate::commands::Autocomplete::Role,
        }
    );
    let skills = br#"{"type":4,"data":{"name":"me","options":[{"type":1,"name":"skills","options":[{"type":3,"name":"add","value":"python, sq","focused":true}]}]}}"#;
    assert_eq!(
        read(skills).expect("auto").kind,
        IncomingKind::Autocomplete {
            typed: "python, sq".into(),
            suggests: crate::commands::Autocomplete::Skill,
        }
    );
    let click = br#"{"type":3,"data":{"custom_id":"/compare mle ds","component_type":2},"user":{"id":"1"}}"#;
    assert_eq!(
        read(click).expect("click").kind,
        IncomingKind::Component(Ok("/compare mle ds".into()))
    );
    assert_eq!(
        read(br#"{"type":5}"#).expect("modal").kind,
        IncomingKind::Unsupported(5)
    );
    assert!(read(b"not json").is_err());
    assert!(read(br#"{"no":"type"}"#).is_err());
}

#[test]
fn discords_documented_samples_are_read() {
    let slash = fixture("application-command-slash-with-options.json");
    let incoming = read(&slash).expect("slash sample");
    assert_eq!(incoming.user_id.as_deref(), Some("53908232506183680"));
    assert!(matches!(
        incoming.kind,
        IncomingKind::Command(Err(InvocationError::UnknownCommand(_)))
    ));
    let auto = read(&fixture("autocomplete-focused-option.json")).expect("autocomplete sample");
    assert_eq!(
        auto.kind,
        IncomingKind::Autocomplete {
            typed: "data a user is typ".into(),
            suggests: crate::commands::Autocomplete::Role,
        }
    );
    let click = read(&fixture("message-component-button-click.json")).expect("button sample");
    assert_eq!(click.kind, IncomingKind::Component(Ok("click_one".into())));
    let user_command =
        read(&fixture("application-command-user-command.json")).expect("user command");
    assert!(matches!(user_command.kind, IncomingKind::Command(Err(_))));
    // The sample chose two values ("mage", "rogue") from a menu that allows one.
    let select = read(&fixture("message-component-string-select.json")).expect("select sample");
    assert_eq!(
        select.kind,
        IncomingKind::Component(Err(ComponentError::NotOneChoice(2)))
    );
    assert_eq!(select.user_id.as_deref(), Some("53908232506183680"));
}

/// A string-select interaction choosing `values` (raw JSON) in the menu `custom_id`.
fn select(custom_id: &str, values: &str) -> IncomingKind {
    let body = format!(
        r#"{{"type":3,"data":{{"component_type":3,"custom_id":"{custom_id}","values":{values}}},"user":{{"id":"1"}}}}"#
    );
    read(body.as_bytes()).expect("valid json").kind
}

#[test]
fn a_menu_choice_is_the_command_line_in_its_one_value() {
    assert_eq!(
        select("menu:compare-aspect", r#"["/compare mle ds tools"]"#),
        IncomingKind::Component(Ok("/compare mle ds tools".into()))
    );
}

#[test]
fn menu_choices_that_rolecall_could_not_have_sent_are_refused() {
    let refused = |values: &str| match select("m", values) {
        IncomingKind::Component(Err(error)) => error,
        other => panic!("{values}: read as {other:?}"),
    };
    assert_eq!(refused("[]"), ComponentError::NotOneChoice(0));
    assert_eq!(
        refused(r#"["/help","/kb stats"]"#),
        ComponentError::NotOneChoice(2)
    );
    assert_eq!(refused("null"), ComponentError::NotOneChoice(0));
    assert_eq!(refused(r#""/help""#), ComponentError::NotOneChoice(0));
    assert_eq!(refused("[12]"), ComponentError::NotText);
    let long = format!(r#"["/role role:{}"]"#, "é".repeat(90));
    assert_eq!(refused(&long), ComponentError::TooLong(101));
    let missing = br#"{"type":3,"data":{"component_type":3,"custom_id":"m"}}"#;
    assert_eq!(
        read(missing).expect("valid json").kind,
        IncomingKind::Component(Err(ComponentError::NotOneChoice(0)))
    );
}

#[test]
fn buttons_are_bounded_like_menu_values_and_other_component_types_refused() {
    let button = |id: &str, kind: u8| {
        let body = format!(r#"{{"type":3,"data":{{"component_type":{kind},"custom_id":"{id}"}}}}"#);
        read(body.as_bytes()).expect("valid json").kind
    };
    assert_eq!(
        button(&"x".repeat(101), 2),
        IncomingKind::Component(Err(ComponentError::TooLong(101)))
    );
    assert_eq!(
        button(&"x".repeat(100), 2),
        IncomingKind::Component(Ok("x".repeat(100)))
    );
    // A user select (type 5) sends user ids, never a command line.
    assert_eq!(
        button("m", 5),
        IncomingKind::Component(Err(ComponentError::UnknownType(5)))
    );
}

#[test]
fn a_form_submission_reads_alike_from_the_body_and_from_serenity() {
    let body = fixture("modal-submit.json");
    let from_body = read(&body).expect("valid");
    let interaction: Interaction = serde_json::from_slice(&body).expect("serenity reads it");
    let from_serenity = super::from_gateway(&interaction).expect("a modal submit");
    assert_eq!(from_body, from_serenity);
    let IncomingKind::Form(Ok(submission)) = from_body.kind else {
        panic!("not a form: {from_body:?}");
    };
    assert_eq!(submission.custom_id, "kb_save:1480928745744629760");
    assert_eq!(
        submission.value("kb_title"),
        Some("Updating your VPN profile (vpn2)")
    );
    assert_eq!(from_body.user_id.as_deref(), Some("491328007412252672"));
    // The Label shape, which serenity 0.12 does not read, reads the same from the body.
    let labels = read(&fixture("modal-submit-label.json")).expect("valid");
    assert_eq!(labels.kind, IncomingKind::Form(Ok(submission)));
}
