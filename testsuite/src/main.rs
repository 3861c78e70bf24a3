//! `seam-score`: builds the corpus, runs seam on every case and prints
//! precision/recall per rule.
//!
//! Usage: seam-score [--json] [--case GLOB] [--verbose]

use std::process::ExitCode;

use seam_testsuite::compile::{Layout, Toolchain};
use seam_testsuite::{load_cases, run, score};

fn main() -> ExitCode {
    let mut json = false;
    let mut verbose = false;
    let mut filter: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--verbose" | "-v" => verbose = true,
            "--case" => match args.next() {
                Some(g) => filter = Some(g),
                None => {
                    eprintln!("seam-score: --case needs a glob, e.g. --case 'kernel/*'");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("usage: seam-score [--json] [--case GLOB] [--verbose]\n\nBuilds testsuite/cases, runs seam on each, prints TP/FP/FN, precision and recall per rule.\n--verbose prints the diff of every failing case.");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("seam-score: unknown argument `{other}` (see --help)");
                return ExitCode::from(2);
            }
        }
    }
    let layout = Layout::from_env();
    let seam = match run::find_seam(&layout) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("seam-score: {e}");
            return ExitCode::from(2);
        }
    };
    let (cases, errors) = load_cases(&layout, filter.as_deref());
    for e in &errors {
        eprintln!("seam-score: bad case: {e}");
    }
    if cases.is_empty() {
        eprintln!("seam-score: no case matches");
        return ExitCode::from(2);
    }
    let runs = run::run_cases(Some(&seam), &Toolchain::from_env(), &layout, &cases);
    let s = score::score(&runs);
    if json {
        match serde_json::to_string_pretty(&s) {
            Ok(t) => println!("{t}"),
            Err(e) => {
                eprintln!("seam-score: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        if verbose {
            for r in runs.iter().filter(|r| !r.passed()) {
                print!("{}", r.diff());
            }
            println!();
        }
        print!("{}", score::render(&s));
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
