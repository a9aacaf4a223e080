//! An honesty oracle: every statement an answer makes about the knowledge base is checked
//! against the facts themselves, for every role × aspect and every term of the taxonomy,
//! on the shipped articles and on generated knowledge bases.
//!
//! The oracle reads `knowledge/skills.toml` itself and finds terms and role names in the
//! raw fact texts with its own simple matcher (whole words, any case, the longest spelling
//! winning an overlap), sharing no code with `rolecall::knowledge::lookup::terms` or the mentions
//! index it checks: a wrong normalisation there must not make a wrong check here.

use std::sync::Arc;

use rolecall::advisor;
use rolecall::commands::request::KnowledgeRequest;
use rolecall::commands::Audience;
use rolecall::knowledge::{Document, KnowledgeBase, Role, Section};
use rolecall::reply::Reply;

use crate::support::{shipped_kb, shipped_knowledge};

mod answers;
mod matcher;
use answers::{check_reverse, check_yes_no};
use matcher::{OracleTerm, Words};

/// Categories of `skills.toml` that are tools, as the file's own comment groups them.
const TOOL_CATEGORIES: [&str; 6] = [
    "framework",
    "data-tool",
    "database",
    "visualization",
    "cloud",
    "devops",
];
/// Words that make a statement a requirement.
const REQUIRED_WORDS: [&str; 7] = [
    "must",
    "required",
    "requires",
    "require",
    "mandatory",
    "essential",
    "necessary",
];
/// The aspects `/role` answers one at a time.
const ASPECTS: [Section; 7] = [
    Section::Responsibilities,
    Section::Skills,
    Section::Education,
    Section::Tools,
    Section::Industries,
    Section::Outlook,
    Section::Tips,
];

fn answer(kb: &KnowledgeBase, request: KnowledgeRequest) -> Reply {
    advisor::answer(kb, &request, Audience::Everyone).unwrap_or_else(|problem| problem.reply())
}

fn aspect_answer(kb: &KnowledgeBase, role: &Role, section: Section, focus: Option<&str>) -> Reply {
    answer(
        kb,
        KnowledgeRequest::Role {
            role: role.slug.clone(),
            aspect: Some(section),
            focus: focus.map(str::to_owned),
            page: 1,
        },
    )
}

fn description(reply: &Reply) -> &str {
    reply
        .embeds()
        .first()
        .map_or("", |embed| embed.description_text())
}

fn field<'r>(reply: &'r Reply, name_starts: &str) -> Option<&'r str> {
    reply
        .embeds()
        .first()?
        .fields()
        .iter()
        .find(|f| f.name.starts_with(name_starts))
        .map(|f| f.value.as_str())
}

/// The shipped taxonomy as the oracle reads it, plus the qualifications.
fn oracle_terms() -> (Vec<OracleTerm>, Vec<String>) {
    let text = std::fs::read_to_string(shipped_knowledge().join("skills.toml"))
        .expect("the shipped taxonomy");
    matcher::read_taxonomy(&text)
}

/// The shipped knowledge base, and generated ones (with the shipped taxonomy, so their
/// facts name its terms).
fn knowledge_bases() -> Vec<(String, Arc<KnowledgeBase>)> {
    let taxonomy = Document {
        path: "skills.toml".into(),
        bytes: std::fs::read(shipped_knowledge().join("skills.toml")).expect("the taxonomy"),
    };
    let mut bases = vec![("shipped".to_owned(), Arc::clone(shipped_kb()))];
    for (name, mut documents) in [
        ("synthetic", rolecall::synthetic::articles(12, 7)),
        ("mixed", rolecall::synthetic::mixed_articles(12, 11)),
    ] {
        documents.push(taxonomy.clone());
        let kb = KnowledgeBase::from_documents(&documents, name).expect("generated roles");
        bases.push((name.to_owned(), Arc::new(kb)));
    }
    bases
}

