//! Where what an answer says comes from: each fact marked with the number of its article,
//! the numbers explained in the footer, and only the articles of the facts shown.

use crate::knowledge::{ArticleId, KnowledgeBase};

/// Numbered sources, in the order facts cite them.
pub struct Footnotes<'k> {
    kb: &'k KnowledgeBase,
    cited: Vec<ArticleId>,
}

impl<'k> Footnotes<'k> {
    pub fn new(kb: &'k KnowledgeBase) -> Footnotes<'k> {
        Footnotes {
            kb,
            cited: Vec::new(),
        }
    }

    /// The marks of `sources` ("¹", "¹,²"), numbering articles as they are first cited.
    pub fn mark(&mut self, sources: &[ArticleId]) -> String {
        let mut marks = String::new();
        for &source in sources {
            let number = match self.cited.iter().position(|&c| c == source) {
                Some(at) => at + 1,
                None => {
                    self.cited.push(source);
                    self.cited.len()
                }
            };
            if !marks.is_empty() {
                marks.push(',');
            }
            marks.push_str(&superscript(number));
        }
        marks
    }

    /// "Sources: ¹ A vs. B · ² C vs. D"; empty when nothing was cited.
    pub fn footer(&self) -> String {
        if self.cited.is_empty() {
            return String::new();
        }
        let titles = self.kb.source_titles(&self.cited);
        let notes: Vec<String> = titles
            .iter()
            .enumerate()
            .map(|(i, title)| format!("{} {title}", superscript(i + 1)))
            .collect();
        format!("Sources: {}", notes.join(" · "))
    }
}

/// A number in superscript digits: "¹", "¹²".
fn superscript(number: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    number
        .to_string()
        .chars()
        .filter_map(|d| d.to_digit(10).map(|d| DIGITS[d as usize]))
        .collect()
}

/// "Sources: A vs. B · C vs. D" for the articles behind `sources`, each once.
pub fn footer(kb: &KnowledgeBase, sources: &[ArticleId]) -> String {
    let mut ids: Vec<ArticleId> = Vec::new();
    for &id in sources {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return String::new();
    }
    format!("Sources: {}", kb.source_titles(&ids).join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn superscripts_read_as_numbers() {
        assert_eq!(superscript(1), "¹");
        assert_eq!(superscript(12), "¹²");
    }
}
