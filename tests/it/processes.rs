//! Two rolecall processes on one PostgreSQL database, as endpoint replicas run: an article a
//! mentor adds through one is answered by the other within seconds (announced in the add's
//! transaction, heard by the other's listener), and so is its removal.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::crash::{kill, listed_and_answered, mentor, preview, serve};
use crate::http::{command, free_port, Endpoint};

/// Waits up to 10 s for `endpoint` to answer from the article (or not); how long it took.
fn until_answered(endpoint: &Endpoint, answered: bool) -> Duration {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if listed_and_answered(endpoint).1 == answered {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the other process did not follow within 10 s (answered: {answered})");
}

#[test]
fn an_article_added_or_removed_through_one_process_is_answered_by_the_other() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let database = runtime.block_on(crate::support::postgres_url("processes"));
    let (mut first, through_first) = serve(free_port(), &database);
    let (mut second, through_second) = serve(free_port(), &database);
    assert_eq!(listed_and_answered(&through_second), (false, false));

    let add = preview(&through_first);
    let added = through_first.post_signed(&add).json();
    assert_eq!(added["type"], 7, "{added}");
    until_answered(&through_second, true);

    let list = command(
        "kb",
        json!([{ "name": "list", "type": 1, "options": [] }]),
        mentor(),
    );
    let listed = through_first.post_signed(&list).body;
    let id: i64 = listed
        .split('#')
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse().ok())
        .unwrap_or_else(|| panic!("an article number in {listed}"));
    let remove = command(
        "kb",
        json!([{ "name": "remove", "type": 1, "options": [
            { "name": "id", "type": 4, "value": id },
        ] }]),
        mentor(),
    );
    let removed = through_first.post_signed(&remove).json();
    assert!(removed.to_string().contains("Article removed"), "{removed}");
    until_answered(&through_second, false);

    kill(&mut first, "-TERM");
    kill(&mut second, "-TERM");
}
