//! `/compare`: two roles side by side, what they share and what only one has.

use super::{texts, two_roles, Problem};
use crate::commands::ASPECTS;
use crate::knowledge::{Competency, KnowledgeBase, Role, Section};
use crate::reply::{
    bullet_list, colour, limits, ButtonStyle, Component, Embed, Reply, SelectOption,
};

/// Sections of the overview, each a pair of columns.
const OVERVIEW: [Section; 5] = [
    Section::Responsibilities,
    Section::Skills,
    Section::Education,
    Section::Tools,
    Section::Industries,
];
/// Room for one column of the overview; six pairs must fit in 6,000 characters.
const OVERVIEW_COLUMN: usize = 280;
/// How many competencies each "in common / only" list names.
const ITEMS_SHOWN: usize = 12;
/// Names the "Compare another aspect…" menu; its options carry the command lines.
pub const ASPECT_MENU: &str = "menu:compare-aspect";

/// Competencies both roles have, only `a` has, and only `b` has.
pub struct Overlap<'r> {
    pub shared: Vec<&'r Competency>,
    pub only_a: Vec<&'r Competency>,
    pub only_b: Vec<&'r Competency>,
}

pub fn overlap<'r>(a: &'r Role, b: &'r Role) -> Overlap<'r> {
    let (shared, only_a) = a
        .competencies
        .iter()
        .partition(|c| b.has_competency(&c.key));
    let only_b = b
        .competencies
        .iter()
        .filter(|c| !a.has_competency(&c.key))
        .collect();
    Overlap {
        shared,
        only_a,
        only_b,
    }
}

pub fn compare(
    kb: &KnowledgeBase,
    a: &str,
    b: &str,
    aspect: Option<Section>,
) -> Result<Reply, Problem> {
    let (a, b) = two_roles(kb, a, b)?;
    let embed = match aspect {
        None => overview(a, b),
        Some(section) => one_aspect(a, b, section),
    };
    let mut sources = a.sources.clone();
    sources.extend(&b.sources);
    let mut reply = Reply::embed(
        embed
            .footer(&super::sources::footer(kb, &sources))
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

fn overview(a: &Role, b: &Role) -> Embed {
    let mut embed = Embed::new(&title(a, b)).description(&definitions(a, b, 420));
    for section in OVERVIEW {
        embed = column_pair(embed, a, b, section, OVERVIEW_COLUMN);
    }
    if let Some(outlook) = shared_outlook(a, b) {
        embed = embed.field("Outlook", &limits::clamp(outlook, 300), false);
    }
    overlap_fields(embed, a, b)
}

/// The outlook of an article about both roles, else of either: outlooks speak of the pair
/// of roles their article compares.
fn shared_outlook<'r>(a: &'r Role, b: &'r Role) -> Option<&'r str> {
    let about_both = |f: &&crate::knowledge::Fact| {
        f.sources
            .iter()
            .any(|s| a.sources.contains(s) && b.sources.contains(s))
    };
    let mut outlooks = a
        .facts(Section::Outlook)
        .iter()
        .chain(b.facts(Section::Outlook));
    let first = outlooks.clone().next();
    outlooks.find(about_both).or(first).map(|f| f.text.as_str())
}

/// One section in depth: full lists for both roles, and for skills and tools the item overlap.
fn one_aspect(a: &Role, b: &Role, section: Section) -> Embed {
    let heading = format!("{} — {}", title(a, b), section.title());
    if section == Section::Definition {
        return Embed::new(&heading).description(&definitions(a, b, 1800));
    }
    let mut embed = Embed::new(&heading);
    embed = column_pair(embed, a, b, section, limits::FIELD_VALUE);
    if matches!(section, Section::Skills | Section::Tools) {
        embed = overlap_fields(embed, a, b);
    }
    embed
}

/// "Skills · A" and "Skills · B" side by side, then a blank third column so pairs line up.
fn column_pair(embed: Embed, a: &Role, b: &Role, section: Section, room: usize) -> Embed {
    let column = |r: &Role| {
        let items = texts(r.facts(section));
        if items.is_empty() {
            "_Not covered by the articles._".to_owned()
        } else {
            bullet_list(&items, room)
        }
    };
    embed
        .field(
            &format!("{} · {}", section.title(), a.name),
            &column(a),
            true,
        )
        .field(
            &format!("{} · {}", section.title(), b.name),
            &column(b),
            true,
        )
        .field(limits::ZERO_WIDTH_SPACE, limits::ZERO_WIDTH_SPACE, true)
}

fn overlap_fields(embed: Embed, a: &Role, b: &Role) -> Embed {
    let overlap = overlap(a, b);
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
        .field(&format!("Only {}", a.name), &names(&overlap.only_a), true)
        .field(&format!("Only {}", b.name), &names(&overlap.only_b), true)
}

/// The command line that compares `a` and `b` on `aspect` (the overview when `None`).
///
/// Positional (`/compare <a> <b> <aspect>`) rather than named: with slugs of at most
/// [`SLUG_MAX`](crate::knowledge::names::SLUG_MAX) (36) the longest line is 99 code points, so
/// it fits a `custom_id` and a select option's value; the named form could take 120.
fn compare_line(a: &Role, b: &Role, aspect: Option<Section>) -> String {
    let aspect = aspect.map(|s| format!(" {}", s.key())).unwrap_or_default();
    format!("/compare {} {}{aspect}", a.slug, b.slug)
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
/// choices but the one shown, each option's value the whole command line that answers it.
fn aspect_menu(a: &Role, b: &Role, shown: Option<Section>) -> Component {
    let overview = shown
        .is_some()
        .then(|| SelectOption::new("Overview", &compare_line(a, b, None)));
    let aspects = ASPECTS.iter().filter_map(|choice| {
        let section = Section::from_key(choice.value)?;
        (Some(section) != shown)
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
