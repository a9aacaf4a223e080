//! Buttons that end a message without displacing any of its own: the "Was this useful?"
//! pair every answer carries. They share the last row when it holds only buttons and has
//! room for all of them, take a row of their own when there is one left, and are left off,
//! all of them, when the message's five rows are used.

use super::{limits, Component, Reply};

impl Reply {
    /// Adds `buttons` (all of them or none, never splitting them) after every other
    /// component: on the last row when it holds buttons only (a select menu fills its row
    /// alone) with room for them all, else on a new row; left off when five rows are used.
    /// Like [`Reply::push_buttons`], a button whose `custom_id` was too long or repeats one
    /// in the message gets an inert id of its own and is disabled. A select menu given here
    /// is dropped, as are the buttons when more than a row's five are given.
    pub fn push_trailing_buttons(&mut self, buttons: Vec<Component>) {
        let buttons: Vec<Component> = buttons
            .into_iter()
            .filter(|c| matches!(c, Component::Button { .. } | Component::Link { .. }))
            .collect();
        if buttons.is_empty() || buttons.len() > limits::BUTTONS_PER_ROW {
            return;
        }
        let shares_last = self.rows.last().is_some_and(|row| {
            row.iter().all(|c| !matches!(c, Component::Select { .. }))
                && row.len() + buttons.len() <= limits::BUTTONS_PER_ROW
        });
        if shares_last {
            let row = self.rows.len() - 1;
            for button in buttons {
                let column = self.rows[row].len();
                let id = button.custom_id();
                let taken = !id.is_empty() && self.has_custom_id(id);
                let button = button.made_inert_if(taken, row, column);
                self.rows[row].push(button);
            }
        } else {
            // A row of their own (`push_buttons` ignores it past the fifth row).
            self.push_buttons(buttons);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ButtonStyle, SelectOption};
    use super::*;

    fn pair() -> Vec<Component> {
        vec![
            Component::button("👍", "vote:up", ButtonStyle::Secondary),
            Component::button("👎", "vote:down", ButtonStyle::Secondary),
        ]
    }

    fn buttons(prefix: &str, n: usize) -> Vec<Component> {
        (0..n)
            .map(|i| Component::button("b", &format!("/{prefix}{i}"), ButtonStyle::Primary))
            .collect()
    }

    fn menu(id: &str) -> Component {
        Component::select(id, "Pick…", vec![SelectOption::new("a", "/role a")])
    }

    fn ids(reply: &Reply) -> Vec<Vec<String>> {
        reply
            .rows()
            .iter()
            .map(|row| row.iter().map(|c| c.custom_id().to_owned()).collect())
            .collect()
    }

    #[test]
    fn the_pair_shares_a_last_row_of_buttons_with_room() {
        let mut reply = Reply::default();
        reply.push_buttons(buttons("a", 3));
        reply.push_trailing_buttons(pair());
        assert_eq!(ids(&reply), [["/a0", "/a1", "/a2", "vote:up", "vote:down"]]);
    }

    #[test]
    fn the_pair_takes_its_own_row_after_a_menu_or_a_full_row() {
        let mut reply = Reply::default();
        reply.push_buttons(buttons("a", 4));
        reply.push_trailing_buttons(pair());
        assert_eq!(ids(&reply).len(), 2, "four buttons leave room for one only");
        assert_eq!(ids(&reply)[0].len(), 4);
        assert_eq!(ids(&reply)[1], ["vote:up", "vote:down"]);

        let mut reply = Reply::default();
        reply.push_select(menu("menu:a"));
        reply.push_trailing_buttons(pair());
        assert_eq!(ids(&reply), [vec!["menu:a"], vec!["vote:up", "vote:down"]]);

        let mut reply = Reply::default();
        reply.push_trailing_buttons(pair());
        assert_eq!(ids(&reply), [["vote:up", "vote:down"]]);
    }

    #[test]
    fn the_pair_is_left_off_when_five_rows_are_used() {
        let mut reply = Reply::default();
        for row in 0..4 {
            reply.push_buttons(buttons(&format!("r{row}-"), 5));
        }
        reply.push_select(menu("menu:last"));
        let before = reply.clone();
        reply.push_trailing_buttons(pair());
        assert_eq!(reply, before, "nothing of the answer's own is displaced");

        // Five rows whose last has room: the pair shares it.
        let mut reply = Reply::default();
        for row in 0..5 {
            reply.push_buttons(buttons(&format!("r{row}-"), 3));
        }
        reply.push_trailing_buttons(pair());
        assert_eq!(reply.rows().len(), 5);
        assert_eq!(reply.rows()[4].len(), 5);
    }

    #[test]
    fn trailing_buttons_keep_ids_unique_and_are_never_split() {
        let mut reply = Reply::default();
        reply.push_buttons(vec![Component::button(
            "x",
            "vote:up",
            ButtonStyle::Primary,
        )]);
        reply.push_trailing_buttons(pair());
        let row = &reply.rows()[0];
        assert_eq!(row[1].custom_id(), "inert:0:1");
        assert!(row[1].is_disabled());
        assert_eq!(row[2].custom_id(), "vote:down");

        let mut reply = Reply::default();
        reply.push_trailing_buttons(buttons("a", 6));
        assert!(reply.rows().is_empty(), "more than a row's five: none");
        reply.push_trailing_buttons(vec![menu("menu:a")]);
        assert!(reply.rows().is_empty(), "a menu is no button");
    }
}
