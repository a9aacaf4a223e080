//! Adding an article from Discord: a mentor fills in a form, sees a private preview of what
//! the article would teach (kept meanwhile as a draft bound to them), and presses Add or
//! Cancel. Nothing reaches the knowledge base before Add.

use super::manage::mentor_only;
use super::model::{Article, Draft, DraftId, DRAFT_DOCUMENT};
use super::rights::Asker;
use super::store::TeachingStore;
use super::{problem_of, TeachingProblem};
use crate::knowledge::building::preview::Preview;
use crate::knowledge::KnowledgeBase;

/// The form's `custom_id`, and its inputs'.
pub const FORM_ID: &str = "kb_add";
pub const TITLE_INPUT: &str = "title";
pub const TEXT_INPUT: &str = "article";

/// What a draft's button asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Add,
    Cancel,
}

/// A draft's Add or Cancel button, as its `custom_id` carries it: `kb_draft:add:<id>`.
/// Command lines start with `/`, so the two never meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftButton {
    pub decision: Decision,
    pub draft: DraftId,
}

const BUTTON_PREFIX: &str = "kb_draft:";

impl DraftButton {
    pub fn custom_id(&self) -> String {
        let decision = match self.decision {
            Decision::Add => "add",
            Decision::Cancel => "cancel",
        };
        format!("{BUTTON_PREFIX}{decision}:{}", self.draft.0)
    }

    /// The button a `custom_id` names, if it names one. The id is only read here; whether
    /// the draft exists and is the clicker's is the store's to say.
    pub fn parse(custom_id: &str) -> Option<DraftButton> {
        let (decision, id) = custom_id.strip_prefix(BUTTON_PREFIX)?.split_once(':')?;
        let decision = match decision {
            "add" => Decision::Add,
            "cancel" => Decision::Cancel,
            _ => return None,
        };
        let is_id = !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_hexdigit());
        is_id.then(|| DraftButton {
            decision,
            draft: DraftId(id.to_owned()),
        })
    }
}

/// Reads a submitted article into `base`'s terms and keeps it as a draft for its author,
/// under the title `title` gives it once read (typed in the form, or from the file). An
/// article that teaches no role is refused with the reader's reason, and kept nowhere.
pub async fn draft(
    store: &TeachingStore,
    asker: &Asker,
    base: &KnowledgeBase,
    (title, text): (impl FnOnce(&Preview) -> String, &str),
    now: i64,
) -> Result<(Draft, Preview), TeachingProblem> {
    mentor_only(store, asker).await?;
    let preview = Preview::of(base, DRAFT_DOCUMENT, text);
    if let Some(reason) = preview.refusal() {
        return Err(TeachingProblem::Refused(format!(
            "This article can't be added: {reason}. Give each role a heading (\"## Data Engineer\") with what the role does, needs and uses below it."
        )));
    }
    let draft = store
        .save_draft(asker.guild, &asker.user, &title(&preview), text, now)
        .await
        .map_err(problem_of)?;
    Ok((draft, preview))
}

/// The author's Add (the article, added) or Cancel (`None`).
pub async fn decide(
    store: &TeachingStore,
    asker: &Asker,
    button: &DraftButton,
    now: i64,
) -> Result<Option<Article>, TeachingProblem> {
    mentor_only(store, asker).await?;
    let (guild, user) = (asker.guild, asker.user.as_str());
    match button.decision {
        Decision::Add => store
            .confirm_draft(&button.draft, guild, user, now)
            .await
            .map(Some)
            .map_err(problem_of),
        Decision::Cancel => store
            .discard_draft(&button.draft, guild, user, now)
            .await
            .map(|()| None)
            .map_err(problem_of),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_button_reads_back_and_nothing_else_does() {
        let add = DraftButton {
            decision: Decision::Add,
            draft: DraftId("0123abcd".repeat(4)),
        };
        assert_eq!(DraftButton::parse(&add.custom_id()), Some(add.clone()));
        assert!(add.custom_id().len() <= 100);
        let cancel = DraftButton {
            decision: Decision::Cancel,
            ..add
        };
        assert_eq!(DraftButton::parse(&cancel.custom_id()), Some(cancel));
        for forged in [
            "kb_draft:add:",
            "kb_draft:delete:abcd",
            "kb_draft:add:not-hex",
            "/kb add",
            "kb_draft:add:abcd:ef",
        ] {
            assert_eq!(DraftButton::parse(forged), None, "{forged}");
        }
    }
}
