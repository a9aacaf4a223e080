//! Answers from the shipped knowledge base, checked for content and for Discord's limits.

use super::*;
use crate::commands::request::BoardRequest;
use crate::jobs::request::JobFilter;
use crate::knowledge::Section;
use std::path::Path;
use std::sync::OnceLock;

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
fn job_questions_go_to_the_board_in_both_forms() {
    let board = |line: &str| match answer_line(kb(), line) {
        Ok(Understood::Board(request)) => request,
        other => panic!("{line}: {other:?}"),
    };
    assert_eq!(
        board("salary for a data scientist"),
        BoardRequest::Salary {
            roles: vec!["data-scientist".into()]
        }
    );
    assert_eq!(
        board("/salary data scientist"),
        board("/salary role:\"data scientist\"")
    );
    match board("/jobs level:senior remote:true page:2") {
        BoardRequest::Jobs { filter, page } => {
            assert_eq!(filter.level.as_deref(), Some("senior"));
            assert_eq!(filter.remote, Some(true));
            assert_eq!(page, 2);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        board("any jobs for an mlops engineer?"),
        BoardRequest::Jobs { .. }
    ));
    assert!(matches!(
        board("/job post title:T company:C location:L remote:true"),
        BoardRequest::Change(_)
    ));
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
fn plain_questions_pick_the_right_command() {
    let cases = [
        (
            "what's the difference between an ml engineer and a data specialist?",
            "Machine Learning Engineer vs Data Specialist",
        ),
        (
            "what tools does an mlops engineer use?",
            "MLOps Engineer: Tools",
        ),
        ("skills for mlops?", "MLOps Engineer: Skills"),
        (
            "how do I move from data specialist to ml engineer",
            "From Data Specialist to Machine Learning Engineer",
        ),
        (
            "I know python, sql and tableau — which role?",
            "Roles that fit your skills",
        ),
        (
            "tell me about data operations managers",
            "Data Operations Manager",
        ),
    ];
    for (question, expected) in cases {
        let out = text(&ok(question));
        assert!(
            out.contains(expected),
            "{question}: missing {expected:?} in\n{out}"
        );
    }
}

#[test]
fn questions_about_nothing_known_get_an_honest_answer() {
    let out = text(&ok("what is the meaning of life?"));
    assert!(out.contains("I don't know"), "{out}");
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

#[test]
fn questions_about_the_list_of_roles_answer_as_roles_not_match() {
    let all = format!("{} roles I know", kb().roles.len());
    for question in [
        "what roles do you know?",
        "which roles are there?",
        "list all roles",
    ] {
        assert_eq!(
            reader::read(kb(), question, None).intent,
            reader::Intent::Roles,
            "{question}"
        );
        let out = text(&ok(question));
        assert!(out.contains(&all), "{question}:\n{out}");
    }
    // The asker's skills make it a match.
    for question in [
        "I know python and sql, which role fits me?",
        "what role should I pick?",
    ] {
        assert_eq!(
            reader::read(kb(), question, None).intent,
            reader::Intent::Match,
            "{question}"
        );
    }
    let out = text(&ok("I know python and sql, which role fits me?"));
    assert!(out.contains("Roles that fit your skills"), "{out}");
}

#[test]
fn questions_about_the_bot_answer_as_help_or_kb_stats() {
    for (question, intent, title) in [
        (
            "how big is the knowledge base?",
            reader::Intent::Stats,
            "What I know",
        ),
        ("what do you know?", reader::Intent::Stats, "What I know"),
        (
            "what can you do?",
            reader::Intent::Help,
            "rolecall — career answers",
        ),
        (
            "how do I use you?",
            reader::Intent::Help,
            "rolecall — career answers",
        ),
    ] {
        assert_eq!(
            reader::read(kb(), question, None).intent,
            intent,
            "{question}"
        );
        let reply = ok(question);
        assert!(
            reply.embeds()[0].title_text().starts_with(title),
            "{question}:\n{}",
            text(&reply)
        );
    }
    // Naming a role makes it a question about the role; asking for something specific
    // is answered as that, not as help.
    for (question, intent) in [
        (
            "what do you know about mlops engineers?",
            reader::Intent::Profile,
        ),
        ("help me find remote jobs", reader::Intent::Jobs),
        ("I know statistics and python", reader::Intent::Match),
    ] {
        assert_eq!(
            reader::read(kb(), question, None).intent,
            intent,
            "{question}"
        );
    }
}

#[test]
fn plain_questions_keep_their_filters() {
    let jobs = |question: &str| match answer_line(kb(), question) {
        Ok(Understood::Board(BoardRequest::Jobs { filter, .. })) => filter,
        other => panic!("{question}: {other:?}"),
    };
    assert_eq!(
        jobs("remote senior jobs"),
        JobFilter {
            level: Some("senior".into()),
            remote: Some(true),
            ..JobFilter::default()
        }
    );
    assert_eq!(
        jobs("entry level data scientist jobs"),
        JobFilter {
            role: Some("data-scientist".into()),
            level: Some("entry".into()),
            ..JobFilter::default()
        }
    );
    assert_eq!(
        jobs("any on-site junior ml engineer openings?"),
        JobFilter {
            role: Some("machine-learning-engineer".into()),
            level: Some("entry".into()),
            remote: Some(false),
            ..JobFilter::default()
        }
    );
    // A word that is part of role names narrows the list of roles to them.
    let read = intent::interpret(kb(), "engineer roles", None).expect("read");
    assert_eq!(
        read.understood,
        Understood::Knowledge(KnowledgeRequest::Roles {
            filter: Some("engineer".into()),
            page: 1,
        })
    );
    let out = text(&ok("engineer roles"));
    assert!(out.contains("MLOps Engineer"), "{out}");
    assert!(!out.contains("Data Scientist"), "{out}");
    // "data roles" is no typo of "DataOps".
    let reading = reader::read(kb(), "what data roles are there?", None);
    assert_eq!(
        (reading.intent, reading.name_part.as_deref()),
        (reader::Intent::Roles, Some("data"))
    );
    // "list" is inside "specialist", but not a word of any role name.
    assert_eq!(reader::read(kb(), "list all roles", None).name_part, None);
}

#[test]
fn a_salary_question_naming_no_role_asks_which_role() {
    for line in ["what about salary?", "/ask question:what about salary?"] {
        let problem = answer_line(kb(), line).expect_err(line);
        let Problem::WhichRole(clarification) = &problem else {
            panic!("{line}: {problem:?}");
        };
        assert_eq!(clarification.choices.len(), kb().roles.len(), "{line}");
        assert!(clarification
            .choices
            .iter()
            .any(|c| c.line == "/salary data-scientist"));
        let reply = problem.reply();
        assert!(reply.is_ephemeral());
        assert!(text(&reply).contains("Which role?"));
        assert_eq!(reply.rows().len(), 1, "a menu of the roles");
    }
}

#[test]
fn comparing_a_role_with_itself_in_plain_words_is_refused_like_the_command() {
    let slash = answer_line(kb(), "/compare mle mle").expect_err("same role");
    assert_eq!(
        answer_line(kb(), "mle vs mle").expect_err("mle vs mle"),
        slash
    );
    for question in [
        "data scientist vs data scientist",
        "what's the difference between an mle and a machine learning engineer?",
        "/ask question:compare ds and data scientist",
    ] {
        let problem = answer_line(kb(), question).expect_err(question);
        assert!(
            matches!(problem, Problem::SameRole(_)),
            "{question}: {problem}"
        );
        assert!(text(&problem.reply()).contains("Same role twice"));
    }
    // A role named twice without comparing is a question about it.
    let out = text(&ok("tell me about the mle, the machine learning engineer"));
    assert!(out.contains("Machine Learning Engineer"), "{out}");
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
fn a_follow_up_uses_the_topic_just_discussed() {
    let first = intent::interpret(kb(), "ml engineer vs data specialist", None).expect("read");
    let topic = first.topic.expect("the question named roles");
    assert_eq!(
        topic.roles,
        ["machine-learning-engineer", "data-specialist"]
    );
    let tools = intent::interpret(kb(), "and the tools?", Some(&topic)).expect("read");
    assert_eq!(
        tools.understood,
        Understood::Knowledge(KnowledgeRequest::Compare {
            a: "machine-learning-engineer".into(),
            b: "data-specialist".into(),
            aspect: Some(Section::Tools),
        })
    );
    let still = tools.topic.expect("a follow-up keeps a topic");
    assert_eq!(still.roles, topic.roles);
    assert_eq!(still.aspect, Some(Section::Tools), "and takes its aspect");
    let salary = intent::interpret(kb(), "what about salary?", Some(&topic)).expect("read");
    assert_eq!(
        salary.understood,
        Understood::Board(BoardRequest::Salary {
            roles: vec!["machine-learning-engineer".into(), "data-specialist".into()]
        })
    );
}

#[test]
fn a_salary_question_with_no_role_named_or_remembered_asks_which_role() {
    let asked = intent::interpret(kb(), "what about salary?", None);
    assert!(matches!(asked, Err(Problem::WhichRole(_))), "{asked:?}");
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
fn a_path_from_a_background_says_the_articles_do_not_profile_it() {
    let out = text(&ok(
        "I'm a statistician, how would I become a data scientist?",
    ));
    assert!(
        out.starts_with("From Statistician to Data Scientist"),
        "{out}"
    );
    assert!(
        out.contains("The articles do not profile the statistician; this path starts from a statistician's usual skills"),
        "{out}"
    );
    let command = text(&ok("/path from:backend dev to:mlops engineer"));
    assert!(
        command.starts_with("From Backend developer to MLOps Engineer"),
        "{command}"
    );
}

#[test]
fn a_comparative_says_which_or_that_the_articles_do_not() {
    let reply = ok("which is more hands-on, ML engineer or data scientist?");
    let first = reply.embeds()[0].description_text();
    assert!(
        first
            .starts_with("The articles lean to the **Machine Learning Engineer** as more hands-on")
            || first.starts_with("The articles do not say which is more hands-on"),
        "{first}"
    );
    let out = text(&reply);
    assert!(out.contains("The whole comparison"), "{out}");
}

#[test]
fn a_role_no_article_covers_is_said_so_with_the_closest() {
    let problem = answer_line(kb(), "what does a data engineer do?").expect_err("a menu");
    let out = text(&problem.reply());
    assert!(
        out.contains("The articles do not cover \"data engineer\". Did you mean one of these?"),
        "{out}"
    );
}

#[test]
fn discord_mentions_are_stripped_where_a_question_comes_in() {
    for (line, question) in [
        (
            "<@123> what does an mlops engineer do?",
            "what does an mlops engineer do?",
        ),
        ("/ask question:\"<@!45>mle vs <#9>ds\"", "mle vs ds"),
    ] {
        let call = read_line(kb(), line).expect(line);
        assert_eq!(
            call.request,
            Request::Ask {
                question: question.into()
            },
            "{line}"
        );
    }
    // Only mentions: nothing to read.
    assert!(matches!(
        answer_line(kb(), "<@123>"),
        Err(Problem::Empty) | Err(Problem::Invalid(_))
    ));
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
