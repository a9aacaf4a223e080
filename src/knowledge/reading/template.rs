//! Reads articles written in the comparison template: `A vs. B`, `Definitions`, per-role
//! bullet lists under section headings, shared outlook and tips, then page furniture.
//!
//! The reader is a line-by-line state machine: a section heading picks the [`Section`], a line
//! naming a role picks the role, and bullets become facts. Page furniture (read time, table of
//! contents, featured jobs, salary insights, related articles) and the intro and conclusion
//! paragraphs never become facts. Anything unexpected is a warning, never a panic.

use crate::knowledge::model::Section;
use crate::knowledge::reading::featured_jobs;
use crate::knowledge::reading::lines::{
    add_alias, aliases_in, collapse_whitespace, section_for_heading, split_versus, strip_bullet,
};
use crate::knowledge::reading::parsed::{ParsedArticle, ParsedFact, ParsedRole};
use crate::knowledge::text::finder::NameFinder;
use crate::knowledge::text::fuzzy;
use crate::knowledge::text::words::{normalize, split_words};

mod furniture;

use furniture::{furniture, is_conclusion, Furniture};

/// True if `lines` look like the template: an `A vs B` title and at least one known heading.
pub fn is_template(lines: &[&str]) -> bool {
    let has_versus_title = first_text_line(lines)
        .is_some_and(|(_, line)| split_versus(line.trim_start_matches('#')).len() >= 2);
    has_versus_title
        && lines
            .iter()
            .any(|line| section_for_heading(line).is_some_and(|s| s != Section::Differences))
}

/// Reads a template article. `lines` are the repaired lines of the file, in order.
pub fn parse(lines: &[&str]) -> ParsedArticle {
    let mut reader = Reader::new(lines);
    let mut index = reader.title_index.map_or(0, |i| i + 1);
    while index < lines.len() {
        index += reader.read_line(index).max(1);
    }
    reader.finish()
}

/// Where in the document the reader is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    /// Before the first heading: the intro paragraph.
    Intro,
    /// Under a section heading, as written (for warnings).
    Section(Section, String),
    /// After the conclusion paragraph, or in furniture such as "Salary Insights".
    Furniture,
    /// After "Related articles": links to other pages, to the end of the file.
    RelatedArticles,
}

/// A heading whose items are still to come; checked for emptiness when the next one starts.
struct OpenHeading {
    line: usize,
    /// The section heading as written, e.g. "Common Industries".
    section: String,
    /// The role sub-heading, or `None` for the section heading itself.
    role: Option<usize>,
    facts_before: usize,
}

struct Reader<'a> {
    lines: &'a [&'a str],
    title_index: Option<usize>,
    /// The words of `a vs b`, lower-cased: a line starting with them repeats the title.
    title_words: Vec<String>,
    /// Roles came from the title; otherwise `Definitions` may introduce them.
    roles_from_title: bool,
    article: ParsedArticle,
    place: Place,
    role: Option<usize>,
    open: Vec<OpenHeading>,
    /// The section already warned about bullets that come before any role heading.
    warned_roleless: bool,
    /// Each role's name, standing for its index: looked up on every line.
    role_names: NameFinder,
}

