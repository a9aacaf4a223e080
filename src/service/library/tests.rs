use super::*;
use crate::knowledge::reading::source::embedded_documents;
use crate::teaching::model::Article;

fn library() -> Library {
    let documents = embedded_documents();
    let base = KnowledgeBase::from_documents(&documents, "test").expect("shipped roles");
    Library::new(Arc::new(base), documents, DocumentSource::BuiltIn)
}

fn added(id: i64, title: &str, text: &str) -> ArticleText {
    ArticleText {
        article: Article {
            id,
            guild: 7,
            title: title.to_owned(),
            slug: crate::knowledge::text::names::slugify(title),
            content_hash: String::new(),
            added_by: "1".to_owned(),
            added_at: 0,
        },
        text: text.to_owned(),
    }
}

const ANALYTICS: &str = "# Analytics Engineer\n\n\
    **Definition:** An Analytics Engineer builds tested data models.\n\n\
    **Tools:** dbt, SQL\n";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime")
}

#[test]
fn a_servers_articles_answer_in_that_server_alone() {
    let library = library();
    let built = runtime()
        .block_on(library.rebuild(7, vec![added(1, "Analytics", ANALYTICS)]))
        .expect("builds");
    assert!(built.exact("Analytics Engineer").is_some());
    assert_eq!(roles_taught(&built, 1), ["Analytics Engineer"]);
    assert!(roles_taught(&built, 2).is_empty());
    assert!(library.for_server(7).exact("Analytics Engineer").is_some());
    assert!(library.for_server(8).exact("Analytics Engineer").is_none());
    assert!(library.base().exact("Analytics Engineer").is_none());
    // The shipped roles stay.
    assert_eq!(
        library.for_server(7).roles.len(),
        library.base().roles.len() + 1
    );
    assert_eq!(library.servers_with_articles(), 1);
}

#[test]
fn a_server_without_articles_shares_the_shipped_base() {
    let library = library();
    let runtime = runtime();
    runtime
        .block_on(library.rebuild(7, vec![added(1, "Analytics", ANALYTICS)]))
        .expect("builds");
    runtime
        .block_on(library.rebuild(7, Vec::new()))
        .expect("back to the base");
    assert!(Arc::ptr_eq(&library.for_server(7), &library.base()));
    assert_eq!(library.servers_with_articles(), 0);
}

#[test]
fn a_base_handed_over_built_cannot_take_articles() {
    let base = Arc::new(KnowledgeBase::embedded().expect("shipped roles"));
    let library = Library::fixed(base);
    let refused = runtime().block_on(library.rebuild(7, vec![added(1, "A", ANALYTICS)]));
    assert!(matches!(refused, Err(LibraryError::NoDocuments)));
    assert_eq!(library.servers_with_articles(), 0);
}

const DATA_SCIENTIST: &str = "# Data Scientist\n\n\
    **Definition:** A Data Scientist builds statistical models.\n\n\
    **Tools:** Python, R\n";

/// A knowledge directory holding `files` (name, text), and a library loaded from it.
fn directory_library(files: &[(&str, &str)]) -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("written");
    }
    let library = Library::load(DocumentSource::Directory(dir.path().to_owned()))
        .expect("the directory teaches a role");
    (dir, library)
}

fn reloaded(report: ReloadReport) -> Reloaded {
    match report {
        ReloadReport::Reloaded(reloaded) => reloaded,
        ReloadReport::Kept(kept) => panic!("kept the last good base: {}", kept.reason),
    }
}

fn kept(report: ReloadReport) -> KeptLastGood {
    match report {
        ReloadReport::Kept(kept) => kept,
        ReloadReport::Reloaded(reloaded) => panic!("reloaded: {reloaded:?}"),
    }
}

#[test]
fn a_reload_picks_up_an_article_dropped_in_the_directory() {
    let (dir, library) = directory_library(&[("analytics.md", ANALYTICS)]);
    assert!(library.base().exact("Data Scientist").is_none());
    std::fs::write(dir.path().join("data-scientist.md"), DATA_SCIENTIST).expect("written");
    let held = library.base();
    let report = reloaded(runtime().block_on(library.reload()));
    assert_eq!((report.roles_before, report.roles_after), (1, 2));
    assert_eq!(report.documents, 2);
    assert!(library.base().exact("Data Scientist").is_some());
    // An answer that started before keeps the base it holds.
    assert!(held.exact("Data Scientist").is_none());
}

#[test]
fn a_directory_teaching_no_role_keeps_the_last_good_base() {
    let (dir, library) = directory_library(&[("analytics.md", ANALYTICS)]);
    let before = library.base();
    std::fs::write(dir.path().join("analytics.md"), "Just some notes.\n").expect("written");
    let report = kept(runtime().block_on(library.reload()));
    assert!(
        report.reason.starts_with("no role found in 1 document(s)"),
        "{}",
        report.reason
    );
    assert_eq!(report.roles, 1);
    assert!(Arc::ptr_eq(&before, &library.base()));

    let gone = dir.path().to_owned();
    drop(dir);
    let report = kept(runtime().block_on(library.reload()));
    assert!(
        report.reason.contains(&gone.display().to_string()),
        "{}",
        report.reason
    );
    assert!(Arc::ptr_eq(&before, &library.base()));
}

#[test]
fn a_reload_rebuilds_each_servers_base_over_the_new_one() {
    let (dir, library) = directory_library(&[("data-scientist.md", DATA_SCIENTIST)]);
    let runtime = runtime();
    runtime
        .block_on(library.rebuild(7, vec![added(1, "Analytics", ANALYTICS)]))
        .expect("builds");
    std::fs::write(
        dir.path().join("ml.md"),
        ANALYTICS.replace("Analytics", "ML"),
    )
    .expect("written");
    let report = reloaded(runtime.block_on(library.reload()));
    assert_eq!(report.servers_rebuilt, [7]);
    assert!(report.servers_kept.is_empty());
    let server = library.for_server(7);
    assert!(
        server.exact("ML Engineer").is_some(),
        "the new shipped role"
    );
    assert!(
        server.exact("Analytics Engineer").is_some(),
        "the server's own article"
    );
    assert!(library.for_server(8).exact("Analytics Engineer").is_none());
    assert_eq!(roles_taught(&server, 1), ["Analytics Engineer"]);
}

#[test]
fn a_base_handed_over_built_has_nothing_to_reload() {
    let library = Library::fixed(Arc::new(KnowledgeBase::embedded().expect("shipped roles")));
    let report = kept(runtime().block_on(library.reload()));
    assert!(
        report.reason.contains("no knowledge directory"),
        "{}",
        report.reason
    );
}
