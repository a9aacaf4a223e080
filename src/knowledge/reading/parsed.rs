//! What one document yields before roles are merged across documents: its roles, each with
//! the facts it states about them, its featured jobs and its warnings. Both layouts' readers
//! produce these.
//!
//! Facts the template and prose readers give every role (shared outlook and tips) are
//! pushed to each role; the Markdown reader does so too for Outlook, Tips and Differences,
//! and keeps any other fact in no role's scope in [`ParsedArticle::shared`].

use crate::knowledge::model::{FeaturedJob, Reading, Section};
use crate::knowledge::text::finder::NameFinder;

/// A role as one article describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedRole {
    /// The name as the article writes it, e.g. "Machine Learning Operations Engineer".
    pub name: String,
    /// Other names the article gives it ("often referred to as a DataOps Engineer").
    pub aliases: Vec<String>,
    pub facts: Vec<ParsedFact>,
}

impl ParsedRole {
    /// The names the article calls it by: its name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// A finder of this role's names, each standing for id 0.
    pub fn name_finder(&self) -> NameFinder {
        let mut finder = NameFinder::default();
        for name in self.names() {
            finder.insert(name, 0);
        }
        finder
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFact {
    pub section: Section,
    /// Repaired, trimmed, without bullet markers; never empty.
    pub text: String,
    /// 1-based line in the file.
    pub line: usize,
}

/// A featured job before it is tied to an article id.
pub type ParsedJob = FeaturedJob;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedArticle {
    pub title: String,
    pub roles: Vec<ParsedRole>,
    /// Featured jobs from the page furniture; `source` is set to 0 and fixed by the caller.
    pub jobs: Vec<ParsedJob>,
    /// (1-based line, message); the caller adds the file name.
    pub warnings: Vec<(usize, String)>,
    /// Facts in no role's scope in a document about several roles (Markdown only): kept for
    /// the comparison, never filed under one role. `kb check --explain` shows them.
    pub shared: Vec<ParsedFact>,
    /// What each heading (or line acting as one) was taken for, and why (Markdown only):
    /// `kb check --explain` shows them.
    pub headings: Vec<HeadingNote>,
}

/// What the reader took one heading for: a role, a section, a topic or nothing, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingNote {
    /// 1-based line in the file.
    pub line: usize,
    pub text: String,
    pub said: String,
}

impl ParsedRole {
    /// Files `chosen` (line, text) as the role's definition, first among its facts, or warns
    /// that the document defines it nowhere.
    pub fn define(&mut self, chosen: Option<(usize, String)>, warnings: &mut Vec<(usize, String)>) {
        match chosen {
            Some((line, text)) => self.facts.insert(
                0,
                ParsedFact {
                    section: Section::Definition,
                    text,
                    line,
                },
            ),
            None => warnings.push((0, format!("no definition for {:?}", self.name))),
        }
    }
}

impl ParsedArticle {
    /// What the article taught, for `kb check`: each role with its facts per section.
    pub fn reading(&self) -> Reading {
        let parsed = self;
        let roles = parsed
            .roles
            .iter()
            .map(|role| {
                let mut counts = [0; Section::ALL.len()];
                for fact in &role.facts {
                    if let Some(at) = Section::ALL.iter().position(|&s| s == fact.section) {
                        counts[at] += 1;
                    }
                }
                (role.name.clone(), counts)
            })
            .collect();
        Reading {
            roles,
            comparison_only: parsed.shared.len(),
        }
    }
}