impl<'a> Reader<'a> {
    fn new(lines: &'a [&'a str]) -> Self {
        let title = first_text_line(lines);
        let names = title.map_or_else(Vec::new, |(_, line)| title_role_names(line));
        let roles: Vec<ParsedRole> = names
            .iter()
            .map(|name| ParsedRole {
                name: name.clone(),
                ..ParsedRole::default()
            })
            .collect();
        let title_text = match names.as_slice() {
            [] => title.map_or_else(String::new, |(_, line)| line.trim().to_string()),
            _ => names.join(" vs. "),
        };
        Reader {
            role_names: names_finder(&names),
            lines,
            title_index: title.map(|(index, _)| index),
            title_words: split_words(&names.join(" vs "))
                .map(str::to_lowercase)
                .collect(),
            roles_from_title: !roles.is_empty(),
            article: ParsedArticle {
                title: title_text,
                roles,
                ..ParsedArticle::default()
            },
            place: Place::Intro,
            role: None,
            open: Vec::new(),
            warned_roleless: false,
        }
    }

    /// Reads the line at `index` (and, for a job card, the lines after it); returns how many
    /// lines were used.
    fn read_line(&mut self, index: usize) -> usize {
        let number = index + 1;
        let line = self.lines[index].trim();
        if line.is_empty() || self.skip_furniture(line) {
            return 1;
        }
        if featured_jobs::is_job_header(line) {
            return self.read_jobs(index);
        }
        if self.place == Place::RelatedArticles {
            return 1;
        }
        if let Some(role) = self.role_heading(line) {
            self.start_role(number, role);
        } else if let Some(section) = section_for_heading(line) {
            self.start_section(number, section, line);
        } else if let Place::Section(section, heading) = self.place.clone() {
            self.read_section_line(number, line, section, &heading);
        }
        1
    }

    /// Page furniture, skipped wherever it appears; some of it changes the place.
    fn skip_furniture(&mut self, line: &str) -> bool {
        match furniture(line) {
            Some(Furniture::Line) => {}
            Some(Furniture::SalaryInsights) => self.enter(Place::Furniture),
            Some(Furniture::RelatedArticles) => self.enter(Place::RelatedArticles),
            None => return self.is_title_repeat(line),
        }
        true
    }

    /// "Machine Learning Engineer vs. Data Specialist" again, or "#… vs …: A Comparison".
    fn is_title_repeat(&self, line: &str) -> bool {
        let mut words = split_words(line);
        !self.title_words.is_empty()
            && self
                .title_words
                .iter()
                .all(|title| words.next().is_some_and(|w| w.eq_ignore_ascii_case(title)))
    }

    fn read_jobs(&mut self, index: usize) -> usize {
        self.enter(Place::Furniture);
        // A card has at most four non-blank lines; passing only those keeps a file full of
        // "Featured Job" lines linear.
        let mut non_blank = 0;
        let card: Vec<(usize, &str)> = (index..self.lines.len())
            .map(|i| (i + 1, self.lines[i]))
            .take_while(|(_, line)| {
                non_blank += usize::from(!line.trim().is_empty());
                non_blank <= 4
            })
            .collect();
        let (job, used) = featured_jobs::read_job_block(&card, &mut self.article.warnings);
        self.article.jobs.extend(job);
        used
    }

    fn enter(&mut self, place: Place) {
        self.close_headings();
        self.place = place;
        self.role = None;
    }

    fn start_section(&mut self, number: usize, section: Section, heading: &str) {
        self.enter(Place::Section(section, heading.to_string()));
        self.warned_roleless = false;
        self.open.push(OpenHeading {
            line: number,
            section: heading.to_string(),
            role: None,
            facts_before: self.fact_count(),
        });
    }

    fn start_role(&mut self, number: usize, role: usize) {
        let Place::Section(_, heading) = &self.place else {
            return;
        };
        let heading = heading.clone();
        // Only the previous role's heading closes: the section heading stays open.
        if self.open.last().is_some_and(|open| open.role.is_some()) {
            if let Some(last) = self.open.pop() {
                self.check_not_empty(last);
            }
        }
        self.role = Some(role);
        self.open.push(OpenHeading {
            line: number,
            section: heading,
            role: Some(role),
            facts_before: self.article.roles[role].facts.len(),
        });
    }

    /// Warns about headings that got no items, innermost first.
    fn close_headings(&mut self) {
        while let Some(open) = self.open.pop() {
            self.check_not_empty(open);
        }
    }

    fn check_not_empty(&mut self, open: OpenHeading) {
        let message = match open.role {
            Some(role) if self.article.roles[role].facts.len() == open.facts_before => format!(
                "section {:?} has no items for {:?}",
                open.section, self.article.roles[role].name
            ),
            None if self.fact_count() == open.facts_before => {
                format!("section {:?} has no items", open.section)
            }
            _ => return,
        };
        self.article.warnings.push((open.line, message));
    }

    /// True once the current section heading has given any role a fact.
    fn section_has_items(&self) -> bool {
        let section = self.open.iter().find(|open| open.role.is_none());
        section.is_some_and(|open| self.fact_count() > open.facts_before)
    }

    fn fact_count(&self) -> usize {
        self.article.roles.iter().map(|r| r.facts.len()).sum()
    }

    fn read_section_line(&mut self, number: usize, line: &str, section: Section, heading: &str) {
        if section == Section::Definition {
            self.read_definition(number, line);
        } else if let Some(item) = strip_bullet(line) {
            self.read_item(number, item, section, heading);
        } else if is_conclusion(line) || (section == Section::Tips && self.section_has_items()) {
            // The first paragraph after the tips (or any "In conclusion…") closes the body.
            self.enter(Place::Furniture);
        } else if section == Section::Outlook {
            self.add_fact(self.role, section, line, number);
        } else {
            let message = format!("unexpected line in section {heading:?}; skipped");
            self.article.warnings.push((number, message));
        }
    }

    fn read_item(&mut self, number: usize, item: &str, section: Section, heading: &str) {
        if item.is_empty() {
            let message = format!("empty bullet in section {heading:?}; skipped");
            self.article.warnings.push((number, message));
            return;
        }
        let shared_section = matches!(section, Section::Tips | Section::Outlook);
        if self.role.is_none() && !shared_section && !self.warned_roleless {
            self.warned_roleless = true;
            let message = format!(
                "items in section {heading:?} come before any role heading; given to every role"
            );
            self.article.warnings.push((number, message));
        }
        self.add_fact(self.role, section, item, number);
    }

    /// A `Role Name: text` line under `Definitions`.
    fn read_definition(&mut self, number: usize, line: &str) {
        let Some((name, definition)) = line.split_once(':') else {
            let message =
                "line in \"Definitions\" names no role (expected \"Role: text\"); skipped";
            self.article.warnings.push((number, message.to_string()));
            return;
        };
        let Some(role) = self.definition_role(name.trim()) else {
            let message = format!("definition of unknown role {:?}; skipped", name.trim());
            self.article.warnings.push((number, message));
            return;
        };
        if definition.trim().is_empty() {
            let message = format!("empty definition of {:?}; skipped", name.trim());
            self.article.warnings.push((number, message));
            return;
        }
        for alias in aliases_in(definition) {
            add_alias(&mut self.article.roles[role], alias);
        }
        self.add_fact(Some(role), Section::Definition, definition, number);
    }

    /// The role a definition belongs to; a new role when the title named none.
    fn definition_role(&mut self, name: &str) -> Option<usize> {
        if name.is_empty() || name.split_whitespace().count() > 8 {
            return None;
        }
        if let Some(role) = self.find_role(name) {
            return Some(role);
        }
        if self.roles_from_title {
            return self.find_role_fuzzy(name);
        }
        self.role_names.insert(name, self.article.roles.len());
        self.article.roles.push(ParsedRole {
            name: collapse_whitespace(name),
            ..ParsedRole::default()
        });
        Some(self.article.roles.len() - 1)
    }

    /// A line that is only a role's name ("Data Operations Specialist", "For Aspiring …s").
    fn role_heading(&self, line: &str) -> Option<usize> {
        if !matches!(self.place, Place::Section(s, _) if s != Section::Definition) {
            return None;
        }
        // A role heading is a few words on a line of its own, never a list item.
        if line.len() > 120 || strip_bullet(line).is_some() {
            return None;
        }
        let line = line.trim_end_matches(':');
        let lower = line.to_lowercase();
        let name = ["for aspiring ", "aspiring ", "for "]
            .iter()
            .find_map(|prefix| lower.strip_prefix(prefix))
            .unwrap_or(&lower);
        self.find_role(name)
    }

    fn find_role(&self, name: &str) -> Option<usize> {
        // Role names are a handful of words; anything longer is text, and skipping it keeps
        // this per-line check cheap.
        if name.len() > 120 {
            return None;
        }
        self.role_names.get(name)
    }

    /// Tolerates small typos in a definition's role name ("Data Operation Specialist").
    fn find_role_fuzzy(&self, name: &str) -> Option<usize> {
        let key = normalize(name);
        self.article
            .roles
            .iter()
            .position(|role| fuzzy::is_typo_of(&key, &normalize(&role.name)))
    }

    /// Adds a fact to `role`, or to every role when the item is shared.
    fn add_fact(&mut self, role: Option<usize>, section: Section, text: &str, line: usize) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let fact = ParsedFact {
            section,
            text: text.to_string(),
            line,
        };
        match role {
            Some(role) => self.article.roles[role].facts.push(fact),
            None => {
                for role in &mut self.article.roles {
                    role.facts.push(fact.clone());
                }
            }
        }
    }

    fn finish(mut self) -> ParsedArticle {
        self.close_headings();
        if self.article.roles.is_empty() {
            let message =
                "no role found: expected a title \"A vs. B\" or \"Role: text\" definitions";
            self.article.warnings.push((1, message.to_string()));
        }
        for role in &self.article.roles {
            if !role.facts.iter().any(|f| f.section == Section::Definition) {
                let message = format!("no definition for {:?}", role.name);
                self.article.warnings.push((0, message));
            }
        }
        self.article
    }
}

/// The first non-blank line, with its index.
/// A finder of `names`, each standing for its place in the list.
fn names_finder(names: &[String]) -> NameFinder {
    let mut finder = NameFinder::default();
    for (index, name) in names.iter().enumerate() {
        finder.insert(name, index);
    }
    finder
}

fn first_text_line<'a>(lines: &[&'a str]) -> Option<(usize, &'a str)> {
    lines
        .iter()
        .enumerate()
        .find(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| (index, *line))
}

/// Role names from a title such as "#A vs B: A Comprehensive Comparison".
fn title_role_names(title: &str) -> Vec<String> {
    let mut names = split_versus(title.trim().trim_start_matches('#'));
    if let Some(last) = names.last_mut() {
        // The subtitle after the last name: ": A Comprehensive Comparison".
        if let Some((name, _)) = last.split_once(':') {
            *last = name.trim().to_string();
        }
    }
    names.retain(|name| !name.is_empty());
    if names.len() < 2 {
        names.clear();
    }
    names
}

#[cfg(test)]
mod tests;
