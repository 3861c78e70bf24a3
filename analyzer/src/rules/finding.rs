//! What a rule reports. Plain data, serialised as-is into seam's JSON
//! format (`docs/json-format.md`) and mapped by the binary into SARIF.

use serde::{Deserialize, Serialize};

use crate::ir::Language;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A position in a source file, 1-based.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SourceLoc {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccessKind {
    Read,
    Write,
    /// Atomic read-modify-write (or a model's rmw).
    Update,
}

/// A lock held at an access.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldLock {
    /// Source name, e.g. `struct my_dev.lock`.
    pub name: String,
    /// `spin`, `mutex`, `rwlock` …
    pub kind: String,
    /// `read` or `write` (exclusive).
    pub mode: String,
    pub acquired_at: Option<SourceLoc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// Entry of the thread root.
    Entry,
    Call,
    Acquire,
    Release,
    Memory,
}

/// One step of the path from a thread root to an access.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStep {
    pub kind: StepKind,
    pub function: String,
    pub language: Language,
    pub loc: Option<SourceLoc>,
    pub message: String,
}

/// One side of a finding: a memory access, where and how it happens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessSite {
    pub function: String,
    pub language: Language,
    pub loc: Option<SourceLoc>,
    pub kind: AccessKind,
    pub size: u32,
    /// `plain`, `volatile`, `atomic(acquire)`, `asm(lock)`, `model(atomic_read)` …
    pub marking: String,
    pub lockset: Vec<HeldLock>,
    /// Name of the thread root (e.g. `irq handler my_irq`) and its context.
    pub root: String,
    pub path: Vec<PathStep>,
}

/// Any other location a finding wants to show (a lock acquisition, a
/// publishing store, the data a flag guards).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub loc: SourceLoc,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub level: Level,
    /// One sentence, no trailing period.
    pub title: String,
    /// Full explanation; may span several sentences.
    pub message: String,
    /// Source-level name of the memory location, e.g. `struct my_dev.count`.
    pub location: String,
    /// The accesses involved, the primary one first. Usually two.
    pub accesses: Vec<AccessSite>,
    pub related: Vec<Related>,
    /// Ranking score in [0, 1]; higher is more likely real.
    pub confidence: f32,
    /// Stable identity independent of line numbers: rule, the functions of the
    /// accesses and the location name.
    pub fingerprint: String,
}
