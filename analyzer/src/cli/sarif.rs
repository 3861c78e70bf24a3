//! Maps seam's findings onto `seam-sarif`'s view types. Source files are
//! read here (through the report's `SourceCache`) to turn debug-info byte
//! columns into UTF-16 columns and to find where each accessed expression
//! ends.

use std::collections::HashSet;
use std::path::PathBuf;

use seam::ingest::IngestError;
use seam::report::source::{token_end, utf16_column};
use seam::report::{SourceCache, SuppressedFinding, ToolInfo};
use seam::rules::{catalog, AccessKind, AccessSite, Finding, HeldLock, Level, SourceLoc, StepKind};
use seam_sarif as sv;

use super::baseline::{Baseline, Prior};

/// Everything the SARIF run is made of.
pub struct SarifInput<'a> {
    /// Findings after suppressions (all of them, new and unchanged).
    pub findings: &'a [Finding],
    pub suppressed: &'a [SuppressedFinding],
    pub baseline: Option<&'a Baseline>,
    pub errors: &'a [IngestError],
    pub notes: &'a [String],
    pub category: String,
    /// Absolute.
    pub source_root: PathBuf,
}

pub fn run_view(input: &SarifInput, sources: &mut SourceCache) -> sv::RunView {
    let tool = ToolInfo::current();
    let known: Option<HashSet<&str>> = input.baseline.map(Baseline::fingerprints);
    let state = |f: &Finding| {
        known.as_ref().map(|k| {
            if k.contains(f.fingerprint.as_str()) {
                sv::BaselineState::Unchanged
            } else {
                sv::BaselineState::New
            }
        })
    };
    let mut results: Vec<sv::ResultView> = Vec::new();
    for f in input.findings {
        results.push(result_view(f, state(f), None, sources));
    }
    for s in input.suppressed {
        results.push(result_view(
            &s.finding,
            state(&s.finding),
            Some(s.justification.clone()),
            sources,
        ));
    }
    let mut absent_sarif = Vec::new();
    if let Some(b) = input.baseline {
        let current: HashSet<&str> = input
            .findings
            .iter()
            .chain(input.suppressed.iter().map(|s| &s.finding))
            .map(|f| f.fingerprint.as_str())
            .collect();
        let absent: HashSet<&str> = b.absent(&current).into_iter().collect();
        match &b.prior {
            Prior::Json(fs) => {
                let mut done = HashSet::new();
                for f in fs.iter().filter(|f| {
                    absent.contains(f.fingerprint.as_str()) && done.insert(f.fingerprint.as_str())
                }) {
                    results.push(result_view(
                        f,
                        Some(sv::BaselineState::Absent),
                        None,
                        sources,
                    ));
                }
            }
            Prior::Sarif(rs) => {
                let mut done = HashSet::new();
                for (fp, r) in rs {
                    if absent.contains(fp.as_str()) && done.insert(fp.as_str()) {
                        absent_sarif.push(r.clone());
                    }
                }
            }
        }
    }
    let mut notifications: Vec<sv::NotificationView> = input
        .errors
        .iter()
        .map(|e| sv::NotificationView {
            level: sv::Level::Error,
            message: e.to_string(),
            file: Some(e.path.clone()),
        })
        .collect();
    notifications.extend(input.notes.iter().map(|n| sv::NotificationView {
        level: sv::Level::Note,
        message: n.clone(),
        file: None,
    }));
    sv::RunView {
        tool: sv::ToolView {
            name: tool.name,
            version: tool.version,
            information_uri: tool.information_uri,
        },
        rules: rules(),
        results,
        absent_sarif_results: absent_sarif,
        notifications,
        category: input.category.clone(),
        source_root: input.source_root.clone(),
        execution_successful: true,
    }
}

/// Every rule of the catalog, whether it fired or not.
pub fn rules() -> Vec<sv::RuleView> {
    catalog::all()
        .iter()
        .map(|r| sv::RuleView {
            id: r.id.into(),
            name: r.name.into(),
            level: level(r.level),
            short_description: r.short_description.into(),
            full_description: catalog::what_it_does(r.id)
                .unwrap_or_else(|| r.short_description.into()),
            help_markdown: catalog::doc_markdown(r.id).unwrap_or_default(),
            tags: r.tags.iter().map(|t| t.to_string()).collect(),
            precision: r.precision.into(),
        })
        .collect()
}

