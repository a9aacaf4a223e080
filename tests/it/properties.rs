//! Properties that must hold for any input line and any knowledge base: nothing panics, every
//! reply is a body Discord accepts and every autocomplete answer is within its limits (both
//! judged by the independent [`crate::oracle`]), every menu choice carries a line that is
//! answered, and every role can be found by its own names.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rolecall::advisor::autocomplete;
use rolecall::commands::request::{BoardRequest, Call, KnowledgeRequest};
use rolecall::commands::{Request, ROLE_MAX};
use rolecall::discord::json::{interaction_response, update_response};
use rolecall::jobs::request::JobFilter;
use rolecall::knowledge::{Document, KnowledgeBase, LoadError, Role, Roles, Section};
use rolecall::reply::{Component, Reply};

use crate::oracle::{check_choices, check_interaction_response};
use crate::support::{answer_call_from, reply_to, shipped_kb};

mod checks;
mod generated;
mod lines;

use checks::*;
use generated::*;
use lines::*;

/// Cases per property: enough to find the odd input, small enough for a debug build.
/// `PROPTEST_CASES` overrides it, to search longer for a rare failure.
fn config(cases: u32) -> ProptestConfig {
    let asked = std::env::var("PROPTEST_CASES").ok();
    ProptestConfig {
        cases: asked.and_then(|n| n.parse().ok()).unwrap_or(cases),
        // Each case builds a knowledge base: 2,000 shrink steps took CI 15 minutes on one
        // failure; 300 still give a small case and keep a failing run well inside CI's time.
        max_shrink_iters: 300,
        // Failures are reported with their minimal case; nothing is written beside the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// `/role` pages followed before giving up on ever reaching the last.
const MAX_ROLE_PAGES: usize = 60;

/// A shipped curation file, so random articles meet the real taxonomy and curated roles.
fn shipped_file(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("knowledge")
        .join(name);
    Document {
        path: name.to_owned(),
        bytes: std::fs::read(&path).expect("the shipped curation files exist"),
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn any_line_gets_a_reply_within_discords_limits(line in any_line()) {
        check_line(shipped_kb(), &line)?;
    }

    #[test]
    fn autocomplete_stays_within_discords_limits_for_any_prefix(typed in any_line()) {
        check_autocomplete(shipped_kb(), &typed)?;
    }
}

proptest! {
    // Fewer: a case is a few lines, and a skill list runs to hundreds of items.
    #![proptest_config(config(32))]

    /// `/me` lines in any order (the operator's profile on the shared board changes as they
    /// go), and the commands that stand on the profile when given no skills.
    #[test]
    fn any_profile_line_gets_a_reply_within_discords_limits(
        lines in prop::collection::vec(profile_line(), 1..4),
    ) {
        for line in &lines {
            check_line(shipped_kb(), line)?;
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_knowledge_base_answers_every_question_within_discords_limits(
        documents in documents(NameLength::Short),
        prefixes in prop::collection::vec(".{0,12}", 0..6),
    ) {
        check_any_knowledge_base(&documents, &prefixes)?;
    }

    #[test]
    fn any_knowledge_base_with_any_role_names_answers_within_discords_limits(
        documents in documents(NameLength::Any),
        prefixes in prop::collection::vec(".{0,12}", 0..6),
    ) {
        check_any_knowledge_base(&documents, &prefixes)?;
    }

    #[test]
    fn any_documents_build_or_fail_only_for_want_of_a_role(
        documents in documents(NameLength::Any),
    ) {
        match KnowledgeBase::from_documents(&documents.all(), "generated") {
            Ok(kb) => prop_assert!(!kb.roles.is_empty()),
            Err(error) => prop_assert!(matches!(error, LoadError::NoRoles { .. }), "{}", error),
        }
    }

    #[test]
    fn every_role_of_any_knowledge_base_is_found_by_its_own_names(
        documents in documents(NameLength::Short),
    ) {
        let Some(kb) = build(&documents) else { return Ok(()) };
        check_roles_find_themselves(&kb)?;
    }

    #[test]
    fn every_role_with_any_name_is_found_by_its_own_names(documents in documents(NameLength::Any)) {
        let Some(kb) = build(&documents) else { return Ok(()) };
        check_roles_find_themselves(&kb)?;
    }
}

proptest! {
    #![proptest_config(config(3))]

    #[test]
    fn large_synthetic_knowledge_bases_answer_within_discords_limits(seed in any::<u64>()) {
        let kb = KnowledgeBase::from_documents(&rolecall::synthetic::articles(200, seed), "synthetic")
            .map(Arc::new)
            .map_err(|e| fail("synthetic articles", &e.to_string()))?;
        check_knowledge_base(&kb, &sample(&kb.roles, 6))?;
        check_roles_find_themselves(&kb)?;
    }
}

#[test]
fn the_shipped_knowledge_base_answers_everything_within_discords_limits() {
    let kb = shipped_kb();
    let roles: Vec<&Role> = kb.roles.iter().collect();
    check_knowledge_base(kb, &roles).unwrap();
}

#[test]
fn every_shipped_role_is_found_by_its_own_names() {
    check_roles_find_themselves(shipped_kb()).unwrap();
}

#[test]
fn page_numbers_are_read_from_footers() {
    assert_eq!(page_of("Page 2/15 · Sources: A vs. B"), Some((2, 15)));
    assert_eq!(page_of("Page 1/1"), Some((1, 1)));
    assert_eq!(page_of("Sources: A vs. B"), None);
}

// ---------------------------------------------------------------------------------------------
// Minimal cases of bugs the properties found

fn one_article(text: &str) -> Arc<KnowledgeBase> {
    let document = Document {
        path: "articles/a.txt".into(),
        bytes: text.as_bytes().to_vec(),
    };
    Arc::new(KnowledgeBase::from_documents(&[document], "test").expect("the article has roles"))
}

/// 37 synthetic roles contain "engineer": three pages, so both pager buttons carry the filter,
/// and a filter padded past 100 characters (it is normalised away) cuts both custom_ids to the
/// same text, which Discord rejects.
#[test]
fn a_long_roles_filter_keeps_the_pager_custom_ids_distinct() {
    let kb = KnowledgeBase::from_documents(&rolecall::synthetic::articles(40, 1), "synthetic")
        .map(Arc::new)
        .expect("synthetic articles have roles");
    let line = format!("/roles filter:\"{}engineer\"", "-".repeat(90));
    check_line(&kb, &line).unwrap();
}

/// A question naming a role and a background ("as a statistician") offers "How to become a
/// Data Scientist" from the background; its line went bare, `/path statistician
/// data-scientist`, which reads back as one unknown role. Found by 5,000 cases of
/// `any_line_gets_a_reply_within_discords_limits`.
#[test]
fn a_path_offered_from_a_background_reads_back_as_that_path() {
    let line = format!(
        "role_a: skills: Data Scientist {} as a statistician",
        "data ".repeat(20)
    );
    check_line(shipped_kb(), &line).unwrap();
}

/// `/path ML Eng or` asks which role to move to; "ML Eng or" is read as the Machine Learning
/// Engineer, which the menu offered too, and a path from a role to itself is refused. Found
/// by 5,000 cases of `any_line_gets_a_reply_within_discords_limits`.
#[test]
fn a_path_missing_its_destination_does_not_offer_its_start() {
    check_line(shipped_kb(), "/path ML Eng or").unwrap();
}

/// Two roles whose names differ only past 100 characters: autocomplete cuts both slugs to the
/// same value, so at most one of them can be picked.
#[test]
fn roles_with_long_similar_names_are_offered_by_values_that_resolve_to_them() {
    let data = "Data ".repeat(20);
    let (a, b) = (format!("{data}Engineer"), format!("{data}Analyst"));
    let kb = one_article(&format!(
        "{a} vs. {b}\n\nDefinitions\n\n{a}: builds.\n\n{b}: analyses.\n"
    ));
    check_roles_find_themselves(&kb).unwrap();
}

/// "A vs. #: A Comprehensive Comparison" makes a role named "#" (slug `role`), which no query
/// by its name can find.
#[test]
fn a_role_named_only_by_punctuation_is_found_by_its_name() {
    let kb = one_article(
        "Data Engineer vs. #: A Comprehensive Comparison\n\nDefinitions\n\nData Engineer: builds.\n",
    );
    check_roles_find_themselves(&kb).unwrap();
}

/// No answer about a pair of roles shows text about another role alone: a fact that names
/// one is cut to its sentences that name a role of the answer (a fact naming several roles
/// belongs to each of them) or no role, or left out. Checked on every seed pair's overview
/// and aspects, and every role's profile and path (the footers' article titles aside).
#[test]
fn no_answer_shows_text_about_a_role_it_is_not_about() {
    let kb = shipped_kb();
    let notes: Vec<&String> = kb.roles.iter().flat_map(|r| &r.notes).collect();
    let named_in = |reply: &Reply, about: &[usize]| -> Vec<usize> {
        let mut named = Vec::new();
        for embed in reply.embeds() {
            let texts = std::iter::once(embed.description_text())
                .chain(embed.fields().iter().map(|f| f.value.as_str()));
            // The facts shown, as bullets. Lists of skill names ("What sets them apart",
            // "Tools: MLOps") are not facts: a skill may share a word with a role's name.
            let facts = texts
                .flat_map(str::lines)
                .filter(|line| line.trim_start().starts_with("• "))
                .filter(|line| !line.contains("What sets them apart"))
                // A curated note says what a role is ("a senior Machine Learning Engineer
                // who also leads…"), not what an article says of another pair.
                .filter(|line| !notes.iter().any(|note| line.contains(note.as_str())));
            for text in facts {
                for sentence in rolecall::knowledge::reading::lines::sentences(text) {
                    let roles = kb.roles_in_fact(sentence);
                    if !roles.iter().any(|r| about.contains(r)) {
                        named.extend(roles);
                    }
                }
            }
        }
        named
    };
    let aspects = [
        "",
        " responsibilities",
        " skills",
        " education",
        " tools",
        " industries",
        " outlook",
        " tips",
    ];
    for (i, a) in kb.roles.iter().enumerate() {
        for (j, b) in kb.roles.iter().enumerate().filter(|(j, _)| *j != i) {
            for aspect in aspects {
                let line = format!("/compare {} {}{aspect}", a.slug, b.slug);
                let stray: Vec<&str> = named_in(&reply_to(kb, &line), &[i, j])
                    .into_iter()
                    .filter(|r| *r != i && *r != j)
                    .map(|r| kb.roles[r].name.as_str())
                    .collect();
                assert!(stray.is_empty(), "{line} names {stray:?}");
            }
            let line = format!("/path from:{} to:{}", a.slug, b.slug);
            let stray: Vec<usize> = named_in(&reply_to(kb, &line), &[i, j])
                .into_iter()
                .filter(|r| *r != i && *r != j)
                .collect();
            assert!(stray.is_empty(), "{line} names {stray:?}");
        }
        for page in 1..=4 {
            let line = format!("/role {} page:{page}", a.slug);
            let stray: Vec<usize> = named_in(&reply_to(kb, &line), &[i])
                .into_iter()
                .filter(|r| *r != i)
                .collect();
            assert!(stray.is_empty(), "{line} names {stray:?}");
        }
    }
}
