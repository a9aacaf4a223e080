//! Making user-supplied text inert before it is shown: no markdown, no mentions, no controls.
//!
//! Replies also carry `allowed_mentions: {"parse": []}`, so a stray mention could not ping
//! anyone; escaping keeps it from even *looking* like one, and keeps a user from styling or
//! breaking the bot's layout.

/// `text` with control characters removed, whitespace folded to single spaces, markdown
/// characters backslash-escaped and mentions broken with a zero-width space.
pub fn escape_user_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if ch.is_control() || is_invisible_format(ch) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match ch {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']' | '(' | ')' => {
                out.push('\\');
                out.push(ch);
            }
            // "@everyone", "<@123>", "<#123>": a zero-width space after the sigil defuses them.
            '@' | '<' => {
                out.push(ch);
                out.push('\u{200B}');
            }
            _ => out.push(ch),
        }
    }
    out
}

/// Characters that render as nothing and could hide text (bidi overrides, zero-width joiners).
fn is_invisible_format(ch: char) -> bool {
    matches!(ch, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// The text without user, role and channel mentions (`<@123>`, `<@!123>`, `<@&1>`, `<#1>`):
/// what a question is read from. Done once, where a question comes in (a chat message, `/ask`,
/// a plain line in the terminal).
pub fn strip_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find('>');
        let is_mention = end.is_some_and(|end| {
            let inner = &tail[1..end];
            let digits = inner.trim_start_matches(['@', '!', '&', '#']);
            inner.len() > digits.len()
                && !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
        });
        match (is_mention, end) {
            (true, Some(end)) => rest = &tail[end + 1..],
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn mentions_are_removed_before_reading() {
        assert_eq!(
            super::strip_mentions("<@123> skills for <@!45>mlops? <#9> <b>"),
            "skills for mlops?  <b>"
        );
    }

    use super::*;

    #[test]
    fn everyone_and_user_mentions_are_defused() {
        let out = escape_user_text("@everyone <@123> <@&9> @here");
        assert!(!out.contains("@everyone"));
        assert!(!out.contains("<@"));
        assert!(!out.contains("@here"));
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(escape_user_text("**bold** `x`"), "\\*\\*bold\\*\\* \\`x\\`");
    }

    #[test]
    fn controls_are_dropped_and_whitespace_folded() {
        assert_eq!(escape_user_text(" a\u{0}\u{7}\n\n b\t"), "a b");
        assert_eq!(escape_user_text("a\u{202E}b"), "ab");
    }

    #[test]
    fn plain_words_are_unchanged() {
        assert_eq!(escape_user_text("data specialist"), "data specialist");
    }
}
