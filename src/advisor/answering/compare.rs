//! `/compare`: two roles side by side, what they share and what only one has.

use crate::advisor::{first_sentence, in_short, shown, two_roles, Problem};
use crate::commands::request::KnowledgeRequest;
use crate::commands::ASPECTS;
use crate::knowledge::lookup::terms;
use crate::knowledge::text::words::split_words;
use crate::knowledge::{Competency, KnowledgeBase, Role, Section};
use crate::reply::{
    bullet_list, colour, limits, ButtonStyle, Component, Embed, Reply, SelectOption,
};

/// Room in an overview column for one responsibility, and for the first education fact: the
/// overview must fit one desktop screen, its two columns about 240 px wide each.
const DUTY: usize = 90;
const EDUCATION: usize = 110;
/// Education facts looked at for the one that states a qualification.
const EDUCATIONS: usize = 4;
/// Responsibilities, skills, tools and industries named per column of the overview.
const DUTIES: usize = 2;
const ITEMS: usize = 5;
const INDUSTRIES: usize = 3;
/// How many competencies each "in common / only" list names.
const ITEMS_SHOWN: usize = 12;
/// Names the "Compare another aspect…" menu; its options carry the command lines.
pub const ASPECT_MENU: &str = "menu:compare-aspect";

pub fn compare(
    kb: &KnowledgeBase,
    a: &str,
    b: &str,
    aspect: Option<Section>,
) -> Result<Reply, Problem> {
    let (a, b) = two_roles(kb, a, b)?;
    let embed = match aspect {
        None => overview(kb, a, b),
        Some(section) => one_aspect(kb, a, b, section),
    };
    let mut sources = a.sources.clone();
    sources.extend(&b.sources);
    let mut reply = Reply::embed(
        embed
            .footer(&crate::advisor::sources::footer(kb, &sources))
            .colour(colour::COMPARE),
    );
    reply.push_buttons(buttons(a, b, aspect));
    reply.push_select(aspect_menu(a, b, aspect));
    Ok(reply)
}

fn title(a: &Role, b: &Role) -> String {
    format!("{} vs {}", a.name, b.name)
}

fn definitions(a: &Role, b: &Role, max_each: usize) -> String {
    let line = |r: &Role| {
        let definition = r
            .definition()
            .unwrap_or("No definition in the articles yet.");
        format!("**{}**: {}", r.name, limits::clamp(definition, max_each))
    };
    format!("{}\n\n{}", line(a), line(b))
}

/// The point first ("In short"), then one column per role with what it does, its skills
/// and tools (the most central first), its education and industries: side by side on a
/// desktop, one role after the other on a phone. The detail is one click away.
fn overview(kb: &KnowledgeBase, a: &Role, b: &Role) -> Embed {
    let both = [a, b];
    Embed::new(&title(a, b))
        .description(&in_short::comparison(a, b))
        .field(in_short::short_name(a), &column(kb, a, &both), true)
        .field(in_short::short_name(b), &column(kb, b, &both), true)
}

/// One role's column of the overview.
fn column(kb: &KnowledgeBase, role: &Role, both: &[&Role]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let duties: Vec<String> = shown::first(kb, role, Section::Responsibilities, both, DUTIES)
        .iter()
        .map(|duty| first_sentence(duty, DUTY))
        .collect();
    if !duties.is_empty() {
        parts.push(format!("**Does**\n{}", bullet_list(&duties, 400)));
    }
    let ranked = in_short::by_centrality(role.competencies.iter().collect());
    let (tools, skills): (Vec<&Competency>, Vec<&Competency>) =
        ranked.into_iter().partition(|c| c.category.is_tool());
    for (label, items) in [("Skills", skills), ("Tools", tools)] {
        if !items.is_empty() {
            let names: Vec<&str> = items.iter().take(ITEMS).map(|c| c.name.as_str()).collect();
            parts.push(format!("**{label}**: {}", names.join(", ")));
        }
    }
    let educations = shown::first(kb, role, Section::Education, both, EDUCATIONS);
    // The line states a qualification when a fact does, not a remark about study.
    let education = educations
        .iter()
        .find(|text| names_a_qualification(text))
        .or(educations.first());
    if let Some(education) = education {
        parts.push(format!(
            "**Education**: {}",
            first_sentence(education, EDUCATION)
        ));
    }
    let industries = shown::first(kb, role, Section::Industries, both, INDUSTRIES);
    if !industries.is_empty() {
        let named: Vec<&str> = industries
            .iter()
            .take(INDUSTRIES)
            .map(String::as_str)
            .collect();
        parts.push(format!("**Industries**: {}", named.join("; ")));
    }
    if parts.is_empty() {
        return "_Not covered by the articles._".to_owned();
    }
    limits::clamp(&parts.join("\n"), limits::FIELD_VALUE)
}

/// Whether a fact's first sentence names a degree or other qualification.
fn names_a_qualification(text: &str) -> bool {
    let sentence = first_sentence(text, usize::MAX);
    terms::is_qualification(&sentence)
        || split_words(&sentence).any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "degree" | "degrees" | "diploma" | "certification" | "certificate"
            )
        })
}

