use super::*;
use crate::commands::request::KnowledgeRequest as Request;
use crate::commands::{self, CommandId};
use crate::knowledge::Section;

/// The role names these tests know, as the knowledge base would tell the parser.
fn is_role(phrase: &str) -> Naming {
    let known = [
        "mle",
        "data specialist",
        "data-specialist",
        "data scientist",
        "mlops engineer",
        "ml engineer",
        "machine-learning-engineer",
    ]
    .contains(&phrase.to_lowercase().as_str());
    if known {
        Naming::Exactly
    } else {
        Naming::No
    }
}

fn parse(line: &str) -> Result<Invocation, InvocationError> {
    parse_line(line, &is_role)
}

/// The knowledge request a line makes.
fn request(line: &str) -> Request {
    let inv = parse(line).unwrap_or_else(|e| panic!("{line}: {e}"));
    match commands::Request::from(&inv) {
        commands::Request::Knowledge(request) => request,
        other => panic!("{line}: {other:?}"),
    }
}

#[test]
fn named_values_with_quotes_and_without() {
    assert_eq!(
        request(r#"/compare role_a:mle role_b:"data specialist" aspect:skills"#),
        Request::Compare {
            a: "mle".into(),
            b: "data specialist".into(),
            aspect: Some(Section::Skills)
        }
    );
    assert_eq!(
        request("/compare role_a:ml engineer role_b:data specialist"),
        Request::Compare {
            a: "ml engineer".into(),
            b: "data specialist".into(),
            aspect: None
        }
    );
}

#[test]
fn bare_values_fill_options_in_order() {
    assert_eq!(
        request("/compare mle data-specialist tools"),
        Request::Compare {
            a: "mle".into(),
            b: "data-specialist".into(),
            aspect: Some(Section::Tools)
        }
    );
    assert_eq!(
        request("/skills mlops engineer"),
        Request::Skills {
            role: "mlops engineer".into()
        }
    );
    assert_eq!(
        request("/compare data-specialist role_a:mle"),
        Request::Compare {
            a: "mle".into(),
            b: "data-specialist".into(),
            aspect: None
        }
    );
    // A named value runs until the next option name, as in Discord's own input box.
    let err = parse("/compare role_a:mle data specialist").expect_err("no role_b");
    assert!(err.to_string().contains("role_b"));
}

#[test]
fn aspect_accepts_the_choice_name_too() {
    assert!(matches!(
        request("/compare a b aspect:\"Getting started\""),
        Request::Compare {
            aspect: Some(Section::Tips),
            ..
        }
    ));
}

#[test]
fn private_and_page_are_typed() {
    let inv = parse("/role mle page:2 private:true").expect("parses");
    assert_eq!(inv.int("page"), Some(2));
    assert_eq!(inv.bool("private"), Some(true));
}

#[test]
fn subcommands_are_read() {
    let inv = parse("/kb stats").expect("parses");
    assert_eq!(inv.command, CommandId::Kb);
    assert_eq!(inv.subcommand, Some("stats"));
    assert!(matches!(
        parse("/kb"),
        Err(InvocationError::MissingSubcommand { .. })
    ));
}

#[test]
fn bad_lines_get_errors_that_say_what_to_do() {
    let cases = [
        ("/nope", "there is no command `/nope`"),
        ("/compare role_a:mle", "needs `role_b`"),
        ("/compare role_a: role_b:x", "must be 1 to 100 characters"),
        ("/compare a b aspect:colour", "one of definition"),
        ("/role mle page:0", "whole number from 1"),
        ("/role mle private:maybe", "true or false"),
        ("/compare role_a:a role_a:b", "given twice"),
        ("/help extra words", "by name"),
        ("/compare a b c d", "quotes"),
    ];
    for (line, expected) in cases {
        let err = parse(line).expect_err(line).to_string();
        assert!(err.contains(expected), "{line}: {err}");
    }
}

#[test]
fn huge_and_hostile_input_is_refused_without_panic() {
    let huge = format!("/ask {}", "word ".repeat(10_000));
    assert!(matches!(parse(&huge), Err(InvocationError::Length { .. })));
    assert!(parse("/compare \"unterminated").is_err());
    let err = parse("/@everyone").expect_err("unknown").to_string();
    assert!(!err.contains("@everyone"), "{err}");
    assert!(parse("").is_err());
    assert!(parse("/").is_err());
}

#[test]
fn bare_words_are_roles_only_where_each_run_names_one() {
    assert_eq!(
        request("/compare mle data specialist"),
        Request::Compare {
            a: "mle".into(),
            b: "data specialist".into(),
            aspect: None
        }
    );
    assert_eq!(
        request("/compare ml engineer data scientist skills"),
        Request::Compare {
            a: "ml engineer".into(),
            b: "data scientist".into(),
            aspect: Some(Section::Skills)
        }
    );
    // One role, not two: the other is asked for, with what was given.
    for line in ["/compare mlops engineer", "/compare data scientist"] {
        match parse(line) {
            Err(InvocationError::MissingRole { option, given, .. }) => {
                assert_eq!(option, "role_b", "{line}");
                assert_eq!(given.args.len(), 1, "{line}");
            }
            other => panic!("{line}: {other:?}"),
        }
    }
}

#[test]
fn path_takes_bare_roles_from_then_to_and_one_role_as_the_target() {
    assert_eq!(
        request("/path data specialist mle"),
        Request::Path {
            from: Some("data specialist".into()),
            to: "mle".into(),
            skills: None
        }
    );
    assert_eq!(
        request("/path mle skills:python, sql"),
        Request::Path {
            from: None,
            to: "mle".into(),
            skills: Some("python, sql".into())
        }
    );
}

#[test]
fn a_request_written_back_reads_as_the_same_request() {
    for line in [
        "/compare mle data-specialist tools",
        "/role data-specialist education",
        "/role mle page:2",
        // The start by name: it may be a background, which a bare word never is.
        "/path from:\"data-specialist\" mle",
        "/path mle skills:\"python, sql\"",
        "/roles filter:\"data\"",
        "/search query:\"model deployment\"",
        "/match skills:\"python, sql\"",
    ] {
        let request = request(line);
        assert_eq!(request.line(), line, "{line}");
        assert_eq!(
            super::super::request::Request::Knowledge(request.clone()),
            {
                let inv = parse(&request.line()).expect("parses");
                crate::commands::Request::from(&inv)
            }
        );
    }
}
