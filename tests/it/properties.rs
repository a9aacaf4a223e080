//! Properties that must hold for any input line and any knowledge base: nothing panics, every
//! reply is a body Discord accepts and every autocomplete answer is within its limits (both
//! judged by the independent [`crate::oracle`]), every menu choice carries a line that is
//! answered, and every role can be found by its own names.

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rolecall::advisor::{answer, answer_line, autocomplete};
use rolecall::commands::request::{Call, JobFilter};
use rolecall::commands::{Request, ROLE_MAX};
use rolecall::knowledge::{Document, KnowledgeBase, LoadError, Role, Section};
use rolecall::reply::discord_json::{interaction_response, update_response};
use rolecall::reply::{Component, Reply};

use crate::oracle::{check_choices, check_interaction_response};
use crate::support::{complete, reply_to};

/// Cases per property: enough to find the odd input, small enough for a debug build.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        max_shrink_iters: 2000,
        // Failures are reported with their minimal case; nothing is written beside the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// `/role` pages followed before giving up on ever reaching the last.
const MAX_ROLE_PAGES: usize = 60;

fn shipped_kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge");
        KnowledgeBase::from_dir(Path::new(dir)).expect("the shipped knowledge base loads")
    })
}

/// A shipped curation file, so random articles meet the real taxonomy and curated roles.
fn shipped_file(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("knowledge")
        .join(name);
    Document {
        path: name.to_owned(),
        bytes: std::fs::read(&path).expect("the shipped curation files exist"),
    }
}

// ---------------------------------------------------------------------------------------------
// Checking replies

fn fail(what: &str, problem: &str) -> TestCaseError {
    TestCaseError::fail(format!("{what}:\n{problem}"))
}

/// Checks `reply`, sent as a new message and as an update, against the oracle.
fn check_reply(asked: &str, reply: &Reply) -> Result<(), TestCaseError> {
    for body in [interaction_response(reply), update_response(reply)] {
        check_interaction_response(&body).map_err(|v| fail(&shorten(asked), &v))?;
    }
    Ok(())
}

/// The reply a user sees for `line`: the answer, or the problem explained.
fn check_line(kb: &KnowledgeBase, line: &str) -> Result<Reply, TestCaseError> {
    let reply = reply_to(kb, line);
    check_reply(line, &reply)?;
    check_menus(kb, line, &reply)?;
    Ok(reply)
}

/// Every option of every select menu in `reply` carries a command line that is answered,
/// not refused: a choice never leads to "I couldn't read that command" or "Unknown role".
fn check_menus(kb: &KnowledgeBase, asked: &str, reply: &Reply) -> Result<(), TestCaseError> {
    for component in reply.rows().iter().flatten() {
        let Component::Select { options, .. } = component else {
            continue;
        };
        for option in options {
            let line = option.value();
            let first_time = MENU_LINES_ANSWERED
                .with_borrow_mut(|seen| seen.as_mut().is_none_or(|s| s.insert(line.to_owned())));
            if !first_time {
                continue;
            }
            if let Err(problem) = answer_line(kb, line) {
                return Err(fail(
                    &shorten(asked),
                    &format!(
                        "menu option {:?} carries {line:?}: {problem}",
                        option.label()
                    ),
                ));
            }
        }
    }
    Ok(())
}

thread_local! {
    /// Menu lines already answered from the knowledge base [`check_knowledge_base`] is
    /// checking: every answer about a pair of roles offers the same few, so each is answered
    /// once. `None` outside it, where every line is answered.
    static MENU_LINES_ANSWERED: std::cell::RefCell<Option<HashSet<String>>> =
        const { std::cell::RefCell::new(None) };
}

/// Like [`check_line`] for a typed request, as the gateway or a plain question produces it.
fn check_request(kb: &KnowledgeBase, request: Request) -> Result<Reply, TestCaseError> {
    let call = Call {
        request,
        private: false,
    };
    let reply = answer(kb, &call)
        .and_then(|answer| complete(kb, answer, call.private))
        .unwrap_or_else(|problem| problem.reply());
    let asked = format!("{:?}", call.request);
    check_reply(&asked, &reply)?;
    check_menus(kb, &asked, &reply)?;
    Ok(reply)
}

