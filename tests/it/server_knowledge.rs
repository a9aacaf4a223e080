//! Each server answers from the shipped articles plus its own: an article a server's mentors
//! added is answered there, and nowhere else, from the moment the service starts.

use std::sync::Arc;

use rolecall::advisor;
use rolecall::jobs::board::Boards;
use rolecall::jobs::model::Board;
use rolecall::jobs::rights::Caller;
use rolecall::knowledge::reading::source::{embedded_documents, DocumentSource};
use rolecall::knowledge::KnowledgeBase;
use rolecall::reply::Reply;
use rolecall::service::library::Library;
use rolecall::service::{unix_now, Service};
use rolecall::teaching::store::TeachingStore;

use crate::support::{runtime, sqlite_url};

const ANALYTICS: &str = "\
# Analytics Engineer

**Definition:** An Analytics Engineer turns raw warehouse tables into tested data models.

**Tools:** dbt, SQL, Snowflake
";

fn service(url: &str) -> Service {
    let documents = embedded_documents();
    let base = KnowledgeBase::from_documents(&documents, "shipped").expect("shipped roles");
    let library = Library::new(Arc::new(base), documents, DocumentSource::BuiltIn);
    Service::over(Arc::new(library), Arc::new(Boards::new(url)))
}

/// The answer to `line` asked by the operator in server `guild`.
fn answer_in(service: &Service, guild: u64, line: &str) -> Reply {
    let caller = Caller::operator(Board::server(guild));
    // Read as the edges read it: knowing the server's own roles.
    let call = advisor::read_line(&service.knowledge_for(&caller), line).expect("a command line");
    runtime()
        .block_on(service.answer(&call, &caller, unix_now()))
        .map_or_else(|problem| problem.reply(), |outcome| outcome.reply)
}

fn text_of(reply: &Reply) -> String {
    serde_json::to_string(&rolecall::discord::json::InteractionResponse::Message(
        reply.clone(),
    ))
    .expect("serialises")
}

#[test]
fn a_servers_article_is_answered_there_and_nowhere_else() {
    let url = sqlite_url("server_knowledge");
    let store = runtime()
        .block_on(TeachingStore::open(&url))
        .expect("the store opens");
    runtime()
        .block_on(store.add(7, "Analytics Engineer", ANALYTICS, "1", unix_now()))
        .expect("added");

    let service = service(&url);
    let built = runtime()
        .block_on(service.load_server_knowledge())
        .expect("servers load");
    assert_eq!(built, 1);

    let here = text_of(&answer_in(&service, 7, "/role analytics engineer"));
    assert!(here.contains("tested data models"), "{here}");
    for elsewhere in [8, 0] {
        let there = text_of(&answer_in(&service, elsewhere, "/role analytics engineer"));
        assert!(!there.contains("tested data models"), "{there}");
    }
    // The shipped roles still answer in the server with articles.
    let shipped = text_of(&answer_in(&service, 7, "/role data specialist"));
    assert!(shipped.contains("Data Specialist"), "{shipped}");
}

/// `/kb remove` takes the article out of the server's answers at once, not at the next start.
#[test]
fn a_removed_article_is_no_longer_answered() {
    let url = sqlite_url("server_knowledge_removed");
    let store = runtime()
        .block_on(TeachingStore::open(&url))
        .expect("the store opens");
    let added = runtime()
        .block_on(store.add(7, "Analytics Engineer", ANALYTICS, "1", unix_now()))
        .expect("added");
    let service = service(&url);
    runtime()
        .block_on(service.load_server_knowledge())
        .expect("servers load");
    let before = text_of(&answer_in(&service, 7, "/role analytics engineer"));
    assert!(before.contains("tested data models"), "{before}");

    let removed = answer_in(&service, 7, &format!("/kb remove id:{}", added.id));
    assert!(!removed.is_error(), "{}", text_of(&removed));
    let after = text_of(&answer_in(&service, 7, "/role analytics engineer"));
    assert!(!after.contains("tested data models"), "{after}");
}

/// Answers keep flowing while a server's base is rebuilt again and again: 1,000 answers in
/// that server during repeated rebuilds, none failing, each from a whole base (the shipped
/// roles are always there; the server's role, once its first base is in, never goes away).
/// How long they take is measured by the benchmarks, not here.
#[test]
fn answers_keep_flowing_while_a_servers_base_is_rebuilt() {
    let service = Arc::new(service(&sqlite_url("server_knowledge_rebuilds")));
    let article = rolecall::teaching::model::ArticleText {
        article: rolecall::teaching::model::Article {
            id: 1,
            guild: 7,
            title: "Analytics".into(),
            slug: "analytics".into(),
            content_hash: String::new(),
            added_by: "1".into(),
            added_at: 0,
        },
        text: ANALYTICS.into(),
    };
    runtime()
        .block_on(service.library().rebuild(7, vec![article.clone()]))
        .expect("the first base");
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (started, rebuilds_started) = std::sync::mpsc::channel();
    let rebuilding = {
        let (service, done, article) = (Arc::clone(&service), Arc::clone(&done), article);
        std::thread::spawn(move || {
            let _ = started.send(());
            // At least one rebuild, begun before the first answer (see `recv` below).
            loop {
                runtime()
                    .block_on(service.library().rebuild(7, vec![article.clone()]))
                    .expect("a rebuild");
                if done.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
            }
        })
    };
    rebuilds_started
        .recv()
        .expect("the rebuilding thread starts");
    for i in 0..1_000 {
        let line = if i % 2 == 0 {
            "/role analytics engineer"
        } else {
            "/compare data scientist analytics engineer"
        };
        let reply = answer_in(&service, 7, line);
        assert!(!reply.is_error(), "answer {i} failed: {}", text_of(&reply));
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    rebuilding.join().expect("the rebuilding thread");
}
