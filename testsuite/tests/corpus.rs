//! The corpus itself, without seam: every case builds with clang-22 and
//! rustc, its annotations parse, and the coverage floor holds.

use seam_testsuite::compile::{Layout, Toolchain};
use seam_testsuite::{load_cases, run};

#[test]
fn every_case_builds_and_parses() {
    let layout = Layout::from_env();
    let filter = std::env::var("SEAM_CASES").ok();
    let (cases, errors) = load_cases(&layout, filter.as_deref());
    assert!(errors.is_empty(), "malformed cases:\n{}", errors.join("\n"));
    let runs = run::run_cases(None, &Toolchain::from_env(), &layout, &cases);
    let broken: Vec<String> = runs
        .iter()
        .filter(|r| r.error.is_some())
        .map(|r| r.diff())
        .collect();
    assert!(
        broken.is_empty(),
        "{} case variants do not build:\n{}",
        broken.len(),
        broken.join("\n")
    );

    let positive = cases
        .iter()
        .filter(|c| {
            runs.iter()
                .any(|r| r.case == c.id() && !r.expectations.is_empty())
        })
        .count();
    let negative = cases.len() - positive;
    eprintln!(
        "{} cases: {positive} positive, {negative} negative",
        cases.len()
    );
    if filter.is_some() {
        return; // the coverage floor applies to the whole corpus only
    }
    assert!(
        cases.len() >= 80,
        "coverage floor: at least 80 cases, have {}",
        cases.len()
    );
    assert!(
        negative >= positive,
        "at least as many negative cases as positive ({negative} < {positive})"
    );
}
