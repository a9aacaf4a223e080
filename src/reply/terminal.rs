//! A [`Reply`] as readable terminal text, for `rolecall ask`.

use std::fmt::Write;

use super::{limits, Component, Embed, Reply, SelectOption};

/// Whether to use ANSI colour; callers turn it on only when stdout is a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Ansi,
    Plain,
}

struct Paint(Colour);

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        match self.0 {
            Colour::Ansi => format!("\x1b[{code}m{text}\x1b[0m"),
            Colour::Plain => text.to_owned(),
        }
    }
    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
    fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
    fn accent(&self, rgb: u32, text: &str) -> String {
        let (r, g, b) = ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        self.wrap(&format!("1;38;2;{r};{g};{b}"), text)
    }
}

/// The whole reply as text ending in a newline.
pub fn render(reply: &Reply, colour: Colour) -> String {
    let paint = Paint(colour);
    let mut out = String::new();
    if reply.is_ephemeral() {
        out.push_str(&paint.dim("(only you can see this)\n"));
    }
    if !reply.content().is_empty() {
        out.push_str(&plain_markdown(reply.content(), &paint));
        out.push('\n');
    }
    for embed in reply.embeds() {
        render_embed(embed, &paint, &mut out);
    }
    if let Some(file) = reply.file() {
        let _ = writeln!(out, "{}", paint.dim(&format!("── {} ──", file.name)));
        out.push_str(&String::from_utf8_lossy(&file.bytes));
        out.push('\n');
    }
    for row in reply.rows() {
        let shown: Vec<String> = row
            .iter()
            .filter_map(|component| render_component(component, &paint))
            .collect();
        if !shown.is_empty() {
            let _ = writeln!(out, "{}", shown.join(" "));
        }
    }
    out
}

/// A button as `[ Label ]`; a select menu as its prompt and the labels of its choices, e.g.
/// `Compare another aspect: Skills | Tools`. A disabled one shows dimmed on a terminal, and
/// not at all in plain text.
fn render_component(component: &Component, paint: &Paint) -> Option<String> {
    if component.is_disabled() && paint.0 == Colour::Plain {
        return None;
    }
    let text = match component {
        Component::Button { label, .. } => format!("[ {label} ]"),
        Component::Link { label, url } => format!("[ {label} ↗ {url} ]"),
        Component::Select {
            placeholder,
            options,
            ..
        } => {
            let prompt = placeholder.trim_end_matches(['…', '.', ':', ' ']);
            let prompt = if prompt.is_empty() { "Choose" } else { prompt };
            let labels: Vec<&str> = options.iter().map(SelectOption::label).collect();
            format!("{}: {}", paint.bold(prompt), labels.join(" | "))
        }
    };
    Some(if component.is_disabled() {
        paint.dim(&text)
    } else {
        text
    })
}

fn render_embed(embed: &Embed, paint: &Paint, out: &mut String) {
    if !embed.title_text().is_empty() {
        let title = plain_markdown(embed.title_text(), paint);
        let _ = writeln!(out, "{}", paint.accent(embed.colour_value(), &title));
    }
    if !embed.description_text().is_empty() {
        let _ = writeln!(out, "\n{}", plain_markdown(embed.description_text(), paint));
    }
    // Zero-width fields only align Discord's inline columns; a terminal has none.
    let visible = embed
        .fields()
        .iter()
        .filter(|f| f.name != limits::ZERO_WIDTH_SPACE || f.value != limits::ZERO_WIDTH_SPACE);
    for field in visible {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(&plain_markdown(&field.name, paint)));
        for line in field.value.lines() {
            let _ = writeln!(out, "  {}", plain_markdown(line, paint));
        }
    }
    if !embed.footer_text().is_empty() {
        let _ = writeln!(out, "\n{}", paint.dim(embed.footer_text()));
    }
    out.push('\n');
}

/// Discord markdown made readable in a terminal: `**bold**` painted, escapes and
/// zero-width spaces removed.
fn plain_markdown(text: &str, paint: &Paint) -> String {
    let mut out = String::with_capacity(text.len());
    let mut bold = false;
    let mut span = String::new();
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => {
                if let Some(next) = chars.next() {
                    span.push(next);
                }
            }
            // Code spans and italics have no terminal form worth the noise.
            '`' => {}
            '*' if chars.peek() != Some(&'*') => {}
            '*' => {
                chars.next();
                if bold {
                    out.push_str(&paint.bold(&span));
                } else {
                    out.push_str(&span);
                }
                span.clear();
                bold = !bold;
            }
            '\u{200B}' => {}
            _ => span.push(ch),
        }
    }
    if bold {
        out.push_str("**");
    }
    out.push_str(&span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{ButtonStyle, Embed};

    #[test]
    fn plain_output_has_no_escape_codes_or_markdown() {
        let mut reply = Reply::embed(
            Embed::new("Title")
                .description("**Bold** and \\*star\\*")
                .field("Name", "• one\n• two", false)
                .footer("source"),
        );
        reply.push_buttons(vec![Component::button("Next", "n", ButtonStyle::Primary)]);
        let out = render(&reply, Colour::Plain);
        assert!(!out.contains('\x1b'));
        assert!(out.contains("Bold and *star*"), "{out}");
        assert!(out.contains("  • two"));
        assert!(out.contains("[ Next ]"));
    }

    #[test]
    fn a_select_menu_shows_its_prompt_and_choices_without_values() {
        let mut reply = Reply::text("x");
        reply.push_select(Component::select(
            "menu",
            "Open a role…",
            vec![
                SelectOption::new("Data Scientist", "/role role:data-scientist")
                    .description("Studies data"),
                SelectOption::new("MLOps Engineer", "/role role:mlops-engineer"),
            ],
        ));
        let out = render(&reply, Colour::Plain);
        assert_eq!(out, "x\nOpen a role: Data Scientist | MLOps Engineer\n");
    }

    #[test]
    fn disabled_components_are_dimmed_on_a_terminal_and_left_out_of_plain_text() {
        let mut reply = Reply::text("x");
        let options = vec![SelectOption::new("A", "/help")];
        reply.push_select(Component::select("m", "Pick", options).disabled(true));
        reply.push_buttons(vec![
            Component::button("Next", "n", ButtonStyle::Primary).disabled(true)
        ]);
        assert_eq!(render(&reply, Colour::Plain), "x\n");
        let ansi = render(&reply, Colour::Ansi);
        assert!(
            ansi.contains("\x1b[2m\x1b[1mPick\x1b[0m: A\x1b[0m"),
            "{ansi:?}"
        );
        assert!(ansi.contains("\x1b[2m[ Next ]\x1b[0m"), "{ansi:?}");
    }

    #[test]
    fn ansi_output_paints_the_title() {
        let out = render(&Reply::embed(Embed::new("T")), Colour::Ansi);
        assert!(out.contains("\x1b[1;38;2;"));
    }
}
