//! What `/kb gaps` answers: what members asked that no article answers (a role no article
//! covers, skills no article names, a question read more than one way, an aspect the
//! articles say nothing about) and the answers they voted down, the most frequent first,
//! each with what would close it. What members typed is escaped; who asked or voted is
//! never shown.

use super::articles::{line_list, nothing_yet};
use crate::jobs::validate::format_date;
use crate::knowledge::Section;
use crate::reply::{count_of, escape_user_text, Reply};
use crate::teaching::manage::Shortfall;
use crate::teaching::store::gaps::{aspect_of_subject, Gap, GapKind};
use crate::teaching::store::votes::VotedDown;

/// What members asked that no article answers and the answers they voted down (`/kb
/// gaps`), most frequent first, each with what would close it.
pub fn report(gaps: &[Shortfall]) -> Reply {
    if gaps.is_empty() {
        return nothing_yet(
            "No gaps noted",
            "Every question members asked here since the last article that answers it found its answer.",
        );
    }
    let lines: Vec<String> = gaps
        .iter()
        .map(|gap| match gap {
            Shortfall::Unanswered(gap) => gap_line(gap),
            Shortfall::VotedDown(voted) => voted_down_line(voted),
        })
        .collect();
    line_list("What members could not get answered", &lines, |shown| {
        format!(
            "most frequent first · {} · who asked or voted is never shown",
            count_of(shown, "gap")
        )
    })
}

/// `**data engineer**: asked 3 times, last 2026-12-05; no article covers it: add one with
/// `/kb add`.`
fn gap_line(gap: &Gap) -> String {
    let asked = format!(
        "asked {}, last {}",
        count_of(usize::try_from(gap.asks).unwrap_or(usize::MAX), "time"),
        format_date(gap.last_at)
    );
    let subject = escape_user_text(&gap.subject);
    match gap.kind {
        GapKind::UnknownRole => {
            format!("**{subject}**: {asked}; no article covers this role: add one with `/kb add`")
        }
        GapKind::UnknownSkills => format!("**{subject}**: {asked}; no article names these skills"),
        GapKind::Unclear => {
            format!("\"{subject}\": {asked}; read more than one way or naming no role")
        }
        GapKind::EmptyAspect => match aspect_of_subject(&gap.subject) {
            Some((role, aspect)) => {
                let aspect: &str = match Section::from_key(aspect) {
                    Some(section) => section.title(),
                    None => aspect,
                };
                format!(
                    "**{aspect}** of `{role}`: {asked}; the articles say nothing about it: add an article with a {aspect} section for this role with `/kb add`"
                )
            }
            None => format!("**{subject}**: {asked}; the articles say nothing about it"),
        },
    }
}

/// ``👎 `/compare data-engineer data-scientist tools`: voted down 3 times, last
/// 2026-12-05; …`` with what an article should add. Its parts were read strictly from the
/// vote's button (command names, slugs, aspect keys), so they are shown as they are.
fn voted_down_line(voted: &VotedDown) -> String {
    let answer = &voted.answer;
    let mut line = format!("/{}", answer.command);
    for part in answer.roles.iter().chain(&answer.aspect) {
        line.push(' ');
        line.push_str(part);
    }
    let when = format!(
        "voted down {}, last {}",
        count_of(usize::try_from(voted.votes).unwrap_or(usize::MAX), "time"),
        format_date(voted.last_at)
    );
    let roles: Vec<String> = answer.roles.iter().map(|r| format!("`{r}`")).collect();
    let aspect = answer
        .aspect
        .as_deref()
        .and_then(Section::from_key)
        .map(|a| a.title().to_lowercase());
    let next = match (roles.is_empty(), aspect) {
        (true, _) => {
            "read the answer, and add articles on what members look for with `/kb add`".to_owned()
        }
        (false, Some(aspect)) => format!(
            "an article on the {aspect} of {} would improve it: `/kb add`",
            roles.join(" and ")
        ),
        (false, None) => format!(
            "an article on {} would improve it: `/kb add`",
            roles.join(" and ")
        ),
    };
    format!("👎 `{line}`: {when}; {next}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_say_what_would_close_them_and_escape_what_members_typed() {
        let gap = |kind, subject: &str, asks| Gap {
            kind,
            subject: subject.to_owned(),
            asks,
            last_at: 1_764_950_000,
        };
        let shown = report(&[
            Shortfall::Unanswered(gap(GapKind::UnknownRole, "data *engineer*", 3)),
            Shortfall::Unanswered(gap(GapKind::Unclear, "which pays more @everyone", 1)),
        ]);
        let text = shown.embeds()[0].description_text().to_owned();
        assert!(
            text.contains(r"**data \*engineer\***: asked 3 times, last 2025-12-05"),
            "{text}"
        );
        assert!(text.contains("add one with `/kb add`"), "{text}");
        assert!(text.contains("asked 1 time,"), "{text}");
        assert!(!text.contains("@everyone"), "{text}");
        assert_eq!(report(&[]).embeds()[0].title_text(), "No gaps noted");
    }

    #[test]
    fn empty_aspects_and_voted_down_answers_say_what_article_would_help() {
        use crate::teaching::store::votes::VotedAnswer;
        let voted = |command: &str, roles: &[&str], aspect: Option<&str>| {
            Shortfall::VotedDown(VotedDown {
                answer: VotedAnswer {
                    command: command.to_owned(),
                    roles: roles.iter().map(|r| (*r).to_owned()).collect(),
                    aspect: aspect.map(str::to_owned),
                },
                votes: 2,
                last_at: 1_764_950_000,
            })
        };
        let shown = report(&[
            voted(
                "compare",
                &["data-engineer", "data-scientist"],
                Some("tools"),
            ),
            Shortfall::Unanswered(Gap {
                kind: GapKind::EmptyAspect,
                subject: "data-engineer tips".to_owned(),
                asks: 1,
                last_at: 1_764_950_000,
            }),
            voted("search", &[], None),
        ]);
        let lines: Vec<&str> = shown.embeds()[0].description_text().lines().collect();
        assert_eq!(
            lines[0],
            "👎 `/compare data-engineer data-scientist tools`: voted down 2 times, last 2025-12-05; an article on the tools of `data-engineer` and `data-scientist` would improve it: `/kb add`"
        );
        assert!(
            lines[1].starts_with("**Getting started** of `data-engineer`: asked 1 time"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].starts_with("👎 `/search`: voted down 2 times"),
            "{}",
            lines[2]
        );
    }
}
