//! The Rust-in-kernel rules: `rust-native-atomic`, `rust-native-lock`,
//! `rust-mmio-volatile`. Each looks at Rust accesses to memory C also
//! touches (or to MMIO), not at pairs.

use rustc_hash::FxHashSet as HashSet;
use std::collections::BTreeMap;

use seam_models::{LockAction, MmioRole};

use super::build::{func_name, innermost_op, lock_name, source_loc};
use super::Facts;
use crate::accesses::{Access, Marking};
use crate::ir::Language;
use crate::memory::Origin;
use crate::program::FuncId;
use crate::rules::{catalog, AccessKind, AccessSite, Finding, Level, PathStep, Related, StepKind};

pub fn check(facts: &Facts<'_, '_>) -> Vec<Finding> {
    // These rules are about Rust in the kernel (lockdep, LKMM, MMIO).
    if !facts.threads.kernel {
        return Vec::new();
    }
    let accesses = &facts.accesses.list;
    // C accesses per object, for "C also accesses this".
    let mut c_by_node: BTreeMap<u32, Vec<&Access>> = BTreeMap::new();
    for a in accesses {
        if facts.program.language(a.func) == Language::C {
            c_by_node.entry(a.ptr.node).or_default().push(a);
        }
    }
    let c_overlap = |a: &Access| -> Vec<&Access> {
        c_by_node
            .get(&a.ptr.node)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|c| overlaps(a, c) || facts.memory.is_collapsed(a.ptr.node))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut seen: HashSet<(String, FuncId, u32)> = HashSet::default();
    for a in accesses {
        if facts.program.language(a.func) != Language::Rust {
            continue;
        }
        // rust-native-atomic: a native LLVM atomic on memory C also uses.
        if matches!(a.marking, Marking::Atomic(_)) {
            let cs = c_overlap(a);
            if !cs.is_empty() && seen.insert(("rust-native-atomic".into(), a.func, a.inst)) {
                out.push(native_atomic(facts, a, &cs));
            }
        }
        // rust-native-lock: C-shared data protected by a lock lockdep cannot see.
        for h in &a.lockset {
            let info = facts.locks.info(h.lock);
            if info.kernel {
                continue;
            }
            let cs = c_overlap(a);
            if cs.is_empty() {
                continue;
            }
            let site = innermost_op(facts, h.site.0, h.lock, LockAction::Acquire).unwrap_or(h.site);
            if facts.program.language(site.0) != Language::Rust {
                continue;
            }
            if seen.insert(("rust-native-lock".into(), site.0, site.1)) {
                out.push(native_lock(facts, a, h.lock, site, &cs));
            }
        }
        // rust-mmio-volatile: volatile access to ioremap'd memory.
        if a.marking == Marking::Volatile
            && is_mmio(facts, a.ptr.node)
            && seen.insert(("rust-mmio-volatile".into(), a.func, a.inst))
        {
            out.push(mmio(facts, a));
        }
    }
    out
}

fn overlaps(a: &Access, b: &Access) -> bool {
    if a.size == 0 || b.size == 0 {
        return true;
    }
    a.ptr.off < b.ptr.off + b.size as i64 && b.ptr.off < a.ptr.off + a.size as i64
}

fn is_mmio(facts: &Facts<'_, '_>, node: u32) -> bool {
    facts.memory.origins(node).iter().any(|o| match o {
        Origin::External(name) => {
            let f = name.strip_suffix("()").unwrap_or(name);
            facts
                .index
                .by_name(f)
                .mmio
                .map(|m| m.role == MmioRole::Map)
                .unwrap_or(false)
        }
        _ => false,
    })
}

fn site(
    facts: &Facts<'_, '_>,
    f: FuncId,
    i: u32,
    kind: AccessKind,
    marking: &str,
    message: String,
) -> AccessSite {
    let loc = source_loc(facts, f, i);
    AccessSite {
        function: func_name(facts, f),
        language: facts.program.language(f),
        loc: loc.clone(),
        kind,
        size: 0,
        marking: marking.to_string(),
        lockset: Vec::new(),
        root: String::new(),
        path: vec![PathStep {
            kind: StepKind::Memory,
            function: func_name(facts, f),
            language: facts.program.language(f),
            loc,
            message,
        }],
    }
}

