//! `--baseline FILE`: an earlier seam SARIF log or JSON report. A finding
//! is in the baseline when its `fingerprint` is (fingerprints leave out line
//! numbers, so moved code does not make a finding "new").

use std::collections::HashSet;
use std::path::Path;

use seam::rules::Finding;
use serde_json::Value;

/// The findings of the earlier run, in the form the file had.
pub enum Prior {
    /// From seam JSON: the findings and suppressed findings.
    Json(Vec<Finding>),
    /// From SARIF: each result's fingerprint and the result itself.
    Sarif(Vec<(String, Value)>),
}

pub struct Baseline {
    /// The file as given on the command line.
    pub file: String,
    pub prior: Prior,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{file}: {e}"))?;
        let value: Value =
            serde_json::from_str(&text).map_err(|e| format!("{file}: not JSON: {e}"))?;
        let prior = if value.get("runs").is_some() {
            Prior::Sarif(seam_sarif::prior_results(&value).map_err(|e| format!("{file}: {e}"))?)
        } else {
            let report = seam::report::json::parse(&text).map_err(|e| format!("{file}: {e}"))?;
            let mut findings = report.findings;
            findings.extend(report.suppressed.into_iter().map(|s| s.finding));
            Prior::Json(findings)
        };
        Ok(Baseline { file, prior })
    }

    pub fn fingerprints(&self) -> HashSet<&str> {
        match &self.prior {
            Prior::Json(fs) => fs.iter().map(|f| f.fingerprint.as_str()).collect(),
            Prior::Sarif(rs) => rs.iter().map(|(fp, _)| fp.as_str()).collect(),
        }
    }

    /// Fingerprints of baseline findings not among `current`, each once, in
    /// baseline order.
    pub fn absent<'a>(&'a self, current: &HashSet<&str>) -> Vec<&'a str> {
        let mut seen = HashSet::new();
        let all: Vec<&str> = match &self.prior {
            Prior::Json(fs) => fs.iter().map(|f| f.fingerprint.as_str()).collect(),
            Prior::Sarif(rs) => rs.iter().map(|(fp, _)| fp.as_str()).collect(),
        };
        all.into_iter()
            .filter(|fp| !current.contains(fp) && seen.insert(*fp))
            .collect()
    }
}