fn level(l: Level) -> sv::Level {
    match l {
        Level::Note => sv::Level::Note,
        Level::Warning => sv::Level::Warning,
        Level::Error => sv::Level::Error,
    }
}

fn result_view(
    f: &Finding,
    baseline_state: Option<sv::BaselineState>,
    suppression: Option<String>,
    sources: &mut SourceCache,
) -> sv::ResultView {
    let mut related: Vec<sv::RelatedView> = Vec::new();
    for a in &f.accesses {
        for l in &a.lockset {
            if let Some(at) = &l.acquired_at {
                related.push(sv::RelatedView {
                    loc: loc_view(at, sources),
                    message: format!("`{}` ({} lock, {}) acquired here", l.name, l.kind, l.mode),
                });
            }
        }
    }
    related.extend(f.related.iter().map(|r| sv::RelatedView {
        loc: loc_view(&r.loc, sources),
        message: r.message.clone(),
    }));
    sv::ResultView {
        rule_id: f.rule.clone(),
        level: level(f.level),
        title: f.title.clone(),
        detail: f.message.clone(),
        accesses: f.accesses.iter().map(|a| access_view(a, sources)).collect(),
        related,
        fingerprint: f.fingerprint.clone(),
        confidence: f.confidence,
        memory_location: f.location.clone(),
        baseline_state,
        suppression,
    }
}

fn access_view(a: &AccessSite, sources: &mut SourceCache) -> sv::AccessView {
    let lockset = lockset_text(&a.lockset);
    sv::AccessView {
        label: match a.kind {
            AccessKind::Read => "read",
            AccessKind::Write => "write",
            AccessKind::Update => "update",
        }
        .into(),
        summary: format!(
            "in `{}` ({}, {}, {lockset})",
            a.function,
            a.language.name(),
            a.marking
        ),
        loc: a.loc.as_ref().map(|l| loc_view(l, sources)),
        root: a.root.clone(),
        language: a.language.name().into(),
        lockset,
        steps: a
            .path
            .iter()
            .map(|s| sv::StepView {
                kind: match s.kind {
                    StepKind::Entry => sv::StepKind::Entry,
                    StepKind::Call => sv::StepKind::Call,
                    StepKind::Acquire => sv::StepKind::Acquire,
                    StepKind::Release => sv::StepKind::Release,
                    StepKind::Memory => sv::StepKind::Memory,
                },
                loc: s.loc.as_ref().map(|l| loc_view(l, sources)),
                message: if s.message.is_empty() {
                    format!("{} ({})", s.function, s.language.name())
                } else {
                    s.message.clone()
                },
            })
            .collect(),
    }
}

