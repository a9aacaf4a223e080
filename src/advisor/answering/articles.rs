//! What `/kb list`, `/kb remove` and `/kb history` answer: the server's articles, one
//! removed, and their history, always within Discord's limits. Titles and authors' names
//! are text someone typed, so they are escaped; an author who is a Discord user is shown as
//! a mention, which Discord renders as their name inside an embed without pinging anyone
//! (and every message carries an empty `allowed_mentions` anyway).

use time::macros::format_description;
use time::OffsetDateTime;

use crate::jobs::validate::format_date;
use crate::reply::limits::lines_within;
use crate::reply::{colour, count_of, escape_user_text, limits, Embed, Reply};
use crate::teaching::model::{Article, ArticleAction, ArticleEvent};

/// Articles per page of `/kb list`: ten fields of at most a title and a line each stay well
/// within an embed's 6,000 characters.
pub const LIST_PAGE: usize = 10;

/// Code points of a title in a history line: a line per change, many changes per message.
const HISTORY_TITLE: usize = 80;

/// One page (from 1; past the last shows the last) of `articles`, newest first.
pub fn listing(articles: &[Article], page: usize) -> Reply {
    if articles.is_empty() {
        return nothing_yet(
            "No articles added",
            "This server has added no articles: the answers come from the built-in ones.",
        );
    }
    let pages = articles.len().div_ceil(LIST_PAGE);
    let page = page.clamp(1, pages);
    let title = format!("Articles added to this server ({})", articles.len());
    let mut embed = Embed::new(&title).colour(colour::INFO);
    for article in articles.iter().skip((page - 1) * LIST_PAGE).take(LIST_PAGE) {
        embed = embed.field(
            &format!("#{} {}", article.id, escape_user_text(&article.title)),
            &format!(
                "Added by {} on {}",
                who(&article.added_by),
                format_date(article.added_at)
            ),
            false,
        );
    }
    let mut footer = vec!["newest first".to_owned()];
    if pages > 1 {
        footer.insert(0, format!("Page {page}/{pages}"));
    }
    if page < pages {
        footer.push(format!("/kb list page:{} for more", page + 1));
    }
    Reply::embed(embed.footer(&footer.join(" · ")))
}

/// What `/kb remove` took out.
pub fn removed(article: &Article) -> Reply {
    let text = format!(
        "**#{}** {} (added by {} on {}) is no longer one of this server's articles; `/kb history` keeps the record.",
        article.id,
        escape_user_text(&article.title),
        who(&article.added_by),
        format_date(article.added_at),
    );
    Reply::embed(
        Embed::new("Article removed")
            .colour(colour::INFO)
            .description(&text),
    )
}

/// The latest changes, newest first, one line each, as many as one description holds.
pub fn history(events: &[ArticleEvent]) -> Reply {
    if events.is_empty() {
        return nothing_yet(
            "No changes yet",
            "No article has been added to or removed from this server.",
        );
    }
    let lines: Vec<String> = events.iter().map(history_line).collect();
    line_list("Article history", &lines, |shown| {
        format!("newest first · the latest {}", count_of(shown, "change"))
    })
}

/// An empty list, said in a sentence (here and in `gaps`).
pub(super) fn nothing_yet(title: &str, sentence: &str) -> Reply {
    Reply::embed(Embed::new(title).colour(colour::INFO).description(sentence))
}

/// `lines` one a line, as many as one description holds; the footer says how many
/// (`footer` is given that number).
pub(super) fn line_list(title: &str, lines: &[String], footer: impl Fn(usize) -> String) -> Reply {
    let (description, shown) = lines_within(lines, limits::EMBED_DESCRIPTION);
    Reply::embed(
        Embed::new(title)
            .colour(colour::INFO)
            .description(&description)
            .footer(&footer(shown)),
    )
}

/// `2026-12-05 14:03 UTC · removed #12 Title · by @someone`.
fn history_line(event: &ArticleEvent) -> String {
    let action = match event.action {
        ArticleAction::Add => "added",
        ArticleAction::Remove => "removed",
    };
    let title = limits::clamp(&event.title, HISTORY_TITLE);
    format!(
        "{} · {action} **#{}** {} · by {}",
        minute(event.at),
        event.article_id,
        escape_user_text(&title),
        who(&event.actor)
    )
}

