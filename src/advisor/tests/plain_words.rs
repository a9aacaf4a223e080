//! Questions in plain words: the command each is answered as, follow-ups, and what is
//! said when the question names nothing the articles know.

use super::*;

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
