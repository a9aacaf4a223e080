//! `/path`: moving to a role, from the role one has or from the skills one lists: what
//! carries over, what to learn (what the target's articles name most first), and the
//! target's first steps.

mod step_up;

use crate::advisor::in_short::{self, and_list};
use crate::advisor::matching::{skill_keys, unknown_items};
use crate::advisor::{next, shown, Problem};
use crate::knowledge::reading::backgrounds::Background;
use crate::knowledge::{Category, Competency, KnowledgeBase, Role, Section};
use crate::reply::{bullet_list, colour, escape_user_text, limits, Embed, Reply};

/// Things to learn named first ("start here"), and named after them before "…and N more".
const FIRST: usize = 3;
const THEN: usize = 8;
/// Responsibilities and first steps shown of the target; the rest is in its profile.
const FEW: usize = 3;
/// The person's skills named per theme of what carries over.
const FROM_SHOWN: usize = 3;

pub fn path(
    kb: &KnowledgeBase,
    from: Option<&str>,
    to: &str,
    skills: Option<&str>,
) -> Result<Reply, Problem> {
    let to = kb.resolve(to)?;
    match from {
        Some(from) => {
            // A background the articles do not profile, unless a role goes by that name.
            if let (None, Some(background)) = (kb.exact(from), kb.backgrounds.named(from)) {
                return Ok(from_background(kb, background, to));
            }
            let from = kb.resolve(from)?;
            if from.slug == to.slug {
                return Err(Problem::SameRole(to.name.clone()));
            }
            Ok(from_role(kb, from, to))
        }
        None => Ok(from_skills(kb, to, skills.unwrap_or_default())),
    }
}

/// From one role to another, as a mentor would say it: what the person brings (the same
/// skills, then related ones through what they have in common), the three things to learn
/// first, the rest one click away, what they would do instead and how to start.
fn from_role(kb: &KnowledgeBase, from: &Role, to: &Role) -> Reply {
    let have: Vec<&Competency> = from.competencies.iter().collect();
    let carried = carried_over(kb, &have, to);
    let mut learn = to_learn(to, &carried);
    let step_up = step_up::is_step_up(from, to);
    let mut opening = headline(&carried, &format!("As a {}, you bring", from.name), to);
    if step_up {
        step_up::leading_first(&mut learn);
        opening = format!(
            "A step up in the same work: what the articles say changes comes first.\n{opening}"
        );
    }
    let mut embed = Embed::new(&format!("From {} to {}", from.name, to.name))
        .colour(colour::PATH)
        .description(&opening);
    if step_up {
        let changes = step_up::what_changes(kb, from, to);
        if !changes.is_empty() {
            embed = embed.field("What changes", &first_few(&changes), false);
        }
    }
    if !carried.is_empty() {
        embed = embed.field("What carries over", &carried_lines(&carried), false);
    }
    embed = learn_fields(embed, &learn);
    let both = [from, to];
    let duties = shown::texts(kb, to, Section::Responsibilities, &[to]);
    if !duties.is_empty() {
        embed = embed.field("What you'd do instead", &first_few(&duties), false);
    }
    let education: Vec<String> = shown::texts(kb, to, Section::Education, &both)
        .into_iter()
        .take(2)
        .collect();
    if !education.is_empty() {
        embed = embed.field("Education", &bullet_list(&education, 400), false);
    }
    let tips = shown::texts(kb, to, Section::Tips, &[to]);
    if !tips.is_empty() {
        embed = embed.field("How to start", &first_few(&tips), false);
    }
    let mut sources = from.sources.clone();
    sources.extend(&to.sources);
    let mut reply = Reply::embed(embed.footer(&crate::advisor::sources::footer(kb, &sources)));
    reply.push_buttons(vec![
        next::button(
            "Compare the two",
            &format!("/compare {} {}", from.slug, to.slug),
        ),
        next::button(
            &format!("All {} skills", to.name),
            &format!("/skills {}", to.slug),
        ),
    ]);
    reply
}

/// From a background the articles do not profile: said so, then the path from that
/// background's usual skills (`backgrounds.toml`).
fn from_background(kb: &KnowledgeBase, background: &Background, to: &Role) -> Reply {
    let skills = background.skills.join(", ");
    let note = format!(
        "The articles do not profile the {name}; this path starts from a {name}'s usual \
         skills ({skills}).",
        name = background.name
    );
    let title = format!(
        "From {} to {}",
        in_short::capitalised(&background.name),
        to.name
    );
    from_listed(kb, to, &skills, &title, Some(&note))
}

