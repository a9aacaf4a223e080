//! The Markdown reader: attribution by structure, on examples and on generated nested
//! documents. The documents under `tests/documents/` are checked by `tests/it/documents.rs`.

use proptest::prelude::*;

use super::*;
use crate::knowledge::reading::article::{parse_article, parse_document};

fn read(text: &str) -> ParsedArticle {
    parse(text).expect("the text has Markdown structure")
}

fn facts_of<'a>(article: &'a ParsedArticle, role: &str) -> Vec<(Section, &'a str)> {
    article
        .roles
        .iter()
        .filter(|r| r.name == role)
        .flat_map(|r| r.facts.iter().map(|f| (f.section, f.text.as_str())))
        .collect()
}

#[test]
fn each_role_heading_scopes_its_own_aspects_and_definition() {
    let article = read(
        "## Data Scientist\n\nA Data Scientist is a problem solver.\n\n### Responsibilities\n\n- Run experiments\n\n\
         ## Data Engineer\n\nA Data Engineer is a builder.\n\n### Responsibilities\n\n- Build pipelines\n",
    );
    assert_eq!(
        facts_of(&article, "Data Scientist"),
        [
            (Section::Definition, "A Data Scientist is a problem solver."),
            (Section::Responsibilities, "Run experiments")
        ]
    );
    assert_eq!(
        facts_of(&article, "Data Engineer"),
        [
            (Section::Definition, "A Data Engineer is a builder."),
            (Section::Responsibilities, "Build pipelines")
        ]
    );
}

#[test]
fn an_unscoped_list_in_a_comparison_is_never_given_to_one_role() {
    let article = read("# A Analyst vs B Engineer\n\n## Skills\n\n- SQL\n\n## Outlook\n\nGood.\n");
    assert!(article
        .roles
        .iter()
        .all(|r| r.facts.iter().all(|f| f.section != Section::Skills)));
    assert_eq!(article.shared.len(), 1);
    assert_eq!(article.shared[0].line, 5);
    assert!(article
        .warnings
        .iter()
        .any(|(line, m)| *line == 5 && m.contains("comparison only")));
    // Outlook belongs to the comparison: every role gets it, as in the template.
    assert!(article
        .roles
        .iter()
        .all(|r| r.facts.iter().any(|f| f.section == Section::Outlook)));
}

#[test]
fn plural_and_role_suffixed_headings_are_one_role() {
    let article = read(
        "# Data Stewards vs Data Analysts\n\n## Data Steward role\n\n### Skills\n\n- Glossaries\n\n\
         ## The Data Analysts\n\n### Skills\n\n- Excel\n",
    );
    let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Data Steward", "Data Analyst"]);
    assert_eq!(
        facts_of(&article, "Data Analyst"),
        [(Section::Skills, "Excel")]
    );
}

#[test]
fn the_seed_articles_read_the_same_under_an_md_name() {
    for seed in [
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/data-scientist-vs-mlops-engineer.txt"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/machine-learning-engineer-vs-data-specialist.txt"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/lead-machine-learning-engineer-vs-data-operations-specialist.txt"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/machine-learning-engineer-vs-data-operations-manager.txt"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/machine-learning-scientist-vs-data-operations-specialist.txt"
        )),
    ] {
        assert_eq!(parse_document("seed.md", seed), parse_article(seed));
        assert_eq!(parse_document("seed.txt", seed), parse_article(seed));
    }
}

#[test]
fn a_markdown_file_whose_structure_names_no_role_is_read_as_prose() {
    // Only the intro names the roles: the prose reader finds them, the structure does not.
    let text =
        "There are differences between data scientists and data engineers.\n\n## Notes\n\nMore.\n";
    let prose = parse_article(text);
    assert_eq!(prose.roles.len(), 2);
    assert_eq!(parse_document("notes.md", text), prose);
}

/// Names for generated roles: distinct, none inside another.
const ROLE_POOL: [&str; 4] = [
    "Data Scientist",
    "Platform Engineer",
    "Security Analyst",
    "Cloud Architect",
];

/// Aspect headings and the section each means.
const ASPECTS: [(&str, Section); 7] = [
    ("Responsibilities", Section::Responsibilities),
    ("Skills", Section::Skills),
    ("Tools", Section::Tools),
    ("Education", Section::Education),
    ("Where they work", Section::Industries),
    ("Career outlook", Section::Outlook),
    ("How to start", Section::Tips),
];

