//! The words people use for the parts of a role profile, as one table of cues: which
//! heading, list intro or table label means Responsibilities, Skills, Tools…
//!
//! Every layout reads sections through this table. The text layouts (the comparison
//! template and free prose) only use the [`Reach::Keywords`] cues, which are the words the
//! seed articles were read with; Markdown headings, labels and table rows use every cue,
//! since people write "A day in the life" or "What tools will I use?" there.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::knowledge::model::Section;

/// Where a cue is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Every layout: the keywords of the template's and prose's headings and list intros.
    Keywords,
    /// Markdown headings, labels and table rows only.
    Headings,
}

/// Lower-case cues and the section they mean, matched at the start of a word. Where several
/// occur, the one ending last wins, and of those the longest: "What does a Data Engineer
/// need to know?" is about skills, "the following tools and responsibilities:" about
/// responsibilities, "Industry Focus" about industries.
const CUES: &[(&str, Section, Reach)] = &[
    ("definition", Section::Definition, Reach::Keywords),
    ("responsibilit", Section::Responsibilities, Reach::Keywords),
    ("skill", Section::Skills, Reach::Keywords),
    ("education", Section::Education, Reach::Keywords),
    ("tool", Section::Tools, Reach::Keywords),
    ("industr", Section::Industries, Reach::Keywords),
    ("outlook", Section::Outlook, Reach::Keywords),
    ("tips", Section::Tips, Reach::Keywords),
    ("getting started", Section::Tips, Reach::Keywords),
    ("difference", Section::Differences, Reach::Keywords),
    // What the role is.
    ("what is a", Section::Definition, Reach::Headings),
    ("what is an", Section::Definition, Reach::Headings),
    ("what's a", Section::Definition, Reach::Headings),
    ("who is a", Section::Definition, Reach::Headings),
    ("overview", Section::Definition, Reach::Headings),
    // What the role does.
    ("what does", Section::Responsibilities, Reach::Headings),
    ("what do ", Section::Responsibilities, Reach::Headings),
    (
        "day in the life",
        Section::Responsibilities,
        Reach::Headings,
    ),
    ("day-to-day", Section::Responsibilities, Reach::Headings),
    ("day to day", Section::Responsibilities, Reach::Headings),
    ("duties", Section::Responsibilities, Reach::Headings),
    ("tasks", Section::Responsibilities, Reach::Headings),
    ("focus", Section::Definition, Reach::Headings),
    ("industry focus", Section::Industries, Reach::Headings),
    ("role summary", Section::Definition, Reach::Headings),
    ("role overview", Section::Definition, Reach::Headings),
    (
        "what they actually do",
        Section::Responsibilities,
        Reach::Headings,
    ),
    ("typical day", Section::Responsibilities, Reach::Headings),
    ("job role", Section::Responsibilities, Reach::Headings),
    (
        "job description",
        Section::Responsibilities,
        Reach::Headings,
    ),
    // What the role needs.
    ("what you need to know", Section::Skills, Reach::Headings),
    ("need to know", Section::Skills, Reach::Headings),
    ("requirement", Section::Skills, Reach::Headings),
    ("required", Section::Skills, Reach::Headings),
    ("competenc", Section::Skills, Reach::Headings),
    ("expertise", Section::Skills, Reach::Headings),
    ("qualification", Section::Education, Reach::Headings),
    // What the role works with.
    ("tech stack", Section::Tools, Reach::Headings),
    ("technology stack", Section::Tools, Reach::Headings),
    ("technologies", Section::Tools, Reach::Headings),
    ("software", Section::Tools, Reach::Headings),
    ("toolkit", Section::Tools, Reach::Headings),
    // How people come to it.
    ("degree", Section::Education, Reach::Headings),
    ("background", Section::Education, Reach::Headings),
    ("how to qualify", Section::Education, Reach::Headings),
    ("certification", Section::Education, Reach::Headings),
    ("study", Section::Education, Reach::Headings),
    ("studies", Section::Education, Reach::Headings),
    // Where it works.
    ("where they work", Section::Industries, Reach::Headings),
    ("where do they work", Section::Industries, Reach::Headings),
    ("employer", Section::Industries, Reach::Headings),
    ("who hires", Section::Industries, Reach::Headings),
    ("sector", Section::Industries, Reach::Headings),
    // The market.
    ("career outlook", Section::Outlook, Reach::Headings),
    ("demand", Section::Outlook, Reach::Headings),
    ("job market", Section::Outlook, Reach::Headings),
    ("growth", Section::Outlook, Reach::Headings),
    ("market demand", Section::Outlook, Reach::Headings),
    // What it pays.
    ("salar", Section::Salary, Reach::Headings),
    ("pay", Section::Salary, Reach::Headings),
    ("pay range", Section::Salary, Reach::Headings),
    ("compensation", Section::Salary, Reach::Headings),
    ("earnings", Section::Salary, Reach::Headings),
    ("what they earn", Section::Salary, Reach::Headings),
    // Where to begin, or which to choose.
    ("how to start", Section::Tips, Reach::Headings),
    ("how do i start", Section::Tips, Reach::Headings),
    ("how to become", Section::Tips, Reach::Headings),
    ("which one should i", Section::Tips, Reach::Headings),
    ("which should i", Section::Tips, Reach::Headings),
    ("next steps", Section::Tips, Reach::Headings),
    ("advice", Section::Tips, Reach::Headings),
    ("beginner", Section::Tips, Reach::Headings),
    ("choose", Section::Tips, Reach::Headings),
    ("how to get", Section::Tips, Reach::Headings),
    // How two roles compare.
    ("compared", Section::Differences, Reach::Headings),
    ("comparison", Section::Differences, Reach::Headings),
];

