//! A server's base built step by step (articles added one at a time, removed, added again)
//! is the base reading every document in order builds from scratch: the same roles, facts,
//! sources and their order, jobs, warnings and answers.

use super::*;
use crate::advisor;
use crate::commands::request::Request;
use crate::commands::Audience;
use crate::knowledge::reading::source::{embedded_documents, DocumentSource};
use crate::knowledge::{Document, Role};
use crate::service::library::Library;
use crate::teaching::model::Article;

const GUILD: u64 = 7;

/// `document` as a mentor's article `id`.
fn article(id: i64, document: &Document) -> ArticleText {
    ArticleText {
        article: Article {
            id,
            guild: GUILD,
            title: format!("Article {id}"),
            slug: format!("article-{id}"),
            content_hash: String::new(),
            added_by: "1".to_owned(),
            added_at: id,
        },
        text: String::from_utf8_lossy(&document.bytes).into_owned(),
    }
}

/// Articles of every shape: template and Markdown ones whose roles recur (merged across
/// articles), one teaching a role of its own, one about a shipped role.
fn articles(count: usize) -> Vec<ArticleText> {
    let mut documents = crate::synthetic::mixed_articles(count, 9);
    documents.push(Document {
        path: "own.md".into(),
        bytes: b"# Analytics Engineer\n\n**Definition:** An Analytics Engineer builds tested \
            data models.\n\n**Tools:** dbt, SQL\n"
            .to_vec(),
    });
    documents.push(Document {
        path: "shipped.md".into(),
        bytes: b"# Data Scientist\n\n**Definition:** A Data Scientist builds statistical \
            models.\n\n**Tools:** Python, R, Stata\n"
            .to_vec(),
    });
    (1..)
        .zip(&documents)
        .map(|(id, d)| article(id, d))
        .collect()
}

/// The base reading the shipped documents and then `articles` in order builds.
fn from_scratch(articles: &[ArticleText]) -> KnowledgeBase {
    let mut documents = embedded_documents();
    documents.extend(articles.iter().map(|added| Document {
        path: document_path(&added.article),
        bytes: added.text.clone().into_bytes(),
    }));
    KnowledgeBase::from_documents(&documents, &format!("server {GUILD}'s knowledge base"))
        .expect("roles")
}

/// What answers show, as text: every role's profile and comparisons, searches, look-ups.
fn answers(kb: &KnowledgeBase) -> Vec<String> {
    let mut lines: Vec<String> = ["python", "data pipelines", "statistical models", "dbt"]
        .iter()
        .map(|query| format!("/search query:{query}"))
        .collect();
    let roles: Vec<&Role> = kb.roles.iter().collect();
    for pair in roles.windows(2).step_by(7) {
        lines.push(format!("/role role:{}", pair[0].slug));
        lines.push(format!(
            "/compare role_a:{} role_b:{}",
            pair[0].slug, pair[1].slug
        ));
    }
    lines
        .iter()
        .map(|line| {
            let answer = match advisor::read_line(kb, line).map(|call| call.request) {
                Ok(Request::Knowledge(request)) => {
                    format!("{:?}", advisor::answer(kb, &request, Audience::Everyone))
                }
                other => format!("{other:?}"),
            };
            let sharing: Vec<(&str, usize)> = kb
                .roles_sharing(&kb.roles[0], 5)
                .into_iter()
                .map(|(role, shared)| (role.slug.as_str(), shared))
                .collect();
            format!(
                "{line} → {answer} {:?} {sharing:?}",
                kb.closest("dat sci", 3)
            )
        })
        .collect()
}

#[track_caller]
fn assert_same(built: &KnowledgeBase, expected: &KnowledgeBase) {
    // Debug text: roles and articles have no equality of their own (a fact's notes, read
    // on first use, never count).
    let parts = |kb: &KnowledgeBase| {
        [
            format!("{:?}", kb.roles),
            format!("{:?}", kb.articles),
            format!("{:?}", kb.jobs),
            format!("{:?}", kb.warnings),
            kb.origin.clone(),
        ]
    };
    for (built, expected) in parts(built).iter().zip(parts(expected).iter()) {
        assert!(
            built == expected,
            "differs from scratch:\n{built}\n{expected}"
        );
    }
    assert_eq!(answers(built), answers(expected));
    assert_eq!(built.stale_notes(), Vec::<String>::new());
}

fn library() -> Library {
    let documents = embedded_documents();
    let base = KnowledgeBase::from_documents(&documents, "test").expect("shipped roles");
    Library::new(Arc::new(base), documents, DocumentSource::BuiltIn)
}

fn rebuild(library: &Library, articles: &[ArticleText]) -> Arc<KnowledgeBase> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    runtime
        .block_on(library.rebuild(GUILD, articles.to_vec()))
        .expect("builds")
}

fn kept_merge(library: &Library) -> bool {
    let servers = library.servers.read().expect("not poisoned");
    servers[&GUILD].merged.is_some()
}

