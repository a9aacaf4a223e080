//! Adding an article from Discord, as the service carries it out: the form (for mentors
//! only), the preview kept as a draft, and the author's Add (the article stored, the
//! server's knowledge base rebuilt) or Cancel. Each step checks the asker again.

use crate::advisor::{adding as render, Problem};
use crate::jobs::rights::Caller;
use crate::knowledge::building::preview::Preview;
use crate::reply::form::Form;
use crate::reply::Reply;
use crate::teaching::adding::{self, DraftButton, TEXT_INPUT, TITLE_INPUT};
use crate::teaching::{upload, TeachingProblem};

use super::Service;

impl Service {
    /// Whether the caller may add articles (a mentor of their server), asked before a form
    /// opens or a file is downloaded.
    pub async fn may_add_articles(&self, caller: &Caller) -> Result<(), Problem> {
        let store = self.teaching_store_or_unavailable().await?;
        crate::teaching::manage::mentor_only(&store, &super::asker_of(caller)).await?;
        Ok(())
    }

    /// The form `/kb add` opens, or why the caller may not add articles.
    pub async fn article_form(&self, caller: &Caller) -> Result<Form, Problem> {
        self.may_add_articles(caller).await?;
        Ok(render::form())
    }

    /// The submitted form (input id → value): kept as the caller's draft, and previewed
    /// against the base their server answers from.
    pub async fn preview_article(
        &self,
        caller: &Caller,
        value: impl Fn(&str) -> Option<String>,
        now: i64,
    ) -> Result<Reply, Problem> {
        let (Some(title), Some(text)) = (value(TITLE_INPUT), value(TEXT_INPUT)) else {
            return Err(TeachingProblem::Refused(
                "The form came back without its title or article; run `/kb add` again.".into(),
            )
            .into());
        };
        self.preview(caller, |_| title, &text, now).await
    }

    /// An uploaded file, once downloaded: its text kept as the caller's draft under the
    /// article's own title (else the file's name) and previewed, as a submitted form is.
    pub async fn preview_upload(
        &self,
        caller: &Caller,
        filename: &str,
        bytes: &[u8],
        now: i64,
    ) -> Result<Reply, Problem> {
        let text = upload::read_file(bytes).map_err(TeachingProblem::from)?;
        let title = |preview: &Preview| upload::title_for(&preview.title, filename);
        self.preview(caller, title, &text, now).await
    }

    async fn preview(
        &self,
        caller: &Caller,
        title: impl FnOnce(&Preview) -> String,
        text: &str,
        now: i64,
    ) -> Result<Reply, Problem> {
        let store = self.teaching_store_or_unavailable().await?;
        let kb = self.knowledge_for(caller);
        let asker = super::asker_of(caller);
        let (draft, preview) = adding::draft(&store, &asker, &kb, (title, text), now).await?;
        Ok(render::preview(&draft.title, &preview, &draft.id))
    }

    /// The caller's Add or Cancel on a draft.
    pub async fn decide_draft(
        &self,
        caller: &Caller,
        button: &DraftButton,
        now: i64,
    ) -> Result<Reply, Problem> {
        let store = self.teaching_store_or_unavailable().await?;
        let asker = super::asker_of(caller);
        let Some(article) = adding::decide(&store, &asker, button, now).await? else {
            return Ok(render::cancelled());
        };
        self.refresh_server(&store, asker.guild)
            .await
            .map_err(crate::teaching::problem_of)?;
        let kb = self.library().for_server(asker.guild);
        let roles = super::library::roles_taught(&kb, article.id);
        Ok(render::added(&article, &roles))
    }
}
