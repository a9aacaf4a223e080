//! `rolecall doctor`: each malformed setting named with exit 3, the store (exit 4), the
//! knowledge base (exit 5), and the registered commands diffed against a small fake Discord
//! on 127.0.0.1 (exit 6); secrets never printed.

use axum::extract::Path as UrlPath;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};

use super::*;

const APP: &str = "123456789012345678";
const GUILD: &str = "223456789012345678";
/// A server whose commands are those registration sends.
const IN_STEP_GUILD: &str = "233456789012345678";
/// A token of the right shape whose first part is `APP` in base64url.
const TOKEN: &str = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abc_DEF-ghi";

/// `rolecall doctor [args…]` with exactly `vars` among the Discord settings.
fn doctor(vars: &[(&str, &str)], args: &[&str]) -> Run {
    let mut command = rolecall();
    for name in [
        "DISCORD_TOKEN",
        "DISCORD_APPLICATION_ID",
        "DISCORD_GUILD_ID",
        "DISCORD_PUBLIC_KEY",
        "ROLECALL_DISCORD_API",
        "ROLECALL_CHAT",
    ] {
        command.env_remove(name);
    }
    command.envs(vars.iter().copied()).arg("doctor").args(args);
    run(command)
}

/// The checks of a `--json` run, by name: (status, detail).
fn checks(run: &Run) -> Vec<(String, String, String)> {
    run.json()["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|c| {
            let text = |key: &str| c[key].as_str().unwrap_or_default().to_owned();
            (text("name"), text("status"), text("detail"))
        })
        .collect()
}

fn status_of(run: &Run, name: &str) -> String {
    checks(run)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, status, detail)| format!("{status}: {detail}"))
        .unwrap_or_else(|| panic!("no check {name}:\n{}", run.stdout))
}

#[test]
fn a_deployment_with_nothing_wrong_exits_0() {
    let dir = TempDir::new().expect("a temp dir");
    let url = format!("sqlite:{}", dir.path().join("fresh.db").display());
    let run = doctor(
        &[("DATABASE_URL", &url), ("DISCORD_APPLICATION_ID", APP)],
        &[],
    );
    run.assert_code(0);
    run.assert_contains("does not exist yet: the first start creates it and runs all");
    run.assert_contains("no problems found");
    assert!(
        !dir.path().join("fresh.db").exists(),
        "doctor creates nothing"
    );
}

#[test]
fn each_malformed_setting_is_named_and_the_token_never_printed() {
    let token = "not-a-token-secretvalue";
    let run = doctor(
        &[
            ("DISCORD_TOKEN", token),
            ("DISCORD_APPLICATION_ID", "abc"),
            ("DISCORD_GUILD_ID", "12"),
            ("DISCORD_PUBLIC_KEY", &"zz".repeat(32)),
            ("ROLECALL_DISCORD_API", "http://example.com"),
        ],
        &["--json"],
    );
    run.assert_code(3);
    assert!(status_of(&run, "DISCORD_TOKEN").starts_with("problem: 1 dot-separated part"));
    assert!(status_of(&run, "DISCORD_APPLICATION_ID")
        .starts_with("problem: \"abc\" is not a Discord id"));
    assert!(status_of(&run, "DISCORD_GUILD_ID").starts_with("problem: 12 is too small"));
    assert!(status_of(&run, "DISCORD_PUBLIC_KEY").starts_with("problem: not hex"));
    assert!(status_of(&run, "ROLECALL_DISCORD_API").starts_with("problem: "));
    assert!(
        !run.all_output().contains("secretvalue"),
        "{}",
        run.all_output()
    );
    assert_eq!(run.json()["exit_code"], 3);
}

#[test]
fn a_token_of_another_application_and_a_short_key_are_problems() {
    let run = doctor(
        &[
            ("DISCORD_TOKEN", TOKEN),
            ("DISCORD_APPLICATION_ID", "323456789012345678"),
            ("DISCORD_PUBLIC_KEY", "abcd"),
        ],
        &[],
    );
    run.assert_code(3);
    run.assert_contains("PROBLEM DISCORD_TOKEN: belongs to the bot of application 123456789012345678, not DISCORD_APPLICATION_ID 323456789012345678");
    run.assert_contains(
        "PROBLEM DISCORD_PUBLIC_KEY: 4 characters; a public key is 64 hex characters",
    );
    assert!(!run.all_output().contains("abc_DEF-ghi"));
}

