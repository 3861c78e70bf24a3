//! Rules: pair accesses per location, decide which pairs are findings.

mod finding;
pub use finding::*;
