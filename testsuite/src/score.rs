//! Per-rule totals over case runs: TP/FP count findings, FN counts
//! annotated lines no finding covers; recall is covered lines over
//! annotated lines. Known-gap runs are reported apart and not totalled.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::run::CaseRun;

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct RuleScore {
    /// Distinct cases with at least one expectation for the rule.
    pub cases: usize,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// Annotated lines covered by a matching finding.
    pub covered: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct KnownGap {
    pub case: String,
    pub variant: String,
    pub reason: String,
    /// A known gap whose run is now clean: the `known-gap` line can go.
    pub now_passes: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Score {
    pub runs: usize,
    pub passed: usize,
    pub failed: Vec<String>,
    pub errors: Vec<String>,
    pub rules: BTreeMap<String, RuleScore>,
    pub known_gaps: Vec<KnownGap>,
}

pub fn score(runs: &[CaseRun]) -> Score {
    let mut rules: BTreeMap<String, RuleScore> = BTreeMap::new();
    let mut rule_cases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut failed = Vec::new();
    let mut errors = Vec::new();
    let mut known_gaps = Vec::new();
    let mut passed = 0;
    for r in runs {
        if let Some(reason) = &r.known_gap {
            known_gaps.push(KnownGap {
                case: r.case.clone(),
                variant: r.variant.clone(),
                reason: reason.clone(),
                now_passes: r.passed(),
            });
            continue;
        }
        if r.passed() {
            passed += 1;
        } else {
            failed.push(format!("{} [{}]", r.case, r.variant));
        }
        if let Some(e) = &r.error {
            errors.push(format!(
                "{} [{}]: {}",
                r.case,
                r.variant,
                e.lines().next().unwrap_or("")
            ));
            continue;
        }
        for e in &r.expectations {
            rule_cases
                .entry(e.rule.clone())
                .or_default()
                .insert(r.case.clone());
        }
        for &i in &r.outcome.true_positives {
            rules.entry(r.findings[i].rule.clone()).or_default().tp += 1;
        }
        for &i in &r.outcome.false_positives {
            rules.entry(r.findings[i].rule.clone()).or_default().fp += 1;
        }
        for e in &r.outcome.false_negatives {
            rules.entry(e.rule.clone()).or_default().fn_ += 1;
        }
        for e in &r.outcome.covered {
            rules.entry(e.rule.clone()).or_default().covered += 1;
        }
    }
    for (rule, cases) in rule_cases {
        rules.entry(rule).or_default().cases = cases.len();
    }
    for s in rules.values_mut() {
        s.precision = ratio(s.tp, s.tp + s.fp);
        s.recall = ratio(s.covered, s.covered + s.fn_);
    }
    Score {
        runs: runs.len(),
        passed,
        failed,
        errors,
        rules,
        known_gaps,
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

fn pct(x: Option<f64>) -> String {
    x.map(|v| format!("{:.1}%", v * 100.0))
        .unwrap_or_else(|| "-".into())
}

/// The table `seam-score` prints.
pub fn render(s: &Score) -> String {
    let mut out = format!(
        "{:<26} {:>5} {:>5} {:>5} {:>5} {:>10} {:>8}\n",
        "rule", "cases", "TP", "FP", "FN", "precision", "recall"
    );
    let mut total = RuleScore::default();
    for (rule, r) in &s.rules {
        out += &format!(
            "{:<26} {:>5} {:>5} {:>5} {:>5} {:>10} {:>8}\n",
            rule,
            r.cases,
            r.tp,
            r.fp,
            r.fn_,
            pct(r.precision),
            pct(r.recall)
        );
        total.tp += r.tp;
        total.fp += r.fp;
        total.fn_ += r.fn_;
        total.covered += r.covered;
    }
    out += &format!(
        "{:<26} {:>5} {:>5} {:>5} {:>5} {:>10} {:>8}\n",
        "all",
        "",
        total.tp,
        total.fp,
        total.fn_,
        pct(ratio(total.tp, total.tp + total.fp)),
        pct(ratio(total.covered, total.covered + total.fn_))
    );
    out += &format!(
        "\nruns: {} ({} clean, {} failing, {} known gaps)\n",
        s.runs,
        s.passed,
        s.failed.len(),
        s.known_gaps.len()
    );
    for e in &s.errors {
        out += &format!("error: {e}\n");
    }
    if !s.known_gaps.is_empty() {
        out += "\nknown gaps:\n";
        for g in &s.known_gaps {
            let now = if g.now_passes {
                "  [now passes: remove known-gap]"
            } else {
                ""
            };
            out += &format!("  {} [{}]: {}{}\n", g.case, g.variant, g.reason, now);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expect::Expectation;
    use crate::matcher::Outcome;
    use crate::report::Finding;

    fn exp(rule: &str, line: u32) -> Expectation {
        Expectation {
            file: "/a.c".into(),
            line,
            rule: rule.into(),
            tag: None,
        }
    }

    #[test]
    fn totals_per_rule_and_known_gaps_apart() {
        let f = |rule: &str| Finding {
            rule: rule.into(),
            ..Default::default()
        };
        let run = CaseRun {
            case: "g/a".into(),
            variant: "x86_64-O2".into(),
            known_gap: None,
            expectations: vec![
                exp("data-race", 1),
                exp("data-race", 2),
                exp("ffi-data-race", 3),
            ],
            findings: vec![f("data-race"), f("ffi-lock-mismatch")],
            outcome: Outcome {
                true_positives: vec![0],
                false_positives: vec![1],
                covered: vec![exp("data-race", 1), exp("data-race", 2)],
                false_negatives: vec![exp("ffi-data-race", 3)],
            },
            error: None,
        };
        let mut gap = run.clone();
        gap.case = "g/b".into();
        gap.known_gap = Some("needs path sensitivity".into());
        let s = score(&[run, gap]);
        assert_eq!(
            s.rules["data-race"],
            RuleScore {
                cases: 1,
                tp: 1,
                fp: 0,
                fn_: 0,
                covered: 2,
                precision: Some(1.0),
                recall: Some(1.0)
            }
        );
        assert_eq!(s.rules["ffi-data-race"].recall, Some(0.0));
        assert_eq!(s.rules["ffi-lock-mismatch"].precision, Some(0.0));
        assert_eq!(s.rules["ffi-lock-mismatch"].cases, 0);
        assert_eq!(s.known_gaps.len(), 1);
        assert_eq!(s.failed, vec!["g/a [x86_64-O2]".to_string()]);
        assert!(render(&s).contains("known gaps:"));
    }
}
