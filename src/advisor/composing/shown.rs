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

use crate::knowledge::text::words::split_words;
use std::collections::BTreeSet;

use crate::knowledge::reading::lines::sentences;
use crate::knowledge::text::stop_words::is_stop_word;
use crate::knowledge::text::words::strip_parenthesised;
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
    let own = kb.id_of(role);
    let shown = role.facts(section).iter().filter_map(|fact| {
        let text = text_for(kb, own?, &fact.text, &allowed)?;
        Some(Shown {
            text,
            sources: fact.sources.clone(),
        })
    });
    merge_near_duplicates(kb, shown, most)
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
    text_for(kb, id, &fact.text, &[id])
}

/// What a fact filed under role `own` says in an answer about the roles `allowed` (which
/// holds `own`): a fact naming `own` keeps every sentence that names it, names no role, or
/// names only roles of the answer, and of the others the clause about a role of the answer;
/// a fact not naming `own` is kept as far as it speaks of no role outside the answer.
fn text_for(kb: &KnowledgeBase, own: RoleId, text: &str, allowed: &[RoleId]) -> Option<String> {
    let stated = stated_part(text)?;
    kb.part_for(&stated, own, allowed)
}

/// `text` without its sentences that state nothing ("There is also a difference in their
/// education."): they introduce a fact, and shown alone they would pass for one.
fn stated_part(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    let parts = sentences(text);
    if !parts.iter().any(|s| states_nothing(s)) {
        return Some(std::borrow::Cow::Borrowed(text));
    }
    let kept: Vec<&str> = parts.into_iter().filter(|s| !states_nothing(s)).collect();
    (!kept.is_empty()).then(|| std::borrow::Cow::Owned(kept.join(" ")))
}

/// Words of a sentence that only announces a topic: that roles differ, in which aspect.
const ANNOUNCING: [&str; 24] = [
    "there",
    "difference",
    "differences",
    "different",
    "differ",
    "differs",
    "key",
    "main",
    "notable",
    "significant",
    "between",
    "two",
    "roles",
    "terms",
    "education",
    "educational",
    "background",
    "backgrounds",
    "skills",
    "tools",
    "responsibilities",
    "industries",
    "outlook",
    "requirements",
];

/// Whether a sentence says nothing but that the roles differ in some aspect.
pub fn states_nothing(sentence: &str) -> bool {
    let words: Vec<String> = split_words(sentence).map(str::to_lowercase).collect();
    let announces = words.iter().any(|w| w.starts_with("differ"));
    announces
        && words.len() <= 12
        && words
            .iter()
            .all(|w| is_stop_word(w) || ANNOUNCING.contains(&w.as_str()))
}

/// Facts saying one thing twice, merged into the first one's place with the fuller wording
/// and both sources.
fn merge_near_duplicates(
    kb: &KnowledgeBase,
    facts: impl IntoIterator<Item = Shown>,
    most: usize,
) -> Vec<Shown> {
    let mut kept: Vec<(Shown, Gist)> = Vec::new();
    for fact in facts {
        if kept.len() == most {
            break;
        }
        let gist = Gist::of(kb, &fact.text);
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

/// Words that change how a fact reads but not what it says ("typically holds a degree").
const FILLER: [&str; 10] = [
    "typically",
    "usually",
    "often",
    "generally",
    "commonly",
    "hold",
    "holds",
    "has",
    "having",
    "related",
];

/// What a fact says, for telling repeats apart: its content words outside parentheses, and
/// for a labelled list ("Label: a, b") the skills and tools it names.
#[derive(Debug)]
struct Gist {
    words: BTreeSet<String>,
    listed: Option<BTreeSet<String>>,
    length: usize,
}

impl Gist {
    fn of(kb: &KnowledgeBase, text: &str) -> Gist {
        let outside = strip_parenthesised(text);
        let words = split_words(&outside)
            .filter(|w| w.len() > 1)
            .map(str::to_lowercase)
            .filter(|w| !is_stop_word(w) && !FILLER.contains(&w.as_str()))
            .collect();
        let listed = labelled_items(text).map(|items| {
            kb.taxonomy
                .competencies_in(items)
                .into_iter()
                .map(|c| c.key)
                .collect::<BTreeSet<String>>()
        });
        Gist {
            words,
            listed: listed.filter(|items| !items.is_empty()),
            length: text.chars().count(),
        }
    }

    /// Same items listed, or one's words all among the other's and at least half as many.
    fn repeats(&self, other: &Gist) -> bool {
        if let (Some(a), Some(b)) = (&self.listed, &other.listed) {
            return a == b;
        }
        let (small, large) = if self.words.len() <= other.words.len() {
            (&self.words, &other.words)
        } else {
            (&other.words, &self.words)
        };
        // The sizes first: most pairs differ there, and a subset test compares strings.
        !small.is_empty() && small.len() * 2 >= large.len() && small.is_subset(large)
    }

    fn is_fuller_than(&self, other: &Gist) -> bool {
        (self.words.len(), self.length) > (other.words.len(), other.length)
    }
}

/// The items of "Label: a, b, c" with a short label: what the list says, whatever the
/// label calls them.
fn labelled_items(text: &str) -> Option<&str> {
    text.split_once(':')
        .filter(|(label, items)| label.split_whitespace().count() <= 5 && items.contains(','))
        .map(|(_, items)| items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::KnowledgeBase;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge base")
    }

    fn shown(texts: &[(&str, ArticleId)]) -> Vec<Shown> {
        texts
            .iter()
            .map(|(text, source)| Shown {
                text: (*text).to_owned(),
                sources: vec![*source],
            })
            .collect()
    }

    #[test]
    fn repeats_in_other_words_merge_keeping_the_fuller_wording_and_both_sources() {
        let kb = kb();
        let merged = merge_near_duplicates(
            &kb,
            shown(&[
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
            ]),
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
        let facts = shown(&[
            ("Programming languages: Python, R, Java", 0),
            ("Statistical Analysis Software: R, SAS, SPSS.", 0),
            ("Finance and Banking", 0),
            ("Finance and Insurance", 1),
            ("Collect, clean, and organize data from various sources.", 0),
            (
                "Analyze data to identify trends, patterns, and insights.",
                0,
            ),
        ]);
        assert_eq!(merge_near_duplicates(&kb, facts.clone(), usize::MAX), facts);
        assert_eq!(merge_near_duplicates(&kb, facts.clone(), 2), facts[..2]);
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
        assert!(states_nothing(
            "There is also a difference in their education."
        ));
        assert!(!states_nothing(
            "Usually, there is a Master’s Degree in Data Science."
        ));
        assert_eq!(
            stated_part("There is also a difference in their education. Usually, a Master’s.")
                .as_deref(),
            Some("Usually, a Master’s.")
        );
        assert_eq!(stated_part("Their skills differ."), None);
    }
}
