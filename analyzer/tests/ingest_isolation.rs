//! Worker isolation: LLVM parses in child processes, a dying child costs
//! only the module it was on, a hanging child is killed, and the results
//! equal in-process ingest.
//!
//! The worker here is this test binary itself: `ingest_worker_entry` runs
//! `seam::ingest::worker_main` when `SEAM_TEST_INGEST_WORKER` is set (the
//! `seam` binary does the same through its hidden `__ingest-worker`
//! subcommand). `SEAM_TEST_WORKER_DIE_AFTER=N` / `..._HANG_AFTER=N` make the
//! worker abort / hang after sending N results, to drive the recovery paths
//! deterministically without depending on which inputs crash LLVM.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use seam::ingest::{
    ingest, ingest_with, IngestOptions, Ingested, Isolation, ModuleCache, WorkerCommand,
};

const WORKER_ENV: &str = "SEAM_TEST_INGEST_WORKER";
const DIE_ENV: &str = "SEAM_TEST_WORKER_DIE_AFTER";
const HANG_ENV: &str = "SEAM_TEST_WORKER_HANG_AFTER";
/// The worker copies `<FROM>` over `<TO>` before reading its request: the
/// input changes between the parent's scan and the worker's read.
const REWRITE_FROM_ENV: &str = "SEAM_TEST_WORKER_REWRITE_FROM";
const REWRITE_TO_ENV: &str = "SEAM_TEST_WORKER_REWRITE_TO";

/// Counts flushed frames (the handshake is the first) and misbehaves after
/// the configured number of results.
struct Misbehaving<W: Write> {
    inner: W,
    flushes: usize,
    die_after: Option<usize>,
    hang_after: Option<usize>,
}

impl<W: Write> Write for Misbehaving<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()?;
        let results = self.flushes; // flush #0 is the handshake
        self.flushes += 1;
        if self.die_after == Some(results) {
            std::process::abort();
        }
        if self.hang_after == Some(results) {
            std::thread::sleep(Duration::from_secs(3600));
        }
        Ok(())
    }
}

#[test]
fn ingest_worker_entry() {
    if std::env::var_os(WORKER_ENV).is_none() {
        return; // an ordinary test run: nothing to do
    }
    let num = |k: &str| std::env::var(k).ok().and_then(|v| v.parse().ok());
    if let (Some(from), Some(to)) = (
        std::env::var_os(REWRITE_FROM_ENV),
        std::env::var_os(REWRITE_TO_ENV),
    ) {
        std::fs::copy(from, to).unwrap();
    }
    let mut out = Misbehaving {
        inner: std::io::stdout().lock(),
        flushes: 0,
        die_after: num(DIE_ENV),
        hang_after: num(HANG_ENV),
    };
    let code = seam::ingest::worker_main(&mut std::io::stdin().lock(), &mut out);
    std::process::exit(code);
}

fn workers(extra_env: &[(&str, &str)], timeout: Duration) -> Isolation {
    let mut env: Vec<(OsString, OsString)> = vec![(WORKER_ENV.into(), "1".into())];
    env.extend(
        extra_env
            .iter()
            .map(|(k, v)| (OsString::from(k), OsString::from(v))),
    );
    Isolation::Workers(WorkerCommand {
        program: std::env::current_exe().unwrap(),
        args: [
            "--exact",
            "ingest_worker_entry",
            "--nocapture",
            "--test-threads=1",
        ]
        .map(OsString::from)
        .to_vec(),
        env,
        unit_timeout: timeout,
    })
}

fn fx(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn inputs() -> Vec<PathBuf> {
    [
        "c-clang22-x86_64-O2.bc",
        "combined-ld-r.o",
        "mixed.a",
        "rs-rustc-x86_64-O0-g.bc",
        "multi-llvm-cat.bc",
        "c-clang14-x86_64-O2.bc",
        "c-clang22-x86_64-O2.ll",
    ]
    .iter()
    .map(|n| fx(n))
    .collect()
}

/// Origin and defined-function names of every module.
fn shape(i: &Ingested) -> Vec<(String, Vec<String>)> {
    i.modules
        .iter()
        .map(|m| {
            let mut f: Vec<String> = m
                .functions
                .iter()
                .filter(|f| !f.is_declaration)
                .map(|f| m.str(f.name).to_string())
                .collect();
            f.sort();
            (m.origin.clone(), f)
        })
        .collect()
}

#[test]
fn isolated_ingest_equals_in_process_ingest() {
    let local = ingest(
        &inputs(),
        &IngestOptions {
            jobs: 2,
            ..Default::default()
        },
    );
    let isolated = ingest_with(
        &inputs(),
        &IngestOptions {
            jobs: 2,
            ..Default::default()
        },
        &workers(&[], Duration::from_secs(120)),
    );
    assert!(local.errors.is_empty(), "{:#?}", local.errors);
    assert!(isolated.errors.is_empty(), "{:#?}", isolated.errors);
    assert_eq!(shape(&local).len(), 10);
    assert_eq!(shape(&local), shape(&isolated));
    assert_eq!(local.bytes, isolated.bytes);
    assert_eq!(local.notes, isolated.notes);
}

#[test]
fn a_dying_worker_costs_only_the_module_it_was_on() {
    // 10 modules; the worker aborts after every 3rd result it sends, so
    // each fresh worker reads 3 modules and dies on the 4th: modules 3 and
    // 7 are blamed (as a real LLVM crash would be), the rest still arrive.
    let got = ingest_with(
        &inputs(),
        &IngestOptions {
            jobs: 1,
            ..Default::default()
        },
        &workers(&[(DIE_ENV, "3")], Duration::from_secs(120)),
    );
    let all: Vec<String> = shape(&ingest(
        &inputs(),
        &IngestOptions {
            jobs: 1,
            ..Default::default()
        },
    ))
    .into_iter()
    .map(|(o, _)| o)
    .collect();
    assert_eq!(all.len(), 10);
    let blamed: Vec<&str> = got.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        blamed,
        [all[3].as_str(), all[7].as_str()],
        "{:#?}",
        got.errors
    );
    for e in &got.errors {
        assert!(
            e.reason.contains("LLVM crashed reading this module") && e.reason.contains("SIGABRT"),
            "{e:?}"
        );
    }
    let read: Vec<String> = got.modules.iter().map(|m| m.origin.clone()).collect();
    let expect: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 3 && *i != 7)
        .map(|(_, o)| o.clone())
        .collect();
    assert_eq!(read, expect);
}

