//! Reads the "Featured Job" cards of an article's page furniture into [`FeaturedJob`]s.
//!
//! A card is four lines, blank lines allowed between them:
//!
//! ```text
//! Featured Job 👀
//! Data Engineer
//! @ murmuration | Remote (anywhere in the U.S.)
//! Full Time Mid-level / Intermediate USD 100K - 130K
//! ```
//!
//! Every line after the header may be missing or odd; odd cards give warnings, never panics.

use crate::knowledge::model::{FeaturedJob, SalaryRange};
use crate::knowledge::text::words::{ends_with_ignoring_case, starts_with_ignoring_case};

/// Employment types as job cards print them; a card may combine several ("Full Time Internship").
const EMPLOYMENT_TYPES: [&str; 6] = [
    "Full Time",
    "Part Time",
    "Contract",
    "Freelance",
    "Temporary",
    "Internship",
];

/// True if `line` starts a featured-job card.
pub fn is_job_header(line: &str) -> bool {
    starts_with_ignoring_case(line.trim_start(), "featured job")
}

/// Reads the card whose header is `lines[0]` (pairs of 1-based line number and text).
///
/// Returns the job, if the card has at least a title, and how many lines the card used, so the
/// caller can carry on after it. Lines that do not fit the card (the next card's header, a
/// "Salary Insights" heading…) are not consumed. Problems go to `warnings`.
pub fn read_job_block(
    lines: &[(usize, &str)],
    warnings: &mut Vec<(usize, String)>,
) -> (Option<FeaturedJob>, usize) {
    let Some(&(header_line, _)) = lines.first() else {
        return (None, 0);
    };
    let mut card = Card::default();
    let mut used = 1;
    for (index, &(number, text)) in lines.iter().enumerate().skip(1) {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if !card.accept(number, text, warnings) {
            break;
        }
        used = index + 1;
    }
    (card.into_job(header_line, warnings), used)
}

/// What a card's terms line says; every part may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobTerms {
    /// "Full Time", "Full Time Internship"…
    pub employment_type: Option<String>,
    /// "Mid-level / Intermediate"…
    pub level: Option<String>,
    pub salary: Option<SalaryRange>,
    /// Text that fit none of the above, with why, for a warning.
    pub problem: Option<String>,
}

/// Parses a terms line such as "Full Time Internship Entry-level / Junior USD 85K - 185K".
pub fn parse_terms(line: &str) -> JobTerms {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let mut rest = &tokens[..];
    let mut terms = JobTerms {
        employment_type: take_employment_types(&mut rest),
        level: take_level(&mut rest),
        ..JobTerms::default()
    };
    // Unknown words before the salary are reported, but do not hide the salary.
    let currency_at = rest
        .iter()
        .position(|t| is_currency(t))
        .unwrap_or(rest.len());
    let (unknown, salary) = rest.split_at(currency_at);
    let mut problems = Vec::new();
    if !unknown.is_empty() {
        problems.push(format!("unrecognised job terms {:?}", unknown.join(" ")));
    }
    if let Some((currency, amounts)) = salary.split_first() {
        match parse_amounts(amounts) {
            Some((min, max)) => {
                let currency = (*currency).to_string();
                terms.salary = Some(SalaryRange { currency, min, max });
            }
            None => problems.push(format!("unreadable salary {:?}", salary.join(" "))),
        }
    }
    terms.problem = (!problems.is_empty()).then(|| problems.join("; "));
    terms
}

/// True if `line` reads as a terms line rather than a job title: "Contract Manager" is a
/// title, "Contract" or anything with a salary is terms.
pub fn is_terms_line(line: &str) -> bool {
    // Most lines asked about are titles: without a term or a currency they are settled
    // before the salary is read and the problems are worded.
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let mut rest = &tokens[..];
    let leads_with_terms =
        take_employment_types(&mut rest).is_some() || take_level(&mut rest).is_some();
    if !leads_with_terms && !rest.iter().any(|t| is_currency(t)) {
        return false;
    }
    let terms = parse_terms(line);
    let understood =
        terms.employment_type.is_some() || terms.level.is_some() || terms.salary.is_some();
    terms.salary.is_some() || (understood && terms.problem.is_none())
}

/// The lines of a card read so far, in the order they must come.
#[derive(Default)]
struct Card {
    title: Option<String>,
    /// "company | location", without the '@'.
    place: Option<String>,
    /// (line, the terms line).
    terms: Option<(usize, String)>,
}

