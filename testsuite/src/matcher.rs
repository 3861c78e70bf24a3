//! The judge: matches the findings of one run against a case's per-line
//! expectations.
//!
//! A finding matches when every access it reports with a source location
//! lies on a line annotated with the finding's rule, all under one tag
//! (untagged annotations form their own group). A finding with no located
//! access cannot be attributed to a line and is a false positive. Every
//! annotated (line, rule, tag) that no matching finding touches is a false
//! negative.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::expect::Expectation;
use crate::report::{Finding, Loc};

#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Indices (into the findings slice) of findings that match.
    pub true_positives: Vec<usize>,
    /// Indices of findings that match no expectation.
    pub false_positives: Vec<usize>,
    /// Expectations covered by at least one matching finding.
    pub covered: Vec<Expectation>,
    /// Expectations no finding covers.
    pub false_negatives: Vec<Expectation>,
}

impl Outcome {
    pub fn is_clean(&self) -> bool {
        self.false_positives.is_empty() && self.false_negatives.is_empty()
    }
}

/// Whether a file name reported by seam (from debug info: absolute, or
/// relative to the compilation directory) names the annotated file.
pub fn same_file(annotated: &Path, reported: &str) -> bool {
    let reported = normalize(Path::new(reported));
    let annotated = normalize(annotated);
    if reported.as_os_str().is_empty() {
        return false;
    }
    if reported.is_absolute() {
        reported == annotated
    } else {
        annotated.ends_with(&reported)
    }
}

/// Lexical normalisation: drops `.` and folds `dir/..` (no filesystem access:
/// the reported file may come from another machine's build).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn tags_at<'a>(exps: &'a [Expectation], rule: &str, loc: &Loc) -> BTreeSet<&'a Option<String>> {
    exps.iter()
        .filter(|e| e.rule == rule && e.line == loc.line && same_file(&e.file, &loc.file))
        .map(|e| &e.tag)
        .collect()
}

