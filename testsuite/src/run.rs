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

/// How the harness uses seam's module cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheMode {
    /// `--no-cache`: runs leave nothing in the user's cache directory.
    Off,
    /// Each variant is analysed twice with `--cache <root>/<case>/<variant>`
    /// (emptied first): cold, then warm. The warm run must read every
    /// module from the cache and print byte-identical JSON, else the
    /// variant fails. The directory is removed afterwards.
    ColdWarm(PathBuf),
}

/// What one `seam check` printed.
struct SeamOutput {
    stdout: String,
    stderr: String,
}

/// Runs `seam` with a time limit, reading stdout concurrently so a large
/// report cannot deadlock on a full pipe.
fn run_seam(
    seam: &Path,
    bcs: &[PathBuf],
    config: Option<&Path>,
    cache: Option<&Path>,
) -> Result<SeamOutput, String> {
    let mut cmd = Command::new(seam);
    cmd.arg("check").args(bcs).args(["--format", "json"]);
    match cache {
        Some(dir) => cmd.arg("--cache").arg(dir),
        None => cmd.arg("--no-cache"),
    };
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
        Some(0) | Some(1) => Ok(SeamOutput {
            stdout: out,
            stderr: err,
        }),
        _ => Err(format!(
            "seam exited with {status}; stderr:\n{}",
            err.trim_end()
        )),
    }
}

/// `seam check` on one variant; with [`CacheMode::ColdWarm`], twice, and
/// the warm run judged against the cold one.
fn analyse(
    seam: &Path,
    bcs: &[PathBuf],
    config: Option<&Path>,
    cache: &CacheMode,
    case: &Case,
    v: Variant,
) -> Result<String, String> {
    let CacheMode::ColdWarm(root) = cache else {
        return Ok(run_seam(seam, bcs, config, None)?.stdout);
    };
    let dir = root.join(&case.group).join(&case.name).join(v.name());
    let _ = std::fs::remove_dir_all(&dir);
    let cold = run_seam(seam, bcs, config, Some(&dir))?;
    let warm = run_seam(seam, bcs, config, Some(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    let warm = warm?;
    match (cache_note(&cold.stderr), cache_note(&warm.stderr)) {
        (Some((0, n)), Some((hits, m))) if n > 0 && hits == n && m == n => {}
        (cold_note, warm_note) => {
            return Err(format!(
                "cache: expected a cold run with no hits and a warm run reading every module from the cache; got (hits, modules) {cold_note:?} then {warm_note:?}"
            ))
        }
    }
    if warm.stdout != cold.stdout {
        let line = cold
            .stdout
            .lines()
            .zip(warm.stdout.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| cold.stdout.lines().count().min(warm.stdout.lines().count()));
        return Err(format!(
            "cache: the warm run's JSON differs from the cold run's at line {}:\n  cold: {}\n  warm: {}",
            line + 1,
            cold.stdout.lines().nth(line).unwrap_or("<end>"),
            warm.stdout.lines().nth(line).unwrap_or("<end>")
        ));
    }
    Ok(cold.stdout)
}

/// (hits, modules) from seam's "note: module cache: H of N modules read
/// from DIR, ..." line.
fn cache_note(stderr: &str) -> Option<(usize, usize)> {
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("note: module cache: "))?;
    let mut words = line.split_whitespace();
    let hits = words.next()?.parse().ok()?;
    let _of = words.next()?;
    let n = words.next()?.parse().ok()?;
    Some((hits, n))
}

fn run_variant(
    seam: Option<&Path>,
    cache: &CacheMode,
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
        let json = analyse(seam, &bcs, case.seam_toml.as_deref(), cache, case, v)?;
        let report = Report::parse(&json)?;
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
/// checked. seam runs with `--no-cache`.
pub fn run_cases(
    seam: Option<&Path>,
    tc: &Toolchain,
    layout: &Layout,
    cases: &[Case],
) -> Vec<CaseRun> {
    run_cases_with(seam, &CacheMode::Off, tc, layout, cases)
}

/// [`run_cases`] with a choice of how seam's module cache is used.
pub fn run_cases_with(
    seam: Option<&Path>,
    cache: &CacheMode,
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
        .map(|&(c, v)| run_variant(seam, cache, tc, layout, c, v, &krs))
        .collect();
    runs.sort_by(|a, b| (&a.case, &a.variant).cmp(&(&b.case, &b.variant)));
    runs
}
