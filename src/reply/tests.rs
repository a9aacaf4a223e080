use super::*;

fn long(n: usize) -> String {
    "word ".repeat(n / 5 + 1)
}

#[test]
fn every_text_is_clamped_to_its_limit() {
    let embed = Embed::new(&long(1000))
        .description(&long(9000))
        .footer(&long(5000))
        .field(&long(1000), &long(5000), false);
    assert!(limits::count(embed.title_text()) <= limits::EMBED_TITLE);
    assert!(limits::count(embed.description_text()) <= limits::EMBED_DESCRIPTION);
    assert!(limits::count(embed.footer_text()) <= limits::FOOTER_TEXT);
    assert!(limits::count(&embed.fields()[0].value) <= limits::FIELD_VALUE);
}

#[test]
fn a_message_never_exceeds_the_total_embed_budget() {
    let mut reply = Reply::default();
    for _ in 0..12 {
        reply.push_embed(Embed::new("t").description(&long(4000)));
    }
    let total: usize = reply.embeds().iter().map(Embed::size).sum();
    assert!(total <= limits::EMBED_TOTAL, "{total}");
    assert!(reply.embeds().len() <= limits::EMBEDS_PER_MESSAGE);
}

#[test]
fn fields_past_twenty_five_are_dropped() {
    let mut embed = Embed::new("t");
    for i in 0..30 {
        embed = embed.field(&i.to_string(), "v", true);
    }
    assert_eq!(embed.fields().len(), limits::FIELDS_PER_EMBED);
}

#[test]
fn bullet_list_says_how_many_were_left_out() {
    let items: Vec<String> = (0..200).map(|i| format!("item number {i}")).collect();
    let out = bullet_list(&items, 200);
    assert!(out.chars().count() <= 200);
    assert!(out.ends_with("more"), "{out}");
}

#[test]
fn bullet_list_keeps_everything_that_fits() {
    let items = vec!["a".to_owned(), "b".to_owned()];
    assert_eq!(bullet_list(&items, 100), "• a\n• b");
}

#[test]
fn overlong_custom_id_disables_the_button() {
    let Component::Button {
        disabled,
        custom_id,
        ..
    } = Component::button("x", &"a".repeat(150), ButtonStyle::Primary);
    assert!(disabled);
    assert_eq!(custom_id.len(), limits::CUSTOM_ID);
}

#[test]
fn repeated_or_overlong_custom_ids_become_unique_inert_ones() {
    let long = "a".repeat(150);
    let mut reply = Reply::text("x");
    reply.push_buttons(vec![
        Component::button("1", &long, ButtonStyle::Primary),
        Component::button("2", &long, ButtonStyle::Primary),
        Component::button("3", "/help", ButtonStyle::Primary),
        Component::button("4", "/help", ButtonStyle::Primary),
    ]);
    let ids: Vec<(&str, bool)> = reply.rows()[0]
        .iter()
        .map(
            |Component::Button {
                 custom_id,
                 disabled,
                 ..
             }| (custom_id.as_str(), *disabled),
        )
        .collect();
    assert_eq!(
        ids,
        [
            ("inert:0:0", true),
            ("inert:0:1", true),
            ("/help", false),
            ("inert:0:3", true)
        ]
    );
}
