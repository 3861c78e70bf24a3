//! Turning analysis facts into [`Finding`]s: source locations, names,
//! locksets and call paths in source terms.

use super::Facts;
use crate::accesses::Access;
use crate::locks::{Held, LockKey};
use crate::program::{strip_hash, FuncId};
use crate::rules::{
    catalog, AccessKind, AccessSite, Finding, HeldLock, Level, PathStep, Related, SourceLoc,
    StepKind,
};

/// The source position of an instruction as the user sees it: the
/// innermost inlined position that is in the same file as the function the
/// code ended up in (so a primitive inlined from a header or another crate
/// is reported where it was used, but a helper from the same file is
/// reported inside the helper).
pub fn source_loc(facts: &Facts<'_, '_>, f: FuncId, inst: u32) -> Option<SourceLoc> {
    let m = facts.program.module_of(f);
    let func = facts.program.function(f);
    let mut chain = Vec::new();
    // Optimisers drop the location of hoisted or merged instructions; the
    // nearest located instruction of the same block stands in for it.
    let mut loc = func.insts.get(inst as usize)?.loc;
    // A hoisted load of `x` in `x++` inside a loop: the store to `x` has the line.
    if loc.is_none() {
        let ptr_of = |k: usize| match &func.insts[k].kind {
            crate::ir::InstKind::Load { ptr, .. } | crate::ir::InstKind::Store { ptr, .. } => {
                Some(ptr)
            }
            _ => None,
        };
        if let Some(p) = ptr_of(inst as usize) {
            loc = (0..func.insts.len())
                .filter(|&k| k != inst as usize && ptr_of(k) == Some(p))
                .find_map(|k| func.insts[k].loc);
        }
    }
    if loc.is_none() {
        if let Some(b) = func.block_of(inst) {
            let r = func.block_insts(b);
            loc = (inst as usize + 1..r.end)
                .chain((r.start..inst as usize).rev())
                .find_map(|k| func.insts[k].loc);
        }
    }
    while let Some(l) = loc {
        let dl = m.locations.get(l as usize)?;
        chain.push(dl);
        if chain.len() > 64 {
            break;
        }
        loc = dl.inlined_at;
    }
    let outer = chain.last()?;
    // The innermost position in the user's own code: a primitive inlined
    // from a header, the kernel crate or Rust's library is reported where
    // it is used.
    let pick = chain
        .iter()
        .find(|d| {
            d.line != 0
                && crate::program::source_kind(m.str(d.file)) == crate::program::SourceKind::User
        })
        .or(chain.iter().rev().find(|d| d.line != 0))
        .copied()
        .unwrap_or(outer);
    Some(SourceLoc {
        file: m.str(pick.file).to_string(),
        line: pick.line,
        column: pick.col.max(1),
    })
}

pub fn function_loc(facts: &Facts<'_, '_>, f: FuncId) -> Option<SourceLoc> {
    let m = facts.program.module_of(f);
    let func = facts.program.function(f);
    let dl = m.locations.get(func.di_loc? as usize)?;
    Some(SourceLoc {
        file: m.str(dl.file).to_string(),
        line: dl.line,
        column: dl.col.max(1),
    })
}

pub fn func_name(facts: &Facts<'_, '_>, f: FuncId) -> String {
    strip_hash(&facts.program.funcs[f as usize].demangled).to_string()
}

pub fn lock_name(facts: &Facts<'_, '_>, lock: u32) -> String {
    let info = facts.locks.info(lock);
    match &info.key {
        LockKey::Global(kind) => match kind {
            seam_models::LockKind::Rcu => "RCU read side".to_string(),
            k => format!("global {k} lock"),
        },
        LockKey::Object(p) => facts.memory.lock_name(facts.program, *p),
        LockKey::Symbol(g, off) => {
            let name = facts.program.global_source_name(*g);
            let module = &facts.program.modules[facts.program.globals[*g as usize].module as usize];
            // A global that is itself a lock: its first member (`owner`)
            // is the lock's inside, not a field holding it.
            let member = facts
                .program
                .global(*g)
                .di_type
                .filter(|&t| !crate::memory::is_lock_type(module, t))
                .and_then(|t| crate::memory::lock_member_path(module, t, *off));
            match member {
                Some(m) => format!("{name}.{m}"),
                _ if *off == 0 => name,
                _ => format!("{name}+{off}"),
            }
        }
    }
}

