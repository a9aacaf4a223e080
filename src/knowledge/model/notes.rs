//! What a fact says, as answers need it, kept beside the fact: the data only. Reading a
//! fact into these notes is `lookup::notes`' work, on the fact's first use.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::RoleId;

/// What [`crate::knowledge::KnowledgeBase::notes`] found in a fact's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactNotes {
    pub(crate) stated: Stated,
    /// The roles the stated part names, each once, in order of first mention.
    pub named: Vec<RoleId>,
    /// The stated part's gist.
    pub gist: Gist,
}

/// The part of a fact's text that states something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stated {
    /// All of it (nearly every fact).
    Whole,
    /// Its sentences that state something, joined.
    Part(Box<str>),
    /// None: it only announces that the roles differ.
    Nothing,
}

/// A cache kept beside the data it describes: filled on first use, and never part of what
/// the data is (two facts are equal, and print alike, whatever either has cached).
#[derive(Clone)]
pub struct Memo<T>(pub(crate) OnceLock<T>);

impl<T> std::fmt::Debug for Memo<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(OnceLock::new())
    }
}

impl<T> PartialEq for Memo<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for Memo<T> {}

/// What a text says, for telling repeats apart: its content words outside parentheses, and
/// for a labelled list ("Label: a, b") the skills and tools it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gist {
    pub(crate) words: BTreeSet<String>,
    pub(crate) listed: Option<BTreeSet<String>>,
    pub(crate) length: usize,
}
