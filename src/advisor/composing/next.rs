//! Next steps: the buttons and menus under an answer that lead to the answers a member
//! would ask for next (a role's skills, a comparison with a related role, a path to it).
//! Each carries the command line that answers it, checked on receipt like any typed line.

use crate::knowledge::{KnowledgeBase, Role};
use crate::reply::{ButtonStyle, Component, SelectOption};

/// Names of the menus; their options carry the lines.
pub const COMPARE_MENU: &str = "menu:compare-with";
pub const PATH_MENU: &str = "menu:path-to";
pub const OPEN_MENU: &str = "menu:open-related";

/// Related roles offered in a menu.
const RELATED: usize = 10;

/// The other roles sharing the most skills and tools with `role`, most first, at most
/// [`RELATED`], with how many they share.
pub fn related<'k>(kb: &'k KnowledgeBase, role: &Role) -> Vec<(&'k Role, usize)> {
    kb.roles_sharing(role, RELATED)
}

/// The names of the skills and tools `a` and `b` both have, in key order (both lists are
/// sorted by key).
pub fn shared_names<'r>(a: &'r Role, b: &Role) -> Vec<&'r str> {
    let (x, y) = (&a.competencies, &b.competencies);
    let (mut i, mut j) = (0, 0);
    let mut names = Vec::new();
    while i < x.len() && j < y.len() {
        match x[i].key.cmp(&y[j].key) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                names.push(x[i].name.as_str());
                i += 1;
                j += 1;
            }
        }
    }
    names
}

/// The roles a "Compare with…" or "Path to…" menu offers for `role`: related ones first,
/// then others by name, so a role sharing nothing still leads somewhere.
pub fn offered<'k>(kb: &'k KnowledgeBase, role: &Role) -> Vec<&'k Role> {
    let mut roles: Vec<&Role> = related(kb, role).into_iter().map(|(r, _)| r).collect();
    if roles.len() < RELATED {
        let mut rest: Vec<&Role> = kb
            .roles
            .iter()
            .filter(|r| r.slug != role.slug && !roles.iter().any(|k| k.slug == r.slug))
            .take(RELATED * 4)
            .collect();
        rest.sort_by(|a, b| a.name.cmp(&b.name));
        rest.truncate(RELATED - roles.len());
        roles.extend(rest);
    }
    roles
}

/// "Compare with…": `role` against each offered role.
pub fn compare_menu(role: &Role, offered: &[&Role]) -> Option<Component> {
    let options = offered
        .iter()
        .map(|other| {
            SelectOption::new(
                &other.name,
                &format!("/compare {} {}", role.slug, other.slug),
            )
        })
        .collect();
    menu(COMPARE_MENU, "Compare with…", options)
}

/// "Path to…": from `role` to each offered role.
pub fn path_menu(role: &Role, offered: &[&Role]) -> Option<Component> {
    let options = offered
        .iter()
        .map(|other| {
            SelectOption::new(
                &other.name,
                &format!("/path from:{} to:{}", role.slug, other.slug),
            )
        })
        .collect();
    menu(PATH_MENU, "Path to…", options)
}

/// A menu opening each of `roles` with `line(role)`.
pub fn open_menu(
    placeholder: &str,
    roles: &[&Role],
    line: impl Fn(&Role) -> String,
) -> Option<Component> {
    open_menu_named(OPEN_MENU, placeholder, roles, line)
}

/// [`open_menu`], named `name` (a message's menus need names of their own).
pub fn open_menu_named(
    name: &str,
    placeholder: &str,
    roles: &[&Role],
    line: impl Fn(&Role) -> String,
) -> Option<Component> {
    let options = roles
        .iter()
        .map(|role| SelectOption::new(&role.name, &line(role)))
        .collect();
    menu(name, placeholder, options)
}

/// A button answering `line`.
pub fn button(label: &str, line: &str) -> Component {
    Component::button(label, line, ButtonStyle::Secondary)
}

/// No menu rather than an empty one: Discord refuses a select menu without options.
fn menu(name: &str, placeholder: &str, options: Vec<SelectOption>) -> Option<Component> {
    let menu = Component::select(name, placeholder, options);
    match &menu {
        Component::Select { options, .. } if options.is_empty() => None,
        _ => Some(menu),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge base")
    }

    #[test]
    fn related_roles_share_skills_and_come_most_shared_first() {
        let kb = kb();
        let role = kb
            .resolve("machine-learning-engineer")
            .expect("a seed role");
        let related = related(&kb, role);
        assert!(!related.is_empty());
        assert!(related
            .iter()
            .all(|(r, shared)| r.slug != role.slug && *shared == shared_names(role, r).len()));
        assert!(related.windows(2).all(|w| w[0].1 >= w[1].1));
    }

    #[test]
    fn menus_carry_lines_the_parser_reads_back() {
        let kb = kb();
        let role = kb.resolve("data-specialist").expect("a seed role");
        let offered = offered(&kb, role);
        for menu in [compare_menu(role, &offered), path_menu(role, &offered)] {
            let Some(Component::Select { options, .. }) = menu else {
                panic!("a menu with options");
            };
            assert!(!options.is_empty() && options.len() <= RELATED);
            for option in options {
                let call = crate::advisor::read_line(&kb, option.value());
                assert!(call.is_ok(), "{}: {:?}", option.value(), call.err());
            }
        }
    }
}