/// How a generated document puts a role's facts in its scope.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// `## Role` / `### Aspect` / items.
    RoleThenAspect,
    /// `## Aspect` / `### Role` / items.
    AspectThenRole,
    /// `## Aspect` / `Role:` / items.
    LabelParagraph,
    /// `## Aspect` / `- Role: fact`.
    LabelledBullet,
    /// `## Aspect` / `- Role` / `  - fact`.
    ParentItem,
    /// `## Aspect` / a table with a column per role.
    Table,
}

#[derive(Debug, Clone)]
struct Nested {
    text: String,
    roles: Vec<&'static str>,
}

/// A fact's token: `r{role}n{k}`, or `freen{k}` for a fact in no role's scope.
fn token(role: Option<usize>, k: usize) -> String {
    match role {
        Some(role) => format!("tokr{role}n{k}x"),
        None => format!("freen{k}x"),
    }
}

fn nested_document() -> impl Strategy<Value = Nested> {
    (
        proptest::sample::subsequence(ROLE_POOL.to_vec(), 1..=4),
        prop_oneof![
            Just(Shape::RoleThenAspect),
            Just(Shape::AspectThenRole),
            Just(Shape::LabelParagraph),
            Just(Shape::LabelledBullet),
            Just(Shape::ParentItem),
            Just(Shape::Table),
        ],
        proptest::sample::subsequence((0..ASPECTS.len()).collect::<Vec<_>>(), 1..=4),
        1usize..=3,
        0usize..=3,
        any::<bool>(),
    )
        .prop_map(|(roles, shape, aspects, facts, free, titled)| {
            let text = render(&roles, shape, &aspects, facts, free, titled);
            Nested { text, roles }
        })
}

fn render(
    roles: &[&str],
    shape: Shape,
    aspects: &[usize],
    facts: usize,
    free: usize,
    titled: bool,
) -> String {
    let mut out = String::new();
    if titled && roles.len() >= 2 {
        out.push_str(&format!(
            "# {}\n\nAn introduction.\n\n",
            roles.join(" vs. ")
        ));
    }
    let mut k = 0;
    let mut next = |role: Option<usize>| {
        k += 1;
        token(role, k)
    };
    // Facts in no role's scope first: an aspect heading above every role.
    for _ in 0..free {
        let (heading, _) = ASPECTS[aspects[0]];
        out.push_str(&format!("## {heading}\n\n- Shared {}\n\n", next(None)));
    }
    match shape {
        Shape::RoleThenAspect => {
            for (r, role) in roles.iter().enumerate() {
                out.push_str(&format!("## {role}\n\nA {role} is someone.\n\n"));
                for &a in aspects {
                    out.push_str(&format!("### {}\n\n", ASPECTS[a].0));
                    for _ in 0..facts {
                        out.push_str(&format!("- Item {}\n", next(Some(r))));
                    }
                    out.push('\n');
                }
            }
        }
        Shape::Table => {
            out.push_str("## Compared\n\n| |");
            for role in roles {
                out.push_str(&format!(" {role} |"));
            }
            out.push_str("\n|---|");
            out.push_str(&"---|".repeat(roles.len()));
            out.push('\n');
            for &a in aspects {
                out.push_str(&format!("| {} |", ASPECTS[a].0));
                for r in 0..roles.len() {
                    out.push_str(&format!(" Cell {} |", next(Some(r))));
                }
                out.push('\n');
            }
            out.push('\n');
        }
        _ => {
            for &a in aspects {
                out.push_str(&format!("## {}\n\n", ASPECTS[a].0));
                for (r, role) in roles.iter().enumerate() {
                    let items: Vec<String> = (0..facts).map(|_| next(Some(r))).collect();
                    render_role_items(&mut out, shape, role, &items);
                }
            }
        }
    }
    out
}

