//! Discord's size limits, in one place, and the one way text is cut to fit them.
//!
//! Limits count Unicode code points after trimming (see `shared/design/discord-limits.md`).

pub const CONTENT: usize = 2000;
pub const EMBEDS_PER_MESSAGE: usize = 10;
pub const EMBED_TITLE: usize = 256;
pub const EMBED_DESCRIPTION: usize = 4096;
pub const FIELDS_PER_EMBED: usize = 25;
pub const FIELD_NAME: usize = 256;
pub const FIELD_VALUE: usize = 1024;
pub const FOOTER_TEXT: usize = 2048;
pub const AUTHOR_NAME: usize = 256;
/// All titles, descriptions, field names and values, footers and author names of one message.
pub const EMBED_TOTAL: usize = 6000;
pub const ACTION_ROWS: usize = 5;
pub const BUTTONS_PER_ROW: usize = 5;
pub const BUTTON_LABEL: usize = 80;
pub const CUSTOM_ID: usize = 100;
/// A link button's address.
pub const LINK_URL: usize = 512;
/// Options of one select menu, which fills an action row alone.
pub const SELECT_OPTIONS: usize = 25;
/// An option's label, value and description each.
pub const SELECT_OPTION_TEXT: usize = 100;
/// A select menu's placeholder (Discord's component reference; not in `discord-limits.md`).
pub const SELECT_PLACEHOLDER: usize = 150;
pub const AUTOCOMPLETE_CHOICES: usize = 25;
pub const CHOICE_TEXT: usize = 100;

/// Stands in for an empty field name or value, which Discord rejects.
pub const ZERO_WIDTH_SPACE: &str = "\u{200B}";

const ELLIPSIS: char = '…';

/// Number of code points Discord counts for `text`.
pub fn count(text: &str) -> usize {
    text.trim().chars().count()
}

/// `text` trimmed and, if longer than `max` code points, cut at a word boundary when one is
/// near, ending with an ellipsis. The result always has at most `max` code points.
pub fn clamp(text: &str, max: usize) -> String {
    let text = text.trim();
    if max == 0 {
        return String::new();
    }
    // Fast path: byte length bounds the char count.
    if text.len() <= max || text.chars().count() <= max {
        return text.to_owned();
    }
    let keep = max - 1;
    let cut = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    // Prefer ending on a whole word if that loses at most a fifth of the room.
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if head[..space].chars().count() * 5 >= keep * 4 => &head[..space],
        _ => head,
    };
    let mut out = head.trim_end().to_owned();
    out.push(ELLIPSIS);
    out
}

/// Like [`clamp`], but never empty: Discord rejects empty field names and values.
pub fn clamp_non_empty(text: &str, max: usize) -> String {
    let out = clamp(text, max);
    if out.is_empty() {
        ZERO_WIDTH_SPACE.to_owned()
    } else {
        out
    }
}

/// The first of `lines` that fit in `max` code points, one a line, and how many they are:
/// a list cut at a whole line, for the caller to say how many were left out.
pub fn lines_within(lines: &[String], max: usize) -> (String, usize) {
    let mut out = String::new();
    let mut used = 0;
    let mut shown = 0;
    for line in lines {
        let length = line.chars().count() + usize::from(shown > 0);
        if used + length > max {
            break;
        }
        if shown > 0 {
            out.push('\n');
        }
        out.push_str(line);
        used += length;
        shown += 1;
    }
    (out, shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_only_trimmed() {
        assert_eq!(clamp("  hello  ", 10), "hello");
    }

    #[test]
    fn long_text_is_cut_on_a_word_with_an_ellipsis() {
        let out = clamp("alpha beta gamma delta", 12);
        assert_eq!(out, "alpha beta…");
        assert!(count(&out) <= 12);
    }

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "é".repeat(300);
        let out = clamp(&text, 256);
        assert_eq!(out.chars().count(), 256);
        assert!(out.ends_with('…'));
    }

    #[test]
    fn empty_field_text_becomes_a_zero_width_space() {
        assert_eq!(clamp_non_empty("   ", 10), ZERO_WIDTH_SPACE);
    }

    #[test]
    fn zero_room_gives_empty_text() {
        assert_eq!(clamp("abc", 0), "");
    }
}
