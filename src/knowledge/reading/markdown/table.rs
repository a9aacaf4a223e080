//! Tables: a header naming roles gives per-role facts by column, each row's first cell
//! naming the aspect ("| | Data Scientist | Data Engineer |" / "| Skills | … | … |"); a
//! header naming aspects gives per-role facts by row, the first cell naming the role; in a
//! role's scope, a table whose first column names aspects gives that role's facts.
//! A cell's items (split by commas or `<br>`) stay one fact; under Tools it is written
//! "Tools: a, b" so that every item counts as a tool.

use super::blocks::{Table, BREAK};
use super::labels::label_aspect;
use super::names::{read_name, Named};
use super::roles::RoleSet;
use super::Reader;
use crate::knowledge::model::Section;

fn role_name(cell: &str) -> Option<Named> {
    read_name(cell).ok()
}

/// Adds the roles a table's header (or, under a header of aspects, its first column) names.
pub(super) fn find_roles(table: &Table, roles: &mut RoleSet) {
    let named: Vec<Named> = table
        .header
        .iter()
        .skip(1)
        .filter_map(|c| role_name(c))
        .collect();
    if !named.is_empty() {
        for name in named {
            roles.add(&name);
        }
        return;
    }
    if table.header.iter().skip(1).any(|c| aspect(c).is_some()) {
        for (_, cells) in &table.rows {
            if let Some(name) = cells.first().and_then(|c| role_name(c)) {
                roles.add(&name);
            }
        }
    }
}

fn aspect(cell: &str) -> Option<Section> {
    label_aspect(cell)
}

/// Ratings that say how much, not what: a cell of them alone is no fact ("Very High",
/// "60%", "★★★").
const RATINGS: [&str; 12] = [
    "very low",
    "low",
    "medium",
    "moderate",
    "high",
    "very high",
    "yes",
    "no",
    "some",
    "none",
    "basic",
    "advanced",
];

/// "", "-", "—", "n/a", "High", "40%": a cell that says nothing an answer could show.
fn is_blank(cell: &str) -> bool {
    let cell = cell.trim();
    let lower = cell.to_lowercase();
    RATINGS.contains(&lower.as_str())
        || (!cell.is_empty()
            && cell
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '%' | '.' | ' ' | '★' | '☆' | '/')))
        || cell.is_empty()
        || cell
            .chars()
            .all(|c| matches!(c, '-' | '—' | '–' | '/' | ' '))
        || cell.eq_ignore_ascii_case("n/a")
        || cell.eq_ignore_ascii_case("none")
}

impl Reader {
    pub(super) fn table(&mut self, table: &Table) {
        self.end_list();
        let role_columns: Vec<(usize, usize)> = table
            .header
            .iter()
            .enumerate()
            .skip(1)
            .filter_map(|(j, cell)| self.roles.find(cell).map(|role| (j, role)))
            .collect();
        if !role_columns.is_empty() {
            return self.by_role_columns(table, &role_columns);
        }
        let aspect_columns: Vec<(usize, Section)> = table
            .header
            .iter()
            .enumerate()
            .skip(1)
            .filter_map(|(j, cell)| aspect(cell).map(|section| (j, section)))
            .collect();
        if !aspect_columns.is_empty() {
            return self.by_aspect_columns(table, &aspect_columns);
        }
        match self.scope_role() {
            Some(role) => self.of_one_role(table, role),
            None => self.warn(
                table.line,
                table.header.join(" | ").as_str(),
                "is a table naming no role in its header or first column, in no role's scope; \
                 skipped",
            ),
        }
    }

    /// "| | Data Scientist | Data Engineer |", one row per aspect.
    fn by_role_columns(&mut self, table: &Table, columns: &[(usize, usize)]) {
        for (line, cells) in &table.rows {
            let label = cells.first().map_or("", String::as_str);
            let Some(section) = aspect(label).or_else(|| self.scope_aspect()) else {
                self.warn(*line, label, "is a table row naming no aspect; skipped");
                continue;
            };
            for &(j, role) in columns {
                if let Some(cell) = cells.get(j) {
                    self.cell(Some(role), section, label, cell, *line);
                }
            }
        }
    }

    /// "| Role | Skills | Tools |", one row per role.
    fn by_aspect_columns(&mut self, table: &Table, columns: &[(usize, Section)]) {
        for (line, cells) in &table.rows {
            let first = cells.first().map_or("", String::as_str);
            let role = self.roles.find(first).or_else(|| self.scope_role());
            if role.is_none() && self.roles.len() > 1 {
                self.warn(*line, first, "is a table row naming no role; skipped");
                continue;
            }
            for &(j, section) in columns {
                if let Some(cell) = cells.get(j) {
                    self.cell(role, section, &table.header[j], cell, *line);
                }
            }
        }
    }

    /// A table in one role's scope: its first column names aspects, or its header does.
    fn of_one_role(&mut self, table: &Table, role: usize) {
        let header_aspect = table.header.first().and_then(|c| aspect(c));
        for (line, cells) in &table.rows {
            let first = cells.first().map_or("", String::as_str);
            match (aspect(first), header_aspect.or_else(|| self.scope_aspect())) {
                (Some(section), _) => {
                    let rest = cells[1..].join("; ");
                    self.cell(Some(role), section, first, &rest, *line);
                }
                (None, Some(section)) => {
                    let row: Vec<&str> = cells
                        .iter()
                        .map(String::as_str)
                        .filter(|c| !is_blank(c))
                        .collect();
                    self.cell(
                        Some(role),
                        section,
                        section.title(),
                        &row.join(" — "),
                        *line,
                    );
                }
                (None, None) => self.warn(*line, first, "is a table row naming no aspect; skipped"),
            }
        }
    }

    fn cell(
        &mut self,
        role: Option<usize>,
        section: Section,
        label: &str,
        cell: &str,
        line: usize,
    ) {
        let items: Vec<&str> = cell
            .split(BREAK)
            .map(str::trim)
            .filter(|item| !is_blank(item))
            .collect();
        if items.is_empty() {
            return;
        }
        let text = items.join(", ");
        let list_like = items.len() > 1 || (text.contains(',') && !text.ends_with('.'));
        let text = if section == Section::Tools && list_like && !text.contains(':') {
            let label = if label.trim().is_empty() {
                section.title()
            } else {
                label.trim()
            };
            format!("{label}: {text}")
        } else {
            text
        };
        self.emit(role, section, &text, line);
    }
}
