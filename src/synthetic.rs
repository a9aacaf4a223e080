//! Generated role articles in the comparison template, for benchmarks and property tests,
//! and ([`mixed_articles`]) the same with a share of Markdown articles in the shapes people
//! write (`synthetic::markdown`).
//!
//! Deterministic for a given seed, so benchmark figures are comparable between runs. Role
//! names come from a pool about as large as the number of articles, so most roles appear
//! in two articles and merging is exercised as it is with real documents.

use crate::knowledge::Document;

mod markdown;

/// In [`mixed_articles`], one article in this many is Markdown.
const MARKDOWN_SHARE: usize = 4;

const PREFIXES: [&str; 8] = [
    "",
    "Senior ",
    "Lead ",
    "Junior ",
    "Principal ",
    "Staff ",
    "Applied ",
    "Associate ",
];
const DOMAINS: [&str; 12] = [
    "Data",
    "Machine Learning",
    "Analytics",
    "Platform",
    "Cloud",
    "Research",
    "Business Intelligence",
    "Language Model",
    "Vision",
    "Reliability",
    "Security",
    "Quantitative",
];
const NOUNS: [&str; 8] = [
    "Engineer",
    "Scientist",
    "Analyst",
    "Specialist",
    "Manager",
    "Architect",
    "Developer",
    "Consultant",
];
const SYLLABLES: [&str; 16] = [
    "zor", "bel", "qua", "tri", "nex", "vo", "lum", "kai", "ren", "sol", "mar", "tek", "ori",
    "pha", "dyn", "ux",
];
const SKILLS: [&str; 16] = [
    "Python",
    "SQL",
    "R",
    "Java",
    "Scala",
    "TensorFlow",
    "PyTorch",
    "Tableau",
    "Power BI",
    "Apache Airflow",
    "Docker",
    "Kubernetes",
    "AWS",
    "Azure",
    "data governance",
    "statistics",
];
const VERBS: [&str; 8] = [
    "Design", "Build", "Maintain", "Monitor", "Document", "Optimize", "Review", "Automate",
];
const OBJECTS: [&str; 8] = [
    "data pipelines",
    "machine learning models",
    "dashboards",
    "reporting systems",
    "data quality checks",
    "feature stores",
    "experiment platforms",
    "governance policies",
];
const INDUSTRIES: [&str; 8] = [
    "Finance",
    "Healthcare",
    "Retail",
    "Telecommunications",
    "Government",
    "Education",
    "Energy",
    "Media",
];

