//! What a member is shown of a role's facts: only what speaks of the roles the answer is
//! about, near-duplicates merged (the fuller wording kept, the sources of both).
//!
//! Articles compare pairs of roles, so a fact filed under one role may speak of others. A
//! fact that names the role belongs to it, whatever other role it names too ("The demand
//! for both Machine Learning Engineers and Data Operations Managers…" is the outlook of
//! both); only its sentences about other roles alone are left out. A fact that does not
//! name the role is shown only as far as it speaks of no role outside the answer
//! ([`KnowledgeBase::text_about`]): shown in an answer about neither of the roles it
//! names, it reads as a mistake. Articles also state one thing twice in other words ("Data
//! manipulation libraries: Pandas, NumPy" and "Data Processing Tools: Pandas, NumPy."),
//! which a list shows once.

use std::borrow::Cow;

use crate::knowledge::Gist;
use crate::knowledge::{ArticleId, Fact, KnowledgeBase, Role, RoleId, Section};

/// A fact as an answer shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// Where it was stated; the first is where the wording comes from.
    pub sources: Vec<ArticleId>,
}

/// The facts of `role` under `section` as an answer about `about` (which includes `role`)
/// shows them, in the articles' order.
pub fn facts(kb: &KnowledgeBase, role: &Role, section: Section, about: &[&Role]) -> Vec<Shown> {
    merged(kb, role, section, about, usize::MAX)
}

/// The first `most` of [`facts`]' texts, for a preview: it stops there, so a role stated by
/// hundreds of articles costs no more than one by a few (a fuller wording stated later is
/// in the full list).
pub fn first(
    kb: &KnowledgeBase,
    role: &Role,
    section: Section,
    about: &[&Role],
    most: usize,
) -> Vec<String> {
    merged(kb, role, section, about, most)
        .into_iter()
        .map(|shown| shown.text)
        .collect()
}

fn merged(
    kb: &KnowledgeBase,
    role: &Role,
    section: Section,
    about: &[&Role],
    most: usize,
) -> Vec<Shown> {
    let allowed: Vec<RoleId> = about.iter().filter_map(|r| kb.id_of(r)).collect();
    let Some(own) = kb.id_of(role) else {
        return Vec::new();
    };
    let shown = role.facts(section).iter().filter_map(|fact| {
        let (text, gist) = shown_with_gist(kb, own, fact, &allowed)?;
        let shown = Shown {
            text,
            sources: fact.sources.clone(),
        };
        Some((shown, gist))
    });
    merge_near_duplicates(shown, most)
}

/// [`facts`]' texts, for bullet lists.
pub fn texts(kb: &KnowledgeBase, role: &Role, section: Section, about: &[&Role]) -> Vec<String> {
    facts(kb, role, section, about)
        .into_iter()
        .map(|shown| shown.text)
        .collect()
}

/// What a fact says of `role` alone: all of it, or (for a fact that also speaks of other
/// roles) its sentences about this one; `None` when it says nothing of this role.
pub fn own_text(kb: &KnowledgeBase, role: &Role, fact: &Fact) -> Option<String> {
    let id = kb.id_of(role)?;
    shown_with_gist(kb, id, fact, &[id]).map(|(text, _)| text)
}

/// What a fact filed under role `own` says in an answer about the roles `allowed` (which
/// holds `own`), with its gist: a fact naming `own` keeps every sentence that names it,
/// names no role, or names only roles of the answer, and of the others the clause about a
/// role of the answer; a fact not naming `own` is kept as far as it speaks of no role
/// outside the answer. Sentences that state nothing are never shown. Nearly every fact is
/// shown whole, with the notes read when it was first shown.
fn shown_with_gist<'f>(
    kb: &KnowledgeBase,
    own: RoleId,
    fact: &'f Fact,
    allowed: &[RoleId],
) -> Option<(String, Cow<'f, Gist>)> {
    let notes = kb.notes(fact);
    let stated = notes.stated(&fact.text)?;
    if notes.named.iter().all(|r| allowed.contains(r)) {
        return Some((stated.to_owned(), Cow::Borrowed(&notes.gist)));
    }
    let part = kb.part_for(stated, own, allowed)?;
    let gist = Gist::of(kb, &part);
    Some((part, Cow::Owned(gist)))
}

