//! `seam check`: config → models → ingest → analysis → suppressions →
//! baseline → outputs → exit status.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use seam::config::Config;
use seam::report::json::BaselineSummary;
use seam::report::text::{self, TextOptions};
use seam::report::{json, suppress, RunReport, SourceCache};

use super::baseline::Baseline;
use super::progress::Stage;
use super::{usage_failure, Color, FailOn, Format};

pub struct CheckArgs {
    pub inputs: Vec<PathBuf>,
    pub sarif: Option<PathBuf>,
    pub json: Option<PathBuf>,
    pub format: Format,
    pub config: Option<PathBuf>,
    pub models: Vec<PathBuf>,
    pub source_root: Option<PathBuf>,
    pub jobs: usize,
    pub baseline: Option<PathBuf>,
    pub fail_on: FailOn,
    pub color: Color,
    pub quiet: bool,
    pub category: Option<String>,
    pub cache: super::CacheChoice,
}

/// The default configuration file, used when it exists and `--config` is not given.
const DEFAULT_CONFIG: &str = "seam.toml";

pub fn run(args: CheckArgs) -> ExitCode {
    // Everything that makes the run meaningless is checked before the
    // (possibly long) analysis starts.
    let (config, config_dir) = match load_config(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let models = match load_models(&args.models, &config, &config_dir) {
        Ok(m) => m,
        Err(e) => return fail(&e),
    };
    let source_root = match source_root(args.source_root.as_deref()) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => return fail(&format!("baseline: {e}")),
    };

    let cache = super::open_cache(&args.cache, args.quiet);
    let stage = Stage::start(!args.quiet, "reading inputs");
    let clock = std::time::Instant::now();
    let ingested = seam::ingest::ingest_with(
        &args.inputs,
        &seam::ingest::IngestOptions {
            jobs: args.jobs,
            cache,
        },
        &seam::ingest::Isolation::workers_from_current_exe(),
    );
    stage.finish();
    if std::env::var_os("SEAM_TIMINGS").is_some() {
        eprintln!("seam: ingest: {:.2} s", clock.elapsed().as_secs_f64());
    }
    for e in &ingested.errors {
        eprintln!("error: {e}");
    }
    if !args.quiet {
        for n in &ingested.notes {
            eprintln!("note: {n}");
        }
    }
    super::report_cache(ingested.cache.as_ref(), args.quiet);

    let stage = Stage::start(
        !args.quiet,
        &format!("analysing {} modules", ingested.modules.len()),
    );
    let mut modules = ingested.modules;
    seam::analysis::canonical_order(&mut modules);
    // The parallel stages (rules) use `--jobs` threads, as ingest does.
    let analysis = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs)
        .build()
    {
        Ok(pool) => pool.install(|| seam::analysis::run_with(&modules, &config, &models, LEAVE)),
        Err(_) => seam::analysis::run_with(&modules, &config, &models, LEAVE),
    };
    stage.finish();
    // Like the stages' results, the lowered modules are left to the
    // operating system at exit (about 0.9 s to free for a whole kernel).
    std::mem::forget(modules);

    let split = suppress::apply(analysis.findings, &config.suppressions);
    if !args.quiet {
        for &i in &split.unused {
            eprintln!(
                "warning: [[suppress]] entry {} (rule `{}`) matched no finding",
                i + 1,
                config.suppressions[i].rule
            );
        }
    }

    // With a baseline, terminal/JSON output and the exit status cover only
    // new findings; SARIF carries all of them with their baselineState.
    let (reported, baseline_summary) = match &baseline {
        None => (split.kept.clone(), None),
        Some(b) => {
            let known = b.fingerprints();
            let current: HashSet<&str> = split
                .kept
                .iter()
                .chain(split.suppressed.iter().map(|s| &s.finding))
                .map(|f| f.fingerprint.as_str())
                .collect();
            let (unchanged, new): (Vec<_>, Vec<_>) = split
                .kept
                .iter()
                .cloned()
                .partition(|f| known.contains(f.fingerprint.as_str()));
            let summary = BaselineSummary {
                file: b.file.clone(),
                new: new.len(),
                unchanged: unchanged.len(),
                absent: b.absent(&current).into_iter().map(str::to_string).collect(),
            };
            (new, Some(summary))
        }
    };
    let report = RunReport {
        findings: reported,
        suppressed: split.suppressed.clone(),
        errors: ingested.errors.clone(),
        stats: analysis.stats,
        baseline: baseline_summary,
    };

    // Debug-info paths are relative to the compilation directory, which is
    // usually the source root; the current directory is the fallback.
    let mut roots = vec![source_root.clone()];
    roots.extend(std::env::current_dir().ok().filter(|d| *d != source_root));
    let mut sources = SourceCache::new(roots);
    let mut write_failed = false;
    let category = args
        .category
        .clone()
        .or_else(|| config.category.clone())
        .unwrap_or_else(|| "seam".into());
    let sarif_text = |sources: &mut SourceCache| {
        let input = super::sarif::SarifInput {
            findings: &split.kept,
            suppressed: &split.suppressed,
            baseline: baseline.as_ref(),
            errors: &ingested.errors,
            notes: &ingested.notes,
            category: category.clone(),
            source_root: source_root.clone(),
        };
        let log = seam_sarif::build(&super::sarif::run_view(&input, sources));
        seam_sarif::to_string_pretty(&log).map(|mut s| {
            s.push('\n');
            s
        })
    };
    if let Some(path) = &args.sarif {
        match sarif_text(&mut sources) {
            Ok(text) => write_failed |= !write_file(path, &text),
            Err(e) => {
                eprintln!("error: {}: cannot serialise SARIF: {e}", path.display());
                write_failed = true;
            }
        }
    }
    if let Some(path) = &args.json {
        write_failed |= !write_file(path, &json::render(&report));
    }
    match args.format {
        Format::Text => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            super::emit(&text::render(&report, &mut sources, TextOptions { color }));
        }
        Format::Json => super::emit(&json::render(&report)),
        Format::Sarif => match sarif_text(&mut sources) {
            Ok(text) => super::emit(&text),
            Err(e) => {
                eprintln!("error: cannot serialise SARIF: {e}");
                write_failed = true;
            }
        },
    }

    if !ingested.errors.is_empty() || write_failed {
        usage_failure()
    } else if args
        .fail_on
        .level()
        .is_some_and(|l| report.has_findings_at(l))
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

