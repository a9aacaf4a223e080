use std::sync::LazyLock;

use proptest::prelude::*;

use super::*;

const SHIPPED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/knowledge/skills.toml"
));

/// The five seed articles, so coverage is checked against what the bot actually reads.
const ARTICLES: [(&str, &str); 5] = [
    (
        "data-scientist-vs-mlops-engineer",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/data-scientist-vs-mlops-engineer.txt"
        )),
    ),
    (
        "lead-machine-learning-engineer-vs-data-operations-specialist",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/lead-machine-learning-engineer-vs-data-operations-specialist.txt"
        )),
    ),
    (
        "machine-learning-engineer-vs-data-operations-manager",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/machine-learning-engineer-vs-data-operations-manager.txt"
        )),
    ),
    (
        "machine-learning-engineer-vs-data-specialist",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/machine-learning-engineer-vs-data-specialist.txt"
        )),
    ),
    (
        "machine-learning-scientist-vs-data-operations-specialist",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/machine-learning-scientist-vs-data-operations-specialist.txt"
        )),
    ),
];

static TAXONOMY: LazyLock<Taxonomy> =
    LazyLock::new(|| Taxonomy::from_toml(SHIPPED).expect("the shipped skills.toml is valid"));

/// Canonical names found in `text`.
fn found(text: &str) -> Vec<&'static str> {
    TAXONOMY
        .find_in(text)
        .into_iter()
        .map(|e| e.name.as_str())
        .collect()
}

/// Items of every "• Category: a, b, c" line under "Tools and Software Used", with
/// parenthesised parts split out: "NoSQL (MongoDB, Cassandra)" gives all three.
fn tool_list_items(article: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut in_tools = false;
    for line in article.lines() {
        let line = line.trim();
        if line.starts_with("Tools and Software Used") {
            in_tools = true;
        } else if line.starts_with("Common Industries") {
            in_tools = false;
        } else if in_tools && line.starts_with('•') {
            if let Some((_, list)) = line.split_once(':') {
                let list = list.replace(['(', ')'], ",");
                items.extend(
                    list.split(',')
                        .map(|item| item.trim().trim_end_matches('.').trim().to_string())
                        .filter(|item| !item.is_empty()),
                );
            }
        }
    }
    items
}

#[test]
fn shipped_taxonomy_parses_with_every_category_used_validly() {
    let taxonomy = &*TAXONOMY;
    assert!(
        taxonomy.entries().len() >= 100,
        "{} entries",
        taxonomy.entries().len()
    );
    for entry in taxonomy.entries() {
        assert!(!entry.name.trim().is_empty());
        assert_eq!(
            taxonomy.lookup(&entry.name).map(|e| &e.name),
            Some(&entry.name)
        );
    }
}

#[test]
fn no_alias_is_shared_by_two_entries() {
    let mut owners: HashMap<String, &str> = HashMap::new();
    for entry in TAXONOMY.entries() {
        for spelling in std::iter::once(&entry.name).chain(&entry.aliases) {
            let previous = owners.insert(competency_key(spelling), &entry.name);
            assert!(
                previous.is_none() || previous == Some(entry.name.as_str()),
                "{spelling:?} is shared by {previous:?} and {:?}",
                entry.name
            );
        }
    }
}

#[test]
fn every_tools_list_item_in_the_articles_is_known() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for (file, text) in ARTICLES {
        for item in tool_list_items(text) {
            checked += 1;
            if TAXONOMY.lookup(&item).is_none() {
                missing.push(format!("{file}: {item}"));
            }
        }
    }
    assert!(
        checked > 80,
        "only {checked} items read; has the article format changed?"
    );
    assert!(
        missing.is_empty(),
        "not in skills.toml:\n{}",
        missing.join("\n")
    );
}

#[test]
fn finds_short_language_names_as_whole_words() {
    let text = "Proficiency in programming languages such as Python, R, or Java.";
    assert_eq!(found(text), ["Programming", "Python", "R", "Java"]);
    assert!(!found("Stay updated with the latest Research").contains(&"R"));
    assert!(!found("an R&D budget").contains(&"R"));
    assert!(!found("r and python").contains(&"R"));
    assert_eq!(found("Python/R"), ["Python", "R"]);
}

#[test]
fn prefers_the_longest_spelling() {
    assert_eq!(
        found("Cloud platforms: AWS, Google Cloud Platform, Microsoft Azure"),
        ["Cloud platforms", "AWS", "Google Cloud Platform", "Azure"]
    );
    assert_eq!(found("Azure Machine Learning"), ["Azure Machine Learning"]);
    assert_eq!(found("Apache Airflow, Luigi"), ["Apache Airflow", "Luigi"]);
    assert_eq!(
        found("Microsoft Azure Data Factory"),
        ["Azure Data Factory"]
    );
    assert_eq!(
        found("SQL Server, MySQL, NoSQL"),
        ["Microsoft SQL Server", "MySQL", "NoSQL"]
    );
}

#[test]
fn finds_tools_in_prose() {
    assert_eq!(
        found("MLOps focus more on OOP and work with DevOp tools like Docker and CircleCi"),
        [
            "MLOps",
            "Object-oriented programming",
            "DevOps",
            "Docker",
            "CircleCI"
        ]
    );
    assert_eq!(
        found("Excellent problem solving skills and feature Engineering."),
        ["Problem-solving", "Feature engineering"]
    );
}

