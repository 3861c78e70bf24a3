//! Mutation test: 1,200 damaged inputs derived from the fixtures (bit
//! flips, truncations, overwritten runs, splices of two fixtures, and
//! top-level blocks swapped between fixtures), from a fixed seed.
//! Requirements: no panic, no abort of the analysing process, no hang, and
//! every input accounted for (modules or an error naming it).
//!
//! LLVM 22's bitcode reader does crash on some of these (segfaults in the
//! metadata loader, "LLVM ERROR: out of memory" aborts), so the run uses
//! worker isolation, exactly as the `seam` binary does; the worker is this
//! test binary (see `ingest_worker_entry`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use seam::ingest::{ingest_with, survey, IngestOptions, Isolation, WorkerCommand};

const WORKER_ENV: &str = "SEAM_TEST_INGEST_WORKER";
const MUTANTS: usize = 1200;
const SEED: u64 = 0x5EA3_2026_0001;

#[test]
fn ingest_worker_entry() {
    if std::env::var_os(WORKER_ENV).is_none() {
        return; // an ordinary test run: nothing to do
    }
    let code =
        seam::ingest::worker_main(&mut std::io::stdin().lock(), &mut std::io::stdout().lock());
    std::process::exit(code);
}

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Top-level blocks of a raw single-file bitcode fixture: (start, end).
fn top_blocks(data: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 4;
    while pos + 8 <= data.len() {
        let words = u32::from_le_bytes(data[pos + 4..pos + 8].try_into().unwrap()) as usize;
        let end = pos + 8 + words * 4;
        if end > data.len() {
            break;
        }
        out.push((pos, end));
        pos = end;
    }
    out
}

fn mutate(rng: &mut Rng, i: usize, fixtures: &[(String, Vec<u8>)]) -> (String, Vec<u8>) {
    let (name, base) = &fixtures[rng.below(fixtures.len())];
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("bin")
        .to_string();
    let mut data = base.clone();
    let len = data.len();
    match i % 5 {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let p = rng.below(len);
                data[p] ^= 1 << rng.below(8);
            }
        }
        1 => data.truncate(1 + rng.below(len - 1)),
        2 => {
            let p = rng.below(len);
            for b in data.iter_mut().skip(p).take(1 + rng.below(64)) {
                *b = rng.next() as u8;
            }
        }
        3 => {
            let (_, other) = &fixtures[rng.below(fixtures.len())];
            let p = 4 + rng.below(len - 4);
            let q = 4 + rng.below(other.len() - 4);
            data.truncate(p);
            data.extend_from_slice(&other[q..]);
        }
        _ => {
            // Swap one top-level block (identification, module, strtab,
            // symtab) for the block at the same index of another fixture.
            let (_, other) = &fixtures[rng.below(fixtures.len())];
            let (mine, theirs) = (top_blocks(&data), top_blocks(other));
            if !mine.is_empty() && !theirs.is_empty() {
                let k = rng.below(mine.len().min(theirs.len()));
                let (a, b) = mine[k];
                let (c, d) = theirs[k];
                data.splice(a..b, other[c..d].iter().copied());
            } else {
                data[len / 2] ^= 0x10;
            }
        }
    }
    (
        format!(
            "m{i:04}-{}.{ext}",
            name.trim_end_matches(&format!(".{ext}"))
        ),
        data,
    )
}

#[test]
fn thousand_mutants_no_panic_no_abort_no_hang() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut fixtures: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            [".bc", ".o", ".a", ".rlib", ".ll"]
                .iter()
                .any(|x| n.ends_with(x))
        })
        .map(|n| {
            let d = std::fs::read(dir.join(&n)).unwrap();
            (n, d)
        })
        .collect();
    fixtures.sort();
    assert!(fixtures.len() > 40);

    let tmp = tempfile::tempdir().unwrap();
    let mut rng = Rng(SEED);
    let mut paths: Vec<PathBuf> = Vec::new();
    for i in 0..MUTANTS {
        let (name, data) = mutate(&mut rng, i, &fixtures);
        let p = tmp.path().join(name);
        std::fs::write(&p, data).unwrap();
        paths.push(p);
    }

    // The container code runs in-process on every mutant: it must not panic.
    let sv = survey(&paths, &IngestOptions::default());
    assert!(sv.modules.len() + sv.errors.len() >= MUTANTS);

    let isolation = Isolation::Workers(WorkerCommand {
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
        unit_timeout: Duration::from_secs(120),
    });
    let start = Instant::now();
    let got = ingest_with(
        &paths,
        &IngestOptions {
            jobs: 2,
            ..Default::default()
        },
        &isolation,
    );
    let elapsed = start.elapsed();

    let crashed = got
        .errors
        .iter()
        .filter(|e| e.reason.contains("LLVM crashed"))
        .count();
    let hung: Vec<_> = got
        .errors
        .iter()
        .filter(|e| e.reason.contains("timed out"))
        .collect();
    let not_started: Vec<_> = got
        .errors
        .iter()
        .filter(|e| e.reason.contains("did not start") || e.reason.contains("cannot start"))
        .collect();
    eprintln!(
        "mutants: {MUTANTS}, modules read: {}, errors: {}, LLVM crashes contained: {crashed}, time: {elapsed:?}",
        got.modules.len(),
        got.errors.len()
    );
    assert!(hung.is_empty(), "hangs: {hung:#?}");
    assert!(not_started.is_empty(), "worker failures: {not_started:#?}");
    for e in &got.errors {
        assert!(!e.reason.is_empty() && !e.reason.contains('\n'), "{e:?}");
    }
    // Every mutant gave modules or errors, under its own name.
    for p in &paths {
        let name = p.to_string_lossy();
        let seen = got.modules.iter().any(|m| m.origin.starts_with(&*name))
            || got.errors.iter().any(|e| e.path.starts_with(&*name));
        assert!(seen, "{name}: neither a module nor an error");
    }
    // Mutants damage most inputs, but bit flips in string data and some
    // block swaps leave readable modules: both outcomes must occur.
    assert!(
        got.modules.len() > 50,
        "only {} modules read",
        got.modules.len()
    );
    assert!(
        got.errors.len() > MUTANTS / 2,
        "only {} errors",
        got.errors.len()
    );
}
