//! Random knowledge bases: template-shaped articles with wild contents, and noise files.

use super::*;

pub(super) const ODD_TEXT: &[&str] = &[
    "**bold** _it_ `code` ~~gone~~ ||spoiler|| > quote # heading [link](http://x)",
    "@everyone @here <@123> <@&456> <#789>",
    "ΓÇó Machine Learning Engineer â€™s Ã© πŸ‘€ Β· ยท",
    "\u{0}\u{7}\u{1b}[31mred\u{7f}",
    "\u{202E}evil\u{200B}\u{FEFF}\u{2060}",
    "\t \t",
    "•",
    "1.",
    "",
    "Definitions",
    "Responsibilities",
    "Related articles",
    "Salary Insights",
    "Featured Job 👀",
    "@ Company | Remote",
    "Full Time Senior-level / Expert USD 120K - 150K",
    "A vs. B",
    "In conclusion, both roles matter.",
    "often referred to as a Data Wrangler",
];

pub(super) const SKILL_NAMES: &[&str] = &[
    "Python",
    "SQL",
    "R",
    "Java",
    "TensorFlow",
    "PyTorch",
    "Tableau",
    "Power BI",
    "AWS",
    "Docker",
    "Kubernetes",
    "Excel",
    "statistics",
    "data governance",
    "C++",
    ".NET",
    "Go",
];

pub(super) const HEADINGS: &[&str] = &[
    "Responsibilities",
    "Required Skills",
    "Educational Backgrounds",
    "Tools and Software Used",
    "Common Industries",
    "Definitions",
    "Outlooks",
    "Practical Tips for Getting Started",
    "Key Differences",
    "Skills",
];

/// Text an article may hold anywhere: words, markdown, mentions, controls, mojibake, huge runs.
pub(super) fn wild_text() -> BoxedStrategy<String> {
    prop_oneof![
        10 => "[A-Z][a-z]{1,9}( [a-z]{1,9}){0,10}[.!?]?",
        2 => any::<String>(),
        2 => prop::sample::select(ODD_TEXT).prop_map(str::to_owned),
        1 => huge_text(),
    ]
    .boxed()
}

pub(super) fn huge_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (4000usize..6000).prop_map(|n| "x".repeat(n)),
        (800usize..1200).prop_map(|n| "word ".repeat(n)),
        (1000usize..5001).prop_map(|n| "é".repeat(n)),
        Just("👀 ".repeat(2000)),
    ]
}

/// How long generated role names may be.
#[derive(Debug, Clone, Copy)]
pub(super) enum NameLength {
    /// At most about 60 code points, so a slug fits an option value and a `custom_id`; one
    /// line with a letter or digit to be found by.
    Short,
    /// Anything, up to thousands of code points.
    Any,
}

/// True if the title "… vs. `name`: …" names one role, and that role has a letter or digit
/// to be found by (see `a_role_named_only_by_punctuation_is_found_by_its_name`).
pub(super) fn is_one_findable_name(name: &str) -> bool {
    !name.contains(['\r', '\n', ':'])
        && !name.to_lowercase().contains(" vs")
        && name.chars().any(char::is_alphanumeric)
}

pub(super) fn role_name(length: NameLength) -> BoxedStrategy<String> {
    let ordinary = "(Senior |Lead |Junior )?(Data|Machine Learning|Cloud|Analytics|[A-Z][a-z]{2,8}) (Engineer|Scientist|Analyst|Specialist|Manager|[A-Z][a-z]{2,8})";
    match length {
        NameLength::Short => prop_oneof![
            8 => ordinary,
            1 => "[A-Z][a-z]{1,10}",
            1 => ".{1,40}",
            1 => prop::sample::select(ODD_TEXT).prop_map(str::to_owned),
        ]
        .prop_filter("one title name, with a letter or digit", |name| {
            is_one_findable_name(name)
        })
        .boxed(),
        NameLength::Any => prop_oneof![
            8 => ordinary.prop_map(String::from),
            1 => (240usize..320).prop_map(|n| format!("{} Engineer", "Data ".repeat(n / 5))),
            1 => (240usize..320).prop_map(|n| "Q".repeat(n)),
            2 => wild_text(),
        ]
        .boxed(),
    }
}

/// A bullet: wild text, or a `Category: a, b, c` tools line.
pub(super) fn bullet() -> BoxedStrategy<String> {
    let marker = prop::sample::select(&["  • ", "• ", "- ", "* ", "  1. ", "·", ""][..]);
    let tools = (
        "[A-Z][a-z]{2,10}( [A-Z][a-z]{2,8})?",
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(SKILL_NAMES).prop_map(str::to_owned),
                wild_text()
            ],
            0..6,
        ),
    )
        .prop_map(|(category, items)| format!("{category}: {}", items.join(", ")));
    let text = prop_oneof![4 => wild_text(), 1 => tools];
    (marker, text)
        .prop_map(|(marker, text)| format!("{marker}{text}"))
        .boxed()
}

