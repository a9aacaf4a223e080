//! The text of one block as pulldown-cmark hands it over: gathered, with where its lead
//! (the emphasis it opens with) starts and ends, its source lines, and whether any of it
//! stood outside a link.

use super::Text;
use crate::knowledge::reading::lines::collapse_whitespace;
use crate::knowledge::reading::markdown::inline::{clean_inline, unwrap_literal_bold};

/// Text being gathered, with where its lead (opening emphasis) starts and ends.
#[derive(Debug, Default)]
pub(super) struct Gather {
    pub(super) buffer: String,
    pub(super) line: usize,
    /// Byte offsets in `buffer` where each later source line starts, with its line.
    pub(super) breaks: Vec<(usize, usize)>,
    pub(super) emphasis: usize,
    pub(super) lead_from: Option<usize>,
    pub(super) lead: Option<String>,
    /// Open links, and whether any text stood outside one: a block that is only a link
    /// ("Learn More", "Start →") is navigation, not knowledge.
    pub(super) links: usize,
    pub(super) outside_links: bool,
}

impl Gather {
    /// Only link text: "Learn More", "Start →".
    pub(super) fn is_navigation(&self) -> bool {
        !self.outside_links && !self.buffer.trim().is_empty()
    }

    pub(super) fn push(&mut self, text: &str) {
        let said = clean_inline(text).is_some_and(|t| !t.trim().is_empty());
        if self.links == 0 && said {
            self.outside_links = true;
        }
        self.buffer.push_str(text);
    }

    pub(super) fn new(line: usize) -> Gather {
        Gather {
            line,
            ..Gather::default()
        }
    }

    pub(super) fn is_blank(&self) -> bool {
        clean_inline(&self.buffer).is_none_or(|t| t.trim().is_empty())
    }

    pub(super) fn start_emphasis(&mut self) {
        if self.emphasis == 0 && self.lead.is_none() && self.lead_from.is_none() && self.is_blank()
        {
            self.lead_from = Some(self.buffer.len());
        }
        self.emphasis += 1;
    }

    pub(super) fn end_emphasis(&mut self) {
        self.emphasis = self.emphasis.saturating_sub(1);
        if self.emphasis == 0 {
            if let Some(from) = self.lead_from.take() {
                let lead = self.buffer.get(from..).unwrap_or_default();
                self.lead = clean_inline(lead)
                    .map(|l| l.trim().trim_end_matches(':').trim_end().to_string())
                    .filter(|l| !l.is_empty());
                if self.lead.is_none() {
                    // An empty `****`: the lead may still come.
                    self.lead_from = None;
                }
            }
        }
    }

    /// The gathered text, cleaned; `None` when it is nothing or must be dropped.
    pub(super) fn finish(self) -> Option<Text> {
        let mut lines = Vec::with_capacity(self.breaks.len() + 1);
        let mut from = 0;
        let mut line = self.line;
        for &(at, next_line) in &self.breaks {
            lines.push((line, self.buffer.get(from..at).unwrap_or_default()));
            from = at;
            line = next_line;
        }
        lines.push((line, self.buffer.get(from..).unwrap_or_default()));
        let whole = clean_inline(&self.buffer)?;
        let whole = collapse_whitespace(&whole);
        if whole.is_empty() {
            return None;
        }
        let (text, lead) = match self.lead {
            Some(lead) => (whole, Some(lead)),
            None => unwrap_literal_bold(&whole),
        };
        let lines = lines
            .into_iter()
            .filter_map(|(line, text)| {
                let text = collapse_whitespace(&clean_inline(text)?);
                (!text.is_empty()).then_some((line, text))
            })
            .collect();
        Some(Text {
            text,
            line: self.line,
            lead,
            lines,
        })
    }
}
