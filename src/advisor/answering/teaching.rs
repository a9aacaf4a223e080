//! Teaching answers: a server's mentor settings as `/kb setup` shows them.

use crate::reply::{colour, Embed, Reply};
use crate::teaching::model::TeachingSettings;

/// Who may add and remove the server's articles. The role is a mention inside an embed,
/// which Discord renders as the role's name without pinging anyone (and every message
/// carries an empty `allowed_mentions` anyway).
pub fn settings(settings: &TeachingSettings) -> Reply {
    let teachers = match settings.mentor_role {
        Some(role) => format!("Members with the role <@&{role}>, and members with Manage Server"),
        None => {
            "Members with Manage Server. Name a mentor role with `/kb setup mentor_role:@Mentors`."
                .to_owned()
        }
    };
    Reply::embed(Embed::new("Mentor settings").colour(colour::INFO).field(
        "Who may add and remove articles",
        &teachers,
        false,
    ))
    .ephemeral(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mentor_role_is_named_privately() {
        let set = settings(&TeachingSettings {
            mentor_role: Some(777),
            answer_forum: None,
        });
        assert!(set.is_ephemeral());
        assert!(format!("{set:?}").contains("<@&777>"));
        let unset = format!("{:?}", settings(&TeachingSettings::default()));
        assert!(unset.contains("/kb setup mentor_role:"), "{unset}");
    }
}
