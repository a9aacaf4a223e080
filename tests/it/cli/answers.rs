//! `rolecall ask`: every section of a comparison, plain-language questions, bad input of
//! every kind, exit codes and `--help`.

use super::*;

#[test]
fn compare_opens_with_the_point_and_a_column_per_role_with_its_sources() {
    let run = ask(COMPARE_MLE_DS);
    run.assert_code(0);
    let out = &run.stdout;
    assert_eq!(run.title(), "Machine Learning Engineer vs Data Specialist");
    assert_line_with(out, &["In short"]);
    assert_line_with(out, &["ML Engineer: Builds, deploys and maintains"]);
    assert_line_with(out, &["Data Specialist: A broad title"]);
    assert_line_with(
        out,
        &[
            "What sets them apart",
            "for the ML Engineer",
            "for the Data Specialist",
        ],
    );
    assert_line_with(out, &["Common ground", "name R"]);
    for label in ["Skills: ", "Tools: ", "Education: ", "Industries: "] {
        let lines = out
            .lines()
            .filter(|l| l.trim_start().starts_with(label))
            .count();
        assert_eq!(lines, 2, "one {label} line per role in\n{out}");
    }
    for item in [
        "Develop and implement machine learning models and algorithms.",
        "Collect, clean, and organize data from various sources.",
        "PyTorch",
        "Tableau",
        "Marketing and Advertising",
    ] {
        assert_line_with(out, &[item]);
    }
    assert_line_with(
        out,
        &["Sources:", "Machine Learning Engineer vs. Data Specialist"],
    );
}

#[test]
fn compare_shows_every_aspect_of_both_roles_one_click_away() {
    for (aspect, items) in [
        (
            "responsibilities",
            &[
                "Develop and implement machine learning models",
                "Collect, clean, and organize data",
            ][..],
        ),
        (
            "skills",
            &[
                "Proficiency in programming languages such as Python",
                "Strong analytical skills and attention to detail.",
            ],
        ),
        (
            "tools",
            &[
                "TensorFlow, Keras, PyTorch",
                "Tableau, Power BI, Google Data Studio",
            ],
        ),
        (
            "education",
            &[
                "Bachelor’s or Master’s degree",
                "Usually has a degree in Data Science",
            ],
        ),
        (
            "industries",
            &["Finance and Banking", "Marketing and Advertising"],
        ),
    ] {
        let run = ask(&format!("{COMPARE_MLE_DS} aspect:{aspect}"));
        run.assert_code(0);
        for item in items {
            assert_line_with(&run.stdout, &[item]);
        }
        assert_line_with(&run.stdout, &["ML Engineer"]);
        assert_line_with(&run.stdout, &[DS]);
    }
}

#[test]
fn terminal_output_has_no_ansi_codes_when_stdout_is_not_a_tty() {
    for line in [COMPARE_MLE_DS, "/skills role:astronaut", "/help"] {
        let run = ask(line);
        assert!(
            !run.stdout.contains('\u{1b}'),
            "{line}: escape code in piped output:\n{}",
            run.stdout
        );
        assert!(!run.stdout.contains("**"), "{line}: raw markdown bold");
    }
}

#[test]
fn compare_json_is_an_interaction_response_within_discord_limits() {
    let run = ask_json(COMPARE_MLE_DS);
    run.assert_code(0);
    let body = run.json();
    assert_interaction_response(&body);
    let embeds = body["data"]["embeds"].as_array().expect("embeds array");
    assert!(!embeds.is_empty(), "no embed in {body}");
    let text = body.to_string();
    assert!(text.contains("Sources:"), "no sources in {text}");
    assert!(text.contains(MLE) && text.contains(DS));
}

#[test]
fn every_command_json_stays_within_discord_limits() {
    for line in [
        "/compare mle data-specialist aspect:tools",
        "/skills role:machine learning engineer",
        "/role role:mle",
        "/role role:mle page:2",
        "/roles",
        "/path from:data-specialist to:machine-learning-engineer",
        "/match skills:python, sql, tableau, aws, docker, spark, excel",
        "/jobs",
        "/salary role:data scientist",
        "/kb stats",
        "/help",
        "/skills role:astronaut",
        "what tools does an mlops engineer use?",
    ] {
        let run = ask_json(line);
        run.assert_handled(line);
        assert_interaction_response(&run.json());
    }
}

#[test]
fn unknown_role_exits_1_and_suggests_the_closest_roles() {
    let run = ask("/skills role:data operashuns");
    run.assert_code(1).assert_contains("Did you mean");
    let out = run.all_output();
    let suggested = ["Data Operations Specialist", "Data Scientist", DS, MLE];
    assert!(
        suggested.iter().any(|role| out.contains(role)),
        "no role suggested:\n{out}"
    );
    // A name like no role gets no far-fetched guesses, only the way to the list.
    let nothing_alike = ask("/skills role:astronaut");
    nothing_alike.assert_code(1);
    assert!(!nothing_alike.all_output().contains("Did you mean"));
}

#[test]
fn unknown_role_json_is_an_ephemeral_interaction_response() {
    let run = ask_json("/skills role:data operashuns");
    run.assert_code(1);
    let body = run.json();
    assert_interaction_response(&body);
    assert_eq!(
        body["data"]["flags"], 64,
        "errors are shown only to the asker"
    );
    assert!(body.to_string().contains("Did you mean"));
}

#[test]
fn comparing_a_role_with_itself_exits_1() {
    ask("/compare mle mle")
        .assert_code(1)
        .assert_contains(MLE)
        .assert_contains("different");
}