/// A role's bullets in one section: usually a few, sometimes none, sometimes 200.
pub(super) fn bullets() -> BoxedStrategy<Vec<String>> {
    prop_oneof![
        12 => prop::collection::vec(bullet(), 0..6),
        1 => prop::collection::vec("[A-Z][a-z]{2,9} [a-z]{2,9}( [a-z]{2,9})?", 200..=200)
            .prop_map(|items| items.into_iter().map(|i| format!("  • {i}")).collect()),
    ]
    .boxed()
}

/// A heading and, per role, its sub-heading and bullets.
#[derive(Debug, Clone)]
pub(super) struct SectionSpec {
    heading: String,
    bullets: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
pub(super) struct JobSpec {
    title: String,
    company: String,
    location: String,
    terms: String,
}

/// An article in the comparison template, every part of it random.
#[derive(Debug, Clone)]
pub(super) struct ArticleSpec {
    roles: Vec<String>,
    definitions: Vec<String>,
    sections: Vec<SectionSpec>,
    outlook: String,
    tips: Vec<String>,
    jobs: Vec<JobSpec>,
    /// Lines slipped in anywhere: (position, text).
    garbage: Vec<(usize, String)>,
}

pub(super) fn section_spec() -> impl Strategy<Value = SectionSpec> {
    let heading = prop_oneof![
        6 => prop::sample::select(HEADINGS).prop_map(str::to_owned),
        1 => wild_text(),
    ];
    (heading, prop::collection::vec(bullets(), 3))
        .prop_map(|(heading, bullets)| SectionSpec { heading, bullets })
}

pub(super) fn job_spec() -> impl Strategy<Value = JobSpec> {
    let terms = prop_oneof![
        3 => (any::<u64>(), any::<u64>(), prop::sample::select(&["USD", "EUR", "GBP", "usd"][..]))
            .prop_map(|(min, max, currency)| format!(
                "Full Time Mid-level / Intermediate {currency} {}K - {}K",
                min % 400,
                max % 100_000
            )),
        1 => (any::<u64>(), any::<u64>())
            .prop_map(|(min, max)| format!("Part Time Internship USD {min}K - {max}")),
        1 => wild_text(),
    ];
    (wild_text(), wild_text(), wild_text(), terms).prop_map(|(title, company, location, terms)| {
        JobSpec {
            title,
            company,
            location,
            terms,
        }
    })
}

pub(super) fn article_spec(length: NameLength) -> impl Strategy<Value = ArticleSpec> {
    (
        prop::collection::vec(role_name(length), 2..=3),
        prop::collection::vec(wild_text(), 3),
        prop::collection::vec(section_spec(), 0..7),
        wild_text(),
        prop::collection::vec(wild_text(), 0..4),
        prop::collection::vec(job_spec(), 0..4),
        prop::collection::vec((any::<usize>(), wild_text()), 0..4),
    )
        .prop_map(
            |(roles, definitions, sections, outlook, tips, jobs, garbage)| ArticleSpec {
                roles,
                definitions,
                sections,
                outlook,
                tips,
                jobs,
                garbage,
            },
        )
}

impl ArticleSpec {
    fn render(&self) -> String {
        let title = self.roles.join(" vs. ");
        let mut lines = vec![
            title.clone(),
            String::new(),
            format!("{title}: A Comprehensive Comparison"),
            "4 min read · Oct. 30, 2024".into(),
            "Table of contents".into(),
            String::new(),
            "Definitions".into(),
            String::new(),
        ];
        for (role, definition) in self.roles.iter().zip(&self.definitions) {
            lines.push(format!(
                "{role}: A {role} is a professional who {definition}"
            ));
            lines.push(String::new());
        }
        for section in &self.sections {
            lines.push(section.heading.clone());
            lines.push(String::new());
            for (role, bullets) in self.roles.iter().zip(&section.bullets) {
                lines.push(role.clone());
                lines.push(String::new());
                lines.extend(bullets.iter().cloned());
                lines.push(String::new());
            }
        }
        lines.extend(["Outlooks".into(), String::new(), self.outlook.clone()]);
        lines.extend(["Practical Tips for Getting Started".into(), String::new()]);
        for (i, tip) in self.tips.iter().enumerate() {
            lines.push(format!("  {}. {tip}", i + 1));
        }
        lines.push("In conclusion, both roles matter.".into());
        for job in &self.jobs {
            lines.extend([
                "Featured Job 👀".into(),
                job.title.clone(),
                String::new(),
                format!("@ {} | {}", job.company, job.location),
                String::new(),
                job.terms.clone(),
            ]);
        }
        lines.push("Related articles".into());
        for (position, text) in &self.garbage {
            lines.insert(position % (lines.len() + 1), text.clone());
        }
        lines.join("\n")
    }
}

/// How an article file differs from its clean rendering.
#[derive(Debug, Clone)]
pub(super) enum Damage {
    None,
    CrlfLineEnds,
    /// Random bytes (often not UTF-8) spliced in at a position.
    Splice(usize, Vec<u8>),
}

/// An article file: rendered text, maybe damaged.
pub(super) fn article_document(
    index: usize,
    length: NameLength,
) -> impl Strategy<Value = Document> {
    let damage = prop_oneof![
        6 => Just(Damage::None),
        1 => Just(Damage::CrlfLineEnds),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..40))
            .prop_map(|(at, noise)| Damage::Splice(at, noise)),
    ];
    let extension = prop::sample::select(&["txt", "md"][..]);
    (article_spec(length), damage, extension).prop_map(move |(spec, damage, extension)| {
        let text = spec.render();
        let bytes = match damage {
            Damage::None => text.into_bytes(),
            Damage::CrlfLineEnds => text.replace('\n', "\r\n").into_bytes(),
            Damage::Splice(at, noise) => {
                let mut bytes = text.into_bytes();
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, noise);
                bytes
            }
        };
        Document {
            path: format!("articles/generated-{index}.{extension}"),
            bytes,
        }
    })
}

