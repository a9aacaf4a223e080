//! Recognising roles named in free text (a question, a job title): every run of words is
//! tried as a role's name, slug or alias, longest first, with typos tolerated in names of
//! two words or more. The advisor reads questions with it, the job board tags job titles.

use std::borrow::{Borrow, Cow};
use std::collections::HashMap;
use std::ops::Range;

use crate::knowledge::lookup::terms::is_qualification;
use crate::knowledge::text::fuzzy;
use crate::knowledge::text::stop_words::{is_role_noun, is_stop_word};

use crate::knowledge::text::words::{normalize, singular};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::Role;
use crate::knowledge::RoleId;

mod role_names;
pub use role_names::RoleNames;

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
