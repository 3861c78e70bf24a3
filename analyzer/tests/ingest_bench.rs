//! Ingest throughput, run by hand (numbers go to docs/ingest.md):
//!
//! ```text
//! SEAM_BENCH_INPUTS="path1 path2 ..." cargo test --release -p seam \
//!     --test ingest_bench -- --ignored --nocapture
//! ```
//!
//! Prints, for `--jobs` 1 and all cores, in-process and with worker
//! isolation: modules, MB of bitcode, seconds and MB/s. The worker is this
//! test binary (see `ingest_worker_entry`), as in the `seam` binary.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use seam::ingest::{ingest_with, survey, IngestOptions, Isolation, WorkerCommand};

const WORKER_ENV: &str = "SEAM_TEST_INGEST_WORKER";

#[test]
fn ingest_worker_entry() {
    if std::env::var_os(WORKER_ENV).is_none() {
        return;
    }
    let code =
        seam::ingest::worker_main(&mut std::io::stdin().lock(), &mut std::io::stdout().lock());
    std::process::exit(code);
}

#[test]
#[ignore = "benchmark: set SEAM_BENCH_INPUTS and run with --ignored"]
fn ingest_throughput() {
    let Ok(list) = std::env::var("SEAM_BENCH_INPUTS") else {
        eprintln!("SEAM_BENCH_INPUTS not set");
        return;
    };
    let inputs: Vec<PathBuf> = list.split_whitespace().map(PathBuf::from).collect();
    let t = Instant::now();
    let sv = survey(&inputs, &IngestOptions::default());
    let scan = t.elapsed();
    let mb = sv.modules.iter().map(|m| m.bytes).sum::<u64>() as f64 / 1e6;
    eprintln!(
        "survey: {} modules, {mb:.1} MB of bitcode, {} errors, {:.3}s",
        sv.modules.len(),
        sv.errors.len(),
        scan.as_secs_f64()
    );
    let workers = Isolation::Workers(WorkerCommand {
        program: std::env::current_exe().unwrap(),
        args: [
            "--exact",
            "ingest_worker_entry",
            "--nocapture",
            "--test-threads=1",
        ]
        .map(OsString::from)
        .to_vec(),
        env: vec![(WORKER_ENV.into(), "1".into())],
        unit_timeout: Duration::from_secs(600),
    });
    for (label, isolation) in [("in-process", Isolation::InProcess), ("workers", workers)] {
        for jobs in [1, 0] {
            let t = Instant::now();
            let got = ingest_with(
                &inputs,
                &IngestOptions {
                    jobs,
                    ..Default::default()
                },
                &isolation,
            );
            let s = t.elapsed().as_secs_f64();
            let insts: usize = got
                .modules
                .iter()
                .flat_map(|m| &m.functions)
                .map(|f| f.insts.len())
                .sum();
            eprintln!(
                "{label:10} jobs={jobs}: {} modules, {} errors, {insts} instructions, {:.1} MB in {s:.2}s = {:.1} MB/s",
                got.modules.len(),
                got.errors.len(),
                got.bytes as f64 / 1e6,
                got.bytes as f64 / 1e6 / s
            );
        }
    }
}
