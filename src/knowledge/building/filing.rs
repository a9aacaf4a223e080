//! Facts stated outside a section (a "differences" bullet, an intro sentence of a prose
//! article) filed under every aspect they speak to, so that a role's Education is not "not
//! covered" when an article says "a Master's Degree in Data Science for Data Scientists".
//!
//! A fact speaks to Education when it names a qualification, to Tools or Skills when it names
//! a taxonomy entity of a tool or skill category, to Responsibilities when it says what a
//! role is responsible for, to Outlook when it speaks of demand. A fact that names another
//! role too ("… for Data Scientists whereas a Software Engineering Bachelors for MLOps
//! Engineers") is filed as the clause about its own role when one clause names it alone.
//! Filed copies keep their sources and say where they came from ([`Fact::filed_from`]); they
//! follow the section's own facts.

use std::sync::Arc;

use crate::knowledge::lookup::mentions::RoleNames;
use crate::knowledge::model::{Category, Competency, Fact, Role, Section};
use crate::knowledge::reading::taxonomy::{Entry, Taxonomy};
use crate::knowledge::text::words::split_words;

/// Sections whose facts are filed elsewhere too.
const STRAY: [Section; 1] = [Section::Differences];

/// Words that make a fact about qualifications.
const EDUCATION_WORDS: [&str; 14] = [
    "degree",
    "degrees",
    "bachelor",
    "bachelors",
    "master",
    "masters",
    "phd",
    "doctorate",
    "certification",
    "certifications",
    "certificate",
    "diploma",
    "educational",
    "education",
];

/// Phrases that make a fact about what the role does.
const DUTY_PHRASES: [&str; 3] = ["responsible for", "in charge of", "their job is"];

/// Phrases that make a fact about the job market.
const OUTLOOK_PHRASES: [&str; 4] = ["demand", "job market", "growth", "outlook"];

/// Files every role's stray facts under the aspects they speak to, and leaves out of each
/// role's skills and tools those only the part of a fact about other roles names. Returns
/// the names it found roles by: filing changes no name, so they are the filed roles' too.
pub fn file_stray_facts(roles: &mut [Arc<Role>], taxonomy: &Taxonomy) -> RoleNames {
    let names = RoleNames::build(roles);
    for (id, role) in roles.iter_mut().enumerate() {
        file_role(id, Arc::make_mut(role), taxonomy, &names);
    }
    names
}

/// [`file_stray_facts`] for role `id` alone, with every role's `names`. What it does
/// depends on the role and on the role names found in its facts, nothing else: a role is
/// filed again only when one of those may have changed (`building::finishing`).
pub fn file_role(id: usize, role: &mut Role, taxonomy: &Taxonomy, names: &RoleNames) {
    drop_borrowed_competencies(id, role, taxonomy, names);
    let mut filed: Vec<(Section, Fact)> = Vec::new();
    let mut named: Vec<Competency> = Vec::new();
    for section in STRAY {
        for fact in role.facts(section) {
            // Filed as what it says of this role alone, where it says more.
            let own = names.text_about(&fact.text, &[id]);
            // Its skills are those of the part answers show for this role.
            if let Some(part) = names.part_for(&fact.text, id, &[id]) {
                named.extend(skills_named(&part, taxonomy, names));
            }
            let text = own.map_or_else(|| fact.text.clone(), |own| own.into_owned());
            for aspect in aspects_of(&text, taxonomy, names) {
                filed.push((
                    aspect,
                    Fact::new(text.clone(), fact.sources.clone(), Some(section)),
                ));
            }
        }
    }
    for competency in named {
        add_competency(&mut role.competencies, competency);
    }
    for (aspect, fact) in filed {
        let facts = role.sections.entry(aspect).or_default();
        if !facts.iter().any(|f| f.text == fact.text) {
            facts.push(fact);
        }
    }
}

/// A fact filed under a role may speak of another ("Collaborate with data scientists to
/// refine data collection"); answers show it for the roles it names only (see
/// `advisor::shown`), so what only that part names is not the role's skill: merging counted
/// it once per article stating the fact, which is taken back here.
fn drop_borrowed_competencies(id: usize, role: &mut Role, taxonomy: &Taxonomy, names: &RoleNames) {
    let mut borrowed: Vec<(String, u32)> = Vec::new();
    for section in crate::knowledge::building::merge::COMPETENCY_SECTIONS {
        for fact in role.facts(section) {
            if names.named_in(&fact.text).is_empty() {
                continue;
            }
            let own: Vec<String> = names
                .part_for(&fact.text, id, &[id])
                .map(|own| crate::knowledge::building::merge::competencies(taxonomy, section, &own))
                .unwrap_or_default()
                .into_iter()
                .map(|c| c.key)
                .collect();
            for competency in
                crate::knowledge::building::merge::competencies(taxonomy, section, &fact.text)
            {
                if !own.contains(&competency.key) {
                    borrowed.push((competency.key, fact.sources.len() as u32));
                }
            }
        }
    }
    for (key, times) in borrowed {
        if let Ok(at) = role
            .competencies
            .binary_search_by(|c| c.key.as_str().cmp(&key))
        {
            let competency = &mut role.competencies[at];
            competency.named = competency.named.saturating_sub(times);
            if competency.named == 0 {
                role.competencies.remove(at);
            }
        }
    }
}