fn check_autocomplete(kb: &KnowledgeBase, typed: &str) -> Result<(), TestCaseError> {
    check_choices(&autocomplete(kb, typed))
        .map_err(|v| fail(&format!("autocomplete {:?}", shorten(typed)), &v))
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= 300 {
        return text.to_owned();
    }
    format!("{}[…]", text.chars().take(300).collect::<String>())
}

/// "Page 2/5 · …" → (2, 5).
fn page_of(footer: &str) -> Option<(usize, usize)> {
    let rest = footer.strip_prefix("Page ")?;
    let (page, rest) = rest.split_once('/')?;
    let total: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((page.parse().ok()?, total.parse().ok()?))
}

// ---------------------------------------------------------------------------------------------
// Everything a user can ask about a knowledge base and its roles

/// Questions about the whole knowledge base.
fn check_general_questions(kb: &KnowledgeBase) -> Result<(), TestCaseError> {
    for line in [
        "/roles",
        "/roles page:2",
        "/roles page:1000",
        "/jobs",
        "/jobs page:3",
        "/jobs level:senior remote:true",
        "/kb stats",
        "/help",
        "/match skills:python, sql, tableau",
        "which role fits python and sql?",
    ] {
        check_line(kb, line)?;
    }
    Ok(())
}

/// Every command about `role` (paired with `other` where a command needs two roles), as a
/// user types it and as the typed request; every page of its profile; questions naming it.
fn check_role_questions(
    kb: &KnowledgeBase,
    role: &Role,
    other: Option<&Role>,
) -> Result<(), TestCaseError> {
    for request in role_requests(role, other) {
        check_request(kb, request)?;
    }
    if role.slug.chars().count() <= usize::from(ROLE_MAX) {
        for line in role_lines(role, other) {
            check_line(kb, &line)?;
        }
    }
    for question in plain_questions(role, other) {
        check_line(kb, &question)?;
    }
    check_every_role_page(kb, role)?;
    for typed in name_prefixes(role) {
        check_autocomplete(kb, &typed)?;
    }
    Ok(())
}

fn role_requests(role: &Role, other: Option<&Role>) -> Vec<Request> {
    let slug = || role.slug.clone();
    let mut requests = vec![
        Request::Skills { role: slug() },
        Request::Match {
            skills: competency_sample(role),
        },
        Request::Jobs {
            filter: JobFilter {
                role: Some(slug()),
                ..JobFilter::default()
            },
            page: 1,
        },
        Request::Salary { role: slug() },
        Request::Roles {
            filter: Some(role.name.clone()),
            page: 1,
        },
    ];
    if let Some(other) = other {
        let aspects = std::iter::once(None).chain(Section::ALL.map(Some));
        requests.extend(aspects.map(|aspect| Request::Compare {
            a: slug(),
            b: other.slug.clone(),
            aspect,
        }));
        requests.push(Request::Path {
            from: slug(),
            to: other.slug.clone(),
        });
    }
    requests
}

fn role_lines(role: &Role, other: Option<&Role>) -> Vec<String> {
    let slug = &role.slug;
    let mut lines = vec![
        format!("/skills role:\"{slug}\""),
        format!("/skills {slug} private:true"),
        format!("/role role:\"{slug}\" page:2"),
        format!("/match skills:{}", competency_sample(role)),
        format!("/jobs role:\"{slug}\""),
        format!("/salary role:\"{slug}\""),
        format!("/roles filter:\"{slug}\""),
    ];
    if let Some(other) = other {
        let b = &other.slug;
        lines.push(format!("/compare role_a:\"{slug}\" role_b:\"{b}\""));
        for aspect in ["skills", "tools", "definition", "tips", "outlook"] {
            lines.push(format!(
                "/compare role_a:\"{slug}\" role_b:\"{b}\" aspect:{aspect}"
            ));
        }
        lines.push(format!("/compare {slug} {slug}"));
        lines.push(format!("/path from:\"{slug}\" to:\"{b}\""));
    }
    lines
}

