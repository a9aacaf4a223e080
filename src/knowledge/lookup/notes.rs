//! What a fact says, read once: the part of its text that states something, the roles that
//! part names, and its gist for telling repeats apart. Every answer shows facts, most of them
//! again and again; reading each fact on its first use and keeping the notes with it spares
//! an answer from splitting, lower-casing and scanning the same texts on every request.

use std::collections::BTreeSet;

use crate::knowledge::model::notes::Stated;
use crate::knowledge::reading::lines::sentences;
use crate::knowledge::text::stop_words::is_stop_word;
use crate::knowledge::text::words::{split_words, strip_parenthesised};
use crate::knowledge::{Fact, FactNotes, Gist, KnowledgeBase};

impl FactNotes {
    fn read(kb: &KnowledgeBase, text: &str) -> FactNotes {
        let stated = stated_part(text);
        let part = match &stated {
            Stated::Whole => text,
            Stated::Part(part) => part,
            Stated::Nothing => "",
        };
        FactNotes {
            named: kb.roles_in_fact(part),
            gist: Gist::of(kb, part),
            stated,
        }
    }

    /// The part of `text` (the fact's own) that states something; `None` when nothing does.
    pub fn stated<'t>(&'t self, text: &'t str) -> Option<&'t str> {
        match &self.stated {
            Stated::Whole => Some(text),
            Stated::Part(part) => Some(part),
            Stated::Nothing => None,
        }
    }
}

impl KnowledgeBase {
    /// What `fact` (one of this base's) says, read on its first use.
    pub fn notes<'f>(&self, fact: &'f Fact) -> &'f FactNotes {
        fact.notes
            .0
            .get_or_init(|| FactNotes::read(self, &fact.text))
    }
}

#[cfg(test)]
impl KnowledgeBase {
    /// The facts whose notes, read while answering from an earlier base that shared their
    /// role, are not what this base reads in them: none may be.
    pub(crate) fn stale_notes(&self) -> Vec<String> {
        self.roles
            .iter()
            .flat_map(|role| role.sections.values().flatten())
            .filter(|fact| {
                fact.notes
                    .0
                    .get()
                    .is_some_and(|kept| *kept != FactNotes::read(self, &fact.text))
            })
            .map(|fact| fact.text.clone())
            .collect()
    }
}

fn stated_part(text: &str) -> Stated {
    let parts = sentences(text);
    if !parts.iter().any(|s| states_nothing(s)) {
        return Stated::Whole;
    }
    let kept: Vec<&str> = parts.into_iter().filter(|s| !states_nothing(s)).collect();
    match kept.is_empty() {
        true => Stated::Nothing,
        false => Stated::Part(kept.join(" ").into_boxed_str()),
    }
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

/// Whether a sentence says nothing but that the roles differ in some aspect ("There is also
/// a difference in their education."): it introduces a fact, and shown alone it would pass
/// for one.
pub fn states_nothing(sentence: &str) -> bool {
    let words: Vec<String> = split_words(sentence).map(str::to_lowercase).collect();
    let announces = words.iter().any(|w| w.starts_with("differ"));
    announces
        && words.len() <= 12
        && words
            .iter()
            .all(|w| is_stop_word(w) || ANNOUNCING.contains(&w.as_str()))
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

impl Gist {
    pub fn of(kb: &KnowledgeBase, text: &str) -> Gist {
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
    pub fn repeats(&self, other: &Gist) -> bool {
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

    pub fn is_fuller_than(&self, other: &Gist) -> bool {
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
    use crate::knowledge::Section;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge base")
    }

    #[test]
    fn a_sentence_announcing_a_difference_states_nothing() {
        assert!(states_nothing(
            "There is also a difference in their education."
        ));
        assert!(!states_nothing("They differ: one needs a PhD."));
        assert!(!states_nothing("A Master's degree is typical."));
    }

    #[test]
    fn notes_keep_the_stated_part_and_the_roles_it_names() {
        let kb = kb();
        let scientist = kb.resolve("data-scientist").expect("a shipped role");
        let notes = |text: &str| FactNotes::read(&kb, text);

        let whole = notes("Data Scientists write SQL.");
        assert_eq!(
            whole.stated("Data Scientists write SQL."),
            Some("Data Scientists write SQL.")
        );
        assert_eq!(whole.named, [kb.id_of(scientist).expect("its id")]);

        let text = "There is also a difference in their education. A PhD is common.";
        let part = notes(text);
        assert_eq!(part.stated(text), Some("A PhD is common."));
        assert!(part.named.is_empty());

        let text = "There are key differences between the two roles.";
        assert_eq!(notes(text).stated(text), None);
    }

    #[test]
    fn notes_are_read_once_and_are_no_part_of_a_facts_equality() {
        let kb = kb();
        let role = &kb.roles[0];
        let fact = role
            .facts(Section::Definition)
            .first()
            .expect("every shipped role is defined");
        let first: *const FactNotes = kb.notes(fact);
        let again: *const FactNotes = kb.notes(fact);
        assert_eq!(first, again, "read once, then kept");
        let fresh = Fact::new(fact.text.clone(), fact.sources.clone(), fact.filed_from);
        assert_eq!(&fresh, fact);
    }

    #[test]
    fn repeats_are_the_same_list_or_a_subset_of_the_words() {
        let kb = kb();
        let gist = |text: &str| Gist::of(&kb, text);
        assert!(gist("Data Processing Tools: Pandas, NumPy.")
            .repeats(&gist("Data manipulation libraries: Pandas, NumPy")));
        assert!(gist("Automotive (e.g., autonomous vehicles)")
            .repeats(&gist("Automotive and transportation")));
        assert!(!gist("Version control systems: Git")
            .repeats(&gist("Data manipulation libraries: Pandas, NumPy")));
        assert!(gist("Automotive and transportation")
            .is_fuller_than(&gist("Automotive (e.g., autonomous vehicles)")));
    }
}