#[test]
fn nothing_about_an_aspect_only_when_the_role_has_no_fact_for_it() {
    let (terms, ignored) = oracle_terms();
    for (name, kb) in knowledge_bases() {
        let words = Words::new(&kb, &terms, &ignored);
        for (id, role) in kb.roles.iter().enumerate() {
            for section in ASPECTS {
                let own = role
                    .facts(section)
                    .iter()
                    .any(|fact| !words.own_parts(id, &fact.text).is_empty());
                let named = match section {
                    Section::Skills => words.competencies_of(role, false),
                    Section::Tools => words.competencies_of(role, true),
                    _ => Vec::new(),
                };
                let reply = aspect_answer(&kb, role, section, None);
                let says_nothing = description(&reply).contains("say nothing about");
                assert_eq!(
                    says_nothing,
                    !own && named.is_empty(),
                    "{name}: {} {section:?}: {}",
                    role.name,
                    description(&reply)
                );
            }
        }
        comparisons_cover_what_the_roles_have(&name, &kb, &words);
    }
}

/// A comparison's column says "Not covered" only for a role with no fact of its own for
/// the aspect (it may show facts about the pair that do not name the role).
fn comparisons_cover_what_the_roles_have(name: &str, kb: &KnowledgeBase, words: &Words) {
    let count = kb.roles.len().min(6);
    for a in 0..count {
        for b in (0..count).filter(|&b| b != a) {
            for section in ASPECTS {
                let (ra, rb) = (&kb.roles[a], &kb.roles[b]);
                let reply = answer(
                    kb,
                    KnowledgeRequest::Compare {
                        a: ra.slug.clone(),
                        b: rb.slug.clone(),
                        aspect: Some(section),
                    },
                );
                let columns = reply.embeds().iter().flat_map(|e| e.fields()).zip([a, b]);
                for (field, id) in columns {
                    let role = &kb.roles[id];
                    let own = role
                        .facts(section)
                        .iter()
                        .any(|fact| !words.own_parts(id, &fact.text).is_empty());
                    assert!(
                        !(own && field.value.contains("Not covered")),
                        "{name}: {} vs {} {section:?}: {} has facts, yet {}",
                        ra.name,
                        rb.name,
                        role.name,
                        field.value
                    );
                }
            }
        }
    }
}