fn plain_questions(role: &Role, other: Option<&Role>) -> Vec<String> {
    let name = &role.name;
    let mut questions = vec![
        format!("what does a {name} do?"),
        format!("skills for {name}?"),
        format!("what tools does a {name} use"),
        format!("salary for {name}"),
        format!("jobs for {name}"),
    ];
    if let Some(other) = other {
        let b = &other.name;
        questions.push(format!("{name} vs {b}"));
        questions.push(format!("how do I move from {name} to {b}?"));
    }
    questions
}

/// Up to three of the role's competency names, as a user would list them.
fn competency_sample(role: &Role) -> String {
    let names: Vec<&str> = role
        .competencies
        .iter()
        .take(3)
        .map(|c| c.name.as_str())
        .collect();
    if names.is_empty() {
        "python".to_owned()
    } else {
        names.join(", ")
    }
}

/// `/role` from page 1 until the footer says it is the last page.
fn check_every_role_page(kb: &KnowledgeBase, role: &Role) -> Result<(), TestCaseError> {
    for page in 1..=MAX_ROLE_PAGES {
        let reply = check_request(
            kb,
            Request::Role {
                role: role.slug.clone(),
                page,
            },
        )?;
        let footer = reply.embeds().first().map_or("", |e| e.footer_text());
        match page_of(footer) {
            Some((shown, total)) if shown < total => continue,
            Some(_) => return Ok(()),
            None => return Err(fail(&role.slug, &format!("no page in footer {footer:?}"))),
        }
    }
    Err(fail(&role.slug, "`/role` never reached its last page"))
}

/// What a user may have typed while looking for `role`.
fn name_prefixes(role: &Role) -> Vec<String> {
    let chars: Vec<char> = role.name.chars().collect();
    let mut prefixes: Vec<String> = [1, 3, chars.len() / 2, chars.len()]
        .into_iter()
        .map(|n| chars[..n.min(chars.len())].iter().collect())
        .collect();
    prefixes.push(role.slug.clone());
    prefixes
}

/// Every role answers by its own slug and name, and autocomplete offers it for its name.
fn check_roles_find_themselves(kb: &KnowledgeBase) -> Result<(), TestCaseError> {
    for role in &kb.roles {
        for query in [&role.slug, &role.name] {
            let found = kb.resolve(query).map(|r| r.slug.as_str());
            prop_assert_eq!(
                found,
                Ok(role.slug.as_str()),
                "resolving {:?}",
                shorten(query)
            );
        }
        let offered: Vec<String> = autocomplete(kb, &role.name)
            .into_iter()
            .map(|(_, value)| value)
            .collect();
        // A value longer than Discord allows cannot be the slug itself, but must still lead
        // back to the role.
        let leads_back = |value: &String| kb.resolve(value).is_ok_and(|r| r.slug == role.slug);
        prop_assert!(
            offered.contains(&role.slug)
                || (role.slug.chars().count() > 100 && offered.iter().any(leads_back)),
            "autocomplete of {:?} offers {:?}, not {:?}",
            shorten(&role.name),
            offered,
            shorten(&role.slug)
        );
    }
    Ok(())
}

/// The general questions and, for each of `roles`, every role question.
fn check_knowledge_base(kb: &KnowledgeBase, roles: &[&Role]) -> Result<(), TestCaseError> {
    MENU_LINES_ANSWERED.set(Some(HashSet::new()));
    let checked = check_questions(kb, roles);
    MENU_LINES_ANSWERED.set(None);
    checked
}