/// A lock in an object unification collapsed, named by the static type its
/// acquisition reaches it through (`struct hvc_struct.lock` for
/// `spin_lock(&hp->lock)`): the object's own name is whichever of the
/// merged objects ranked first, e.g. an unrelated global.
fn site_lock_name(facts: &Facts<'_, '_>, h: &Held) -> Option<String> {
    if !facts.locks.in_collapsed_object(h.lock, facts.memory) {
        return None;
    }
    let (arg, offset) = crate::locks::lock_operand(facts.program, facts.index, h.site)?;
    crate::memory::static_location_name(facts.program, h.site.0, &arg, offset)
}

/// A lock in a collapsed object as the acquisition's static type says:
/// the innermost named struct holding the lock member, and the member's
/// offset there (`spin_lock(&inode->i_lock)` and
/// `spin_lock(&ei->vfs_inode.i_lock)` give the same). `None` when the
/// code does not say.
pub fn site_lock_key(facts: &Facts<'_, '_>, h: &Held) -> Option<(String, i64)> {
    let (arg, offset) = crate::locks::lock_operand(facts.program, facts.index, h.site)?;
    crate::memory::static_lock_key(facts.program, h.site.0, &arg, offset)
}

pub fn held_locks(facts: &Facts<'_, '_>, held: &[Held]) -> Vec<HeldLock> {
    held.iter()
        .map(|h| HeldLock {
            name: site_lock_name(facts, h).unwrap_or_else(|| lock_name(facts, h.lock)),
            kind: facts.locks.info(h.lock).kind.to_string(),
            mode: match h.mode {
                seam_models::LockMode::Read => "read".into(),
                seam_models::LockMode::Write => "write".into(),
            },
            acquired_at: source_loc(facts, h.site.0, h.site.1),
        })
        .collect()
}

