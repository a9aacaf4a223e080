//! Snapshots of every command's answer from the shipped knowledge base: the Discord JSON body
//! and the terminal text, so any change to what users see shows up as a diff to review.

use std::sync::OnceLock;

use rolecall::discord::json::interaction_response;
use rolecall::knowledge::{reading::source::read_documents, KnowledgeBase};
use rolecall::reply::terminal::{render, Colour};
use rolecall::reply::Reply;
use rolecall::service::Service;

use crate::support::{answer_with, shipped_knowledge, sqlite_url};

/// A service over the shipped knowledge base, built once, with a job store of the snapshots'
/// own, which only ever holds the articles' jobs. The knowledge base's origin is the relative
/// "knowledge/", so the `/kb stats` footer does not depend on where the crate is checked out.
fn service() -> &'static Service {
    static SERVICE: OnceLock<Service> = OnceLock::new();
    SERVICE.get_or_init(|| {
        let documents = read_documents(&shipped_knowledge())
            .expect("the shipped knowledge directory is readable");
        let kb = KnowledgeBase::from_documents(&documents, "knowledge/")
            .expect("the shipped knowledge base has roles");
        Service::new(kb, sqlite_url("snapshots"))
    })
}

/// The reply to a line that must be answered.
fn answer(line: &str) -> Reply {
    answer_with(service(), line).unwrap_or_else(|problem| panic!("{line}: {problem}"))
}

/// The reply to a line that must be refused.
fn refusal(line: &str) -> Reply {
    match answer_with(service(), line) {
        Ok(reply) => panic!("{line}: answered instead of refused: {reply:?}"),
        Err(problem) => problem.reply(),
    }
}

/// Snapshots `<name>_json` (the interaction response) and `<name>_text` (plain terminal text).
fn assert_reply_snapshots(name: &str, line: &str, reply: &Reply) {
    let text = render(reply, Colour::Plain);
    assert!(!text.trim().is_empty(), "{line}: nothing rendered");
    insta::with_settings!({ description => line, omit_expression => true }, {
        insta::assert_json_snapshot!(format!("{name}_json"), interaction_response(reply));
        insta::assert_snapshot!(format!("{name}_text"), text);
    });
}

fn check_answer(name: &str, line: &str) {
    assert_reply_snapshots(name, line, &answer(line));
}

#[test]
fn compare_overview() {
    check_answer(
        "compare_overview",
        "/compare role_a:machine-learning-engineer role_b:data-specialist",
    );
}

#[test]
fn compare_aspect_skills() {
    check_answer(
        "compare_aspect_skills",
        "/compare role_a:mle role_b:\"data specialist\" aspect:skills",
    );
}

#[test]
fn skills() {
    check_answer("skills", "/skills role:mlops engineer");
}

#[test]
fn role_first_page() {
    check_answer("role_first_page", "/role role:machine learning engineer");
}

#[test]
fn role_second_page() {
    check_answer(
        "role_second_page",
        "/role role:machine learning engineer page:2",
    );
}

#[test]
fn roles() {
    check_answer("roles", "/roles");
}

#[test]
fn path() {
    check_answer(
        "path",
        "/path from:data-specialist to:machine-learning-engineer",
    );
}

#[test]
fn match_skills() {
    check_answer("match_skills", "/match skills:python, sql, tableau");
}

#[test]
fn ask_plain_question() {
    check_answer(
        "ask_plain_question",
        "/ask question:what tools does an mlops engineer use?",
    );
}

#[test]
fn jobs() {
    check_answer("jobs", "/jobs");
}

#[test]
fn salary() {
    check_answer("salary", "/salary role:data scientist");
}

#[test]
fn kb_stats() {
    check_answer("kb_stats", "/kb stats");
}

#[test]
fn help() {
    check_answer("help", "/help");
}

#[test]
fn unknown_role() {
    let line = "/skills role:astronaut";
    assert_reply_snapshots("unknown_role", line, &refusal(line));
}

/// Every command's answer as Discord receives it, judged by the independent oracle (which
/// shares no constant with `rolecall::reply::limits`).
#[test]
fn every_command_answers_within_discords_limits() {
    let lines = [
        "/compare mle data-specialist",
        "/skills mlops",
        "/role machine learning engineer",
        "/role machine learning engineer page:2",
        "/roles",
        "/roles filter:data",
        "/path from:data specialist to:mle",
        "/match skills:python, sql, tableau",
        "/ask question:skills for mlops?",
        "/jobs",
        "/salary data scientist",
        "/kb stats",
        "/help",
    ];
    for line in lines {
        let reply = answer(line);
        assert!(!reply.embeds().is_empty(), "{line}");
        let body = interaction_response(&reply);
        if let Err(violations) = crate::oracle::check_interaction_response(&body) {
            panic!("{line}: {violations}");
        }
    }
}

#[test]
fn aspect_of_one_role() {
    check_answer("aspect_slash", "/role role:data scientist aspect:education");
    check_answer("aspect_question", "what does an MLOps engineer do all day?");
}

#[test]
fn yes_no_question() {
    check_answer("yes_no", "does an ML engineer need Java?");
    check_answer(
        "yes_no_degree",
        "does a data scientist need a master's degree?",
    );
}

#[test]
fn reverse_question() {
    check_answer("reverse_known", "which roles use docker?");
    check_answer("reverse_unknown", "which roles need rust?");
}

#[test]
fn path_from_skills() {
    check_answer(
        "path_from_skills",
        "I know Python and pandas, how do I become a machine learning scientist?",
    );
}

#[test]
fn search() {
    check_answer("search", "/search query:model deployment");
}

#[test]
fn salary_of_two_roles() {
    check_answer(
        "salary_two_roles",
        "which pays more, ML engineer or data specialist?",
    );
}

#[test]
fn clarifying_questions() {
    for (name, line) in [
        ("clarify_compare", "/compare mlops engineer"),
        ("clarify_question", "how do I break into data operations?"),
    ] {
        assert_reply_snapshots(name, line, &refusal(line));
    }
}
