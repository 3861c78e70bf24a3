//! The part of `seam check --format json` the scorer reads. Deserialised
//! leniently (unknown fields ignored, optional ones defaulted) so that the
//! analyzer can grow its format without breaking the judge.

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Report {
    pub version: u32,
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Input errors; any value is accepted (string or object).
    #[serde(default)]
    pub errors: Vec<serde_json::Value>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Finding {
    pub rule: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub accesses: Vec<Access>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Access {
    #[serde(default)]
    pub function: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub loc: Option<Loc>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub marking: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Loc {
    pub file: String,
    pub line: u32,
    #[serde(default)]
    pub column: u32,
}

impl Report {
    pub fn parse(stdout: &str) -> Result<Report, String> {
        let r: Report = serde_json::from_str(stdout.trim()).map_err(|e| {
            format!(
                "seam output is not the JSON report ({e}); first bytes: {:?}",
                head(stdout)
            )
        })?;
        if r.version != 1 {
            return Err(format!(
                "unsupported seam JSON report version {}",
                r.version
            ));
        }
        Ok(r)
    }
}

fn head(s: &str) -> &str {
    let end = s.char_indices().nth(200).map(|(i, _)| i).unwrap_or(s.len());
    &s[..end]
}

impl Finding {
    /// `rule @ file:line, file:line` for diffs.
    pub fn describe(&self) -> String {
        let locs: Vec<String> = self
            .accesses
            .iter()
            .map(|a| match &a.loc {
                Some(l) => format!("{}:{} ({}, {})", short(&l.file), l.line, a.function, a.kind),
                None => format!("<no location> ({}, {})", a.function, a.kind),
            })
            .collect();
        format!("{} [{}] {}", self.rule, self.location, locs.join(" <-> "))
    }
}

/// The last two path components: enough to identify a case file in a diff.
pub fn short(path: &str) -> String {
    let parts: Vec<&str> = path.rsplit('/').take(2).collect();
    parts.into_iter().rev().collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_minimal_and_full_reports() {
        let r = Report::parse(r#"{"version":1,"findings":[],"errors":[]}"#).unwrap();
        assert!(r.findings.is_empty());
        let r = Report::parse(
            r#"{"version":1,"findings":[{"rule":"data-race","level":"warning","title":"t","message":"m",
            "location":"struct d.n","accesses":[{"function":"f","language":"c","loc":{"file":"/a.c","line":3,"column":5},
            "kind":"write","size":4,"marking":"plain","lockset":[],"root":"r","path":[]},
            {"function":"g","language":"rust","loc":null,"kind":"read","marking":"plain"}],"related":[],
            "confidence":0.5,"fingerprint":"x"}],"errors":["bad.bc: not bitcode"]}"#,
        )
        .unwrap();
        assert_eq!(r.findings[0].accesses[0].loc.as_ref().unwrap().line, 3);
        assert!(r.findings[0].accesses[1].loc.is_none());
        assert_eq!(r.errors.len(), 1);
    }

    #[test]
    fn rejects_other_output() {
        assert!(Report::parse("ingested 3 modules").is_err());
        assert!(Report::parse(r#"{"version":2,"findings":[]}"#)
            .unwrap_err()
            .contains("version"));
    }
}