/// Facts saying one thing twice, merged into the first one's place with the fuller wording
/// and both sources.
fn merge_near_duplicates<'g>(
    facts: impl IntoIterator<Item = (Shown, Cow<'g, Gist>)>,
    most: usize,
) -> Vec<Shown> {
    let mut kept: Vec<(Shown, Cow<'g, Gist>)> = Vec::new();
    for (fact, gist) in facts {
        if kept.len() == most {
            break;
        }
        match kept.iter_mut().find(|(_, other)| gist.repeats(other)) {
            Some((earlier, other)) => {
                for source in fact.sources {
                    if !earlier.sources.contains(&source) {
                        earlier.sources.push(source);
                    }
                }
                if gist.is_fuller_than(other) {
                    earlier.text = fact.text;
                    *other = gist;
                }
            }
            None => kept.push((fact, gist)),
        }
    }
    kept.into_iter().map(|(fact, _)| fact).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::reading::lines::sentences;
    use crate::knowledge::KnowledgeBase;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge base")
    }

    fn shown(kb: &KnowledgeBase, texts: &[(&str, ArticleId)]) -> Vec<(Shown, Cow<'static, Gist>)> {
        texts
            .iter()
            .map(|(text, source)| {
                let shown = Shown {
                    text: (*text).to_owned(),
                    sources: vec![*source],
                };
                (shown, Cow::Owned(Gist::of(kb, text)))
            })
            .collect()
    }

    #[test]
    fn repeats_in_other_words_merge_keeping_the_fuller_wording_and_both_sources() {
        let kb = kb();
        let merged = merge_near_duplicates(
            shown(
                &kb,
                &[
                ("Data manipulation libraries: Pandas, NumPy", 0),
                ("Version control systems: Git", 0),
                ("Data Processing Tools: Pandas, NumPy.", 1),
                ("Automotive (e.g., autonomous vehicles)", 2),
                ("Automotive and transportation", 1),
                (
                    "Typically holds a degree in Computer Science, Data Science, Mathematics, or a related field.",
                    2,
                ),
                (
                    "Bachelor’s or Master’s degree in Computer Science, Data Science, Mathematics, or a related field.",
                    0,
                ),
                ],
            ),
            usize::MAX,
        );
        let texts: Vec<&str> = merged.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Data manipulation libraries: Pandas, NumPy",
                "Version control systems: Git",
                "Automotive and transportation",
                "Bachelor’s or Master’s degree in Computer Science, Data Science, Mathematics, or a related field.",
            ]
        );
        assert_eq!(merged[0].sources, [0, 1]);
        assert_eq!(merged[2].sources, [2, 1]);
    }

    #[test]
    fn different_facts_stay_apart() {
        let kb = kb();
        let facts = shown(
            &kb,
            &[
                ("Programming languages: Python, R, Java", 0),
                ("Statistical Analysis Software: R, SAS, SPSS.", 0),
                ("Finance and Banking", 0),
                ("Finance and Insurance", 1),
                ("Collect, clean, and organize data from various sources.", 0),
                (
                    "Analyze data to identify trends, patterns, and insights.",
                    0,
                ),
            ],
        );
        let alone: Vec<Shown> = facts.iter().map(|(shown, _)| shown.clone()).collect();
        assert_eq!(merge_near_duplicates(facts.clone(), usize::MAX), alone);
        assert_eq!(merge_near_duplicates(facts, 2), alone[..2]);
    }

    #[test]
    fn another_role_is_named_only_in_a_sentence_that_names_the_role_too() {
        let kb = kb();
        let specialist = kb.resolve("data-specialist").expect("a seed role");
        let engineer = kb
            .resolve("machine-learning-engineer")
            .expect("a seed role");
        let about = [engineer, specialist];
        for section in Section::ALL {
            for role in about {
                for text in texts(&kb, role, section, &about) {
                    for sentence in sentences(&text) {
                        assert!(
                            !sentence.contains("Data Operations Manager")
                                || sentence.contains(&role.name),
                            "{section:?} of {}: {text}",
                            role.name
                        );
                    }
                }
            }
        }
        // "Build a Strong Foundation: For Machine Learning Engineers, focus on programming…
        // For Data Operations Managers, …": the sentence about the other role stays out.
        let tips = texts(&kb, engineer, Section::Tips, &[engineer]);
        for sentence in tips.iter().flat_map(|t| sentences(t)) {
            assert!(
                !sentence.contains("Data Operations") || sentence.contains(&engineer.name),
                "{tips:?}"
            );
        }
        assert!(!tips.is_empty());
    }

    #[test]
    fn a_fact_naming_two_roles_is_shown_for_each_of_them() {
        let kb = kb();
        let manager = kb.resolve("data-operations-manager").expect("a seed role");
        let engineer = kb
            .resolve("machine-learning-engineer")
            .expect("a seed role");
        for role in [manager, engineer] {
            let outlook = texts(&kb, role, Section::Outlook, &[role]);
            assert!(
                outlook
                    .iter()
                    .any(|t| t.contains("Machine Learning Engineers and Data Operations Managers")),
                "{}: {outlook:?}",
                role.name
            );
        }
    }

    #[test]
    fn a_repeat_that_names_more_keeps_what_it_adds() {
        let kb = kb();
        let engineer = kb
            .resolve("machine-learning-engineer")
            .expect("a seed role");
        let tools = texts(&kb, engineer, Section::Tools, &[engineer]);
        for named in ["C++", "Google Cloud, Azure", "Azure Machine Learning"] {
            assert!(
                tools.iter().any(|t| t.contains(named)),
                "{named}: {tools:?}"
            );
        }
    }

    #[test]
    fn a_sentence_that_states_nothing_is_not_shown() {
        let kb = kb();
        let fact = |text: &str| Fact::new(text.to_owned(), vec![0], None);
        let own = |fact: &Fact| shown_with_gist(&kb, 0, fact, &[0]).map(|(text, _)| text);
        let part = fact("There is also a difference in their education. Usually, a Master’s.");
        assert_eq!(own(&part).as_deref(), Some("Usually, a Master’s."));
        assert_eq!(own(&fact("Their skills differ.")), None);
    }
}
