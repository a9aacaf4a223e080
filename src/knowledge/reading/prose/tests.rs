use super::*;
use crate::knowledge::reading::article::parse_article;

const DATA_SCIENTIST_VS_MLOPS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/knowledge/articles/data-scientist-vs-mlops-engineer.txt"
));

const MLOPS: &str = "Machine Learning Operations Engineer";

fn read(text: &str) -> ParsedArticle {
    let lines: Vec<&str> = text.lines().collect();
    parse(&lines)
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
fn seed_roles_title_and_alias() {
    let article = parse_article(DATA_SCIENTIST_VS_MLOPS);
    let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
    // The intro compares "machine learning engineers and data scientists": that role is read
    // too, but only the headings' roles make the title.
    assert_eq!(
        names,
        ["Data Scientist", MLOPS, "Machine Learning Engineer"]
    );
    assert_eq!(
        article.title,
        "Data Scientist vs. Machine Learning Operations Engineer"
    );
    assert_eq!(role(&article, MLOPS).aliases, vec!["MLOps Engineer"]);
    assert!(article.jobs.is_empty());
    assert!(article.warnings.is_empty(), "{:?}", article.warnings);
}

#[test]
fn seed_responsibilities_go_to_the_role_their_intro_names() {
    let article = parse_article(DATA_SCIENTIST_VS_MLOPS);
    let scientist = texts(role(&article, "Data Scientist"), Section::Responsibilities);
    assert_eq!(scientist.len(), 13);
    assert_eq!(
        scientist[0],
        "research the data and products of your company"
    );
    let mlops = texts(role(&article, MLOPS), Section::Responsibilities);
    assert_eq!(mlops.len(), 7);
    assert_eq!(
        mlops[6],
        "Optimize the model with Data Engineering techniques"
    );
}

#[test]
fn seed_definitions_prefer_what_the_role_is() {
    let article = parse_article(DATA_SCIENTIST_VS_MLOPS);
    let scientist = texts(role(&article, "Data Scientist"), Section::Definition);
    assert_eq!(scientist.len(), 1);
    assert!(scientist[0].starts_with("A Data Scientist is known as a business-focused scientist"));
    let mlops = texts(role(&article, MLOPS), Section::Definition);
    assert_eq!(mlops.len(), 1);
    assert!(mlops[0].starts_with("Referred to as an MLOps Engineer"));
}

#[test]
fn seed_differences_go_to_the_roles_they_mention() {
    let article = parse_article(DATA_SCIENTIST_VS_MLOPS);
    let scientist = texts(role(&article, "Data Scientist"), Section::Differences);
    let mlops = texts(role(&article, MLOPS), Section::Differences);
    let docker = |texts: &[&str]| texts.iter().any(|t| t.contains("Docker and CircleCi"));
    assert!(docker(&mlops) && !docker(&scientist));
    let choosing = |texts: &[&str]| texts.iter().any(|t| t.contains("choosing and creating"));
    assert!(choosing(&scientist) && !choosing(&mlops));
    // Five "Differences" bullets and one intro sentence for the data scientist.
    assert_eq!((scientist.len(), mlops.len()), (6, 4));
    let engineer = texts(
        role(&article, "Machine Learning Engineer"),
        Section::Differences,
    );
    assert_eq!(engineer.len(), 1);
    assert!(engineer[0].contains("models are scalable"), "{engineer:?}");
}

#[test]
fn seed_prose_paragraphs_are_not_facts() {
    let article = parse_article(DATA_SCIENTIST_VS_MLOPS);
    for fact in article.roles.iter().flat_map(|r| &r.facts) {
        for prose in [
            "These steps",
            "Mlops solutions",
            "Here are the differences",
            "So that was",
        ] {
            assert!(!fact.text.starts_with(prose), "{:?}", fact.text);
        }
    }
}

#[test]
fn no_role_gives_one_warning_at_line_one() {
    let article = read("just some words.\nand more words\n");
    assert!(article.roles.is_empty());
    assert_eq!(article.warnings.len(), 1);
    assert_eq!(article.warnings[0].0, 1);
    assert!(article.warnings[0].1.starts_with("no role found"));
}

#[test]
fn roles_fall_back_to_a_versus_heading() {
    let article = read("Intro text here.\nDifferences Between Data Analyst vs BI Developer\n- Data Analysts query.\n- Both write SQL.\n");
    let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Data Analyst", "BI Developer"]);
    assert_eq!(
        texts(&article.roles[0], Section::Differences),
        ["Data Analysts query.", "Both write SQL."]
    );
    assert_eq!(
        texts(&article.roles[1], Section::Differences),
        ["Both write SQL."]
    );
}

#[test]
fn lists_without_an_intro_are_skipped_with_one_warning() {
    let article =
        read("Data Analyst\nA Data Analyst is someone who analyses data.\n- one\n- two\n");
    assert!(texts(&article.roles[0], Section::Responsibilities).is_empty());
    assert_eq!(
        article.warnings,
        vec![(
            3,
            "list with no introduction (such as \"…responsibilities:\"); skipped".to_string()
        )]
    );
}

#[test]
fn list_intros_pick_their_section_and_fall_back_to_the_heading_role() {
    let article = read("Data Analyst\nYou will need these skills:\n- SQL\n\n- Excel\nThe tools you use:\n- Tableau\n");
    let analyst = &article.roles[0];
    assert_eq!(texts(analyst, Section::Skills), ["SQL", "Excel"]);
    assert_eq!(texts(analyst, Section::Tools), ["Tableau"]);
}

#[test]
fn recognises_headings() {
    assert_eq!(
        heading("Data Scientists"),
        Some(Heading::Role("Data Scientist".into()))
    );
    assert_eq!(
        heading("Machine Learning Operations Engineer"),
        Some(Heading::Role(MLOPS.into()))
    );
    assert_eq!(heading("Conclusion"), Some(Heading::Other));
    assert!(
        matches!(heading("Differences Between Data Scientist vs Machine Learning Ops Engineer"), Some(Heading::Differences(names)) if names == ["Data Scientist", "Machine Learning Ops Engineer"])
    );
    assert_eq!(
        heading("The Data Scientist"),
        Some(Heading::Role("Data Scientist".into()))
    );
    for line in [
        "If we have to define the relationship between the two-",
        "- Data Scientist",
        "Data Scientist.",
    ] {
        assert!(!matches!(heading(line), Some(Heading::Role(_))), "{line:?}");
    }
}

#[test]
fn lead_ins_are_cut_on_character_boundaries() {
    // U+212A KELVIN SIGN lower-cases to an ASCII 'k' but takes three bytes.
    let article = read("\u{212A}ey Differences Between Data Analyst vs BI Developer\n");
    assert_eq!(article.roles.len(), 2);
}

#[test]
fn items_go_to_the_roles_their_whole_names_say() {
    // The roles are found as whole names, the longest first: "Lead Data Analysts" is the
    // lead, not also the analyst, and "BI Developers'" is the developer.
    let article = read(
        "Differences Between Data Analyst vs Lead Data Analyst vs BI Developer\n\
         - Lead Data Analysts manage people.\n\
         - BI Developers' dashboards ship weekly.\n\
         - Data-analysts query.\n",
    );
    let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Data Analyst", "Lead Data Analyst", "BI Developer"]);
    assert_eq!(
        texts(&article.roles[0], Section::Differences),
        ["Data-analysts query."]
    );
    assert_eq!(
        texts(&article.roles[1], Section::Differences),
        ["Lead Data Analysts manage people."]
    );
    assert_eq!(
        texts(&article.roles[2], Section::Differences),
        ["BI Developers' dashboards ship weekly."]
    );
}
