use super::*;
use crate::knowledge::reading::article::parse_article;

const ML_SCIENTIST_VS_DATA_OPS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/knowledge/articles/machine-learning-scientist-vs-data-operations-specialist.txt"
));
const LEAD_MLE_VS_DATA_OPS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/knowledge/articles/lead-machine-learning-engineer-vs-data-operations-specialist.txt"
));
const MLE_VS_DATA_OPS_MANAGER: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/knowledge/articles/machine-learning-engineer-vs-data-operations-manager.txt"
));
const MLE_VS_DATA_SPECIALIST: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/knowledge/articles/machine-learning-engineer-vs-data-specialist.txt"
));

/// Reads a fixture written inline, as `parse_article` would after cleaning.
fn read(text: &str) -> ParsedArticle {
    let lines: Vec<&str> = text.lines().collect();
    parse(&lines)
}

fn count(role: &ParsedRole, section: Section) -> usize {
    role.facts.iter().filter(|f| f.section == section).count()
}

fn texts(role: &ParsedRole, section: Section) -> Vec<&str> {
    role.facts
        .iter()
        .filter(|f| f.section == section)
        .map(|f| f.text.as_str())
        .collect()
}

fn role<'a>(article: &'a ParsedArticle, name: &str) -> &'a ParsedRole {
    article
        .roles
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no role {name:?} in {:?}", article.roles))
}

#[test]
fn ml_scientist_seed_has_every_section_per_role() {
    let article = parse_article(ML_SCIENTIST_VS_DATA_OPS);
    assert_eq!(
        article.title,
        "Machine Learning Scientist vs. Data Operations Specialist"
    );
    assert_eq!(article.roles.len(), 2);
    let expected = [
        (Section::Definition, 1),
        (Section::Responsibilities, 5),
        (Section::Skills, 5),
        (Section::Education, 2),
        (Section::Tools, 4),
        (Section::Industries, 5),
        (Section::Outlook, 1),
        (Section::Tips, 4),
        (Section::Differences, 0),
    ];
    for role in &article.roles {
        for (section, n) in expected {
            assert_eq!(count(role, section), n, "{} {section:?}", role.name);
        }
    }
    assert!(article.warnings.is_empty(), "{:?}", article.warnings);
}

#[test]
fn ml_scientist_seed_keeps_per_role_tips_apart() {
    let article = parse_article(ML_SCIENTIST_VS_DATA_OPS);
    let scientist = role(&article, "Machine Learning Scientist");
    let ops = role(&article, "Data Operations Specialist");
    assert!(texts(scientist, Section::Tips)[1].starts_with("Engage in Projects:"));
    assert!(texts(ops, Section::Tips)[3].starts_with("Certifications:"));
    assert_eq!(
        texts(ops, Section::Tools)[0],
        "Data management tools: SQL, Apache Kafka, Apache Airflow"
    );
}

#[test]
fn ml_scientist_seed_gives_the_dataops_alias() {
    let article = parse_article(ML_SCIENTIST_VS_DATA_OPS);
    assert_eq!(
        role(&article, "Data Operations Specialist").aliases,
        vec!["DataOps Engineer"]
    );
    assert!(role(&article, "Machine Learning Scientist")
        .aliases
        .is_empty());
}

#[test]
fn ml_scientist_seed_reads_jobs() {
    let article = parse_article(ML_SCIENTIST_VS_DATA_OPS);
    assert_eq!(article.jobs.len(), 5);
    let first = &article.jobs[0];
    assert_eq!(first.title, "Data Engineer");
    assert_eq!(first.company, "murmuration");
    assert_eq!(first.location, "Remote (anywhere in the U.S.)");
    assert_eq!(first.employment_type.as_deref(), Some("Full Time"));
    assert_eq!(first.level.as_deref(), Some("Mid-level / Intermediate"));
    let salary = first
        .salary
        .as_ref()
        .map(|s| (s.currency.as_str(), s.min, s.max));
    assert_eq!(salary, Some(("USD", 100_000, 130_000)));
}

#[test]
fn page_furniture_never_becomes_a_fact() {
    let banned = [
        "Featured",
        "min read",
        "Table of contents",
        "salary info",
        "Related articles",
        "ยท",
        "๐Ÿ",
        "Β·",
        "πŸ",
        "In conclusion",
        "By understanding",
        "rapidly evolving",
    ];
    for seed in [
        ML_SCIENTIST_VS_DATA_OPS,
        LEAD_MLE_VS_DATA_OPS,
        MLE_VS_DATA_OPS_MANAGER,
        MLE_VS_DATA_SPECIALIST,
    ] {
        let article = parse_article(seed);
        for fact in article.roles.iter().flat_map(|r| &r.facts) {
            for word in banned {
                assert!(
                    !fact.text.contains(word),
                    "{word:?} in fact {:?}",
                    fact.text
                );
            }
        }
    }
}

#[test]
fn lead_seed_warns_about_the_empty_industries_section() {
    let article = parse_article(LEAD_MLE_VS_DATA_OPS);
    assert_eq!(
        article.title,
        "Lead Machine Learning Engineer vs. Data Operations Specialist"
    );
    let lead = role(&article, "Lead Machine Learning Engineer");
    assert_eq!(count(lead, Section::Industries), 0);
    assert_eq!(
        count(
            role(&article, "Data Operations Specialist"),
            Section::Industries
        ),
        5
    );
    let message =
        "section \"Common Industries\" has no items for \"Lead Machine Learning Engineer\"";
    assert_eq!(article.warnings, vec![(89, message.to_string())]);
}

