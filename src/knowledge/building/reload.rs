//! What reloading the shipped documents did, for the log and for the owner who asked: the
//! roles before and after, the documents, the warnings and the servers rebuilt, or why the
//! last good base was kept. `service::Library` reloads; `advisor` renders this.

use crate::knowledge::Warning;

/// The outcome of one reload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReloadReport {
    /// The new base answers from now on.
    Reloaded(Reloaded),
    /// The new documents could not be used; every server answers as before.
    Kept(KeptLastGood),
}

/// A reload that swapped the shipped base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reloaded {
    /// Where the documents were read from.
    pub origin: String,
    pub documents: usize,
    pub roles_before: usize,
    pub roles_after: usize,
    pub warnings: Vec<Warning>,
    /// Servers whose own base was rebuilt over the new one, in id order.
    pub servers_rebuilt: Vec<u64>,
    /// Servers whose rebuild failed: they keep their previous base (logged).
    pub servers_kept: Vec<u64>,
}

/// A reload that kept the last good base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptLastGood {
    /// Why, written for the owner (no secret: a path and the reader's reason).
    pub reason: String,
    /// The roles the kept base has.
    pub roles: usize,
    /// The new documents' warnings, when they were read.
    pub warnings: Vec<Warning>,
}
