//! One aspect of one role (`/role role aspect:education`, "what does an MLOps engineer do
//! all day?"): the facts, each with its source, the one-line definition for context, and
//! nothing else. When the question names a thing ("does a data scientist need a master's
//! degree?"), the answer opens with whether the articles name it for the role, the facts
//! that mention it come first and marked, and the other roles that name it follow.

use crate::advisor::first_sentence;
use crate::advisor::focus::Focus;
use crate::advisor::shown::own_text;
use crate::advisor::sources::Footnotes;
use crate::advisor::verdict::verdict;
use crate::knowledge::{Category, Competency, Fact, KnowledgeBase, Role, Section};
use crate::reply::{
    bullet_list, colour, limits, ButtonStyle, Component, Embed, Reply, SelectOption,
};

/// Room for the facts of one aspect: a short answer, well within one embed.
const FACTS_ROOM: usize = 1800;
/// Skills or tools named before the facts of a Skills or Tools answer, and their room.
const NAMED_ITEMS: usize = 15;
const NAMED_ROOM: usize = 600;
/// Other roles named when a thing is asked about.
const OTHER_ROLES: usize = 5;
/// Names the "Another aspect…" menu; its options carry the command lines.
pub const ASPECT_MENU: &str = "menu:role-aspect";

pub fn aspect(kb: &KnowledgeBase, role: &Role, section: Section, focus: Option<&str>) -> Reply {
    let focus = focus
        .filter(|f| !f.trim().is_empty())
        .map(|f| Focus::new(kb, f));
    let mut notes = Footnotes::new(kb);
    let focused: Vec<(String, &Fact)> = focus
        .as_ref()
        .map(|f| f.facts_of(kb, role))
        .unwrap_or_default();
    let rest: Vec<(String, &Fact)> = role
        .facts(section)
        .iter()
        .filter_map(|fact| Some((own_text(kb, role, fact)?, fact)))
        .filter(|(text, _)| !focused.iter().any(|(f, _)| f == text))
        .collect();
    let mut bullets: Vec<String> = Vec::new();
    for (text, fact) in &focused {
        let text = match &focus {
            Some(focus) => focus.marked(kb, text),
            None => text.clone(),
        };
        bullets.push(format!("{text} {}", notes.mark(&fact.sources)));
    }
    for (text, fact) in &rest {
        bullets.push(format!("{text} {}", notes.mark(&fact.sources)));
    }
    let mut text = String::new();
    if let Some(focus) = &focus {
        let texts: Vec<String> = focused.iter().map(|(text, _)| text.clone()).collect();
        text.push_str(&verdict(kb, role, focus, &texts));
        text.push_str("\n\n");
    }
    if let Some(definition) = role.definition() {
        text.push_str(&format!("*{}*\n\n", first_sentence(definition, 300)));
    }
    // A yes/no answer is about one thing; the list of all would bury it.
    let lead = focus
        .is_none()
        .then(|| named_items(role, section).or_else(|| stated_salaries(role, section)))
        .flatten();
    if let Some(lead) = &lead {
        text.push_str(lead);
        text.push_str("\n\n");
    }
    if !bullets.is_empty() {
        text.push_str(&bullet_list(&bullets, FACTS_ROOM));
    } else if lead.is_none() {
        text.push_str(&not_covered(role, section));
    }
    let mut embed = Embed::new(&format!("{}: {}", role.name, section.title()))
        .colour(colour::INFO)
        .description(&text);
    if let Some(focus) = &focus {
        embed = embed.field(
            &format!("Other roles the articles name {} for", focus.name()),
            &other_roles(kb, role, focus),
            false,
        );
    }
    let mut reply = Reply::embed(embed.footer(&notes.footer()));
    reply.push_buttons(vec![Component::button(
        "Whole profile",
        &format!("/role {}", role.slug),
        ButtonStyle::Secondary,
    )]);
    reply.push_select(aspect_menu(role, section));
    reply
}

