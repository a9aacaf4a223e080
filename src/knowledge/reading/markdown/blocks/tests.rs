use super::*;

fn paragraph(text: &str, line: usize) -> Block {
    Block::Paragraph(Text {
        text: text.into(),
        line,
        lead: None,
        lines: vec![(line, text.into())],
    })
}

#[test]
fn reads_headings_paragraphs_nested_items_and_tables_with_their_lines() {
    let text = "# Title\n\nSome *text*\nwrapped.\n\n- one\n  - inner\n- two\n\n| A | B |\n|---|---|\n| x, y<br>z | w &amp; v |\n";
    let blocks = read(text);
    assert_eq!(
        blocks[0],
        Block::Heading {
            level: 1,
            text: "Title".into(),
            line: 1
        }
    );
    let Block::Paragraph(wrapped) = &blocks[1] else {
        panic!("{blocks:?}");
    };
    assert_eq!(wrapped.text, "Some text wrapped.");
    assert_eq!(
        wrapped.lines,
        [(3, "Some text".into()), (4, "wrapped.".into())]
    );
    let items: Vec<(&str, usize, usize)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Item { text, depth, .. } => Some((text.text.as_str(), text.line, *depth)),
            _ => None,
        })
        .collect();
    assert_eq!(items, [("one", 6, 1), ("inner", 7, 2), ("two", 8, 1)]);
    let Some(Block::Table(table)) = blocks.last() else {
        panic!("no table in {blocks:?}");
    };
    assert_eq!(table.header, ["A", "B"]);
    assert_eq!(table.rows, [(12, vec!["x, y\nz".into(), "w & v".into()])]);
}

#[test]
fn code_html_front_matter_and_toc_are_not_knowledge_but_comments_are_kept() {
    let text = "---\ntitle: x\n---\n\n* TOC\n{:toc}\n\n```mermaid\n- not an item\n```\n\n<div>\nhidden\n</div>\n\n<!-- Skills Required -->\ntext\n";
    let blocks = read(text);
    assert_eq!(
        blocks,
        [
            Block::Comment {
                text: "Skills Required".into(),
                line: 16
            },
            paragraph("text", 17)
        ]
    );
}

#[test]
fn an_opening_bold_is_a_lead_and_a_bold_line_a_label() {
    let blocks = read("**Role Summary**\nBuilds models.\n\n- **Data Analyst**: $50K - $70K\n\n** 4. ML ENGINEER**\n");
    let texts: Vec<&Text> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(t) | Block::Item { text: t, .. } => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(texts[0].lead.as_deref(), Some("Role Summary"));
    assert_eq!(
        texts[0].lines,
        [(1, "Role Summary".into()), (2, "Builds models.".into())]
    );
    assert_eq!(texts[1].lead.as_deref(), Some("Data Analyst"));
    assert_eq!(texts[1].after_lead(), Some("$50K - $70K"));
    assert!(!texts[1].is_label());
    assert_eq!(texts[2].text, "4. ML ENGINEER");
    assert!(texts[2].is_label());
}

#[test]
fn a_second_paragraph_in_an_item_is_a_deeper_item() {
    let text = "-   :material-pipe:{ .lg .middle } __Data Engineer__\n\n    ---\n\n    Builds pipelines.\n    \n    **Key Skills:** SQL, Airflow\n\n-   __Data Analyst__\n";
    let items: Vec<(String, Option<String>, usize)> = read(text)
        .into_iter()
        .filter_map(|b| match b {
            Block::Item { text, depth, .. } => Some((text.text, text.lead, depth)),
            _ => None,
        })
        .collect();
    assert_eq!(
        items,
        [
            ("Data Engineer".into(), Some("Data Engineer".into()), 1),
            ("Builds pipelines.".into(), None, 2),
            (
                "Key Skills: SQL, Airflow".into(),
                Some("Key Skills".into()),
                2
            ),
            ("Data Analyst".into(), Some("Data Analyst".into()), 1),
        ]
    );
}
