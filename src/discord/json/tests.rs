use super::*;
use serde_json::json;

fn sent(response: InteractionResponse) -> Value {
    let bytes = serde_json::to_vec(&response).expect("serialises");
    serde_json::from_slice(&bytes).expect("valid JSON")
}

#[test]
fn what_is_sent_is_the_tree_the_tests_read() {
    let mut reply = Reply::error("No", "nope");
    reply.push_buttons(vec![Component::button(
        "Next",
        "/help",
        ButtonStyle::Secondary,
    )]);
    let message = sent(InteractionResponse::Message(reply.clone()));
    assert_eq!(message, interaction_response(&reply));
    let update = sent(InteractionResponse::Update(reply.clone()));
    assert_eq!(update, update_response(&reply));
}

#[test]
fn pong_and_choices() {
    assert_eq!(sent(InteractionResponse::Pong), json!({ "type": 1 }));
    let choices = vec![("Data Specialist".to_owned(), "data-specialist".to_owned())];
    assert_eq!(
        sent(InteractionResponse::Choices(choices)),
        json!({ "type": 8, "data": { "choices": [
            { "name": "Data Specialist", "value": "data-specialist" }
        ] } })
    );
}

#[test]
fn a_chat_reply_answers_the_question_pinging_no_one_and_has_no_flags() {
    let reply = Reply::error("No", "@everyone");
    let body = serde_json::to_value(chat_reply(&reply, "42")).expect("serialises");
    assert_eq!(
        body["message_reference"],
        json!({ "message_id": "42", "fail_if_not_exists": false })
    );
    assert_eq!(
        body["allowed_mentions"],
        json!({ "parse": [], "replied_user": false })
    );
    assert!(body.get("flags").is_none());
    let announcement = serde_json::to_value(message(&reply)).expect("serialises");
    assert_eq!(announcement["allowed_mentions"], json!({ "parse": [] }));
    assert!(announcement.get("message_reference").is_none());
}

#[test]
fn every_message_forbids_mentions() {
    let body = interaction_response(&Reply::text("@everyone hi"));
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["allowed_mentions"], json!({ "parse": [] }));
    assert_eq!(body["data"]["content"], "@everyone hi");
}

#[test]
fn ephemeral_sets_flag_64() {
    let body = interaction_response(&Reply::error("No", "nope"));
    assert_eq!(body["data"]["flags"], 64);
    assert_eq!(body["data"]["embeds"][0]["title"], "No");
}

#[test]
fn buttons_become_action_rows() {
    let mut reply = Reply::text("x");
    reply.push_buttons(vec![Component::button(
        "Next",
        "role:x:2",
        ButtonStyle::Primary,
    )]);
    let body = update_response(&reply);
    assert_eq!(body["type"], 7);
    let button = &body["data"]["components"][0]["components"][0];
    assert_eq!(button["type"], 2);
    assert_eq!(button["custom_id"], "role:x:2");
}

#[test]
fn a_select_menu_is_a_type_3_component_alone_on_its_row() {
    let mut reply = Reply::text("x");
    reply.push_buttons(vec![Component::button(
        "Next",
        "/help",
        ButtonStyle::Primary,
    )]);
    reply.push_select(Component::select(
        "menu:aspect",
        "Compare another aspect…",
        vec![
            SelectOption::new("Tools", "/compare a b tools").description("What each uses"),
            SelectOption::new("Skills", "/compare a b skills"),
        ],
    ));
    let rows = &interaction_response(&reply)["data"]["components"];
    assert_eq!(rows.as_array().map(Vec::len), Some(2));
    assert_eq!(rows[1]["type"], 1);
    assert_eq!(rows[1]["components"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        rows[1]["components"][0],
        json!({
            "type": 3,
            "custom_id": "menu:aspect",
            "placeholder": "Compare another aspect…",
            "options": [
                { "label": "Tools", "value": "/compare a b tools", "description": "What each uses" },
                { "label": "Skills", "value": "/compare a b skills" },
            ],
            "min_values": 1,
            "max_values": 1,
            "disabled": false,
        })
    );
}
