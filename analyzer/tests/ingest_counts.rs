//! For every single-module fixture, the instruction counts seam reports
//! (`seam::ir::print::counts`) equal counts taken from `llvm-dis-22` text of
//! the same file, so lowering neither drops nor invents accesses, calls or
//! asm across clang 14 (typed pointers) to 22, rustc, -O0/-O2, -g, x86_64
//! and aarch64.
//!
//! Counting rules on the text, the same as documented in `ir/print.rs`:
//! an instruction line is indented; `%x = ` is stripped; then
//! - `load [atomic] [volatile]` → loads (+volatile, +atomics);
//! - `store [atomic] [volatile]` → stores (+volatile, +atomics);
//! - `atomicrmw [volatile]`, `cmpxchg [weak] [volatile]`, `fence` → atomics (+volatile);
//! - `[tail|musttail|notail] call|invoke|callbr`: inline asm (the `asm`
//!   keyword before the first string) → asm; a callee `@llvm.*` matching a
//!   prefix in `seam::ingest::lower::NON_CALL_INTRINSICS` → not counted;
//!   anything else → calls.

use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;
use seam::ingest::lower::NON_CALL_INTRINSICS;
use seam::ingest::{ingest, IngestOptions};
use seam::ir::print::{counts, Counts};

const LLVM_DIS: &str = "/usr/lib/llvm-22/bin/llvm-dis";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Counts instructions in LLVM text IR by the rules in the file comment.
fn count_text(ir: &str) -> Counts {
    let callee = Regex::new(r#"[@%]([-\w.$]+)\("#).unwrap();
    let asm = Regex::new(r#"^[^"]*\basm\b"#).unwrap();
    let mut c = Counts::default();
    for line in ir.lines() {
        if !line.starts_with("  ") {
            continue;
        }
        let mut t = line.trim();
        if t.starts_with('%') {
            match t.find(" = ") {
                Some(i) => t = &t[i + 3..],
                None => continue,
            }
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let Some(&op) = words.first() else { continue };
        let has = |w: &str, within: usize| words.iter().skip(1).take(within).any(|x| *x == w);
        match op {
            "load" | "store" => {
                if op == "load" {
                    c.loads += 1;
                } else {
                    c.stores += 1;
                }
                c.volatile += u64::from(has("volatile", 2));
                c.atomics += u64::from(has("atomic", 1));
            }
            "atomicrmw" | "cmpxchg" => {
                c.atomics += 1;
                c.volatile += u64::from(has("volatile", 2));
            }
            "fence" => c.atomics += 1,
            _ => {
                let rest = match op {
                    "tail" | "musttail" | "notail" => &words[1..],
                    _ => &words[..],
                };
                if !matches!(
                    rest.first(),
                    Some(&"call") | Some(&"invoke") | Some(&"callbr")
                ) {
                    continue;
                }
                if asm.is_match(t) {
                    c.asm += 1;
                    continue;
                }
                let name = callee
                    .captures(t)
                    .map(|m| m[1].to_string())
                    .unwrap_or_default();
                if t.contains(&format!("@{name}("))
                    && NON_CALL_INTRINSICS.iter().any(|p| name.starts_with(p))
                {
                    continue;
                }
                c.calls += 1;
            }
        }
    }
    c
}

fn llvm_dis(path: &Path) -> String {
    assert!(
        Path::new(LLVM_DIS).exists(),
        "{LLVM_DIS} is missing: run `make setup` (installs llvm-22)"
    );
    let out = Command::new(LLVM_DIS)
        .arg(path)
        .arg("-o")
        .arg("-")
        .output()
        .expect("run llvm-dis");
    assert!(
        out.status.success(),
        "llvm-dis {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 IR")
}

#[test]
fn text_counter_follows_the_rules() {
    let ir = r#"
define void @f(ptr %p) {
  %1 = load i32, ptr %p, align 4
  %2 = load volatile i32, ptr %p, align 4
  %3 = load atomic i32, ptr %p acquire, align 4
  store atomic volatile i32 1, ptr %p release, align 4
  %4 = atomicrmw volatile add ptr %p, i32 1 seq_cst, align 4
  %5 = cmpxchg weak ptr %p, i32 0, i32 1 acq_rel acquire, align 4
  fence seq_cst
  call void @llvm.dbg.declare(metadata ptr %p, metadata !1, metadata !DIExpression())
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr %p, i64 4, i1 false)
  %6 = call i32 @llvm.ctpop.i32(i32 %1)
  tail call void @g(ptr @h)
  %7 = call i32 (ptr, ...) @printf(ptr %p)
  call void %p(i32 1)
  call void asm sideeffect "lock; incl $0", "=*m,*m"(ptr elementtype(i32) %p, ptr elementtype(i32) %p)
  ret void
}
"#;
    let c = count_text(ir);
    assert_eq!(
        c,
        Counts {
            loads: 3,
            stores: 1,
            volatile: 3,
            atomics: 5,
            calls: 4,
            asm: 1
        }
    );
}

#[test]
fn seam_counts_equal_llvm_dis_counts_for_every_fixture() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            ((n.starts_with("c-") || n.starts_with("rs-")) && n.ends_with(".bc"))
                || n == "c-lto.o"
                || n.ends_with(".ll")
        })
        .collect();
    names.sort();
    assert!(names.len() >= 43, "{names:?}");
    let paths: Vec<PathBuf> = names.iter().map(|n| fixtures().join(n)).collect();
    let got = ingest(&paths, &IngestOptions::default());
    assert!(got.errors.is_empty(), "{:#?}", got.errors);
    assert_eq!(got.modules.len(), names.len());
    let mut mismatches = Vec::new();
    let mut total = Counts::default();
    for (m, p) in got.modules.iter().zip(&paths) {
        let text = if p.extension().is_some_and(|e| e == "ll") {
            std::fs::read_to_string(p).unwrap()
        } else {
            llvm_dis(p)
        };
        let want = count_text(&text);
        let seen = counts(m);
        if seen != want {
            mismatches.push(format!(
                "{}:\n  seam     {seen}\n  llvm-dis {want}",
                p.display()
            ));
        }
        total.loads += want.loads;
        total.stores += want.stores;
        total.volatile += want.volatile;
        total.atomics += want.atomics;
        total.calls += want.calls;
        total.asm += want.asm;
    }
    eprintln!("llvm-dis totals over {} fixtures: {total}", names.len());
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    // The fixtures exercise every category, so equal counts mean something.
    assert!(
        total.loads > 0
            && total.stores > 0
            && total.volatile > 0
            && total.atomics > 0
            && total.calls > 0
            && total.asm > 0,
        "{total}"
    );
}
