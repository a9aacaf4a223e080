//! A Markdown document as the blocks a reader of role articles cares about: headings,
//! paragraphs, list items (with their nesting), HTML comments and tables, each with its line
//! in the file.
//!
//! pulldown-cmark does the parsing (CommonMark with GFM tables and YAML front matter); this
//! flattens its events and drops what is never knowledge, by construction: front matter,
//! code and mermaid blocks, HTML blocks (except their comments, which people use as labels),
//! images, footnote bodies, link markup (the text stays), MkDocs icon shortcodes and
//! kramdown attribute lists, TOC markers and admonition titles. What a block opens with in
//! bold or italics is kept apart as its `lead`, since `**Skills**` or `- **Data Analyst**:`
//! is a label, not text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::inline::clean_inline;
use gather::Gather;

mod gather;
use crate::knowledge::reading::lines::collapse_whitespace;

/// Where a `<br>` stood in a table cell: split on it to get the cell's items.
pub(super) const BREAK: char = '\n';

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block {
    Heading {
        level: usize,
        text: String,
        line: usize,
    },
    Paragraph(Text),
    /// A list item's own text (without its nested lists, which follow as deeper items). A
    /// second paragraph inside an item follows as an item one level deeper.
    Item {
        text: Text,
        /// 1 for a top-level list, 2 for a list inside one of its items…
        depth: usize,
        /// Which list it is in: items of one list share it.
        list: usize,
    },
    /// An HTML comment's text (`<!-- Skills -->` → "Skills").
    Comment {
        text: String,
        line: usize,
    },
    Table(Table),
}

/// The text of a paragraph or item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Text {
    pub text: String,
    pub line: usize,
    /// The bold or italic words it opens with, without a colon: "Role Summary" for
    /// `**Role Summary**`, "Data Analyst" for `**Data Analyst**: $50K`.
    pub lead: Option<String>,
    /// Its source lines, for items written as bare lines: (line, text).
    pub lines: Vec<(usize, String)>,
}

impl Text {
    /// The whole text is its lead (with or without a colon): a label line.
    pub fn is_label(&self) -> bool {
        self.lead.as_deref().is_some_and(|lead| {
            let rest = self.text.trim().trim_end_matches(':').trim_end();
            rest == lead || rest.strip_suffix(':').is_some_and(|r| r.trim_end() == lead)
        })
    }

