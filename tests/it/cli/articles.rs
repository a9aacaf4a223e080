//! `rolecall kb add|remove|list`: the operator's hand on a server's added articles, on a
//! SQLite file of the test's own; what is refused (exit 1) and what fails (exit 2).

use super::*;

/// An article that teaches one role, in the Markdown layout mentors write.
const ARTICLE: &str = "# Analytics Engineer\n\n\
An analytics engineer builds the data models that analysts query.\n\n\
## Skills\n\n- SQL\n- dbt\n- Data modelling\n";

/// `rolecall kb <args…>` keeping articles at `database`.
fn kb_on(database: &str, args: &[&str]) -> Run {
    let mut command = rolecall();
    command.env("DATABASE_URL", database).arg("kb").args(args);
    run(command)
}

/// `name` written with `contents` in a fresh directory (kept alive by the returned guard).
fn file_with(name: &str, contents: &[u8]) -> (TempDir, String) {
    let dir = TempDir::new().expect("a temporary directory");
    let path = dir.path().join(name);
    fs::write(&path, contents).expect("the article file");
    let path = path.to_string_lossy().into_owned();
    (dir, path)
}

#[test]
fn the_operator_adds_lists_and_removes_a_servers_articles() {
    let db = crate::support::sqlite_url("cli_kb");
    let (_dir, file) = file_with("analytics.md", ARTICLE.as_bytes());

    let added = kb_on(&db, &["add", &file, "--guild", "42", "--author", "Ada"]);
    added.assert_code(0);
    assert_line_with(
        &added.stdout,
        &["added article #", "\"Analytics Engineer\"", "server 42"],
    );
    assert_line_with(&added.stdout, &["roles:", "Analytics Engineer"]);

    kb_on(&db, &["add", &file, "--guild", "42", "--title", "Again"])
        .assert_code(1)
        .assert_contains("already added");
    // Another server is another knowledge base: the same text is new there.
    kb_on(
        &db,
        &["add", &file, "--guild", "43", "--title", "Elsewhere"],
    )
    .assert_code(0);
    // Saved as UTF-16 (Windows' "Unicode"), with its byte-order mark: read the same.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (_wide, wide) = file_with("analytics-utf16.txt", &utf16);
    let added = kb_on(&db, &["add", &wide, "--guild", "44"]);
    added.assert_code(0);
    assert_line_with(&added.stdout, &["roles:", "Analytics Engineer"]);

    let listed = kb_on(&db, &["list", "--guild", "42"]);
    listed.assert_code(0);
    assert_eq!(listed.stdout.lines().count(), 1, "{}", listed.stdout);
    assert_line_with(&listed.stdout, &["Analytics Engineer", "by Ada"]);
    let id: String = listed.stdout[1..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();

    kb_on(&db, &["remove", &id, "--guild", "43"])
        .assert_code(1)
        .assert_contains("no article");
    kb_on(&db, &["remove", &id, "--guild", "42"])
        .assert_code(0)
        .assert_contains("removed article");
    kb_on(&db, &["remove", &id, "--guild", "42"]).assert_code(1);
    let empty = kb_on(&db, &["list", "--guild", "42"]);
    empty.assert_code(0);
    assert_eq!(empty.stdout, "", "removed articles are not listed");
    assert!(kb_on(&db, &["list", "--guild", "43"])
        .stdout
        .contains("Elsewhere"));

    // The removal is on record, by the operator, as `/kb history` shows it.
    let history = crate::support::runtime().block_on(async {
        let store = rolecall::teaching::store::TeachingStore::open(&db)
            .await
            .expect("the store");
        store.history(42, 10).await.expect("history")
    });
    let actions: Vec<(&str, &str)> = history
        .iter()
        .map(|event| (event.action.key(), event.actor.as_str()))
        .collect();
    assert_eq!(actions, [("remove", "operator"), ("add", "Ada")]);
}

/// `rolecall ask [--guild ID] LINE` answering from `database`'s articles.
fn ask_on(database: &str, guild: Option<&str>, line: &str) -> Run {
    let mut command = rolecall();
    command.env("DATABASE_URL", database).arg("ask");
    if let Some(guild) = guild {
        command.args(["--guild", guild]);
    }
    command.arg(line);
    run(command)
}

#[test]
fn ask_answers_as_in_a_server_from_its_articles() {
    let db = crate::support::sqlite_url("cli_kb_ask");
    let (_dir, file) = file_with("analytics.md", ARTICLE.as_bytes());
    kb_on(&db, &["add", &file, "--guild", "42"]).assert_code(0);
    let line = "/role analytics engineer";
    let here = ask_on(&db, Some("42"), line);
    here.assert_code(0)
        .assert_contains("data models that analysts query");
    ask_on(&db, Some("43"), line)
        .assert_code(1)
        .assert_contains("I don't know the role analytics engineer");
    let outside = ask_on(&db, None, line);
    outside.assert_code(1);
    assert!(
        !outside.stdout.contains("data models"),
        "{}",
        outside.stdout
    );
    // Teaching commands act on that server too.
    ask_on(&db, Some("42"), "/kb list")
        .assert_code(0)
        .assert_contains("Analytics Engineer");
}

#[test]
fn a_file_that_is_no_article_is_refused_with_the_reason() {
    let db = crate::support::sqlite_url("cli_kb_refused");
    let add = |file: &str| kb_on(&db, &["add", file, "--guild", "42"]);

    let (_a, notes) = file_with("notes.txt", b"Lunch on Friday, then a walk by the river.\n");
    add(&notes).assert_code(1).assert_contains("notes.txt");
    let (_b, latin1) = file_with("latin1.md", b"# Analytics Engineer\n\nCaf\xe9 data.\n");
    add(&latin1).assert_code(1).assert_contains("not UTF-8");
    let (_c, pdf) = file_with("guide.pdf", ARTICLE.as_bytes());
    add(&pdf)
        .assert_code(1)
        .assert_contains("not a .txt or .md file");
    let big = format!("{ARTICLE}{}", "x".repeat(512 * 1024));
    let (_d, large) = file_with("large.md", big.as_bytes());
    add(&large).assert_code(1).assert_contains("512 KB");
    add("/nowhere/at/all.md")
        .assert_code(1)
        .assert_contains("cannot read");
    let (_e, binary) = file_with("binary.md", b"PK\x03\x04\x00\x00");
    add(&binary).assert_code(1).assert_contains("binary data");
    let (_e, good) = file_with("good.md", ARTICLE.as_bytes());
    kb_on(&db, &["add", &good, "--guild", "42", "--author", " "])
        .assert_code(1)
        .assert_contains("--author");
    kb_on(&db, &["add", &good, "--guild", "18446744073709551615"])
        .assert_code(1)
        .assert_contains("not a Discord id");
    kb_on(&db, &["add", &good])
        .assert_code(2)
        .assert_contains("--guild");

    assert_eq!(
        kb_on(&db, &["list", "--guild", "42"]).stdout,
        "",
        "nothing was added"
    );
}

#[test]
fn a_store_that_cannot_open_is_a_failure_not_a_refusal() {
    let (_dir, file) = file_with("analytics.md", ARTICLE.as_bytes());
    for args in [
        vec!["add", file.as_str(), "--guild", "42"],
        vec!["list", "--guild", "42"],
        vec!["remove", "1", "--guild", "42"],
    ] {
        kb_on("mysql://nowhere/articles", &args)
            .assert_code(2)
            .assert_contains("teaching store");
    }
}
