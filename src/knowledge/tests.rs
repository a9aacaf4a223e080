//! The knowledge base built from the shipped documents, checked against what the articles say.

use super::*;
use crate::knowledge::reading::source::DocumentKind;

fn kb() -> KnowledgeBase {
    KnowledgeBase::from_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge")))
        .expect("the shipped knowledge base loads")
}

const SEED_ROLES: [&str; 8] = [
    "Machine Learning Scientist",
    "Lead Machine Learning Engineer",
    "Machine Learning Engineer",
    "MLOps Engineer",
    "Data Scientist",
    "Data Operations Specialist",
    "Data Operations Manager",
    "Data Specialist",
];

const FURNITURE: [&str; 8] = [
    "Featured Job",
    "Salary Insights",
    "salary info",
    "Table of contents",
    "min read",
    "Related articles",
    "@ murmuration",
    "USD 100K",
];

const MOJIBAKE: [&str; 6] = ["ยท", "๐Ÿ", "Β·", "πŸ", "â€", "Ã"];

#[test]
fn all_eight_seed_roles_are_present_with_sections() {
    let kb = kb();
    assert_eq!(kb.articles.len(), 5);
    for name in SEED_ROLES {
        let role = kb.resolve(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(role.name, name);
        assert!(role.definition().is_some(), "{name} has no definition");
        assert!(!role.facts(Section::Responsibilities).is_empty(), "{name}");
        assert!(!role.competencies.is_empty(), "{name} has no skills");
    }
    assert_eq!(
        kb.roles.len(),
        8,
        "{:?}",
        kb.roles.iter().map(|r| &r.name).collect::<Vec<_>>()
    );
}

#[test]
fn template_roles_have_every_section() {
    let kb = kb();
    for name in [
        "Machine Learning Engineer",
        "Data Specialist",
        "Data Operations Manager",
        "Machine Learning Scientist",
    ] {
        let role = kb.resolve(name).expect("known");
        for section in [
            Section::Skills,
            Section::Education,
            Section::Tools,
            Section::Industries,
            Section::Outlook,
            Section::Tips,
        ] {
            assert!(!role.facts(section).is_empty(), "{name} lacks {section}");
        }
    }
}

#[test]
fn machine_learning_engineer_merges_three_articles() {
    let kb = kb();
    let mle = kb.resolve("Machine Learning Engineer").expect("known");
    assert_eq!(mle.sources.len(), 3, "{:?}", kb.source_titles(&mle.sources));
    // "Develop and implement machine learning models and algorithms." is in two of them:
    // kept once, credited to both.
    let develop: Vec<&Fact> = mle
        .facts(Section::Responsibilities)
        .iter()
        .filter(|f| {
            f.text
                .starts_with("Develop and implement machine learning models")
        })
        .collect();
    assert_eq!(develop.len(), 1);
    assert!(develop[0].sources.len() >= 2);
}

#[test]
fn no_fact_holds_page_furniture_or_mojibake() {
    let kb = kb();
    for role in &kb.roles {
        for fact in role.sections.values().flatten() {
            for bad in FURNITURE.iter().chain(&MOJIBAKE) {
                assert!(
                    !fact.text.contains(bad),
                    "{}: {:?} in {:?}",
                    role.name,
                    bad,
                    fact.text
                );
            }
        }
    }
    for job in &kb.jobs {
        let text = format!("{job:?}");
        assert!(MOJIBAKE.iter().all(|m| !text.contains(m)), "{text}");
    }
}

#[test]
fn aliases_from_text_and_curation_resolve() {
    let kb = kb();
    let cases = [
        ("DataOps Engineer", "Data Operations Specialist"),
        ("Machine Learning Operations Engineer", "MLOps Engineer"),
        ("mlops", "MLOps Engineer"),
        ("mle", "Machine Learning Engineer"),
        ("ml engineer", "Machine Learning Engineer"),
        ("machine-learning-engineer", "Machine Learning Engineer"),
        ("Data Scientists", "Data Scientist"),
        ("machine lerning engineer", "Machine Learning Engineer"),
        ("data specalist", "Data Specialist"),
    ];
    for (query, expected) in cases {
        let role = kb.resolve(query).unwrap_or_else(|e| panic!("{query}: {e}"));
        assert_eq!(role.name, expected, "{query}");
    }
}

#[test]
fn unknown_roles_get_the_closest_suggestions() {
    let kb = kb();
    let unknown = kb.resolve("data wizard").expect_err("not a role");
    assert!(!unknown.suggestions.is_empty());
    assert!(kb.resolve("astronaut").is_err());
}

#[test]
fn recognise_finds_what_resolve_finds_and_nothing_else() {
    let kb = kb();
    for query in [
        "mle",
        "Data Specialists",
        "machine lerning engineer",
        "astronaut",
        "",
    ] {
        assert_eq!(
            kb.recognise(query).map(|r| &r.slug),
            kb.resolve(query).ok().map(|r| &r.slug),
            "{query:?}"
        );
    }
    assert!(kb.recognise("data wizard").is_none());
}

#[test]
fn featured_jobs_are_parsed_once_each() {
    let kb = kb();
    let titles: Vec<&str> = kb.jobs.iter().map(|j| j.title.as_str()).collect();
    // Five distinct cards appear across articles; the same card is kept once.
    assert_eq!(
        titles.iter().filter(|t| **t == "Data Engineer").count(),
        1,
        "{titles:?}"
    );
    assert!(titles.contains(&"Platform Software Development Lead"));
    assert!(titles.contains(&"Software Engineer"));
    let leidos = kb
        .jobs
        .iter()
        .find(|j| j.company == "Leidos")
        .expect("Leidos job");
    assert_eq!(leidos.level, None);
    assert_eq!(
        leidos.salary.as_ref().map(|s| (s.min, s.max)),
        Some((122_000, 220_000))
    );
}

#[test]
fn empty_sections_are_warned_about_with_file_and_line() {
    let kb = kb();
    let warning = kb
        .warnings
        .iter()
        .find(|w| {
            w.message.contains("Lead Machine Learning Engineer") && w.message.contains("Industries")
        })
        .expect("the empty Common Industries section is reported");
    assert!(warning
        .file
        .ends_with("lead-machine-learning-engineer-vs-data-operations-specialist.txt"));
    assert!(warning.line > 0);
}

#[test]
fn autocomplete_is_ranked_and_bounded() {
    let kb = kb();
    let names: Vec<&str> = kb
        .complete("machine", 25)
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert!(names.len() >= 3 && names.len() <= 25, "{names:?}");
    assert!(names[0].starts_with("Machine Learning"), "{names:?}");
    let typo: Vec<&str> = kb
        .complete("dta specialst", 25)
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert!(typo.contains(&"Data Specialist"), "{typo:?}");
    assert_eq!(kb.complete("", 25).len(), kb.roles.len().min(25));
}

#[test]
fn no_roles_at_all_is_the_only_fatal_error() {
    let documents = vec![Document {
        path: "articles/empty.txt".into(),
        bytes: b"nothing to see here".to_vec(),
    }];
    match KnowledgeBase::from_documents(&documents, "test") {
        Err(LoadError::NoRoles { documents: 1, .. }) => {}
        other => panic!("expected NoRoles, got {other:?}"),
    }
}

#[test]
fn broken_curated_files_are_warnings_not_failures() {
    let mut documents =
        source::read_documents(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge")))
            .expect("readable");
    for document in &mut documents {
        if document.kind() != DocumentKind::Article {
            document.bytes = b"[[skill]\nname = ".to_vec();
        }
    }
    let kb = KnowledgeBase::from_documents(&documents, "test").expect("articles alone suffice");
    assert!(kb.warnings.iter().any(|w| w.file.ends_with("skills.toml")));
    assert!(kb.resolve("Data Specialist").is_ok());
}

#[test]
fn embedded_copy_matches_the_directory() {
    let embedded = KnowledgeBase::embedded().expect("built in");
    let on_disk = kb();
    assert_eq!(embedded.roles.len(), on_disk.roles.len());
    assert_eq!(embedded.articles.len(), on_disk.articles.len());
}

#[test]
fn roles_with_any_competency_are_those_listing_it() {
    let kb = kb();
    let mut keys: Vec<String> = kb
        .roles
        .iter()
        .flat_map(|r| r.competencies.iter().map(|c| c.key.clone()))
        .collect();
    keys.sort();
    keys.dedup();
    for key in keys.iter().chain([&"no-such-skill".to_owned()]) {
        let expected: Vec<&str> = kb
            .roles
            .iter()
            .filter(|r| r.competencies.iter().any(|c| c.key == *key))
            .map(|r| r.slug.as_str())
            .collect();
        let found: Vec<&str> = kb
            .roles_with_any(std::slice::from_ref(key))
            .iter()
            .map(|r| r.slug.as_str())
            .collect();
        assert_eq!(found, expected, "{key}");
    }
    assert!(!kb.roles_with_any(&["python".to_owned()]).is_empty());
    let both = kb.roles_with_any(&["python".to_owned(), "sql".to_owned()]);
    assert!(both.windows(2).all(|w| w[0].slug != w[1].slug));
}

#[test]
fn parts_of_names_find_every_role_holding_them_in_order() {
    let kb = kb();
    let slugs = |run: &[&str]| -> Vec<String> {
        kb.roles_with_name_part(run)
            .into_iter()
            .map(|role| role.slug.clone())
            .collect()
    };
    let operations = slugs(&["data", "operations"]);
    assert!(operations.contains(&"data-operations-manager".to_owned()));
    assert!(operations.contains(&"data-operations-specialist".to_owned()));
    for slug in &operations {
        let role = kb.exact(slug).expect("a known role");
        let names = std::iter::once(&role.name).chain(&role.aliases);
        assert!(
            names
                .map(|n| n.to_lowercase())
                .any(|n| n.contains("data operation")),
            "{slug}"
        );
    }
    // Plurals aside, whole words only, consecutive only, each role once, in role order.
    assert_eq!(slugs(&["data", "operation"]), operations);
    assert!(slugs(&["engineers"]).len() >= 3);
    assert!(slugs(&["oper"]).is_empty());
    assert!(slugs(&["operations", "data"]).is_empty());
    assert!(slugs(&[]).is_empty());
    let engineers = kb.roles_with_name_part(&["engineer"]);
    let ids: Vec<usize> = engineers.iter().filter_map(|r| kb.id_of(r)).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
}

#[test]
fn every_competency_is_found_by_its_key() {
    let kb = kb();
    for role in &kb.roles {
        assert!(
            role.competencies.windows(2).all(|w| w[0].key < w[1].key),
            "{}",
            role.name
        );
        for competency in &role.competencies {
            assert!(
                role.has_competency(&competency.key),
                "{} in {}",
                competency.key,
                role.name
            );
        }
    }
}

#[test]
fn a_markdown_heading_that_is_a_curated_name_opens_that_role() {
    let roles = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge/roles.toml"))
        .expect("the shipped roles.toml");
    let article = "# Two ops roles\n\n## MLOps\n\nMLOps Engineers keep models running.\n\n\
                   **Tools:** Kubeflow\n\n## DataOps\n\nKeeps data pipelines observable.\n\n\
                   **Tools:** Great Expectations\n";
    let documents = [
        Document {
            path: "articles/ops.md".into(),
            bytes: article.as_bytes().to_vec(),
        },
        Document {
            path: "roles.toml".into(),
            bytes: roles,
        },
    ];
    let kb = KnowledgeBase::from_documents(&documents, "test").expect("a knowledge base");
    let mlops = kb.exact("MLOps Engineer").expect("the curated role");
    assert!(mlops
        .facts(Section::Tools)
        .iter()
        .any(|f| f.text.contains("Kubeflow")));
    let dataops = kb
        .exact("Data Operations Specialist")
        .expect("the curated role");
    assert!(dataops
        .facts(Section::Tools)
        .iter()
        .any(|f| f.text.contains("Great Expectations")));
    // Without the curated names, the same headings name no role.
    let alone = crate::knowledge::reading::article::parse_document("ops.md", article);
    assert!(alone.roles.is_empty(), "{:?}", alone.roles);
}