/// One section in depth: full lists for both roles, and for skills and tools the item overlap.
fn one_aspect(kb: &KnowledgeBase, a: &Role, b: &Role, section: Section) -> Embed {
    let heading = format!("{} — {}", title(a, b), section.title());
    if section == Section::Definition {
        return Embed::new(&heading).description(&definitions(a, b, 1800));
    }
    let mut embed = Embed::new(&heading);
    embed = column_pair(kb, embed, a, b, section);
    if matches!(section, Section::Skills | Section::Tools) {
        embed = overlap_fields(embed, a, b);
    }
    if section == Section::Salary {
        // Say what these ranges are: the board's posted salaries are another answer.
        embed = embed.description(&format!(
            "**Stated in articles**: the ranges the articles give. Posted jobs' salaries: `/salary {}`, `/salary {}`",
            a.slug, b.slug
        ));
    }
    embed
}

/// One section of both roles side by side: two columns that fill the embed's width.
fn column_pair(kb: &KnowledgeBase, embed: Embed, a: &Role, b: &Role, section: Section) -> Embed {
    let both = [a, b];
    let column = |r: &Role| {
        let items = shown::texts(kb, r, section, &both);
        if items.is_empty() {
            "_Not covered by the articles._".to_owned()
        } else {
            bullet_list(&items, limits::FIELD_VALUE)
        }
    };
    embed
        .field(in_short::short_name(a), &column(a), true)
        .field(in_short::short_name(b), &column(b), true)
}

fn overlap_fields(embed: Embed, a: &Role, b: &Role) -> Embed {
    let overlap = in_short::overlap(a, b);
    let names = |items: &[&Competency]| {
        if items.is_empty() {
            return "—".to_owned();
        }
        let shown: Vec<&str> = items
            .iter()
            .take(ITEMS_SHOWN)
            .map(|c| c.name.as_str())
            .collect();
        let more = items.len().saturating_sub(ITEMS_SHOWN);
        let mut text = shown.join(", ");
        if more > 0 {
            text.push_str(&format!(" …and {more} more"));
        }
        text
    };
    embed
        .field("In common", &names(&overlap.shared), false)
        .field(
            &format!("Only {}", in_short::short_name(a)),
            &names(&overlap.only_a),
            true,
        )
        .field(
            &format!("Only {}", in_short::short_name(b)),
            &names(&overlap.only_b),
            true,
        )
}

/// The command line that compares `a` and `b` on `aspect` (the overview when `None`).
///
/// Positional (`/compare <a> <b> <aspect>`) rather than named: with slugs of at most
/// [`SLUG_MAX`](crate::knowledge::text::names::SLUG_MAX) (36) the longest line is 99 code points, so
/// it fits a `custom_id` and a select option's value; the named form could take 120.
fn compare_line(a: &Role, b: &Role, aspect: Option<Section>) -> String {
    KnowledgeRequest::Compare {
        a: a.slug.clone(),
        b: b.slug.clone(),
        aspect,
    }
    .line()
}

/// Swap the roles; step to the next aspect (the overview leads to the first).
fn buttons(a: &Role, b: &Role, aspect: Option<Section>) -> Vec<Component> {
    let next = next_aspect(aspect);
    vec![
        Component::button(
            "⇄ Swap",
            &compare_line(b, a, aspect),
            ButtonStyle::Secondary,
        ),
        Component::button(
            &format!("Next: {}", next.map_or("Overview", |s| s.title())),
            &compare_line(a, b, next),
            ButtonStyle::Primary,
        ),
    ]
}

/// "Compare another aspect…": the overview (unless shown) and every aspect of `/compare`'s
/// choices but the one shown that either role has facts for, each option's value the
/// whole command line that answers it.
fn aspect_menu(a: &Role, b: &Role, shown: Option<Section>) -> Component {
    let overview = shown
        .is_some()
        .then(|| SelectOption::new("Overview", &compare_line(a, b, None)));
    let aspects = ASPECTS.iter().filter_map(|choice| {
        let section = Section::from_key(choice.value)?;
        let known = !a.facts(section).is_empty() || !b.facts(section).is_empty();
        (Some(section) != shown && known)
            .then(|| SelectOption::new(choice.name, &compare_line(a, b, Some(section))))
    });
    let options = overview.into_iter().chain(aspects).collect();
    Component::select(ASPECT_MENU, "Compare another aspect…", options)
}

/// The aspect after `current` in `/compare`'s choices; after the last, the overview.
fn next_aspect(current: Option<Section>) -> Option<Section> {
    let keys: Vec<Section> = ASPECTS
        .iter()
        .filter_map(|c| Section::from_key(c.value))
        .collect();
    match current {
        None => keys.first().copied(),
        Some(section) => keys
            .iter()
            .position(|s| *s == section)
            .and_then(|i| keys.get(i + 1).copied()),
    }
}
