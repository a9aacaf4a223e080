//! Reads Markdown articles (`.md`) as a tree of headings, paragraphs, lists and tables, and
//! files every fact under the role whose scope it is in.
//!
//! A fact's role is, in order: a labelled bullet (`- Data Scientist: Python, SQL`), a list
//! item's parent item naming a role, a `Role:` label before a list, the table column (or
//! row) naming a role, the nearest enclosing role heading (or line acting as one), a role
//! named by an aspect heading ("What does a Site Reliability Engineer do?"), and the single
//! role of a one-role document. A fact in no role's scope in a document about several roles
//! is never guessed onto one: Outlook, Tips and Differences are the comparison's and go to
//! every role (as the template's shared sections do); anything else is kept for the
//! comparison only ([`ParsedArticle::shared`]) with a warning saying where and why. The
//! aspect is the nearest label, aspect heading or table row, read through
//! `knowledge::aspects`.
//!
//! Two passes: [`Outline`] finds the roles and what each heading is; the [`Reader`] then
//! walks the blocks with a stack of open headings (`labels` reads the text between them).
//! A role's scope ends at the next role, at a heading of its level or above, and at a
//! topic of the whole document ("Conclusion", "From Data Analyst") at any level.

mod blocks;
mod heading_names;
mod inline;
mod labels;
mod names;
mod outline;
mod roles;
mod structure;
mod table;

use crate::knowledge::model::Section;
use crate::knowledge::reading::aspects::prose_section;
use crate::knowledge::reading::known::KnownRoles;
use crate::knowledge::reading::lines::{add_alias, aliases_in, sentences};
use crate::knowledge::reading::parsed::{HeadingNote, ParsedArticle, ParsedFact, ParsedRole};
use crate::knowledge::reading::prose::definition::choose_definition;
use crate::knowledge::text::finder::NameFinder;
use blocks::Block;
use outline::{Heading, Kind, Outline};
use roles::RoleSet;

/// Sections about the comparison as a whole: in no role's scope, they go to every role.
const SHARED: [Section; 3] = [Section::Outlook, Section::Tips, Section::Differences];

/// How much of a fact a warning quotes.
const QUOTE: usize = 48;

/// Reads a Markdown document (text already cleaned). `None` when it has no Markdown
/// structure at all (no heading, no table, no bold label): such a file is plain text with
/// an `.md` name, better read by the text layouts.
pub fn parse(text: &str) -> Option<ParsedArticle> {
    parse_knowing(text, &KnownRoles::default())
}

/// [`parse`], with role names known before reading: a heading that is one opens that role.
pub fn parse_knowing(text: &str, known: &KnownRoles) -> Option<ParsedArticle> {
    let blocks = blocks::read(text);
    let structured = blocks.iter().any(|b| match b {
        Block::Heading { .. } | Block::Table(_) | Block::Comment { .. } => true,
        Block::Paragraph(text) => text.is_label(),
        _ => false,
    });
    if !structured {
        return None;
    }
    let outline = Outline::read(&blocks, known);
    let mut reader = Reader::new(outline);
    for (at, block) in blocks.iter().enumerate() {
        reader.block(at, block, blocks.get(at + 1));
    }
    Some(reader.finish())
}

/// An open heading: its level, what it is, its text.
#[derive(Debug, Clone)]
struct Open {
    level: usize,
    kind: Kind,
    text: String,
}

/// Second pass: every block filed under its role and aspect.
struct Reader {
    roles: RoleSet,
    headings: Vec<Option<Heading>>,
    verdicts: Vec<HeadingNote>,
    title: Option<String>,
    /// Open headings, outermost first.
    stack: Vec<Open>,
    /// Set by a label ("Data Scientist:", "**Key Responsibilities**", `<!-- Skills -->`)
    /// for the text after it, until the next label or heading.
    list_role: Option<usize>,
    list_aspect: Option<Section>,
    /// A label that names neither ("Currently very hot (2025):"): it says what the items
    /// after it have in common.
    group: Option<String>,
    /// The label's list may go on in paragraphs of one line each.
    bare_lines: bool,
    /// List items that name a role or an aspect, for their nested items: (depth, role,
    /// aspect).
    item_scopes: Vec<(usize, Option<usize>, Option<Section>)>,
    /// Per role, the paragraphs its definition is chosen from.
    paragraphs: Vec<Vec<(usize, String)>>,
    /// Per role, what labels say it is ("Data Scientist: A … is …", "Focus: …"), in order.
    labelled_definitions: Vec<Vec<(usize, String)>>,
    shared: Vec<ParsedFact>,
    warnings: Vec<(usize, String)>,
}

