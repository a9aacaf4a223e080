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
    assert_eq!(bullet_list(&items, 100), "• A\n• B");
}

#[test]
fn overlong_custom_id_disables_the_button() {
    let button = Component::button("x", &"a".repeat(150), ButtonStyle::Primary);
    assert!(button.is_disabled());
    assert_eq!(button.custom_id().len(), limits::CUSTOM_ID);
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
        .map(|c| (c.custom_id(), c.is_disabled()))
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

fn options(n: usize) -> Vec<SelectOption> {
    (0..n)
        .map(|i| SelectOption::new(&format!("Option {i}"), &format!("/role role:r{i}")))
        .collect()
}

fn select_options(component: &Component) -> &[SelectOption] {
    match component {
        Component::Select { options, .. } => options,
        other => panic!("a button, not a select: {other:?}"),
    }
}

#[test]
fn a_select_keeps_at_most_25_options() {
    let select = Component::select("m", "Pick", options(40));
    let kept = select_options(&select);
    assert_eq!(kept.len(), limits::SELECT_OPTIONS);
    assert_eq!(kept[24].value(), "/role role:r24");
}

#[test]
fn option_texts_are_clamped_and_never_empty() {
    let option = SelectOption::new(&"é".repeat(300), "/help").description(&long(500));
    assert_eq!(option.label().chars().count(), limits::SELECT_OPTION_TEXT);
    assert!(limits::count(option.description_text()) <= limits::SELECT_OPTION_TEXT);
    assert_eq!(
        SelectOption::new("  ", "/help").label(),
        limits::ZERO_WIDTH_SPACE
    );
    let Component::Select { placeholder, .. } = Component::select("m", &long(400), options(1))
    else {
        panic!("a select");
    };
    assert!(limits::count(&placeholder) <= limits::SELECT_PLACEHOLDER);
}

#[test]
fn options_with_empty_overlong_or_repeated_values_are_dropped() {
    // A value cut short would answer with the wrong command line.
    let select = Component::select(
        "m",
        "Pick",
        vec![
            SelectOption::new("too long", &format!("/role role:{}", "x".repeat(100))),
            SelectOption::new("empty", "   "),
            SelectOption::new("first", "/help"),
            SelectOption::new("again", "/help"),
            SelectOption::new("exactly 100", &"v".repeat(100)),
        ],
    );
    let labels: Vec<&str> = select_options(&select)
        .iter()
        .map(SelectOption::label)
        .collect();
    assert_eq!(labels, ["first", "exactly 100"]);
}

#[test]
fn a_select_fills_a_row_alone_and_rows_stop_at_five() {
    let mut reply = Reply::text("x");
    reply.push_buttons(vec![
        Component::button("b", "/help", ButtonStyle::Primary),
        Component::select("in a button row", "Pick", options(2)),
    ]);
    assert_eq!(
        reply.rows()[0].len(),
        1,
        "the select is not put beside a button"
    );
    for i in 0..6 {
        reply.push_select(Component::select(&format!("m{i}"), "Pick", options(2)));
    }
    assert_eq!(reply.rows().len(), limits::ACTION_ROWS);
    assert!(reply.rows()[1..].iter().all(|row| row.len() == 1));
}

#[test]
fn an_empty_select_is_not_added() {
    let mut reply = Reply::text("x");
    reply.push_select(Component::select("m", "Pick", Vec::new()));
    reply.push_select(Component::button("b", "/help", ButtonStyle::Primary));
    assert!(reply.rows().is_empty());
}

#[test]
fn a_select_with_a_repeated_or_overlong_custom_id_is_disabled_with_an_inert_one() {
    let mut reply = Reply::text("x");
    reply.push_buttons(vec![Component::button("b", "/help", ButtonStyle::Primary)]);
    reply.push_select(Component::select("/help", "Pick", options(2)));
    reply.push_select(Component::select(&"m".repeat(101), "Pick", options(2)));
    reply.push_select(Component::select("menu", "Pick", options(2)));
    let ids: Vec<(&str, bool)> = reply
        .rows()
        .iter()
        .flatten()
        .map(|c| (c.custom_id(), c.is_disabled()))
        .collect();
    assert_eq!(
        ids,
        [
            ("/help", false),
            ("inert:1:0", true),
            ("inert:2:0", true),
            ("menu", false)
        ]
    );
}

#[test]
fn error_replies_know_they_are_errors() {
    assert!(Reply::error("No", "nope").is_error());
    assert!(!Reply::embed(Embed::new("Fine").colour(colour::INFO)).is_error());
    assert!(!Reply::text("plain").is_error());
}

#[test]
fn bullets_start_with_a_capital_and_keep_their_length() {
    let items = vec![
        "lower case item".to_owned(),
        "ßtraße".to_owned(),
        "**Bold**".to_owned(),
    ];
    let out = bullet_list(&items, 200);
    assert_eq!(out, "• Lower case item\n• ßtraße\n• **Bold**");
}

#[test]
fn counts_say_one_or_many() {
    assert_eq!(crate::reply::count_of(1, "article"), "1 article");
    assert_eq!(crate::reply::count_of(0, "article"), "0 articles");
    assert_eq!(crate::reply::count_of(3, "article"), "3 articles");
}

#[test]
fn link_buttons_take_web_addresses_only_and_carry_no_command() {
    let link = Component::link("View / apply", "https://example.com/jobs/1").expect("a link");
    assert_eq!(link.custom_id(), "");
    assert!(!link.is_disabled());
    for bad in ["javascript:alert(1)", "example.com", "https://a b", ""] {
        assert!(Component::link("x", bad).is_none(), "{bad}");
    }
    assert!(Component::link("x", &format!("https://e.com/{}", "a".repeat(600))).is_none());
    // Links carry no id, so two of them never make each other inert.
    let mut reply = Reply::text("jobs");
    let second = Component::link("Other", "https://example.com/jobs/2").expect("a link");
    reply.push_buttons(vec![link.clone(), second.clone()]);
    assert_eq!(reply.rows()[0], vec![link, second]);
}

#[test]
fn footers_are_plain_text() {
    let embed = Embed::new("t").footer("Sources: A** vs. `B` · __C__ ~~D~~ ||E|| · C++ snake_case");
    assert_eq!(
        embed.footer_text(),
        "Sources: A vs. B · C D E · C++ snake_case"
    );
}
