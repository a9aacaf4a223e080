//! Recognising roles named in free text (a question, a job title): every run of words is
//! tried as a role's name, slug or alias, longest first, with typos tolerated in names of
//! two words or more. The advisor reads questions with it, the job board tags job titles.

use std::borrow::{Borrow, Cow};
use std::collections::HashMap;
use std::ops::Range;

use crate::knowledge::lookup::terms::is_qualification;
use crate::knowledge::reading::lines::sentences;
use crate::knowledge::text::finder::NameFinder;
use crate::knowledge::text::fuzzy;
use crate::knowledge::text::stop_words::{is_role_noun, is_stop_word};

use crate::knowledge::text::words::{normalize, singular};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::Role;
use crate::knowledge::RoleId;

/// Longest role name, in words, looked for in a text: the name finder's.
pub use crate::knowledge::text::finder::NAME_WORDS as MAX_NAME_WORDS;

/// Whether `word` never starts or fills a role name, so fuzzy matching does not read "is a
/// data engineer" as a role, nor "data roles" as "DataOps".
pub fn never_in_a_name(word: &str) -> bool {
    is_stop_word(word) || is_role_noun(word)
}

/// How surely a run of words names a role by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Naming {
    No,
    /// Through a typo-tolerant match.
    Closely,
    /// By a name, slug or alias.
    Exactly,
}

/// A role named in a text, and which of its words name it.
#[derive(Debug, Clone)]
pub struct Mention<'k> {
    pub role: &'k Role,
    /// Indices of the words (as given to [`KnowledgeBase::mentions`]) that name it.
    pub words: Range<usize>,
}

impl KnowledgeBase {
    /// The roles `text` names, each once, in order of first mention.
    pub fn roles_named_in(&self, text: &str) -> Vec<&Role> {
        let key = normalize(text);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        let mut roles: Vec<&Role> = Vec::new();
        for mention in self.mentions(&words) {
            if !roles.iter().any(|r| r.slug == mention.role.slug) {
                roles.push(mention.role);
            }
        }
        roles
    }