fn c_related(facts: &Facts<'_, '_>, cs: &[&Access]) -> Vec<Related> {
    let mut out: Vec<Related> = Vec::new();
    for c in cs {
        if let Some(loc) = source_loc(facts, c.func, c.inst) {
            if out.iter().any(|r| r.loc == loc) {
                continue;
            }
            out.push(Related {
                loc,
                message: format!(
                    "C accesses it here ({}, {})",
                    func_name(facts, c.func),
                    c.marking.describe()
                ),
            });
        }
        if out.len() >= 3 {
            break;
        }
    }
    out
}

fn level(rule: &str) -> Level {
    catalog::by_id(rule)
        .map(|r| r.level)
        .unwrap_or(Level::Warning)
}

fn native_atomic(facts: &Facts<'_, '_>, a: &Access, cs: &[&Access]) -> Finding {
    let loc = facts.memory.location_name(facts.program, a.ptr);
    let f = func_name(facts, a.func);
    let title =
        format!("`{f}` uses a core::sync::atomic operation on `{loc}`, which C also accesses");
    Finding {
        rule: "rust-native-atomic".into(),
        level: level("rust-native-atomic"),
        title: title.clone(),
        message: format!("{title}. In the kernel the LKMM is the memory model for Rust too: use kernel::sync::atomic (Atomic::from_ptr) so both sides use the same primitives."),
        location: loc.clone(),
        accesses: vec![site(facts, a.func, a.inst, a.kind, &a.marking.describe(), format!("{f} uses a native atomic on {loc}"))],
        related: c_related(facts, cs),
        confidence: 0.8,
        fingerprint: format!("rust-native-atomic|{f}|{loc}"),
    }
}

fn native_lock(
    facts: &Facts<'_, '_>,
    a: &Access,
    lock: u32,
    at: (FuncId, u32),
    cs: &[&Access],
) -> Finding {
    let loc = facts.memory.location_name(facts.program, a.ptr);
    let name = lock_name(facts, lock);
    let f = func_name(facts, at.0);
    let title = format!("`{loc}`, which C also accesses, is protected in Rust by `{name}`, a lock lockdep cannot see");
    let mut related = c_related(facts, cs);
    if let Some(l) = source_loc(facts, a.func, a.inst) {
        related.insert(
            0,
            Related {
                loc: l,
                message: format!("Rust accesses {loc} under {name} here"),
            },
        );
    }
    Finding {
        rule: "rust-native-lock".into(),
        level: level("rust-native-lock"),
        title: title.clone(),
        message: format!("{title}. C does not take this lock and lockdep does not know it: use a kernel lock (kernel::sync::SpinLock/Mutex) that C takes too."),
        location: loc.clone(),
        accesses: vec![site(facts, at.0, at.1, AccessKind::Update, "lock acquire", format!("{f} acquires {name}"))],
        related,
        confidence: 0.75,
        fingerprint: format!("rust-native-lock|{f}|{name}"),
    }
}

fn mmio(facts: &Facts<'_, '_>, a: &Access) -> Finding {
    let loc = facts.memory.location_name(facts.program, a.ptr);
    let f = func_name(facts, a.func);
    let verb = if a.kind == AccessKind::Read {
        "reads"
    } else {
        "writes"
    };
    let title = format!(
        "`{f}` {verb} ioremap'd memory `{loc}` with a volatile access instead of readl/writel"
    );
    Finding {
        rule: "rust-mmio-volatile".into(),
        level: level("rust-mmio-volatile"),
        title: title.clone(),
        message: format!("{title}. A volatile access gives no ordering against locks or DMA on arm64 and skips PowerPC's io_sync handling; use the readl/writel family (kernel::io::Io)."),
        location: loc.clone(),
        accesses: vec![site(facts, a.func, a.inst, a.kind, "volatile", format!("{f} {verb} MMIO"))],
        related: Vec::new(),
        confidence: 0.7,
        fingerprint: format!("rust-mmio-volatile|{f}|{loc}"),
    }
}