fn check_questions(kb: &KnowledgeBase, roles: &[&Role]) -> Result<(), TestCaseError> {
    check_general_questions(kb)?;
    for (i, role) in roles.iter().enumerate() {
        let other = roles
            .get(i + 1)
            .or_else(|| roles.first())
            .filter(|o| o.slug != role.slug);
        check_role_questions(kb, role, other.copied())?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Input lines

const COMMAND_WORDS: &[&str] = &[
    "/compare",
    "/skills",
    "/role",
    "/roles",
    "/path",
    "/match",
    "/ask",
    "/jobs",
    "/salary",
    "/kb",
    "/kb stats",
    "/help",
    "/",
    "/COMPARE",
    "/nope",
    "stats",
];

const OPTION_WORDS: &[&str] = &[
    "role_a:",
    "role_b:",
    "aspect:",
    "private:",
    "role:",
    "page:",
    "filter:",
    "from:",
    "to:",
    "skills:",
    "question:",
    "level:",
    "remote:",
    "company:",
    "ROLE_A:",
    "page:0",
    "page:-1",
    "page:1001",
    "page:99999999999999999999",
    "aspect:tips",
    "aspect:nope",
    "private:true",
    "private:maybe",
    "level:senior",
    "remote:no",
];

const ODD_WORDS: &[&str] = &[
    "\"",
    "'",
    "“",
    "”",
    "\"\"",
    ":",
    "::",
    "@everyone",
    "@here",
    "<@123>",
    "<@&1>",
    "<#1>",
    "**",
    "__",
    "`",
    "```",
    "||",
    "\\",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "\n",
    "\t",
    "vs",
    "vs.",
    "from",
    "to",
    "salary",
    "skills",
    "tools",
    "jobs",
    "help",
    "?",
    "python",
    "sql, tableau",
    "-1",
    "0",
    "true",
    "é",
    "👀",
    "ΓÇó",
];

/// One piece of a line: command and option words, role names, odd text, long runs.
fn line_fragment() -> impl Strategy<Value = String> {
    let role_words: Vec<String> = shipped_kb()
        .roles
        .iter()
        .flat_map(|r| {
            [r.name.clone(), r.slug.clone()]
                .into_iter()
                .chain(r.aliases.clone())
        })
        .collect();
    prop_oneof![
        3 => prop::sample::select(COMMAND_WORDS).prop_map(str::to_owned),
        3 => prop::sample::select(OPTION_WORDS).prop_map(str::to_owned),
        3 => prop::sample::select(role_words),
        3 => prop::sample::select(ODD_WORDS).prop_map(str::to_owned),
        1 => "[a-z_]{1,12}:",
        1 => "[a-z]{1,8}:[a-z0-9 ]{0,10}",
        1 => ".{0,30}",
        1 => (90usize..6001).prop_map(|n| "w".repeat(n)),
        // Around `/ask`'s 500 characters: every word of a question is tried as a role name.
        1 => (20usize..120).prop_map(|n| "data ".repeat(n)),
    ]
}

fn any_line() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any::<String>(),
        5 => (
            prop::collection::vec(line_fragment(), 0..12),
            prop::sample::select(&[" ", " ", "", "  "][..]),
        )
            .prop_map(|(fragments, separator)| fragments.join(separator)),
    ]
}

// ---------------------------------------------------------------------------------------------
// Random knowledge bases: template-shaped articles with wild contents, and noise files

