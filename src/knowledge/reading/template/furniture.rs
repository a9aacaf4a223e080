//! Recognises the page furniture around a template article: lines that are never knowledge.

use crate::knowledge::text::words::starts_with_ignoring_case;

/// A furniture line and what it means for the lines after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Furniture {
    /// A line to skip on its own: "4 min read · Oct. 30, 2024", "Table of contents",
    /// "View salary info for … Details".
    Line,
    /// "Salary Insights": what follows is furniture until the next heading.
    SalaryInsights,
    /// "Related articles": links to other pages, to the end of the file.
    RelatedArticles,
}

/// What kind of furniture `line` (trimmed) is, if any. Repeats of the title are checked by
/// the reader, which knows the title.
///
/// Every line of every article passes here, so it compares without allocating; the phrases
/// are ASCII, so ASCII case-folding is all they need.
pub(super) fn furniture(line: &str) -> Option<Furniture> {
    if line.eq_ignore_ascii_case("table of contents") {
        Some(Furniture::Line)
    } else if line.eq_ignore_ascii_case("salary insights") {
        Some(Furniture::SalaryInsights)
    } else if line.eq_ignore_ascii_case("related articles") {
        Some(Furniture::RelatedArticles)
    } else if is_read_time(line) || starts_with_ignoring_case(line, "view salary info for") {
        Some(Furniture::Line)
    } else {
        None
    }
}

/// "4 min read · Oct. 30, 2024".
fn is_read_time(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < line.len() && starts_with_ignoring_case(rest.trim_start(), "min read")
}

/// A paragraph that wraps the article up rather than describing a role.
pub(super) fn is_conclusion(line: &str) -> bool {
    const OPENERS: [&str; 6] = [
        "in conclusion",
        "by understanding",
        "to conclude",
        "in summary",
        "to sum up",
        "ultimately,",
    ];
    OPENERS
        .iter()
        .any(|opener| starts_with_ignoring_case(line, opener))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_furniture() {
        assert_eq!(
            furniture("4 min read · Oct. 30, 2024"),
            Some(Furniture::Line)
        );
        assert_eq!(furniture("12 min read"), Some(Furniture::Line));
        assert_eq!(furniture("Table of Contents"), Some(Furniture::Line));
        let link = "View salary info for Engineer (global) Details";
        assert_eq!(furniture(link), Some(Furniture::Line));
        assert_eq!(
            furniture("Salary Insights"),
            Some(Furniture::SalaryInsights)
        );
        assert_eq!(
            furniture("Related articles"),
            Some(Furniture::RelatedArticles)
        );
    }

    #[test]
    fn content_is_not_furniture() {
        for line in [
            "min read",
            "Data Scientist",
            "2019 to 2029 growth",
            "Salary",
            "Table of contents, again",
        ] {
            assert_eq!(furniture(line), None, "{line:?}");
        }
    }

    #[test]
    fn recognises_conclusions() {
        assert!(is_conclusion("In conclusion, both roles matter."));
        assert!(is_conclusion("By understanding the distinctions…"));
        assert!(!is_conclusion("The demand for both roles is growing."));
    }
}
