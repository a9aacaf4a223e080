//! `rolecall kb check`: what the knowledge base holds, as JSON or text, per role and per
//! document; and `kb check --explain FILE`: every fact of one document with the role and
//! aspect it was filed under.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::knowledge::reading::article::parse_document_knowing;
use crate::knowledge::reading::known::KnownRoles;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::Section;
use crate::knowledge::Warning;

#[derive(Debug, Serialize)]
pub struct CheckReport<'k> {
    pub documents: usize,
    pub roles: Vec<RoleReport<'k>>,
    /// What each document taught before merging, in reading order.
    pub articles: Vec<ArticleReport<'k>>,
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

#[derive(Debug, Serialize)]
pub struct ArticleReport<'k> {
    pub file: &'k str,
    pub title: &'k str,
    /// Each role the document names, with its facts per section (sections without any are
    /// left out).
    pub roles: Vec<ArticleRole<'k>>,
    /// Facts in no role's scope, kept for the comparison only.
    pub comparison_only: usize,
}

#[derive(Debug, Serialize)]
pub struct ArticleRole<'k> {
    pub name: &'k str,
    pub sections: BTreeMap<&'static str, usize>,
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
        let articles = kb
            .articles
            .iter()
            .map(|article| ArticleReport {
                file: &article.file,
                title: &article.title,
                roles: article
                    .reading
                    .roles
                    .iter()
                    .map(|(name, counts)| ArticleRole {
                        name,
                        sections: Section::ALL
                            .into_iter()
                            .zip(counts)
                            .filter(|(_, n)| **n > 0)
                            .map(|(s, n)| (s.key(), *n))
                            .collect(),
                    })
                    .collect(),
                comparison_only: article.reading.comparison_only,
            })
            .collect();
        CheckReport {
            documents: kb.articles.len(),
            roles,
            articles,
            featured_jobs: kb.jobs.len(),
            warnings: &kb.warnings,
        }
    }

    /// A summary for people: counts, one line per role, one per document, then every warning.
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
        for article in &self.articles {
            let roles: Vec<String> = article
                .roles
                .iter()
                .map(|role| {
                    let sections: Vec<String> = role
                        .sections
                        .iter()
                        .map(|(k, n)| format!("{k} {n}"))
                        .collect();
                    format!("{} ({})", role.name, sections.join(", "))
                })
                .collect();
            let _ = write!(out, "{}: {}", article.file, roles.join("; "));
            if article.comparison_only > 0 {
                let _ = write!(out, "; {} for the comparison only", article.comparison_only);
            }
            out.push('\n');
        }
        for warning in self.warnings {
            let _ = writeln!(out, "warning: {warning}");
        }
        out
    }
}

/// Every fact `text` (the document at `path`) yields, with the role and aspect it is filed
/// under, line by line; then the facts kept for the comparison only and the warnings. Read
/// as the build reads an article, knowing the role names of `roles.toml` (`known`).
pub fn explain(path: &str, text: &str, known: &KnownRoles) -> String {
    let article = parse_document_knowing(path, text, known);
    let mut out = String::new();
    let names: Vec<&str> = article.roles.iter().map(|r| r.name.as_str()).collect();
    let _ = writeln!(
        out,
        "{path}: \"{}\", {} role(s): {}",
        article.title,
        names.len(),
        names.join(", ")
    );
    for heading in &article.headings {
        let _ = writeln!(
            out,
            "{:>5}  heading {:?}: {}",
            heading.line, heading.text, heading.said
        );
    }
    let mut facts: Vec<(usize, &str, Section, &str)> = Vec::new();
    for role in &article.roles {
        for fact in &role.facts {
            facts.push((fact.line, &role.name, fact.section, &fact.text));
        }
    }
    for fact in &article.shared {
        facts.push((fact.line, "(comparison only)", fact.section, &fact.text));
    }
    facts.sort_by_key(|&(line, ..)| line);
    for (line, role, section, text) in facts {
        let _ = writeln!(out, "{line:>5}  {role} · {}: {text}", section.key());
    }
    for (line, message) in &article.warnings {
        let _ = writeln!(out, "warning: line {line}: {message}");
    }
    out
}
