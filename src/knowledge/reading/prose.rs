//! Reads free-prose articles: short role headings, paragraphs, `-` lists introduced by a line
//! such as "…involves the following responsibilities:", and a "Differences Between A vs B" list.
//!
//! Reading takes two passes: the first finds the roles and the other names the text gives them
//! ("Referred to as an MLOps Engineer"), so that the second can tell which role a list or a
//! difference is about even when the text uses the other name.

use crate::knowledge::model::Section;
use crate::knowledge::reading::lines::{
    add_alias, aliases_in, ends_with_role_noun, section_keyword, singular_role_name, split_versus,
    strip_bullet,
};
use crate::knowledge::reading::parsed::{ParsedArticle, ParsedFact, ParsedRole};
use crate::knowledge::text::finder::NameFinder;
use crate::knowledge::text::words::normalize;
use definition::choose_definition;

pub(crate) mod definition;
mod intro;

/// Reads a prose article. `lines` are the repaired lines of the file, in order.
pub fn parse(lines: &[&str]) -> ParsedArticle {
    let (roles, titled) = find_roles(lines);
    if roles.is_empty() {
        return ParsedArticle {
            title: first_line(lines),
            warnings: vec![(
                1,
                "no role found: expected a role heading such as \"Data Scientist\" or a \
                 heading \"A vs B\""
                    .to_string(),
            )],
            ..ParsedArticle::default()
        };
    }
    let mut reader = Reader::new(roles, titled);
    for (index, line) in lines.iter().enumerate() {
        reader.read_line(index + 1, line.trim());
    }
    reader.finish()
}

/// A short line that structures the text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Heading {
    /// "Data Scientist": what follows describes this role.
    Role(String),
    /// "Differences Between A vs B", with the names it gives.
    Differences(Vec<String>),
    /// Any other Title Case heading ("Conclusion").
    Other,
}

/// First pass: roles from role headings (or, failing those, from an "A vs B" heading), with
/// the aliases their paragraphs give, then the roles only the intro names. Also returns how
/// many roles come from headings: those make the title.
fn find_roles(lines: &[&str]) -> (Vec<ParsedRole>, usize) {
    let mut roles: Vec<ParsedRole> = Vec::new();
    let mut versus_names: Vec<String> = Vec::new();
    let mut intro_names: Vec<String> = Vec::new();
    let mut in_intro = true;
    let mut current: Option<usize> = None;
    for line in lines {
        let line = line.trim();
        let heading = heading(line);
        in_intro &= heading.is_none();
        if in_intro {
            intro_names.extend(intro::compared_roles(line));
        }
        match heading {
            Some(Heading::Role(name)) => current = Some(role_index(&mut roles, &name)),
            Some(Heading::Differences(names)) => {
                if versus_names.is_empty() {
                    versus_names = names;
                }
                current = None;
            }
            Some(Heading::Other) => current = None,
            None if strip_bullet(line).is_none() => {
                if let Some(role) = current {
                    for alias in aliases_in(line) {
                        add_alias(&mut roles[role], alias);
                    }
                }
            }
            None => {}
        }
    }
    if roles.is_empty() {
        for name in versus_names {
            role_index(&mut roles, &name);
        }
    }
    let titled = roles.len();
    for name in intro_names {
        role_index(&mut roles, &name);
    }
    (roles, titled)
}

/// The index of the role called `name`, added if new.
fn role_index(roles: &mut Vec<ParsedRole>, name: &str) -> usize {
    let key = normalize(name);
    if let Some(index) = roles.iter().position(|r| normalize(&r.name) == key) {
        return index;
    }
    roles.push(ParsedRole {
        name: name.to_string(),
        ..ParsedRole::default()
    });
    roles.len() - 1
}

