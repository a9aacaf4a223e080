//! Recognises the page furniture around a template article: lines that are never knowledge.

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
pub(super) fn furniture(line: &str) -> Option<Furniture> {
    let lower = line.to_lowercase();
    match lower.as_str() {
        "table of contents" => Some(Furniture::Line),
        "salary insights" => Some(Furniture::SalaryInsights),
        "related articles" => Some(Furniture::RelatedArticles),
        _ if is_read_time(&lower) || lower.starts_with("view salary info for") => {
            Some(Furniture::Line)
        }
        _ => None,
    }
}

/// "4 min read · Oct. 30, 2024".
fn is_read_time(lower: &str) -> bool {
    let rest = lower.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < lower.len() && rest.trim_start().starts_with("min read")
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
    let lower = line.to_lowercase();
    OPENERS.iter().any(|opener| lower.starts_with(opener))
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