#[test]
fn lead_seed_shares_its_tips() {
    let article = parse_article(LEAD_MLE_VS_DATA_OPS);
    for role in &article.roles {
        let tips = texts(role, Section::Tips);
        assert_eq!(tips.len(), 5, "{}", role.name);
        assert!(tips[0].starts_with("Identify Your Interest:"));
    }
}

#[test]
fn leidos_job_has_no_level() {
    let article = parse_article(MLE_VS_DATA_OPS_MANAGER);
    let last = article.jobs.last().expect("jobs");
    assert_eq!(
        (last.title.as_str(), last.company.as_str()),
        ("Software Engineer", "Leidos")
    );
    assert_eq!(last.level, None);
    let salary = last.salary.as_ref().map(|s| (s.min, s.max));
    assert_eq!(salary, Some((122_000, 220_000)));
}

#[test]
fn data_specialist_seed_is_repaired_but_keeps_real_apostrophes() {
    let article = parse_article(MLE_VS_DATA_SPECIALIST);
    let mle = role(&article, "Machine Learning Engineer");
    assert!(texts(mle, Section::Education)[1].contains("Master’s"));
    assert_eq!(article.jobs.len(), 5);
    assert_eq!(
        article.title,
        "Machine Learning Engineer vs. Data Specialist"
    );
}

#[test]
fn seeds_are_recognised_as_templates() {
    for seed in [
        ML_SCIENTIST_VS_DATA_OPS,
        LEAD_MLE_VS_DATA_OPS,
        MLE_VS_DATA_OPS_MANAGER,
    ] {
        let lines: Vec<&str> = seed.lines().collect();
        assert!(is_template(&lines));
    }
    assert!(!is_template(&["A vs. B", "Some prose."]));
    assert!(!is_template(&["Data Scientist", "Skills"]));
}

#[test]
fn roles_come_from_definitions_when_the_title_has_none() {
    let article = read("Two roles\n\nDefinitions\nData  Analyst: Analyses data.\nData Engineer: Builds pipelines.\n");
    let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Data Analyst", "Data Engineer"]);
    assert_eq!(
        texts(&article.roles[1], Section::Definition),
        ["Builds pipelines."]
    );
}

#[test]
fn headings_tolerate_variations_and_plural_role_names() {
    let article = read(
        "A Analyst vs B Engineer\nKey Responsibilities\nA Analysts:\n- one\n* two\nFor Aspiring B Engineers\n1) three\nTools\nb engineer\n– four\n",
    );
    let (a, b) = (&article.roles[0], &article.roles[1]);
    assert_eq!(texts(a, Section::Responsibilities), ["one", "two"]);
    assert_eq!(texts(b, Section::Responsibilities), ["three"]);
    assert_eq!(texts(b, Section::Tools), ["four"]);
}

#[test]
fn odd_lines_in_a_bullet_section_are_warnings() {
    let article = read("A Analyst vs B Engineer\nSkills\nA Analyst\nJust some prose\n• SQL\n•\n");
    assert_eq!(texts(&article.roles[0], Section::Skills), ["SQL"]);
    let lines: Vec<usize> = article.warnings.iter().map(|w| w.0).collect();
    assert!(
        lines.contains(&4) && lines.contains(&6),
        "{:?}",
        article.warnings
    );
}

#[test]
fn items_before_any_role_heading_are_shared_with_a_warning() {
    let article = read("A Analyst vs B Engineer\nSkills\n• SQL\n• Python\n");
    for role in &article.roles {
        assert_eq!(texts(role, Section::Skills), ["SQL", "Python"]);
    }
    assert_eq!(article.warnings.iter().filter(|w| w.0 == 3).count(), 1);
}

#[test]
fn empty_sections_and_unknown_definitions_are_reported() {
    let article =
        read("A Analyst vs B Engineer\nDefinitions\nC Manager: runs things.\nTools\nOutlook\n");
    let messages: Vec<&str> = article.warnings.iter().map(|w| w.1.as_str()).collect();
    assert!(messages
        .iter()
        .any(|m| m.contains("unknown role \"C Manager\"")));
    assert!(messages.contains(&"section \"Tools\" has no items"));
    assert!(messages.contains(&"no definition for \"A Analyst\""));
}

#[test]
fn definitions_tolerate_typos_in_role_names() {
    let article = read("Data Operations Specialist vs B Engineer\nDefinitions\nData Operation Specialist: Runs data.\n");
    assert_eq!(
        texts(&article.roles[0], Section::Definition),
        ["Runs data."]
    );
}

#[test]
fn jobs_in_the_middle_of_a_section_never_become_facts() {
    let article = read("A Analyst vs B Engineer\nSkills\nA Analyst\nFeatured Job\nSQL Analyst\n@ Acme | Paris\nFull Time USD 1K\n• SQL\n");
    assert_eq!(article.jobs.len(), 1);
    assert_eq!(article.jobs[0].title, "SQL Analyst");
    let facts: Vec<&str> = article
        .roles
        .iter()
        .flat_map(|r| &r.facts)
        .map(|f| f.text.as_str())
        .collect();
    assert!(facts.is_empty(), "{facts:?}");
}

#[test]
fn a_paragraph_before_the_tips_is_skipped_and_one_after_them_ends_the_body() {
    let article = read(
        "A Analyst vs B Engineer\nPractical Tips for Getting Started\nHere is how to start:\n1. Learn SQL.\nThat is all, really.\n2. Not a tip.\n",
    );
    for role in &article.roles {
        assert_eq!(texts(role, Section::Tips), ["Learn SQL."]);
    }
    let lines: Vec<usize> = article.warnings.iter().map(|w| w.0).collect();
    assert!(lines.contains(&3), "{:?}", article.warnings);
}
