//! seam's test corpus and its judge.
//!
//! `cases/<group>/<case>/` hold small C and Rust programs whose access lines
//! carry `// expect: <rule-id>` annotations. The harness builds each case
//! to bitcode (`compile`), runs `seam check --format json` (`run`), matches
//! the findings against the annotations (`matcher`) and totals per rule
//! (`score`).

pub mod case;
pub mod compile;
pub mod expect;
pub mod matcher;
pub mod report;
pub mod run;
pub mod score;

use case::Case;

/// Discovers the cases, optionally keeping only ids matching `filter`. The
/// bundled example (`testsuite/example`, what `make run` shows) is judged
/// like a case, as `example/mydev`.
pub fn load_cases(layout: &compile::Layout, filter: Option<&str>) -> (Vec<Case>, Vec<String>) {
    let (mut cases, mut errors) = case::discover(&layout.cases());
    match Case::load("example", &layout.testsuite().join("example")) {
        Ok(mut c) => {
            c.name = "mydev".into();
            cases.push(c);
        }
        Err(e) => errors.push(e),
    }
    if let Some(f) = filter {
        cases.retain(|c| case::glob_match(f, &c.id()));
    }
    (cases, errors)
}
