//! `[[suppress]]` entries of `seam.toml`: findings a project has reviewed
//! and decided are not bugs. They are left out of terminal output and the
//! exit status, and kept (with the reason) in JSON and SARIF so the
//! decision stays auditable.

use serde::{Deserialize, Serialize};

use crate::config::Suppression;
use crate::rules::Finding;

/// A finding removed by a suppression, with the suppression's reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuppressedFinding {
    pub finding: Finding,
    /// The `reason` of the matching `[[suppress]]` entry.
    pub justification: String,
}

/// Result of applying suppressions.
#[derive(Debug, Default)]
pub struct Suppressed {
    pub kept: Vec<Finding>,
    pub suppressed: Vec<SuppressedFinding>,
    /// Indices of `[[suppress]]` entries that matched nothing (stale entries
    /// worth a warning).
    pub unused: Vec<usize>,
}

/// Splits `findings` into kept and suppressed. An entry matches a finding of
/// its `rule` (or of any rule when `rule = "*"`) when every criterion it
/// gives matches: `function` (one of the accesses is in that function; a
/// Rust path matches by its last segments, so `poll` matches
/// `foo::Dev::poll`) and `location` (the memory location name, exactly).
/// An entry with neither criterion suppresses the whole rule.
pub fn apply(findings: Vec<Finding>, entries: &[Suppression]) -> Suppressed {
    let mut used = vec![false; entries.len()];
    let mut out = Suppressed::default();
    for f in findings {
        match entries.iter().position(|s| matches(s, &f)) {
            Some(i) => {
                used[i] = true;
                out.suppressed.push(SuppressedFinding {
                    justification: entries[i].reason.clone(),
                    finding: f,
                });
            }
            None => out.kept.push(f),
        }
    }
    out.unused = used
        .iter()
        .enumerate()
        .filter(|(_, u)| !**u)
        .map(|(i, _)| i)
        .collect();
    out
}

fn matches(s: &Suppression, f: &Finding) -> bool {
    if s.rule != "*" && s.rule != f.rule {
        return false;
    }
    if let Some(func) = &s.function {
        if !f
            .accesses
            .iter()
            .any(|a| function_matches(func, &a.function))
        {
            return false;
        }
    }
    if let Some(loc) = &s.location {
        if loc != &f.location {
            return false;
        }
    }
    true
}

fn function_matches(pattern: &str, function: &str) -> bool {
    function == pattern
        || function
            .strip_suffix(pattern)
            .is_some_and(|prefix| prefix.ends_with("::"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Language;
    use crate::rules::{AccessKind, AccessSite, Level};

    fn finding(rule: &str, functions: &[&str], location: &str) -> Finding {
        Finding {
            rule: rule.into(),
            level: Level::Error,
            title: "t".into(),
            message: String::new(),
            location: location.into(),
            accesses: functions
                .iter()
                .map(|f| AccessSite {
                    function: f.to_string(),
                    language: Language::C,
                    loc: None,
                    kind: AccessKind::Read,
                    size: 4,
                    marking: "plain".into(),
                    lockset: vec![],
                    root: "r".into(),
                    path: vec![],
                })
                .collect(),
            related: vec![],
            confidence: 0.5,
            fingerprint: format!("{rule}:{}", functions.join(":")),
        }
    }

    fn entry(rule: &str, function: Option<&str>, location: Option<&str>) -> Suppression {
        Suppression {
            rule: rule.into(),
            function: function.map(Into::into),
            location: location.map(Into::into),
            reason: "reviewed".into(),
        }
    }

    #[test]
    fn matching() {
        let fs = vec![
            finding(
                "data-race",
                &["foo_irq", "foo::Dev::poll"],
                "struct foo_dev.events",
            ),
            finding("data-race", &["bar_irq", "bar_show"], "struct bar.count"),
            finding(
                "ffi-data-race",
                &["foo_irq", "foo::Dev::poll"],
                "struct foo_dev.events",
            ),
        ];
        let out = apply(
            fs,
            &[
                entry("data-race", Some("poll"), None),
                entry("ffi-data-race", Some("foo_irq"), Some("struct other.x")),
                entry("lock-order-inversion", None, None),
            ],
        );
        assert_eq!(out.suppressed.len(), 1);
        assert_eq!(out.suppressed[0].finding.location, "struct foo_dev.events");
        assert_eq!(out.suppressed[0].justification, "reviewed");
        assert_eq!(out.kept.len(), 2);
        assert_eq!(out.unused, vec![1, 2]);
        // Suffix matching is by whole path segments.
        assert!(!function_matches("oll", "foo::Dev::poll"));
        let all = apply(
            vec![finding("data-race", &["a"], "x")],
            &[entry("*", None, Some("x"))],
        );
        assert_eq!(all.suppressed.len(), 1);
    }
}