#[test]
fn plain_language_comparison_is_answered_as_compare() {
    let run = ask("ml engineer vs data specialist");
    run.assert_code(0);
    assert_eq!(run.title(), "Machine Learning Engineer vs Data Specialist");
    run.assert_contains("In short");
}

#[test]
fn plain_language_tools_question_answers_the_roles_tools() {
    let run = ask("what tools does an mlops engineer use?");
    run.assert_code(0);
    assert_eq!(run.title(), "MLOps Engineer: Tools");
    run.assert_contains("Docker");
}

#[test]
fn plain_language_move_question_is_answered_as_path() {
    let run = ask("how do I move from data specialist to ml engineer");
    run.assert_code(0);
    assert_eq!(
        run.title(),
        "From Data Specialist to Machine Learning Engineer"
    );
    run.assert_contains("What carries over");
    run.assert_contains("Start here");
}

#[test]
fn plain_language_skill_list_is_answered_as_match() {
    let run = ask("I know python, sql and tableau — which role?");
    run.assert_code(0);
    assert_eq!(run.title(), "Roles that fit your skills");
    for skill in ["Python", "SQL", "Tableau"] {
        assert_line_with(&run.stdout, &["You have:", skill]);
    }
}

/// Inputs a user may type that are not a sensible question.
fn bad_inputs() -> Vec<String> {
    vec![
        String::new(),
        "   \t ".to_owned(),
        "data scientist ".repeat(6_700),
        format!("/compare {}", "x".repeat(100_000)),
        "\u{1}\u{7}\u{1b}[31m".to_owned(),
        "/skills role:data\u{7}\u{1b} specialist".to_owned(),
        "**bold** _it_ `code` [link](https://example.com) > quote".to_owned(),
        "@everyone what does a data scientist do? @here".to_owned(),
        "/skills role:@everyone".to_owned(),
        "/salary role:@everyone".to_owned(),
        "/match skills:python, @everyone".to_owned(),
        "/nope".to_owned(),
        "/compare role_a:\"machine learning engineer role_b:data specialist".to_owned(),
        "/skills \"".to_owned(),
    ]
}

#[test]
fn bad_input_gets_a_message_and_exit_0_or_1_never_a_panic() {
    for input in bad_inputs() {
        let run = ask(&input);
        run.assert_handled(&input);
        assert!(
            !run.title().is_empty(),
            "input {:?}: no message",
            input.chars().take(60).collect::<String>()
        );
    }
}

#[test]
fn bad_input_json_stays_valid_within_limits_and_pings_nobody() {
    for input in bad_inputs() {
        let run = ask_json(&input);
        run.assert_handled(&input);
        assert_interaction_response(&run.json());
        for mention in ["@everyone", "@here"] {
            assert!(
                !run.stdout.contains(mention),
                "input {input:?}: {mention} left as is:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn empty_question_asks_for_something() {
    for input in ["", "   "] {
        let run = ask(input);
        run.assert_handled(input);
        assert_eq!(run.title(), "Ask me something");
    }
}

#[test]
fn unknown_command_names_it_and_points_to_help() {
    ask("/nope")
        .assert_code(1)
        .assert_contains("/nope")
        .assert_contains("/help");
}

#[test]
fn ask_exits_1_for_an_error_reply_in_either_form_and_0_for_an_honest_i_dont_know() {
    // Each slash line, then the same request in plain words.
    for (line, error) in [
        ("/compare mle mle", "Same role twice"),
        ("mle vs mle", "Same role twice"),
        ("/salary", "Which role?"),
        ("what about salary?", "Which role?"),
        // No featured job in the articles is at executive level.
        ("/jobs level:executive", "No featured job matches"),
        ("executive jobs", "No featured job matches"),
    ] {
        let run = ask(line);
        run.assert_code(1);
        assert_eq!(run.title(), error, "{line}");
        assert!(run.stdout.starts_with("(only you can see this)"), "{line}");
    }
    let run = ask("what is the meaning of life?");
    run.assert_code(0);
    assert_eq!(run.title(), "I don't know that one yet");
}

#[test]
fn nul_byte_in_a_question_is_answered_without_panic() {
    // An argv cannot carry NUL, so the library takes this one directly.
    for line in ["\u{0}\u{7}", "/skills role:\u{0}", "/compare \u{0} mle"] {
        let reply = crate::support::reply_to(crate::support::shipped_kb(), line);
        assert!(!reply.embeds().is_empty(), "{line:?}: empty reply");
    }
}

#[test]
fn help_describes_every_command_and_option() {
    let cases: [(&[&str], &[&str]); 3] = [
        (&["--help"], &["ask", "kb", "--help"]),
        (
            &["ask", "--help"],
            &["--json", "--knowledge", "ROLECALL_KNOWLEDGE"],
        ),
        (&["kb", "check", "--help"], &["--json", "--knowledge"]),
    ];
    for (args, mentions) in cases {
        let run = rolecall_with(args);
        run.assert_code(0);
        for mention in mentions {
            assert!(
                run.stdout.contains(mention),
                "`rolecall {}` does not mention {mention}:\n{}",
                args.join(" "),
                run.stdout
            );
        }
    }
}

#[test]
fn private_makes_any_answer_ephemeral() {
    for line in [
        "/help private:true",
        "/jobs private:true",
        "skills for mlops?",
    ] {
        let private = ask(line);
        private.assert_code(0);
        let only_you = private.stdout.starts_with("(only you can see this)");
        assert_eq!(only_you, line.contains("private:true"), "{line}");
    }
}
