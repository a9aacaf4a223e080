//! A request written back as the command line that makes it: what a button or a menu
//! option carries, and what a clarifying question offers. Reading the line gives the
//! request again (for role values without spaces, such as slugs).
//!
//! Role values and choices go bare where the command reads them bare (`/compare a b tools`),
//! which keeps a line of two 36-byte slugs and an aspect within Discord's 100-character
//! `custom_id`; other values go by name, quoted when they hold a space. The line syntax has
//! no escape for `"`, so a free-text value loses its double quotes.

use super::{BoardRequest, KnowledgeRequest};
use crate::commands::ASPECTS;
use crate::jobs::request::JobFilter;
use crate::knowledge::Section;

/// Appends `aspect` where the commands' `aspect` option can name it: an aspect they offer no
/// choice for ("How it differs", only ever shown inside a comparison) is left out, so the
/// line answers with the whole view rather than being refused.
fn push_aspect(line: &mut String, aspect: Option<Section>) {
    let key = aspect.map(Section::key);
    if let Some(key) = key.filter(|key| ASPECTS.iter().any(|choice| choice.value == *key)) {
        line.push(' ');
        line.push_str(key);
    }
}

impl KnowledgeRequest {
    /// The command line that makes this request.
    pub fn line(&self) -> String {
        use KnowledgeRequest as K;
        let mut line = String::new();
        match self {
            K::Compare { a, b, aspect } => {
                line.push_str("/compare");
                bare(&mut line, "role_a", a);
                bare(&mut line, "role_b", b);
                push_aspect(&mut line, *aspect);
            }
            K::Skills { role } => {
                line.push_str("/skills");
                bare(&mut line, "role", role);
            }
            K::Role {
                role, aspect, page, ..
            } => {
                line.push_str("/role");
                bare(&mut line, "role", role);
                push_aspect(&mut line, *aspect);
                if *page > 1 {
                    line.push_str(&format!(" page:{page}"));
                }
            }
            K::Roles { filter, page } => {
                line.push_str("/roles");
                if let Some(filter) = filter {
                    named(&mut line, "filter", filter);
                }
                if *page > 1 {
                    line.push_str(&format!(" page:{page}"));
                }
            }
            K::Path { from, to, skills } => {
                line.push_str("/path");
                // By name: a start may be a background ("statistician"), and a bare word is
                // read back only as a role (`/path statistician data-scientist` is one
                // unknown role).
                if let Some(from) = from {
                    named(&mut line, "from", from);
                }
                bare(&mut line, "to", to);
                if let Some(skills) = skills {
                    named(&mut line, "skills", skills);
                }
            }
            K::Match { skills } => {
                line.push_str("/match");
                named(&mut line, "skills", skills);
            }
            K::Needs { item } => {
                line.push_str("/ask");
                named(&mut line, "question", &format!("which roles need {item}?"));
            }
            K::Search { query } => {
                line.push_str("/search");
                named(&mut line, "query", query);
            }
            K::KbStats => line.push_str("/kb stats"),
            K::Help => line.push_str("/help"),
        }
        line
    }
}

impl BoardRequest {
    /// The command line that makes this request; `None` for a change to the board, which
    /// no button or menu may carry.
    pub fn line(&self) -> Option<String> {
        match self {
            BoardRequest::Jobs { filter, page } => {
                let mut line = jobs_line(filter);
                if *page > 1 {
                    line.push_str(&format!(" page:{page}"));
                }
                Some(line)
            }
            BoardRequest::Salary { roles } => {
                let mut line = "/salary".to_owned();
                bare(&mut line, "role", roles.first()?);
                Some(line)
            }
            BoardRequest::Change(_) => None,
        }
    }
}

/// The `/jobs` line that lists what `filter` lists.
pub fn jobs_line(filter: &JobFilter) -> String {
    let mut line = "/jobs".to_owned();
    if let Some(role) = &filter.role {
        named(&mut line, "role", role);
    }
    if let Some(level) = &filter.level {
        line.push_str(&format!(" level:{level}"));
    }
    if let Some(remote) = filter.remote {
        line.push_str(&format!(" remote:{remote}"));
    }
    if let Some(company) = &filter.company {
        named(&mut line, "company", company);
    }
    if filter.by_fit {
        line.push_str(" fit:true");
    }
    line
}

/// ` value` for a one-word value, else ` option:"value"`; nothing for no value (a role still
/// to be asked for).
fn bare(line: &mut String, option: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    if value.contains(char::is_whitespace) || value.contains(':') {
        named(line, option, value);
    } else {
        line.push(' ');
        line.push_str(value);
    }
}

/// ` option:"value"`, without the double quotes the line syntax cannot escape.
fn named(line: &mut String, option: &str, value: &str) {
    line.push_str(&format!(" {option}:\"{}\"", value.replace('"', "")));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_aspect_the_commands_do_not_offer_is_left_out_of_the_line() {
        let compare = |aspect| KnowledgeRequest::Compare {
            a: "mle".into(),
            b: "data-scientist".into(),
            aspect,
        };
        assert_eq!(
            compare(Some(Section::Tools)).line(),
            "/compare mle data-scientist tools"
        );
        assert_eq!(
            compare(Some(Section::Differences)).line(),
            "/compare mle data-scientist"
        );
    }

    #[test]
    fn a_path_names_its_start_which_may_be_a_background() {
        let path = KnowledgeRequest::Path {
            from: Some("statistician".into()),
            to: "data-scientist".into(),
            skills: None,
        };
        assert_eq!(path.line(), "/path from:\"statistician\" data-scientist");
    }
}
