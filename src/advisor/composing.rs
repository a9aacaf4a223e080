//! Composing answers: what an answer shows of a role's facts (`shown`), the point of a
//! comparison (`in_short`), the facts naming what was asked (`focus`), a yes/no verdict
//! (`verdict`), numbered sources (`sources`), and the buttons that lead on (`next`).

pub mod focus;
pub mod in_short;
pub mod next;
pub mod shown;
pub mod sources;
pub mod verdict;
