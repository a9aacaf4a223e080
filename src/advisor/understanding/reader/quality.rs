//! Comparatives: "which is more hands-on, A or B?", "which needs more maths?". The qualities
//! a member compares two roles by, as data: each a key and the phrases that name it, and
//! the facts' words that speak of it (what the answer counts to say which role leans so).

use crate::knowledge::text::words::split_words;

/// A quality two roles can be compared by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quality {
    /// Its key ("hands-on"), as the question corpus names it.
    pub key: &'static str,
    /// As an answer says it: "more hands-on".
    pub said: &'static str,
    /// Phrases of a question that name it, lower case, word by word.
    pub asked: &'static [&'static str],
    /// Words of a fact that speak of it, lower case.
    pub evidence: &'static [&'static str],
}

/// Every quality, the more specific phrases first within each.
pub const QUALITIES: &[Quality] = &[
    Quality {
        key: "entry",
        said: "easier to get into",
        asked: &[
            "easier to get into",
            "harder to get into",
            "easier to break into",
            "harder to break into",
            "entry level",
            "beginner friendly",
            "for a beginner",
            "for beginners",
            "easier for a beginner",
            "easier to start",
            "junior friendly",
        ],
        evidence: &[
            "entry",
            "junior",
            "beginner",
            "beginners",
            "bachelor",
            "bachelors",
        ],
    },
    Quality {
        key: "hands-on",
        said: "more hands-on",
        asked: &[
            "hands on",
            "practical",
            "about building",
            "building things",
            "build things",
        ],
        evidence: &[
            "build",
            "building",
            "develop",
            "implement",
            "deploy",
            "deploying",
            "deployment",
            "hands",
            "production",
            "maintain",
        ],
    },
    Quality {
        key: "research",
        said: "more research-oriented",
        asked: &[
            "research",
            "researchy",
            "research y",
            "academic",
            "theoretical",
            "theory",
            "research focused",
            "research heavy",
        ],
        evidence: &[
            "research",
            "novel",
            "academic",
            "publish",
            "theoretical",
            "phd",
            "doctorate",
            "experiment",
            "experiments",
        ],
    },
    Quality {
        key: "math",
        said: "heavier on maths",
        asked: &[
            "math",
            "maths",
            "mathsy",
            "mathy",
            "mathematical",
            "stats heavy",
            "statistics heavy",
            "more stats",
            "more statistics",
        ],
        evidence: &[
            "mathematics",
            "mathematical",
            "math",
            "statistics",
            "statistical",
            "probability",
            "algebra",
        ],
    },
    Quality {
        key: "coding",
        said: "more about coding",
        asked: &[
            "coding",
            "code heavy",
            "programming",
            "programming heavy",
            "more code",
            "code",
        ],
        evidence: &[
            "programming",
            "coding",
            "code",
            "software",
            "python",
            "java",
            "scala",
        ],
    },
    Quality {
        key: "leadership",
        said: "more about leading people",
        asked: &[
            "leadership",
            "managing people",
            "leading people",
            "people management",
            "managing",
            "leading",
            "manage people",
            "lead people",
        ],
        evidence: &[
            "lead",
            "leads",
            "leading",
            "leadership",
            "mentor",
            "mentoring",
            "manage",
            "managing",
            "oversee",
            "oversees",
            "team",
        ],
    },
    Quality {
        key: "demand",
        said: "more in demand",
        asked: &[
            "in demand",
            "more jobs",
            "growing faster",
            "growing",
            "demand",
            "future proof",
            "more opportunities",
        ],
        evidence: &[
            "demand",
            "growth",
            "grow",
            "growing",
            "opportunities",
            "expected",
        ],
    },
    Quality {
        key: "stress",
        said: "more stressful",
        asked: &["stressful", "stress", "pressure"],
        evidence: &[
            "stress",
            "stressful",
            "pressure",
            "deadline",
            "deadlines",
            "call",
        ],
    },
    Quality {
        key: "business",
        said: "more business-facing",
        asked: &[
            "business facing",
            "client facing",
            "customer facing",
            "stakeholder",
            "stakeholders",
            "business side",
            "more business",
        ],
        evidence: &[
            "business",
            "stakeholder",
            "stakeholders",
            "client",
            "clients",
            "communicate",
            "communication",
        ],
    },
    Quality {
        key: "technical",
        said: "more technical",
        asked: &["technical", "techy", "more tech"],
        evidence: &[
            "technical",
            "programming",
            "engineering",
            "software",
            "infrastructure",
            "algorithms",
            "systems",
        ],
    },
];

impl Quality {
    /// Whether `text` uses one of the words that speak of this quality.
    pub fn is_spoken_of_in(&self, text: &str) -> bool {
        uses_any(text, self.evidence)
    }
}

/// Whether `text` uses one of `words` (lower case) as a whole word, case aside.
pub fn uses_any(text: &str, words: &[&str]) -> bool {
    split_words(text).any(|word| words.contains(&word.to_lowercase().as_str()))
}

/// Words that make a quality a comparison: "*more* hands-on", "*easier* to get into",
/// "*which* is practical".
const COMPARING: [&str; 8] = [
    "more", "less", "which", "easier", "harder", "faster", "most", "least",
];

/// The quality a comparative question names, if it compares ("which is more hands-on").
pub fn quality_asked(words: &[&str]) -> Option<&'static Quality> {
    let comparing = words
        .iter()
        .any(|w| COMPARING.contains(w) || w.ends_with("ier"));
    if !comparing {
        return None;
    }
    QUALITIES.iter().find(|quality| {
        quality.asked.iter().any(|phrase| {
            let len = phrase.split(' ').count();
            words
                .windows(len)
                .any(|run| run.iter().copied().eq(phrase.split(' ')))
        })
    })
}

/// The quality of key `key`.
pub fn quality(key: &str) -> Option<&'static Quality> {
    QUALITIES.iter().find(|q| q.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(question: &str) -> Option<&'static str> {
        let words: Vec<String> = split_words(question).map(str::to_lowercase).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        quality_asked(&words).map(|q| q.key)
    }

    #[test]
    fn comparatives_name_their_quality() {
        assert_eq!(asked("which is more hands-on, A or B?"), Some("hands-on"));
        assert_eq!(asked("which one needs more maths tho"), Some("math"));
        assert_eq!(asked("which is easier to get into?"), Some("entry"));
        assert_eq!(asked("is it technical"), None, "no comparison");
        assert_eq!(asked("which pays more"), None, "pay is a salary question");
        assert!(QUALITIES.iter().all(|q| quality(q.key) == Some(q)));
    }
}
