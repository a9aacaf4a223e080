//! Inline noise that site generators leave in Markdown text: MkDocs icon shortcodes
//! (`:material-pipe:`), kramdown and attr_list attributes (`{: .note}`, `{ .md-button }`),
//! TOC markers (`{:toc}`) and admonition titles (`!!! note "…"`), and bold that CommonMark
//! does not read as bold (`** 4. Machine Learning Engineer**`).

use std::borrow::Cow;

/// `text` without shortcodes and attribute lists; `None` when the whole block is noise (a
/// TOC marker, an admonition). Linear, and copies only when there is something to remove.
pub(super) fn clean_inline(text: &str) -> Option<Cow<'_, str>> {
    if text.contains("{:toc}") {
        return None;
    }
    let start = text.trim_start();
    if start.starts_with("!!!") || start.starts_with("???") {
        return None;
    }
    if !text.contains(['{', ':']) {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find(['{', ':']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let skip = if tail.starts_with('{') {
            attribute_list(tail)
        } else {
            shortcode(tail, out.chars().next_back())
        };
        match skip {
            Some(len) => {
                changed = true;
                rest = &tail[len..];
            }
            None => {
                let ch = tail.chars().next().map_or(1, char::len_utf8);
                out.push_str(&tail[..ch]);
                rest = &tail[ch..];
            }
        }
    }
    out.push_str(rest);
    Some(if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    })
}

/// The length of `{: .class #id key=value}` or `{ .class }` at the start of `text`.
fn attribute_list(text: &str) -> Option<usize> {
    let close = text.find('}')?;
    let inner = text[1..close].trim();
    let is_attributes =
        inner.starts_with([':', '.', '#']) && !inner.contains('{') && inner.len() < 120;
    is_attributes.then_some(close + 1)
}

/// The length of an icon shortcode `:material-pipe:` at the start of `text`: letters,
/// digits, '-', '_' and '+' between two colons, starting with a letter, not right after a
/// letter or digit (so "Tools:SQL:" keeps its text).
fn shortcode(text: &str, before: Option<char>) -> Option<usize> {
    if before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let body = &text[1..];
    let end = body.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+')))?;
    let name = &body[..end];
    let is_shortcode = body[end..].starts_with(':')
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.contains(['-', '_']);
    is_shortcode.then_some(end + 2)
}

/// "** 4. Machine Learning Engineer**" (stars CommonMark left as text) → the text inside and
/// it as the lead; any other text as it is, without a lead.
pub(super) fn unwrap_literal_bold(text: &str) -> (String, Option<String>) {
    for marks in ["**", "__"] {
        let inner = text
            .strip_prefix(marks)
            .and_then(|t| t.trim_end().trim_end_matches(':').strip_suffix(marks));
        if let Some(inner) = inner
            .map(str::trim)
            .filter(|i| !i.is_empty() && !i.contains(marks))
        {
            let lead = inner.trim_end_matches(':').trim_end().to_string();
            return (inner.to_string(), Some(lead));
        }
    }
    (text.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcodes_and_attribute_lists_are_removed() {
        let cleaned = clean_inline(":material-pipe:{ .lg .middle } Data Engineer");
        assert_eq!(cleaned.as_deref(), Some(" Data Engineer"));
        let cleaned = clean_inline("Start with Infrastructure →{ .md-button }");
        assert_eq!(cleaned.as_deref(), Some("Start with Infrastructure →"));
        let kept = "Core Languages: SQL, Python {not attributes} at 10:30:00";
        assert_eq!(clean_inline(kept).as_deref(), Some(kept));
        assert_eq!(clean_inline("TOC {:toc}"), None);
        assert_eq!(clean_inline("!!! note \"About Salaries\" Ranges"), None);
    }

    #[test]
    fn literal_bold_is_a_lead() {
        let (text, lead) = unwrap_literal_bold("** 4. MACHINE LEARNING ENGINEER**");
        assert_eq!(text, "4. MACHINE LEARNING ENGINEER");
        assert_eq!(lead.as_deref(), Some("4. MACHINE LEARNING ENGINEER"));
        assert_eq!(unwrap_literal_bold("a **b** c").1, None);
    }
}