    /// The roles named in `words` (lower-case, as [`normalize`] gives them), in order,
    /// repeats included; the longest name wins at each position.
    pub fn mentions(&self, words: &[&str]) -> Vec<Mention<'_>> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // "a master's in data science": a subject, not the data scientist.
            let subject = i >= 2 && words[i - 1] == "in" && is_qualification(words[i - 2]);
            let longest = (1..=MAX_NAME_WORDS.min(words.len() - i))
                .rev()
                .find_map(|n| {
                    self.role_in(&words[i..i + n], !subject)
                        .map(|role| (n, role))
                });
            match longest {
                Some((n, role)) => {
                    found.push(Mention {
                        role,
                        words: i..i + n,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The roles with a name or alias holding `run` (lower-case words) as consecutive whole
    /// words, plurals aside ("data operations", "engineer"), each once, in role order.
    pub fn roles_with_name_part(&self, run: &[&str]) -> Vec<&Role> {
        self.name_parts
            .roles_with(run)
            .into_iter()
            .map(|id| &self.roles[id])
            .collect()
    }

    /// How surely `phrase` names a role by itself, for reading bare values of a command.
    pub fn naming(&self, phrase: &str) -> Naming {
        if self.exact(phrase).is_some() {
            Naming::Exactly
        } else if self.names_a_role(phrase).is_some() {
            Naming::Closely
        } else {
            Naming::No
        }
    }

    /// The role `phrase` names by itself: by a name, slug or alias, or (for two words or
    /// more) through a clear fuzzy match. "engineer" names no role, "mlops engineer" one.
    pub fn names_a_role(&self, phrase: &str) -> Option<&Role> {
        let key = normalize(phrase);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() || words.len() > MAX_NAME_WORDS {
            // A name given by its slug or an alias still counts, whatever its length.
            return self.exact(phrase);
        }
        self.role_in(&words, true).or_else(|| self.exact(phrase))
    }

    /// Whether `words` name a role with no typo tolerated: by a name, slug or alias, or by
    /// its field ("ML research").
    pub fn names_exactly(&self, words: &[&str]) -> bool {
        self.named_exactly(words, true).is_some()
    }

    /// The role `words` name by a name, slug or alias, or (`by_field`) by its field.
    fn named_exactly(&self, words: &[&str], by_field: bool) -> Option<&Role> {
        self.exact_words(words).or_else(|| {
            as_role_name(words)
                .filter(|_| by_field)
                .and_then(|name| self.exact(&name))
        })
    }

    /// The role `words` name: exactly, or (for two words or more) through a clear fuzzy match.
    /// `by_field`: whether a field may name its role ("data science").
    fn role_in(&self, words: &[&str], by_field: bool) -> Option<&Role> {
        if let [word] = words {
            // A lone common word is never a role, whatever alias a document gave.
            if never_in_a_name(word) || word.len() < 2 {
                return None;
            }
        }
        if let Some(role) = self.named_exactly(words, by_field) {
            return Some(role);
        }
        let phrase = words.join(" ");
        // A word before a name is not a typo of a longer one: "focused ml engineer" is an
        // ML Engineer, not a misspelt "lead ml engineer".
        let ends_in_a_name = || (1..words.len()).any(|k| self.exact_words(&words[k..]).is_some());
        if words.len() >= 2
            && phrase.len() >= 8
            && !words.iter().any(|w| never_in_a_name(w))
            && !ends_in_a_name()
        {
            // A typo, not a longer phrase around a name: "mle data specialist" is two
            // roles, not a misspelt "data specialist".
            return self
                .recognise(&phrase)
                .filter(|role| ends_like_a_name_of(role, words));
        }
        None
    }
}

/// How people name a role by its field or its short form: "data science" for the data
/// scientist, "ML research" for the ML scientist, "data ops management" for the data
/// operations manager. The last word's field → the role noun; "ops" anywhere → "operations".
const ROLE_NOUN_FORMS: [(&str, &str); 10] = [
    ("eng", "engineer"),
    ("mgr", "manager"),
    ("engineering", "engineer"),
    ("science", "scientist"),
    ("sci", "scientist"),
    ("research", "scientist"),
    ("researcher", "scientist"),
    ("researchers", "scientists"),
    ("management", "manager"),
    ("operation", "operations"),
];

/// `words` as the role name they say another way, if they do (see [`ROLE_NOUN_FORMS`]).
fn as_role_name(words: &[&str]) -> Option<String> {
    let (last, before) = words.split_last()?;
    let noun = ROLE_NOUN_FORMS
        .iter()
        .find(|(field, _)| field == last)
        .map(|(_, noun)| *noun);
    let ops = before.iter().any(|w| matches!(*w, "ops" | "operation"));
    if noun.is_none() && !ops {
        return None;
    }
    let mut name: Vec<&str> = before
        .iter()
        .map(|w| {
            if matches!(*w, "ops" | "operation") {
                "operations"
            } else {
                w
            }
        })
        .collect();
    name.push(noun.unwrap_or(last));
    Some(name.join(" "))
}

/// Whether `role` has a name, slug or alias of as many words as `words`, whose last word
/// is `words`' last, give or take a typo: "machne learning enginer" may be a Machine Learning
/// Engineer; "mlops engineer tools" is an MLOps Engineer and more, not a typo of one.
fn ends_like_a_name_of(role: &Role, words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    std::iter::once(&role.name)
        .chain(&role.aliases)
        .chain(std::iter::once(&role.slug))
        .any(|name| {
            let key = normalize(name);
            let name_words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            name_words.len() == words.len()
                && name_words
                    .last()
                    .is_some_and(|end| fuzzy::is_typo_of(last, end))
        })
}

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

/// The words of every role's names and aliases, singular, with an index from word to the
/// names holding it: which roles a part of a name ("data operations", "engineer") may mean,
/// found among the few names sharing its rarest word rather than by normalising every name
/// on every question.
#[derive(Debug, Default)]
pub struct NameParts {
    /// Each name's words, with its role, in role order.
    names: Vec<(RoleId, Box<[Box<str>]>)>,
    /// Singular word → indices into `names`, ascending.
    by_word: HashMap<Box<str>, Vec<u32>>,
}

impl NameParts {
    pub fn build<R: Borrow<Role>>(roles: &[R]) -> NameParts {
        let mut parts = NameParts::default();
        for (id, role) in roles.iter().map(Borrow::borrow).enumerate() {
            for name in std::iter::once(&role.name).chain(&role.aliases) {
                let words: Box<[Box<str>]> = normalize(name)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(|w| singular(w).into())
                    .collect();
                let at = parts.names.len() as u32;
                for word in words.iter() {
                    let list = parts.by_word.entry(word.clone()).or_default();
                    if list.last() != Some(&at) {
                        list.push(at);
                    }
                }
                parts.names.push((id, words));
            }
        }
        parts
    }

    /// The roles with a name or alias holding `run` (lower-case words) as consecutive whole
    /// words, plurals aside, each once, in role order.
    pub fn roles_with(&self, run: &[&str]) -> Vec<RoleId> {
        let run: Vec<Cow<'_, str>> = run.iter().map(|w| singular(w)).collect();
        let candidates = run
            .iter()
            .map(|word| {
                self.by_word
                    .get(word.as_ref())
                    .map_or(&[][..], Vec::as_slice)
            })
            .min_by_key(|list| list.len())
            .unwrap_or(&[]);
        let mut roles: Vec<RoleId> = Vec::new();
        for &at in candidates {
            let (role, words) = &self.names[at as usize];
            let holds = words
                .windows(run.len())
                .any(|part| part.iter().zip(&run).all(|(a, b)| **a == **b));
            if holds && roles.last() != Some(role) {
                roles.push(*role);
            }
        }
        roles
    }
}