/// A Discord user id as a mention; anything else (`operator`, a name the operator gave at
/// the terminal) as escaped text.
fn who(user: &str) -> String {
    if !user.is_empty() && user.bytes().all(|b| b.is_ascii_digit()) {
        format!("<@{user}>")
    } else {
        escape_user_text(user)
    }
}

/// `2026-12-05 14:03 UTC`: changes may come minutes apart.
fn minute(at: i64) -> String {
    OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|at| {
            at.format(format_description!(
                "[year]-[month]-[day] [hour]:[minute] UTC"
            ))
            .ok()
        })
        .unwrap_or_else(|| "at an unknown time".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: i64, title: &str, by: &str) -> Article {
        Article {
            id,
            guild: 5,
            title: title.to_owned(),
            slug: String::new(),
            content_hash: String::new(),
            added_by: by.to_owned(),
            added_at: 1_764_950_000,
        }
    }

    /// Every embed text of a reply, as Discord counts them.
    fn size(reply: &Reply) -> usize {
        reply.embeds().iter().map(Embed::size).sum()
    }

    #[test]
    fn a_list_pages_newest_first_with_authors_as_mentions() {
        let articles: Vec<Article> = (1..=23)
            .rev()
            .map(|id| article(id, &format!("Guide {id}"), "1234"))
            .collect();
        let first = listing(&articles, 1);
        let embed = &first.embeds()[0];
        assert_eq!(embed.fields().len(), LIST_PAGE);
        assert_eq!(embed.fields()[0].name, "#23 Guide 23");
        assert!(embed.fields()[0].value.contains("<@1234>"));
        assert!(embed.fields()[0].value.contains("2025-12-05"));
        assert!(embed.footer_text().contains("Page 1/3"), "{embed:?}");
        assert!(embed.footer_text().contains("page:2"), "{embed:?}");
        let last = listing(&articles, 99);
        assert_eq!(
            last.embeds()[0].fields().len(),
            3,
            "past the end is the last page"
        );
        assert!(!last.embeds()[0].footer_text().contains("for more"));
    }

    #[test]
    fn titles_and_names_typed_by_people_are_inert() {
        let sneaky = article(7, "**Bold** <@&1> @everyone", "operator <@99>");
        let shown = format!("{:?}", listing(std::slice::from_ref(&sneaky), 1));
        assert!(
            !shown.contains("**Bold**") && !shown.contains("<@&1>"),
            "{shown}"
        );
        assert!(!shown.contains("<@99>"), "a name is no mention: {shown}");
        let removed = format!("{:?}", removed(&sneaky));
        assert!(
            !removed.contains("<@&1>") && removed.contains("#7"),
            "{removed}"
        );
    }

    #[test]
    fn the_longest_titles_stay_within_discords_limits() {
        let title = "*".repeat(crate::teaching::model::TITLE_MAX);
        let articles: Vec<Article> = (1..=LIST_PAGE as i64)
            .map(|id| article(id, &title, &"9".repeat(19)))
            .collect();
        let page = listing(&articles, 1);
        assert!(size(&page) <= limits::EMBED_TOTAL);
        assert_eq!(
            page.embeds()[0].fields().len(),
            LIST_PAGE,
            "none dropped to fit"
        );
        let events: Vec<ArticleEvent> = (0..40)
            .map(|n| ArticleEvent {
                article_id: n,
                title: title.clone(),
                action: ArticleAction::Remove,
                actor: "x".repeat(100),
                at: 1_764_950_000 + n,
            })
            .collect();
        let reply = history(&events);
        let embed = &reply.embeds()[0];
        assert!(embed.description_text().chars().count() <= limits::EMBED_DESCRIPTION);
        let shown = embed.description_text().lines().count();
        assert!(shown > 1, "{embed:?}");
        assert!(embed
            .footer_text()
            .contains(&format!("latest {shown} changes")));
    }

    #[test]
    fn history_says_what_happened_when_and_by_whom() {
        let reply = history(&[ArticleEvent {
            article_id: 3,
            title: "MLE vs DS".to_owned(),
            action: ArticleAction::Remove,
            actor: "42".to_owned(),
            at: 1_764_950_000,
        }]);
        let line = reply.embeds()[0].description_text().to_owned();
        assert!(
            line.starts_with("2025-12-05 15:53 UTC · removed **#3**"),
            "{line}"
        );
        assert!(line.ends_with("by <@42>"), "{line}");
    }
}
