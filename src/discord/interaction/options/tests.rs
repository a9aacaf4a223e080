use serenity::all::Interaction;

use super::*;
use crate::discord::interaction::Raw;

/// A composed `/kb add file:<attachment> title:<text>` interaction (see
/// `tests/fixtures/discord/SOURCES.md`): complete, so serenity reads it too.
const WITH_ATTACHMENT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/discord/application-command-with-attachment.json"
));

fn vpn_guide() -> ArgValue {
    ArgValue::Attachment(Attachment {
        id: 1_480_930_529_704_280_064,
        filename: "vpn-setup-guide.pdf".into(),
        size: 482_113,
        content_type: Some("application/pdf".into()),
        url: "https://cdn.discordapp.com/ephemeral-attachments/849591942600982528/1480930529704280064/vpn-setup-guide.pdf?ex=69b1778b&is=69b0260b&hm=84906bbf17130795f7c3b8e273d40b2fcf6fd4c142e54dcf1b876bb3105ad7f7&".into(),
    })
}

fn expected_add() -> Vec<ReceivedOption> {
    vec![ReceivedOption {
        name: "add".into(),
        value: Received::SubCommand(vec![
            ReceivedOption {
                name: "file".into(),
                value: Received::Value(Some(vpn_guide())),
            },
            ReceivedOption {
                name: "title".into(),
                value: Received::Value(Some(ArgValue::Str("VPN setup guide (2026)".into()))),
            },
        ]),
    }]
}

fn from_body(body: &str) -> Vec<ReceivedOption> {
    let raw: Raw = serde_json::from_str(body).expect("an interaction");
    let data = raw.data.expect("data");
    from_json(&data.options, data.resolved.as_ref())
}

#[test]
fn an_attachment_option_is_resolved_from_the_body() {
    assert_eq!(from_body(WITH_ATTACHMENT), expected_add());
}

#[test]
fn an_attachment_option_is_resolved_from_serenitys_interaction() {
    let interaction: Interaction =
        serde_json::from_str(WITH_ATTACHMENT).expect("serenity reads it");
    let Interaction::Command(command) = interaction else {
        panic!("not a command: {interaction:?}");
    };
    let options = from_gateway(&command.data.options, &command.data.resolved);
    assert_eq!(options, expected_add());
}

#[test]
fn an_attachment_missing_from_resolved_has_no_value() {
    let body = r#"{"type":2,"data":{"name":"kb","options":[
        {"type":11,"name":"file","value":"5"}],
        "resolved":{"attachments":{"6":{"id":"6","filename":"a.md","size":1,"url":"u"}}}}}"#;
    assert_eq!(
        from_body(body),
        vec![ReceivedOption {
            name: "file".into(),
            value: Received::Value(None),
        }]
    );
}

#[test]
fn values_are_read_by_their_option_type() {
    let body = r#"{"type":2,"data":{"name":"job","options":[
        {"type":4,"name":"page","value":2},
        {"type":5,"name":"remote","value":false},
        {"type":7,"name":"announce_channel","value":"88"},
        {"type":8,"name":"moderator_role","value":"77"},
        {"type":3,"name":"count","value":3},
        {"type":6,"name":"user","value":"9"},
        {"type":3,"name":"role","value":"ml","focused":true}]}}"#;
    let values: Vec<Received> = from_body(body).into_iter().map(|o| o.value).collect();
    assert_eq!(
        values,
        [
            Received::Value(Some(ArgValue::Int(2))),
            Received::Value(Some(ArgValue::Bool(false))),
            Received::Value(Some(ArgValue::Str("88".into()))),
            Received::Value(Some(ArgValue::Str("77".into()))),
            // A number where the type says text: not read as text.
            Received::Value(None),
            // A user: rolecall registers no user option.
            Received::Value(None),
            Received::Typing("ml".into()),
        ]
    );
}