#[test]
fn a_store_that_cannot_be_opened_exits_4_without_its_password() {
    let run = doctor(
        &[(
            "DATABASE_URL",
            "postgres://rolecall:hunter2@127.0.0.1:1/rolecall",
        )],
        &[],
    );
    run.assert_code(4);
    run.assert_contains("PROBLEM DATABASE_URL: the PostgreSQL store cannot be opened");
    assert!(
        !run.all_output().contains("hunter2"),
        "{}",
        run.all_output()
    );
    let run = doctor(&[("DATABASE_URL", "mysql://x")], &[]);
    run.assert_code(4);
}

#[test]
fn a_migrated_store_is_up_to_date() {
    let url = crate::support::sqlite_url("doctor_migrated");
    let mut migrate = rolecall();
    migrate
        .env("DATABASE_URL", &url)
        .args(["jobs", "list", "--guild", "42"]);
    run(migrate).assert_code(0);
    let run = doctor(&[("DATABASE_URL", &url)], &[]);
    run.assert_code(0);
    run.assert_contains("ok      DATABASE_URL: the SQLite store opens; up to date");
}

#[test]
fn a_knowledge_directory_without_roles_exits_5() {
    let dir = TempDir::new().expect("a temp dir");
    fs::write(dir.path().join("notes.txt"), "Nothing about any role.\n").expect("written");
    let dir_arg = dir.path().to_string_lossy().into_owned();
    let run = doctor(&[], &["--knowledge", &dir_arg]);
    run.assert_code(5);
    run.assert_contains("PROBLEM knowledge base:");
}

