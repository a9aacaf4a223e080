//! The first pass over a Markdown document: its roles, and what each heading (or line that
//! acts as one) is: a role, an aspect (maybe of a named role), or something else, and why.
//!
//! A heading opens a role when its words are a role's name ([`read_name`]) and something
//! is written under it. Lines act as headings too: a bold line alone (`**Data Analyst**`),
//! bold that CommonMark left as stars (`** 4. ML ENGINEER**`) and a list of one item
//! (`1) Data Engineer`) followed by text; they open a role at a level below every heading.
//! Roles named only by labels (`- Data Analyst: …`, `Data Analyst:` before a list) or table
//! cells are added only when nothing heading-like names a role: in a document that has role
//! headings, such labels are about its roles or about roles it does not profile
//! ("Machine Learning Engineer (MLE): Data Scientists can move into…").

use super::blocks::{Block, Text};
use super::heading_names::{question, role_named_in, structural_role_name, versus_names};
use super::names::known_name;
use super::names::{named_in_prose, read_name, Named};
use super::roles::RoleSet;
use super::structure::{has_aspect_below, has_content, heading_like, line_of, LINE_LEVEL};
use super::table;
use crate::knowledge::model::Section;
use crate::knowledge::reading::aspects::heading_section;
use crate::knowledge::reading::known::KnownRoles;
use crate::knowledge::reading::lines::split_versus;
use crate::knowledge::reading::parsed::HeadingNote;

/// What a heading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A role's name: what follows is about it.
    Role(usize),
    /// An aspect, maybe of a role the heading names ("Data Engineer skills").
    Aspect(Section, Option<usize>),
    /// Not about one role: a topic of the whole document ("Conclusion", "From Data
    /// Analyst"). It ends the scope of the role before it.
    Topic,
    /// The title of a comparison, or a heading that changes nothing ("Career Path" inside
    /// a role).
    Other,
}

/// A block that acts as a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Heading {
    pub level: usize,
    pub kind: Kind,
}

/// First pass: the document's roles and what each heading-like block is.
pub(super) struct Outline {
    pub roles: RoleSet,
    /// Per block, what it is as a heading (`None` for text).
    pub headings: Vec<Option<Heading>>,
    pub title: Option<String>,
    /// What each heading was taken for, and why, for `kb check --explain`.
    pub verdicts: Vec<HeadingNote>,
    pub warnings: Vec<(usize, String)>,
}

/// Headings about the document as a whole: they end the last role's scope at any level.
const TOPICS: [&str; 25] = [
    "how to use",
    "conclusion",
    "summary",
    "faq",
    "frequently asked",
    "common questions",
    "q&a",
    "resources",
    "references",
    "further read",
    "future reading",
    "next steps",
    "final thoughts",
    "wrapping up",
    "entry path",
    "which path",
    "comparison",
    "industry applications",
    "geographic",
    "interview",
    "how roles",
    "choosing between",
    "prompts",
    "related",
    "about the author",
];

impl Outline {
    pub fn read(blocks: &[Block], known: &KnownRoles) -> Outline {
        let mut outline = Outline {
            roles: RoleSet::default(),
            headings: vec![None; blocks.len()],
            title: None,
            verdicts: Vec::new(),
            warnings: Vec::new(),
        };
        let compared = outline.title(blocks);
        for (at, block) in blocks.iter().enumerate() {
            if outline.headings[at].is_some() {
                continue;
            }
            if let Some((level, line, text)) = heading_like(blocks, at) {
                let heading = outline.heading(blocks, at, level, line, text, known);
                outline.headings[at] = Some(heading);
            } else if let Block::Item { text, .. } = block {
                outline.card(blocks, at, text);
            }
        }
        if outline.roles.len() == compared {
            find_labelled_roles(blocks, &mut outline.roles);
        }
        outline.name_aspect_roles(blocks);
        outline.open_containers(blocks);
        outline
    }

    /// The title, when the document opens with an H1: the roles it compares ("A vs B")
    /// come first. Returns how many.
    fn title(&mut self, blocks: &[Block]) -> usize {
        let Some(Block::Heading { level, text, line }) = blocks.first() else {
            return 0;
        };
        let compared = versus_names(text);
        if *level == 1 || compared.len() >= 2 {
            self.title = Some(text.clone());
        }
        if compared.len() < 2 {
            return 0;
        }
        for named in &compared {
            self.roles.add(named);
        }
        self.headings[0] = Some(Heading {
            level: *level,
            kind: Kind::Other,
        });
        self.note(
            *line,
            text,
            "the title: it compares the roles it names".into(),
        );
        compared.len()
    }