    /// What follows the lead ("$50K" in "**Data Analyst**: $50K"), if there is a lead.
    pub fn after_lead(&self) -> Option<&str> {
        let lead = self.lead.as_deref()?;
        let rest = self.text.strip_prefix(lead)?.trim_start();
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        Some(rest.trim())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Table {
    pub line: usize,
    pub header: Vec<String>,
    /// (line, cells) per body row.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The blocks of `text`, in order. Never panics; linear in the text.
pub(super) fn read(text: &str) -> Vec<Block> {
    let mut reader = Reader::new(text);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        reader.event(event, range.start);
    }
    reader.blocks
}

/// What the gathered text is for.
#[derive(Debug)]
enum Open {
    Heading(usize),
    Paragraph,
    Cell,
}

/// An open list item.
#[derive(Debug)]
struct OpenItem {
    depth: usize,
    list: usize,
    text: Gather,
    /// Its own text was emitted: any later paragraph in it is a continuation.
    emitted: bool,
    /// A continuation paragraph, closed with its paragraph.
    continuation: bool,
}

struct Reader {
    /// Byte offset at which each line starts.
    line_starts: Vec<usize>,
    blocks: Vec<Block>,
    open: Option<(Open, Gather)>,
    items: Vec<OpenItem>,
    /// Open lists, innermost last, by id.
    lists: Vec<usize>,
    lists_seen: usize,
    /// Inside code, images, footnote bodies or metadata: nothing there is knowledge.
    skipping: usize,
    /// Inside an HTML block: (line, its text), for the comments in it.
    html: Option<(usize, String)>,
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
            items: Vec::new(),
            lists: Vec::new(),
            lists_seen: 0,
            skipping: 0,
            html: None,
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
            Event::Html(html) => {
                if let Some((_, text)) = &mut self.html {
                    text.push_str(&html);
                }
            }
            _ if self.skipping > 0 => {}
            Event::Text(text) | Event::Code(text) => self.push_text(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text),
            Event::SoftBreak => {
                let line = self.line(offset) + 1;
                if let Some(gather) = self.gather() {
                    gather.buffer.push(' ');
                    let at = gather.buffer.len();
                    gather.breaks.push((at, line));
                }
            }
            Event::HardBreak => self.push_text(" "),
            Event::InlineHtml(html) if is_line_break(&html) => {
                let separator = if matches!(self.open, Some((Open::Cell, _))) {
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
            Tag::HtmlBlock => self.html = Some((line, String::new())),
            Tag::CodeBlock(_)
            | Tag::Image { .. }
            | Tag::FootnoteDefinition(_)
            | Tag::MetadataBlock(_) => self.skipping += 1,
            _ if self.skipping > 0 => {}
            Tag::Heading { level, .. } => self.open_text(Open::Heading(level as usize), line),
            Tag::Paragraph => self.start_paragraph(line),
            Tag::Strong | Tag::Emphasis => {
                if let Some(gather) = self.gather() {
                    gather.start_emphasis();
                }
            }
            Tag::Link { .. } => {
                if let Some(gather) = self.gather() {
                    gather.links += 1;
                }
            }
            Tag::List(_) => {
                self.flush_item();
                self.lists_seen += 1;
                self.lists.push(self.lists_seen);
            }
            Tag::Item => {
                self.flush_item();
                self.items.push(OpenItem {
                    depth: self.lists.len().max(1),
                    list: self.lists.last().copied().unwrap_or(0),
                    text: Gather::new(line),
                    emitted: false,
                    continuation: false,
                });
            }
            Tag::Table(_) => {
                self.table = Some(Table {
                    line,
                    ..Table::default()
                })
            }
            Tag::TableRow | Tag::TableHead => self.row = Some((line, Vec::new())),
            Tag::TableCell => self.open_text(Open::Cell, line),
            _ => {}
        }
    }

    /// A paragraph outside a list is a block; inside an item it is the item's text, or,
    /// after the item's text, a continuation one level deeper.
    fn start_paragraph(&mut self, line: usize) {
        let Some(item) = self.items.last_mut() else {
            return self.open_text(Open::Paragraph, line);
        };
        if !item.emitted && item.text.is_blank() {
            item.text.line = line;
            return;
        }
        self.flush_item();
        let (depth, list) = self
            .items
            .last()
            .map_or((1, 0), |item| (item.depth + 1, item.list));
        self.items.push(OpenItem {
            depth,
            list,
            text: Gather::new(line),
            emitted: false,
            continuation: true,
        });
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::HtmlBlock => {
                if let Some((line, html)) = self.html.take() {
                    self.comments(line, &html);
                }
            }
            TagEnd::CodeBlock
            | TagEnd::Image
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_) => self.skipping = self.skipping.saturating_sub(1),
            _ if self.skipping > 0 => {}
            TagEnd::Heading(_) => self.close_text(),
            TagEnd::Paragraph => {
                if self.items.last().is_some_and(|item| item.continuation) {
                    self.flush_item();
                    self.items.pop();
                } else {
                    self.close_text();
                }
            }
            TagEnd::Strong | TagEnd::Emphasis => {
                if let Some(gather) = self.gather() {
                    gather.end_emphasis();
                }
            }
            TagEnd::Link => {
                if let Some(gather) = self.gather() {
                    gather.links = gather.links.saturating_sub(1);
                }
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush_item();
                self.items.pop();
            }
            TagEnd::TableCell => {
                let cell = self.open.take().map(|(_, g)| g.buffer).unwrap_or_default();
                let cell = cell_text(&cell);
                if let Some((_, cells)) = &mut self.row {
                    cells.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let (Some((_, cells)), Some(table)) = (self.row.take(), &mut self.table) {
                    table.header = cells;
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

    /// Where text goes now: the open heading, paragraph or cell, else the innermost item.
    fn gather(&mut self) -> Option<&mut Gather> {
        match &mut self.open {
            Some((_, gather)) => Some(gather),
            None => self.items.last_mut().map(|item| &mut item.text),
        }
    }

    fn open_text(&mut self, open: Open, line: usize) {
        self.close_text();
        self.open = Some((open, Gather::new(line)));
    }

    fn push_text(&mut self, text: &str) {
        if let Some(gather) = self.gather() {
            gather.push(text);
        }
    }

    fn close_text(&mut self) {
        let Some((open, gather)) = self.open.take() else {
            return;
        };
        if matches!(open, Open::Paragraph) && gather.is_navigation() {
            return;
        }
        let Some(text) = gather.finish() else {
            return;
        };
        let block = match open {
            Open::Heading(level) => Block::Heading {
                level,
                line: text.line,
                text: text.text,
            },
            Open::Paragraph => Block::Paragraph(text),
            Open::Cell => return,
        };
        self.blocks.push(block);
    }

    /// Emits the innermost item's text gathered so far (its own text comes before any
    /// nested list), once.
    fn flush_item(&mut self) {
        self.close_text();
        let Some(item) = self.items.last_mut() else {
            return;
        };
        let line = item.text.line;
        let gathered = std::mem::replace(&mut item.text, Gather::new(line));
        if gathered.is_navigation() {
            item.emitted = true;
            return;
        }
        if let Some(text) = gathered.finish() {
            item.emitted = true;
            self.blocks.push(Block::Item {
                text,
                depth: item.depth,
                list: item.list,
            });
        }
    }

    /// The comments of an HTML block, each a block on its own line.
    fn comments(&mut self, line: usize, html: &str) {
        let mut rest = html;
        let mut consumed = 0;
        while let Some(open) = rest.find("<!--") {
            let after = &rest[open + 4..];
            let Some(close) = after.find("-->") else {
                break;
            };
            let at = consumed + open;
            let comment_line = line + html[..at].matches('\n').count();
            let text = collapse_whitespace(&after[..close]);
            if !text.is_empty() {
                self.blocks.push(Block::Comment {
                    text,
                    line: comment_line,
                });
            }
            let used = open + 4 + close + 3;
            consumed += used;
            rest = &rest[used..];
        }
    }
}

/// A cell's text: `<br>` breaks kept, every other run of whitespace folded.
fn cell_text(cell: &str) -> String {
    let cleaned = clean_inline(cell).unwrap_or_default();
    cleaned
        .split(BREAK)
        .map(collapse_whitespace)
        .collect::<Vec<_>>()
        .join(&BREAK.to_string())
}

fn is_line_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '/')
        .collect();
    tag.eq_ignore_ascii_case("<br>")
}

#[cfg(test)]
mod tests;
