//! What a mentor sees while adding an article from Discord: the form, the private preview
//! with its Add and Cancel buttons, and the outcome. Everything shown from the article is
//! the mentor's text, escaped.

use crate::knowledge::building::preview::{Preview, RolePreview};
use crate::reply::form::{Form, INPUT_MAX};
use crate::reply::{colour, escape_user_text, ButtonStyle, Component, Embed, Reply};
use crate::teaching::adding::{Decision, DraftButton, FORM_ID, TEXT_INPUT, TITLE_INPUT};
use crate::teaching::model::{Article, DraftId, TITLE_MAX};

/// Roles and warnings shown in a preview: a field each, within Discord's 25.
const ROLES_SHOWN: usize = 15;
const WARNINGS_SHOWN: usize = 8;

/// The form `/kb add` opens: a title and the article, up to Discord's 4,000 characters.
pub fn form() -> Form {
    let title_max = u16::try_from(TITLE_MAX).unwrap_or(u16::MAX);
    Form::new(FORM_ID, "Add an article")
        .input(TITLE_INPUT, "Title", (3, title_max))
        .input(
            TEXT_INPUT,
            "Article (Markdown or plain text)",
            (1, INPUT_MAX),
        )
        .paragraph("## Data Engineer\n**Definition:** …\n**Skills:** SQL, Python, …")
}

/// The private preview of `draft`: what the article would teach, and its author's buttons.
pub fn preview(title: &str, preview: &Preview, draft: &DraftId) -> Reply {
    let mut embed = Embed::new(&format!("Preview: {}", escape_user_text(title)))
        .colour(colour::INFO)
        .description(
            "Nothing is added until you press **Add**. Only you can see this; it expires in 15 minutes.",
        );
    for role in preview.roles.iter().take(ROLES_SHOWN) {
        embed = embed.field(&role_heading(role), &role_summary(role), false);
    }
    if preview.roles.len() > ROLES_SHOWN {
        let more = preview.roles.len() - ROLES_SHOWN;
        embed = embed.field("And more", &format!("{more} more role(s)"), false);
    }
    if !preview.jobs.is_empty() {
        let jobs: Vec<String> = preview.jobs.iter().map(|j| escape_user_text(j)).collect();
        embed = embed.list_field("Featured jobs", &jobs, false);
    }
    if preview.comparison_only > 0 {
        let kept = format!(
            "{} fact(s) in no role's section, kept for comparisons",
            preview.comparison_only
        );
        embed = embed.field("Comparison only", &kept, false);
    }
    if !preview.warnings.is_empty() {
        let warnings: Vec<String> = preview
            .warnings
            .iter()
            .take(WARNINGS_SHOWN)
            .map(|(line, message)| format!("line {line}: {}", escape_user_text(message)))
            .collect();
        embed = embed.list_field("Warnings", &warnings, false);
    }
    let mut reply = Reply::embed(embed).ephemeral(true);
    reply.push_buttons(vec![
        button("Add", Decision::Add, draft, ButtonStyle::Primary),
        button("Cancel", Decision::Cancel, draft, ButtonStyle::Secondary),
    ]);
    reply
}

/// "Data Engineer (new)", "Data Scientist (adds to the known role)", or "ML Engineer (adds
/// to Machine Learning Engineer)" when the article calls a known role another name.
fn role_heading(role: &RolePreview) -> String {
    let name = escape_user_text(&role.name);
    match &role.merges_into {
        Some(known) if *known == role.name => format!("{name} (adds to the known role)"),
        Some(known) => format!("{name} (adds to {known})"),
        None => format!("{name} (new)"),
    }
}

/// Facts per aspect, a few of them, and the salaries stated.
fn role_summary(role: &RolePreview) -> String {
    let counts: Vec<String> = role
        .sections
        .iter()
        .map(|(section, n)| format!("{} {n}", section.title()))
        .collect();
    let mut lines = vec![format!("Facts: {}", counts.join(" · "))];
    lines.extend(
        role.samples
            .iter()
            .map(|(section, text)| format!("• {}: {}", section.title(), escape_user_text(text))),
    );
    lines.extend(
        role.salaries
            .iter()
            .map(|salary| format!("• Salary: {}", escape_user_text(salary))),
    );
    lines.join("\n")
}

fn button(label: &str, decision: Decision, draft: &DraftId, style: ButtonStyle) -> Component {
    let id = DraftButton {
        decision,
        draft: draft.clone(),
    };
    Component::button(label, &id.custom_id(), style)
}

/// The Add, done: the article is live in this server.
pub fn added(article: &Article, roles: &[String]) -> Reply {
    let roles: Vec<String> = roles.iter().map(|r| escape_user_text(r)).collect();
    Reply::embed(
        Embed::new(&format!("Added: {}", escape_user_text(&article.title)))
            .colour(colour::SKILLS)
            .description(&format!(
                "Article #{} now answers questions in this server about {}.",
                article.id,
                roles.join(", ")
            )),
    )
    .ephemeral(true)
}

/// The Cancel, done.
pub fn cancelled() -> Reply {
    Reply::embed(
        Embed::new("Not added")
            .colour(colour::INFO)
            .description("The draft is discarded; nothing was added."),
    )
    .ephemeral(true)
}

/// `/kb add` where no form can open (the terminal).
pub fn use_the_file_command() -> Reply {
    Reply::error(
        "Adding opens a form in Discord",
        "At the terminal, add a file with `rolecall kb add FILE --guild ID`.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::KnowledgeBase;

    #[test]
    fn a_preview_shows_the_roles_privately_with_the_authors_buttons() {
        let base = KnowledgeBase::embedded().expect("shipped roles");
        let text = "## Analytics Engineer\n\n**Definition:** An Analytics Engineer models data. @everyone\n\n**Tools:** dbt, SQL\n";
        let shown = preview(
            "My *article*",
            &Preview::of(&base, "a.md", text),
            &DraftId("ab12".into()),
        );
        assert!(shown.is_ephemeral());
        let embed = &shown.embeds()[0];
        assert!(
            embed.title_text().contains(r"My \*article\*"),
            "{}",
            embed.title_text()
        );
        let field = &embed.fields()[0];
        assert_eq!(field.name, "Analytics Engineer (new)");
        assert!(field.value.contains("Tools 1"), "{}", field.value);
        assert!(!field.value.contains("@everyone"), "{}", field.value);
        let ids: Vec<&str> = shown.rows()[0].iter().map(Component::custom_id).collect();
        assert_eq!(ids, ["kb_draft:add:ab12", "kb_draft:cancel:ab12"]);
    }

    #[test]
    fn the_form_asks_for_a_title_and_the_article() {
        let form = form();
        assert_eq!(form.custom_id, FORM_ID);
        let ids: Vec<&str> = form.inputs.iter().map(|i| i.custom_id).collect();
        assert_eq!(ids, [TITLE_INPUT, TEXT_INPUT]);
        assert!(form.inputs[1].paragraph);
        assert_eq!(form.inputs[1].max_length, INPUT_MAX);
    }
}
