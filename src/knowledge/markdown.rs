//! Reads Markdown articles (`.md`) as a tree of headings, paragraphs, lists and tables, and
//! files every fact under the role whose scope it is in.
//!
//! A fact's role is, in order: a labelled bullet (`- Data Scientist: Python, SQL`), a list
//! item's parent item naming a role, a `Role:` label paragraph before a list, the table
//! column (or row) naming a role, the nearest enclosing role heading, a role named by an
//! aspect heading ("What does a Site Reliability Engineer do?"), and the single role of a
//! one-role document. A fact in no role's scope in a document about several roles is never
//! guessed onto one: Outlook, Tips and Differences are the comparison's and go to every role
//! (as the template's shared sections do); anything else is kept for the comparison only
//! ([`ParsedArticle::shared`]) with a warning saying where and why. The aspect is the
//! nearest aspect heading, label or table row, read through `knowledge::aspects`.
//!
//! Two passes: [`Outline`] finds the roles (headings, labels, table cells) and what each
//! heading is; the [`Reader`] then walks the blocks with a stack of open headings.

mod blocks;
mod outline;
mod roles;
mod table;

use super::aspects::heading_section;
use super::lines::{add_alias, aliases_in};
use super::model::Section;
use super::parsed::{ParsedArticle, ParsedFact};
use super::prose::definition::choose_definition;
use super::words::name_key;
use blocks::Block;
use outline::{Kind, Outline};
use roles::RoleSet;

/// Sections about the comparison as a whole: in no role's scope, they go to every role.
const SHARED: [Section; 3] = [Section::Outlook, Section::Tips, Section::Differences];

/// How much of a fact a warning quotes.
const QUOTE: usize = 48;

/// Reads a Markdown document (text already cleaned). `None` when it has no Markdown
/// structure at all (no heading, no table): such a file is plain text with an `.md` name,
/// better read by the text layouts.
pub fn parse(text: &str) -> Option<ParsedArticle> {
    let blocks = blocks::read(text);
    let structured = blocks
        .iter()
        .any(|b| matches!(b, Block::Heading { .. } | Block::Table(_)));
    if !structured {
        return None;
    }
    let outline = Outline::read(&blocks);
    let mut reader = Reader::new(outline);
    for block in &blocks {
        reader.block(block);
    }
    Some(reader.finish())
}

/// Second pass: every block filed under its role and aspect.
struct Reader {
    roles: RoleSet,
    kinds: Vec<Kind>,
    title: Option<String>,
    headings_seen: usize,
    /// Open headings, outermost first: (level, kind).
    stack: Vec<(usize, Kind)>,
    /// Set by a label paragraph ("Data Scientist:", "Key responsibilities:") for the list
    /// after it, until the next paragraph or heading.
    list_role: Option<usize>,
    list_aspect: Option<Section>,
    /// List items that name a role, for their nested items: (depth, role).
    item_roles: Vec<(usize, usize)>,
    /// Per role, the paragraphs its definition is chosen from.
    paragraphs: Vec<Vec<(usize, String)>>,
    /// Per role, a definition given by a label ("Data Scientist: A … is …").
    labelled_definitions: Vec<Option<(usize, String)>>,
    shared: Vec<ParsedFact>,
    warnings: Vec<(usize, String)>,
}

