//! Runs `seam check` on a built case and judges the result.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::case::{Arch, Case, Variant};
use crate::compile::{self, KernelRs, Layout, Toolchain};
use crate::expect::{self, Expectation};
use crate::matcher::{self, Outcome};
use crate::report::{Finding, Report};

/// Per-run limit: a case is a few hundred lines; minutes mean a hang.
const SEAM_TIMEOUT: Duration = Duration::from_secs(120);

/// Locates the `seam` binary: `$SEAM_BIN`, else `<target>/release/seam`,
/// else `<target>/debug/seam`.
pub fn find_seam(layout: &Layout) -> Result<PathBuf, String> {
    if let Some(b) = std::env::var_os("SEAM_BIN") {
        let b = PathBuf::from(b);
        return if b.is_file() {
            Ok(b)
        } else {
            Err(format!("SEAM_BIN={} does not exist", b.display()))
        };
    }
    for profile in ["release", "debug"] {
        let b = layout.target_dir.join(profile).join("seam");
        if b.is_file() {
            return Ok(b);
        }
    }
    Err(format!(
        "no seam binary in {}/{{release,debug}}/seam and SEAM_BIN is not set; run `cargo build --release --bin seam` first",
        layout.target_dir.display()
    ))
}

/// The result of one variant of one case.
#[derive(Clone, Debug)]
pub struct CaseRun {
    pub case: String,
    pub variant: String,
    pub known_gap: Option<String>,
    pub expectations: Vec<Expectation>,
    pub findings: Vec<Finding>,
    pub outcome: Outcome,
    /// Build, run or parse failure; the run then counts as failed.
    pub error: Option<String>,
}

impl CaseRun {
    pub fn passed(&self) -> bool {
        self.error.is_none() && self.outcome.is_clean()
    }

    /// Human-readable diff: expected lines no finding covers, and findings
    /// that match no expectation.
    pub fn diff(&self) -> String {
        let mut s = format!("{} [{}]", self.case, self.variant);
        if let Some(g) = &self.known_gap {
            s += &format!(" (known gap: {g})");
        }
        s.push('\n');
        if let Some(e) = &self.error {
            for l in e.lines() {
                s += &format!("  error: {l}\n");
            }
            return s;
        }
        for e in &self.outcome.false_negatives {
            let tag = e.tag.as_ref().map(|t| format!(" #{t}")).unwrap_or_default();
            s += &format!(
                "  missing     {}{} at {}:{}\n",
                e.rule,
                tag,
                crate::report::short(&e.file.to_string_lossy()),
                e.line
            );
        }
        for &i in &self.outcome.false_positives {
            s += &format!("  unexpected  {}\n", self.findings[i].describe());
        }
        s
    }
}

/// Runs `seam` with a time limit, reading stdout concurrently so a large
/// report cannot deadlock on a full pipe.
fn run_seam(seam: &Path, bcs: &[PathBuf], config: Option<&Path>) -> Result<String, String> {
    let mut cmd = Command::new(seam);
    cmd.arg("check").args(bcs).args(["--format", "json"]);
    if let Some(c) = config {
        cmd.arg("--config").arg(c);
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", seam.display()))?;
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        match child
            .try_wait()
            .map_err(|e| format!("waiting for seam: {e}"))?
        {
            Some(st) => break st,
            None if start.elapsed() > SEAM_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "seam did not finish within {}s",
                    SEAM_TIMEOUT.as_secs()
                ));
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    match status.code() {
        Some(0) | Some(1) => Ok(out),
        _ => Err(format!(
            "seam exited with {status}; stderr:\n{}",
            err.trim_end()
        )),
    }
}

fn run_variant(
    seam: Option<&Path>,
    tc: &Toolchain,
    layout: &Layout,
    case: &Case,
    v: Variant,
    krs: &HashMap<Arch, Result<KernelRs, String>>,
) -> CaseRun {
    let mut run = CaseRun {
        case: case.id(),
        variant: v.name(),
        known_gap: case.known_gap().map(str::to_string),
        expectations: Vec::new(),
        findings: Vec::new(),
        outcome: Outcome::default(),
        error: None,
    };
    let result = (|| -> Result<(), String> {
        run.expectations = expect::parse_files(&case.sources())?;
        let bcs = compile::build_variant(tc, layout, case, v, krs)?;
        let Some(seam) = seam else { return Ok(()) };
        let report = Report::parse(&run_seam(seam, &bcs, case.seam_toml.as_deref())?)?;
        if !report.errors.is_empty() {
            let errs: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
            return Err(format!("seam reported input errors: {}", errs.join("; ")));
        }
        run.findings = report.findings;
        run.outcome = matcher::match_findings(&run.expectations, &run.findings);
        Ok(())
    })();
    if let Err(e) = result {
        run.error = Some(e);
    }
    run
}

/// Builds (and, with `seam`, analyses and judges) every variant of every
/// case, in parallel. Without `seam` only the build and the annotations are
/// checked.
pub fn run_cases(
    seam: Option<&Path>,
    tc: &Toolchain,
    layout: &Layout,
    cases: &[Case],
) -> Vec<CaseRun> {
    let krs = compile::build_kernel_rs_for(tc, layout, cases);
    let jobs: Vec<(&Case, Variant)> = cases
        .iter()
        .flat_map(|c| c.variants.iter().map(move |&v| (c, v)))
        .collect();
    let mut runs: Vec<CaseRun> = jobs
        .par_iter()
        .map(|&(c, v)| run_variant(seam, tc, layout, c, v, &krs))
        .collect();
    runs.sort_by(|a, b| (&a.case, &a.variant).cmp(&(&b.case, &b.variant)));
    runs
}