/// From the skills one lists: what of them the target's articles name, what carries over
/// through related skills, what to learn first, and the target's first steps.
fn from_skills(kb: &KnowledgeBase, to: &Role, skills: &str) -> Reply {
    let title = format!("From your skills to {}", to.name);
    from_listed(kb, to, skills, &title, None)
}

/// [`from_skills`] under `title`, opening with `note` when given.
fn from_listed(
    kb: &KnowledgeBase,
    to: &Role,
    skills: &str,
    title: &str,
    note: Option<&str>,
) -> Reply {
    let keys = skill_keys(kb, skills);
    let listed: Vec<Competency> = keys
        .iter()
        .map(|key| {
            let entry = kb.taxonomy.lookup(key);
            Competency {
                name: entry.map_or_else(|| key.clone(), |e| e.name.clone()),
                key: key.clone(),
                category: entry.map_or(Category::Other, |e| e.category),
                named: 1,
            }
        })
        .collect();
    let have: Vec<&Competency> = listed.iter().collect();
    let carried = carried_over(kb, &have, to);
    let learn = to_learn(to, &carried);
    let mut text = headline(&carried, "You bring", to);
    if let Some(note) = note {
        text = format!("{note}\n{text}");
    }
    let unknown = unknown_items(kb, skills);
    if !unknown.is_empty() {
        let shown: Vec<String> = unknown.iter().map(|u| escape_user_text(u)).collect();
        text.push_str(&format!(
            "\nNo article names {} for any role.",
            and_list(&shown)
        ));
    }
    let mut embed = Embed::new(title).colour(colour::PATH).description(&text);
    if !carried.is_empty() {
        embed = embed.field("What carries over", &carried_lines(&carried), false);
    }
    embed = learn_fields(embed, &learn);
    let tips = shown::texts(kb, to, Section::Tips, &[to]);
    if !tips.is_empty() {
        embed = embed.field("Getting started", &bullet_list(&tips, 700), false);
    }
    let mut reply = Reply::embed(embed.footer(&crate::advisor::sources::footer(kb, &to.sources)));
    reply.push_buttons(vec![
        next::button("Whole profile", &format!("/role {}", to.slug)),
        next::button(
            &format!("All {} skills", to.name),
            &format!("/skills {}", to.slug),
        ),
    ]);
    reply
}

/// How one of the target's skills is already there.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Through<'a> {
    /// The person has it, by the same name.
    Same,
    /// The person has related skills (`from`), which share `theme` with it.
    Related { theme: &'a str, from: Vec<&'a str> },
}

/// Each of the target's skills and tools the person has, or has related skills for, with
/// how; soft skills aside (they are never a gap, nor a head start to count).
fn carried_over<'a>(
    kb: &'a KnowledgeBase,
    have: &[&'a Competency],
    to: &'a Role,
) -> Vec<(&'a Competency, Through<'a>)> {
    let related = kb.taxonomy.related();
    to.competencies
        .iter()
        .filter(|c| c.category != Category::SoftSkill)
        .filter_map(|wanted| {
            if have.iter().any(|h| h.key == wanted.key) {
                return Some((wanted, Through::Same));
            }
            // The theme most of the person's skills share with it.
            let mut themes: Vec<(&str, Vec<&str>)> = Vec::new();
            for h in have {
                if let Some(theme) = related.theme(&h.key, &wanted.key) {
                    match themes.iter_mut().find(|(t, _)| *t == theme) {
                        Some((_, from)) => from.push(h.name.as_str()),
                        None => themes.push((theme, vec![h.name.as_str()])),
                    }
                }
            }
            themes.sort_by_key(|(_, from)| std::cmp::Reverse(from.len()));
            let (theme, from) = themes.into_iter().next()?;
            Some((wanted, Through::Related { theme, from }))
        })
        .collect()
}

