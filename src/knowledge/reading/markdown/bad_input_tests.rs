//! Documents nobody should write, read without a panic, in time linear in their size, with
//! warnings rather than guesses. (How long they take is measured by the `markdown` bench,
//! not asserted here.)

use super::parse;
use crate::knowledge::model::Section;
use crate::knowledge::reading::article::parse_document;

/// `count` role headings, each with a definition and a skill. (`synthetic::role_headings`
/// makes the same for the bench; the knowledge layer may not import it.)
fn role_headings(count: usize) -> String {
    (0..count)
        .map(|i| format!("## Role{i} Engineer\n\nA Role{i} Engineer builds system {i}.\n\n### Skills\n\n- Skill {i}\n\n"))
        .collect()
}

#[test]
fn ten_thousand_role_headings_are_ten_thousand_roles() {
    let article = parse(&role_headings(10_000)).expect("structured");
    assert_eq!(article.roles.len(), 10_000);
    let last = &article.roles[9_999];
    assert_eq!(last.name, "Role9999 Engineer");
    assert!(last
        .facts
        .iter()
        .any(|f| f.section == Section::Skills && f.text == "Skill 9999"));
}

#[test]
fn a_two_megabyte_table_is_read_row_by_row() {
    let mut text = String::from(
        "# Data Analyst vs Data Engineer\n\n| | Data Analyst | Data Engineer |\n|---|---|---|\n",
    );
    let row = "| Skills | SQL, Excel, statistics, dashboards | Spark, Kafka, Airflow, Python |\n";
    while text.len() < 2_000_000 {
        text.push_str(row);
    }
    let article = parse(&text).expect("structured");
    assert_eq!(article.roles.len(), 2);
    let rows = text.matches(row).count();
    assert!(article.roles.iter().all(|r| r
        .facts
        .iter()
        .filter(|f| f.section == Section::Skills)
        .count()
        == rows));
}

#[test]
fn lists_nested_a_thousand_deep_do_not_panic() {
    let mut text = String::from("# Data Analyst\n\n## Skills\n\n");
    for depth in 0..1_000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str(&format!("- skill {depth}\n"));
    }
    let article = parse(&text).expect("structured");
    assert_eq!(article.roles.len(), 1);
    assert!(article.roles[0]
        .facts
        .iter()
        .any(|f| f.section == Section::Skills));
}

#[test]
fn every_heading_a_role_noun_gives_roles_only_where_something_is_written() {
    let text = "# Engineer\n\n## Lead Engineer\n\n## Data Engineer\n\nA Data Engineer builds pipelines.\n\n## Analyst\n\n### Manager\n\n#### Specialist\n";
    let article = parse(text).expect("structured");
    let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
    assert!(names.contains(&"Data Engineer"), "{names:?}");
    assert!(!names.contains(&"Lead Engineer"), "{names:?}");
    assert!(!names.contains(&"Specialist"), "{names:?}");
    assert!(
        article
            .warnings
            .iter()
            .any(|(_, m)| m
                .contains("\"Lead Engineer\" names a role but nothing is written under it"))
    );
}

#[test]
fn one_role_under_five_spellings_is_one_role() {
    let text = "# Data Scientist\n\nA Data Scientist tests ideas.\n\n## DATA SCIENTISTS\n\n### Skills\n\n- Statistics\n\n## 2. The Data Scientist\n\n### Tools\n\n- Python\n\n## Data Scientist role\n\n### Education\n\n- A degree\n\n## **data scientist**\n\n### Outlook\n\n- Growing\n";
    let article = parse(text).expect("structured");
    let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Data Scientist"]);
    let sections: Vec<Section> = article.roles[0].facts.iter().map(|f| f.section).collect();
    for section in [
        Section::Skills,
        Section::Tools,
        Section::Education,
        Section::Outlook,
    ] {
        assert!(sections.contains(&section), "{section:?} in {sections:?}");
    }
}

#[test]
fn binary_and_mixed_encodings_give_warnings_not_panics() {
    let mut bytes: Vec<u8> =
        b"# Data Analyst\n\n## Skills\n\n- SQL \xff\xfe caf\xc3\xa9 \xe9t\xe9\n".to_vec();
    bytes.extend((0u8..=255).cycle().take(4_096));
    let text = String::from_utf8_lossy(&bytes);
    let article = parse_document("binary.md", &text);
    assert!(article.roles.iter().all(|r| !r.name.trim().is_empty()));
    let utf16: Vec<u8> = "# Data Analyst\n\n- SQL\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let article = parse_document("utf16.md", &String::from_utf8_lossy(&utf16));
    assert!(
        article.roles.is_empty()
            || !article.warnings.is_empty()
            || !article.roles[0].name.is_empty()
    );
}
