//! Understanding a question: `reader` reads it into a `Reading`, `intent` turns the reading
//! into the request a command would make, `clarify` asks which role when one is needed and
//! not clear.

pub mod clarify;
pub mod intent;
pub mod reader;