/// A small, fast, deterministic generator (SplitMix64): no dependency for benchmark data,
/// and the same test data on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The `i`-th role name of the pool: readable, and distinct for every `i`.
pub fn role_name(i: usize) -> String {
    let prefix = PREFIXES[i % PREFIXES.len()];
    let domain = DOMAINS[(i / PREFIXES.len()) % DOMAINS.len()];
    let noun = NOUNS[(i / (PREFIXES.len() * DOMAINS.len())) % NOUNS.len()];
    let block = i / (PREFIXES.len() * DOMAINS.len() * NOUNS.len());
    if block == 0 {
        return format!("{prefix}{domain} {noun}");
    }
    // Past the readable combinations, a made-up word keeps names distinct.
    let mut word = String::new();
    let mut n = block;
    while n > 0 {
        word.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    let mut chars = word.chars();
    let word: String = chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect();
    format!("{prefix}{word} {domain} {noun}")
}

/// `count` articles comparing roles drawn from a pool of about `count` names.
pub fn articles(count: usize, seed: u64) -> Vec<Document> {
    let mut rng = Rng(seed);
    let pool = count.max(2);
    (0..count)
        .map(|i| {
            let a = role_name(rng.below(pool));
            let mut b = role_name(rng.below(pool));
            if a == b {
                b = role_name((rng.below(pool) + 1) % pool + pool);
            }
            Document {
                path: format!("articles/synthetic-{i:05}.txt"),
                bytes: article(&mut rng, &a, &b).into_bytes(),
            }
        })
        .collect()
}

/// `count` articles like [`articles`], except that every [`MARKDOWN_SHARE`]th is a
/// Markdown article (`.md`) in one of the shapes the Markdown reader knows, in turn.
pub fn mixed_articles(count: usize, seed: u64) -> Vec<Document> {
    let mut documents = articles(count, seed);
    let mut rng = Rng(seed ^ 0x6d61_726b_646f_776e);
    let pool = count.max(2);
    for (i, document) in documents.iter_mut().enumerate() {
        if i % MARKDOWN_SHARE != MARKDOWN_SHARE - 1 {
            continue;
        }
        let a = role_name(rng.below(pool));
        let mut b = role_name(rng.below(pool));
        if a == b {
            b = role_name((rng.below(pool) + 1) % pool + pool);
        }
        *document = Document {
            path: format!("articles/synthetic-{i:05}.md"),
            bytes: markdown::article(&mut rng, i / MARKDOWN_SHARE, &a, &b).into_bytes(),
        };
    }
    documents
}

/// Writes one random bullet of a section.
type BulletMaker = fn(&mut Rng) -> String;

/// One Markdown document of `count` role headings, each with a definition and a skill:
/// what the reader must read in time linear in the roles (bench `documents`, bad input).
pub fn role_headings(count: usize) -> String {
    let mut text = String::from("# Many roles\n\n");
    for i in 0..count {
        text.push_str(&format!(
            "## Role{i} Engineer\n\nA Role{i} Engineer builds system {i}.\n\n### Skills\n\n- Skill {i}\n\n"
        ));
    }
    text
}

fn article(rng: &mut Rng, a: &str, b: &str) -> String {
    let mut text = format!("{a} vs. {b}\n\n{a} vs. {b}: A Comprehensive Comparison\n\n4 min read · Oct. 30, 2024\nTable of contents\n\n");
    text.push_str("Definitions\n\n");
    for role in [a, b] {
        text.push_str(&format!(
            "{role}: A {role} is a professional who works on {} with {}.\n\n",
            rng.pick(&OBJECTS),
            rng.pick(&SKILLS)
        ));
    }
    let sections: [(&str, BulletMaker); 5] = [
        ("Responsibilities", |r| {
            format!("{} and improve {}.", r.pick(&VERBS), r.pick(&OBJECTS))
        }),
        ("Required Skills", |r| {
            format!(
                "Proficiency in {} and {}.",
                r.pick(&SKILLS),
                r.pick(&SKILLS)
            )
        }),
        ("Educational Backgrounds", |r| {
            format!("A degree in {} or a related field.", r.pick(&DOMAINS))
        }),
        ("Tools and Software Used", |r| {
            format!(
                "Tools: {}, {}, {}",
                r.pick(&SKILLS),
                r.pick(&SKILLS),
                r.pick(&SKILLS)
            )
        }),
        ("Common Industries", |r| r.pick(&INDUSTRIES).to_owned()),
    ];
    for (heading, bullet) in sections {
        text.push_str(&format!("{heading}\n\n"));
        for role in [a, b] {
            text.push_str(&format!("{role}\n\n"));
            for _ in 0..5 {
                text.push_str(&format!("  • {}\n", bullet(rng)));
            }
            text.push('\n');
        }
    }
    text.push_str("Outlooks\n\nDemand for both roles is expected to grow in the coming years.\n\n");
    text.push_str("Practical Tips for Getting Started\n\n  1. Build a Strong Foundation: learn the basics.\n  2. Network: meet people in the field.\n\n");
    text.push_str("In conclusion, both roles matter.\n\n");
    for _ in 0..3 {
        text.push_str(&format!(
            "Featured Job 👀\n{} {}\n\n@ {} | Remote\n\nFull Time Mid-level / Intermediate USD {}K - {}K\n",
            rng.pick(&DOMAINS),
            rng.pick(&NOUNS),
            rng.pick(&SYLLABLES),
            80 + rng.below(40),
            130 + rng.below(60)
        ));
    }
    text.push_str("\nRelated articles");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_are_distinct() {
        let names: std::collections::HashSet<String> = (0..20_000).map(role_name).collect();
        assert_eq!(names.len(), 20_000);
    }

    #[test]
    fn mixed_articles_teach_their_markdown_roles_without_warnings_of_lost_facts() {
        let documents = mixed_articles(48, 7);
        let markdown: Vec<&Document> = documents
            .iter()
            .filter(|d| d.path.ends_with(".md"))
            .collect();
        assert_eq!(markdown.len(), 12);
        for document in markdown {
            let text = document.text().0;
            let parsed = crate::knowledge::reading::article::parse_document(&document.path, &text);
            assert!(!parsed.roles.is_empty(), "{text}");
            for role in &parsed.roles {
                assert!(role.facts.len() >= 5, "{} in\n{text}", role.name);
            }
            let lost: Vec<_> = parsed
                .warnings
                .iter()
                .filter(|(_, m)| m.contains("skipped"))
                .collect();
            assert!(lost.is_empty(), "{lost:?} in\n{text}");
        }
    }

    #[test]
    fn generation_is_deterministic() {
        let a = articles(3, 7);
        let b = articles(3, 7);
        assert_eq!(a[2].bytes, b[2].bytes);
        assert!(String::from_utf8_lossy(&a[0].bytes).contains(" vs. "));
    }
}
