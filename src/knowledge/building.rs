//! Building the base: articles read on the other cores and merged in order (`parallel`),
//! roles merged across articles (`merge`), stray facts filed under the aspects they speak
//! to (`filing`), with the curated data of `roles.toml` (`curated`) and `skills.toml`
//! (`taxonomy`); `report` says what was built, for `kb check`; `preview` what one more
//! article would teach, before it is added; `reload` what reloading the shipped documents
//! did; `shelf` documents read and merged once, to build bases over them plus a few more
//! articles without reading them again.

pub mod filing;
pub mod finishing;
pub mod merge;
pub mod parallel;
pub mod preview;
pub mod reload;
pub mod report;
pub mod shelf;
