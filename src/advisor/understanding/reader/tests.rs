//! The reader on the questions the issue names, and on the edges of its rules. The broad
//! measure is the question corpus (`tests/questions/`, `tests/it/questions.rs`).

use super::*;
use std::path::Path;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| {
        KnowledgeBase::from_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge")))
            .expect("shipped knowledge base")
    })
}

fn read_one(question: &str) -> Reading {
    read(kb(), question, None)
}

#[track_caller]
fn check(question: &str, intent: Intent, roles: &[&str], aspect: Option<Section>) {
    let reading = read_one(question);
    assert_eq!(
        (reading.intent, reading.roles.as_slice(), reading.aspect),
        (
            intent,
            roles
                .iter()
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
                .as_slice(),
            aspect
        ),
        "{question}: {reading:?}"
    );
}

#[test]
fn an_aspect_asked_is_read_as_that_aspect() {
    check(
        "does a data scientist need a master's degree?",
        Intent::YesNo,
        &["data-scientist"],
        Some(Section::Education),
    );
    check(
        "how's the job market for ML engineers?",
        Intent::Aspect,
        &["machine-learning-engineer"],
        Some(Section::Outlook),
    );
    check(
        "which sectors employ data specialists?",
        Intent::Aspect,
        &["data-specialist"],
        Some(Section::Industries),
    );
    check(
        "what does an MLOps engineer do all day?",
        Intent::Aspect,
        &["mlops-engineer"],
        Some(Section::Responsibilities),
    );
}

#[test]
fn a_role_named_in_part_of_several_is_asked_for() {
    let reading = read_one("how do I break into data operations?");
    assert_eq!(reading.intent, Intent::Clarify);
    assert_eq!(
        reading.candidates,
        ["data-operations-specialist", "data-operations-manager"]
    );
    assert_eq!(reading.aspect, Some(Section::Tips));
}

#[test]
fn skills_the_asker_has_lead_a_path_to_the_role_named() {
    let reading =
        read_one("I know Python and pandas, how do I become a machine learning scientist?");
    assert_eq!(reading.intent, Intent::Path);
    assert_eq!(reading.roles, ["machine-learning-scientist"]);
    assert_eq!(reading.items, ["python", "pandas"]);
}

#[test]
fn yes_no_and_reverse_questions_name_their_item() {
    let reading = read_one("is tableau useful for a data specialist?");
    assert_eq!(
        (reading.intent, reading.items.as_slice()),
        (Intent::YesNo, ["tableau".to_owned()].as_slice())
    );
    let reading = read_one("does an ML engineer need Java?");
    assert_eq!((reading.intent, reading.roles.len()), (Intent::YesNo, 1));
    for (question, item) in [
        ("which roles need rust?", "rust"),
        ("which roles use docker?", "docker"),
    ] {
        let reading = read_one(question);
        assert_eq!(reading.intent, Intent::Reverse, "{question}");
        assert_eq!(reading.items, [item], "{question}");
    }
}

#[test]
fn two_roles_and_pay_are_a_salary_question_for_both() {
    check(
        "which pays more, ML engineer or data specialist?",
        Intent::Salary,
        &["machine-learning-engineer", "data-specialist"],
        None,
    );
}

#[test]
fn a_phrase_longer_than_a_cue_takes_its_words() {
    // "job market" is about the outlook, not a request for job listings.
    assert_eq!(
        read_one("job market for data scientists").intent,
        Intent::Aspect
    );
    assert_eq!(read_one("jobs for data scientists").intent, Intent::Jobs);
}

#[test]
fn a_follow_up_keeps_the_roles_or_the_aspect() {
    let first = read_one("what does a data scientist need to know?");
    let topic = first.topic().expect("a role was named");
    let next = read(kb(), "and the education?", Some(&topic));
    assert_eq!(
        (next.intent, next.roles.as_slice(), next.aspect),
        (
            Intent::Aspect,
            ["data-scientist".to_owned()].as_slice(),
            Some(Section::Education)
        )
    );
    let next = read(kb(), "what about for an mlops engineer?", Some(&topic));
    assert_eq!(
        (next.intent, next.roles.as_slice(), next.aspect),
        (
            Intent::Aspect,
            ["mlops-engineer".to_owned()].as_slice(),
            first.aspect
        )
    );
}

#[test]
fn nothing_to_read_is_unknown_and_never_panics() {
    for question in [
        "",
        "???",
        "🤷",
        "¿Qué hace un científico de datos?",
        "<@123>",
    ] {
        let reading = read_one(question);
        assert!(reading.roles.is_empty(), "{question}: {reading:?}");
    }
    assert_eq!(read_one("🤷").intent, Intent::Unknown);
}

#[test]
fn words_keep_where_they_stand_and_what_breaks_them() {
    let words = words_of("Hi, I'm a DS");
    let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(texts, ["hi", "i", "m", "a", "ds"]);
    assert!(words[1].after_break && !words[2].after_break);
}

#[test]
fn a_background_the_articles_do_not_profile_is_a_path_from_it() {
    let reading = read_one("I'm a backend developer, how do I get into MLOps?");
    assert_eq!(reading.intent, Intent::Path, "{reading:?}");
    assert_eq!(reading.roles, ["mlops-engineer"]);
    assert_eq!(reading.background.as_deref(), Some("backend-developer"));
    // "Data engineer" is a background here, not a misspelt DataOps Engineer.
    let reading = read_one("data engineer here, how do I become a data scientist?");
    assert_eq!(reading.roles, ["data-scientist"], "{reading:?}");
    assert_eq!(reading.background.as_deref(), Some("data-engineer"));
    // A role is a role, not a background.
    let reading = read_one("I'm a data scientist, how do I move into MLOps?");
    assert_eq!(reading.background, None);
    assert_eq!(reading.roles, ["data-scientist", "mlops-engineer"]);
}

