//! The plain data the knowledge base is made of: roles, facts with provenance, featured jobs, warnings.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

pub mod notes;

pub use notes::{FactNotes, Gist, Memo};

/// Index of an [`Article`] in [`crate::knowledge::KnowledgeBase::articles`].
pub type ArticleId = usize;
/// Index of a [`Role`] in [`crate::knowledge::KnowledgeBase::roles`].
pub type RoleId = usize;

/// One document under `knowledge/`, as read.
#[derive(Debug, Clone)]
pub struct Article {
    /// The article's title, e.g. "Machine Learning Engineer vs. Data Specialist".
    pub title: String,
    /// Path relative to the knowledge directory, e.g. `articles/mle-vs-ds.txt`.
    pub file: String,
    /// What the article taught, before merging, for `kb check`.
    pub reading: Reading,
}

/// What one article taught: each role it found with its number of facts per section (in
/// [`Section::ALL`] order), and how many facts it kept for the comparison only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub roles: Vec<(String, [usize; Section::ALL.len()])>,
    pub comparison_only: usize,
}

/// The parts of a role profile. The order is the order answers show them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Definition,
    Responsibilities,
    Skills,
    Education,
    Tools,
    Industries,
    Outlook,
    /// Pay ranges an article states (with currency, period, level or region when given):
    /// what articles say, apart from the job board's posted salaries.
    Salary,
    Tips,
    /// Free-prose statements about how this role differs from another.
    Differences,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Definition,
        Section::Responsibilities,
        Section::Skills,
        Section::Education,
        Section::Tools,
        Section::Industries,
        Section::Outlook,
        Section::Salary,
        Section::Tips,
        Section::Differences,
    ];

    /// The heading shown to users.
    pub fn title(self) -> &'static str {
        match self {
            Section::Definition => "Definition",
            Section::Responsibilities => "Responsibilities",
            Section::Skills => "Skills",
            Section::Education => "Education",
            Section::Tools => "Tools",
            Section::Industries => "Industries",
            Section::Outlook => "Outlook",
            Section::Salary => "Salary",
            Section::Tips => "Getting started",
            Section::Differences => "How it differs",
        }
    }

    /// The machine name used in options, JSON and `custom_id`s.
    pub fn key(self) -> &'static str {
        match self {
            Section::Definition => "definition",
            Section::Responsibilities => "responsibilities",
            Section::Skills => "skills",
            Section::Education => "education",
            Section::Tools => "tools",
            Section::Industries => "industries",
            Section::Outlook => "outlook",
            Section::Salary => "salary",
            Section::Tips => "tips",
            Section::Differences => "differences",
        }
    }

    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

/// One statement about a role, with every article it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub text: String,
    /// Never empty; the first is where the wording comes from.
    pub sources: Vec<ArticleId>,
    /// For a fact filed under this section from another (a difference that names a degree,
    /// filed under Education too), the section it was stated in.
    pub filed_from: Option<Section>,
    /// What the text says, read on first use once the base is built
    /// ([`crate::knowledge::KnowledgeBase::notes`]); never part of a fact's equality.
    pub(crate) notes: Memo<FactNotes>,
}

impl Fact {
    pub fn new(text: String, sources: Vec<ArticleId>, filed_from: Option<Section>) -> Fact {
        Fact {
            text,
            sources,
            filed_from,
            notes: Memo::default(),
        }
    }
}

/// A skill or tool mentioned by a role, recognised through the taxonomy or read from a
/// `Category: a, b, c` list. Items that are not in the taxonomy still count.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Competency {
    /// The canonical name ("PyTorch"), or the item as written when the taxonomy lacks it.
    pub name: String,
    /// Normalised key used to compare roles item by item.
    pub key: String,
    pub category: Category,
    /// How many times the role's facts name it, across articles: how central it is to the
    /// role. 1 for a competency read outside a role (a question's skills).
    pub named: u32,
}

/// What kind of competency an item is; `/skills` groups by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Language,
    Framework,
    DataTool,
    Database,
    Visualization,
    Cloud,
    Devops,
    Governance,
    Method,
    Management,
    SoftSkill,
    Other,
}

impl Category {
    /// Whether it is a tool, library, platform or service rather than a skill: tools are
    /// filed under Tools, learnt after the skills they serve and listed apart.
    pub fn is_tool(self) -> bool {
        matches!(
            self,
            Category::Framework
                | Category::DataTool
                | Category::Database
                | Category::Visualization
                | Category::Cloud
                | Category::Devops
        )
    }

    pub fn title(self) -> &'static str {
        match self {
            Category::Language => "Languages",
            Category::Framework => "Frameworks & libraries",
            Category::DataTool => "Data tools",
            Category::Database => "Databases",
            Category::Visualization => "Visualization",
            Category::Cloud => "Cloud",
            Category::Devops => "DevOps & MLOps",
            Category::Governance => "Governance",
            Category::Method => "Methods & concepts",
            Category::Management => "Management",
            Category::SoftSkill => "Soft skills",
            Category::Other => "Other",
        }
    }
}

/// A role profile merged from every article that covers it.
#[derive(Debug, Clone)]
pub struct Role {
    /// URL-safe identifier, e.g. `machine-learning-engineer`.
    pub slug: String,
    /// Display name, e.g. "Machine Learning Engineer".
    pub name: String,
    /// Other names users may type: acronyms, names from the text, curated ones.
    pub aliases: Vec<String>,
    pub sections: BTreeMap<Section, Vec<Fact>>,
    /// Skills and tools, sorted by key, without duplicates.
    pub competencies: Vec<Competency>,
    /// Articles this role appears in, in reading order.
    pub sources: Vec<ArticleId>,
    /// Curated remarks from `roles.toml`.
    pub notes: Vec<String>,
}

#[cfg(test)]
impl Role {
    /// A role of article 0 with `aliases` and no facts, for tests.
    pub(crate) fn bare(name: &str, aliases: &[&str]) -> Role {
        Role {
            slug: crate::knowledge::text::names::slugify(name),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            sections: BTreeMap::new(),
            competencies: Vec::new(),
            sources: vec![0],
            notes: Vec::new(),
        }
    }
}

impl Role {
    pub fn facts(&self, section: Section) -> &[Fact] {
        self.sections
            .get(&section)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The role's first definition, if any article gives one.
    pub fn definition(&self) -> Option<&str> {
        self.facts(Section::Definition)
            .first()
            .map(|f| f.text.as_str())
    }

    pub fn has_competency(&self, key: &str) -> bool {
        self.competencies
            .binary_search_by(|c| c.key.as_str().cmp(key))
            .is_ok()
    }
}

/// A salary range as printed on a job card, in whole currency units per year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalaryRange {
    pub currency: String,
    pub min: u64,
    pub max: u64,
}

/// A featured job from an article's page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeaturedJob {
    pub title: String,
    pub company: String,
    pub location: String,
    /// "Full Time", "Full Time Internship", "Part Time", "Contract"…
    pub employment_type: Option<String>,
    /// "Mid-level / Intermediate"…
    pub level: Option<String>,
    pub salary: Option<SalaryRange>,
    /// The first article it was found in.
    pub source: ArticleId,
}

/// Something odd in a document: reported by `kb check`, never fatal on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub file: String,
    /// 1-based; 0 when the warning is about the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}
