//! Answers from the shipped knowledge base, checked for content and for Discord's limits:
//! commands here, questions in plain words in `tests/plain_words.rs`.

use super::*;
use crate::commands::request::BoardRequest;
use crate::jobs::request::JobFilter;
use crate::knowledge::Section;
use std::path::Path;
use std::sync::OnceLock;

mod plain_words;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| {
        KnowledgeBase::from_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge")))
            .expect("shipped knowledge base")
    })
}

/// All the text of a reply, for content checks.
fn text(reply: &Reply) -> String {
    crate::reply::terminal::render(reply, crate::reply::terminal::Colour::Plain)
}

/// What the advisor makes of a line typed at the terminal: a reply from the knowledge base,
/// or the board request the service would carry out.
fn answer_line(kb: &KnowledgeBase, line: &str) -> Result<Understood, Problem> {
    let call = read_line(kb, line)?;
    Ok(match understand(kb, &call.request)? {
        Understood::Knowledge(request) => {
            Understood::Reply(answer(kb, &request, Audience::Moderators)?)
        }
        other => other,
    })
}

fn ok(line: &str) -> Reply {
    match answer_line(kb(), line) {
        Ok(Understood::Reply(reply)) => reply,
        Ok(other) => panic!("{line}: needs the job board: {other:?}"),
        Err(problem) => panic!("{line}: {problem}"),
    }
}

