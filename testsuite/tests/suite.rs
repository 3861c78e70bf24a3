//! The whole corpus through seam: fails listing every false positive and
//! false negative outside `known-gap` cases, and every variant whose warm
//! run (module cache filled by the cold run just before) does not read all
//! its modules from the cache or prints other JSON than the cold run.

use seam_testsuite::compile::{Layout, Toolchain};
use seam_testsuite::{load_cases, run, score};

#[test]
fn corpus_matches_expectations() {
    let layout = Layout::from_env();
    let seam = run::find_seam(&layout).unwrap_or_else(|e| panic!("{e}"));
    let (cases, errors) = load_cases(&layout, std::env::var("SEAM_CASES").ok().as_deref());
    assert!(errors.is_empty(), "malformed cases:\n{}", errors.join("\n"));
    let cache_root = layout.out.join("module-cache-check");
    let cache = run::CacheMode::ColdWarm(cache_root.clone());
    let runs = run::run_cases_with(Some(&seam), &cache, &Toolchain::from_env(), &layout, &cases);
    let _ = std::fs::remove_dir_all(&cache_root);
    let s = score::score(&runs);
    eprintln!("{}", score::render(&s));
    // A cache disagreement fails known-gap cases too.
    let failures: Vec<String> = runs
        .iter()
        .filter(|r| {
            (r.known_gap.is_none() && !r.passed())
                || r.error.as_deref().is_some_and(|e| e.starts_with("cache:"))
        })
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
