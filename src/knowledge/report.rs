//! `rolecall kb check`: what the knowledge base holds, as JSON or text.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::{KnowledgeBase, Section, Warning};

#[derive(Debug, Serialize)]
pub struct CheckReport<'k> {
    pub documents: usize,
    pub roles: Vec<RoleReport<'k>>,
    pub featured_jobs: usize,
    pub warnings: &'k [Warning],
}

#[derive(Debug, Serialize)]
pub struct RoleReport<'k> {
    pub slug: &'k str,
    pub name: &'k str,
    pub aliases: &'k [String],
    /// Section key → number of facts.
    pub sections: BTreeMap<&'static str, usize>,
    pub sources: Vec<&'k str>,
}

impl<'k> CheckReport<'k> {
    pub fn new(kb: &'k KnowledgeBase) -> CheckReport<'k> {
        let roles = kb
            .roles
            .iter()
            .map(|role| RoleReport {
                slug: &role.slug,
                name: &role.name,
                aliases: &role.aliases,
                sections: Section::ALL
                    .into_iter()
                    .map(|s| (s.key(), role.facts(s).len()))
                    .collect(),
                sources: kb.source_titles(&role.sources),
            })
            .collect();
        CheckReport {
            documents: kb.articles.len(),
            roles,
            featured_jobs: kb.jobs.len(),
            warnings: &kb.warnings,
        }
    }

    /// A summary for people: counts, one line per role, then every warning.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} documents, {} roles, {} featured jobs, {} warnings",
            self.documents,
            self.roles.len(),
            self.featured_jobs,
            self.warnings.len()
        );
        for role in &self.roles {
            let sections: Vec<String> = role
                .sections
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            let _ = writeln!(
                out,
                "  {} ({}): {} — from {} article(s)",
                role.name,
                role.slug,
                sections.join(", "),
                role.sources.len()
            );
        }
        for warning in self.warnings {
            let _ = writeln!(out, "warning: {warning}");
        }
        out
    }
}