/// What the target names that does not carry over, core skills before tools, the most
/// central to the target first.
fn to_learn<'a>(to: &'a Role, carried: &[(&Competency, Through<'_>)]) -> Vec<&'a Competency> {
    let gaps: Vec<&Competency> = to
        .competencies
        .iter()
        .filter(|c| !carried.iter().any(|(k, _)| k.key == c.key))
        .collect();
    let mut ranked = in_short::by_centrality(gaps);
    // A stable sort keeps the centrality order within core skills and within tools.
    ranked.sort_by_key(|c| c.category.is_tool());
    ranked
}

/// The opening sentence: what the person already brings, in words ("As a Data Specialist,
/// you bring **R** as it is, and a head start in analysing data"), not a percentage.
fn headline(carried: &[(&Competency, Through<'_>)], opening: &str, to: &Role) -> String {
    let same: Vec<String> = carried
        .iter()
        .filter(|(_, how)| *how == Through::Same)
        .map(|(c, _)| format!("**{}**", c.name))
        .collect();
    let mut themes: Vec<String> = Vec::new();
    for (_, how) in carried {
        if let Through::Related { theme, .. } = how {
            if !themes.iter().any(|t| t == theme) {
                themes.push((*theme).to_owned());
            }
        }
    }
    if same.is_empty() && themes.is_empty() {
        return format!(
            "Little of what the articles name for a {} carries over directly; here is where to start.",
            to.name
        );
    }
    format!("{opening} {}.", bring(&same, &themes))
}

/// "**R** as it is, and a head start in analysing data and programming".
fn bring(same: &[String], themes: &[String]) -> String {
    let mut parts = Vec::new();
    if !same.is_empty() {
        parts.push(format!(
            "{} as {}",
            and_list(same),
            if same.len() == 1 { "it is" } else { "they are" }
        ));
    }
    if !themes.is_empty() {
        parts.push(format!("a head start in {}", and_list(themes)));
    }
    parts.join(", and ")
}

/// One line for what carries over as it is, then one per theme, the theme covering most of
/// the target's skills first.
fn carried_lines(carried: &[(&Competency, Through<'_>)]) -> String {
    let mut lines = Vec::new();
    let same: Vec<&str> = carried
        .iter()
        .filter(|(_, how)| *how == Through::Same)
        .map(|(c, _)| c.name.as_str())
        .collect();
    if !same.is_empty() {
        lines.push(format!("**As it is:** {}", same.join(", ")));
    }
    let mut by_theme: Vec<(&str, Vec<&str>, Vec<&str>)> = Vec::new();
    for (wanted, how) in carried {
        if let Through::Related { theme, from } = how {
            let at = match by_theme.iter().position(|(t, _, _)| t == theme) {
                Some(at) => at,
                None => {
                    by_theme.push((theme, Vec::new(), Vec::new()));
                    by_theme.len() - 1
                }
            };
            let (_, yours, theirs) = &mut by_theme[at];
            for name in from {
                if !yours.contains(name) {
                    yours.push(name);
                }
            }
            theirs.push(wanted.name.as_str());
        }
    }
    by_theme.sort_by_key(|(_, _, theirs)| std::cmp::Reverse(theirs.len()));
    for (theme, yours, theirs) in by_theme {
        lines.push(format!(
            "**{}:** your {} → {}",
            in_short::capitalised(theme),
            yours
                .iter()
                .take(FROM_SHOWN)
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            theirs.join(", ")
        ));
    }
    limits::clamp(&lines.join("\n"), limits::FIELD_VALUE)
}

/// "Start here" (the first three) and the rest, briefly.
fn learn_fields(embed: Embed, learn: &[&Competency]) -> Embed {
    let first: Vec<&str> = learn.iter().take(FIRST).map(|c| c.name.as_str()).collect();
    if first.is_empty() {
        return embed.field(
            "What to learn",
            "Nothing the articles name: you have it all.",
            false,
        );
    }
    let mut embed = embed.field("Start here", &first.join(" · "), false);
    let then: Vec<&str> = learn.iter().skip(FIRST).map(|c| c.name.as_str()).collect();
    if !then.is_empty() {
        let shown: Vec<&str> = then.iter().take(THEN).copied().collect();
        let mut text = shown.join(", ");
        if then.len() > THEN {
            text.push_str(&format!(
                " …and {} more (All skills below)",
                then.len() - THEN
            ));
        }
        embed = embed.field("Then", &limits::clamp(&text, limits::FIELD_VALUE), false);
    }
    embed
}

/// The first [`FEW`] items as bullets, and how many more the role's profile holds.
fn first_few(items: &[String]) -> String {
    const ROOM: usize = 500;
    // As many whole items as fit, so one line counts what is left rather than two.
    let mut used = 0;
    let fit = items
        .iter()
        .take(FEW)
        .take_while(|item| {
            used += item.chars().count() + 3;
            used <= ROOM - 40
        })
        .count()
        .max(1);
    let mut text = bullet_list(&items[..fit.min(items.len())], ROOM);
    if items.len() > fit {
        text.push_str(&format!("\n…and {} more in the profile", items.len() - fit));
    }
    text
}
