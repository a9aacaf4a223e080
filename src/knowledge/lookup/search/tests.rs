use super::*;
use crate::knowledge::model::Fact;
use std::collections::BTreeMap;

fn role(name: &str, facts: &[(Section, &str)]) -> Role {
    let mut sections: BTreeMap<Section, Vec<Fact>> = BTreeMap::new();
    for (section, text) in facts {
        sections
            .entry(*section)
            .or_default()
            .push(Fact::new(text.to_string(), vec![0], None));
    }
    Role {
        slug: crate::knowledge::text::names::slugify(name),
        name: name.into(),
        aliases: Vec::new(),
        sections,
        competencies: Vec::new(),
        sources: vec![0],
        notes: Vec::new(),
    }
}

fn taxonomy() -> Taxonomy {
    Taxonomy::from_toml(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/knowledge/skills.toml"
    )))
    .expect("taxonomy")
}

#[test]
fn ranks_the_facts_that_match_most_and_rarest_words_first() {
    let tax = taxonomy();
    let roles = [
        role(
            "Data Engineer",
            &[
                (
                    Section::Responsibilities,
                    "Build and maintain data pipelines.",
                ),
                (Section::Tools, "Orchestration: Apache Airflow, Luigi."),
            ],
        ),
        role(
            "Analyst",
            &[
                (
                    Section::Responsibilities,
                    "Build dashboards for the business.",
                ),
                (Section::Skills, "Data analysis with Python."),
            ],
        ),
    ];
    let index = FactIndex::build(&roles, &tax);
    let hits = index.search("how do I build data pipelines?", &tax, 5);
    assert_eq!(hits[0].fact.role, 0);
    assert_eq!(hits[0].fact.section, Section::Responsibilities);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(index.search("weather tomorrow", &tax, 5).is_empty());
}

#[test]
fn a_text_stated_in_several_places_is_found_in_each_and_scored_per_fact() {
    let tax = taxonomy();
    let shared = "Build and maintain data pipelines.";
    let roles = [
        role(
            "Data Engineer",
            &[
                (Section::Responsibilities, shared),
                (Section::Skills, "Pipelines."),
            ],
        ),
        role("Analyst", &[(Section::Responsibilities, shared)]),
    ];
    let index = FactIndex::build(&roles, &tax);
    let hits = index.search("data pipelines", &tax, 10);
    let places: Vec<(usize, Section)> =
        hits.iter().map(|h| (h.fact.role, h.fact.section)).collect();
    assert!(
        places.contains(&(0, Section::Responsibilities)),
        "{places:?}"
    );
    assert!(
        places.contains(&(1, Section::Responsibilities)),
        "{places:?}"
    );
    assert_eq!(hits.len(), 3);
    // Three facts, two holding the shared text: "data" is in two of three facts.
    assert!((index.share_with("data") - 2.0 / 3.0).abs() < 1e-6);
    assert_eq!(index.search("data pipelines", &tax, 1).len(), 1);
}

#[test]
fn a_taxonomy_alias_finds_the_canonical_name() {
    let tax = taxonomy();
    let roles = [role(
        "ML Engineer",
        &[(
            Section::Tools,
            "Machine Learning Frameworks: Scikit-learn, Keras.",
        )],
    )];
    let index = FactIndex::build(&roles, &tax);
    let hits = index.search("sklearn", &tax, 5);
    assert_eq!(hits.len(), 1, "{hits:?}");
}

/// What `index` finds for each of `queries`, with scores, and how much each word is shared.
fn findings(index: &FactIndex, tax: &Taxonomy, queries: &[&str]) -> Vec<String> {
    queries
        .iter()
        .map(|query| {
            format!(
                "{query}: {:?} {}",
                index.search(query, tax, 50),
                index.share_with(query)
            )
        })
        .collect()
}

#[test]
fn an_index_updated_for_changed_roles_finds_what_one_built_from_scratch_finds() {
    let tax = taxonomy();
    let before = vec![
        role(
            "Data Engineer",
            &[
                (Section::Responsibilities, "Build data pipelines."),
                (Section::Tools, "Orchestration: Apache Airflow, Luigi."),
                (Section::Skills, "SQL and Python."),
            ],
        ),
        role(
            "Analyst",
            &[
                (Section::Responsibilities, "Build dashboards."),
                (Section::Skills, "SQL and Python."),
                (Section::Tools, "Tableau, Excel."),
            ],
        ),
        role(
            "Scientist",
            &[
                (Section::Skills, "Statistics and Python."),
                (Section::Tools, "Orchestration: Apache Airflow, Luigi."),
                (Section::Responsibilities, "Python scripts."),
            ],
        ),
    ];
    let queries = [
        "python",
        "sql",
        "airflow",
        "dashboards",
        "tableau",
        "kafka",
        "pipelines",
        "statistics",
        "build",
        "luigi",
    ];
    let index = FactIndex::build(&before, &tax);
    // The analyst loses a fact only it held and gains one a new role shares; the engineer
    // repeats the scientist's; a new role arrives.
    let mut after = before.clone();
    after[1] = role(
        "Analyst",
        &[
            (Section::Skills, "SQL and Python."),
            (Section::Tools, "Kafka streams."),
        ],
    );
    after[0]
        .sections
        .entry(Section::Skills)
        .or_default()
        .push(Fact::new("Statistics and Python.".into(), vec![0], None));
    // A new text tied with one of a later role: found first, as a fresh index numbers it.
    after[0]
        .sections
        .entry(Section::Responsibilities)
        .or_default()
        .push(Fact::new("Python notebooks.".into(), vec![0], None));
    after.push(role(
        "Streaming Engineer",
        &[
            (Section::Tools, "Kafka streams."),
            (Section::Responsibilities, "Build data pipelines."),
        ],
    ));
    let updated = index.update(&after, &[0, 1, 3], &tax);
    let rebuilt = FactIndex::build(&after, &tax);
    assert_eq!(
        findings(&updated, &tax, &queries),
        findings(&rebuilt, &tax, &queries)
    );
    assert_eq!(updated.fact_count, rebuilt.fact_count);
    assert_eq!(updated.average_length, rebuilt.average_length);
    assert!(updated.search("dashboards", &tax, 5).is_empty(), "gone");
    // And once more over the update: its own dead texts stay dead.
    let mut again = after.clone();
    again[2] = role("Scientist", &[(Section::Skills, "Build dashboards.")]);
    assert_eq!(
        findings(&updated.update(&again, &[2], &tax), &tax, &queries),
        findings(&FactIndex::build(&again, &tax), &tax, &queries)
    );
}