#[test]
fn compare_opens_with_the_point_then_a_column_per_role_and_sources() {
    let out = text(&ok(
        "/compare role_a:machine-learning-engineer role_b:data-specialist",
    ));
    for expected in [
        "Machine Learning Engineer vs Data Specialist",
        "In short",
        "What sets them apart",
        "ML Engineer\n  Does",
        "Data Specialist\n  Does",
        "Skills: ",
        "Tools: ",
        "Education: ",
        "Industries: ",
        "PyTorch",
        "Tableau",
        "Sources: ",
        "Machine Learning Engineer vs. Data Specialist",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}

#[test]
fn compare_aspect_narrows_to_one_section() {
    let out = text(&ok("/compare mle data-specialist aspect:tools"));
    assert!(out.contains("— Tools"), "{out}");
    assert!(!out.contains("Responsibilities ·"), "{out}");
}

#[test]
fn same_role_twice_is_refused() {
    let problem = answer_line(kb(), "/compare mle machine-learning-engineer").expect_err("same");
    assert_eq!(
        problem,
        Problem::SameRole("Machine Learning Engineer".into())
    );
    assert!(problem.reply().is_ephemeral());
}

#[test]
fn unknown_role_suggests_close_ones() {
    let problem = answer_line(kb(), "/skills role:data wizard").expect_err("unknown");
    let out = text(&problem.reply());
    assert!(out.contains("Did you mean"), "{out}");
}

#[test]
fn hostile_input_is_escaped_in_answers() {
    let problem = answer_line(kb(), "/skills role:@everyone **boom**").expect_err("unknown");
    let reply = problem.reply();
    let out = reply.embeds()[0].description_text();
    assert!(!out.contains("@everyone"), "{out}");
    assert!(!out.contains("**boom**"), "{out}");
    // What was typed is still shown, made inert: the mention broken, the markdown escaped.
    assert!(out.contains("@\u{200B}everyone \\*\\*boom\\*\\*"), "{out}");
}

#[test]
fn autocomplete_returns_at_most_25_valid_choices() {
    for typed in ["", "m", "data", "zzzz", "machine lerning"] {
        let choices = autocomplete(kb(), typed);
        assert!(choices.len() <= 25);
        for (name, value) in &choices {
            assert!(
                (1..=100).contains(&name.chars().count())
                    && (1..=100).contains(&value.chars().count())
            );
        }
    }
    assert_eq!(autocomplete(kb(), "data spec")[0].1, "data-specialist");
}

/// The select menu called `custom_id` in `reply`: (label, value) of each option.
fn menu(reply: &Reply, custom_id: &str) -> Vec<(String, String)> {
    let found = reply
        .rows()
        .iter()
        .flatten()
        .find(|c| c.custom_id() == custom_id);
    match found {
        Some(crate::reply::Component::Select { options, .. }) => options
            .iter()
            .map(|o| (o.label().to_owned(), o.value().to_owned()))
            .collect(),
        other => panic!("no menu {custom_id}: {other:?}"),
    }
}

#[test]
fn compare_offers_every_other_aspect_as_a_command_line() {
    let overview = ok("/compare mle data-specialist");
    let options = menu(&overview, compare::ASPECT_MENU);
    let labels: Vec<&str> = options.iter().map(|(l, _)| l.as_str()).collect();
    // Every aspect either role has facts for: the seed articles state no salary.
    let expected: Vec<&str> = commands::ASPECTS
        .iter()
        .filter(|c| c.value != "salary")
        .map(|c| c.name)
        .collect();
    assert_eq!(
        labels, expected,
        "the overview offers every aspect with facts"
    );
    assert_eq!(
        options[4].1,
        "/compare machine-learning-engineer data-specialist tools"
    );
    // Each value is the line that answers it, and its answer is that aspect.
    for (label, line) in &options {
        let answered = text(&ok(line));
        let title = answered.lines().next().unwrap_or_default();
        assert!(title.ends_with(&format!("— {label}")), "{line}: {title}");
    }

    let tools = ok("/compare mle data-specialist aspect:tools");
    let options = menu(&tools, compare::ASPECT_MENU);
    assert_eq!(
        options[0],
        (
            "Overview".to_owned(),
            "/compare machine-learning-engineer data-specialist".to_owned()
        )
    );
    assert!(
        options.iter().all(|(label, _)| label != "Tools"),
        "{options:?}"
    );
    // The overview, and every aspect with facts but Tools.
    assert_eq!(options.len(), expected.len());
}

#[test]
fn roles_offer_the_listed_roles_to_open() {
    let reply = ok("/roles filter:data");
    let options = menu(&reply, roles::ROLE_MENU);
    assert!(!options.is_empty() && options.len() <= 25);
    for (label, line) in &options {
        let role = kb().resolve(label).expect("a listed role");
        assert_eq!(line, &format!("/role role:{}", role.slug));
        assert!(text(&reply).contains(label.as_str()), "{label} is listed");
        assert!(text(&ok(line)).starts_with(label.as_str()), "{line}");
    }
}

#[test]
fn help_and_stats_show_members_what_is_theirs_and_moderators_the_rest() {
    let members = about::help(Audience::Everyone);
    let moderators = about::help(Audience::Moderators);
    let (members, moderators) = (text(&members), text(&moderators));
    assert!(!members.contains("/job "), "{members}");
    assert!(moderators.contains("/job "), "{moderators}");
    for group in [
        "Learn about a role",
        "Compare two roles",
        "Plan a move",
        "Find jobs",
    ] {
        assert!(members.contains(group), "{group} in {members}");
    }
    let public = about::stats(kb(), Audience::Everyone);
    assert!(!public.is_ephemeral());
    assert!(!text(&public).contains("Warnings"));
    assert!(text(&public).contains("I know 8 roles from 5 articles"));
    let private = about::stats(kb(), Audience::Moderators);
    assert!(private.is_ephemeral());
    assert!(text(&private).contains("Warnings ("));
    for reply in [&public, &private] {
        let footer = reply.embeds()[0].footer_text();
        assert!(!footer.contains('`') && !footer.contains("**"), "{footer}");
    }
}

#[test]
fn a_missing_role_beside_an_unknown_one_is_refused_for_the_unknown_one() {
    let problem = read_line(kb(), "/path /kb stats")
        .and_then(|call| match call.request {
            Request::Knowledge(request) => answer(kb(), &request, Audience::Everyone),
            other => panic!("a knowledge request, not {other:?}"),
        })
        .expect_err("an unknown role");
    assert!(matches!(problem, Problem::UnknownRole(..)), "{problem:?}");
}

#[test]
fn an_unknown_role_is_retried_only_with_choices_that_answer() {
    // Both roles unknown: replacing one still leaves the other, so no retry is offered.
    let problem = answer_line(
        kb(),
        "/compare role_a:\"data wizard\" role_b:\"data wizard2\"",
    )
    .expect_err("unknown");
    let Problem::UnknownRole(unknown, retry) = &problem else {
        panic!("expected an unknown role, got {problem:?}");
    };
    assert!(!unknown.suggestions.is_empty(), "{unknown:?}");
    assert!(retry.is_empty(), "{retry:?}");
    // One unknown role: each retry answers.
    let problem = answer_line(kb(), "/compare role_a:mle role_b:data wizard").expect_err("unknown");
    let Problem::UnknownRole(_, retry) = &problem else {
        panic!("expected an unknown role, got {problem:?}");
    };
    assert!(!retry.is_empty());
    for choice in retry {
        assert!(answer_line(kb(), &choice.line).is_ok(), "{choice:?}");
    }
}

/// The gap noted for an aspect with nothing (`aspect::says_nothing`) is exactly when the
/// answer says the articles say nothing about it.
#[test]
fn an_aspect_says_nothing_exactly_when_its_answer_says_so() {
    let kb = kb();
    let mut empty = 0;
    for role in &kb.roles {
        for section in Section::ALL {
            let reply = aspect::aspect(kb, role, section, None);
            let said = reply.embeds()[0]
                .description_text()
                .contains("The articles say nothing about");
            assert_eq!(
                aspect::says_nothing(kb, role, section),
                said,
                "{} {section:?}",
                role.slug
            );
            empty += usize::from(said);
        }
    }
    assert!(empty > 0, "the shipped articles leave some aspect empty");
}