/// Phrases that say what a sentence of prose in a role's section is about ("you will be
/// responsible for…", "should have deep expertise in…"), for Markdown articles that
/// describe a role in paragraphs. The earliest in the sentence wins. Words that also mean
/// something else are avoided ("demanding" is not "in demand").
const PROSE_CUES: &[(&str, Section)] = &[
    ("responsible for", Section::Responsibilities),
    ("in charge of", Section::Responsibilities),
    ("tasks involve", Section::Responsibilities),
    ("tasks include", Section::Responsibilities),
    ("duties include", Section::Responsibilities),
    ("their job is", Section::Responsibilities),
    ("get to work on", Section::Responsibilities),
    ("works on", Section::Responsibilities),
    ("focus primarily on", Section::Responsibilities),
    ("they build", Section::Responsibilities),
    ("proficiency in", Section::Skills),
    ("proficient in", Section::Skills),
    ("adept at", Section::Skills),
    ("expertise in", Section::Skills),
    ("skill-set", Section::Skills),
    ("skill set", Section::Skills),
    ("skills", Section::Skills),
    ("knowledge of", Section::Skills),
    ("understanding of", Section::Skills),
    ("familiar with", Section::Skills),
    ("degree", Section::Education),
    ("bachelor", Section::Education),
    ("master's", Section::Education),
    ("phd", Section::Education),
    ("bsc", Section::Education),
    ("msc", Section::Education),
    ("in demand", Section::Outlook),
    ("demand for", Section::Outlook),
    ("job market", Section::Outlook),
];

/// Verbs that open a sentence about what a role does ("Builds the APIs…", "Performs
/// controlled experiments…").
const DUTY_VERBS: [&str; 28] = [
    "analyses",
    "analyzes",
    "answers",
    "automates",
    "builds",
    "creates",
    "deploys",
    "designs",
    "develops",
    "ensures",
    "explains",
    "handles",
    "invents",
    "leads",
    "maintains",
    "manages",
    "monitors",
    "owns",
    "performs",
    "provisions",
    "researches",
    "runs",
    "tests",
    "transforms",
    "turns",
    "works",
    "writes",
    "keeps",
];

