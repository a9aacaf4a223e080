use super::*;

fn name(text: &str) -> Option<String> {
    read_name(text).ok().map(|n| n.name)
}

fn aliases(text: &str) -> Vec<String> {
    read_name(text).map(|n| n.aliases).unwrap_or_default()
}

#[test]
fn ordinals_articles_nicknames_and_qualifiers_are_set_aside() {
    let cases = [
        ("1. Machine Learning Engineer", "Machine Learning Engineer"),
        ("4.1 Data Engineer", "Data Engineer"),
        ("1) Data Engineer", "Data Engineer"),
        (
            "Role 1: The Data Scientist (The Detective)",
            "Data Scientist",
        ),
        ("The Data Scientists", "Data Scientist"),
        ("**1. Data Analyst**", "Data Analyst"),
        ("# 1. DATA ENGINEER ", "Data Engineer"),
        ("4. MACHINE LEARNING ENGINEER", "Machine Learning Engineer"),
        ("Research Scientist (AI/ML)", "Research Scientist"),
        ("Data Analyst — overview", "Data Analyst"),
        (
            "Job Description: Machine Learning Engineer",
            "Machine Learning Engineer",
        ),
        (
            "Lead Machine Learning Engineer",
            "Lead Machine Learning Engineer",
        ),
        ("\"Data Engineer\":", "Data Engineer"),
        ("ML ENGINEER", "ML Engineer"),
        (
            "Research and Development Engineer",
            "Research and Development Engineer",
        ),
        (
            "Sales and Marketing Analysts",
            "Sales and Marketing Analyst",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(name(text).as_deref(), Some(want), "{text:?}");
    }
}

#[test]
fn other_names_become_aliases() {
    assert_eq!(aliases("Machine Learning Engineers (MLE)"), ["MLE"]);
    assert_eq!(
        aliases("ML Engineer (Machine Learning Engineer)"),
        ["Machine Learning Engineer"]
    );
    assert_eq!(
        read_name("Machine Learning Scientist / Research Scientist"),
        Ok(Named {
            name: "Machine Learning Scientist".into(),
            aliases: vec!["Research Scientist".into()],
        })
    );
    assert_eq!(
        name("Machine Learning (ML) Engineer").as_deref(),
        Some("Machine Learning Engineer")
    );
    assert_eq!(aliases("Machine Learning (ML) Engineer"), ["ML Engineer"]);
}

#[test]
fn headings_that_are_not_roles_say_why() {
    for text in [
        "Entry paths",
        "Geographic considerations",
        "Industry applications",
        "Interview Q&A",
        "Conclusion",
        "Junior level (0–2 years)",
        "Which path?",
        "From Data Analyst",
        "To Data Engineer",
        "Choose ML Engineer if you:",
        "Data Engineer + Data Scientist",
        "Data Engineer vs Data Scientist",
        "The 20 Data Roles",
        "Mentoring Junior Data Scientists",
        "On Being a Senior Data Scientist",
        "Data Engineers and Data Scientists",
        "Quants and analysts",
        "Statisticians or Data Scientists",
        "Programming languages",
    ] {
        assert!(
            read_name(text).is_err(),
            "{text:?} read as {:?}",
            read_name(text)
        );
    }
}
