//! The whole corpus through seam: fails listing every false positive and
//! false negative outside `known-gap` cases.

use seam_testsuite::compile::{Layout, Toolchain};
use seam_testsuite::{load_cases, run, score};

#[test]
fn corpus_matches_expectations() {
    let layout = Layout::from_env();
    let seam = run::find_seam(&layout).unwrap_or_else(|e| panic!("{e}"));
    let (cases, errors) = load_cases(&layout, std::env::var("SEAM_CASES").ok().as_deref());
    assert!(errors.is_empty(), "malformed cases:\n{}", errors.join("\n"));
    let runs = run::run_cases(Some(&seam), &Toolchain::from_env(), &layout, &cases);
    let s = score::score(&runs);
    eprintln!("{}", score::render(&s));
    let failures: Vec<String> = runs
        .iter()
        .filter(|r| r.known_gap.is_none() && !r.passed())
        .map(|r| r.diff())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} case runs disagree with their expectations:\n\n{}",
        failures.len(),
        runs.len(),
        failures.join("\n")
    );
}
