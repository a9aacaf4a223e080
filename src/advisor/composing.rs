//! Composing answers: what an answer shows of a role's facts (`shown`), the point of a
//! comparison (`in_short`), the facts naming what was asked (`focus`), a yes/no verdict
//! (`verdict`), numbered sources (`sources`), the buttons that lead on (`next`), and the
//! "Was this useful?" pair that ends every answer (`feedback`).

pub mod feedback;
pub mod focus;
pub mod in_short;
pub mod next;
pub mod shown;
pub mod sources;
pub mod verdict;