impl Reader {
    fn new(outline: Outline) -> Reader {
        let count = outline.roles.len();
        Reader {
            roles: outline.roles,
            headings: outline.headings,
            verdicts: outline.verdicts,
            title: outline.title,
            stack: Vec::new(),
            list_role: None,
            list_aspect: None,
            group: None,
            bare_lines: false,
            item_scopes: Vec::new(),
            paragraphs: vec![Vec::new(); count],
            labelled_definitions: vec![Vec::new(); count],
            shared: Vec::new(),
            warnings: outline.warnings,
        }
    }

    fn block(&mut self, at: usize, block: &Block, next: Option<&Block>) {
        if let Some(heading) = self.headings.get(at).copied().flatten() {
            let text = match block {
                Block::Heading { text, .. } => text.as_str(),
                Block::Paragraph(text) | Block::Item { text, .. } => text.text.as_str(),
                _ => "",
            };
            return self.heading(heading, text);
        }
        match block {
            Block::Heading { .. } => {}
            Block::Paragraph(text) => self.paragraph(text),
            Block::Item { text, depth, .. } => {
                let parent = matches!(next, Some(Block::Item { depth: d, .. }) if d > depth);
                self.item(text, *depth, parent)
            }
            Block::Comment { text, .. } => self.comment(text),
            Block::Table(table) => self.table(table),
        }
    }

    fn heading(&mut self, heading: Heading, text: &str) {
        let Heading { level, kind } = heading;
        while self.stack.last().is_some_and(|open| open.level >= level) {
            self.stack.pop();
        }
        if matches!(kind, Kind::Role(_) | Kind::Topic) {
            // Roles do not nest, and a topic of the whole document ends them.
            for open in &mut self.stack {
                if matches!(open.kind, Kind::Role(_)) {
                    open.kind = Kind::Topic;
                }
            }
        }
        self.stack.push(Open {
            level,
            kind,
            text: text.to_string(),
        });
        self.end_list();
        self.item_scopes.clear();
    }

    fn end_list(&mut self) {
        self.list_role = None;
        self.list_aspect = None;
        self.group = None;
        self.bare_lines = false;
    }

    /// The role whose scope the reader is in, if exactly one: the innermost role heading or
    /// aspect heading naming a role; none past a topic of the whole document; else the
    /// document's single role.
    fn scope_role(&self) -> Option<usize> {
        for open in self.stack.iter().rev() {
            match open.kind {
                Kind::Role(role) | Kind::Aspect(_, Some(role)) => return Some(role),
                Kind::Topic => return None,
                _ => {}
            }
        }
        (self.roles.len() == 1).then_some(0)
    }

    fn under_topic(&self) -> bool {
        self.stack.iter().any(|open| open.kind == Kind::Topic)
    }

    fn scope_aspect(&self) -> Option<Section> {
        self.stack.iter().rev().find_map(|open| match open.kind {
            Kind::Aspect(section, _) => Some(section),
            _ => None,
        })
    }

