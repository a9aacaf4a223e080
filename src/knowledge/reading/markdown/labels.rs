//! The text between headings: labels people write (`**Key Responsibilities**`, `Skills:`,
//! `<!-- Skills Required -->`, `- **Tech Stack**: …`, `4.1 Responsibilities of X include:`),
//! labelled bullets and paragraphs, lists written as bare lines, and prose.

use super::blocks::Text;
use super::names::read_name;
use super::Reader;
use crate::knowledge::model::Section;
use crate::knowledge::reading::aspects::heading_section;

/// A paragraph of at most this many words, with one sentence, can be an item of the list
/// a label opened ("4.2 Skills required:" then one skill a paragraph).
const ITEM_WORDS: usize = 20;

/// The longest label, in words: a longer line ending in ':' is a sentence.
const LABEL_WORDS: usize = 12;

/// The aspect a label names ("Key Responsibilities", "Tech Stack", "Salary Range (UK)").
pub(super) fn label_aspect(label: &str) -> Option<Section> {
    (label.split_whitespace().count() <= LABEL_WORDS)
        .then(|| heading_section(&label.to_lowercase()))
        .flatten()
}

impl Reader {
    pub(super) fn paragraph(&mut self, text: &Text) {
        if let Some(label) = label_of(text) {
            self.label(label);
            if is_statement(text, label) && self.roles.find(label).is_none() {
                // "**Moving data reliably**" under Primary Focus: a bold line that says
                // something, not what the list below it is.
                self.prose(label, text.line);
            }
            if let Some(rest) = rest_after_label(text) {
                self.labelled_text(label, &rest, text.line);
            }
            return;
        }
        if let Some(lead) = text.lead.as_deref().filter(|l| is_short_label(l)) {
            if let Some(rest) = text.after_lead().filter(|r| !r.is_empty()) {
                return self.labelled_text(lead, rest, text.line);
            }
        }
        if let Some((prose, label)) = trailing_label(&text.text) {
            // "Most hold a degree. The skills you need are:" then the skills.
            self.end_list();
            self.prose(prose, text.line);
            return self.label(label);
        }
        if let Some((label, rest)) = text.text.split_once(':') {
            if let Some(role) = self.roles.find(label) {
                let section = self.scope_aspect().unwrap_or(Section::Definition);
                return self.emit(Some(role), section, rest, text.line);
            }
        }
        let labelled = self.list_aspect.is_some() || self.list_role.is_some();
        if labelled && text.lines.len() > 1 && self.bare_lines {
            // A list written as bare lines under a label.
            let role = self.list_role.or_else(|| self.scope_role());
            let section = self.list_aspect.or_else(|| self.scope_aspect());
            if let Some(section) = section {
                for (line, item) in &text.lines {
                    self.emit(role, section, item, *line);
                }
                return;
            }
        }
        if labelled && self.bare_lines && is_item_like(&text.text) {
            if let Some(section) = self.list_aspect {
                let role = self.list_role.or_else(|| self.scope_role());
                return self.emit(role, section, &text.text, text.line);
            }
        }
        self.end_list();
        self.prose(&text.text, text.line);
    }

    /// A paragraph of prose: a fact under the aspect heading it is under, else a sentence
    /// the role's definition may be chosen from.
    fn prose(&mut self, text: &str, line: usize) {
        match (self.scope_aspect(), self.scope_role()) {
            // Under a heading that says what the text is ("Definition", "Primary Focus").
            (Some(section), role) => self.emit(role, section, text, line),
            // A role's own prose: its definition is chosen from it, and what it says the
            // role does, needs or studies is filed there.
            (None, Some(role)) => self.paragraphs[role].push((line, text.to_string())),
            // An intro or an unnamed heading's text: not a fact about a role.
            (None, None) => {}
        }
    }

    /// A label before a list or lines: a role's name, an aspect, or a group's name.
    fn label(&mut self, label: &str) {
        self.end_list();
        self.bare_lines = true;
        if let Some(role) = self.roles.find(label) {
            self.list_role = Some(role);
            return;
        }
        if let Some(section) = label_aspect(label) {
            self.list_aspect = Some(section);
            if let [only] = self.roles.mentioned(label).as_slice() {
                self.list_role = Some(*only);
            }
        }
        self.group = Some(label.to_string());
    }

