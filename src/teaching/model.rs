//! What the teaching store keeps, typed: a server's teaching settings, drafts waiting for
//! their author's Add, added articles and their history; and how an article's text is
//! checked and fingerprinted before it is kept.

use sha2::{Digest, Sha256};

use crate::knowledge::text::names::slugify;

/// How long a draft waits for its author's Add: Discord's interaction tokens live as long,
/// so a preview's buttons are dead after it anyway.
pub const DRAFT_LIFETIME_SECS: i64 = 15 * 60;

/// Longest article title, in code points (it is shown as an embed title, limit 256).
pub const TITLE_MAX: usize = 200;

/// Largest article text, in bytes, as large as the largest file `/kb add` takes: a long
/// role-comparison article is about 30 KB; this keeps one server's knowledge base (rebuilt
/// in memory) and its rows reasonable.
pub const TEXT_MAX_BYTES: usize = 512 * 1024;

/// A server's teaching settings. `None`: not set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TeachingSettings {
    /// Members with this role may add and remove articles (as may members with Manage
    /// Server).
    pub mentor_role: Option<u64>,
    /// The forum channel whose new posts the bot answers (not used yet).
    pub answer_forum: Option<u64>,
}

/// A draft's id: random, so it cannot be guessed from another draft's, and short enough for
/// a button's `custom_id` (32 hex digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DraftId(pub String);

/// A text waiting for its author to confirm it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: DraftId,
    pub guild: u64,
    /// The user id of the only person who may confirm or discard it.
    pub author: String,
    pub title: String,
    pub text: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// An article a mentor added to a server, without its text (listings do not need it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: i64,
    pub guild: u64,
    pub title: String,
    /// From the title ([`article_slug`]); not unique: two articles may share a title.
    pub slug: String,
    /// [`content_hash`] of its text.
    pub content_hash: String,
    pub added_by: String,
    pub added_at: i64,
}

/// The document name an added article is read under, in a server's knowledge base and in
/// its preview: a Markdown document (the store keeps no file name; the text layouts read
/// the same either way, see `building::preview`'s tests), named by its id so that two
/// articles sharing a title stay two documents.
pub fn document_path(article: &Article) -> String {
    format!("{}{}.md", document_prefix(article.id), article.slug)
}

/// Where article `id` stands among a base's documents.
pub fn document_prefix(id: i64) -> String {
    format!("server/{id}-")
}

/// The id of the added article a base's document `file` is ([`document_path`]), if it is
/// one: a shipped document or a draft is none.
pub fn article_of_document(file: &str) -> Option<i64> {
    let (id, _) = file.strip_prefix("server/")?.split_once('-')?;
    let id: i64 = id.parse().ok()?;
    file.starts_with(&document_prefix(id)).then_some(id)
}

/// A draft's document name, for its preview: read as an added article will be.
pub const DRAFT_DOCUMENT: &str = "server/draft.md";

/// An article with its text, as the knowledge base is built from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleText {
    pub article: Article,
    /// Normalised ([`normalised`]) as it was added.
    pub text: String,
}

/// What happened to an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleAction {
    Add,
    Remove,
}

impl ArticleAction {
    /// The word kept in the database.
    pub fn key(self) -> &'static str {
        match self {
            ArticleAction::Add => "add",
            ArticleAction::Remove => "remove",
        }
    }

    pub fn from_key(key: &str) -> Option<ArticleAction> {
        match key {
            "add" => Some(ArticleAction::Add),
            "remove" => Some(ArticleAction::Remove),
            _ => None,
        }
    }
}

/// One change in a server's articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleEvent {
    pub article_id: i64,
    /// The article's title (as added; titles do not change).
    pub title: String,
    pub action: ArticleAction,
    pub actor: String,
    pub at: i64,
}

/// Why a title or text is not kept, in words for the mentor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    #[error("the article needs a title")]
    NoTitle,
    #[error("the title is {0} characters long; at most {TITLE_MAX} fit")]
    LongTitle(usize),
    #[error("the article has no text")]
    NoText,
    #[error("the text is {0} KB; at most {max} KB fit", max = TEXT_MAX_BYTES / 1024)]
    LongText(usize),
}

/// A title and text as they are kept: trimmed, line endings as `\n`, within the bounds.
pub fn checked(title: &str, text: &str) -> Result<(String, String), TextProblem> {
    let title = title.trim();
    if title.is_empty() {
        return Err(TextProblem::NoTitle);
    }
    let length = title.chars().count();
    if length > TITLE_MAX {
        return Err(TextProblem::LongTitle(length));
    }
    let text = normalised(text);
    if text.is_empty() {
        return Err(TextProblem::NoText);
    }
    if text.len() > TEXT_MAX_BYTES {
        return Err(TextProblem::LongText(text.len().div_ceil(1024)));
    }
    Ok((title.to_owned(), text))
}

/// The text with Windows and old Mac line endings as `\n` and surrounding blank space
/// trimmed: the same article pasted from another editor is the same text.
pub fn normalised(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_owned()
}

/// The fingerprint that makes "the same text twice" exact: SHA-256 of the normalised text,
/// lower-case hex.
pub fn content_hash(text: &str) -> String {
    hex::encode(Sha256::digest(normalised(text).as_bytes()))
}

/// An article's slug, from its title as roles' slugs are made.
pub fn article_slug(title: &str) -> String {
    slugify(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_added_articles_document_names_its_id() {
        let article = Article {
            id: 42,
            guild: 1,
            title: "Data Engineering".into(),
            slug: "data-engineering".into(),
            content_hash: String::new(),
            added_by: "1".into(),
            added_at: 0,
        };
        assert_eq!(article_of_document(&document_path(&article)), Some(42));
        for other in [
            DRAFT_DOCUMENT,
            "articles/data-engineer.md",
            "server/-1-x.md",
            "server/+4-x.md",
        ] {
            assert_eq!(article_of_document(other), None, "{other}");
        }
    }

    #[test]
    fn the_same_text_from_another_editor_has_the_same_hash() {
        let unix = content_hash("A vs. B\n\nDefinitions\n");
        assert_eq!(unix, content_hash("  A vs. B\r\n\r\nDefinitions\r\n"));
        assert_ne!(unix, content_hash("A vs. C\n\nDefinitions\n"));
        assert_eq!(unix.len(), 64);
        assert!(unix
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn titles_and_texts_are_checked_with_a_reason() {
        assert_eq!(checked(" ", "text"), Err(TextProblem::NoTitle));
        assert_eq!(checked("T", " \r\n "), Err(TextProblem::NoText));
        let long_title = "é".repeat(TITLE_MAX + 1);
        assert_eq!(
            checked(&long_title, "text"),
            Err(TextProblem::LongTitle(TITLE_MAX + 1))
        );
        let long_text = "x".repeat(TEXT_MAX_BYTES + 1);
        assert!(matches!(
            checked("T", &long_text),
            Err(TextProblem::LongText(_))
        ));
        assert_eq!(
            checked(" A vs B ", "one\r\ntwo\n"),
            Ok(("A vs B".to_owned(), "one\ntwo".to_owned()))
        );
    }

    #[test]
    fn actions_read_back_from_their_keys() {
        for action in [ArticleAction::Add, ArticleAction::Remove] {
            assert_eq!(ArticleAction::from_key(action.key()), Some(action));
        }
        assert_eq!(ArticleAction::from_key("edit"), None);
    }
}