fn lockset_text(locks: &[HeldLock]) -> String {
    if locks.is_empty() {
        "no lock held".into()
    } else {
        format!(
            "holding {}",
            locks
                .iter()
                .map(|l| format!("`{}`", l.name))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// Region from a debug-info position: UTF-16 columns, the end of the
/// accessed expression when the source line is readable. An unknown column
/// (0) covers the line's text.
fn loc_view(l: &SourceLoc, sources: &mut SourceCache) -> sv::LocView {
    let Some(line) = sources.line(&l.file, l.line) else {
        return sv::LocView {
            file: l.file.clone(),
            line: l.line,
            column: l.column,
            end_column: None,
        };
    };
    if l.column == 0 {
        let first = line.len() - line.trim_start().len();
        let start = utf16_column(line, first as u32 + 1);
        let end = utf16_column(line, line.trim_end().len() as u32 + 1);
        return sv::LocView {
            file: l.file.clone(),
            line: l.line,
            column: start,
            end_column: Some(end),
        };
    }
    let end = token_end(line, l.column).map(|e| utf16_column(line, e));
    sv::LocView {
        file: l.file.clone(),
        line: l.line,
        column: utf16_column(line, l.column),
        end_column: end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use seam::ir::Language;
    use seam::rules::{PathStep, Related};

    fn finding(fingerprint: &str) -> Finding {
        let at = |file: &str, line, column| {
            Some(SourceLoc {
                file: file.into(),
                line,
                column,
            })
        };
        Finding {
            rule: "ffi-lock-mismatch".into(),
            level: Level::Error,
            title: "`struct foo_dev.mode` is guarded by different locks in C and Rust".into(),
            message: "No lock is held on both sides.".into(),
            location: "struct foo_dev.mode".into(),
            accesses: vec![
                AccessSite {
                    function: "foo_set_mode".into(),
                    language: Language::C,
                    loc: at("drivers/foo.c", 2, 2),
                    kind: AccessKind::Write,
                    size: 4,
                    marking: "plain".into(),
                    lockset: vec![HeldLock {
                        name: "struct foo_dev.lock".into(),
                        kind: "spin".into(),
                        mode: "write".into(),
                        acquired_at: at("drivers/foo.c", 1, 2),
                    }],
                    root: "ioctl foo_ioctl".into(),
                    path: vec![],
                },
                AccessSite {
                    function: "foo::Dev::stop::{closure#0}".into(),
                    language: Language::Rust,
                    loc: at("rust/foo.rs", 1, 0),
                    kind: AccessKind::Write,
                    size: 4,
                    marking: "plain".into(),
                    lockset: vec![],
                    root: "work item foo_work".into(),
                    path: vec![PathStep {
                        kind: StepKind::Entry,
                        function: "foo_work".into(),
                        language: Language::Rust,
                        loc: None,
                        message: String::new(),
                    }],
                },
            ],
            related: vec![Related {
                loc: SourceLoc {
                    file: "drivers/foo.c".into(),
                    line: 1,
                    column: 2,
                },
                message: "duplicate of the lock site".into(),
            }],
            confidence: 0.7,
            fingerprint: fingerprint.into(),
        }
    }

    #[test]
    fn maps_findings_onto_sarif() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("drivers")).unwrap();
        std::fs::create_dir_all(dir.path().join("rust")).unwrap();
        std::fs::write(
            dir.path().join("drivers/foo.c"),
            "\tspin_lock(&dev->lock);\n\tdev->mode = 1;\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("rust/foo.rs"),
            "    /* é */ unsafe { (*d).mode = 0 };\n",
        )
        .unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let mut sources = SourceCache::new(vec![root.clone()]);

        let current = vec![finding("new-one"), finding("old-one")];
        let suppressed = vec![SuppressedFinding {
            finding: finding("quiet"),
            justification: "reviewed".into(),
        }];
        let baseline = Baseline {
            file: "b.json".into(),
            prior: Prior::Json(vec![finding("old-one"), finding("gone")]),
        };
        let input = SarifInput {
            findings: &current,
            suppressed: &suppressed,
            baseline: Some(&baseline),
            errors: &[],
            notes: &[],
            category: "seam".into(),
            source_root: root,
        };
        let log = serde_json::to_value(sv::build(&run_view(&input, &mut sources))).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        let states: Vec<&str> = results
            .iter()
            .map(|r| r["baselineState"].as_str().unwrap())
            .collect();
        assert_eq!(states, ["new", "unchanged", "new", "absent"]);
        assert_eq!(results[2]["suppressions"][0]["justification"], "reviewed");
        assert_eq!(
            results[0]["ruleIndex"],
            catalog::index_of("ffi-lock-mismatch").unwrap()
        );

        let r = &results[0];
        let region = &r["locations"][0]["physicalLocation"]["region"];
        // `dev->mode` from column 2 ends at column 11.
        assert_eq!(
            (region["startColumn"].as_i64(), region["endColumn"].as_i64()),
            (Some(2), Some(11))
        );
        // Unknown column: the line's text; `é` counts one UTF-16 unit.
        let rust = &r["relatedLocations"][1]["physicalLocation"]["region"];
        assert_eq!(
            (rust["startColumn"].as_i64(), rust["endColumn"].as_i64()),
            (Some(5), Some(38))
        );
        // Accesses 1 and 2, then the lock acquisition; the duplicate related place is dropped.
        let related = r["relatedLocations"].as_array().unwrap();
        assert_eq!(related.len(), 3);
        assert!(related[2]["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("`struct foo_dev.lock` (spin lock, write) acquired here"));
        let text = r["message"]["text"].as_str().unwrap();
        assert!(
            text.contains("[write](1) in `foo_set_mode` (C, plain, holding `struct foo_dev.lock`)"),
            "{text}"
        );
        assert!(
            text.contains(
                "[write](2) in `foo::Dev::stop::{{closure#0}}` (Rust, plain, no lock held)"
            ),
            "{text}"
        );
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"]
                .as_array()
                .unwrap()
                .len(),
            catalog::all().len()
        );
    }
}