    /// `**Role Summary** Builds…`, `**Definition:** Data Scientists are…`: the label
    /// says the aspect (or the role), the rest is the fact.
    fn labelled_text(&mut self, label: &str, rest: &str, line: usize) {
        if let Some(role) = self.roles.find(label) {
            let section = self.scope_aspect().unwrap_or(Section::Definition);
            return self.emit(Some(role), section, rest, line);
        }
        match label_aspect(label) {
            Some(section) => {
                let role = self.list_role.or_else(|| self.scope_role());
                let fact = if is_pure_label(label) {
                    rest.to_string()
                } else {
                    format!("{label}: {rest}")
                };
                self.emit(role, section, &fact, line);
            }
            None => {
                let whole = format!("{label}: {rest}");
                self.prose(&whole, line);
            }
        }
    }

    /// An HTML comment: a label when it names an aspect or a role, else a note.
    pub(super) fn comment(&mut self, text: &str) {
        let names_aspect = label_aspect(text).is_some();
        if names_aspect || self.roles.find(text).is_some() {
            self.label(text);
        }
    }

    pub(super) fn item(&mut self, text: &Text, depth: usize, parent: bool) {
        while self.item_scopes.last().is_some_and(|&(d, ..)| d >= depth) {
            self.item_scopes.pop();
        }
        // A label's list is a real list: paragraphs after it are not its items.
        self.bare_lines = false;
        let (label, rest) = split_label(text);
        let labelled_role = label.and_then(|l| self.roles.find(l));
        let whole_role = self.roles.find(&text.text);
        if let Some(role) = whole_role.filter(|_| parent) {
            // A role's name as a list item: its nested items are about it.
            return self.item_scopes.push((depth, Some(role), None));
        }
        if let (Some(label), "") = (label, rest) {
            // `- **Summary**:` or `1. Industry Focus:` before what it labels.
            let aspect = label_aspect(label);
            if parent {
                // "1. Machine Learning Engineer Tools:" over the tools themselves.
                let named = || match self.roles.mentioned(label).as_slice() {
                    [only] => Some(*only),
                    _ => None,
                };
                let role = labelled_role.or_else(named);
                return self.item_scopes.push((depth, role, aspect));
            }
            if whole_role.is_none() {
                return self.label(label);
            }
        }
        if labelled_role.is_none() && label.is_some_and(|l| read_name(l).is_ok()) {
            // "- DevOps Engineer: Jenkins" in a document that does not profile DevOps
            // Engineers: about that role, so never filed under the one in scope.
            return self.warn(
                text.line,
                &text.text,
                "is labelled with a role the document does not profile; skipped",
            );
        }
        let scoped_role = self.item_scopes.iter().rev().find_map(|&(_, r, _)| r);
        let scoped_aspect = self.item_scopes.iter().rev().find_map(|&(_, _, a)| a);
        let own_aspect = label.and_then(label_aspect);
        let role = labelled_role
            .or(whole_role)
            .or(scoped_role)
            .or(self.list_role)
            .or_else(|| self.scope_role());
        let aspect = own_aspect
            .or(scoped_aspect)
            .or(self.list_aspect)
            .or_else(|| self.scope_aspect());
        let fact = if labelled_role.is_some() {
            rest.to_string()
        } else if whole_role.is_some() {
            // "Data Engineer (highest demand)" under "Currently very hot:".
            role_item_fact(&text.text, self.group.as_deref())
        } else if own_aspect.is_some() && !rest.is_empty() && label.is_some_and(is_pure_label) {
            rest.to_string()
        } else {
            text.text.clone()
        };
        match aspect {
            Some(section) if !fact.is_empty() => {
                let fact = if labelled_role.is_some() && section == Section::Tools {
                    format!("{}: {fact}", section.title())
                } else {
                    fact
                };
                self.emit(role, section, &fact, text.line);
            }
            Some(_) => {}
            None if scoped_role.is_some() => {
                // A card's own text: what the role is.
                if let Some(role) = scoped_role {
                    self.paragraphs[role].push((text.line, fact));
                }
            }
            None => self.warn(
                text.line,
                &fact,
                "is under no aspect heading (such as \"## Skills\"); skipped",
            ),
        }
    }
}