pub fn match_findings(exps: &[Expectation], findings: &[Finding]) -> Outcome {
    let mut out = Outcome::default();
    let mut covered: BTreeSet<usize> = BTreeSet::new();
    for (fi, f) in findings.iter().enumerate() {
        let locs: Vec<&Loc> = f.accesses.iter().filter_map(|a| a.loc.as_ref()).collect();
        let Some(first) = locs.first() else {
            out.false_positives.push(fi);
            continue;
        };
        // Tags under which every located access is annotated.
        let mut common = tags_at(exps, &f.rule, first);
        for l in &locs[1..] {
            let here = tags_at(exps, &f.rule, l);
            common.retain(|t| here.contains(t));
        }
        if common.is_empty() {
            out.false_positives.push(fi);
            continue;
        }
        out.true_positives.push(fi);
        for (ei, e) in exps.iter().enumerate() {
            if e.rule == f.rule
                && common.contains(&e.tag)
                && locs
                    .iter()
                    .any(|l| l.line == e.line && same_file(&e.file, &l.file))
            {
                covered.insert(ei);
            }
        }
    }
    for (ei, e) in exps.iter().enumerate() {
        if covered.contains(&ei) {
            out.covered.push(e.clone());
        } else {
            out.false_negatives.push(e.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expect::parse_source;
    use crate::report::Access;

    const C: &str = "/ws/cases/g/k/a.c";
    const R: &str = "/ws/cases/g/k/b.rs";

    fn exps(c: &str, rs: &str) -> Vec<Expectation> {
        let mut e = parse_source(Path::new(C), c).unwrap();
        e.extend(parse_source(Path::new(R), rs).unwrap());
        e
    }

    fn finding(rule: &str, locs: &[(&str, u32)]) -> Finding {
        Finding {
            rule: rule.into(),
            accesses: locs
                .iter()
                .map(|(f, l)| Access {
                    loc: Some(Loc {
                        file: f.to_string(),
                        line: *l,
                        column: 1,
                    }),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn cross_file_pair_matches_and_covers_both_lines() {
        let e = exps(
            "\nd->n = 1; // expect: ffi-data-race\n",
            "x\ny\nlet v = d.n; // expect: ffi-data-race\n",
        );
        let o = match_findings(&e, &[finding("ffi-data-race", &[(C, 2), (R, 3)])]);
        assert!(o.is_clean(), "{o:?}");
        assert_eq!(o.true_positives, vec![0]);
        assert_eq!(o.covered.len(), 2);
    }

    #[test]
    fn wrong_rule_is_fp_and_leaves_fn() {
        let e = exps(
            "\nd->n = 1; // expect: ffi-data-race\n",
            "\n\nlet v = d.n; // expect: ffi-data-race\n",
        );
        let o = match_findings(&e, &[finding("data-race", &[(C, 2), (R, 3)])]);
        assert_eq!(o.false_positives, vec![0]);
        assert_eq!(o.false_negatives.len(), 2);
    }

    #[test]
    fn one_unannotated_access_makes_the_whole_finding_fp() {
        let e = exps("\nd->n = 1; // expect: data-race\nd->n = 2;\n", "");
        let o = match_findings(&e, &[finding("data-race", &[(C, 2), (C, 3)])]);
        assert_eq!(o.false_positives, vec![0]);
        assert_eq!(
            o.false_negatives.len(),
            1,
            "line 2 is not covered by a non-matching finding"
        );
    }

    #[test]
    fn same_line_number_in_another_file_does_not_match() {
        let e = exps("\nd->n = 1; // expect: data-race\n", "");
        let o = match_findings(&e, &[finding("data-race", &[(C, 2), (R, 2)])]);
        assert_eq!(o.false_positives, vec![0]);
        // And a header with the same base name elsewhere is not the case file.
        let o = match_findings(
            &e,
            &[finding("data-race", &[("/ws/kernel/include/a.c", 2)])],
        );
        assert_eq!(o.false_positives, vec![0]);
    }

    #[test]
    fn tags_separate_pairs() {
        // Lines 1-2 are pair #a, lines 3-4 pair #b: a finding 1<->3 crosses pairs.
        let e = exps(
            "a = 1; // expect: data-race #a\nx = a; // expect: data-race #a\nb = 1; // expect: data-race #b\ny = b; // expect: data-race #b\n",
            "",
        );
        let o = match_findings(&e, &[finding("data-race", &[(C, 1), (C, 3)])]);
        assert_eq!(o.false_positives, vec![0]);
        assert_eq!(o.false_negatives.len(), 4);
        let o = match_findings(
            &e,
            &[
                finding("data-race", &[(C, 1), (C, 2)]),
                finding("data-race", &[(C, 4), (C, 3)]),
            ],
        );
        assert!(o.is_clean(), "{o:?}");
    }

    #[test]
    fn untagged_and_tagged_lines_do_not_pair() {
        let e = exps(
            "a = 1; // expect: data-race\nx = a; // expect: data-race #t\n",
            "",
        );
        let o = match_findings(&e, &[finding("data-race", &[(C, 1), (C, 2)])]);
        assert_eq!(o.false_positives, vec![0]);
    }

    #[test]
    fn line_in_two_pairs_and_several_rules() {
        let e = exps(
            "w = 1; // expect: data-race #a, data-race #b, rust-native-atomic\nr1 = w; // expect: data-race #a\nr2 = w; // expect: data-race #b\n",
            "",
        );
        let o = match_findings(
            &e,
            &[
                finding("data-race", &[(C, 1), (C, 2)]),
                finding("data-race", &[(C, 3), (C, 1)]),
                finding("rust-native-atomic", &[(C, 1)]),
            ],
        );
        assert!(o.is_clean(), "{o:?}");
        // Without the #b finding, line 3 and (line 1, #b) are missing.
        let o = match_findings(
            &e,
            &[
                finding("data-race", &[(C, 1), (C, 2)]),
                finding("rust-native-atomic", &[(C, 1)]),
            ],
        );
        assert_eq!(o.false_negatives.len(), 2);
        assert!(o
            .false_negatives
            .iter()
            .all(|x| x.tag.as_deref() == Some("b")));
    }

    #[test]
    fn single_access_rules_and_self_pairs() {
        // missing-acquire names only the flag access; a race of a line with
        // itself (two instances of one callback) names the line twice.
        let e = exps(
            "if (f) // expect: missing-acquire\nc++; // expect: data-race\n",
            "",
        );
        let o = match_findings(
            &e,
            &[
                finding("missing-acquire", &[(C, 1)]),
                finding("data-race", &[(C, 2), (C, 2)]),
            ],
        );
        assert!(o.is_clean(), "{o:?}");
    }

    #[test]
    fn locations_missing_or_null() {
        let e = exps("a = 1; // expect: data-race\n", "");
        let mut f = finding("data-race", &[(C, 1)]);
        f.accesses.push(Access::default()); // loc: None is ignored…
        let o = match_findings(&e, std::slice::from_ref(&f));
        assert!(o.is_clean(), "{o:?}");
        // …but a finding with no location at all cannot be attributed.
        let o = match_findings(
            &e,
            &[Finding {
                rule: "data-race".into(),
                accesses: vec![Access::default()],
                ..Default::default()
            }],
        );
        assert_eq!(o.false_positives, vec![0]);
        assert_eq!(o.false_negatives.len(), 1);
    }

    #[test]
    fn duplicate_findings_are_each_true_positives() {
        let e = exps(
            "a = 1; // expect: data-race\nb = a; // expect: data-race\n",
            "",
        );
        let f = finding("data-race", &[(C, 1), (C, 2)]);
        let o = match_findings(&e, &[f.clone(), f]);
        assert_eq!(o.true_positives, vec![0, 1]);
        assert!(o.is_clean());
    }

    #[test]
    fn no_expectations_no_findings_is_clean() {
        assert!(match_findings(&[], &[]).is_clean());
        let o = match_findings(&[], &[finding("data-race", &[(C, 1)])]);
        assert_eq!(o.false_positives, vec![0]);
    }

    #[test]
    fn file_names_relative_absolute_and_dotted() {
        let a = Path::new("/ws/testsuite/cases/g/k/a.c");
        assert!(same_file(a, "/ws/testsuite/cases/g/k/a.c"));
        assert!(same_file(a, "/ws/testsuite/cases/g/k/../k/./a.c"));
        assert!(same_file(a, "cases/g/k/a.c"));
        assert!(same_file(a, "./k/a.c"));
        assert!(same_file(a, "a.c"));
        assert!(!same_file(a, "b/a.c"));
        assert!(!same_file(a, "/other/testsuite/cases/g/k/a.c"));
        assert!(!same_file(a, "xa.c"), "component-wise, not string suffix");
        assert!(!same_file(a, ""));
    }
}