    /// Headings below the aspect heading that say which level or region a salary is for
    /// ("Entry Level (0–2 years)").
    fn salary_context(&self) -> Option<&str> {
        let aspect = self
            .stack
            .iter()
            .rposition(|open| matches!(open.kind, Kind::Aspect(..)))?;
        self.stack[aspect + 1..]
            .iter()
            .rev()
            .find(|open| matches!(open.kind, Kind::Other))
            .map(|open| open.text.trim_end_matches(':').trim_end())
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
                Some(role) => self.labelled_definitions[role].push((line, text.to_string())),
                None => self.keep_for_comparison(section, text, line),
            }
            return;
        }
        let text = match (section, self.salary_context()) {
            (Section::Salary, Some(context)) if !text.contains(context) => {
                format!("{context}: {text}")
            }
            _ => text.to_string(),
        };
        let fact = ParsedFact {
            section,
            text,
            line,
        };
        match role {
            Some(role) => self.roles.roles[role].facts.push(fact),
            None if self.roles.len() == 0 => self.warn(
                line,
                &fact.text,
                "is about no role: the document names none; skipped",
            ),
            None if self.under_topic() => self.warn(
                line,
                &fact.text,
                "is under a topic of the whole document, about no one role; skipped",
            ),
            None if SHARED.contains(&section) => {
                for role in &mut self.roles.roles {
                    role.facts.push(fact.clone());
                }
            }
            None => self.keep_for_comparison(section, &fact.text, line),
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
            let names = role.name_finder();
            for (_, text) in paragraphs {
                for alias in aliases_in(text) {
                    add_alias(role, alias);
                }
            }
            // The first definition the document gives, a label's or the prose's, comes
            // first; what other labels say the role is follows it.
            let mut labelled = std::mem::take(&mut self.labelled_definitions[index]).into_iter();
            let first = labelled.next();
            let prose = choose_definition(paragraphs, &names);
            let (chosen, more) = match (first, prose) {
                (Some(l), Some(p)) if p.0 < l.0 => (Some(p), Some(l)),
                (Some(l), _) => best_sentence(l, &names),
                (None, prose) => (prose, None),
            };
            let defined = chosen.as_ref().map(|(_, text)| text.clone());
            role.define(chosen, &mut self.warnings);
            file_prose(role, paragraphs, defined.as_deref());
            for (line, text) in more.into_iter().chain(labelled) {
                // "They typically write code in SQL… and are familiar with…" under
                // Overview: the sentences that speak to another aspect are filed there.
                let (other, what): (Vec<&str>, Vec<&str>) = sentences(&text)
                    .into_iter()
                    .partition(|s| prose_section(s).is_some());
                for sentence in other {
                    let section = prose_section(sentence).unwrap_or(Section::Definition);
                    role.facts.push(ParsedFact {
                        section,
                        text: sentence.to_string(),
                        line,
                    });
                }
                if !what.is_empty() {
                    let at = role
                        .facts
                        .iter()
                        .take_while(|f| f.section == Section::Definition)
                        .count();
                    let text = what.join(" ");
                    role.facts.insert(
                        at,
                        ParsedFact {
                            section: Section::Definition,
                            text,
                            line,
                        },
                    );
                }
            }
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
            headings: self.verdicts,
        }
    }
}

/// A text with the 1-based line it starts on.
type Lined = (usize, String);

/// A labelled definition of several sentences ("This is a technical role. A data engineer
/// is a programmer who…"): the sentence that best says what the role is, and the rest,
/// kept as another definition fact.
fn best_sentence((line, text): Lined, names: &NameFinder) -> (Option<Lined>, Option<Lined>) {
    let all = sentences(&text);
    if all.len() < 2 {
        return (Some((line, text)), None);
    }
    let Some((_, best)) = choose_definition(&[(line, text.clone())], names) else {
        return (Some((line, text)), None);
    };
    let rest: Vec<&str> = all.into_iter().filter(|s| *s != best).collect();
    let rest = (!rest.is_empty()).then(|| (line, rest.join(" ")));
    (Some((line, best)), rest)
}

/// The sentences of a role's prose that say what it does, needs or studies, filed under
/// those aspects (the definition sentence aside): "you will be responsible for…".
fn file_prose(role: &mut ParsedRole, paragraphs: &[(usize, String)], definition: Option<&str>) {
    for (line, paragraph) in paragraphs {
        for sentence in sentences(paragraph) {
            if Some(sentence) == definition {
                continue;
            }
            if let Some(section) = prose_section(sentence) {
                role.facts.push(ParsedFact {
                    section,
                    text: sentence.to_string(),
                    line: *line,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod bad_input_tests;