pub fn lockset_text(locks: &[HeldLock]) -> String {
    if locks.is_empty() {
        return "no locks".into();
    }
    locks
        .iter()
        .map(|l| {
            if l.mode == "read" {
                format!("{} (read)", l.name)
            } else {
                l.name.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn path_steps(
    facts: &Facts<'_, '_>,
    root: usize,
    frames: &[(FuncId, u32)],
    end: (FuncId, u32),
    last: StepKind,
    last_msg: String,
) -> Vec<PathStep> {
    let r = &facts.threads.roots[root];
    let mut steps = vec![PathStep {
        kind: StepKind::Entry,
        function: func_name(facts, r.func),
        language: facts.program.language(r.func),
        loc: function_loc(facts, r.func),
        message: format!("thread root: {}", r.describe(facts.program)),
    }];
    for (k, &(f, i)) in frames.iter().enumerate().take(998) {
        // The callee is the function the next step is in (an indirect
        // call has many targets: name the one this path took).
        let next = frames.get(k + 1).map_or(end.0, |&(g, _)| g);
        let targets = facts.cg.targets(f, i);
        let callee = targets
            .iter()
            .find(|&&g| g == next)
            .or(targets.first())
            .map(|&g| func_name(facts, g))
            .unwrap_or_default();
        steps.push(PathStep {
            kind: StepKind::Call,
            function: func_name(facts, f),
            language: facts.program.language(f),
            loc: source_loc(facts, f, i),
            message: format!("{} calls {}", func_name(facts, f), callee),
        });
    }
    steps.push(PathStep {
        kind: last,
        function: func_name(facts, end.0),
        language: facts.program.language(end.0),
        loc: source_loc(facts, end.0, end.1),
        message: last_msg,
    });
    steps
}

/// The access as reached from `root` (one of the roots reaching its
/// calling context), with a call path from that root, and how many calls
/// on that path the points-to analysis chose (`races::guessed_calls`):
/// the cheapest path from that root (`races::PathCosts`).
fn access_site(
    facts: &Facts<'_, '_>,
    a: &Access,
    root: usize,
    paths: &mut super::races::PathCosts,
) -> (AccessSite, usize) {
    let (root, guessed, frames) = paths.shown(facts, a, root);
    let frames = &frames[..];
    let lockset = held_locks(facts, &a.lockset);
    let verb = match a.kind {
        AccessKind::Read => "reads",
        AccessKind::Write => "writes",
        AccessKind::Update => "updates",
    };
    let loc_name = facts.memory.location_name(facts.program, a.ptr);
    let msg = format!(
        "{} {} {} ({}) holding {}",
        func_name(facts, a.func),
        verb,
        loc_name,
        a.marking.describe(),
        lockset_text(&lockset)
    );
    // Steps: lock acquisitions held at the access appear before it.
    let mut path = path_steps(facts, root, frames, (a.func, a.inst), StepKind::Memory, msg);
    let mut acquires: Vec<PathStep> = lockset
        .iter()
        .zip(&a.lockset)
        .map(|(hl, h)| PathStep {
            kind: StepKind::Acquire,
            function: func_name(facts, h.site.0),
            language: facts.program.language(h.site.0),
            loc: hl.acquired_at.clone(),
            message: format!("acquires {}", hl.name),
        })
        .collect();
    if !acquires.is_empty() {
        let last = path.pop();
        path.append(&mut acquires);
        path.extend(last);
    }
    let site = AccessSite {
        function: func_name(facts, a.func),
        language: facts.program.language(a.func),
        loc: source_loc(facts, a.func, a.inst),
        kind: a.kind,
        size: a.size.min(u32::MAX as u64) as u32,
        marking: a.marking.describe(),
        lockset,
        root: facts.threads.roots[root].describe(facts.program),
        path,
    };
    (site, guessed)
}

fn kind_word(k: AccessKind) -> &'static str {
    match k {
        AccessKind::Read => "read",
        AccessKind::Write => "write",
        AccessKind::Update => "update",
    }
}

/// The global and offset an access names by the global's own address
/// (`reg.count++`, `WRITE_ONCE(reg.flag, 1)` inlined), whatever object
/// unification merged the global into.
pub fn symbol_location(
    facts: &Facts<'_, '_>,
    a: &Access,
) -> Option<(crate::program::GlobalId, i64)> {
    let inst = facts.program.function(a.func).insts.get(a.inst as usize)?;
    facts
        .program
        .global_address(a.func, inst.kind.accessed_pointer()?, 6)
}

/// Every global and offset an access may name by a global's own address:
/// [`symbol_location`], or the several a pointer chosen among globals'
/// addresses may be (`i = c ? &d.x : &d.y; (*i)++`). Empty when some way
/// to the pointer is not a global's address.
pub fn symbol_locations(facts: &Facts<'_, '_>, a: &Access) -> Vec<(crate::program::GlobalId, i64)> {
    let Some(inst) = facts.program.function(a.func).insts.get(a.inst as usize) else {
        return Vec::new();
    };
    inst.kind
        .accessed_pointer()
        .and_then(|p| facts.program.global_addresses(a.func, p, 6))
        .unwrap_or_default()
}

/// The member of a named type an access in a collapsed object touches by
/// its static type (see [`crate::memory::access_type_location`]).
pub fn type_location(facts: &Facts<'_, '_>, a: &Access) -> Option<crate::memory::TypeLocation> {
    crate::memory::access_type_location(facts.program, a.func, a.inst)
}

/// `reg.stats.count`: a global and the members at `off` in it.
fn symbol_name(facts: &Facts<'_, '_>, g: crate::program::GlobalId, off: i64) -> String {
    let name = facts.program.global_source_name(g);
    let module = &facts.program.modules[facts.program.globals[g as usize].module as usize];
    let member = facts
        .program
        .global(g)
        .di_type
        .and_then(|t| crate::memory::member_path(module, t, off, 16));
    match member {
        Some(m) => format!("{name}.{m}"),
        None if off == 0 => name,
        None => format!("{name}+{off}"),
    }
}

pub fn race_finding(
    facts: &Facts<'_, '_>,
    rule: &str,
    a: &Access,
    b: &Access,
    confidence: f32,
    paths: &mut super::races::PathCosts,
) -> Finding {
    // Primary access: the write (or the first in a deterministic order).
    let (first, second) = order(facts, a, b);
    // Shown from roots that may run them at once: the first root to reach
    // an access may be one that cannot (module init against itself).
    let (ra, rb) = super::races::racing_roots(facts, a, b);
    let (r1, r2) = if std::ptr::eq(first, a) {
        (ra, rb)
    } else {
        (rb, ra)
    };
    let (s1, g1) = access_site(facts, first, r1, paths);
    let (s2, g2) = access_site(facts, second, r2, paths);
    // Ranked on the paths shown (see `races::path_penalty`).
    let confidence = super::races::path_penalty(confidence, g1.max(g2));
    let place = crate::memory::Ptr {
        off: super::races::meeting_place(first, second),
        ..first.ptr
    };
    // In a collapsed object accesses pair by a global's address or by
    // their static type (see `races::places`), and are named so.
    let location = if facts.memory.is_collapsed(place.node) {
        // A pointer chosen among globals' addresses names the one both
        // sides may touch.
        let (s1, s2) = (
            symbol_locations(facts, first),
            symbol_locations(facts, second),
        );
        let shared = s1.iter().find(|x| s2.is_empty() || s2.contains(x));
        match shared {
            Some(&(g, off)) => Some(symbol_name(facts, g, off)),
            None => type_location(facts, first).map(|t| t.name(facts.program)),
        }
    } else {
        None
    };
    let location = location.unwrap_or_else(|| facts.memory.location_name(facts.program, place));
    let level = catalog::by_id(rule)
        .map(|r| r.level)
        .unwrap_or(Level::Warning);
    // A plain C/C++-side race ranked low is a note: shown, never failing CI.
    let level = if rule == "data-race" && confidence < 0.5 {
        Level::Note
    } else {
        level
    };
    let title = match rule {
        "ffi-lock-mismatch" => format!(
            "`{location}` is accessed under different locks in {} and {}",
            s1.language.name(),
            s2.language.name()
        ),
        "ffi-data-race" => format!(
            "Data race on `{location}` between {} and {}",
            s1.language.name(),
            s2.language.name()
        ),
        _ => format!("Data race on `{location}`"),
    };
    let message = format!(
        "{} in `{}` ({}, {}, holding {}) may run concurrently with the {} in `{}` ({}, {}, holding {}).",
        cap(kind_word(s1.kind)),
        s1.function,
        s1.language.name(),
        s1.marking,
        lockset_text(&s1.lockset),
        kind_word(s2.kind),
        s2.function,
        s2.language.name(),
        s2.marking,
        lockset_text(&s2.lockset),
    );
    let mut related = Vec::new();
    for s in [&s1, &s2] {
        for l in &s.lockset {
            if let Some(at) = &l.acquired_at {
                related.push(Related {
                    loc: at.clone(),
                    message: format!("{} acquired here", l.name),
                });
            }
        }
    }
    let (fa, fb) = if s1.function <= s2.function {
        (&s1.function, &s2.function)
    } else {
        (&s2.function, &s1.function)
    };
    let fingerprint = format!("{rule}|{fa}|{fb}|{location}");
    Finding {
        rule: rule.to_string(),
        level,
        title,
        message,
        location,
        accesses: vec![s1, s2],
        related,
        confidence,
        fingerprint,
    }
}

fn order<'x>(facts: &Facts<'_, '_>, a: &'x Access, b: &'x Access) -> (&'x Access, &'x Access) {
    let wa = a.kind != AccessKind::Read;
    let wb = b.kind != AccessKind::Read;
    if wa != wb {
        return if wa { (a, b) } else { (b, a) };
    }
    let ka = (source_loc(facts, a.func, a.inst), a.func, a.inst);
    let kb = (source_loc(facts, b.func, b.inst), b.func, b.inst);
    if ka <= kb {
        (a, b)
    } else {
        (b, a)
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Where `f` (or a callee, following the summary) performs `action` on `lock`.
pub fn innermost_op(
    facts: &Facts<'_, '_>,
    f: FuncId,
    lock: crate::locks::LockId,
    action: seam_models::LockAction,
) -> Option<(FuncId, u32)> {
    let mut cur = f;
    for _ in 0..16 {
        let fl = &facts.locks.functions[cur as usize];
        if let Some(op) = fl.ops.iter().find(|o| o.lock == lock && o.action == action) {
            return Some((cur, op.inst));
        }
        // Not here: a callee did it.
        let next = facts.cg.calls[cur as usize]
            .values()
            .flatten()
            .copied()
            .find(|g| {
                let s = &facts.locks.summaries[*g as usize];
                match action {
                    seam_models::LockAction::Release => s.releases.contains(&lock),
                    _ => s.maybe_held.contains(&lock),
                }
            })?;
        cur = next;
    }
    None
}