#[test]
fn adding_one_article_at_a_time_builds_what_reading_them_all_builds() {
    let library = library();
    let all = articles(KEEP_MERGED_FROM + 2);
    // The first steps, then each step around the point where the server starts keeping its
    // merge, up to the articles of every shape at the end.
    for count in (1..=2).chain(KEEP_MERGED_FROM - 2..=all.len()) {
        assert_same(
            &rebuild(&library, &all[..count]),
            &from_scratch(&all[..count]),
        );
    }
    assert!(
        kept_merge(&library),
        "a server with many articles keeps its merge"
    );
    assert!(library
        .for_server(GUILD)
        .exact("Analytics Engineer")
        .is_some());
}

#[test]
fn removing_and_adding_again_builds_what_reading_them_all_builds() {
    let library = library();
    let mut now = articles(KEEP_MERGED_FROM + 2);
    rebuild(&library, &now);
    // A removal in the middle: nothing to resume from, the articles already read are merged
    // again over the shipped shelf.
    now.remove(3);
    assert_same(&rebuild(&library, &now), &from_scratch(&now));
    // Then an add, resumed from the merge the removal kept, and one more after it.
    let more = articles(KEEP_MERGED_FROM + 4);
    for next in &more[KEEP_MERGED_FROM + 2..] {
        let mut next = next.clone();
        next.article.id += 100;
        now.push(next);
        assert_same(&rebuild(&library, &now), &from_scratch(&now));
    }
    // Down to a few, below the point of keeping a merge.
    now.truncate(3);
    assert_same(&rebuild(&library, &now), &from_scratch(&now));
    assert!(!kept_merge(&library));
}

#[test]
fn an_article_whose_text_changed_under_the_same_id_is_read_again() {
    let library = library();
    let mut now = articles(2);
    rebuild(&library, &now);
    now[0].text = now[0].text.replace("Definition", "Overview");
    assert_same(&rebuild(&library, &now), &from_scratch(&now));
}

/// Article `id`: `a` and `b` compared, with facts (a definition, differences) that name the
/// role `named`.
fn naming(id: i64, a: &str, b: &str, named: &str) -> ArticleText {
    let text = format!(
        "# {a} vs {b}\n\n## What is a {a}?\n\nA {a} builds forecasts with Python beside the \
         {named}.\n\n## What is a {b}?\n\nA {b} plans capacity with SQL.\n\n## {a} vs {b}\n\n\
         - A {a} needs a degree in physics, whereas a {named} needs a degree in law.\n\
         - {a}s use Python and Docker while {named}s use Tableau.\n"
    );
    article(
        id,
        &Document {
            path: format!("{id}.md"),
            bytes: text.into_bytes(),
        },
    )
}

/// Answers `line` from `kb`: what notes its facts as answers read them.
fn answer(kb: &KnowledgeBase, line: &str) -> String {
    match advisor::read_line(kb, line).map(|call| call.request) {
        Ok(Request::Knowledge(request)) => {
            format!("{:?}", advisor::answer(kb, &request, Audience::Everyone))
        }
        other => format!("{other:?}"),
    }
}

#[test]
fn an_add_that_changes_names_finishes_again_the_roles_whose_facts_hold_them() {
    let library = library();
    let mut now = articles(KEEP_MERGED_FROM);
    now.push(naming(
        1001,
        "Quantum Forecast Analyst",
        "Harbor Capacity Planner",
        "Data Steward Lead",
    ));
    let before = rebuild(&library, &now);
    assert!(kept_merge(&library));
    let analyst = before.exact("QFA").expect("its initials name it");
    assert_eq!(analyst.name, "Quantum Forecast Analyst");
    // Answers note the roles its facts name, and keep the notes with the facts.
    answer(&before, "/role role:quantum-forecast-analyst");
    answer(
        &before,
        "/compare role_a:QFA role_b:harbor-capacity-planner",
    );

    // The role its facts name arrives, in an article that does not touch it.
    now.push(naming(
        1002,
        "Data Steward Lead",
        "Policy Archivist",
        "Harbor Capacity Planner",
    ));
    let after = rebuild(&library, &now);
    assert_same(&after, &from_scratch(&now));
    let lead = after.exact("Data Steward Lead").expect("the new role");
    let analyst = after
        .exact("Quantum Forecast Analyst")
        .expect("still there");
    let naming_lead = analyst.sections.values().flatten().any(|fact| {
        after
            .notes(fact)
            .named
            .contains(&after.id_of(lead).expect("an id"))
    });
    assert!(naming_lead, "its facts name the new role now");
    answer(&after, "/role role:quantum-forecast-analyst");

    // A role with the same initials: neither keeps them as an alias.
    now.push(naming(
        1003,
        "Quantum Field Agent",
        "Tidal Survey Clerk",
        "Quantum Forecast Analyst",
    ));
    let shared = rebuild(&library, &now);
    assert_same(&shared, &from_scratch(&now));
    assert!(shared.exact("QFA").is_none(), "two roles share QFA now");
}