/// Classifies a line as a heading: at most 8 Title Case words (12 for an "A vs B" heading),
/// no closing punctuation, not a list item.
fn heading(line: &str) -> Option<Heading> {
    let line = line.trim_start_matches('#').trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let versus = split_versus(line);
    let lower = line.to_lowercase();
    let differences = !versus.is_empty() || section_keyword(&lower) == Some(Section::Differences);
    let max_words = if differences { 12 } else { 8 };
    let is_heading = !words.is_empty()
        && words.len() <= max_words
        && !line.ends_with(['.', ',', ':', ';', '!', '?', '-', '—', '–'])
        && strip_bullet(line).is_none()
        && is_title_case(&words);
    if !is_heading {
        None
    } else if differences {
        Some(Heading::Differences(versus_names(versus)))
    } else if ends_with_role_noun(line) {
        Some(Heading::Role(singular_role_name(line)))
    } else {
        Some(Heading::Other)
    }
}

/// Every word capitalised, except short linking words ("of", "and", "vs").
fn is_title_case(words: &[&str]) -> bool {
    const LINKING: [&str; 14] = [
        "a", "an", "and", "at", "between", "for", "in", "of", "on", "or", "the", "to", "vs", "vs.",
    ];
    words.iter().enumerate().all(|(i, word)| {
        let capitalised = word.starts_with(|c: char| !c.is_lowercase());
        capitalised || (i > 0 && LINKING.contains(&word.to_lowercase().as_str()))
    })
}

/// Names from "Differences Between A vs B", without the lead-in words.
fn versus_names(mut names: Vec<String>) -> Vec<String> {
    if let Some(first) = names.first_mut() {
        let lower = first.to_ascii_lowercase();
        let lead_in = [
            "key differences between ",
            "differences between ",
            "difference between ",
        ]
        .iter()
        .find(|lead| lower.starts_with(*lead));
        if let Some(lead) = lead_in {
            // ASCII lower-casing keeps byte offsets, so the lead-in's length cuts `first` too.
            *first = first[lead.len()..].trim().to_string();
        }
    }
    names.retain(|name| !name.is_empty());
    names
}

fn first_line(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|line| line.trim())
        .find(|line| !line.is_empty())
        .unwrap_or_default()
        .to_string()
}

/// Where a `-` item goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ListTarget {
    /// Items of `section` for these roles (an intro such as "…the following responsibilities:").
    Roles(Section, Vec<usize>),
    /// Differences: each item goes to the roles it mentions.
    Differences,
}

/// Second pass: lists, differences and the paragraphs definitions are chosen from.
struct Reader {
    roles: Vec<ParsedRole>,
    /// Finds the roles' names in headings, list intros and items.
    names: NameFinder,
    warnings: Vec<(usize, String)>,
    current_role: Option<usize>,
    list: Option<ListTarget>,
    /// Set once a stray list has been warned about, until the next non-list line.
    warned_stray_list: bool,
    /// Per role, the prose lines under its heading: where its definition is looked for.
    paragraphs: Vec<Vec<(usize, String)>>,
    /// True until the first heading.
    in_intro: bool,
    /// Roles from headings, which make the title; the rest are only named in the intro.
    titled: usize,
}

impl Reader {
    fn new(roles: Vec<ParsedRole>, titled: usize) -> Self {
        Reader {
            in_intro: true,
            titled,
            names: role_names(&roles),
            paragraphs: vec![Vec::new(); roles.len()],
            roles,
            warnings: Vec::new(),
            current_role: None,
            list: None,
            warned_stray_list: false,
        }
    }

    fn read_line(&mut self, number: usize, line: &str) {
        if line.is_empty() {
            return;
        }
        if let Some(heading) = heading(line) {
            self.in_intro = false;
            self.start_heading(heading);
        } else if self.in_intro {
            self.read_intro(number, line);
        } else if let Some(item) = strip_bullet(line) {
            self.read_item(number, item);
        } else if !self.read_list_intro(number, line) {
            self.read_paragraph(number, line);
        }
    }

    /// An intro sentence about exactly one role says how that role differs from the other.
    fn read_intro(&mut self, number: usize, line: &str) {
        for sentence in intro::sentences(line) {
            if let [role] = mentioned(&self.names, sentence).as_slice() {
                self.roles[*role].facts.push(ParsedFact {
                    section: Section::Differences,
                    text: sentence.to_string(),
                    line: number,
                });
            }
        }
    }

