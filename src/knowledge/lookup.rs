//! Looking things up in a built base: role names typed by a member (`index`: exact,
//! prefix, fuzzy), roles named in free text (`mentions`), what each fact says, read once (`notes`), and
//! every fact (`search`).

pub mod index;
pub mod mentions;
pub mod notes;
pub mod search;
pub mod terms;
