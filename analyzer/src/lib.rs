//! seam: finds shared-data races where Linux-kernel C code and Rust code meet.
//!
//! The pipeline flows one way; each stage is a module with one public entry
//! that consumes the previous stage's data and knows nothing of later ones:
//!
//! ```text
//! ingest -> program -> callgraph -> memory -> threads -> locks -> accesses -> rules -> report
//! ```
//!
//! See `docs/architecture.md` for the code map and each stage's invariants.

pub mod accesses;
pub mod analysis;
pub mod callgraph;
pub mod config;
pub mod ingest;
pub mod ir;
pub mod locks;
pub mod memory;
pub mod program;
pub mod report;
pub mod rules;
pub mod threads;
