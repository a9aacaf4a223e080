//! Which roles a fact speaks of: every role's names and aliases, found in facts, and the
//! part of a fact about given roles.

use std::borrow::{Borrow, Cow};
use std::ops::Range;

use crate::knowledge::reading::lines::sentences;
use crate::knowledge::text::finder::NameFinder;
use crate::knowledge::Role;

/// Every role's names and aliases, found in the facts that name them: which roles a fact
/// speaks of. Exact, unlike a question's reader: facts are written by authors, and this runs
/// over many of them.
#[derive(Debug, Default)]
pub struct RoleNames {
    finder: NameFinder,
}

impl RoleNames {
    pub fn build<R: Borrow<Role>>(roles: &[R]) -> RoleNames {
        let mut finder = NameFinder::default();
        for (id, role) in roles.iter().enumerate() {
            for name in RoleNames::names_of(role.borrow()) {
                finder.insert(name, id);
            }
        }
        RoleNames { finder }
    }

    /// The names of `role` looked for in facts: its name and aliases, but not two letters
    /// ("DS"), too often part of something else in prose.
    pub fn names_of(role: &Role) -> impl Iterator<Item = &str> {
        std::iter::once(&role.name)
            .chain(&role.aliases)
            .map(String::as_str)
            .filter(|name| name.trim().chars().count() >= 3)
    }

    /// These names with some roles' changed: the keys `gone` taken out, then each of
    /// `added` (a name and its role) put in, in order. `None` when that cannot be done in
    /// place (see [`NameFinder::remove_short`]) or an added name is already another role's:
    /// then the names are built again from every role.
    pub fn changed(&self, gone: &[String], added: &[(&str, usize)]) -> Option<RoleNames> {
        let mut finder = self.finder.clone();
        for key in gone {
            if !finder.remove_short(key) {
                return None;
            }
        }
        for &(name, id) in added {
            if finder.get(name).is_some_and(|owner| owner != id) {
                return None;
            }
            finder.insert(name, id);
        }
        Some(RoleNames { finder })
    }

    /// The roles `text` names, each once, in order of first mention.
    pub fn named_in(&self, text: &str) -> Vec<usize> {
        self.finder.ids_in(text)
    }

    /// Every role name in `text`: where it stands, and whose it is.
    pub fn names_in(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        self.finder
            .find_in(text)
            .into_iter()
            .map(|found| (found.span, found.id))
            .collect()
    }
}

/// Conjunctions that join a clause about one role to a clause about another. A plain "and"
/// or "but" also joins clauses that only make sense together, so they are not split on.
const CONTRASTS: [&str; 3] = [" whereas ", " while ", "; "];

impl RoleNames {
    /// The part of `text` that speaks of no role but those of `allowed`: all of it when it
    /// names no other role; else its sentences (and, in a sentence contrasting two roles,
    /// its clauses) that name none; `None` when nothing is left. A fact about a pair of roles
    /// is shown about one of them only as far as it speaks of that one.
    pub fn text_about<'t>(&self, text: &'t str, allowed: &[usize]) -> Option<Cow<'t, str>> {
        let fits = |part: &str| self.named_in(part).iter().all(|r| allowed.contains(r));
        if fits(text) {
            return Some(Cow::Borrowed(text));
        }
        let mut kept: Vec<String> = Vec::new();
        for sentence in sentences(text) {
            if fits(sentence) {
                kept.push(sentence.to_owned());
            } else if let Some(clause) = self.clause_about(sentence, allowed) {
                kept.push(clause);
            }
        }
        // What is left must still speak of one of the roles, not only around them.
        let speaks = kept.iter().any(|part| !self.named_in(part).is_empty());
        (speaks && !kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
    }

    /// What a fact filed under role `own` says in an answer about the roles `allowed`
    /// (which holds `own`). A fact naming `own` belongs to it, whatever other role it names
    /// too: each sentence is kept that names it, names no role or only roles of `allowed`;
    /// of a sentence contrasting roles, the clause about those of `allowed`; the rest (a
    /// sentence about other roles alone) is left out. A fact not naming `own` is kept as far
    /// as it speaks of no role outside `allowed` ([`RoleNames::text_about`]).
    pub fn part_for(&self, text: &str, own: usize, allowed: &[usize]) -> Option<String> {
        let named = self.named_in(text);
        if named.iter().all(|r| allowed.contains(r)) {
            // The common case, without reading the text again.
            return Some(text.to_owned());
        }
        if !named.contains(&own) {
            return self.text_about(text, allowed).map(Cow::into_owned);
        }
        let kept: Vec<String> = sentences(text)
            .into_iter()
            .filter_map(|sentence| match self.text_about(sentence, allowed) {
                Some(part) => Some(part.into_owned()),
                // "The demand for both A and B…" is about each of them.
                None if self.named_in(sentence).contains(&own) => Some(sentence.to_owned()),
                None => None,
            })
            .collect();
        (!kept.is_empty()).then(|| kept.join(" "))
    }

    /// The one clause of a contrasting sentence that names only roles of `allowed`, as a
    /// sentence of its own.
    fn clause_about(&self, sentence: &str, allowed: &[usize]) -> Option<String> {
        for contrast in CONTRASTS {
            let clauses: Vec<&str> = sentence.split(contrast).collect();
            if clauses.len() < 2 {
                continue;
            }
            let alone: Vec<&str> = clauses
                .iter()
                .copied()
                .filter(|clause| {
                    let named = self.named_in(clause);
                    !named.is_empty() && named.iter().all(|r| allowed.contains(r))
                })
                .collect();
            if let [clause] = alone.as_slice() {
                return Some(as_sentence(clause));
            }
        }
        None
    }
}

/// A clause as a sentence: capitalised, ending with a full stop.
fn as_sentence(clause: &str) -> String {
    let clause = clause.trim().trim_end_matches([',', ';', '.']);
    let mut chars = clause.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    out.push('.');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str, aliases: &[&str]) -> Role {
        Role::bare(name, aliases)
    }

    #[test]
    fn names_change_in_place_or_say_they_must_be_built_again() {
        let names = RoleNames::build(&[
            role("Quantum Forecast Analyst", &["QFA"]),
            role("Data Steward", &[]),
        ]);
        assert_eq!(names.named_in("a QFA and a data steward"), [0, 1]);
        // An acronym lost, a role gained: what building them from scratch finds.
        let changed = names
            .changed(&["qfa".into()], &[("Grid Planner", 2), ("GPL", 2)])
            .expect("in place");
        assert_eq!(
            changed.named_in("a QFA, a grid planner, the GPL, a data steward"),
            [2, 1]
        );
        // A name of three words named its first words too: not taken out alone.
        assert!(names
            .changed(&["quantum forecast analyst".into()], &[])
            .is_none());
        // Another role's name is not taken over.
        assert!(names.changed(&[], &[("Data Steward", 2)]).is_none());
        assert!(names.changed(&[], &[("Data Steward", 1)]).is_some());
    }
}
