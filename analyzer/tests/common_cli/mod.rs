//! Shared helpers of the `cli_*` tests: hand-built, realistic findings (the
//! analysis is tested elsewhere) and running the `seam` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use seam::ir::Language;
use seam::rules::{
    AccessKind, AccessSite, Finding, HeldLock, Level, PathStep, Related, SourceLoc, StepKind,
};

pub const C_SOURCE: &str = "\
#include <linux/interrupt.h>

static irqreturn_t foo_irq(int irq, void *data)
{
\tstruct foo_dev *dev = data;

\tdev->events++;
\treturn IRQ_HANDLED;
}
";

pub const RUST_SOURCE: &str = "\
fn poll(dev: *mut bindings::foo_dev) -> u32 {
    let _g = unsafe { lock(dev) };
    unsafe { (*dev).events }
}
";

/// Writes the two source files the finding points at under `root`.
pub fn write_sources(root: &Path) {
    std::fs::create_dir_all(root.join("drivers/misc")).unwrap();
    std::fs::create_dir_all(root.join("rust")).unwrap();
    std::fs::write(root.join("drivers/misc/foo.c"), C_SOURCE).unwrap();
    std::fs::write(root.join("rust/foo.rs"), RUST_SOURCE).unwrap();
}

fn loc(file: &str, line: u32, column: u32) -> Option<SourceLoc> {
    Some(SourceLoc {
        file: file.into(),
        line,
        column,
    })
}

/// A C IRQ handler increments a field that a Rust work item reads under a
/// lock the C side never takes.
pub fn ffi_race() -> Finding {
    Finding {
        rule: "ffi-data-race".into(),
        level: Level::Error,
        title: "data race on `struct foo_dev.events` between C and Rust".into(),
        message: "The C write is plain and holds no lock; the Rust read holds `struct foo_dev.lock`, which the C side does not take.".into(),
        location: "struct foo_dev.events".into(),
        accesses: vec![
            AccessSite {
                function: "foo_irq".into(),
                language: Language::C,
                loc: loc("drivers/misc/foo.c", 7, 2),
                kind: AccessKind::Write,
                size: 4,
                marking: "plain".into(),
                lockset: vec![],
                root: "irq handler foo_irq (hardirq)".into(),
                path: vec![PathStep {
                    kind: StepKind::Entry,
                    function: "foo_irq".into(),
                    language: Language::C,
                    loc: loc("drivers/misc/foo.c", 3, 1),
                    message: "IRQ handler registered with request_irq()".into(),
                }],
            },
            AccessSite {
                function: "foo::poll".into(),
                language: Language::Rust,
                loc: loc("rust/foo.rs", 3, 14),
                kind: AccessKind::Read,
                size: 4,
                marking: "plain".into(),
                lockset: vec![HeldLock {
                    name: "struct foo_dev.lock".into(),
                    kind: "spin".into(),
                    mode: "write".into(),
                    acquired_at: loc("rust/foo.rs", 2, 23),
                }],
                root: "work item foo_work_fn".into(),
                path: vec![
                    PathStep {
                        kind: StepKind::Entry,
                        function: "foo::foo_work_fn".into(),
                        language: Language::Rust,
                        loc: None,
                        message: String::new(),
                    },
                    PathStep {
                        kind: StepKind::Call,
                        function: "foo::poll".into(),
                        language: Language::Rust,
                        loc: loc("rust/foo.rs", 1, 1),
                        message: "calls foo::poll".into(),
                    },
                ],
            },
        ],
        related: vec![Related { loc: SourceLoc { file: "drivers/misc/foo.c".into(), line: 3, column: 1 }, message: "handler defined here".into() }],
        confidence: 0.85,
        fingerprint: "ffi-data-race|foo_irq|foo::poll|struct foo_dev.events".into(),
    }
}

/// The `seam` binary, with its default module cache under the target
/// directory instead of the user's.
pub fn seam() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_seam"));
    cmd.env("SEAM_CACHE_DIR", test_cache_dir());
    cmd
}

/// Where binaries run by tests keep their module cache.
pub fn test_cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("seam-module-cache")
}

pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("seam runs");
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// A valid module without functions: bitcode when `llvm-as` is available
/// (LLVM 22, as `.ci/setup.sh` installs it), textual IR otherwise.
pub fn empty_module(dir: &Path) -> PathBuf {
    let ll = dir.join("empty.ll");
    std::fs::write(&ll, "source_filename = \"empty.c\"\n").unwrap();
    let prefix = std::env::var("LLVM_SYS_221_PREFIX").unwrap_or_else(|_| "/usr/lib/llvm-22".into());
    let bc = dir.join("empty.bc");
    let ok = Command::new(Path::new(&prefix).join("bin/llvm-as"))
        .arg(&ll)
        .arg("-o")
        .arg(&bc)
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        bc
    } else {
        ll
    }
}

pub fn schema_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/sarif-schema-2.1.0.json")
}

/// Compiles C `source` as `dir/<name>.c` to `dir/<name>.bc` with clang-22
/// (`SEAM_CLANG` overrides), `-O2 -g -ffreestanding`.
pub fn compile_c(dir: &Path, name: &str, source: &str) -> PathBuf {
    let c = dir.join(format!("{name}.c"));
    std::fs::write(&c, source).unwrap();
    let bc = dir.join(format!("{name}.bc"));
    let clang = std::env::var("SEAM_CLANG").unwrap_or_else(|_| "clang-22".into());
    let ok = Command::new(clang)
        .args(["-c", "-emit-llvm", "-g", "-O2", "-ffreestanding", "-o"])
        .arg(&bc)
        .arg(&c)
        .status()
        .expect("clang-22 runs");
    assert!(ok.success());
    bc
}

/// `seam check` on `inputs` (run in `dir`), its JSON report written to
/// `dir/<out>` and parsed; fails the test unless seam exits 0.
pub fn check_json(dir: &Path, inputs: &[&Path], out: &str) -> serde_json::Value {
    let json = dir.join(out);
    let (code, _out, err) = run(seam()
        .args(["check", "-q", "--no-cache", "--fail-on", "never", "--json"])
        .arg(&json)
        .args(inputs)
        .current_dir(dir));
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap()
}