fn render_role_items(out: &mut String, shape: Shape, role: &str, items: &[String]) {
    match shape {
        Shape::AspectThenRole => out.push_str(&format!("### {role}\n\n")),
        Shape::LabelParagraph => out.push_str(&format!("{role}:\n\n")),
        Shape::ParentItem => out.push_str(&format!("- {role}\n")),
        _ => {}
    }
    for item in items {
        match shape {
            Shape::LabelledBullet => out.push_str(&format!("- {role}: Item {item}\n")),
            Shape::ParentItem => out.push_str(&format!("  - Item {item}\n")),
            _ => out.push_str(&format!("- Item {item}\n")),
        }
    }
    out.push('\n');
}

/// Every token in `text`.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with("tokr") || w.starts_with("freen"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_fact_is_only_ever_under_the_role_whose_scope_it_is_in(doc in nested_document()) {
        let article = read(&doc.text);
        let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
        prop_assert_eq!(&names, &doc.roles, "{}", doc.text);
        let mut seen = std::collections::HashSet::new();
        for (r, role) in article.roles.iter().enumerate() {
            for fact in &role.facts {
                for token in tokens(&fact.text) {
                    seen.insert(token.to_string());
                    let own = token.starts_with(&format!("tokr{r}n"));
                    // Free facts reach a role only as the comparison's shared aspects, and
                    // then every role, or in a one-role document.
                    let shared = token.starts_with("freen")
                        && (SHARED.contains(&fact.section) || article.roles.len() == 1);
                    prop_assert!(own || shared, "{token} under {} in\n{}", role.name, doc.text);
                }
            }
        }
        for fact in &article.shared {
            for token in tokens(&fact.text) {
                prop_assert!(token.starts_with("freen"), "{token} kept for the comparison");
                seen.insert(token.to_string());
            }
        }
        // And nothing in a role's scope is lost.
        for token in tokens(&doc.text) {
            prop_assert!(seen.contains(token), "{token} was not read in\n{}", doc.text);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_markdown(raw in any::<String>()) {
        let _ = parse_document("any.md", &raw);
    }

    #[test]
    fn never_panics_on_markdown_soup(raw in MARKDOWN_SOUP) {
        let article = parse_document("soup.md", &raw);
        for role in &article.roles {
            prop_assert!(!role.name.trim().is_empty());
            prop_assert!(role.facts.iter().all(|f| !f.text.trim().is_empty()));
        }
    }
}

/// Lines the Markdown reader reacts to, mixed with noise.
const MARKDOWN_SOUP: &str = concat!(
    "((#{1,4} |- |  - |\\| |\\|---\\|---\\||[A-Z][a-z]+ Engineer:|1\\. |> |```|<br>|&amp;)?",
    "(Data Scientist|Skills|What does a Data Engineer do\\?|Tools|A vs B|Role: a, b|",
    "[a-zA-Z :|İß\\x{212A}]{0,14})( \\|)?\n){0,40}",
);

#[test]
fn each_heading_says_what_it_opened_and_why() {
    let article = read(
        "# Data Careers\n\n## 1. Data Analyst\n\nA Data Analyst explains the past.\n\n### Skills\n\n- SQL\n\n\
         ## Entry paths\n\nMost start as interns.\n\n## From Data Analyst\n\nLearn Python.\n",
    );
    let said: Vec<(&str, &str)> = article
        .headings
        .iter()
        .map(|h| (h.text.as_str(), h.said.as_str()))
        .collect();
    let find = |text: &str| {
        said.iter()
            .find(|(t, _)| *t == text)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    };
    assert_eq!(find("1. Data Analyst"), "opens the role \"Data Analyst\"");
    assert_eq!(find("Skills"), "opens the section skills");
    assert!(find("Entry paths").starts_with("a topic of the whole document"));
    assert!(find("From Data Analyst").starts_with("names a role but is not one"));
    let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Data Analyst"]);
    assert!(article.roles[0]
        .facts
        .iter()
        .all(|f| !f.text.contains("interns") && !f.text.contains("Python")));
}

#[test]
fn a_definition_section_under_a_role_heading_is_its_definition() {
    let article = read(
        "# Data Scientist\n\n## Definition\n\nA Data Scientist answers questions with experiments.\n\n\
         ## Skills\n\n- Statistics\n",
    );
    assert_eq!(
        facts_of(&article, "Data Scientist"),
        [
            (
                Section::Definition,
                "A Data Scientist answers questions with experiments."
            ),
            (Section::Skills, "Statistics")
        ]
    );
}