/// The skills and tools `text` names, but not one that is part of a role's name ("MLOps"
/// in "MLOps focus more on OOP").
fn skills_named(text: &str, taxonomy: &Taxonomy, names: &RoleNames) -> Vec<Competency> {
    entities_outside_role_names(text, taxonomy, names)
        .map(|entry| taxonomy.competency(&entry.name, entry.category))
        .collect()
}

/// The taxonomy entities `text` names outside the roles' names it names: "MLOps" in
/// "MLOps Engineers focus on…" is the role.
fn entities_outside_role_names<'t>(
    text: &str,
    taxonomy: &'t Taxonomy,
    names: &RoleNames,
) -> impl Iterator<Item = &'t Entry> {
    let roles = names.names_in(text);
    taxonomy
        .mentions_in(text)
        .into_iter()
        .filter(move |(span, _)| {
            !roles
                .iter()
                .any(|(role, _)| role.start < span.end && span.start < role.end)
        })
        .map(|(_, entry)| entry)
}

/// Adds a competency to a role's list, sorted by key with each once (as merging leaves
/// it), counting one more naming of one already there.
fn add_competency(competencies: &mut Vec<Competency>, competency: Competency) {
    match competencies.binary_search_by(|c| c.key.as_str().cmp(&competency.key)) {
        Ok(at) => competencies[at].named += competency.named,
        Err(at) => competencies.insert(at, competency),
    }
}

/// The aspects a fact speaks to, in profile order. A skill or tool that is part of a role's
/// name ("MLOps" in "MLOps Engineers focus on…") is the role, not a tool.
pub fn aspects_of(text: &str, taxonomy: &Taxonomy, names: &RoleNames) -> Vec<Section> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = split_words(&lower).collect();
    let categories: Vec<Category> = entities_outside_role_names(text, taxonomy, names)
        .map(|entry| entry.category)
        .collect();
    let mut aspects = Vec::new();
    if DUTY_PHRASES.iter().any(|p| lower.contains(p)) {
        aspects.push(Section::Responsibilities);
    }
    // The fields a qualification names ("a Software Engineering Bachelors") are what it is
    // in, not skills or tools of their own.
    let qualification = words.iter().any(|w| EDUCATION_WORDS.contains(w))
        || crate::knowledge::lookup::terms::is_qualification(text);
    if !qualification && categories.iter().any(|c| is_skill(*c)) {
        aspects.push(Section::Skills);
    }
    if qualification {
        aspects.push(Section::Education);
    }
    if !qualification && categories.iter().any(|c| c.is_tool()) {
        aspects.push(Section::Tools);
    }
    if OUTLOOK_PHRASES.iter().any(|p| lower.contains(p)) {
        aspects.push(Section::Outlook);
    }
    aspects
}

/// Whether a taxonomy category is a skill one learns (as opposed to a tool one uses).
pub fn is_skill(category: Category) -> bool {
    matches!(
        category,
        Category::Language
            | Category::Method
            | Category::Governance
            | Category::Management
            | Category::SoftSkill
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str, aliases: &[&str]) -> Role {
        Role::bare(name, aliases)
    }

    fn taxonomy() -> Taxonomy {
        Taxonomy::from_toml(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/skills.toml"
        )))
        .expect("taxonomy")
    }

    #[test]
    fn a_difference_is_filed_as_the_clause_about_each_role() {
        let text = "Usually, there is a Master's Degree in Data Science for Data Scientists whereas a Software Engineering Bachelors for MLOps Engineers.";
        let mut roles = vec![
            Arc::new(role("Data Scientist", &[])),
            Arc::new(role("MLOps Engineer", &["MLOps"])),
        ];
        for r in &mut roles {
            Arc::make_mut(r).sections.insert(
                Section::Differences,
                vec![Fact::new(text.into(), vec![3], None)],
            );
        }
        file_stray_facts(&mut roles, &taxonomy());
        let education = |r: &Role| r.facts(Section::Education).to_vec();
        assert_eq!(
            education(&roles[0])[0].text,
            "Usually, there is a Master's Degree in Data Science for Data Scientists."
        );
        assert_eq!(
            education(&roles[1])[0].text,
            "A Software Engineering Bachelors for MLOps Engineers."
        );
        assert_eq!(education(&roles[1])[0].sources, [3]);
        assert_eq!(
            education(&roles[1])[0].filed_from,
            Some(Section::Differences)
        );
    }

    #[test]
    fn named_tools_and_skills_file_under_tools_and_skills() {
        let tax = taxonomy();
        let names = RoleNames::build(&[role("MLOps Engineer", &[]), role("Data Scientist", &[])]);
        assert_eq!(
            aspects_of(
                "MLOps focus more on OOP and work with DevOp tools like Docker and CircleCi",
                &tax,
                &names
            ),
            [Section::Skills, Section::Tools]
        );
        assert_eq!(
            aspects_of(
                "Data Scientists are responsible for choosing and creating the algorithm",
                &tax,
                &names
            ),
            [Section::Responsibilities, Section::Skills]
        );
        assert!(aspects_of("Data Scientists are more research-oriented", &tax, &names).is_empty());
        // "MLOps" names the role here, not the practice.
        assert!(!aspects_of(
            "MLOps Engineers focus on production-ready code.",
            &tax,
            &names
        )
        .contains(&Section::Tools));
    }
}