const ODD_TEXT: &[&str] = &[
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

const SKILL_NAMES: &[&str] = &[
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

const HEADINGS: &[&str] = &[
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
fn wild_text() -> BoxedStrategy<String> {
    prop_oneof![
        10 => "[A-Z][a-z]{1,9}( [a-z]{1,9}){0,10}[.!?]?",
        2 => any::<String>(),
        2 => prop::sample::select(ODD_TEXT).prop_map(str::to_owned),
        1 => huge_text(),
    ]
    .boxed()
}

fn huge_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (4000usize..6000).prop_map(|n| "x".repeat(n)),
        (800usize..1200).prop_map(|n| "word ".repeat(n)),
        (1000usize..5001).prop_map(|n| "é".repeat(n)),
        Just("👀 ".repeat(2000)),
    ]
}

/// How long generated role names may be.
#[derive(Debug, Clone, Copy)]
enum NameLength {
    /// At most about 60 code points, so a slug fits an option value and a `custom_id`; one
    /// line with a letter or digit to be found by.
    Short,
    /// Anything, up to thousands of code points.
    Any,
}

/// True if the title "… vs. `name`: …" names one role, and that role has a letter or digit
/// to be found by (see `a_role_named_only_by_punctuation_is_found_by_its_name`).
fn is_one_findable_name(name: &str) -> bool {
    !name.contains(['\r', '\n', ':'])
        && !name.to_lowercase().contains(" vs")
        && name.chars().any(char::is_alphanumeric)
}

fn role_name(length: NameLength) -> BoxedStrategy<String> {
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
fn bullet() -> BoxedStrategy<String> {
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
fn bullets() -> BoxedStrategy<Vec<String>> {
    prop_oneof![
        12 => prop::collection::vec(bullet(), 0..6),
        1 => prop::collection::vec("[A-Z][a-z]{2,9} [a-z]{2,9}( [a-z]{2,9})?", 200..=200)
            .prop_map(|items| items.into_iter().map(|i| format!("  • {i}")).collect()),
    ]
    .boxed()
}

/// A heading and, per role, its sub-heading and bullets.
#[derive(Debug, Clone)]
struct SectionSpec {
    heading: String,
    bullets: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
struct JobSpec {
    title: String,
    company: String,
    location: String,
    terms: String,
}

/// An article in the comparison template, every part of it random.
#[derive(Debug, Clone)]
struct ArticleSpec {
    roles: Vec<String>,
    definitions: Vec<String>,
    sections: Vec<SectionSpec>,
    outlook: String,
    tips: Vec<String>,
    jobs: Vec<JobSpec>,
    /// Lines slipped in anywhere: (position, text).
    garbage: Vec<(usize, String)>,
}

fn section_spec() -> impl Strategy<Value = SectionSpec> {
    let heading = prop_oneof![
        6 => prop::sample::select(HEADINGS).prop_map(str::to_owned),
        1 => wild_text(),
    ];
    (heading, prop::collection::vec(bullets(), 3))
        .prop_map(|(heading, bullets)| SectionSpec { heading, bullets })
}

fn job_spec() -> impl Strategy<Value = JobSpec> {
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

fn article_spec(length: NameLength) -> impl Strategy<Value = ArticleSpec> {
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
enum Damage {
    None,
    CrlfLineEnds,
    /// Random bytes (often not UTF-8) spliced in at a position.
    Splice(usize, Vec<u8>),
}

/// An article file: rendered text, maybe damaged.
fn article_document(index: usize, length: NameLength) -> impl Strategy<Value = Document> {
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
fn noise_document() -> impl Strategy<Value = Document> {
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
struct Documents {
    generated: Vec<Document>,
    /// Whether the shipped `skills.toml` and `roles.toml` join them.
    with_curation: bool,
}

impl Documents {
    fn all(&self) -> Vec<Document> {
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
fn documents(length: NameLength) -> impl Strategy<Value = Documents> {
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

fn build(documents: &Documents) -> Option<KnowledgeBase> {
    KnowledgeBase::from_documents(&documents.all(), "generated").ok()
}

/// The knowledge base `documents` build, if any, answers everything within limits.
fn check_any_knowledge_base(
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

fn sample(roles: &[Role], count: usize) -> Vec<&Role> {
    let step = (roles.len() / count.max(1)).max(1);
    roles.iter().step_by(step).take(count).collect()
}

// ---------------------------------------------------------------------------------------------
// The properties

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn any_line_gets_a_reply_within_discords_limits(line in any_line()) {
        check_line(shipped_kb(), &line)?;
    }

    #[test]
    fn autocomplete_stays_within_discords_limits_for_any_prefix(typed in any_line()) {
        check_autocomplete(shipped_kb(), &typed)?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_knowledge_base_answers_every_question_within_discords_limits(
        documents in documents(NameLength::Short),
        prefixes in prop::collection::vec(".{0,12}", 0..6),
    ) {
        check_any_knowledge_base(&documents, &prefixes)?;
    }

    #[test]
    fn any_knowledge_base_with_any_role_names_answers_within_discords_limits(
        documents in documents(NameLength::Any),
        prefixes in prop::collection::vec(".{0,12}", 0..6),
    ) {
        check_any_knowledge_base(&documents, &prefixes)?;
    }

    #[test]
    fn any_documents_build_or_fail_only_for_want_of_a_role(
        documents in documents(NameLength::Any),
    ) {
        match KnowledgeBase::from_documents(&documents.all(), "generated") {
            Ok(kb) => prop_assert!(!kb.roles.is_empty()),
            Err(error) => prop_assert!(matches!(error, LoadError::NoRoles { .. }), "{}", error),
        }
    }

    #[test]
    fn every_role_of_any_knowledge_base_is_found_by_its_own_names(
        documents in documents(NameLength::Short),
    ) {
        let Some(kb) = build(&documents) else { return Ok(()) };
        check_roles_find_themselves(&kb)?;
    }

    #[test]
    fn every_role_with_any_name_is_found_by_its_own_names(documents in documents(NameLength::Any)) {
        let Some(kb) = build(&documents) else { return Ok(()) };
        check_roles_find_themselves(&kb)?;
    }
}

proptest! {
    #![proptest_config(config(3))]

    #[test]
    fn large_synthetic_knowledge_bases_answer_within_discords_limits(seed in any::<u64>()) {
        let kb = KnowledgeBase::from_documents(&rolecall::synthetic::articles(200, seed), "synthetic")
            .map_err(|e| fail("synthetic articles", &e.to_string()))?;
        check_knowledge_base(&kb, &sample(&kb.roles, 6))?;
        check_roles_find_themselves(&kb)?;
    }
}

#[test]
fn the_shipped_knowledge_base_answers_everything_within_discords_limits() {
    let kb = shipped_kb();
    let roles: Vec<&Role> = kb.roles.iter().collect();
    check_knowledge_base(kb, &roles).unwrap();
}

#[test]
fn every_shipped_role_is_found_by_its_own_names() {
    check_roles_find_themselves(shipped_kb()).unwrap();
}

#[test]
fn page_numbers_are_read_from_footers() {
    assert_eq!(page_of("Page 2/15 · Sources: A vs. B"), Some((2, 15)));
    assert_eq!(page_of("Page 1/1"), Some((1, 1)));
    assert_eq!(page_of("Sources: A vs. B"), None);
}

// ---------------------------------------------------------------------------------------------
// Minimal cases of bugs the properties found

fn one_article(text: &str) -> KnowledgeBase {
    let document = Document {
        path: "articles/a.txt".into(),
        bytes: text.as_bytes().to_vec(),
    };
    KnowledgeBase::from_documents(&[document], "test").expect("the article has roles")
}

/// 37 synthetic roles contain "engineer": three pages, so both pager buttons carry the filter,
/// and a filter padded past 100 characters (it is normalised away) cuts both custom_ids to the
/// same text, which Discord rejects.
#[test]
fn a_long_roles_filter_keeps_the_pager_custom_ids_distinct() {
    let kb = KnowledgeBase::from_documents(&rolecall::synthetic::articles(40, 1), "synthetic")
        .expect("synthetic articles have roles");
    let line = format!("/roles filter:\"{}engineer\"", "-".repeat(90));
    check_line(&kb, &line).unwrap();
}

/// Two roles whose names differ only past 100 characters: autocomplete cuts both slugs to the
/// same value, so at most one of them can be picked.
#[test]
fn roles_with_long_similar_names_are_offered_by_values_that_resolve_to_them() {
    let data = "Data ".repeat(20);
    let (a, b) = (format!("{data}Engineer"), format!("{data}Analyst"));
    let kb = one_article(&format!(
        "{a} vs. {b}\n\nDefinitions\n\n{a}: builds.\n\n{b}: analyses.\n"
    ));
    check_roles_find_themselves(&kb).unwrap();
}

/// "A vs. #: A Comprehensive Comparison" makes a role named "#" (slug `role`), which no query
/// by its name can find.
#[test]
fn a_role_named_only_by_punctuation_is_found_by_its_name() {
    let kb = one_article(
        "Data Engineer vs. #: A Comprehensive Comparison\n\nDefinitions\n\nData Engineer: builds.\n",
    );
    check_roles_find_themselves(&kb).unwrap();
}