#[test]
fn a_comparative_names_its_quality_and_both_roles() {
    let reading = read_one("which is more hands-on, ML engineer or data scientist?");
    assert_eq!(reading.intent, Intent::Compare);
    assert_eq!(
        reading.roles,
        ["machine-learning-engineer", "data-scientist"]
    );
    assert_eq!(reading.quality.map(|q| q.key), Some("hands-on"));
    assert_eq!(reading.aspect, None, "the quality is the point");
    let reading = read_one("which is easier to get into, data specialist or data scientist?");
    assert_eq!(
        (reading.intent, reading.quality.map(|q| q.key)),
        (Intent::Compare, Some("entry"))
    );
    // Pay stays a salary question; a plain comparison has no quality.
    assert_eq!(
        read_one("which pays more, MLE or DS?").intent,
        Intent::Salary
    );
    assert_eq!(read_one("MLE vs DS").quality, None);
}

#[test]
fn roles_said_by_their_field_are_those_roles_but_a_degree_subject_is_not() {
    check(
        "how do I get into ML research?",
        Intent::Aspect,
        &["machine-learning-scientist"],
        Some(Section::Tips),
    );
    check(
        "tips for landing a data ops management role",
        Intent::Aspect,
        &["data-operations-manager"],
        Some(Section::Tips),
    );
    let reading = read_one("would a masters in data science help a data specialist?");
    assert_eq!(reading.roles, ["data-specialist"], "{reading:?}");
    // A word before a name is not a typo of a longer name.
    let reading = read_one("which of these is more research focused, ML engineer or ML scientist");
    assert_eq!(
        reading.roles,
        ["machine-learning-engineer", "machine-learning-scientist"]
    );
}

#[test]
fn a_role_no_article_covers_gets_a_menu_never_a_substitute() {
    for question in [
        "what does a data engineer do?",
        "how do I become an AI engineer?",
    ] {
        let reading = read_one(question);
        assert_eq!(reading.intent, Intent::Clarify, "{question}: {reading:?}");
        assert!(reading.roles.is_empty());
        assert!(!reading.candidates.is_empty(), "{question}");
    }
}

#[test]
fn the_thing_may_come_first_in_a_reverse_question() {
    for question in [
        "Spark — which of the roles list it?",
        "excel: who actually uses it?",
    ] {
        let reading = read_one(question);
        assert_eq!(reading.intent, Intent::Reverse, "{question}: {reading:?}");
        assert_eq!(reading.items.len(), 1, "{question}: {reading:?}");
    }
    check(
        "will data specialists get automated by AI in the next few years?",
        Intent::Aspect,
        &["data-specialist"],
        Some(Section::Outlook),
    );
}

#[test]
fn a_seniority_said_alone_is_the_named_roles_senior_form() {
    check(
        "been an MLE for 4 yrs, how do i step up to lead?",
        Intent::Path,
        &[
            "machine-learning-engineer",
            "lead-machine-learning-engineer",
        ],
        None,
    );
    // No senior form in the articles: no path to one.
    let reading = read_one("how do I step up to senior data specialist?");
    assert!(
        !reading.roles.iter().any(|r| r.starts_with("senior")),
        "{reading:?}"
    );
}

#[test]
fn a_choice_between_two_named_roles_is_a_comparison() {
    check(
        "data ops manager or data ops specialist, which one is for me",
        Intent::Compare,
        &["data-operations-manager", "data-operations-specialist"],
        None,
    );
    let topic = read_one("ML engineer vs data scientist").topic();
    let reading = read(kb(), "which needs more maths tho", topic.as_ref());
    assert_eq!(reading.intent, Intent::Compare, "{reading:?}");
    assert_eq!(reading.quality.map(|q| q.key), Some("math"));
}

#[test]
fn a_long_cue_word_is_read_through_a_typo() {
    check(
        "data scientist resposibilities",
        Intent::Aspect,
        &["data-scientist"],
        Some(Section::Responsibilities),
    );
    check(
        "mlops engineer requirments",
        Intent::Aspect,
        &["mlops-engineer"],
        Some(Section::Skills),
    );
    // A short word is not taken for a cue one letter away ("still" is no "skill").
    let reading = read_one("is a data scientist still a good job");
    assert_ne!(reading.aspect, Some(Section::Skills), "{reading:?}");
}

#[test]
fn a_yes_no_follow_up_asks_about_the_same_thing() {
    let topic = read_one("does a machine learning engineer need a PhD?").topic();
    let reading = read(kb(), "and for data scientists?", topic.as_ref());
    assert_eq!(reading.intent, Intent::YesNo, "{reading:?}");
    assert_eq!(reading.roles, ["data-scientist"]);
    assert!(
        reading.items.iter().any(|i| i.contains("phd")),
        "{reading:?}"
    );
}

#[test]
fn a_term_to_define_is_the_thing_searched_for() {
    for (question, thing) in [
        ("what is concept drift?", "concept drift"),
        ("what's a vector database", "vector database"),
        ("explain data contracts pls", "data contracts"),
    ] {
        let reading = read_one(question);
        assert_eq!(reading.items, [thing], "{question}: {reading:?}");
        assert!(reading.roles.is_empty(), "{question}: {reading:?}");
    }
    // A role the articles do not have is no term: it is asked about.
    assert_eq!(read_one("what is a data engineer?").intent, Intent::Clarify);
}
