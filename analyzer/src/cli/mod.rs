//! Bin-only helpers of the `seam` command: the `check` pipeline, the
//! Finding → SARIF mapping, baselines and progress display.

pub mod baseline;
pub mod check;
pub mod progress;
pub mod sarif;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use seam::rules::{catalog, Level};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Note,
    Warning,
    Error,
    Never,
}

impl FailOn {
    pub fn level(self) -> Option<Level> {
        match self {
            FailOn::Note => Some(Level::Note),
            FailOn::Warning => Some(Level::Warning),
            FailOn::Error => Some(Level::Error),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Writes to stdout; a closed pipe (`seam explain x | head`) is not an
/// error worth a panic, so write errors are ignored.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Exit status 2: bad usage, unreadable input, unwritable output.
pub fn usage_failure() -> ExitCode {
    ExitCode::from(2)
}

/// `seam explain [<id>] [--write-docs DIR]`.
pub fn explain(rule: Option<&str>, write_docs: Option<&Path>) -> ExitCode {
    if let Some(dir) = write_docs {
        return write_docs_to(dir);
    }
    match rule {
        None => {
            emit(&format!("{}\n", rule_list()));
            ExitCode::SUCCESS
        }
        Some(id) => match catalog::doc_markdown(id) {
            Some(page) => {
                emit(&page);
                ExitCode::SUCCESS
            }
            None => {
                eprintln!(
                    "error: unknown rule `{id}`\n\nknown rules:\n{}",
                    rule_list()
                );
                usage_failure()
            }
        },
    }
}

fn rule_list() -> String {
    let width = catalog::all().iter().map(|r| r.id.len()).max().unwrap_or(0);
    catalog::all()
        .iter()
        .map(|r| {
            format!(
                "  {:<width$}  {:<7}  {}",
                r.id,
                r.level.name(),
                r.short_description
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_docs_to(dir: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: {}: {e}", dir.display());
        return usage_failure();
    }
    for (name, text) in catalog::docs_files() {
        let path = dir.join(&name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("error: {}: {e}", path.display());
            return usage_failure();
        }
    }
    ExitCode::SUCCESS
}

/// Which module cache a run uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheChoice {
    /// `--no-cache`.
    Off,
    /// `--cache DIR`.
    Dir(PathBuf),
    /// [`ModuleCache::default_dir`](seam::ingest::ModuleCache::default_dir).
    Default,
}

/// `--cache`'s long help, naming the directory used without it.
pub fn cache_help() -> String {
    let here = match seam::ingest::ModuleCache::default_dir() {
        Some(d) => format!("here: {}", d.display()),
        None => "none here: no cache unless --cache is given".to_string(),
    };
    format!(
        "Keep lowered modules in DIR and reuse them when an input's bytes are unchanged \
         (keyed by content and seam build; safe to delete at any time).\n\
         Default: $SEAM_CACHE_DIR, else $XDG_CACHE_HOME/seam/modules, else \
         $HOME/.cache/seam/modules ({here})."
    )
}

/// Opens the chosen cache; when it cannot be used, says so once (unless
/// `quiet`) and the run goes on without it.
pub fn open_cache(choice: &CacheChoice, quiet: bool) -> Option<seam::ingest::ModuleCache> {
    let dir = match choice {
        CacheChoice::Off => return None,
        CacheChoice::Dir(d) => d.clone(),
        CacheChoice::Default => match seam::ingest::ModuleCache::default_dir() {
            Some(d) => d,
            None => {
                if !quiet {
                    eprintln!("warning: no module cache: none of SEAM_CACHE_DIR, XDG_CACHE_HOME, HOME is set; use --cache DIR or --no-cache");
                }
                return None;
            }
        },
    };
    match seam::ingest::ModuleCache::open(&dir) {
        Ok(c) => Some(c),
        Err(e) => {
            if !quiet {
                eprintln!("warning: running without the module cache: {e}");
            }
            None
        }
    }
}

/// The stderr line about the cache after ingest (and a warning if writing
/// to it failed).
pub fn report_cache(stats: Option<&seam::ingest::CacheStats>, quiet: bool) {
    let Some(s) = stats else { return };
    if quiet {
        return;
    }
    if let Some(p) = &s.problem {
        eprintln!("warning: module cache: {p}");
    }
    if s.hits + s.misses > 0 {
        let rejected = if s.rejected > 0 {
            format!(", {} damaged or stale entries replaced", s.rejected)
        } else {
            String::new()
        };
        eprintln!(
            "note: module cache: {} of {} modules read from {}, {} stored{rejected}",
            s.hits,
            s.hits + s.misses,
            s.dir.display(),
            s.stored
        );
    }
}

/// `seam ir <FILE>...`: the lowered IR of every module, as seam sees it.
pub fn ir(inputs: &[PathBuf], cache: CacheChoice) -> ExitCode {
    let ingested = seam::ingest::ingest_with(
        inputs,
        &seam::ingest::IngestOptions {
            jobs: 0,
            cache: open_cache(&cache, false),
        },
        &seam::ingest::Isolation::workers_from_current_exe(),
    );
    report_cache(ingested.cache.as_ref(), false);
    let models = seam_models::Models::builtin();
    for m in &ingested.modules {
        emit(&seam::ir::print::print_module(m));
        emit(&seam::accesses::marking::describe_module(m, &models));
    }
    for e in &ingested.errors {
        eprintln!("error: {e}");
    }
    if ingested.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        usage_failure()
    }
}

/// `seam models`: everything modelled, built-in plus `--models` files.
pub fn models(files: &[PathBuf]) -> ExitCode {
    let mut models = seam_models::Models::builtin();
    for f in files {
        if let Err(e) = models.load_file(f) {
            eprintln!("error: {e}");
            return usage_failure();
        }
    }
    emit(&models.describe());
    ExitCode::SUCCESS
}
