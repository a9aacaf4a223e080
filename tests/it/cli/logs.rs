//! Logs on stderr: lines for people by default, one JSON object a line with
//! `ROLECALL_LOG_FORMAT=json` (for a log collector), and a word about an unknown format.

use super::*;

fn logged(format: &str) -> Run {
    let mut command = rolecall();
    command
        .env("ROLECALL_LOG", "info")
        .env("ROLECALL_LOG_FORMAT", format)
        .args(["ask", "/roles"]);
    run(command)
}

#[test]
fn json_logs_are_one_object_a_line_and_an_unknown_format_is_named() {
    let json = logged("json");
    json.assert_code(0);
    let lines: Vec<&str> = json.stderr.lines().collect();
    assert!(!lines.is_empty(), "something is logged at info");
    for line in lines {
        let object: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(object["level"].is_string(), "{line}");
        assert!(object["fields"]["message"].is_string(), "{line}");
    }
    assert!(
        json.stderr.contains("knowledge base loaded"),
        "{}",
        json.stderr
    );

    let text = logged("text");
    assert!(
        !text.stderr.trim_start().starts_with('{'),
        "{}",
        text.stderr
    );
    let unknown = logged("jsn");
    unknown.assert_code(0);
    assert!(
        unknown
            .stderr
            .contains("ROLECALL_LOG_FORMAT is json or text, not `jsn`"),
        "{}",
        unknown.stderr
    );
}

/// Every interaction `serve-http` answers has one `info` line with its id, command, outcome
/// and latency; the interaction's token and what the member typed (their skills) never
/// appear in the logs.
#[test]
fn each_interaction_logs_one_line_with_its_id_command_outcome_and_latency_and_nothing_private() {
    let mut served = crate::operations::Served::start("logs_interactions");
    let (token, skills) = ("tok-SECRET-4f9a", "zebrafishery, quokkanomics");
    let body = json!({
        "type": 2, "id": "987654321012345678", "token": token, "application_id": "1",
        "channel_id": "9", "guild_id": "5",
        "member": { "user": { "id": "77", "username": "m" }, "permissions": "0" },
        "data": { "id": "2", "name": "path", "type": 1, "options": [
            { "type": 3, "name": "to", "value": "machine-learning-engineer" },
            { "type": 3, "name": "skills", "value": skills },
        ] },
    });
    served.endpoint.answer(body.to_string().as_bytes());
    crate::crash::kill(&mut served.child, "-TERM");

    let logged = served.logged();
    let lines: Vec<serde_json::Value> = logged
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    let interactions: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|line| line["fields"]["message"] == "interaction")
        .collect();
    assert_eq!(interactions.len(), 1, "{logged}");
    let line = &interactions[0];
    assert_eq!(line["level"], "INFO", "{line}");
    let fields = &line["fields"];
    assert_eq!(fields["id"], 987_654_321_012_345_678_u64, "{line}");
    assert_eq!(fields["command"], "path", "{line}");
    assert_eq!(fields["outcome"], "answered", "{line}");
    assert_eq!(fields["front_end"], "http", "{line}");
    assert!(
        fields["latency_ms"].as_f64().is_some_and(|ms| ms > 0.0),
        "{line}"
    );
    for private in [token, "zebrafishery", "quokkanomics"] {
        assert!(!logged.contains(private), "{private} is logged:\n{logged}");
    }
}
