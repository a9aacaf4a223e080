//! One document read into roles and facts, before roles are merged across documents.
//!
//! Markdown files (`.md`) are read as Markdown (`knowledge::markdown`). Plain text has two
//! layouts: the comparison template (`A vs. B`, `Definitions`, per-role bullet lists…) and
//! free prose with its own headings and `-` lists. [`parse_document`] picks by name and
//! layout; every reader produces the same [`ParsedArticle`] (`knowledge::parsed`).

use crate::knowledge::reading::known::KnownRoles;
use std::borrow::Cow;

pub use crate::knowledge::reading::parsed::{ParsedArticle, ParsedFact, ParsedJob, ParsedRole};

/// Reads one document into roles, facts, featured jobs and warnings. Never panics.
///
/// The text is cleaned first (byte-order mark, CRLF, mojibake repaired run by run, control
/// characters other than tab and newline), so line numbers still match the file. A document
/// with an `A vs B` title line and at least one template heading is read as the comparison
/// template; anything else as free prose.
pub fn parse_article(raw: &str) -> ParsedArticle {
    parse_text(&clean_text(raw))
}

/// Reads one document by its name: a `.md` file as Markdown (headings, lists, tables), unless
/// it has no Markdown structure at all or the Markdown reading finds no role (then free prose
/// may still find roles its intro names); anything else as [`parse_article`] does. Never
/// panics.
pub fn parse_document(path: &str, raw: &str) -> ParsedArticle {
    parse_document_knowing(path, raw, &KnownRoles::default())
}

/// [`parse_document`], with role names known before reading (see [`KnownRoles`]).
pub fn parse_document_knowing(path: &str, raw: &str, known: &KnownRoles) -> ParsedArticle {
    let text = clean_text(raw);
    let is_markdown = path
        .rsplit('.')
        .next()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("md"));
    if is_markdown {
        if let Some(article) = crate::knowledge::reading::markdown::parse_knowing(&text, known) {
            if !article.roles.is_empty() {
                return article;
            }
            let plain = parse_text(&text);
            return if plain.roles.is_empty() {
                article
            } else {
                plain
            };
        }
    }
    parse_text(&text)
}

/// The text layouts: the comparison template, else free prose.
fn parse_text(text: &str) -> ParsedArticle {
    let lines: Vec<&str> = text.split('\n').collect();
    if crate::knowledge::reading::template::is_template(&lines) {
        crate::knowledge::reading::template::parse(&lines)
    } else {
        crate::knowledge::reading::prose::parse(&lines)
    }
}

/// The document as text the parsers can trust, with one line per line of the file. Most
/// documents need no change at all, so each step copies the text only when it must.
fn clean_text(raw: &str) -> Cow<'_, str> {
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    // A lone CR ends a line too (old Mac files); CRLF must not end two.
    let unified = if raw.contains('\r') {
        Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(raw)
    };
    let repaired = match crate::knowledge::reading::mojibake::repair(&unified) {
        Cow::Owned(repaired) => Cow::Owned(repaired),
        Cow::Borrowed(_) => unified,
    };
    let unwanted = |c: char| c != '\t' && c != '\n' && (c.is_control() || c == '\u{FEFF}');
    if repaired.contains(unwanted) {
        Cow::Owned(repaired.chars().filter(|&c| !unwanted(c)).collect())
    } else {
        repaired
    }
}

#[cfg(test)]
mod parse_article_tests {
    use super::*;
    use proptest::prelude::*;

    const SEED: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/knowledge/articles/machine-learning-scientist-vs-data-operations-specialist.txt"
    ));

    /// Lines both layouts react to, mixed with noise and characters whose case mapping
    /// changes their length (U+212A KELVIN SIGN, 'İ', 'ß').
    const LINE_SOUP: &str = concat!(
        "((Featured Job|@ a \\| b|Full Time|USD 1K - 2K|Definitions|A vs. B|For Aspiring As",
        "|A: b|Outlooks|  • x|  1. y|-|- x|Related articles|Salary Insights|Data Scientist",
        "|Key Differences Between A Analyst vs B Lead|the following responsibilities:",
        "|Referred to as an X Engineer, y|Tips|[a-z :\\x{212A}İß]{0,12})\n){0,30}",
    );

    fn assert_facts_non_empty(article: &ParsedArticle) {
        for role in &article.roles {
            assert!(!role.name.trim().is_empty());
            for fact in &role.facts {
                assert!(
                    !fact.text.trim().is_empty(),
                    "empty fact in {:?}",
                    role.name
                );
            }
        }
    }

    #[test]
    fn cleans_bom_crlf_and_control_characters_keeping_line_numbers() {
        let raw = "\u{FEFF}A vs. B\r\n\r\nDefinitions\r\nA: one\u{7}.\rB: two ยท.\n";
        let article = parse_article(raw);
        assert_eq!(article.title, "A vs. B");
        let a = &article.roles[0].facts[0];
        assert_eq!((a.text.as_str(), a.line), ("one.", 4));
        let b = &article.roles[1].facts[0];
        assert_eq!((b.text.as_str(), b.line), ("two ·.", 5));
    }

    #[test]
    fn dispatches_on_layout() {
        let template = parse_article(SEED);
        assert_eq!(template.roles.len(), 2);
        assert_eq!(template.jobs.len(), 5);
        let prose = parse_article(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/knowledge/articles/data-scientist-vs-mlops-engineer.txt"
        )));
        assert!(prose.jobs.is_empty());
        assert!(prose
            .roles
            .iter()
            .any(|r| r.name == "Machine Learning Operations Engineer"));
    }

    #[test]
    fn empty_and_blank_documents_give_a_warning_not_a_panic() {
        for raw in ["", "\n\n", "   ", "\u{FEFF}"] {
            let article = parse_article(raw);
            assert!(article.roles.is_empty());
            assert_eq!(article.warnings.first().map(|w| w.0), Some(1));
        }
    }

    fn shuffled_seed_order() -> impl Strategy<Value = Vec<usize>> {
        Just((0..SEED.lines().count()).collect::<Vec<_>>()).prop_shuffle()
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(raw in any::<String>()) {
            assert_facts_non_empty(&parse_article(&raw));
            assert_facts_non_empty(&parse_document("any.md", &raw));
        }

        #[test]
        fn never_panics_on_line_soup(raw in LINE_SOUP) {
            assert_facts_non_empty(&parse_article(&raw));
            assert_facts_non_empty(&parse_document("soup.md", &raw));
        }

        #[test]
        fn never_panics_on_shuffled_seed_lines(order in shuffled_seed_order()) {
            let lines: Vec<&str> = SEED.lines().collect();
            let shuffled: Vec<&str> = order.iter().map(|&i| lines[i]).collect();
            assert_facts_non_empty(&parse_article(&shuffled.join("\n")));
        }
    }
}