#[test]
fn ignored_phrases_hide_what_they_cover() {
    assert!(found("the U.S. Bureau of Labor Statistics").is_empty());
    assert!(found("Machine Learning Engineers and Data Operations Managers").is_empty());
    assert_eq!(
        found("Statistics and probability"),
        ["Statistics", "Probability"]
    );
}

#[test]
fn case_sensitive_aliases_need_their_case() {
    assert_eq!(found("SQL and Excel"), ["SQL", "Excel"]);
    assert!(found("they excel at reporting")
        .iter()
        .all(|n| *n != "Excel"));
    assert_eq!(found("microsoft excel"), ["Excel"]);
}

#[test]
fn a_rejected_long_match_does_not_hide_a_shorter_one() {
    assert_eq!(found("machine learning algorithmsX"), ["Machine learning"]);
}

#[test]
fn lookup_normalises_and_falls_back() {
    let name = |item: &str| TAXONOMY.lookup(item).map(|e| e.name.as_str());
    assert_eq!(name("sklearn"), Some("Scikit-learn"));
    assert_eq!(name("Google Cloud"), Some("Google Cloud Platform"));
    assert_eq!(name("GCP"), Some("Google Cloud Platform"));
    assert_eq!(name("postgres"), Some("PostgreSQL"));
    assert_eq!(name("NoSQL (MongoDB, Cassandra)"), Some("NoSQL"));
    assert_eq!(name("Jupyter Notebooks"), Some("Jupyter"));
    assert_eq!(name("C++."), Some("C++"));
    assert_eq!(name("Basket weaving"), None);
    assert_eq!(name(""), None);
}

#[test]
fn competency_is_canonical_when_known_and_as_written_otherwise() {
    let known = TAXONOMY.competency("  pytorch.", Category::Other);
    assert_eq!(
        (known.name.as_str(), known.category),
        ("PyTorch", Category::Framework)
    );
    assert_eq!(known.key, "pytorch");

    let unknown = TAXONOMY.competency("• Weka (GUI).", Category::DataTool);
    assert_eq!(unknown.name, "Weka (GUI)");
    assert_eq!(unknown.key, "weka-gui");
    assert_eq!(unknown.category, Category::DataTool);
}

#[test]
fn competency_key_ignores_case_and_separators() {
    assert_eq!(
        competency_key("Scikit-learn"),
        competency_key("scikit learn")
    );
    assert_eq!(competency_key("Power BI"), "power-bi");
    assert_eq!(competency_key("  C++ "), "c++");
    assert_eq!(competency_key("C#"), "c#");
    assert_eq!(competency_key("--"), "");
}

#[test]
fn empty_taxonomy_keeps_everything_as_written() {
    let empty = Taxonomy::empty();
    assert!(empty.find_in("Python and SQL").is_empty());
    assert!(empty.lookup("Python").is_none());
    assert_eq!(
        empty.competency("Python", Category::Language).name,
        "Python"
    );
    assert!(Taxonomy::from_toml("").is_ok_and(|t| t.entries().is_empty()));
}

#[test]
fn curator_mistakes_are_explained() {
    let error = |text: &str| Taxonomy::from_toml(text).err().map(|e| e.to_string());
    let duplicate = error(
        "[[skill]]\nname = \"A\"\ncategory = \"other\"\naliases = [\"x y\"]\n\
         [[skill]]\nname = \"B\"\ncategory = \"other\"\naliases = [\"X-Y\"]\n",
    );
    assert!(duplicate.is_some_and(|m| m.contains("\"A\"") && m.contains("\"B\"")));

    let category = error("[[skill]]\nname = \"A\"\ncategory = \"tooling\"\n");
    assert!(category.is_some_and(|m| m.contains("tooling") && m.contains("line 3")));

    let empty_name = error("[[skill]]\nname = \" \"\ncategory = \"other\"\n");
    assert!(empty_name.is_some_and(|m| m.contains("skill #1 has an empty name")));

    let typo = error("[[skill]]\nname = \"A\"\ncategory = \"other\"\nalias = [\"b\"]\n");
    assert!(typo.is_some_and(|m| m.contains("alias")));

    let case = error("[[skill]]\nname = \"A\"\ncategory = \"other\"\ncase_sensitive = [\"b\"]\n");
    assert!(case.is_some_and(|m| m.contains("case_sensitive")));

    let ignored = error("ignore = [\"a\"]\n[[skill]]\nname = \"A\"\ncategory = \"other\"\n");
    assert!(ignored.is_some_and(|m| m.contains("ignored phrase")));
}

proptest! {
    #[test]
    fn matching_never_panics(text in any::<String>()) {
        let found = TAXONOMY.find_in(&text);
        for (i, entry) in found.iter().enumerate() {
            prop_assert!(found[..i].iter().all(|seen| seen.name != entry.name));
        }
        let _ = TAXONOMY.lookup(&text);
        let competency = TAXONOMY.competency(&text, Category::Other);
        prop_assert_eq!(competency_key(&competency.name), competency.key);
    }

    #[test]
    fn matching_never_panics_on_skill_like_text(text in "[A-Za-z+#&(). ,/-]{0,40}") {
        let _ = TAXONOMY.find_in(&text);
        let _ = TAXONOMY.lookup(&text);
    }
}
