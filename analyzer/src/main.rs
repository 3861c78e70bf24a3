//! The `seam` command: a thin layer over the library. Argument parsing
//! lives here; each subcommand's work is in `cli/`.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cli::{Color, FailOn, Format};

#[derive(Parser)]
#[command(
    name = "seam",
    version,
    about = "Finds shared-data races where Linux-kernel C code and Rust code meet"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse bitcode and report races.
    ///
    /// Exit status: 0 = no finding at or above --fail-on, 1 = findings,
    /// 2 = bad usage, an unreadable input or an output that could not be
    /// written (the readable inputs are still analysed and reported).
    Check(CheckCli),
    /// Print what seam sees of the inputs (its IR).
    Ir {
        /// .bc .ll .o .a .rlib files, directories, or @FILE lists.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        cache: CacheCli,
    },
    /// Print a rule's documentation; without a rule, list the rules.
    Explain {
        /// Rule id, e.g. `ffi-data-race`.
        rule: Option<String>,
        /// Write every rule page and an index into DIR (for docs/rules).
        #[arg(long, value_name = "DIR", conflicts_with = "rule")]
        write_docs: Option<PathBuf>,
    },
    /// List what is modelled (locks, atomics, barriers, thread APIs, …).
    Models {
        /// Extra model files to load first.
        #[arg(long = "models", value_name = "FILE")]
        models: Vec<PathBuf>,
    },
}

#[derive(clap::Args)]
struct CheckCli {
    /// .bc .ll .o .a .rlib files, directories, or @FILE lists.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Also write SARIF 2.1.0 to FILE (for GitHub code scanning).
    #[arg(long, value_name = "FILE")]
    sarif: Option<PathBuf>,
    /// Also write seam's JSON report to FILE.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// What to print on stdout.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Project configuration (default: ./seam.toml when it exists).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Extra model files (repeatable).
    #[arg(long = "models", value_name = "FILE")]
    models: Vec<PathBuf>,
    /// Directory source paths are relative to (default: current directory).
    #[arg(long, value_name = "DIR")]
    source_root: Option<PathBuf>,
    /// Parallel jobs (0 = all cores).
    #[arg(long, short, default_value_t = 0)]
    jobs: usize,
    /// Earlier seam SARIF or JSON output: report only findings not in it.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Lowest level that makes the exit status 1 (`never`: findings never fail).
    #[arg(long, value_enum, default_value = "warning")]
    fail_on: FailOn,
    /// Colour the terminal output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// No progress bars and no warnings on stderr (errors are still printed).
    #[arg(long, short)]
    quiet: bool,
    /// SARIF automationDetails category (default: `seam`, or `category` in seam.toml).
    #[arg(long, value_name = "NAME")]
    category: Option<String>,
    #[command(flatten)]
    cache: CacheCli,
}

/// The module cache (lowered modules by content hash; see docs/ingest.md).
#[derive(clap::Args)]
struct CacheCli {
    /// Keep lowered modules in DIR and reuse them when an input's bytes are unchanged.
    #[arg(long, value_name = "DIR", long_help = cli::cache_help())]
    cache: Option<PathBuf>,
    /// Neither read nor write the module cache.
    #[arg(long, conflicts_with = "cache")]
    no_cache: bool,
}

impl CacheCli {
    fn choice(self) -> cli::CacheChoice {
        match (self.no_cache, self.cache) {
            (true, _) => cli::CacheChoice::Off,
            (false, Some(dir)) => cli::CacheChoice::Dir(dir),
            (false, None) => cli::CacheChoice::Default,
        }
    }
}

fn main() -> ExitCode {
    // Ingest parses bitcode in child processes running this same binary, so
    // a crash inside LLVM costs one module, not the run.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == seam::ingest::WORKER_SUBCOMMAND)
    {
        let code =
            seam::ingest::worker_main(&mut std::io::stdin().lock(), &mut std::io::stdout().lock());
        return ExitCode::from(u8::try_from(code).unwrap_or(2));
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap's own exit codes: 0 for --help/--version, 2 for usage errors.
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check(c) => cli::check::run(cli::check::CheckArgs {
            inputs: c.inputs,
            sarif: c.sarif,
            json: c.json,
            format: c.format,
            config: c.config,
            models: c.models,
            source_root: c.source_root,
            jobs: c.jobs,
            baseline: c.baseline,
            fail_on: c.fail_on,
            color: c.color,
            quiet: c.quiet,
            category: c.category,
            cache: c.cache.choice(),
        }),
        Command::Ir { inputs, cache } => cli::ir(&inputs, cache.choice()),
        Command::Explain { rule, write_docs } => {
            cli::explain(rule.as_deref(), write_docs.as_deref())
        }
        Command::Models { models } => cli::models(&models),
    }
}