    /// A paragraph ends a role's list (not the differences, which run to the next heading) and
    /// is kept as a place to find the role's definition.
    fn read_paragraph(&mut self, number: usize, line: &str) {
        self.list = self.list.take().filter(|t| *t == ListTarget::Differences);
        self.warned_stray_list = false;
        if let (Some(role), None) = (self.current_role, &self.list) {
            self.paragraphs[role].push((number, line.to_string()));
        }
    }

    fn start_heading(&mut self, heading: Heading) {
        self.warned_stray_list = false;
        (self.current_role, self.list) = match heading {
            Heading::Role(name) => (self.names.get(&name), None),
            Heading::Differences(_) => (None, Some(ListTarget::Differences)),
            Heading::Other => (None, None),
        };
    }

    /// Reads a line ending in ':' that says what the list after it holds, e.g. "An MLOps
    /// Engineer role involves the following responsibilities:", into `self.list`. False if
    /// the line is no list intro.
    fn read_list_intro(&mut self, number: usize, line: &str) -> bool {
        let lower = line.to_lowercase();
        let Some(section) = lower.strip_suffix(':').and_then(section_keyword) else {
            return false;
        };
        self.list = if section == Section::Differences {
            Some(ListTarget::Differences)
        } else {
            self.list_roles(number, line, section)
                .map(|roles| ListTarget::Roles(section, roles))
        };
        true
    }

    /// The roles a list intro names, else the current heading's role.
    fn list_roles(&mut self, number: usize, line: &str, section: Section) -> Option<Vec<usize>> {
        let mut roles = mentioned(&self.names, line);
        roles.extend(self.current_role.filter(|_| roles.is_empty()));
        if roles.is_empty() {
            let message = format!("list of {} names no role; skipped", section.key());
            self.warnings.push((number, message));
            return None;
        }
        Some(roles)
    }

    fn read_item(&mut self, number: usize, item: &str) {
        let (section, roles) = match &self.list {
            _ if item.is_empty() => return,
            Some(ListTarget::Roles(section, roles)) => (*section, roles.clone()),
            Some(ListTarget::Differences) => {
                let mut roles = mentioned(&self.names, item);
                if roles.is_empty() {
                    roles = (0..self.roles.len()).collect();
                }
                (Section::Differences, roles)
            }
            None => {
                if !self.warned_stray_list {
                    self.warned_stray_list = true;
                    let message =
                        "list with no introduction (such as \"…responsibilities:\"); skipped";
                    self.warnings.push((number, message.to_string()));
                }
                return;
            }
        };
        for role in roles {
            self.roles[role].facts.push(ParsedFact {
                section,
                text: item.to_string(),
                line: number,
            });
        }
    }

    fn finish(mut self) -> ParsedArticle {
        let titled = self.titled;
        for (role, paragraphs) in self.roles.iter_mut().zip(&self.paragraphs).take(titled) {
            let chosen = choose_definition(paragraphs, &role.name_finder());
            role.define(chosen, &mut self.warnings);
        }
        let names: Vec<&str> = self.roles[..titled]
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        ParsedArticle {
            title: names.join(" vs. "),
            roles: self.roles,
            jobs: Vec::new(),
            warnings: self.warnings,
            ..ParsedArticle::default()
        }
    }
}

/// The roles' names and aliases, and their short forms ("MLOps" for "MLOps Engineer", never
/// "Data" for "Data Scientist"), each standing for its role's index. Short forms come after
/// every full name, so that one never takes another role's name.
fn role_names(roles: &[ParsedRole]) -> NameFinder {
    let mut finder = NameFinder::default();
    for (index, role) in roles.iter().enumerate() {
        for name in role.names() {
            finder.insert(name, index);
        }
    }
    for (index, role) in roles.iter().enumerate() {
        let short_forms = role.names().filter_map(|name| name.split_once(' '));
        for (short, _) in short_forms {
            if short.chars().filter(|c| c.is_uppercase()).count() >= 2 {
                finder.insert(short, index);
            }
        }
    }
    finder
}

/// The roles `text` mentions, in index order, each once.
fn mentioned(names: &NameFinder, text: &str) -> Vec<usize> {
    let mut roles = names.ids_in(text);
    roles.sort_unstable();
    roles
}

#[cfg(test)]
mod tests;
