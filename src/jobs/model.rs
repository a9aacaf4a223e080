//! The job board's data: a stored [`Job`], what a moderator sends ([`JobDraft`],
//! [`JobChanges`]), what a member asks for ([`JobQuery`]) and whose board it is ([`Board`]).

use serde::Serialize;

/// Whose job board: a Discord server's, or the one outside any server (DMs and the terminal).
/// Each board sees and manages only its own jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Board(i64);

impl Board {
    /// The board of DMs and of `rolecall ask`: the articles' featured jobs and the operator's.
    pub const OUTSIDE_SERVERS: Board = Board(0);

    /// The board of the server with this id. Snowflakes fit in 63 bits; a larger id cannot be
    /// a Discord server's and falls back to the board outside servers rather than wrapping.
    pub fn server(guild_id: u64) -> Board {
        i64::try_from(guild_id).map_or(Board::OUTSIDE_SERVERS, Board)
    }

    /// The board stored under `id`.
    pub fn from_id(id: i64) -> Board {
        Board(id)
    }

    pub fn id(self) -> i64 {
        self.0
    }
}

/// A salary range in whole units of `currency` (an ISO 4217 code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Salary {
    pub min: i64,
    pub max: i64,
    pub currency: String,
}

/// The fields a job is posted with, already validated (see [`super::validate`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JobDraft {
    pub title: String,
    pub company: String,
    pub location: String,
    pub remote: bool,
    /// "Full Time", "Contract"…: the label, as shown.
    pub employment_type: Option<String>,
    /// One of [`LEVELS`]' keys.
    pub level: Option<String>,
    pub salary: Option<Salary>,
    pub apply_url: Option<String>,
    /// Role slugs the job is for; the store adds those its title names.
    pub roles: Vec<String>,
    /// Unix seconds after which the job no longer lists.
    pub expires_at: Option<i64>,
}

/// A job on a board, with who posted and last changed it, and when (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Job {
    pub id: i64,
    pub board: Board,
    #[serde(flatten)]
    pub draft: JobDraft,
    /// The article a job imported from the knowledge base came from.
    pub source: Option<String>,
    pub posted_at: i64,
    pub posted_by: String,
    pub updated_at: Option<i64>,
    pub updated_by: Option<String>,
    /// How many times the job was changed: an edit applies only to the version it read.
    #[serde(skip)]
    pub version: i64,
}

/// What `/job edit` changes: `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobChanges {
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub remote: Option<bool>,
    pub employment_type: Option<String>,
    pub level: Option<String>,
    pub salary_min: Option<i64>,
    pub salary_max: Option<i64>,
    pub currency: Option<String>,
    pub apply_url: Option<String>,
    pub roles: Option<Vec<String>>,
    pub expires_at: Option<i64>,
}

impl JobChanges {
    pub fn is_empty(&self) -> bool {
        *self == JobChanges::default()
    }
}

/// Which jobs a listing shows. Text filters are matched without regard to case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobQuery {
    /// Jobs tagged with this role slug…
    pub role_slug: Option<String>,
    /// …or, for a role the knowledge base does not know, whose title contains this.
    pub title_contains: Option<String>,
    pub level: Option<String>,
    pub remote: Option<bool>,
    pub company_contains: Option<String>,
    /// How well each role fits the asker (role slug, percent): jobs whose roles fit best
    /// come first (a job fits as its best-fitting role), then the newest. Empty: newest first.
    pub by_fit: Vec<(String, usize)>,
}

/// One page of a listing and how many jobs match in all, counted up to a cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobPage {
    pub jobs: Vec<Job>,
    /// Matching jobs, at most the store's count cap.
    pub total: usize,
    /// More jobs match than `total` says: the count stopped at the cap.
    pub more: bool,
}

/// Salaries of matching jobs at one level in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalaryBand {
    pub level: Option<String>,
    pub currency: String,
    pub min: i64,
    pub max: i64,
    pub jobs: i64,
}

/// A server's own settings for its board.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardSettings {
    /// Members with this role may manage jobs, besides those with Manage Messages.
    pub moderator_role: Option<u64>,
    /// Where new jobs are announced.
    pub announce_channel: Option<u64>,
}

/// Longest job title, company or location: what a Discord embed field name holds with room.
pub const TEXT_MAX: usize = 100;
/// Longest apply URL.
pub const URL_MAX: usize = 500;
/// Highest salary bound accepted, in whole currency units.
pub const SALARY_MAX: i64 = 100_000_000;

/// A value a job field may take: the key typed and stored, and the label shown. The command
/// layer offers these as choices; the board reads and shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub key: &'static str,
    pub label: &'static str,
}

const fn term(label: &'static str, key: &'static str) -> Term {
    Term { key, label }
}

/// Job levels, in career order, labelled as the articles print them.
pub const LEVELS: [Term; 4] = [
    term("Entry-level / Junior", "entry"),
    term("Mid-level / Intermediate", "mid"),
    term("Senior-level / Expert", "senior"),
    term("Executive-level / Director", "executive"),
];

/// Employment types; the label is what a job stores and shows.
pub const EMPLOYMENT_TYPES: [Term; 6] = [
    term("Full Time", "full-time"),
    term("Part Time", "part-time"),
    term("Contract", "contract"),
    term("Freelance", "freelance"),
    term("Temporary", "temporary"),
    term("Internship", "internship"),
];

/// Currencies a salary may be given in (ISO 4217); one Discord choice list holds 25 at most.
pub const CURRENCIES: [Term; 20] = [
    term("USD", "USD"),
    term("EUR", "EUR"),
    term("GBP", "GBP"),
    term("CAD", "CAD"),
    term("AUD", "AUD"),
    term("NZD", "NZD"),
    term("CHF", "CHF"),
    term("SEK", "SEK"),
    term("NOK", "NOK"),
    term("DKK", "DKK"),
    term("PLN", "PLN"),
    term("CZK", "CZK"),
    term("INR", "INR"),
    term("JPY", "JPY"),
    term("SGD", "SGD"),
    term("HKD", "HKD"),
    term("CNY", "CNY"),
    term("BRL", "BRL"),
    term("MXN", "MXN"),
    term("ZAR", "ZAR"),
];

/// The label of a level key, or the key itself if it is not one.
pub fn level_label(key: &str) -> &str {
    LEVELS
        .iter()
        .find(|t| t.key == key)
        .map_or(key, |t| t.label)
}

/// The key of a level as an article prints it ("Mid-level / Intermediate" → `mid`).
pub fn level_key(printed: &str) -> Option<&'static str> {
    let printed = printed.trim().to_lowercase();
    LEVELS
        .iter()
        .find(|t| printed.starts_with(t.key) || printed == t.label.to_lowercase())
        .map(|t| t.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_as_articles_print_them() {
        assert_eq!(level_key("Mid-level / Intermediate"), Some("mid"));
        assert_eq!(level_key("Senior-level / Expert"), Some("senior"));
        assert_eq!(level_key("entry"), Some("entry"));
        assert_eq!(level_key("Wizard"), None);
        assert_eq!(level_label("executive"), "Executive-level / Director");
        assert_eq!(level_label("odd"), "odd");
    }

    #[test]
    fn a_server_id_beyond_63_bits_is_no_server() {
        assert_eq!(Board::server(4000).id(), 4000);
        assert_eq!(Board::server(u64::MAX), Board::OUTSIDE_SERVERS);
    }
}