#[test]
fn a_hanging_worker_is_killed_after_the_unit_timeout() {
    let start = Instant::now();
    let got = ingest_with(
        &[
            fx("c-clang22-x86_64-O2.bc"),
            fx("rs-rustc-x86_64-O2.bc"),
            fx("c-clang16-x86_64-O2.bc"),
        ],
        &IngestOptions {
            jobs: 1,
            ..Default::default()
        },
        &workers(&[(HANG_ENV, "1")], Duration::from_secs(2)),
    );
    // Each worker sends one result and then hangs: module 2 of 3 times out.
    assert_eq!(got.errors.len(), 1, "{:#?}", got.errors);
    assert!(
        got.errors[0].path.ends_with("rs-rustc-x86_64-O2.bc"),
        "{:?}",
        got.errors[0]
    );
    assert!(
        got.errors[0].reason.contains("timed out after 2s"),
        "{:?}",
        got.errors[0]
    );
    assert_eq!(got.modules.len(), 2);
    // One timeout for module 2, one for the worker that read module 3 and
    // hung before `Done`: that one must not blame anything.
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn a_worker_that_cannot_start_fails_every_unit_once() {
    let cmd = WorkerCommand {
        program: PathBuf::from("/nonexistent/seam-worker"),
        args: Vec::new(),
        env: Vec::new(),
        unit_timeout: Duration::from_secs(5),
    };
    let got = ingest_with(
        &[fx("combined-ld-r.o"), fx("c-clang22-x86_64-O2.bc")],
        &IngestOptions::default(),
        &Isolation::Workers(cmd),
    );
    assert!(got.modules.is_empty());
    assert_eq!(got.errors.len(), 3, "{:#?}", got.errors);
    for e in &got.errors {
        assert!(
            e.reason
                .contains("cannot start the ingest worker /nonexistent/seam-worker"),
            "{e:?}"
        );
    }
}

#[test]
fn with_a_cache_a_dying_worker_still_costs_only_its_module() {
    // As above, with a cache: after each crash the fresh worker gets the
    // remaining units with their content hashes, which must still line up.
    let dir = tempfile::tempdir().unwrap();
    let opts = IngestOptions {
        jobs: 1,
        cache: Some(ModuleCache::open(dir.path()).unwrap()),
    };
    let dying = workers(&[(DIE_ENV, "3")], Duration::from_secs(120));
    let got = ingest_with(&inputs(), &opts, &dying);
    let all = shape(&ingest(&inputs(), &IngestOptions::default()));
    let blamed: Vec<&str> = got.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        blamed,
        [all[3].0.as_str(), all[7].0.as_str()],
        "{:#?}",
        got.errors
    );
    let stats = got.cache.as_ref().unwrap();
    assert_eq!((stats.hits, stats.misses, stats.stored), (0, 10, 8));
    // Warm: the 8 stored modules are read back, the 2 blamed ones lowered
    // (fewer than 3 results: this time the worker lives).
    let warm = ingest_with(&inputs(), &opts, &dying);
    assert!(warm.errors.is_empty(), "{:#?}", warm.errors);
    let stats = warm.cache.as_ref().unwrap();
    assert_eq!((stats.hits, stats.misses, stats.stored), (8, 2, 2));
    assert_eq!(shape(&warm), all);
}

#[test]
fn a_unit_that_changed_after_the_scan_is_not_stored() {
    let dir = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("unit.bc");
    std::fs::copy(fx("c-clang22-x86_64-O2.bc"), &input).unwrap();
    let opts = IngestOptions {
        jobs: 1,
        cache: Some(ModuleCache::open(dir.path()).unwrap()),
    };
    let from = fx("c-clang19-x86_64-O2.bc");
    let rewriting = workers(
        &[
            (REWRITE_FROM_ENV, from.to_str().unwrap()),
            (REWRITE_TO_ENV, input.to_str().unwrap()),
        ],
        Duration::from_secs(120),
    );
    let got = ingest_with(std::slice::from_ref(&input), &opts, &rewriting);
    assert!(got.modules.is_empty());
    assert_eq!(got.errors.len(), 1, "{:#?}", got.errors);
    assert!(
        got.errors[0]
            .reason
            .contains("file changed while seam read it"),
        "{:?}",
        got.errors[0]
    );
    assert_eq!(got.cache.as_ref().unwrap().stored, 0);
    // The file now holds the clang-19 module; it is lowered and stored as such.
    let now = ingest_with(
        std::slice::from_ref(&input),
        &opts,
        &workers(&[], Duration::from_secs(120)),
    );
    assert!(now.errors.is_empty());
    let fresh = ingest(&[from], &IngestOptions::default());
    assert_eq!(
        seam::ir::print::print_module(&now.modules[0]).replace(input.to_str().unwrap(), "X"),
        seam::ir::print::print_module(&fresh.modules[0])
            .replace(fx("c-clang19-x86_64-O2.bc").to_str().unwrap(), "X")
    );
}