    fn heading(
        &mut self,
        blocks: &[Block],
        at: usize,
        level: usize,
        line: usize,
        text: &str,
        known: &KnownRoles,
    ) -> Heading {
        let (kind, said) = self.kind_of(blocks, at, level, text, known);
        self.note(line, text, said);
        Heading { level, kind }
    }

    fn kind_of(
        &mut self,
        blocks: &[Block],
        at: usize,
        level: usize,
        text: &str,
        known: &KnownRoles,
    ) -> (Kind, String) {
        if let Some(asked) = question(text) {
            return self.question_kind(blocks, at, asked);
        }
        let lower = text.to_lowercase();
        let name = read_name(text).or_else(|why| known_name(text, known).ok_or(why));
        if let Ok(named) = &name {
            if !has_content(blocks, at, level) {
                self.warnings.push((
                    line_of(&blocks[at]),
                    format!(
                        "{:?} names a role but nothing is written under it; skipped",
                        named.name
                    ),
                ));
                return (Kind::Other, "a role's name with nothing under it".into());
            }
            let role = self.roles.add(named);
            return (Kind::Role(role), format!("opens the role {:?}", named.name));
        }
        if level == LINE_LEVEL {
            // A bold line that is no role: a label, read with the text.
            return (Kind::Other, "a label".into());
        }
        if let Some(topic) = TOPICS.iter().find(|t| lower.contains(*t)) {
            return (
                Kind::Topic,
                format!("a topic of the whole document ({topic:?}): ends the role before it"),
            );
        }
        if !split_versus(text).is_empty() {
            return (
                Kind::Aspect(Section::Differences, None),
                "compares roles: differences".into(),
            );
        }
        if let Some(section) = heading_section(&lower) {
            let named = role_named_in(text).map(|named| self.roles.add(&named));
            let whose = named.map_or(String::new(), |r| {
                format!(" of {:?}", self.roles.roles[r].name)
            });
            return (
                Kind::Aspect(section, named),
                format!("opens the section {}{whose}", section.key()),
            );
        }
        if let Some(name) =
            structural_role_name(text).filter(|_| has_aspect_below(blocks, at, level))
        {
            let role = self.roles.add(&Named {
                name: name.clone(),
                aliases: Vec::new(),
            });
            return (
                Kind::Role(role),
                format!("opens the role {name:?}: aspect headings follow"),
            );
        }
        if !self.roles.mentioned(text).is_empty() {
            let why = name.err().unwrap_or("not a role's name");
            return (
                Kind::Topic,
                format!("names a role but is not one ({why}): ends the role before it"),
            );
        }
        let why = name.err().unwrap_or("not a role's name");
        (Kind::Other, format!("nothing: {why}"))
    }

    /// A bold question (`**Q: What about data scientists?**`) in an interview: it opens
    /// the first role it names that the document has not profiled yet; a question about
    /// one known role and an aspect is that aspect of it; a question naming no role opens
    /// the one new role its answer names ("That is the job of the data engineer"); any
    /// other question compares roles or is about the team, and ends the role before it.
    fn question_kind(&mut self, blocks: &[Block], at: usize, asked: &str) -> (Kind, String) {
        let named = named_in_prose(asked);
        let new: Vec<&Named> = named
            .iter()
            .filter(|n| self.roles.find(&n.name).is_none())
            .collect();
        if let Some(first) = new.first() {
            let role = self.roles.add(first);
            return (
                Kind::Role(role),
                format!("a question that opens the role {:?}", first.name),
            );
        }
        let known: Vec<usize> = named
            .iter()
            .filter_map(|n| self.roles.find(&n.name))
            .collect();
        match (known.as_slice(), heading_section(&asked.to_lowercase())) {
            ([only], Some(section)) => {
                return (
                    Kind::Aspect(section, Some(*only)),
                    format!("a question about the {} of a role", section.key()),
                );
            }
            ([only], None) => {
                return (
                    Kind::Role(*only),
                    "a question about a role already opened".into(),
                );
            }
            ([], _) => {}
            _ => {
                return (
                    Kind::Topic,
                    "a question about several roles: ends the role before it".into(),
                )
            }
        }
        let answer = match blocks.get(at + 1) {
            Some(Block::Paragraph(text)) => named_in_prose(&text.text),
            _ => Vec::new(),
        };
        let answer_new: Vec<&Named> = answer
            .iter()
            .filter(|n| self.roles.find(&n.name).is_none())
            .collect();
        if let [only] = answer_new.as_slice() {
            let role = self.roles.add(only);
            return (
                Kind::Role(role),
                format!("a question whose answer opens the role {:?}", only.name),
            );
        }
        (
            Kind::Topic,
            "a question about no one role: ends the role before it".into(),
        )
    }