/// A fake Discord serving the guild's commands: the definitions with /help missing, /path's
/// description changed and an /old command, to the right token only.
fn fake_discord(runtime: &tokio::runtime::Runtime) -> String {
    let defined = match rolecall::discord::registration::registration_json() {
        Value::Array(commands) => commands,
        other => panic!("not a list: {other}"),
    };
    // In step: the definitions as Discord writes them back, with its own fields added.
    let in_step: Vec<Value> = defined
        .iter()
        .map(|command| {
            let mut command = command.clone();
            command["id"] = json!("3");
            command["application_id"] = json!(APP);
            command["version"] = json!("3");
            command["nsfw"] = json!(false);
            command["description_localizations"] = Value::Null;
            command
        })
        .collect();
    let mut registered = defined;
    registered.retain(|c| c["name"] != "help");
    for command in &mut registered {
        if command["name"] == "path" {
            command["description"] = json!("An older description");
        }
        command["id"] = json!("1");
        command["version"] = json!("1");
    }
    registered.push(json!({"id": "2", "name": "old", "type": 1, "description": "Gone"}));
    let app = Router::new().route(
        "/api/v10/applications/{app}/guilds/{guild}/commands",
        get(
            move |UrlPath((app, guild)): UrlPath<(String, String)>, headers: HeaderMap| {
                let registered = registered.clone();
                let in_step = in_step.clone();
                async move {
                    let authorised = headers.get("authorization").and_then(|v| v.to_str().ok())
                        == Some(&format!("Bot {TOKEN}"));
                    if !authorised || app != APP {
                        return Err(StatusCode::UNAUTHORIZED);
                    }
                    match guild.as_str() {
                        GUILD => Ok(Json(Value::Array(registered))),
                        IN_STEP_GUILD => Ok(Json(Value::Array(in_step))),
                        _ => Err(StatusCode::NOT_FOUND),
                    }
                }
            },
        ),
    );
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a port");
    let addr = listener.local_addr().expect("an address");
    runtime.spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

#[test]
fn the_registered_commands_are_diffed_against_the_definitions() {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let api = fake_discord(&runtime);
    let settings = [
        ("DISCORD_TOKEN", TOKEN),
        ("DISCORD_APPLICATION_ID", APP),
        ("DISCORD_GUILD_ID", GUILD),
        ("ROLECALL_DISCORD_API", api.as_str()),
    ];
    let run = doctor(&settings, &[]);
    run.assert_code(6);
    run.assert_contains(&format!(
        "WARNING ROLECALL_DISCORD_API: SET: every Discord call (with the bot token) goes to {api}"
    ));
    run.assert_contains(&format!(
        "PROBLEM registered commands: registering would add /help; change /path (description); remove /old (server {GUILD}): run `rolecall register`"
    ));
    assert!(
        !run.all_output().contains("abc_DEF-ghi"),
        "the token never prints"
    );
    let json = doctor(&settings, &["--json"]);
    json.assert_code(6);
    assert!(status_of(&json, "registered commands")
        .starts_with("problem: registering would add /help;"));

    let mut in_step = settings;
    in_step[2].1 = IN_STEP_GUILD;
    doctor(&in_step, &[])
        .assert_code(0)
        .assert_contains(&format!(
        "ok      registered commands: the {} server {IN_STEP_GUILD} commands match the definitions",
        count_defined()
    ));

    // A token Discord refuses: Discord answered, and said no.
    let other = "OTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abc_DEF-ghi";
    let mut refused = settings;
    refused[0].1 = other;
    refused[1].1 = "923456789012345678";
    let run = doctor(&refused, &[]);
    run.assert_code(6);
    run.assert_contains(
        "Discord answered 401 Unauthorized to GET /applications/923456789012345678/guilds/",
    );
}

/// On PostgreSQL too: an empty database has every migration pending, rehearsed in a
/// transaction that is rolled back; a migrated one none (the versions and checksums read
/// through the `Any` driver).
#[test]
fn postgres_migrations_are_rehearsed_and_rolled_back() {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let url = runtime.block_on(crate::support::postgres_url("doctor"));
    let migrations = fs::read_dir(crate_root().join("migrations/postgres"))
        .expect("the migrations")
        .count();
    let fresh = doctor(&[("DATABASE_URL", &url)], &[]);
    fresh.assert_code(0);
    fresh.assert_contains(&format!("the PostgreSQL store opens; {migrations} pending migration(s), run at the next start: 20261125000001 job board"));
    fresh.assert_contains("(run in a transaction and rolled back: they apply)");
    // Nothing was applied: the same again, and no table was left behind.
    doctor(&[("DATABASE_URL", &url)], &[])
        .assert_contains(&format!("{migrations} pending migration(s)"));
    assert_eq!(
        runtime.block_on(tables(&url)),
        0,
        "the rehearsal left a table"
    );
    let mut migrate = rolecall();
    migrate
        .env("DATABASE_URL", &url)
        .args(["jobs", "list", "--guild", "42"]);
    run(migrate).assert_code(0);
    doctor(&[("DATABASE_URL", &url)], &[])
        .assert_code(0)
        .assert_contains("the PostgreSQL store opens; up to date");
}

/// A store on which a pending migration would fail (a table of that name already there,
/// made by hand) fails the check with the migration named, before a start would, and is
/// left as it was.
#[test]
fn a_migration_that_would_fail_on_the_store_is_a_problem_found_before_the_start() {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let postgres = runtime.block_on(crate::support::postgres_url("doctor_clash"));
    let sqlite = crate::support::sqlite_url("doctor_clash");
    for url in [postgres, format!("{sqlite}?mode=rwc")] {
        runtime.block_on(execute(&url, "CREATE TABLE jobs (id INTEGER)"));
        let run = doctor(&[("DATABASE_URL", &url)], &[]);
        run.assert_code(4);
        run.assert_contains("the next start would fail: 20261125000001 job board fails on it");
        run.assert_contains("rolled back, nothing changed");
        assert_eq!(
            runtime.block_on(tables(&url)),
            1,
            "only the hand-made table"
        );
    }
}

/// Runs one statement on the store at `url`.
async fn execute(url: &str, statement: &str) {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut connection = sqlx::AnyConnection::connect(url)
        .await
        .expect("the store opens");
    sqlx::raw_sql(statement)
        .execute(&mut connection)
        .await
        .expect("the statement runs");
}

/// How many tables the store at `url` holds (its own schema's, on PostgreSQL).
async fn tables(url: &str) -> i64 {
    use sqlx::{Connection, Row};
    sqlx::any::install_default_drivers();
    let mut connection = sqlx::AnyConnection::connect(url)
        .await
        .expect("the store opens");
    let query = if url.starts_with("sqlite:") {
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
    } else {
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
    };
    sqlx::query(query)
        .fetch_one(&mut connection)
        .await
        .expect("the catalogue answers")
        .try_get(0)
        .expect("a count")
}

fn count_defined() -> usize {
    rolecall::discord::registration::registration_json()
        .as_array()
        .map_or(0, Vec::len)
}

#[test]
fn any_other_malformed_setting_is_named_by_its_variable() {
    let run = doctor(&[("ROLECALL_CHAT", "sometimes")], &["--json"]);
    run.assert_code(3);
    assert!(status_of(&run, "ROLECALL_CHAT")
        .starts_with("problem: Invalid ROLECALL_CHAT: \"sometimes\""));
    assert!(status_of(&run, "DATABASE_URL").starts_with("skipped: "));
}