impl Reader {
    fn new(outline: Outline) -> Reader {
        let count = outline.roles.len();
        Reader {
            roles: outline.roles,
            kinds: outline.kinds,
            title: outline.title,
            headings_seen: 0,
            stack: Vec::new(),
            list_role: None,
            list_aspect: None,
            item_roles: Vec::new(),
            paragraphs: vec![Vec::new(); count],
            labelled_definitions: vec![None; count],
            shared: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, .. } => self.heading(*level),
            Block::Paragraph { text, line } => self.paragraph(text, *line),
            Block::Item { text, line, depth } => self.item(text, *line, *depth),
            Block::Table(table) => self.table(table),
        }
    }

    fn heading(&mut self, level: usize) {
        let kind = self
            .kinds
            .get(self.headings_seen)
            .copied()
            .unwrap_or(Kind::Other);
        self.headings_seen += 1;
        while self.stack.last().is_some_and(|&(open, _)| open >= level) {
            self.stack.pop();
        }
        self.stack.push((level, kind));
        self.end_list();
    }

    fn end_list(&mut self) {
        self.list_role = None;
        self.list_aspect = None;
        self.item_roles.clear();
    }

    /// The role whose scope the reader is in, if exactly one.
    fn scope_role(&self) -> Option<usize> {
        let enclosing = self.stack.iter().rev().find_map(|&(_, kind)| match kind {
            Kind::Role(role) => Some(role),
            _ => None,
        });
        let named = || {
            self.stack.iter().rev().find_map(|&(_, kind)| match kind {
                Kind::Aspect(_, role) => role,
                _ => None,
            })
        };
        enclosing
            .or_else(named)
            .or_else(|| (self.roles.len() == 1).then_some(0))
    }

    fn scope_aspect(&self) -> Option<Section> {
        self.stack.iter().rev().find_map(|&(_, kind)| match kind {
            Kind::Aspect(section, _) => Some(section),
            _ => None,
        })
    }

    fn paragraph(&mut self, text: &str, line: usize) {
        self.end_list();
        let label = text.strip_suffix(':').map(str::trim);
        if let Some(label) = label.filter(|l| !l.is_empty()) {
            self.list_intro(label);
            return;
        }
        if let Some(role) = self.roles.find(text) {
            // "**Data Scientist**" alone on a line: a label for the list below.
            self.list_role = Some(role);
            return;
        }
        if let Some((label, rest)) = text.split_once(':') {
            if let Some(role) = self.roles.find(label) {
                let section = self.scope_aspect().unwrap_or(Section::Definition);
                self.emit(Some(role), section, rest, line);
                return;
            }
        }
        match self.scope_aspect() {
            Some(section) if section != Section::Definition => {
                self.emit(self.scope_role(), section, text, line)
            }
            _ => match self.scope_role() {
                Some(role) => self.paragraphs[role].push((line, text.to_string())),
                None if self.scope_aspect() == Some(Section::Definition) => {
                    self.emit(None, Section::Definition, text, line)
                }
                // An intro or an unnamed heading's text: not a fact about a role.
                None => {}
            },
        }
    }

    /// A line ending in ':' before a list: a role's name, or what the list holds.
    fn list_intro(&mut self, label: &str) {
        if let Some(role) = self.roles.find(label) {
            self.list_role = Some(role);
        } else if let Some(section) = heading_section(&label.to_lowercase()) {
            self.list_aspect = Some(section);
            if let [only] = self.roles.mentioned(label).as_slice() {
                self.list_role = Some(*only);
            }
        }
    }

    fn item(&mut self, text: &str, line: usize, depth: usize) {
        while self.item_roles.last().is_some_and(|&(d, _)| d >= depth) {
            self.item_roles.pop();
        }
        let (labelled, text) = match text.split_once(':') {
            Some((label, rest)) => match self.roles.find(label) {
                Some(role) => (Some(role), rest.trim()),
                None => (None, text),
            },
            None => match self.roles.find(text) {
                Some(role) => (Some(role), ""),
                None => (None, text),
            },
        };
        if let (Some(role), "") = (labelled, text) {
            // A role's name as a list item: its nested items are about it.
            self.item_roles.push((depth, role));
            return;
        }
        let role = labelled
            .or_else(|| self.item_roles.last().map(|&(_, role)| role))
            .or(self.list_role)
            .or_else(|| self.scope_role());
        let aspect = self
            .list_aspect
            .or_else(|| self.scope_aspect())
            .or_else(|| label_aspect(text));
        match aspect {
            Some(section) => {
                let text = if labelled.is_some() && section == Section::Tools {
                    format!("{}: {text}", section.title())
                } else {
                    text.to_string()
                };
                self.emit(role, section, &text, line);
            }
            None => self.warn(
                line,
                text,
                "is under no aspect heading (such as \"## Skills\"); skipped",
            ),
        }
    }

    /// Files one fact. Without a role, a comparison's shared aspects go to every role and
    /// anything else is kept for the comparison only.
    fn emit(&mut self, role: Option<usize>, section: Section, text: &str, line: usize) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let role = role.or_else(|| (self.roles.len() == 1).then_some(0));
        if section == Section::Definition {
            match role {
                Some(role) if self.labelled_definitions[role].is_none() => {
                    self.labelled_definitions[role] = Some((line, text.to_string()))
                }
                Some(_) => {}
                None => self.keep_for_comparison(section, text, line),
            }
            return;
        }
        let fact = ParsedFact {
            section,
            text: text.to_string(),
            line,
        };
        match role {
            Some(role) => self.roles.roles[role].facts.push(fact),
            None if self.roles.len() == 0 => self.warn(
                line,
                text,
                "is about no role: the document names none; skipped",
            ),
            None if SHARED.contains(&section) => {
                for role in &mut self.roles.roles {
                    role.facts.push(fact.clone());
                }
            }
            None => self.keep_for_comparison(section, text, line),
        }
    }

    fn keep_for_comparison(&mut self, section: Section, text: &str, line: usize) {
        let why = format!(
            "is in no role's scope (the document covers {} roles and nothing here says which); \
             kept for the comparison only, under {}",
            self.roles.len(),
            section.key()
        );
        self.warn(line, text, &why);
        self.shared.push(ParsedFact {
            section,
            text: text.to_string(),
            line,
        });
    }

    fn warn(&mut self, line: usize, text: &str, why: &str) {
        let mut quote: String = text.chars().take(QUOTE).collect();
        if quote.len() < text.len() {
            quote.push('…');
        }
        self.warnings.push((line, format!("{quote:?} {why}")));
    }

    fn finish(mut self) -> ParsedArticle {
        if self.roles.len() == 0 {
            self.warnings.push((
                1,
                "no role found: expected a role heading (\"## Data Scientist\"), a title \
                 \"# A vs B\", `Role:` labels or a table naming roles"
                    .to_string(),
            ));
        }
        let roles = self.roles.roles.iter_mut().zip(&self.paragraphs);
        for (index, (role, paragraphs)) in roles.enumerate() {
            let names = std::iter::once(&role.name)
                .chain(&role.aliases)
                .map(|n| name_key(n))
                .collect::<Vec<_>>();
            for (_, text) in paragraphs {
                for alias in aliases_in(text) {
                    add_alias(role, alias);
                }
            }
            let labelled = self.labelled_definitions[index].clone();
            let chosen = labelled.or_else(|| choose_definition(paragraphs, &names));
            role.define(chosen, &mut self.warnings);
        }
        let names: Vec<&str> = self.roles.roles.iter().map(|r| r.name.as_str()).collect();
        let title = self.title.clone().unwrap_or_else(|| names.join(" vs. "));
        self.warnings.sort_by_key(|(line, _)| *line);
        ParsedArticle {
            title,
            roles: self.roles.roles,
            jobs: Vec::new(),
            warnings: self.warnings,
            shared: self.shared,
        }
    }
}

/// The aspect a bullet's own label names ("Tools: Git, Docker"), when nothing else says.
fn label_aspect(text: &str) -> Option<Section> {
    let (label, _) = text.split_once(':')?;
    (label.split_whitespace().count() <= 4)
        .then(|| heading_section(&label.to_lowercase()))
        .flatten()
}

#[cfg(test)]
mod tests;