    /// A list item that is a role's name with its card nested below (`- __Data Engineer__`
    /// then its description): a role.
    fn card(&mut self, blocks: &[Block], at: usize, text: &Text) {
        let Block::Item { depth, .. } = blocks[at] else {
            return;
        };
        let nested =
            matches!(blocks.get(at + 1), Some(Block::Item { depth: next, .. }) if *next > depth);
        if !nested || self.roles.find(&text.text).is_some() {
            return;
        }
        let label = text
            .lead
            .as_deref()
            .filter(|_| text.is_label())
            .unwrap_or(&text.text);
        if let Ok(named) = read_name(label) {
            self.roles.add(&named);
            self.note(
                text.line,
                &text.text,
                format!(
                    "opens the role {:?}: a card with its text below",
                    named.name
                ),
            );
        }
    }

    /// Aspect headings that name one of the document's roles are about it.
    fn name_aspect_roles(&mut self, blocks: &[Block]) {
        for (heading, block) in self.headings.iter_mut().zip(blocks) {
            let (Some(heading), Block::Heading { text, .. }) = (heading, block) else {
                continue;
            };
            if let Kind::Aspect(section, None) = heading.kind {
                if let [only] = self.roles.mentioned(text).as_slice() {
                    heading.kind = Kind::Aspect(section, Some(*only));
                }
            }
        }
    }

    /// An aspect heading whose sub-headings are other aspects ("## Role Definition &
    /// Responsibilities" over "### Educational Background", "### Key Skills") is a part of
    /// the document, not one aspect: the headings under it say their own.
    fn open_containers(&mut self, blocks: &[Block]) {
        let marked: Vec<(usize, Heading)> = self
            .headings
            .iter()
            .enumerate()
            .filter_map(|(at, h)| h.map(|h| (at, h)))
            .collect();
        for (i, &(at, heading)) in marked.iter().enumerate() {
            let Kind::Aspect(section, _) = heading.kind else {
                continue;
            };
            let opens_with_heading = matches!(blocks.get(at + 1), Some(Block::Heading { .. }));
            let other_aspect_below = opens_with_heading
                && marked[i + 1..]
                    .iter()
                    .take_while(|(_, below)| below.level > heading.level)
                    .any(|(_, below)| matches!(below.kind, Kind::Aspect(s, _) if s != section));
            if other_aspect_below {
                if let Some(Some(h)) = self.headings.get_mut(at) {
                    h.kind = Kind::Other;
                }
                let line = line_of(&blocks[at]);
                if let Some(verdict) = self.verdicts.iter_mut().find(|v| v.line == line) {
                    verdict.said = "a part of the document: the aspect headings under it say \
                                    their own"
                        .into();
                }
            }
        }
    }

    fn note(&mut self, line: usize, text: &str, said: String) {
        self.verdicts.push(HeadingNote {
            line,
            text: text.to_string(),
            said,
        });
    }
}

/// Roles named by labels: `Role:` paragraphs, `- Role: …` bullets, bullets that are only a
/// role's name with items below, and table headers or first columns. Only for documents
/// whose headings name no role.
fn find_labelled_roles(blocks: &[Block], roles: &mut RoleSet) {
    // A label of one word ("Lead: …") is too often not a role; a known role is fine.
    let add_label = |roles: &mut RoleSet, label: &str| {
        if let Ok(named) = read_name(label) {
            if named.name.split_whitespace().count() >= 2 || roles.find(&named.name).is_some() {
                roles.add(&named);
            }
        }
    };
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Paragraph(text) | Block::Item { text, .. } => {
                let label = text
                    .lead
                    .as_deref()
                    .or_else(|| text.text.split_once(':').map(|(l, _)| l));
                if let Some(label) = label {
                    add_label(roles, label);
                }
                let parent = matches!(
                    (block, blocks.get(i + 1)),
                    (Block::Item { depth: d, .. }, Some(Block::Item { depth: next, .. })) if next > d
                );
                if parent {
                    add_label(roles, &text.text);
                }
            }
            Block::Table(table) => table::find_roles(table, roles),
            Block::Heading { .. } | Block::Comment { .. } => {}
        }
    }
}
