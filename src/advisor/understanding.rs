//! Understanding a question: `reader` reads it into a `Reading`, `intent` turns the reading
//! into the request a command would make, `clarify` asks which role when one is needed and
//! not clear, `confidence` says whether a reading is sure enough to answer unasked.

pub mod clarify;
pub mod confidence;
pub mod intent;
pub mod reader;