/// A file of random bytes under a name the loader reads, or one it must skip.
pub(super) fn noise_document() -> impl Strategy<Value = Document> {
    let names = &[
        "articles/noise.txt",
        "articles/noise.md",
        "skills.toml",
        "roles.toml",
        "articles/.backup.txt",
        "README.md",
        "image.png",
    ][..];
    (
        prop::sample::select(names),
        prop::collection::vec(any::<u8>(), 0..3000),
    )
        .prop_map(|(path, bytes)| Document {
            path: path.to_owned(),
            bytes,
        })
}

/// Generated documents, shown as text (not byte lists) when a case fails.
#[derive(Clone)]
pub(super) struct Documents {
    generated: Vec<Document>,
    /// Whether the shipped `skills.toml` and `roles.toml` join them.
    with_curation: bool,
}

impl Documents {
    pub(super) fn all(&self) -> Vec<Document> {
        let mut all = self.generated.clone();
        if self.with_curation {
            all.extend([shipped_file("skills.toml"), shipped_file("roles.toml")]);
        }
        all
    }
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for document in &self.generated {
            let text = String::from_utf8_lossy(&document.bytes);
            writeln!(f, "--- {} ---\n{text:?}", document.path)?;
        }
        if self.with_curation {
            writeln!(f, "--- with the shipped skills.toml and roles.toml ---")?;
        }
        Ok(())
    }
}

/// One to three generated articles, maybe a noise file, maybe the shipped curation files.
pub(super) fn documents(length: NameLength) -> impl Strategy<Value = Documents> {
    (
        1usize..=3,
        prop::option::of(noise_document()),
        any::<bool>(),
    )
        .prop_flat_map(move |(count, noise, with_curation)| {
            let articles: Vec<_> = (0..count).map(|i| article_document(i, length)).collect();
            (articles, Just(noise), Just(with_curation))
        })
        .prop_map(|(mut generated, noise, with_curation)| {
            generated.extend(noise);
            Documents {
                generated,
                with_curation,
            }
        })
}

pub(super) fn build(documents: &Documents) -> Option<Arc<KnowledgeBase>> {
    KnowledgeBase::from_documents(&documents.all(), "generated")
        .ok()
        .map(Arc::new)
}

/// The knowledge base `documents` build, if any, answers everything within limits.
pub(super) fn check_any_knowledge_base(
    documents: &Documents,
    prefixes: &[String],
) -> Result<(), TestCaseError> {
    let Some(kb) = build(documents) else {
        return Ok(());
    };
    check_knowledge_base(&kb, &sample(&kb.roles, 8))?;
    for typed in prefixes {
        check_autocomplete(&kb, typed)?;
    }
    Ok(())
}

pub(super) fn sample(roles: &Roles, count: usize) -> Vec<&Role> {
    let step = (roles.len() / count.max(1)).max(1);
    roles.iter().step_by(step).take(count).collect()
}
