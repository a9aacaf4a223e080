//! What an article would teach a knowledge base, before it is added: the roles it finds
//! (new, or merged into roles the base has), how many facts each gets per aspect, a few of
//! them, the salary ranges it states, the featured jobs on its page and its warnings. A
//! mentor sees this before confirming an article from Discord; it is read exactly as the
//! build reads the article, knowing the base's curated role names.

use crate::knowledge::reading::article::parse_document_knowing;
use crate::knowledge::reading::parsed::{ParsedArticle, ParsedRole};
use crate::knowledge::{KnowledgeBase, Section};

/// Facts shown per role: enough to see that the roles were read right.
const SAMPLES: usize = 3;

/// What one article would teach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub title: String,
    pub roles: Vec<RolePreview>,
    /// Facts in no role's scope, kept for comparisons only.
    pub comparison_only: usize,
    /// "Title · Company" of each featured job the page lists.
    pub jobs: Vec<String>,
    /// (1-based line, message).
    pub warnings: Vec<(usize, String)>,
}

/// One role an article teaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePreview {
    pub name: String,
    /// The base's role it adds to, when the base already has it (by name or alias).
    pub merges_into: Option<String>,
    /// Aspects with at least one fact, in [`Section::ALL`] order, with their counts.
    pub sections: Vec<(Section, usize)>,
    /// The first fact of each of the first aspects, at most [`SAMPLES`].
    pub samples: Vec<(Section, String)>,
    /// Salary ranges the article states for it, as written.
    pub salaries: Vec<String>,
}

impl Preview {
    /// Reads `text` as the document `path` (its extension picks the layout readers) would
    /// be read into `base`.
    pub fn of(base: &KnowledgeBase, path: &str, text: &str) -> Preview {
        let article = parse_document_knowing(path, text, base.known_roles());
        Preview::from_parsed(base, article)
    }

    fn from_parsed(base: &KnowledgeBase, article: ParsedArticle) -> Preview {
        Preview {
            roles: article
                .roles
                .iter()
                .map(|role| RolePreview::of(base, role))
                .collect(),
            comparison_only: article.shared.len(),
            jobs: article
                .jobs
                .iter()
                .map(|job| format!("{} · {}", job.title, job.company))
                .collect(),
            title: article.title,
            warnings: article.warnings,
        }
    }

    /// Whether the article teaches any role: one that teaches none is refused.
    pub fn teaches(&self) -> bool {
        !self.roles.is_empty()
    }

    /// Why an article that teaches no role is refused, in the reader's words.
    pub fn refusal(&self) -> Option<String> {
        if self.teaches() {
            return None;
        }
        Some(match self.warnings.first() {
            Some((line, message)) => format!("it teaches no role (line {line}: {message})"),
            None => "it teaches no role: no heading or line names one".to_owned(),
        })
    }
}

impl RolePreview {
    fn of(base: &KnowledgeBase, role: &ParsedRole) -> RolePreview {
        let count = |section: Section| role.facts.iter().filter(|f| f.section == section).count();
        let sections: Vec<(Section, usize)> = Section::ALL
            .into_iter()
            .map(|section| (section, count(section)))
            .filter(|&(_, n)| n > 0)
            .collect();
        let samples = sections
            .iter()
            .filter(|(section, _)| *section != Section::Salary)
            .filter_map(|&(section, _)| {
                let fact = role.facts.iter().find(|f| f.section == section)?;
                Some((section, fact.text.clone()))
            })
            .take(SAMPLES)
            .collect();
        RolePreview {
            name: role.name.clone(),
            merges_into: role
                .names()
                .find_map(|name| base.exact(name))
                .map(|known| known.name.clone()),
            sections,
            samples,
            salaries: role
                .facts
                .iter()
                .filter(|f| f.section == Section::Salary)
                .map(|f| f.text.clone())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge base")
    }

    const NEW_ROLE: &str = "\
# Analytics Engineer vs Data Scientist

## Analytics Engineer

**Definition:** An Analytics Engineer builds the tested data models analysts query.

**Key Responsibilities**
- Model warehouse tables with dbt
- Write tests for every model

**Tools:** dbt, SQL, Snowflake

**Salary:** $95K – $140K a year

## Data Scientist

**Focus:** Answers business questions with statistics and machine learning.
";

    #[test]
    fn a_new_role_and_a_known_one_are_told_apart() {
        let base = base();
        let preview = Preview::of(&base, "analytics.md", NEW_ROLE);
        assert!(preview.teaches());
        assert_eq!(preview.refusal(), None);
        let names: Vec<&str> = preview.roles.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Analytics Engineer", "Data Scientist"]);
        let analytics = &preview.roles[0];
        assert_eq!(analytics.merges_into, None);
        assert!(analytics.sections.contains(&(Section::Responsibilities, 2)));
        assert_eq!(analytics.salaries, ["$95K – $140K a year"]);
        assert_eq!(
            analytics.samples.first(),
            Some(&(
                Section::Definition,
                "An Analytics Engineer builds the tested data models analysts query.".to_owned()
            ))
        );
        assert!(analytics.samples.len() <= SAMPLES);
        assert_eq!(
            preview.roles[1].merges_into.as_deref(),
            Some("Data Scientist")
        );
    }

    #[test]
    fn an_article_teaching_no_role_says_why() {
        let preview = Preview::of(&base(), "notes.md", "# Shopping list\n\n- milk\n- eggs\n");
        assert!(!preview.teaches());
        let reason = preview.refusal().expect("refused");
        assert!(reason.starts_with("it teaches no role"), "{reason}");
    }

    #[test]
    fn the_shipped_text_articles_read_the_same_as_markdown() {
        // Articles added from Discord are read as Markdown documents (the store keeps no
        // file name); the text layouts' readers still read them as they read `.txt` files.
        let base = base();
        for document in crate::knowledge::reading::source::embedded_documents() {
            if !document.path.ends_with(".txt") {
                continue;
            }
            let text = String::from_utf8_lossy(&document.bytes);
            assert_eq!(
                Preview::of(&base, &document.path, &text),
                Preview::of(&base, "added.md", &text),
                "{}",
                document.path
            );
        }
    }
}
