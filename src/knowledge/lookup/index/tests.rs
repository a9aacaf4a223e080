use super::*;
use std::collections::BTreeMap;

fn role(name: &str, aliases: &[&str]) -> Role {
    Role {
        slug: crate::knowledge::text::names::slugify(name),
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

/// The plain ranking the counting array and selection must reproduce: every term sharing a
/// trigram, most shared first, then by term order.
fn candidates_by_sorting(index: &RoleIndex, query: &str) -> Vec<usize> {
    let mut counts: HashMap<usize, u16> = HashMap::new();
    for gram in trigrams(query) {
        for &term in index.trigrams.get(&gram).map_or(&[][..], Vec::as_slice) {
            *counts.entry(term as usize).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(usize, u16)> = counts.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(FUZZY_CANDIDATES)
        .map(|(term, _)| term)
        .collect()
}

proptest::proptest! {
    #[test]
    fn candidates_are_the_most_trigram_sharing_terms(
        names in proptest::collection::vec("[a-f]{2,6}( [a-f]{2,6}){0,2}", 70..200),
        query in "[a-f]{2,6}( [a-f]{1,6})?",
    ) {
        let roles: Vec<Role> = names.iter().map(|n| role(n, &[])).collect();
        let index = RoleIndex::build(&roles);
        proptest::prop_assume!(index.terms.len() > FUZZY_CANDIDATES);
        proptest::prop_assert_eq!(index.candidates(&query), candidates_by_sorting(&index, &query));
    }
}