/// Whether the articles say nothing about `section` for `role`, as its answer then says
/// ("The articles say nothing about …"): no fact of its own there, no skill or tool named
/// for Skills or Tools, no salary stated. Such an ask is a gap for the server's mentors.
pub fn says_nothing(kb: &KnowledgeBase, role: &Role, section: Section) -> bool {
    role.facts(section)
        .iter()
        .all(|fact| own_text(kb, role, fact).is_none())
        && named_items(role, section).is_none()
        && stated_salaries(role, section).is_none()
}

/// For Skills and Tools, the skills or tools the role's facts name (what `/skills` lists),
/// the most named first: what a member asking "which tools" wants before the sentences.
fn named_items(role: &Role, section: Section) -> Option<String> {
    let tools = match section {
        Section::Skills => false,
        Section::Tools => true,
        _ => return None,
    };
    let mut items: Vec<&Competency> = role
        .competencies
        .iter()
        .filter(|c| c.category.is_tool() == tools)
        .collect();
    if items.is_empty() {
        return None;
    }
    // Soft skills last: they set no role apart, so they are not what is asked first.
    items.sort_by(|a, b| {
        (a.category == Category::SoftSkill)
            .cmp(&(b.category == Category::SoftSkill))
            .then(b.named.cmp(&a.named))
            .then(a.name.cmp(&b.name))
    });
    let names: Vec<&str> = items
        .iter()
        .take(NAMED_ITEMS)
        .map(|c| c.name.as_str())
        .collect();
    let more = items.len().saturating_sub(NAMED_ITEMS);
    let label = if tools { "Tools" } else { "Skills" };
    let mut line = format!("**{label} the articles name**: {}", names.join(", "));
    if more > 0 {
        line.push_str(&format!(" …and {more} more (`/skills {}`)", role.slug));
    }
    Some(limits::clamp(&line, NAMED_ROOM))
}

/// For Salary, what the ranges below are: stated in articles, not the board's posted jobs,
/// which `/salary` shows.
fn stated_salaries(role: &Role, section: Section) -> Option<String> {
    (section == Section::Salary && !role.facts(section).is_empty()).then(|| {
        format!(
            "**Stated in articles**: the ranges the articles give. Posted jobs' salaries: `/salary {}`",
            role.slug
        )
    })
}

fn not_covered(role: &Role, section: Section) -> String {
    let covered: Vec<&str> = Section::ALL
        .into_iter()
        .filter(|s| *s != section && *s != Section::Definition && !role.facts(*s).is_empty())
        .map(Section::title)
        .collect();
    let mut text = format!(
        "_The articles say nothing about {} for this role yet._",
        section.title().to_lowercase()
    );
    if !covered.is_empty() {
        text.push_str(&format!("\nThey do cover: {}.", covered.join(", ")));
    }
    if section == Section::Salary {
        text.push_str(&format!(
            "\nPosted jobs' salaries, if any: `/salary {}`.",
            role.slug
        ));
    }
    text
}

/// The other roles whose facts name the thing, with how many facts.
fn other_roles(kb: &KnowledgeBase, role: &Role, focus: &Focus) -> String {
    let named: Vec<&Role> = focus
        .roles_naming(kb)
        .into_iter()
        .map(|(other, _)| other)
        .filter(|other| other.slug != role.slug)
        .collect();
    if named.is_empty() {
        return "None: no other article names it either.".to_owned();
    }
    let names: Vec<String> = named
        .iter()
        .take(OTHER_ROLES)
        .map(|r| r.name.clone())
        .collect();
    limits::clamp(&names.join(", "), limits::FIELD_VALUE)
}

/// "Another aspect…": the role's other aspects that have facts, each answering in place.
fn aspect_menu(role: &Role, shown: Section) -> Component {
    let options = Section::ALL
        .into_iter()
        .filter(|s| *s != shown && *s != Section::Differences && !role.facts(*s).is_empty())
        .map(|s| SelectOption::new(s.title(), &format!("/role {} {}", role.slug, s.key())))
        .collect();
    Component::select(ASPECT_MENU, "Another aspect…", options)
}
