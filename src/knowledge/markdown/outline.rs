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

use super::blocks::{Block, Table, Text};
use super::roles::{named_in_prose, read_name, split_parenthetical, Named, RoleSet};
use super::table;
use crate::knowledge::aspects::heading_section;
use crate::knowledge::lines::{ends_with_role_noun, split_versus};
use crate::knowledge::model::Section;

/// The level given to lines that act as headings: below every real heading.
pub(super) const LINE_LEVEL: usize = 7;

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

/// What the first pass said about one heading, for `kb check --explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Verdict {
    pub line: usize,
    pub text: String,
    pub said: String,
}

/// First pass: the document's roles and what each heading-like block is.
pub(super) struct Outline {
    pub roles: RoleSet,
    /// Per block, what it is as a heading (`None` for text).
    pub headings: Vec<Option<Heading>>,
    pub title: Option<String>,
    pub verdicts: Vec<Verdict>,
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
    pub fn read(blocks: &[Block]) -> Outline {
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
                let heading = outline.heading(blocks, at, level, line, text);
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
    ) -> Heading {
        let (kind, said) = self.kind_of(blocks, at, level, text);
        self.note(line, text, said);
        Heading { level, kind }
    }

    fn kind_of(&mut self, blocks: &[Block], at: usize, level: usize, text: &str) -> (Kind, String) {
        if let Some(asked) = question(text) {
            return self.question_kind(blocks, at, asked);
        }
        let lower = text.to_lowercase();
        let name = read_name(text);
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
        self.verdicts.push(Verdict {
            line,
            text: text.to_string(),
            said,
        });
    }
}

/// The question a bold `Q:` paragraph asks, without its marker.
fn question(text: &str) -> Option<&str> {
    let text = text.trim();
    ["Q:", "Q.", "Question:"]
        .iter()
        .find_map(|marker| text.strip_prefix(marker))
        .map(str::trim)
        .filter(|asked| !asked.is_empty())
}

/// The block at `at` as a heading: (level, line, text). Real headings; and lines that act
/// as one: a bold line alone that is a role's name, or a one-item list that is a role's
/// name with text after it.
fn heading_like(blocks: &[Block], at: usize) -> Option<(usize, usize, &str)> {
    match &blocks[at] {
        Block::Heading { level, text, line } => Some((*level, *line, text)),
        Block::Paragraph(text)
            if text.is_label()
                && (read_name(&text.text).is_ok() || question(&text.text).is_some()) =>
        {
            Some((LINE_LEVEL, text.line, &text.text))
        }
        Block::Item {
            text,
            depth: 1,
            list,
            ..
        } => {
            let same_list = |b: Option<&Block>| matches!(b, Some(Block::Item { list: other, .. }) if other == list);
            let alone = !same_list(blocks.get(at + 1))
                && !same_list(at.checked_sub(1).and_then(|p| blocks.get(p)));
            let text_follows = matches!(
                blocks.get(at + 1),
                Some(Block::Paragraph(_) | Block::Comment { .. })
            );
            let opener =
                alone && text_follows && !text.text.contains(':') && read_name(&text.text).is_ok();
            opener.then_some((LINE_LEVEL, text.line, &text.text))
        }
        _ => None,
    }
}

fn line_of(block: &Block) -> usize {
    match block {
        Block::Heading { line, .. } | Block::Comment { line, .. } => *line,
        Block::Paragraph(text) | Block::Item { text, .. } => text.line,
        Block::Table(Table { line, .. }) => *line,
    }
}

/// Whether anything but headings is written under the heading at `at`, before the next
/// heading of its level or above (or, for a line acting as a heading, before the next
/// heading).
fn has_content(blocks: &[Block], at: usize, level: usize) -> bool {
    for block in &blocks[at + 1..] {
        match block {
            Block::Heading { level: next, .. } if *next <= level || level == LINE_LEVEL => {
                return false
            }
            Block::Heading { .. } => {}
            _ => return true,
        }
    }
    false
}

/// Whether aspect headings, and no role headings, are under the heading at `at`.
fn has_aspect_below(blocks: &[Block], at: usize, level: usize) -> bool {
    let mut below = blocks[at + 1..]
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text, .. } => Some((*level, text)),
            _ => None,
        })
        .take_while(|(next, _)| *next > level);
    let mut aspects = false;
    for (_, text) in below.by_ref() {
        if read_name(text).is_ok() {
            return false;
        }
        aspects |= heading_section(&text.to_lowercase()).is_some();
    }
    aspects
}

