//! `rolecall jobs` and job lines through `rolecall ask`: the operator's board from the
//! command line.

use super::*;

/// `rolecall <args…>` keeping jobs at `database`.
fn rolecall_on(database: &str, args: &[&str]) -> Run {
    let mut command = rolecall();
    command.env("DATABASE_URL", database).args(args);
    run(command)
}

#[test]
fn the_operator_manages_a_servers_jobs_from_the_command_line() {
    let db = crate::support::sqlite_url("cli_jobs");
    let added = rolecall_on(
        &db,
        &[
            "jobs",
            "add",
            "--guild",
            "42",
            "title:Senior ML Engineer",
            "company:Acme",
            "location:Berlin",
            "remote:false",
            "level:senior",
            "salary_min:90000",
            "salary_max:120000",
            "currency:EUR",
            "role:mle",
        ],
    );
    added.assert_code(0);
    assert!(added.title().ends_with("posted"), "{}", added.all_output());
    let id = crate::support::job_number(added.title());

    let listed = rolecall_on(
        &db,
        &["jobs", "list", "--guild", "42", "--json", "role:mle"],
    );
    listed.assert_code(0);
    let jobs = listed.json();
    assert_eq!(jobs.as_array().map(Vec::len), Some(1), "{jobs}");
    assert_eq!(jobs[0]["title"], "Senior ML Engineer");
    assert_eq!(jobs[0]["posted_by"], "operator");
    assert_eq!(
        jobs[0]["salary"],
        json!({ "min": 90000, "max": 120000, "currency": "EUR" })
    );

    let edited = rolecall_on(
        &db,
        &[
            "jobs",
            "edit",
            "--guild",
            "42",
            &id.to_string(),
            "salary_max:80000",
        ],
    );
    edited.assert_code(1).assert_contains("salary_max");
    rolecall_on(
        &db,
        &[
            "jobs",
            "edit",
            "--guild",
            "42",
            &id.to_string(),
            "title:Staff ML Engineer",
        ],
    )
    .assert_code(0);
    rolecall_on(&db, &["jobs", "remove", "--guild", "42", &id.to_string()]).assert_code(0);
    rolecall_on(&db, &["jobs", "remove", "--guild", "42", &id.to_string()])
        .assert_code(1)
        .assert_contains("No such job");

    let history = rolecall_on(&db, &["jobs", "history", "--guild", "42", &id.to_string()]);
    history.assert_code(0);
    let actions: Vec<&str> = history
        .stdout
        .lines()
        .filter_map(|line| line.split_whitespace().nth(1))
        .collect();
    assert_eq!(actions, ["post", "edit", "remove"], "{}", history.stdout);

    // Every board is its own: the article's jobs are on 42's board, this one is gone from it,
    // and the board outside servers never saw it.
    let remaining = rolecall_on(&db, &["jobs", "list", "--guild", "42"]);
    assert!(remaining.stdout.contains("Leidos"), "{}", remaining.stdout);
    assert!(
        !remaining.stdout.contains("ML Engineer —"),
        "{}",
        remaining.stdout
    );
    let outside = rolecall_on(&db, &["jobs", "list", "--json"]).json();
    assert!(!outside.to_string().contains("Staff ML Engineer"));
}

#[test]
fn ask_posts_and_lists_jobs_as_the_operator_on_the_board_outside_servers() {
    let db = crate::support::sqlite_url("cli_ask_jobs");
    rolecall_on(
        &db,
        &[
            "ask",
            "/job post title:\"Data Steward\" company:Globex location:Remote remote:true",
        ],
    )
    .assert_code(0)
    .assert_contains("posted");
    rolecall_on(&db, &["ask", "/jobs remote:true"])
        .assert_code(0)
        .assert_contains("Data Steward");
    rolecall_on(
        &db,
        &[
            "ask",
            "/job post title:x company:y location:z remote:true apply_url:ftp://x",
        ],
    )
    .assert_code(1)
    .assert_contains("apply_url");
    let broken = rolecall_on("mysql://nowhere/jobs", &["ask", "/jobs"]);
    broken
        .assert_code(1)
        .assert_contains("Job board unavailable");
    // A question that needs no job board never opens one.
    rolecall_on("mysql://nowhere/jobs", &["ask", "/skills mlops"]).assert_code(0);
}

/// Each `name:value` argument is one option, its value exactly as the shell passed it: an
/// operator's quotes, colons and backslashes survive to the stored job.
#[test]
fn the_operators_values_keep_every_character() {
    let db = crate::support::sqlite_url("cli_jobs_quotes");
    let title = r#"The "Data" Lead: ML \ Ops"#;
    rolecall_on(
        &db,
        &[
            "jobs",
            "add",
            &format!("title:{title}"),
            "company:O'Brien & Co",
            "location:Berlin",
            "remote:false",
        ],
    )
    .assert_code(0);
    let listed = rolecall_on(&db, &["jobs", "list", "--json"]).json();
    let titles: Vec<&str> = listed
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|job| job["title"].as_str())
        .collect();
    assert!(titles.contains(&title), "{titles:?}");
    assert!(listed.to_string().contains("O'Brien & Co"), "{listed}");
    rolecall_on(&db, &["jobs", "add", "title"])
        .assert_code(1)
        .assert_contains("name:value");
}
