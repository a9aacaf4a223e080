use super::*;
use std::collections::BTreeMap;

fn role(name: &str, aliases: &[&str]) -> Role {
    Role {
        slug: crate::knowledge::names::slugify(name),
        name: name.into(),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        sections: BTreeMap::new(),
        competencies: Vec::new(),
        sources: Vec::new(),
        notes: Vec::new(),
    }
}

fn index() -> RoleIndex {
    RoleIndex::build(&[
        role("Machine Learning Engineer", &["mle", "ML Engineer"]),
        role("Data Specialist", &[]),
        role("Data Scientist", &[]),
        role("MLOps Engineer", &["Machine Learning Operations Engineer"]),
    ])
}

#[test]
fn exact_matches_names_slugs_and_aliases() {
    let index = index();
    assert_eq!(index.exact("machine-learning-engineer"), Some(0));
    assert_eq!(index.exact("ML engineer"), Some(0));
    assert_eq!(index.exact("Data Scientists"), Some(2));
    assert_eq!(index.exact("astronaut"), None);
}

#[test]
fn typos_resolve_to_a_clear_winner_only() {
    let index = index();
    assert_eq!(index.resolve("data specalist"), Some(1));
    assert_eq!(index.resolve("machine lerning engineer"), Some(0));
    assert_eq!(index.resolve("data"), None, "ambiguous between three roles");
}

#[test]
fn completion_prefers_whole_name_prefixes_then_word_prefixes() {
    let index = index();
    let mut data = index.complete("data s", 25);
    data.sort_unstable();
    assert_eq!(data, vec![1, 2]);
    let engineers = index.complete("engineer", 25);
    assert!(engineers.contains(&0) && engineers.contains(&3));
    assert_eq!(index.complete("mach", 1), vec![0]);
}

#[test]
fn completion_tolerates_typos() {
    assert!(index().complete("mlops enginer", 25).contains(&3));
}