#[test]
fn reverse_and_yes_no_answers_name_exactly_the_roles_whose_facts_name_the_term() {
    let (terms, ignored) = oracle_terms();
    for (name, kb) in knowledge_bases() {
        let words = Words::new(&kb, &terms, &ignored);
        let mut named_terms = 0;
        for term in &terms {
            let naming = words.roles_naming(term);
            named_terms += usize::from(!naming.is_empty());
            check_reverse(&kb, &words, term, &naming).unwrap_or_else(|e| panic!("{name}: {e}"));
            // Every role that names it, and one that does not, answer "does X need it?".
            let unnamed = (0..kb.roles.len()).find(|id| !naming.iter().any(|(r, _)| r == id));
            let asked = naming.iter().map(|(id, _)| *id).chain(unnamed);
            for id in asked {
                check_yes_no(&kb, &words, term, id, &naming)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
        // Not checked vacuously: the facts name many terms.
        assert!(named_terms >= 10, "{name}: only {named_terms} terms named");
    }
}

#[test]
fn tools_lines_list_only_tools_and_skills_lines_lead_with_what_the_role_names() {
    let (terms, ignored) = oracle_terms();
    for (name, kb) in knowledge_bases() {
        let words = Words::new(&kb, &terms, &ignored);
        let is_tool = |item: &str| {
            terms
                .iter()
                .find(|t| t.name == item)
                .is_some_and(|t| TOOL_CATEGORIES.contains(&t.category.as_str()))
        };
        for role in &kb.roles {
            for (section, tools) in [(Section::Skills, false), (Section::Tools, true)] {
                let reply = aspect_answer(&kb, role, section, None);
                let text = description(&reply);
                let lead = text.lines().find_map(|l| {
                    l.strip_prefix(if tools {
                        "**Tools the articles name**: "
                    } else {
                        "**Skills the articles name**: "
                    })
                });
                let expected = words.competencies_of(role, tools);
                let Some(lead) = lead else {
                    assert!(
                        expected.is_empty(),
                        "{name}: {} {section:?} leads with none of {expected:?}",
                        role.name
                    );
                    continue;
                };
                let items: Vec<&str> = lead
                    .split(" …and")
                    .next()
                    .unwrap_or(lead)
                    .split(", ")
                    .collect();
                for item in &items {
                    assert_eq!(
                        is_tool(item),
                        tools,
                        "{name}: {} {section:?} lists {item}",
                        role.name
                    );
                    // What the lead names, a fact of the role names: no answer denies it.
                    assert!(
                        words.role_names_item(role, item),
                        "{name}: {} {section:?} lists {item}, no fact of it names it",
                        role.name
                    );
                }
                if expected.len() <= items.len() {
                    for item in &expected {
                        assert!(
                            items.contains(&item.as_str()),
                            "{name}: {} {section:?} omits {item}: {lead}",
                            role.name
                        );
                    }
                }
            }
        }
        // The overview's Tools lines, every pair (of the first roles, for generated ones).
        let roles: Vec<&Role> = kb.roles.iter().take(8).collect();
        for a in &roles {
            for b in roles.iter().filter(|b| b.slug != a.slug) {
                let reply = answer(
                    &kb,
                    KnowledgeRequest::Compare {
                        a: a.slug.clone(),
                        b: b.slug.clone(),
                        aspect: None,
                    },
                );
                let columns = reply.embeds().iter().flat_map(|e| e.fields()).zip([a, b]);
                for (field, role) in columns {
                    let id = kb.roles.iter().position(|r| r.slug == role.slug);
                    // A qualification a fact of the role states, its Education line states.
                    let stated = role
                        .facts(Section::Education)
                        .iter()
                        .flat_map(|fact| words.own_parts(id.unwrap_or(usize::MAX), &fact.text))
                        .any(|part| matcher::names_qualification(&part));
                    for line in field.value.lines() {
                        if let Some(tools) = line.strip_prefix("**Tools**: ") {
                            for item in tools.split(", ") {
                                assert!(
                                    is_tool(item),
                                    "{name}: {} vs {}: {item} is not a tool",
                                    a.name,
                                    b.name
                                );
                            }
                        }
                        if let Some(education) = line.strip_prefix("**Education**: ") {
                            assert!(
                                !matcher::states_nothing(education)
                                    && (!stated || matcher::names_qualification(education)),
                                "{name}: {} vs {}: {education}",
                                a.name,
                                b.name
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The practices the issue names are skills in the taxonomy, so no Tools line lists them.
#[test]
fn practices_are_skills_in_the_taxonomy() {
    let (terms, _) = oracle_terms();
    for practice in [
        "Model deployment",
        "Data visualization",
        "MLOps",
        "DevOps",
        "CI/CD",
    ] {
        let term = terms.iter().find(|t| t.name == practice).expect(practice);
        assert!(
            !TOOL_CATEGORIES.contains(&term.category.as_str()),
            "{practice} is filed as a tool ({})",
            term.category
        );
    }
}

#[test]
fn in_short_says_only_what_the_competencies_back() {
    for (_, kb) in knowledge_bases() {
        in_short_is_backed(&kb);
    }
}

fn in_short_is_backed(kb: &KnowledgeBase) {
    let roles: Vec<&Role> = kb.roles.iter().take(8).collect();
    for a in roles.iter().copied() {
        for b in roles.iter().copied().filter(|b| b.slug != a.slug) {
            let reply = answer(
                kb,
                KnowledgeRequest::Compare {
                    a: a.slug.clone(),
                    b: b.slug.clone(),
                    aspect: None,
                },
            );
            let text = description(&reply);
            assert!(!text.contains("what sets the other apart is"), "{text}");
            for line in text.lines() {
                if let Some(apart) =
                    line.strip_prefix("• **What sets them apart**: the articles name ")
                {
                    for (items, role, other) in matcher::items_for(apart, a, b) {
                        for item in items {
                            let own = role.competencies.iter().any(|c| c.name == item);
                            let theirs = other.competencies.iter().any(|c| c.name == item);
                            assert!(
                                own && !theirs,
                                "{item} does not set {} apart: {line}",
                                role.name
                            );
                        }
                    }
                }
                if let Some(common) =
                    line.strip_prefix("• **Common ground**: both roles' articles name ")
                {
                    let items = common.split(", a head start").next().unwrap_or_default();
                    for item in matcher::and_items(items) {
                        let both = [a, b]
                            .iter()
                            .all(|r| r.competencies.iter().any(|c| c.name == item));
                        assert!(both, "{item} is not named for both: {line}");
                    }
                }
            }
        }
    }
}
