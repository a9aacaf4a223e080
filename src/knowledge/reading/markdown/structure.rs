//! Questions about the blocks under a heading: which blocks act as headings, whether
//! anything is written under one, whether aspect headings (and no role headings) follow.

use super::blocks::{Block, Table};
use super::heading_names::question;
use super::names::read_name;
use crate::knowledge::reading::aspects::heading_section;

/// The level given to lines that act as headings: below every real heading.
pub(super) const LINE_LEVEL: usize = 7;

/// The block at `at` as a heading: (level, line, text). Real headings; and lines that act
/// as one: a bold line alone that is a role's name, or a one-item list that is a role's
/// name with text after it.
pub(super) fn heading_like(blocks: &[Block], at: usize) -> Option<(usize, usize, &str)> {
    match &blocks[at] {
        Block::Heading { level, text, line } => Some((*level, *line, text)),
        Block::Paragraph(text)
            if text.is_label()
                && (read_name(&text.text).is_ok() || question(&text.text).is_some()) =>
        {
            Some((LINE_LEVEL, text.line, &text.text))
        }
        Block::Item {
            text,
            depth: 1,
            list,
            ..
        } => {
            let same_list = |b: Option<&Block>| matches!(b, Some(Block::Item { list: other, .. }) if other == list);
            let alone = !same_list(blocks.get(at + 1))
                && !same_list(at.checked_sub(1).and_then(|p| blocks.get(p)));
            let text_follows = matches!(
                blocks.get(at + 1),
                Some(Block::Paragraph(_) | Block::Comment { .. })
            );
            let opener =
                alone && text_follows && !text.text.contains(':') && read_name(&text.text).is_ok();
            opener.then_some((LINE_LEVEL, text.line, &text.text))
        }
        _ => None,
    }
}

pub(super) fn line_of(block: &Block) -> usize {
    match block {
        Block::Heading { line, .. } | Block::Comment { line, .. } => *line,
        Block::Paragraph(text) | Block::Item { text, .. } => text.line,
        Block::Table(Table { line, .. }) => *line,
    }
}

/// Whether anything but headings is written under the heading at `at`, before the next
/// heading of its level or above (or, for a line acting as a heading, before the next
/// heading).
pub(super) fn has_content(blocks: &[Block], at: usize, level: usize) -> bool {
    for block in &blocks[at + 1..] {
        match block {
            Block::Heading { level: next, .. } if *next <= level || level == LINE_LEVEL => {
                return false
            }
            Block::Heading { .. } => {}
            _ => return true,
        }
    }
    false
}

/// Whether aspect headings, and no role headings, are under the heading at `at`.
pub(super) fn has_aspect_below(blocks: &[Block], at: usize, level: usize) -> bool {
    let mut below = blocks[at + 1..]
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text, .. } => Some((*level, text)),
            _ => None,
        })
        .take_while(|(next, _)| *next > level);
    let mut aspects = false;
    for (_, text) in below.by_ref() {
        if read_name(text).is_ok() {
            return false;
        }
        aspects |= heading_section(&text.to_lowercase()).is_some();
    }
    aspects
}
