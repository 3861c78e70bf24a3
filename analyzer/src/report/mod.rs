//! Report: the findings of a run as terminal text ([`text`]) or seam's JSON
//! format ([`json`]), plus what both need — suppressions ([`suppress`]) and
//! source lines ([`source`]). SARIF is produced by the `seam` binary through
//! the `seam-sarif` crate; the library does not know SARIF exists.

pub mod json;
pub mod source;
pub mod suppress;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::analysis::Stats;
use crate::ingest::IngestError;
use crate::rules::{Finding, Level};

pub use json::BaselineSummary;
pub use source::SourceCache;
pub use suppress::SuppressedFinding;

/// Identity of the tool in reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToolInfo {
    pub name: String,
    pub version: String,
    pub information_uri: String,
}

impl ToolInfo {
    pub fn current() -> ToolInfo {
        ToolInfo {
            name: "seam".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            information_uri: env!("CARGO_PKG_REPOSITORY").into(),
        }
    }
}

/// What a run reports, after suppressions and baseline filtering.
#[derive(Clone, Debug, Default)]
pub struct RunReport {
    /// Findings to show and count for the exit status.
    pub findings: Vec<Finding>,
    pub suppressed: Vec<SuppressedFinding>,
    pub errors: Vec<IngestError>,
    pub stats: Stats,
    pub baseline: Option<BaselineSummary>,
}

impl RunReport {
    /// Whether any reported finding is at or above `level`.
    pub fn has_findings_at(&self, level: Level) -> bool {
        self.findings.iter().any(|f| f.level >= level)
    }
}
