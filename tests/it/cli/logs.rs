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