/// The roles a title compares: "A vs. B: a comparison" → [A, B]; "A & B" or "A and B"
/// when both parts are role names.
fn versus_names(title: &str) -> Vec<Named> {
    let mut names = split_versus(title);
    if let Some(last) = names.last_mut() {
        if let Some((name, _)) = last.split_once(':') {
            *last = name.trim().to_string();
        }
    }
    names.retain(|n| !n.is_empty());
    if names.is_empty() {
        let title = title.split(':').next().unwrap_or_default();
        for joint in [" & ", " and ", " or ", " / "] {
            let parts: Vec<Named> = title
                .split(joint)
                .filter_map(|p| read_name(p).ok())
                .collect();
            if parts.len() >= 2 && parts.len() == title.split(joint).count() {
                return parts;
            }
        }
        return Vec::new();
    }
    names
        .iter()
        .map(|name| {
            read_name(name).unwrap_or_else(|_| Named {
                name: crate::knowledge::lines::singular_role_name(split_parenthetical(name).0),
                aliases: Vec::new(),
            })
        })
        .collect()
}

/// Words that make a heading a topic rather than a role, even with aspect headings below
/// it ("Careers in Data", "Frequently Asked Questions").
const TOPIC_WORDS: [&str; 13] = [
    "section",
    "career",
    "careers",
    "guide",
    "faq",
    "questions",
    "introduction",
    "conclusion",
    "comparison",
    "overview",
    "about",
    "resources",
    "roles",
];

/// A heading as a role's name by structure: a short title that is not a question, a
/// sentence or a topic ("Prompt Wrangler" with Responsibilities and Skills below it).
fn structural_role_name(text: &str) -> Option<String> {
    let name = crate::knowledge::lines::singular_role_name(text.trim().trim_end_matches(':'));
    let words: Vec<&str> = name.split_whitespace().collect();
    let starts_as_phrase = words
        .first()
        .is_some_and(|w| super::roles::starts_as_phrase(w));
    let is_title = (1..=5).contains(&words.len())
        && !starts_as_phrase
        && !name.contains(['?', '.', ',', ';', '!', ':', '|', '(', '&', '+'])
        && split_versus(&name).is_empty()
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| !c.is_lowercase()) || w.len() <= 3)
        && !words
            .iter()
            .any(|w| TOPIC_WORDS.contains(&w.to_lowercase().as_str()));
    is_title.then_some(name)
}

/// Words a heading may put before a role's name ("Becoming a Data Engineer").
const LEAD_WORDS: [&str; 16] = [
    "what", "which", "who", "how", "why", "where", "when", "every", "each", "for", "aspiring",
    "being", "becoming", "top", "key", "the",
];

/// A role named inside a heading or sentence: the run of capitalised words that ends in a
/// role noun ("What does a *Site Reliability Engineer* do?").
fn role_named_in(text: &str) -> Option<Named> {
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    for word in text.split_whitespace() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised = bare.starts_with(|c: char| c.is_uppercase());
        if capitalised {
            if let Some(run) = runs.last_mut() {
                run.push(bare);
            }
        }
        // Punctuation after a word, or a lower-case word, ends a run.
        if !capitalised || bare.len() < word.len() {
            runs.push(Vec::new());
        }
    }
    runs.iter().find_map(|run| {
        let last_noun = run.iter().rposition(|w| ends_with_role_noun(w))?;
        let start = run[..last_noun]
            .iter()
            .take_while(|w| {
                let lower = w.to_lowercase();
                LEAD_WORDS.contains(&lower.as_str()) || heading_section(&lower).is_some()
            })
            .count();
        read_name(&run[start..=last_noun].join(" ")).ok()
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_role_names_in_headings() {
        let named = role_named_in("What does a Site Reliability Engineer do?").map(|n| n.name);
        assert_eq!(named.as_deref(), Some("Site Reliability Engineer"));
        let named = role_named_in("Skills Every Data Engineer Needs").map(|n| n.name);
        assert_eq!(named.as_deref(), Some("Data Engineer"));
        assert_eq!(role_named_in("Which skills does each need?"), None);
    }

    #[test]
    fn topics_are_not_roles_by_structure() {
        assert_eq!(
            structural_role_name("Prompt Wrangler").as_deref(),
            Some("Prompt Wrangler")
        );
        assert_eq!(structural_role_name("Careers in Data"), None);
        assert_eq!(structural_role_name("What does it take?"), None);
    }
}