/// The section a sentence of prose in a role's section speaks to, if it clearly speaks to
/// one.
pub fn prose_section(sentence: &str) -> Option<Section> {
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let lower = sentence.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    if DUTY_VERBS.contains(&first) {
        return Some(Section::Responsibilities);
    }
    let automaton = MATCHER
        .get_or_init(|| AhoCorasick::new(PROSE_CUES.iter().map(|(cue, _)| cue)).ok())
        .as_ref()?;
    automaton
        .find_iter(&lower)
        .find(|found| {
            !lower[..found.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
        .map(|found| PROSE_CUES[found.pattern().as_usize()].1)
}

/// The section `lower` (lower-case) is about by the text layouts' keywords, if any.
pub fn keyword_section(lower: &str) -> Option<Section> {
    static MATCHER: OnceLock<Option<Matcher>> = OnceLock::new();
    MATCHER
        .get_or_init(|| Matcher::new(Reach::Keywords))
        .as_ref()?
        .section(lower)
}

/// The section a heading, label or table row (lower-case) is about, by every cue.
pub fn heading_section(lower: &str) -> Option<Section> {
    static MATCHER: OnceLock<Option<Matcher>> = OnceLock::new();
    MATCHER
        .get_or_init(|| Matcher::new(Reach::Headings))
        .as_ref()?
        .section(lower)
}

/// One pass over the text for all cues of a reach: every heading of every article is
/// looked up here.
struct Matcher {
    automaton: AhoCorasick,
    sections: Vec<Section>,
}

impl Matcher {
    fn new(reach: Reach) -> Option<Matcher> {
        let cues: Vec<(&str, Section)> = CUES
            .iter()
            .filter(|(_, _, r)| reach == Reach::Headings || *r == Reach::Keywords)
            .map(|&(cue, section, _)| (cue, section))
            .collect();
        let automaton = AhoCorasick::new(cues.iter().map(|(cue, _)| cue)).ok()?;
        Some(Matcher {
            automaton,
            sections: cues.into_iter().map(|(_, section)| section).collect(),
        })
    }

    fn section(&self, lower: &str) -> Option<Section> {
        self.automaton
            .find_overlapping_iter(lower)
            .filter(|found| {
                !lower[..found.start()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
            .max_by_key(|found| (found.end(), std::cmp::Reverse(found.start())))
            .map(|found| self.sections[found.pattern().as_usize()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_people_write_name_aspects() {
        let cases = [
            (
                "what does a site reliability engineer do?",
                Section::Responsibilities,
            ),
            ("a day in the life", Section::Responsibilities),
            ("duties", Section::Responsibilities),
            ("which skills does each need?", Section::Skills),
            ("what you need to know", Section::Skills),
            ("what does a data engineer need to know?", Section::Skills),
            ("requirements", Section::Skills),
            ("what tools will i use?", Section::Tools),
            ("tech stack", Section::Tools),
            ("degrees", Section::Education),
            ("background", Section::Education),
            ("how to qualify", Section::Education),
            ("where they work", Section::Industries),
            ("employers", Section::Industries),
            ("career outlook", Section::Outlook),
            ("demand", Section::Outlook),
            ("how to start", Section::Tips),
            ("which one should i pick?", Section::Tips),
            ("what is a data steward?", Section::Definition),
        ];
        for (heading, section) in cases {
            assert_eq!(heading_section(heading), Some(section), "{heading:?}");
        }
        assert_eq!(heading_section("conclusion"), None);
    }

    #[test]
    fn the_text_layouts_keep_their_keywords() {
        assert_eq!(
            keyword_section("key responsibilities"),
            Some(Section::Responsibilities)
        );
        assert_eq!(
            keyword_section("the following tools and skills:"),
            Some(Section::Skills)
        );
        // Heading-only cues do not reach the text layouts, whose readings stay as they were.
        assert_eq!(keyword_section("background and demand"), None);
    }
}