impl Card {
    /// Takes the next non-blank line if it is the card's next part; false ends the card.
    fn accept(&mut self, number: usize, text: &str, warnings: &mut Vec<(usize, String)>) -> bool {
        if is_job_header(text) || self.terms.is_some() {
            return false;
        }
        if let Some(place) = text.strip_prefix('@') {
            if self.place.is_some() {
                warnings.push((number, "job card has a second '@ company' line".to_string()));
                return false;
            }
            self.place = Some(place.trim().to_string());
            return true;
        }
        if is_terms_line(text) {
            self.terms = Some((number, text.to_string()));
            return true;
        }
        if self.title.is_none() && self.place.is_none() {
            self.title = Some(text.to_string());
            return true;
        }
        false
    }

    fn into_job(self, header: usize, warnings: &mut Vec<(usize, String)>) -> Option<FeaturedJob> {
        let Some(title) = self.title else {
            warnings.push((header, "featured job has no title; skipped".to_string()));
            return None;
        };
        let (company, location) = match &self.place {
            Some(place) => split_place(place),
            None => {
                warnings.push((
                    header,
                    format!("featured job {title:?} has no '@ company' line"),
                ));
                (String::new(), String::new())
            }
        };
        let (employment_type, level, salary) = match &self.terms {
            Some((number, terms)) => {
                let terms = parse_terms(terms);
                if let Some(problem) = terms.problem {
                    warnings.push((*number, format!("featured job {title:?}: {problem}")));
                }
                (terms.employment_type, terms.level, terms.salary)
            }
            None => (None, None, None),
        };
        Some(FeaturedJob {
            title,
            company,
            location,
            employment_type,
            level,
            salary,
            source: 0,
        })
    }
}

/// Splits "murmuration | Remote (anywhere in the U.S.)" into company and location.
fn split_place(place: &str) -> (String, String) {
    match place.split_once('|') {
        Some((company, location)) => (company.trim().to_string(), location.trim().to_string()),
        None => (place.trim().to_string(), String::new()),
    }
}

/// Takes leading employment types off `tokens`, joined as printed ("Full Time Internship").
fn take_employment_types(tokens: &mut &[&str]) -> Option<String> {
    let mut found: Vec<&str> = Vec::new();
    while let Some(kind) = EMPLOYMENT_TYPES
        .iter()
        .find(|kind| starts_with_words(tokens, kind))
    {
        found.push(kind);
        *tokens = &tokens[kind.split(' ').count()..];
    }
    (!found.is_empty()).then(|| found.join(" "))
}

/// Whether `tokens` start with the words of `phrase`, ignoring ASCII case.
fn starts_with_words(tokens: &[&str], phrase: &str) -> bool {
    let words = phrase.split(' ');
    tokens.len() >= words.clone().count()
        && words
            .zip(tokens)
            .all(|(word, token)| word.eq_ignore_ascii_case(token))
}

/// Takes a level such as "Mid-level / Intermediate" (anything "…-level / X") off `tokens`.
fn take_level(tokens: &mut &[&str]) -> Option<String> {
    let first = tokens.first()?;
    if !ends_with_ignoring_case(first, "-level") {
        return None;
    }
    match tokens.get(1..3) {
        Some([slash, grade]) if *slash == "/" && !is_currency(grade) => {
            let level = format!("{first} / {grade}");
            *tokens = &tokens[3..];
            Some(level)
        }
        _ => {
            let level = (*first).to_string();
            *tokens = &tokens[1..];
            Some(level)
        }
    }
}

