//! Lists as people type them in one line: "python, sql and tableau". `/match`, `/path`'s
//! skills and a member's profile all split them here.

/// The longest item that can name a skill, in bytes; longer ones are sentences.
pub const ITEM_MAX: usize = 60;

/// The items of a list: split at commas, semicolons, new lines and " and ", trimmed of
/// spaces and end punctuation. An item without a letter or digit names nothing and is left
/// out; items of any length are kept (the caller decides what is too long).
pub fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '\n'])
        .flat_map(|part| part.split(" and "))
        .map(|item| item.trim().trim_end_matches(['.', '!', '?']).trim())
        .filter(|item| item.chars().any(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_splits_at_commas_semicolons_lines_and_and() {
        let found: Vec<&str> = items("Python, SQL and Tableau; dbt\n spark. , 🚀 ,").collect();
        assert_eq!(found, ["Python", "SQL", "Tableau", "dbt", "spark"]);
    }
}