const LEAVE: seam::analysis::Teardown = seam::analysis::Teardown::Leave;

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    usage_failure()
}

/// The configuration and the directory its relative paths are based on.
fn load_config(explicit: Option<&Path>) -> Result<(Config, PathBuf), String> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None if Path::new(DEFAULT_CONFIG).is_file() => PathBuf::from(DEFAULT_CONFIG),
        None => return Ok((Config::default(), PathBuf::from("."))),
    };
    let config = Config::load(&path)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    Ok((config, dir))
}

fn load_models(
    extra: &[PathBuf],
    config: &Config,
    config_dir: &Path,
) -> Result<seam_models::Models, String> {
    let mut models = seam_models::Models::builtin();
    let from_config = config.models.iter().map(|m| config_dir.join(m));
    for path in extra.iter().cloned().chain(from_config) {
        models
            .load_file(&path)
            .map_err(|e| format!("models: {e}"))?;
    }
    Ok(models)
}

fn source_root(given: Option<&Path>) -> Result<PathBuf, String> {
    let root = given.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::canonicalize(&root)
        .ok()
        .filter(|p| p.is_dir())
        .ok_or_else(|| format!("--source-root {}: not a readable directory", root.display()))
}

fn write_file(path: &Path, text: &str) -> bool {
    match std::fs::write(path, text) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            false
        }
    }
}