/// The label a whole paragraph is: `**Key Responsibilities**`, `Skills:`, `4.1
/// Responsibilities of X include:`, or the bold first line of `**Role Summary**` + text.
fn label_of(text: &Text) -> Option<&str> {
    if text.is_label() {
        return text.lead.as_deref();
    }
    if let (Some(lead), Some((_, first))) = (text.lead.as_deref(), text.lines.first()) {
        let first = first.trim_end_matches(':').trim_end();
        if first == lead && text.lines.len() > 1 {
            return Some(lead);
        }
    }
    let label = text.text.strip_suffix(':').map(str::trim)?;
    (!label.is_empty() && label.split_whitespace().count() <= LABEL_WORDS).then_some(label)
}

/// A bold line alone that is a statement: no colon, and no aspect it would label.
fn is_statement(text: &Text, label: &str) -> bool {
    text.is_label() && !text.text.trim_end().ends_with(':') && label_aspect(label).is_none()
}

/// The text after a bold first line ("Builds, deploys…" after `**Role Summary**`).
fn rest_after_label(text: &Text) -> Option<String> {
    if text.is_label() || text.lines.len() < 2 {
        return None;
    }
    let rest: Vec<&str> = text.lines[1..].iter().map(|(_, l)| l.as_str()).collect();
    Some(rest.join(" "))
}

/// Words a label adds to its aspect without saying anything more ("Key", "Required",
/// "Typical" in "Key Skills", "Required Skills", "Typical Education").
const LABEL_FILLER: [&str; 31] = [
    "key",
    "required",
    "typical",
    "core",
    "main",
    "primary",
    "the",
    "role",
    "technical",
    "needed",
    "range",
    "ranges",
    "expected",
    "initial",
    "recommended",
    "tech",
    "stack",
    "and",
    "of",
    "&",
    "a",
    "s",
    "uk",
    "us",
    "summary",
    "description",
    "overview",
    "what",
    "they",
    "do",
    "actually",
];

/// A label that only names its aspect ("Key Skills", "Tech Stack", "Salary Range (UK)"):
/// the fact is what follows it. Any other label ("Analytical Skills") is part of the fact.
fn is_pure_label(label: &str) -> bool {
    label
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .all(|word| {
            let lower = word.to_lowercase();
            LABEL_FILLER.contains(&lower.as_str()) || heading_section(&lower).is_some()
        })
}

fn is_short_label(label: &str) -> bool {
    label.split_whitespace().count() <= LABEL_WORDS
}

/// An item's label and the rest: `**Tech Stack**: Excel` → ("Tech Stack", "Excel"),
/// `Data Scientist: Python` → ("Data Scientist", "Python"); no label → (None, text).
fn split_label(text: &Text) -> (Option<&str>, &str) {
    if let Some(lead) = text.lead.as_deref().filter(|l| is_short_label(l)) {
        let rest = text.after_lead().unwrap_or_default();
        if rest.is_empty()
            || text
                .text
                .get(lead.len()..)
                .is_some_and(|r| r.trim_start().starts_with(':'))
            || text.text.trim_end().ends_with(':')
        {
            return (Some(lead), rest);
        }
    }
    match text.text.split_once(':') {
        Some((label, rest)) if is_short_label(label) => (Some(label.trim()), rest.trim()),
        _ => (None, text.text.as_str()),
    }
}

/// A paragraph ending in a short sentence with a colon that names an aspect: (the prose
/// before it, that sentence as a label).
fn trailing_label(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_suffix(':')?;
    let (prose, label) = body.rsplit_once(". ")?;
    (is_short_label(label) && label_aspect(label).is_some()).then(|| (prose.trim(), label.trim()))
}

/// One sentence of a few words: an item of a list written as paragraphs.
fn is_item_like(text: &str) -> bool {
    let sentence_ends = text.trim_end_matches(['.', '!', '?']).matches(". ").count();
    text.split_whitespace().count() <= ITEM_WORDS && sentence_ends == 0
}

/// What an item naming a role says of it under a group label: "Data Engineer (highest
/// demand)" under "Currently very hot (2025)" → "Currently very hot (2025): highest demand".
fn role_item_fact(text: &str, group: Option<&str>) -> String {
    let aside = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, aside)| aside.trim())
        .filter(|aside| !aside.is_empty());
    match (group, aside) {
        (Some(group), Some(aside)) => format!("{group}: {aside}"),
        (Some(group), None) => group.to_string(),
        (None, Some(aside)) => aside.to_string(),
        (None, None) => String::new(),
    }
}
