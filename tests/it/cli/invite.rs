//! `rolecall invite`: the install links, their permissions from the enabled features, and
//! the error when the application id is missing.

use super::*;

/// `rolecall invite [args…]` with exactly `vars` among Discord's and the features' settings.
fn invite(vars: &[(&str, &str)], args: &[&str]) -> Run {
    let mut command = rolecall();
    for name in [
        "DISCORD_APPLICATION_ID",
        "DISCORD_TOKEN",
        "ROLECALL_CHAT",
        "ROLECALL_CHAT_CHANNELS",
        "ROLECALL_MESSAGE_CONTENT",
    ] {
        command.env_remove(name);
    }
    command.envs(vars.iter().copied()).arg("invite").args(args);
    run(command)
}

const APP: &str = "123456789012345678";

#[test]
fn the_server_link_asks_for_what_chat_and_announcements_need() {
    let run = invite(&[("DISCORD_APPLICATION_ID", APP)], &[]);
    run.assert_code(0);
    // View Channel + Send Messages + Embed Links + Read Message History + Send Messages in
    // Threads: chat replies in channels and threads, announcements post.
    run.assert_contains(&format!(
        "https://discord.com/oauth2/authorize?client_id={APP}&scope=bot+applications.commands&permissions=274877991936&integration_type=0"
    ));
    run.assert_contains(&format!(
        "https://discord.com/oauth2/authorize?client_id={APP}&scope=applications.commands&integration_type=1"
    ));
    run.assert_contains("Forum answers (/kb setup answer_forum, `rolecall run`): off: ROLECALL_MESSAGE_CONTENT=true");
}

#[test]
fn json_names_each_features_permissions_and_only_enabled_ones_are_asked() {
    let run = invite(
        &[
            ("DISCORD_APPLICATION_ID", APP),
            ("ROLECALL_CHAT", "off"),
            ("ROLECALL_MESSAGE_CONTENT", "true"),
        ],
        &["--json"],
    );
    run.assert_code(0);
    let body = run.json();
    assert_eq!(body["application_id"], APP);
    // Announcements (View, Send, Embed) and the forum (Send in Threads, History, View, Embed).
    assert_eq!(body["server"]["permissions"], "274877991936");
    assert_eq!(
        body["server"]["scopes"],
        json!(["bot", "applications.commands"])
    );
    assert_eq!(body["user"]["scopes"], json!(["applications.commands"]));
    let url = body["server"]["url"].as_str().expect("a url");
    assert!(
        url.ends_with("permissions=274877991936&integration_type=0"),
        "{url}"
    );
    let features = body["features"].as_array().expect("features");
    let feature = |prefix: &str| {
        features
            .iter()
            .find(|f| f["feature"].as_str().unwrap_or("").starts_with(prefix))
            .unwrap_or_else(|| panic!("no feature {prefix}: {body}"))
    };
    assert_eq!(feature("Chat")["enabled"], false);
    assert_eq!(feature("Forum")["enabled"], true);
    assert_eq!(
        feature("Forum")["permissions"],
        json!([
            "View Channel",
            "Embed Links",
            "Read Message History",
            "Send Messages in Threads"
        ])
    );
    assert_eq!(feature("Slash")["permissions"], json!([]));
}

#[test]
fn without_chat_or_forum_only_announcements_are_asked() {
    let run = invite(
        &[("DISCORD_APPLICATION_ID", APP), ("ROLECALL_CHAT", "off")],
        &["--json"],
    );
    run.assert_code(0);
    let body = run.json();
    assert_eq!(body["server"]["permissions"], "19456");
    assert_eq!(
        body["server"]["permission_names"],
        json!(["View Channel", "Send Messages", "Embed Links"])
    );
}

#[test]
fn a_missing_application_id_is_a_clear_error() {
    let run = invite(&[("DISCORD_TOKEN", "never.printed.token")], &[]);
    run.assert_code(2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains("Missing DISCORD_APPLICATION_ID"),
        "{}",
        run.stderr
    );
    assert!(!run.all_output().contains("never.printed.token"));
}
