//! `--format json` / `--json FILE`: seam's own stable report format,
//! documented field by field in `docs/json-format.md`. Bump
//! [`FORMAT_VERSION`] on any incompatible change.

use serde::{Deserialize, Serialize};

use super::{RunReport, SuppressedFinding, ToolInfo};
use crate::analysis::Stats;
use crate::ingest::IngestError;
use crate::rules::Finding;

pub const FORMAT_VERSION: u32 = 1;

/// The JSON document. Field order is the serialisation order.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct JsonReport {
    pub version: u32,
    pub tool: ToolInfo,
    /// Reported findings: after suppressions, and only new ones when a
    /// baseline was given. Ranked, most important first.
    pub findings: Vec<Finding>,
    /// Inputs that could not be read.
    pub errors: Vec<IngestError>,
    pub suppressed: Vec<SuppressedFinding>,
    pub stats: Stats,
    /// Present when `--baseline` was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineSummary>,
}

/// How the current findings compare with a baseline.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BaselineSummary {
    /// The baseline file as given on the command line.
    pub file: String,
    /// Findings not in the baseline (the ones in `findings`).
    pub new: usize,
    /// Findings also in the baseline (left out of `findings`).
    pub unchanged: usize,
    /// Fingerprints of baseline findings that are gone.
    pub absent: Vec<String>,
}

impl JsonReport {
    pub fn new(report: &RunReport) -> JsonReport {
        JsonReport {
            version: FORMAT_VERSION,
            tool: ToolInfo::current(),
            findings: report.findings.clone(),
            errors: report.errors.clone(),
            suppressed: report.suppressed.clone(),
            stats: report.stats.clone(),
            baseline: report.baseline.clone(),
        }
    }
}

/// Pretty-printed JSON, newline-terminated.
pub fn render(report: &RunReport) -> String {
    // Serialising plain data with string keys cannot fail.
    let mut s = serde_json::to_string_pretty(&JsonReport::new(report)).unwrap_or_default();
    s.push('\n');
    s
}

/// Reads a JSON report back (for `--baseline`). The error says why the
/// document is not a seam report.
pub fn parse(text: &str) -> Result<JsonReport, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) => {
            return Err(format!(
                "seam JSON format version {v} is not supported (expected {FORMAT_VERSION})"
            ))
        }
        None => return Err("not a seam JSON report: no `version`".into()),
    }
    serde_json::from_value(value).map_err(|e| format!("not a seam JSON report: {e}"))
}
