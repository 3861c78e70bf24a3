//! The module cache: a warm run reads every module back and gives the same
//! modules and the same findings as a cold one; damaged entries, changed
//! inputs and parse failures are misses, never errors; `--no-cache` writes
//! nothing. Library calls (both isolation modes) and the `seam` binary.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use seam::ingest::{
    ingest_with, CacheStats, IngestOptions, Ingested, Isolation, ModuleCache, WorkerCommand,
};

fn fx(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Single modules, archives, a multi-module `.llvmbc`, an `llvm-cat -b`
/// stream, text IR: 11 units, some the same bytes as others (the modules
/// of `combined-ld-r.o` are also given on their own).
fn inputs() -> Vec<PathBuf> {
    [
        "c-clang22-x86_64-O2.bc",
        "combined-ld-r.o",
        "mixed.a",
        "rs-rustc-x86_64-O0-g.bc",
        "multi-llvm-cat.bc",
        "c-clang14-x86_64-O2.bc",
        "c-clang22-x86_64-O2.ll",
        "libshared_rs.rlib",
    ]
    .iter()
    .map(|n| fx(n))
    .collect()
}

const UNITS: usize = 11;

fn workers() -> Isolation {
    Isolation::Workers(WorkerCommand {
        program: PathBuf::from(env!("CARGO_BIN_EXE_seam")),
        args: vec![OsString::from(seam::ingest::WORKER_SUBCOMMAND)],
        env: Vec::new(),
        unit_timeout: Duration::from_secs(120),
    })
}

fn opts(cache: Option<&Path>) -> IngestOptions {
    IngestOptions {
        jobs: 2,
        cache: cache.map(|d| ModuleCache::open(d).expect("cache opens")),
    }
}

/// Every module as `seam ir` prints it, with its origin: equal lists mean
/// equal modules in equal order.
fn printed(i: &Ingested) -> Vec<(String, String)> {
    i.modules
        .iter()
        .map(|m| (m.origin.clone(), seam::ir::print::print_module(m)))
        .collect()
}

/// Every file under the cache's directories (entries and leftovers).
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            if e.path().is_dir() {
                todo.push(e.path());
            } else if d != dir {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

fn counts(s: &Option<CacheStats>) -> (usize, usize, usize, usize) {
    let s = s.as_ref().expect("cache stats");
    assert_eq!(s.problem, None);
    (s.hits, s.misses, s.rejected, s.stored)
}

#[test]
fn warm_ingest_reads_every_module_back_in_both_isolation_modes() {
    let plain = ingest_with(&inputs(), &opts(None), &Isolation::InProcess);
    assert!(plain.errors.is_empty(), "{:#?}", plain.errors);
    assert!(plain.cache.is_none());
    let units = plain.modules.len();
    assert_eq!(units, UNITS);
    for isolation in [Isolation::InProcess, workers()] {
        let dir = tempfile::tempdir().unwrap();
        let cold = ingest_with(&inputs(), &opts(Some(dir.path())), &isolation);
        // Units with the same bytes share an entry.
        let stored = entries(dir.path()).len();
        assert!((8..units).contains(&stored), "{stored} entries");
        let (hits, misses, rejected, _) = counts(&cold.cache);
        assert_eq!((hits + misses, rejected), (units, 0));
        let warm = ingest_with(&inputs(), &opts(Some(dir.path())), &isolation);
        assert_eq!(counts(&warm.cache), (units, 0, 0, 0), "{isolation:?}");
        for got in [&cold, &warm] {
            assert_eq!(printed(got), printed(&plain), "{isolation:?}");
            assert_eq!(got.errors, plain.errors);
            assert_eq!(got.notes, plain.notes);
            assert_eq!(got.bytes, plain.bytes);
        }
        assert!(entries(dir.path())
            .iter()
            .all(|e| e.extension().is_some_and(|x| x == "module")));
    }
}

#[test]
fn partial_and_damaged_caches_give_the_same_modules_in_the_same_order() {
    let plain = ingest_with(&inputs(), &opts(None), &Isolation::InProcess);
    for isolation in [Isolation::InProcess, workers()] {
        let dir = tempfile::tempdir().unwrap();
        ingest_with(&inputs(), &opts(Some(dir.path())), &isolation);
        let all = entries(dir.path());
        // Every other entry gone, the others damaged in different ways.
        for (i, e) in all.iter().enumerate() {
            let mut data = std::fs::read(e).unwrap();
            match i % 4 {
                0 => std::fs::remove_file(e).unwrap(),
                1 => {
                    data.truncate(data.len() / 2);
                    std::fs::write(e, data).unwrap();
                }
                2 => std::fs::remove_file(e).unwrap(),
                _ => {
                    let mid = data.len() / 2;
                    data[mid] ^= 0xff;
                    std::fs::write(e, data).unwrap();
                }
            }
        }
        let damaged = ingest_with(&inputs(), &opts(Some(dir.path())), &isolation);
        let (hits, misses, rejected, stored) = counts(&damaged.cache);
        // No entry was left intact; a hit can only be a unit whose twin
        // was lowered and stored again earlier in this run.
        assert!(hits <= UNITS - all.len(), "{isolation:?}: {hits} hits");
        assert_eq!(hits + misses, UNITS);
        assert!(
            rejected >= all.len() / 2,
            "{isolation:?}: {rejected} rejected"
        );
        assert_eq!(
            stored, misses,
            "{isolation:?}: everything lowered is stored again"
        );
        assert_eq!(entries(dir.path()).len(), all.len());
        assert_eq!(printed(&damaged), printed(&plain), "{isolation:?}");
        assert!(damaged.errors.is_empty());

        // Only some entries present: hits and misses interleave in one file.
        for e in entries(dir.path()).iter().step_by(2) {
            std::fs::remove_file(e).unwrap();
        }
        let mixed = ingest_with(&inputs(), &opts(Some(dir.path())), &isolation);
        let (hits, misses, _, _) = counts(&mixed.cache);
        assert!(hits > 0 && misses > 0, "{hits} hits, {misses} misses");
        assert_eq!(printed(&mixed), printed(&plain), "{isolation:?}");
        let warm = ingest_with(&inputs(), &opts(Some(dir.path())), &isolation);
        assert_eq!(counts(&warm.cache), (UNITS, 0, 0, 0));
    }
}

#[test]
fn identical_units_at_other_paths_keep_their_own_names() {
    let dir = tempfile::tempdir().unwrap();
    let copies = tempfile::tempdir().unwrap();
    let a = copies.path().join("a.bc");
    let b = copies.path().join("b.bc");
    std::fs::copy(fx("c-clang22-x86_64-O2.bc"), &a).unwrap();
    std::fs::copy(fx("c-clang22-x86_64-O2.bc"), &b).unwrap();
    ingest_with(
        std::slice::from_ref(&a),
        &opts(Some(dir.path())),
        &workers(),
    );
    let got = ingest_with(&[a.clone(), b.clone()], &opts(Some(dir.path())), &workers());
    assert_eq!(counts(&got.cache), (2, 0, 0, 0));
    let origins: Vec<&str> = got.modules.iter().map(|m| m.origin.as_str()).collect();
    assert_eq!(origins, [a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(entries(dir.path()).len(), 1);
    // Lowered in this process (the test binary, not the seam binary the
    // workers run), the module is another entry.
    let here = ingest_with(
        std::slice::from_ref(&b),
        &opts(Some(dir.path())),
        &Isolation::InProcess,
    );
    assert_eq!(counts(&here.cache), (0, 1, 0, 1));
    assert_eq!(entries(dir.path()).len(), 2);
}

#[test]
fn a_changed_input_is_the_only_miss() {
    let dir = tempfile::tempdir().unwrap();
    let tree = tempfile::tempdir().unwrap();
    let names = ["one.bc", "two.bc", "three.bc"];
    let sources = [
        "c-clang22-x86_64-O2.bc",
        "rs-rustc-x86_64-O2.bc",
        "c-clang19-x86_64-O0.bc",
    ];
    for (n, s) in names.iter().zip(sources) {
        std::fs::copy(fx(s), tree.path().join(n)).unwrap();
    }
    let input = [tree.path().to_path_buf()];
    let cold = ingest_with(&input, &opts(Some(dir.path())), &workers());
    assert_eq!(counts(&cold.cache), (0, 3, 0, 3));
    // "two.bc" is rebuilt: different bytes at the same path.
    std::fs::copy(fx("rs-rustc-x86_64-O0.bc"), tree.path().join("two.bc")).unwrap();
    let warm = ingest_with(&input, &opts(Some(dir.path())), &workers());
    assert_eq!(counts(&warm.cache), (2, 1, 0, 1));
    let fresh = ingest_with(&input, &opts(None), &Isolation::InProcess);
    assert_eq!(printed(&warm), printed(&fresh));
    assert_eq!(entries(dir.path()).len(), 4);
}

#[test]
fn modules_that_fail_to_parse_are_never_cached() {
    let dir = tempfile::tempdir().unwrap();
    let bad = tempfile::tempdir().unwrap();
    // Damaged inside the module: only LLVM finds out.
    let mut data = std::fs::read(fx("c-clang22-x86_64-O2.bc")).unwrap();
    let n = data.len();
    for b in &mut data[n / 3..n / 3 + 64] {
        *b = 0xff;
    }
    let damaged = bad.path().join("damaged.bc");
    std::fs::write(&damaged, data).unwrap();
    let inputs = [
        damaged,
        fx("rs-rustc-x86_64-O2.bc"),
        fx("crash/llvm22-segv.bc"),
    ];
    for isolation in [workers(), workers()] {
        let got = ingest_with(&inputs, &opts(Some(dir.path())), &isolation);
        assert_eq!(got.errors.len(), 2, "{:#?}", got.errors);
        assert_eq!(got.modules.len(), 1);
    }
    assert_eq!(entries(dir.path()).len(), 1);
    let last = ingest_with(&inputs, &opts(Some(dir.path())), &workers());
    assert_eq!(counts(&last.cache), (1, 2, 0, 0));
}

/// A cache directory that cannot be created is reported by `open`, and
/// the binary runs without it after one warning.
#[test]
fn an_unusable_cache_directory_is_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    assert!(ModuleCache::open(file.join("cache")).is_err());
    let out = seam_check(
        &[fx("c-clang22-x86_64-O2.bc")],
        &["--cache".as_ref(), file.join("cache").as_os_str()],
        tmp.path(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr
            .matches("warning: running without the module cache")
            .count(),
        1,
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("error"), "{}", out.stderr);
}

struct Run {
    code: i32,
    json: String,
    stderr: String,
}

/// `seam check --format json --fail-on never` with `extra` arguments and
/// `home` as every default cache location.
fn seam_check(inputs: &[PathBuf], extra: &[&std::ffi::OsStr], home: &Path) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_seam"))
        .env_remove("SEAM_CACHE_DIR")
        .env_remove("XDG_CACHE_HOME")
        .env("HOME", home)
        .args([
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--jobs",
            "2",
        ])
        .args(extra)
        .args(inputs)
        .output()
        .expect("seam runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        json: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// "note: module cache: H of N modules read from DIR, S stored" → (H, N, S).
fn cache_note(stderr: &str) -> (usize, usize, usize) {
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("note: module cache: "))
        .unwrap_or_else(|| panic!("no cache note in:\n{stderr}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    let num = |w: &str| w.trim_end_matches(',').parse::<usize>().unwrap();
    let stored = words
        .iter()
        .position(|w| w.trim_end_matches(',') == "stored")
        .unwrap()
        - 1;
    (num(words[0]), num(words[2]), num(words[stored]))
}

#[test]
fn binary_cold_and_warm_findings_are_identical() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".cache/seam/modules");
    let none = seam_check(&inputs(), &["--no-cache".as_ref()], home.path());
    assert_eq!(none.code, 0, "{}", none.stderr);
    assert!(none.json.contains("\"rule\""), "the inputs have findings");
    assert!(!none.stderr.contains("module cache"), "{}", none.stderr);
    assert!(
        !home.path().join(".cache").exists(),
        "--no-cache wrote nothing"
    );

    // Default location: $HOME/.cache/seam/modules.
    let cold = seam_check(&inputs(), &[], home.path());
    assert_eq!(cold.code, 0, "{}", cold.stderr);
    assert_eq!(cache_note(&cold.stderr).0, 0);
    let stored = entries(&dir).len();
    assert!(stored >= 8, "{stored}");
    let warm = seam_check(&inputs(), &[], home.path());
    assert_eq!(cache_note(&warm.stderr), (UNITS, UNITS, 0));
    assert_eq!(cold.json, none.json);
    assert_eq!(warm.json, none.json);

    // Every entry damaged: the same findings, no error, entries replaced.
    for e in entries(&dir) {
        let mut data = std::fs::read(&e).unwrap();
        let at = data.len() - 10;
        data[at] ^= 1;
        std::fs::write(&e, data).unwrap();
    }
    let damaged = seam_check(&inputs(), &[], home.path());
    assert_eq!(damaged.code, 0, "{}", damaged.stderr);
    assert!(!damaged.stderr.contains("error"), "{}", damaged.stderr);
    assert!(damaged.stderr.contains("damaged or stale entries replaced"));
    assert_eq!(cache_note(&damaged.stderr).0, 0);
    assert_eq!(damaged.json, none.json);
    let again = seam_check(&inputs(), &[], home.path());
    assert_eq!(cache_note(&again.stderr), (UNITS, UNITS, 0));
    assert_eq!(again.json, none.json);

    // `--cache DIR` and $SEAM_CACHE_DIR / $XDG_CACHE_HOME.
    let explicit = home.path().join("explicit");
    let run = seam_check(
        &inputs(),
        &["--cache".as_ref(), explicit.as_os_str()],
        home.path(),
    );
    assert_eq!(cache_note(&run.stderr).0, 0);
    assert_eq!(entries(&explicit).len(), stored);
    let quiet = seam_check(
        &inputs(),
        &["-q".as_ref(), "--cache".as_ref(), explicit.as_os_str()],
        home.path(),
    );
    assert_eq!(quiet.stderr, "", "-q prints no cache note");
    let xdg = home.path().join("xdg");
    let out = Command::new(env!("CARGO_BIN_EXE_seam"))
        .env_remove("SEAM_CACHE_DIR")
        .env("XDG_CACHE_HOME", &xdg)
        .args(["ir"])
        .arg(fx("c-clang22-x86_64-O2.bc"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(entries(&xdg.join("seam/modules")).len(), 1);
    let env_dir = home.path().join("env");
    let out = Command::new(env!("CARGO_BIN_EXE_seam"))
        .env("SEAM_CACHE_DIR", &env_dir)
        .env("XDG_CACHE_HOME", &xdg)
        .args(["ir", "--no-cache"])
        .arg(fx("c-clang22-x86_64-O2.bc"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!env_dir.exists());
}

#[test]
fn binary_reports_bad_inputs_on_every_run() {
    let home = tempfile::tempdir().unwrap();
    let cut = home.path().join("cut.bc");
    let good = std::fs::read(fx("c-clang22-x86_64-O2.bc")).unwrap();
    std::fs::write(&cut, &good[..good.len() / 2]).unwrap();
    let inputs = [
        fx("rs-rustc-x86_64-O2.bc"),
        cut,
        fx("crash/llvm22-oom-abort.bc"),
    ];
    let cold = seam_check(&inputs, &[], home.path());
    let warm = seam_check(&inputs, &[], home.path());
    assert_eq!(cold.code, 2);
    assert_eq!(warm.code, 2);
    let errors = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with("error:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(errors(&cold.stderr).len(), 2, "{}", cold.stderr);
    assert_eq!(errors(&cold.stderr), errors(&warm.stderr));
    assert_eq!(cold.json, warm.json);
    // The LLVM crash is looked up and missed each time; the truncated file
    // is refused before any lookup.
    assert_eq!(cache_note(&warm.stderr), (1, 2, 0));
}
