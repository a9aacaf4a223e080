//! Looking things up in a built base: role names typed by a member (`index`: exact,
//! prefix, fuzzy), roles named in free text (`mentions`), and every fact (`search`).

pub mod index;
pub mod mentions;
pub mod search;
pub mod terms;