/// A currency code as job cards print it: three upper-case letters.
fn is_currency(token: &str) -> bool {
    token.len() == 3 && token.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reads "100K - 130K" (or one amount, meaning min = max) into whole units.
fn parse_amounts(tokens: &[&str]) -> Option<(u64, u64)> {
    let joined: String = tokens.concat();
    let joined = joined.replace(['–', '—'], "-").replace("to", "-");
    let mut parts = joined.split('-').filter(|p| !p.is_empty());
    let min = parse_amount(parts.next()?)?;
    let max = match parts.next() {
        Some(part) => parse_amount(part)?,
        None => min,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((min.min(max), min.max(max)))
}

/// Reads "100K", "1.5M", "$95,000" into whole units; `None` on anything else or overflow.
fn parse_amount(text: &str) -> Option<u64> {
    let text = text.trim_start_matches('$').replace(',', "");
    let (number, multiplier) = match text.char_indices().last()? {
        (i, 'K' | 'k') => (&text[..i], 1_000.0),
        (i, 'M' | 'm') => (&text[..i], 1_000_000.0),
        _ => (text.as_str(), 1.0),
    };
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let value = number.parse::<f64>().ok()? * multiplier;
    // Beyond 2^53 an f64 no longer holds whole numbers exactly; no salary gets close.
    (value.is_finite() && value <= 9_007_199_254_740_992.0).then_some(value.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered<'a>(lines: &[&'a str]) -> Vec<(usize, &'a str)> {
        lines.iter().enumerate().map(|(i, l)| (i + 1, *l)).collect()
    }

    fn read(lines: &[&str]) -> (Option<FeaturedJob>, usize, Vec<(usize, String)>) {
        let mut warnings = Vec::new();
        let (job, used) = read_job_block(&numbered(lines), &mut warnings);
        (job, used, warnings)
    }

    fn usd(min: u64, max: u64) -> Option<SalaryRange> {
        Some(SalaryRange {
            currency: "USD".into(),
            min,
            max,
        })
    }

    #[test]
    fn reads_a_full_card_and_stops_before_the_next() {
        let (job, used, warnings) = read(&[
            "Featured Job 👀",
            "Data Engineer",
            "",
            "@ murmuration | Remote (anywhere in the U.S.)",
            "",
            "Full Time Mid-level / Intermediate USD 100K - 130K",
            "Featured Job 👀",
        ]);
        let job = job.expect("a job");
        assert_eq!(used, 6);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(job.title, "Data Engineer");
        assert_eq!(job.company, "murmuration");
        assert_eq!(job.location, "Remote (anywhere in the U.S.)");
        assert_eq!(job.employment_type.as_deref(), Some("Full Time"));
        assert_eq!(job.level.as_deref(), Some("Mid-level / Intermediate"));
        assert_eq!(job.salary, usd(100_000, 130_000));
        assert_eq!(job.source, 0);
    }

    #[test]
    fn reads_combined_employment_types() {
        let terms = parse_terms("Full Time Internship Entry-level / Junior USD 85K - 185K");
        assert_eq!(
            terms,
            JobTerms {
                employment_type: Some("Full Time Internship".into()),
                level: Some("Entry-level / Junior".into()),
                salary: usd(85_000, 185_000),
                problem: None,
            }
        );
    }

    #[test]
    fn level_is_optional() {
        let terms = parse_terms("Full Time USD 122K - 220K");
        assert_eq!(terms.employment_type.as_deref(), Some("Full Time"));
        assert_eq!(terms.level, None);
        assert_eq!(terms.salary, usd(122_000, 220_000));
        assert_eq!(terms.problem, None);
    }

    #[test]
    fn reads_lenient_levels_and_single_amounts() {
        let terms = parse_terms("Contract Principal-level / Guru EUR 1.5M");
        assert_eq!(terms.level.as_deref(), Some("Principal-level / Guru"));
        let salary = terms.salary.map(|s| (s.currency, s.min, s.max));
        assert_eq!(salary, Some(("EUR".into(), 1_500_000, 1_500_000)));
    }

    #[test]
    fn reports_unreadable_salaries() {
        let terms = parse_terms("Full Time USD lots");
        assert_eq!(terms.salary, None);
        assert!(terms.problem.is_some_and(|p| p.contains("lots")));
    }

    #[test]
    fn unknown_words_are_reported_without_losing_the_salary() {
        let terms = parse_terms("Full Time Hybrid USD 90K");
        assert_eq!(terms.salary, usd(90_000, 90_000));
        assert!(terms.problem.is_some_and(|p| p.contains("Hybrid")));
    }

    #[test]
    fn a_title_that_starts_like_terms_is_still_a_title() {
        assert!(!is_terms_line("Contract Manager"));
        assert!(is_terms_line("Contract"));
        assert!(is_terms_line("USD 90K"));
    }

    #[test]
    fn card_without_title_is_skipped_with_a_warning() {
        let (job, used, warnings) = read(&["Featured Job", "@ Acme | Paris", "Full Time USD 1K"]);
        assert_eq!(job, None);
        assert_eq!(used, 3);
        assert_eq!(
            warnings,
            vec![(1, "featured job has no title; skipped".to_string())]
        );
    }

    #[test]
    fn missing_company_and_terms_give_a_partial_job() {
        let (job, used, warnings) = read(&["Featured Job", "Analyst", "", "Salary Insights"]);
        let job = job.expect("a job");
        assert_eq!((job.title.as_str(), job.company.as_str()), ("Analyst", ""));
        assert_eq!(job.salary, None);
        assert_eq!(used, 2, "the next heading is left to the caller");
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn header_alone_at_end_of_file_does_not_panic() {
        let (job, used, _) = read(&["Featured Job 👀"]);
        assert_eq!((job, used), (None, 1));
        let mut warnings = Vec::new();
        assert_eq!(read_job_block(&[], &mut warnings), (None, 0));
    }

    #[test]
    fn recognises_headers() {
        assert!(is_job_header("Featured Job 👀"));
        assert!(is_job_header("  featured job"));
        assert!(!is_job_header("Featured"));
        assert!(!is_job_header("Featured Jo€"));
    }
}
