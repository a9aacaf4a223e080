//! A Markdown document as the blocks a reader of role articles cares about: headings,
//! paragraphs, list items (with their nesting) and tables, each with its line in the file.
//!
//! pulldown-cmark does the parsing (CommonMark with GFM tables); this only flattens its
//! events. Code, HTML blocks, images and footnote bodies are never knowledge and are dropped;
//! inline HTML is dropped too, except `<br>`, which separates a table cell's items.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::knowledge::lines::collapse_whitespace;

/// Where a `<br>` stood in a table cell: split on it to get the cell's items.
pub(super) const BREAK: char = '\n';

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block {
    Heading {
        level: usize,
        text: String,
        line: usize,
    },
    Paragraph {
        text: String,
        line: usize,
    },
    /// A list item's own text (without its nested lists, which follow as deeper items).
    Item {
        text: String,
        line: usize,
        /// 1 for a top-level list, 2 for a list inside one of its items…
        depth: usize,
    },
    Table(Table),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Table {
    pub line: usize,
    pub header: Vec<String>,
    /// (line, cells) per body row.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The blocks of `text`, in order. Never panics.
pub(super) fn read(text: &str) -> Vec<Block> {
    let mut reader = Reader::new(text);
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        reader.event(event, range.start);
    }
    reader.blocks
}

/// The text being gathered, and for what.
#[derive(Debug)]
enum Open {
    Heading(usize, usize),
    Paragraph(usize),
    Cell,
}

struct Reader {
    /// Byte offset at which each line starts.
    line_starts: Vec<usize>,
    blocks: Vec<Block>,
    open: Option<Open>,
    buffer: String,
    /// Open list items, innermost last: (line, depth, text so far).
    items: Vec<(usize, usize, String)>,
    lists: usize,
    /// Inside code, HTML blocks, images or footnote bodies: nothing there is knowledge.
    skipping: usize,
    table: Option<Table>,
    row: Option<(usize, Vec<String>)>,
}

impl Reader {
    fn new(text: &str) -> Reader {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Reader {
            line_starts,
            blocks: Vec::new(),
            open: None,
            buffer: String::new(),
            items: Vec::new(),
            lists: 0,
            skipping: 0,
            table: None,
            row: None,
        }
    }

    /// The 1-based line holding byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            _ if self.skipping > 0 => {}
            Event::Text(text) | Event::Code(text) => self.push_text(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text),
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::InlineHtml(html) if is_line_break(&html) => {
                let separator = if matches!(self.open, Some(Open::Cell)) {
                    BREAK.to_string()
                } else {
                    " ".to_string()
                };
                self.push_text(&separator);
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        let line = self.line(offset);
        match tag {
            Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::Image { .. }
            | Tag::FootnoteDefinition(_)
            | Tag::MetadataBlock(_) => self.skipping += 1,
            _ if self.skipping > 0 => {}
            Tag::Heading { level, .. } => self.open_text(Open::Heading(level as usize, line)),
            // A paragraph inside a list item is the item's text.
            Tag::Paragraph if self.items.is_empty() => self.open_text(Open::Paragraph(line)),
            Tag::Paragraph => self.push_text(" "),
            Tag::List(_) => {
                self.flush_item();
                self.lists += 1;
            }
            Tag::Item => {
                self.flush_item();
                self.items.push((line, self.lists.max(1), String::new()));
            }
            Tag::Table(_) => {
                self.table = Some(Table {
                    line,
                    ..Table::default()
                })
            }
            Tag::TableRow => self.row = Some((line, Vec::new())),
            Tag::TableCell => self.open_text(Open::Cell),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::Image
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_) => self.skipping = self.skipping.saturating_sub(1),
            _ if self.skipping > 0 => {}
            TagEnd::Heading(_) | TagEnd::Paragraph => self.close_text(),
            TagEnd::List(_) => self.lists = self.lists.saturating_sub(1),
            TagEnd::Item => {
                self.flush_item();
                self.items.pop();
            }
            TagEnd::TableCell => {
                let cell = self.take_buffer();
                self.open = None;
                if let Some((_, cells)) = &mut self.row {
                    cells.push(cell);
                } else if let Some(table) = &mut self.table {
                    // Header cells come without a row of their own.
                    table.header.push(cell);
                }
            }
            TagEnd::TableRow => {
                if let (Some(row), Some(table)) = (self.row.take(), &mut self.table) {
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.blocks.push(Block::Table(table));
                }
            }
            _ => {}
        }
    }

    fn open_text(&mut self, open: Open) {
        self.close_text();
        self.open = Some(open);
    }

    fn push_text(&mut self, text: &str) {
        if self.open.is_some() {
            self.buffer.push_str(text);
        } else if let Some((_, _, item)) = self.items.last_mut() {
            item.push_str(text);
        }
    }

    fn take_buffer(&mut self) -> String {
        let text = std::mem::take(&mut self.buffer);
        // Keep `<br>` breaks in cells; fold every other run of whitespace.
        text.split(BREAK)
            .map(collapse_whitespace)
            .collect::<Vec<_>>()
            .join(&BREAK.to_string())
    }

    fn close_text(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let text = self.take_buffer();
        if text.trim().is_empty() {
            return;
        }
        let block = match open {
            Open::Heading(level, line) => Block::Heading { level, text, line },
            Open::Paragraph(line) => Block::Paragraph { text, line },
            Open::Cell => return,
        };
        self.blocks.push(block);
    }

    /// Emits the innermost item's text gathered so far (its own text comes before any
    /// nested list), once.
    fn flush_item(&mut self) {
        self.close_text();
        let Some((line, depth, text)) = self.items.last_mut() else {
            return;
        };
        let text = collapse_whitespace(&std::mem::take(text));
        if !text.is_empty() {
            self.blocks.push(Block::Item {
                text,
                line: *line,
                depth: *depth,
            });
        }
    }
}

fn is_line_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '/')
        .collect();
    tag.eq_ignore_ascii_case("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headings_paragraphs_nested_items_and_tables_with_their_lines() {
        let text = "# Title\n\nSome *text*\nwrapped.\n\n- one\n  - inner\n- two\n\n| A | B |\n|---|---|\n| x, y<br>z | w &amp; v |\n";
        let blocks = read(text);
        assert_eq!(
            blocks[..4],
            [
                Block::Heading {
                    level: 1,
                    text: "Title".into(),
                    line: 1
                },
                Block::Paragraph {
                    text: "Some text wrapped.".into(),
                    line: 3
                },
                Block::Item {
                    text: "one".into(),
                    line: 6,
                    depth: 1
                },
                Block::Item {
                    text: "inner".into(),
                    line: 7,
                    depth: 2
                },
            ]
        );
        let Some(Block::Table(table)) = blocks.last() else {
            panic!("no table in {blocks:?}");
        };
        assert_eq!(table.header, ["A", "B"]);
        assert_eq!(table.rows, [(12, vec!["x, y\nz".into(), "w & v".into()])]);
    }

    #[test]
    fn code_and_html_blocks_are_not_knowledge() {
        let blocks = read("```\n- not an item\n```\n\n<div>\nhidden\n</div>\n\ntext\n");
        assert_eq!(
            blocks,
            [Block::Paragraph {
                text: "text".into(),
                line: 9
            }]
        );
    }
}
