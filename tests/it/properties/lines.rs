//! Random input lines: command and option words, role names, odd text, long runs.

use super::*;

pub(super) const COMMAND_WORDS: &[&str] = &[
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
    "/search",
    "does a",
    "which roles need",
    "what does a",
    "I know",
    "and the",
    "what about",
    "/",
    "/COMPARE",
    "/nope",
    "stats",
];

pub(super) const OPTION_WORDS: &[&str] = &[
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
    "query:",
    "aspect:education",
    "aspect:outlook",
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

pub(super) const ODD_WORDS: &[&str] = &[
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
    "degree",
    "phd",
    "do all day",
    "job market",
    "break into",
    "rust",
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

/// Pieces of the questions issue 15 reads: comparatives, backgrounds, roles no article
/// covers, fields for roles, the thing first, arrows, follow-ups.
pub(super) const QUESTION_WORDS: &[&str] = &[
    "which is more hands-on,",
    "which needs more maths",
    "easier to get into",
    "more stressful",
    "or",
    "I'm a backend developer,",
    "as a statistician",
    "student here",
    "data engineer",
    "AI engineer",
    "data science",
    "ML research",
    "data ops management",
    "->",
    "→",
    "Spark —",
    "who actually uses it?",
    "which of the roles list it",
    "and",
    "will it be automated",
    "step up to lead",
    "a masters in",
    "how do I get into",
];

/// One piece of a line: command and option words, role names, odd text, long runs.
pub(super) fn line_fragment() -> impl Strategy<Value = String> {
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
        3 => prop::sample::select(QUESTION_WORDS).prop_map(str::to_owned),
        1 => "[a-z_]{1,12}:",
        1 => "[a-z]{1,8}:[a-z0-9 ]{0,10}",
        1 => ".{0,30}",
        1 => (90usize..6001).prop_map(|n| "w".repeat(n)),
        // Around `/ask`'s 500 characters: every word of a question is tried as a role name.
        1 => (20usize..120).prop_map(|n| "data ".repeat(n)),
        // A role named fifty times and more, in a comparative.
        1 => (40usize..70).prop_map(|n| "which is more technical, ml engineer or ".repeat(n)),
    ]
}

pub(super) fn any_line() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any::<String>(),
        5 => (
            prop::collection::vec(line_fragment(), 0..12),
            prop::sample::select(&[" ", " ", "", "  "][..]),
        )
            .prop_map(|(fragments, separator)| fragments.join(separator)),
    ]
}

/// The words of lines that read or change the asker's profile, and of the commands that
/// stand on it when given no skills.
pub(super) const PROFILE_WORDS: &[&str] = &[
    "/me",
    "/me show",
    "/me skills",
    "/me skills set:",
    "/me skills add:",
    "/me skills remove:",
    "/me forget",
    "/me export",
    "set:",
    "add:",
    "remove:",
    "/jobs fit:true",
    "fit:true",
    "fit:false",
    "/match",
    "/path to:data-scientist",
    "/path",
    "private:false",
    "which jobs fit me?",
    "what should I learn to become a data scientist?",
    "python, sql, tableau",
    "Python, PYTHON, python",
    "<@123>, @everyone, **sql**, `rust`, 👀",
];

/// A line about the asker's profile: profile words among any others, and skill lists of
/// 0 to 600 items.
pub(super) fn profile_line() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(PROFILE_WORDS).prop_map(str::to_owned),
        3 => line_fragment(),
        1 => (0usize..600).prop_map(|n| (0..n).map(|i| format!("skill {i}")).collect::<Vec<_>>().join(", ")),
        1 => (1usize..40).prop_map(|n| "python, sql, ".repeat(n)),
    ];
    prop::collection::vec(piece, 1..6).prop_map(|pieces| pieces.join(" "))
}
