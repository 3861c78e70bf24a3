//! The `seam` command: a thin layer over the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "seam", version, about = "Finds shared-data races where Linux-kernel C code and Rust code meet")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse bitcode and report races.
    Check {
        /// .bc .ll .o .a .rlib files, directories, or @FILE lists.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, value_name = "FILE")]
        sarif: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        #[arg(long = "models", value_name = "FILE")]
        models: Vec<PathBuf>,
        #[arg(long, value_name = "DIR")]
        source_root: Option<PathBuf>,
        #[arg(long, short, default_value_t = 0)]
        jobs: usize,
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "warning")]
        fail_on: FailOn,
    },
    /// Print what seam sees of the inputs.
    Ir {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Print a rule's documentation.
    Explain { rule: String },
    /// List what is modelled.
    Models,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Sarif,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FailOn {
    Note,
    Warning,
    Error,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { inputs, jobs, .. } => {
            let ingested = seam::ingest::ingest(&inputs, &seam::ingest::IngestOptions { jobs });
            for e in &ingested.errors {
                eprintln!("error: {e}");
            }
            println!("ingested {} modules", ingested.modules.len());
            if ingested.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) }
        }
        Command::Ir { .. } | Command::Explain { .. } | Command::Models => ExitCode::SUCCESS,
    }
}
