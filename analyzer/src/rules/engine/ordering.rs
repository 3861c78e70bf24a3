//! Message passing under LKMM: `missing-release`, `missing-acquire`,
//! `rust-volatile-dependency`.
//!
//! A writer stores data D, then stores a flag or pointer F; a reader loads
//! F, then (control- or address-dependently) loads D. The D accesses are
//! ordered — not a race — when the F store is a release (or a write barrier
//! sits between the D store and it) and the F load is an acquire (or a read
//! barrier sits between it and the D load, or it heads an address
//! dependency with dependency ordering: rcu_dereference/READ_ONCE in C).
//! When only one side is right, the other side's F access is the finding.
//!
//! Barriers are recognised from models (calls such as `rust_helper_smp_wmb`,
//! asm patterns such as `dmb ishst`), LLVM fences, and — on x86-64, where
//! `smp_wmb()`/`smp_rmb()` are `barrier()` — compiler barriers.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use seam_models::{AccessType, AsmEffect, BarrierKind, Ordering as Lkmm};

use super::build::{func_name, source_loc};
use super::Facts;
use crate::accesses::Access;
use crate::ir::{InstKind, Language, Ordering, Value};
use crate::locks::{reaches, LockId};
use crate::memory::{Instance, Ptr};
use crate::program::FuncId;
use crate::rules::{catalog, AccessKind, AccessSite, Finding, Level, PathStep, Related, StepKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StoreOrd {
    Release,
    Relaxed,
    /// A plain store under a lock: a flag only for a load under that lock.
    Plain,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LoadOrd {
    /// A plain load under a lock that a waiting loop tests
    /// (`while (!go) pthread_cond_wait(&cv, &m)`): a flag only for a store
    /// under that lock.
    Plain,
    Acquire,
    /// rcu_dereference-style: dependency ordered by contract.
    Consume,
    /// READ_ONCE / read_volatile.
    Volatile,
    /// A relaxed atomic (Rust `Relaxed`, `atomic_read`).
    Relaxed,
    /// READ_ONCE in a C function the reader calls (`rcu_dereference` in an
    /// accessor): dependency ordered, like C code's own READ_ONCE.
    CVolatile,
}

/// What the rules engine should do with a candidate data race.
pub enum Verdict {
    /// No flag between the two sides: judge it as a plain data race.
    NotMessagePassing,
    /// Correct publication: not a race.
    Ordered,
    /// Broken publication: these findings replace the race.
    Broken(Vec<Finding>),
    /// A flag without the ordering, but far up both call paths: the code
    /// synchronises there somehow; judged as a data race, ranked lower.
    Distant,
}

/// Judges the pair (`w` writes D, `r` reads D).
pub fn classify(facts: &Facts<'_, '_>, cache: &mut FlagCache, w: &Access, r: &Access) -> Verdict {
    let d = w.ptr;
    let mut found = false;
    // Some flag orders the pair: in user space one synchronisation is
    // enough, whatever other marked accesses near it do (a ticket lock's
    // relaxed ticket counter beside its release/acquire hand-over). Not on
    // the kernel: there a flag reached round a loop over a list of objects
    // unification merged (`page_counter_charge` walking `c->parent`)
    // orders nothing, and the broken flags beside it are the finding.
    let mut ordered = false;
    let mut distant = false;
    let mut out = Vec::new();
    // The reader's frames and their flag loads, found once (on first need)
    // for all of the writer's frames.
    let mut readers: Option<Vec<ReaderFrame>> = None;
    for (wdepth, (wf, wx, wpos)) in positions(facts, w).into_iter().enumerate() {
        let stores = cache.stores_after(facts, (wf, wx, wpos), d);
        if stores.is_empty() {
            continue;
        }
        let readers = readers.get_or_insert_with(|| {
            positions(facts, r)
                .into_iter()
                .map(|at| (at, cache.loads_before(facts, at, d)))
                .collect()
        });
        for (rdepth, ((rf, rx, rpos), loads)) in readers.iter().enumerate() {
            let (rf, rx, rpos) = (*rf, *rx, *rpos);
            let near = wdepth <= MAX_FLAG_CALLERS && rdepth <= MAX_FLAG_CALLERS;
            for &(l_inst, lptr, (lord, llock)) in loads {
                // The flag stored and loaded under one lock: the lock
                // orders the writer's critical section, data included,
                // before the reader's (double-checked initialisation's
                // second check; a condition variable's predicate).
                // Not when the data write can come again after the flag
                // store (a loop publishing on its first round and writing
                // on every round): the reader may see the flag and read
                // while the writer writes again.
                let wfunc = facts.program.function(wf);
                // Every use below needs a store to the loaded location;
                // the wait-loop test is costly, so filter first.
                if !stores.iter().any(|(_, sp, _)| same_location(*sp, lptr)) {
                    continue;
                }
                // A wait loop left another way (`if (rc == ETIMEDOUT)
                // break;`) reaches the data read without having seen the
                // flag set: that load orders nothing for it.
                if wait_escapes(facts.program.function(rf), l_inst, rpos) {
                    continue;
                }
                if llock.is_some()
                    && stores.iter().any(|(s_inst, sp, (_, sl))| {
                        same_location(*sp, lptr) && *sl == llock && !reaches(wfunc, *s_inst, wpos)
                    })
                {
                    found = true;
                    ordered = true;
                    continue;
                }
                if lord == LoadOrd::Plain {
                    continue;
                }
                let Some(&(s_inst, _, (sord, _))) = stores
                    .iter()
                    .find(|(_, sp, (o, _))| same_location(*sp, lptr) && *o != StoreOrd::Plain)
                else {
                    continue;
                };
                let writer_ok =
                    sord == StoreOrd::Release || barrier_between(facts, wf, wpos, s_inst, true);
                let dep = rf == r.func && address_dependent(facts, r.func, r.inst, l_inst);
                // A flag synchronises only when the reader acts on what it
                // loaded: reaches the data through it, or tests it (`if
                // (ready)`, a wait loop). Read and ignored, the load may
                // have seen the old value, and the data read races.
                if !dep && !flag_acted_on(facts, rf, l_inst, rpos) {
                    continue;
                }
                let reader_lang = facts.program.language(rf);
                let reader_ok = match lord {
                    LoadOrd::Acquire | LoadOrd::Consume => true,
                    _ if barrier_between(facts, rf, l_inst, rpos, false) => true,
                    // C's READ_ONCE carries dependency ordering (strengthened
                    // where the hardware does not give it).
                    LoadOrd::Volatile if dep && reader_lang == Language::C => true,
                    LoadOrd::CVolatile if dep => true,
                    _ => false,
                };
                let rust_dep = !reader_ok
                    && dep
                    && reader_lang == Language::Rust
                    && matches!(lord, LoadOrd::Volatile | LoadOrd::Relaxed);
                if writer_ok && reader_ok {
                    found = true;
                    ordered = true;
                    continue;
                }
                if !near {
                    distant = true;
                    continue;
                }
                found = true;
                if rust_dep && writer_ok {
                    out.push(ordering_finding(
                        facts,
                        "rust-volatile-dependency",
                        (rf, rx, l_inst),
                        w,
                        r,
                    ));
                    continue;
                }
                if !writer_ok {
                    out.push(ordering_finding(
                        facts,
                        "missing-release",
                        (wf, wx, s_inst),
                        w,
                        r,
                    ));
                }
                if !reader_ok {
                    out.push(ordering_finding(
                        facts,
                        if rust_dep {
                            "rust-volatile-dependency"
                        } else {
                            "missing-acquire"
                        },
                        (rf, rx, l_inst),
                        w,
                        r,
                    ));
                }
            }
        }
    }
    if ordered && !facts.threads.kernel {
        Verdict::Ordered
    } else if !found && distant {
        Verdict::Distant
    } else if !found {
        Verdict::NotMessagePassing
    } else if out.is_empty() {
        Verdict::Ordered
    } else {
        Verdict::Broken(out)
    }
}

/// How far up its call path a data access looks for a flag to blame.
/// Publication puts the flag next to the data (`init(p);
/// smp_store_release(&f, 1)`), at most a helper away; the marked accesses of
/// a distant caller (a console loop, `panic`) are rarely about this data.
/// A correct flag further up still orders the pair (it excuses), but a
/// broken one there is not reported (it does not accuse): the pair is judged
/// as a data race, ranked lower.
const MAX_FLAG_CALLERS: usize = 1;

/// The access's own position, then the call sites on its path, innermost
/// first, each with the points-to instance it ran in.
fn positions(facts: &Facts<'_, '_>, a: &Access) -> Vec<(FuncId, Instance, u32)> {
    let path = facts.accesses.path(a.path);
    // Instances down the path from the root (an original), through the
    // helper copies made for each call site.
    let mut frames: Vec<(FuncId, Instance, u32)> = Vec::with_capacity(path.len() + 1);
    let mut x: Option<Instance> = None;
    for (k, &(f, i)) in path.iter().enumerate() {
        let here = x.unwrap_or(f);
        frames.push((f, here, i));
        let next = path.get(k + 1).map(|s| s.0).unwrap_or(a.func);
        x = Some(facts.memory.callee_instance(here, i, next));
    }
    let mut v = vec![(a.func, a.instance, a.inst)];
    v.extend(frames.into_iter().rev());
    v
}

fn same_location(a: Ptr, b: Ptr) -> bool {
    a.node == b.node && a.off == b.off
}

/// Std's own atomics (Arc counts, thread packets) are its protocol, not flags.
fn in_rust_std(facts: &Facts<'_, '_>, f: FuncId, i: u32) -> bool {
    facts.program.is_std_internal(f, i)
}

/// The marked stores and loads of each function instance (its own and
/// those of the small callees `call_effects` looks into), found once per
/// rules worker: every pair of accesses on an object asks again for the
/// same frames.
#[derive(Default)]
pub struct FlagCache {
    events: HashMap<(FuncId, Instance), Arc<FlagEvents>>,
    /// Per frame (function, instance, position): its flag stores placed
    /// after the position, and its flag loads placed before it. Every
    /// access of an object meets every other, so each frame of each path
    /// is asked about over and over.
    stores_after: HashMap<(FuncId, Instance, u32), Arc<[StoreEvent]>>,
    loads_before: HashMap<(FuncId, Instance, u32), Arc<[LoadEvent]>>,
}

type StoreEvent = (u32, Ptr, (StoreOrd, Option<LockId>));
type LoadEvent = (u32, Ptr, (LoadOrd, Option<LockId>));

#[derive(Default)]
struct FlagEvents {
    /// Each with a lock held at it since its function's entry, if any.
    stores: Vec<(u32, Ptr, (StoreOrd, Option<LockId>))>,
    loads: Vec<(u32, Ptr, (LoadOrd, Option<LockId>))>,
}

impl FlagCache {
    fn of(&mut self, facts: &Facts<'_, '_>, f: FuncId, x: Instance) -> Arc<FlagEvents> {
        self.events
            .entry((f, x))
            .or_insert_with(|| Arc::new(find_flag_events(facts, f, x)))
            .clone()
    }

    /// The flag stores of frame `at` placed after its position, at a
    /// location other than the data's (`d`).
    fn stores_after(&mut self, facts: &Facts<'_, '_>, at: FrameAt, d: Ptr) -> Vec<StoreEvent> {
        let list = match self.stores_after.get(&at) {
            Some(l) => l.clone(),
            None => {
                let events = self.of(facts, at.0, at.1);
                let l: Arc<[StoreEvent]> = placed(facts, at, &events.stores, true).into();
                self.stores_after.insert(at, l.clone());
                l
            }
        };
        list.iter()
            .filter(|e| !same_location(e.1, d))
            .copied()
            .collect()
    }

    /// The flag loads of frame `at` placed before its position, at a
    /// location other than the data's (`d`).
    fn loads_before(&mut self, facts: &Facts<'_, '_>, at: FrameAt, d: Ptr) -> Vec<LoadEvent> {
        let list = match self.loads_before.get(&at) {
            Some(l) => l.clone(),
            None => {
                let events = self.of(facts, at.0, at.1);
                let l: Arc<[LoadEvent]> = placed(facts, at, &events.loads, false).into();
                self.loads_before.insert(at, l.clone());
                l
            }
        };
        list.iter()
            .filter(|e| !same_location(e.1, d))
            .copied()
            .collect()
    }
}

/// A frame of a path: function, points-to instance, position in it.
type FrameAt = (FuncId, Instance, u32);

/// Every flag event of `f` in instance `x`, skipping std's own atomics and
/// collapsed objects (which cannot tell a flag from the data).
fn find_flag_events(facts: &Facts<'_, '_>, f: FuncId, x: Instance) -> FlagEvents {
    let func = facts.program.function(f);
    let mut out = FlagEvents::default();
    // A flag passes messages between threads, so it lives in shared
    // memory: a loop counter in a stack slot, stored and loaded under the
    // lock in both threads' copies of one function, orders nothing.
    let keep = |p: &Ptr| !facts.memory.is_collapsed(p.node) && facts.memory.is_shared(p.node);
    let at = |ptr: &Value| facts.memory.ptr_in(facts.program, x, ptr).filter(keep);
    for (i, inst) in func.insts.iter().enumerate() {
        let i = i as u32;
        if in_rust_std(facts, f, i) {
            continue;
        }
        let store = store_event(facts, f, &inst.kind);
        let load = load_event(facts, f, &inst.kind);
        let effects = if store.is_none() || load.is_none() {
            call_effects(facts, f, x, i, 0)
        } else {
            Vec::new()
        };
        let here = held_lock(facts, f, i);
        match store {
            Some((ptr, ord)) => out.stores.extend(at(ptr).map(|p| (i, p, (ord, here)))),
            None => out.stores.extend(effects.iter().filter_map(|e| match e {
                Event::Store(p, o, l) if keep(p) => Some((i, *p, (*o, l.or(here)))),
                _ => None,
            })),
        }
        if let (None, None, Some(_)) = (store, load, here) {
            match &inst.kind {
                InstKind::Store { ptr, .. } => {
                    out.stores
                        .extend(at(ptr).map(|p| (i, p, (StoreOrd::Plain, here))));
                }
                InstKind::Load { ptr, .. } if waits_on(func, i) => {
                    out.loads
                        .extend(at(ptr).map(|p| (i, p, (LoadOrd::Plain, here))));
                }
                _ => {}
            }
        }
        match load {
            Some((ptr, ord)) => out.loads.extend(at(ptr).map(|p| (i, p, (ord, here)))),
            None => out.loads.extend(effects.iter().filter_map(|e| match e {
                Event::Load(p, o, l) if keep(p) => Some((i, *p, (*o, l.or(here)))),
                _ => None,
            })),
        }
    }
    out
}

/// Blocks reachable from `b` by at least one edge (forward), or that reach
/// `b` by at least one edge (backward).
fn reachable_blocks(func: &crate::ir::Function, b: usize, forward: bool) -> Vec<bool> {
    let n = func.blocks.len();
    let mut preds: Vec<Vec<u32>> = Vec::new();
    if !forward {
        preds = vec![Vec::new(); n];
        for (k, blk) in func.blocks.iter().enumerate() {
            for &s in &blk.succs {
                if let Some(p) = preds.get_mut(s as usize) {
                    p.push(k as u32);
                }
            }
        }
    }
    let next = |k: usize| -> &[u32] {
        if forward {
            &func.blocks[k].succs
        } else {
            &preds[k]
        }
    };
    let mut seen = vec![false; n];
    let mut work: Vec<u32> = next(b).to_vec();
    while let Some(k) = work.pop() {
        let k = k as usize;
        if k >= n || seen[k] {
            continue;
        }
        seen[k] = true;
        work.extend_from_slice(next(k));
    }
    seen
}

/// A frame of the reader's path with the flag loads placed before it.
type ReaderFrame = (
    (FuncId, Instance, u32),
    Vec<(u32, Ptr, (LoadOrd, Option<LockId>))>,
);

/// The events of `list` (of frame `at`'s function) placed after its
/// position (`after`) or before it.
fn placed<O: Copy>(
    facts: &Facts<'_, '_>,
    (f, _, pos): FrameAt,
    list: &[(u32, Ptr, O)],
    after: bool,
) -> Vec<(u32, Ptr, O)> {
    if list.is_empty() {
        return Vec::new();
    }
    let func = facts.program.function(f);
    let Some(bp) = func.block_of(pos).map(|b| b as usize) else {
        return Vec::new();
    };
    let reach = reachable_blocks(func, bp, after);
    list.iter()
        .filter(|(i, _, _)| {
            func.block_of(*i).is_some_and(|b| {
                let b = b as usize;
                let same_block_ok = if after { *i > pos } else { pos > *i };
                (b == bp && same_block_ok) || reach[b]
            })
        })
        .copied()
        .collect()
}

/// A marked store or load inside a callee, with a lock held there since
/// the callee's entry, if any.
enum Event {
    Store(Ptr, StoreOrd, Option<LockId>),
    Load(Ptr, LoadOrd, Option<LockId>),
}

/// The stack slot `p` points into (through constant offsets and casts).
fn local_slot(func: &crate::ir::Function, p: &Value) -> Option<u32> {
    let mut v = p.clone();
    for _ in 0..4 {
        let Value::Inst(k) = v else { return None };
        match &func.insts.get(k as usize)?.kind {
            InstKind::Alloca { .. } => return Some(k),
            InstKind::Gep { base, .. } | InstKind::Cast { value: base, .. } => v = base.clone(),
            _ => return None,
        }
    }
    None
}

/// Does the reader act on the flag value the load at `i` of `f` reads,
/// for the data read at `pos`? A load, or a marked-access call, must
/// decide a branch: `atomic_inc(&count)` reads the counter but checks
/// nothing. On the kernel that branch must also decide whether `pos`
/// runs ([`value_guards`]). A call into a function that loads the flag
/// inside is taken to act on it in user space (`wait_ready()`); on the
/// kernel, where such calls are everywhere (`printk_ratelimit()` state,
/// once-only flags, statistics inside `audit_log_lost()`), only when the
/// callee waits on it, or the caller's test of what it returns guards
/// `pos`.
fn flag_acted_on(facts: &Facts<'_, '_>, f: FuncId, i: u32, pos: u32) -> bool {
    let func = facts.program.function(f);
    let kernel = facts.threads.kernel;
    if let Some(InstKind::Call { callee, .. }) = func.insts.get(i as usize).map(|x| &x.kind) {
        let m = facts.program.funcs[f as usize].module;
        let marked = facts
            .program
            .call_target(m, callee)
            .is_some_and(|t| facts.index.of(t).access.is_some());
        if !marked && (!kernel || callee_waits(facts, f, i)) {
            return true;
        }
    }
    if kernel {
        value_guards(func, i, pos)
    } else {
        value_tested(func, i)
    }
}

/// Does a target of the call at `i` of `f` loop on a value it reads
/// (`while (!READ_ONCE(dev->ready)) cpu_relax();`)? A compare-exchange
/// retried until it succeeds (`credit_init_bits()`) waits for nobody, nor
/// does a loop on a local variable.
fn callee_waits(facts: &Facts<'_, '_>, f: FuncId, i: u32) -> bool {
    facts.cg.targets(f, i).iter().any(|&g| {
        let func = facts.program.function(g);
        let m = facts.program.funcs[g as usize].module;
        func.insts.iter().enumerate().any(|(k, inst)| {
            let read = match &inst.kind {
                // A local variable (`-O0`'s copy of a cmpxchg's success
                // flag) is no other thread's.
                InstKind::Load { ptr, .. } => local_slot(func, ptr).is_none(),
                InstKind::Call { callee, .. } => facts
                    .program
                    .call_target(m, callee)
                    .and_then(|t| facts.index.of(t).access)
                    .is_some_and(|a| a.access == AccessType::Read),
                _ => false,
            };
            read && waits_on(func, k as u32)
        })
    })
}

/// Does the value instruction `i` produces decide a branch (through
/// comparisons, casts, arithmetic, a compare-exchange's fields, calls
/// whose result does, and -O0's local variables)?
fn value_tested(func: &crate::ir::Function, i: u32) -> bool {
    !branches_on(func, i, true).is_empty()
}

/// Does the value of `i` decide whether `pos` runs? A branch on it (as in
/// [`value_tested`]) must have a successor from which `pos` is reached and
/// one from which it is not (`if (READ_ONCE(ready)) use(data)`), or a loop
/// must wait on it before `pos`. A flag tested on the way to code that
/// runs either way (`if (!once) { once = 1; dump(); } read(data)`)
/// publishes nothing to `pos`.
fn value_guards(func: &crate::ir::Function, i: u32, pos: u32) -> bool {
    if waits_on(func, i) {
        return true;
    }
    let Some(r) = func.block_of(pos) else {
        return value_tested(func, i);
    };
    let r = r as usize;
    branches_on(func, i, false).into_iter().any(|br| {
        let Some(b) = func.block_of(br) else {
            return false;
        };
        let succs = &func.blocks[b as usize].succs;
        let reaches = |s: u32| s as usize == r || reachable_blocks(func, s as usize, true)[r];
        succs.iter().any(|&s| reaches(s)) && succs.iter().any(|&s| !reaches(s))
    })
}

/// The branches (`br`, `switch`) whose condition the value of `i` flows
/// into (see [`value_tested`]); only the first when `first`.
fn branches_on(func: &crate::ir::Function, i: u32, first: bool) -> Vec<u32> {
    let mut found = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut work = vec![(i, 0u32)];
    while let Some((v, depth)) = work.pop() {
        // Pre-optimisation IR copies a value through a local per macro
        // level: `smp_load_acquire()`'s READ_ONCE result goes through
        // three stack slots before the comparison.
        if !seen.insert(v) || depth > 12 {
            continue;
        }
        let me = Value::Inst(v);
        for (k, inst) in func.insts.iter().enumerate() {
            let k = k as u32;
            let next = match &inst.kind {
                InstKind::CondBr { cond, .. } | InstKind::Switch { value: cond, .. }
                    if *cond == me =>
                {
                    found.push(k);
                    if first {
                        return found;
                    }
                    false
                }
                InstKind::ICmp { lhs, rhs, .. } | InstKind::BinOp { lhs, rhs, .. } => {
                    *lhs == me || *rhs == me
                }
                InstKind::Cast { value, .. }
                | InstKind::ExtractValue {
                    aggregate: value, ..
                } => *value == me,
                InstKind::Select { cond, .. } => *cond == me,
                InstKind::Phi { incoming } => incoming.iter().any(|(x, _)| *x == me),
                // Through a call whose result is tested in turn (-O0's
                // `r.is_null()`, `Result::is_err`); not a call that only
                // consumes it (`printf("%d", r)`).
                InstKind::Call { args, .. } => args.contains(&me),
                // -O0: kept in a local variable (or a field of one) and
                // read back, or that variable handed to a call.
                InstKind::Store { ptr, value, .. } if *value == me => {
                    if let Some(slot) = local_slot(func, ptr) {
                        work.push((slot, depth + 1));
                    }
                    false
                }
                InstKind::Load { ptr, .. } | InstKind::Gep { base: ptr, .. } => *ptr == me,
                _ => false,
            };
            if next {
                work.push((k, depth + 1));
            }
        }
    }
    found
}

/// Is the load at `i` tested by a loop it is in (`while (!go) wait(…)`),
/// and does that loop have an exit other than the branches on its value
/// from which `pos` is reached (a timed wait giving up: `if (rc ==
/// ETIMEDOUT) break;`)? Then `pos` may run without the flag having been
/// seen set.
fn wait_escapes(func: &crate::ir::Function, i: u32, pos: u32) -> bool {
    if !waits_on(func, i) {
        return false;
    }
    let (Some(lb), Some(pb)) = (func.block_of(i), func.block_of(pos)) else {
        return false;
    };
    let (lb, pb) = (lb as usize, pb as usize);
    let after = reachable_blocks(func, lb, true);
    let before = reachable_blocks(func, lb, false);
    let in_loop = |k: usize| after[k] && before[k];
    let tests: Vec<usize> = branches_on(func, i, false)
        .into_iter()
        .filter_map(|br| func.block_of(br).map(|b| b as usize))
        .collect();
    let to_pos = reachable_blocks(func, pb, false);
    func.blocks.iter().enumerate().any(|(k, blk)| {
        in_loop(k)
            && !tests.contains(&k)
            && blk.succs.iter().any(|&s| {
                let s = s as usize;
                !in_loop(s) && (s == pb || to_pos.get(s).copied().unwrap_or(false))
            })
    })
}

/// Is the load at `i` tested by a loop it is in (`while (!go) wait(…)`)?
/// Its value decides a branch, and the load can run again.
fn waits_on(func: &crate::ir::Function, i: u32) -> bool {
    if !reaches(func, i, i) {
        return false;
    }
    let uses = |v: u32| {
        func.insts.iter().enumerate().filter_map(move |(k, inst)| {
            let hit = match &inst.kind {
                InstKind::ICmp { lhs, rhs, .. } => *lhs == Value::Inst(v) || *rhs == Value::Inst(v),
                InstKind::Cast { value, .. } => *value == Value::Inst(v),
                // `!go` at -O0: an `xor` of the comparison.
                InstKind::BinOp { lhs, rhs, .. } => {
                    *lhs == Value::Inst(v) || *rhs == Value::Inst(v)
                }
                InstKind::CondBr { cond, .. } => *cond == Value::Inst(v),
                _ => false,
            };
            hit.then_some((k as u32, matches!(inst.kind, InstKind::CondBr { .. })))
        })
    };
    let mut work = vec![(i, 0)];
    while let Some((v, d)) = work.pop() {
        for (k, is_branch) in uses(v) {
            if is_branch {
                return true;
            }
            if d < 3 {
                work.push((k, d + 1));
            }
        }
    }
    false
}

/// A lock (not the RCU read side) held at instruction `i` of `f`, taken
/// since the function's entry.
fn held_lock(facts: &Facts<'_, '_>, f: FuncId, i: u32) -> Option<LockId> {
    facts.locks.functions[f as usize]
        .before
        .get(&i)?
        .plus
        .iter()
        .find(|h| facts.locks.info(h.lock).kind != seam_models::LockKind::Rcu)
        .map(|h| h.lock)
}

/// Marked accesses a call performs inside a small callee, with the
/// callee's branches on constant arguments decided (Rust-for-Linux's
/// `Atomic::load(Acquire)` reaches `rust_helper_atomic_read_acquire` through a
/// `match` on the ordering).
fn call_effects(facts: &Facts<'_, '_>, f: FuncId, x: Instance, i: u32, depth: usize) -> Vec<Event> {
    let mut out = Vec::new();
    if depth > 2 {
        return out;
    }
    let InstKind::Call { args, .. } = &facts.program.function(f).insts[i as usize].kind else {
        return out;
    };
    let targets = facts.cg.targets(f, i);
    let [g] = targets else { return out };
    let gx = facts.memory.callee_instance(x, i, *g);
    let callee = facts.program.function(*g);
    if callee.insts.len() > 400 {
        return out;
    }
    let consts: Vec<Option<i64>> = args
        .iter()
        .map(|a| {
            if let Value::Int(c) = a {
                Some(*c)
            } else {
                None
            }
        })
        .collect();
    let arg_const = |v: &Value| -> Option<i64> {
        let mut v = v.clone();
        for _ in 0..4 {
            match v {
                Value::Arg(k) => return consts.get(k as usize).copied().flatten(),
                Value::Int(c) => return Some(c),
                Value::Inst(x) => match &callee.insts[x as usize].kind {
                    InstKind::Cast { value, .. } => v = value.clone(),
                    _ => return None,
                },
                _ => return None,
            }
        }
        None
    };
    let mut seen = vec![false; callee.blocks.len()];
    let mut work = vec![0u32];
    while let Some(b) = work.pop() {
        if (b as usize) >= seen.len() || seen[b as usize] {
            continue;
        }
        seen[b as usize] = true;
        for k in callee.block_insts(b) {
            let k = k as u32;
            let kind = &callee.insts[k as usize].kind;
            if let Some((ptr, ord)) = store_event(facts, *g, kind) {
                if let Some(p) = facts.memory.ptr_in(facts.program, gx, ptr) {
                    out.push(Event::Store(p, ord, held_lock(facts, *g, k)));
                }
            } else if let Some((ptr, ord)) = load_event(facts, *g, kind) {
                if let Some(p) = facts.memory.ptr_in(facts.program, gx, ptr) {
                    let ord =
                        if ord == LoadOrd::Volatile && facts.program.language(*g) == Language::C {
                            LoadOrd::CVolatile
                        } else {
                            ord
                        };
                    out.push(Event::Load(p, ord, held_lock(facts, *g, k)));
                }
            } else if matches!(kind, InstKind::Call { .. }) {
                let here = held_lock(facts, *g, k);
                out.extend(call_effects(facts, *g, gx, k, depth + 1).into_iter().map(
                    |e| match e {
                        Event::Store(p, o, l) => Event::Store(p, o, l.or(here)),
                        Event::Load(p, o, l) => Event::Load(p, o, l.or(here)),
                    },
                ));
            }
        }
        let last = callee.block_insts(b).last();
        let succs = &callee.blocks[b as usize].succs;
        match last.map(|l| &callee.insts[l].kind) {
            Some(InstKind::CondBr {
                cond: Value::Inst(c),
                then,
                otherwise,
            }) => {
                let decided = match &callee.insts[*c as usize].kind {
                    InstKind::ICmp { pred, lhs, rhs } => match (arg_const(lhs), arg_const(rhs)) {
                        (Some(x), Some(y)) => match pred {
                            crate::ir::CmpPred::Eq => Some(x == y),
                            crate::ir::CmpPred::Ne => Some(x != y),
                            _ => None,
                        },
                        _ => None,
                    },
                    _ => None,
                };
                match decided {
                    Some(true) => work.push(*then),
                    Some(false) => work.push(*otherwise),
                    None => work.extend(succs.iter().copied()),
                }
            }
            Some(InstKind::Switch {
                value,
                default,
                cases,
            }) => match arg_const(value) {
                Some(x) => work.push(
                    cases
                        .iter()
                        .find(|(c, _)| *c == x)
                        .map(|(_, t)| *t)
                        .unwrap_or(*default),
                ),
                None => work.extend(succs.iter().copied()),
            },
            _ => work.extend(succs.iter().copied()),
        }
    }
    out
}

fn store_event<'v>(
    facts: &Facts<'_, '_>,
    f: FuncId,
    kind: &'v InstKind,
) -> Option<(&'v Value, StoreOrd)> {
    let rel = |o: &Ordering| {
        if matches!(o, Ordering::Release | Ordering::AcqRel | Ordering::SeqCst) {
            StoreOrd::Release
        } else {
            StoreOrd::Relaxed
        }
    };
    let lkmm = |o: Lkmm| {
        if matches!(o, Lkmm::Release | Lkmm::Full) {
            StoreOrd::Release
        } else {
            StoreOrd::Relaxed
        }
    };
    match kind {
        InstKind::Store {
            ptr,
            volatile,
            ordering,
            ..
        } if (*volatile && kernel_volatile(facts)) || *ordering != Ordering::NotAtomic => {
            Some((ptr, rel(ordering)))
        }
        InstKind::AtomicRmw { ptr, ordering, .. } => Some((ptr, rel(ordering))),
        InstKind::CmpXchg { ptr, success, .. } => Some((ptr, rel(success))),
        _ => match marked_call(facts, f, kind, true)? {
            (v, Marked::Model(o)) => Some((v, lkmm(o))),
            (v, Marked::Asm(e, o)) => Some((
                v,
                if e == AsmEffect::ReleaseStore {
                    StoreOrd::Release
                } else {
                    lkmm(o)
                },
            )),
        },
    }
}

/// Volatile accesses are marked (READ_ONCE/WRITE_ONCE) on the kernel only:
/// in user space C11 and Rust make a conflicting volatile access a data
/// race, so a volatile flag passes no message.
fn kernel_volatile(facts: &Facts<'_, '_>) -> bool {
    facts.threads.kernel
}

fn load_event<'v>(
    facts: &Facts<'_, '_>,
    f: FuncId,
    kind: &'v InstKind,
) -> Option<(&'v Value, LoadOrd)> {
    let acq = |o: &Ordering| matches!(o, Ordering::Acquire | Ordering::AcqRel | Ordering::SeqCst);
    match kind {
        InstKind::Load {
            ptr,
            volatile,
            ordering,
            ..
        } => match ordering {
            o if acq(o) => Some((ptr, LoadOrd::Acquire)),
            Ordering::Monotonic | Ordering::Unordered => Some((ptr, LoadOrd::Relaxed)),
            Ordering::NotAtomic if *volatile && kernel_volatile(facts) => {
                Some((ptr, LoadOrd::Volatile))
            }
            _ => None,
        },
        InstKind::AtomicRmw { ptr, ordering, .. } => Some((
            ptr,
            if acq(ordering) {
                LoadOrd::Acquire
            } else {
                LoadOrd::Relaxed
            },
        )),
        _ => match marked_call(facts, f, kind, false)? {
            (v, Marked::Model(Lkmm::Consume)) => Some((v, LoadOrd::Consume)),
            (v, Marked::Model(Lkmm::Acquire | Lkmm::Full)) => Some((v, LoadOrd::Acquire)),
            (
                v,
                Marked::Asm(AsmEffect::AcquireLoad, _) | Marked::Asm(_, Lkmm::Acquire | Lkmm::Full),
            ) => Some((v, LoadOrd::Acquire)),
            (v, _) => Some((v, LoadOrd::Relaxed)),
        },
    }
}

/// How a call or asm statement marks the memory it touches.
enum Marked {
    /// A modelled function (`rust_helper_atomic_read_acquire` …) with its ordering.
    Model(Lkmm),
    /// An asm statement as the asm tables read it.
    Asm(AsmEffect, Lkmm),
}

/// The address a modelled call or an asm statement writes (`write`) or
/// reads, and how it is marked.
fn marked_call<'v>(
    facts: &Facts<'_, '_>,
    f: FuncId,
    kind: &'v InstKind,
    write: bool,
) -> Option<(&'v Value, Marked)> {
    match kind {
        InstKind::Call { callee, .. } => {
            let args = kind.model_args();
            let m = facts.program.funcs[f as usize].module;
            let t = facts.program.call_target(m, callee)?;
            let am = facts.index.of(t).access?;
            let excluded = if write {
                AccessType::Read
            } else {
                AccessType::Write
            };
            if am.access == excluded {
                return None;
            }
            let ordering = am.ordering_for(crate::accesses::const_arg(args, am.ordering_arg));
            Some((args.get(am.arg as usize)?, Marked::Model(ordering)))
        }
        InstKind::Asm {
            asm,
            constraints,
            args,
            memory_operands,
            ..
        } => {
            let m = facts.program.module_of(f);
            let models = facts.index.models().asm_with_constraints(
                m.str(m.triple),
                m.str(*asm),
                m.str(*constraints),
            );
            let directional = if write {
                AsmEffect::ReleaseStore
            } else {
                AsmEffect::AcquireLoad
            };
            let marked = if write {
                AsmEffect::MarkedStore
            } else {
                AsmEffect::MarkedLoad
            };
            let e = models.iter().find(|e| {
                e.effect == directional || e.effect == marked || e.effect == AsmEffect::AtomicRmw
            })?;
            let k = *memory_operands.first()?;
            Some((args.get(k as usize)?, Marked::Asm(e.effect, e.ordering)))
        }
        _ => None,
    }
}

/// A barrier of the needed kind between `from` and `to` in `f`.
fn barrier_between(facts: &Facts<'_, '_>, f: FuncId, from: u32, to: u32, write: bool) -> bool {
    let func = facts.program.function(f);
    let m = facts.program.module_of(f);
    let x86 = m.str(m.triple).starts_with("x86_64");
    for (b, inst) in func.insts.iter().enumerate() {
        let b = b as u32;
        let Some(kind) = barrier_event(facts, f, &inst.kind) else {
            continue;
        };
        let fits = match kind {
            BarrierKind::Full => true,
            BarrierKind::Write => write,
            BarrierKind::Read => !write,
            // x86-64 is TSO: smp_wmb()/smp_rmb() are barrier().
            BarrierKind::Compiler => x86,
        };
        if fits && reaches(func, from, b) && reaches(func, b, to) {
            return true;
        }
    }
    false
}

fn barrier_event(facts: &Facts<'_, '_>, f: FuncId, kind: &InstKind) -> Option<BarrierKind> {
    match kind {
        InstKind::Fence {
            ordering,
            single_thread,
        } => {
            if *single_thread {
                return Some(BarrierKind::Compiler);
            }
            Some(match ordering {
                Ordering::Acquire => BarrierKind::Read,
                Ordering::Release => BarrierKind::Write,
                _ => BarrierKind::Full,
            })
        }
        InstKind::Call { callee, .. } => {
            let m = facts.program.funcs[f as usize].module;
            let t = facts.program.call_target(m, callee)?;
            let b = facts.index.of(t).barrier?;
            b.kind_for(crate::accesses::const_arg(
                kind.model_args(),
                b.ordering_arg,
            ))
        }
        InstKind::Asm {
            asm, constraints, ..
        } => {
            let m = facts.program.module_of(f);
            let models = facts.index.models().asm_with_constraints(
                m.str(m.triple),
                m.str(*asm),
                m.str(*constraints),
            );
            let mut best: Option<BarrierKind> = None;
            for e in models.iter().filter(|e| e.effect == AsmEffect::Barrier) {
                let k = e.barrier.unwrap_or(BarrierKind::Full);
                best = Some(match (best, k) {
                    (Some(BarrierKind::Full), _) | (_, BarrierKind::Full) => BarrierKind::Full,
                    (None, k) | (Some(BarrierKind::Compiler), k) => k,
                    (Some(x), _) => x,
                });
            }
            best
        }
        _ => None,
    }
}

/// Is the pointer `r` dereferences computed from the value loaded at `l`?
fn address_dependent(facts: &Facts<'_, '_>, f: FuncId, r: u32, l: u32) -> bool {
    let func = facts.program.function(f);
    let ptr = match &func.insts[r as usize].kind {
        InstKind::Load { ptr, .. } | InstKind::Store { ptr, .. } => ptr.clone(),
        InstKind::Call { args, .. } => match args.first() {
            Some(a) => a.clone(),
            None => return false,
        },
        _ => return false,
    };
    let mut v = ptr;
    for _ in 0..32 {
        let Value::Inst(i) = v else { return false };
        if i == l {
            return true;
        }
        v = match &func.insts[i as usize].kind {
            InstKind::Gep { base, .. } => base.clone(),
            InstKind::Cast { value, .. }
            | InstKind::IntToPtr { value }
            | InstKind::PtrToInt { value } => value.clone(),
            InstKind::Select { then, .. } => then.clone(),
            InstKind::Phi { incoming } => {
                match incoming.iter().find(|(x, _)| matches!(x, Value::Inst(_))) {
                    Some((x, _)) => x.clone(),
                    None => return false,
                }
            }
            // Unoptimised code keeps `p = READ_ONCE(gp)` in a stack slot.
            InstKind::Load {
                ptr: Value::Inst(slot),
                ..
            } if matches!(func.insts[*slot as usize].kind, InstKind::Alloca { .. }) => {
                match slot_value(func, *slot) {
                    Some(x) => x,
                    None => return false,
                }
            }
            _ => return false,
        };
    }
    false
}

/// The one value (null aside) every store into local slot `slot` writes.
fn slot_value(func: &crate::ir::Function, slot: u32) -> Option<Value> {
    let mut out: Option<Value> = None;
    for inst in &func.insts {
        if let InstKind::Store {
            ptr: Value::Inst(p),
            value,
            ..
        } = &inst.kind
        {
            if *p != slot || matches!(value, Value::Null) {
                continue;
            }
            match &out {
                Some(v) if v != value => return None,
                _ => out = Some(value.clone()),
            }
        }
    }
    out
}

fn ordering_finding(
    facts: &Facts<'_, '_>,
    rule: &str,
    at: (FuncId, Instance, u32),
    w: &Access,
    r: &Access,
) -> Finding {
    let level = catalog::by_id(rule)
        .map(|x| x.level)
        .unwrap_or(Level::Error);
    let flag_loc = source_loc(facts, at.0, at.2);
    let f = func_name(facts, at.0);
    let lang = facts.program.language(at.0);
    let data = facts.memory.location_name(facts.program, w.ptr);
    let flag_name = flag_location(facts, at).unwrap_or_else(|| "the flag".into());
    let (title, help) = match rule {
        "missing-release" => (
            format!("`{f}` publishes `{data}` through `{flag_name}` without release ordering"),
            "Use smp_store_release() (C) or Atomic::store(.., Release) (Rust), or put smp_wmb() before the flag store.".to_string(),
        ),
        "missing-acquire" => (
            format!("`{f}` reads `{data}` after checking `{flag_name}` without acquire ordering"),
            "Use smp_load_acquire() (C) or Atomic::load(Acquire) (Rust), or put smp_rmb() after the flag load.".to_string(),
        ),
        _ => (
            format!("`{f}` follows the pointer in `{flag_name}` loaded with a volatile/relaxed read"),
            "Not ordered on arm64 with LTO or on Alpha, where C's READ_ONCE is strengthened to acquire. Use Atomic::from_ptr(..).load(Acquire) or an RCU wrapper that calls C's rcu_dereference.".to_string(),
        ),
    };
    let mut related = Vec::new();
    for (a, what) in [(w, "data written here"), (r, "data read here")] {
        if let Some(loc) = source_loc(facts, a.func, a.inst) {
            related.push(Related {
                loc,
                message: format!("{what}: {data} in {}", func_name(facts, a.func)),
            });
        }
    }
    let site = AccessSite {
        function: f.clone(),
        language: lang,
        loc: flag_loc.clone(),
        kind: if rule == "missing-release" {
            AccessKind::Write
        } else {
            AccessKind::Read
        },
        size: 0,
        marking: "marked (flag)".into(),
        lockset: Vec::new(),
        root: String::new(),
        path: vec![PathStep {
            kind: StepKind::Memory,
            function: f.clone(),
            language: lang,
            loc: flag_loc,
            message: title.clone(),
        }],
    };
    Finding {
        rule: rule.to_string(),
        level,
        title: title.clone(),
        message: format!("{title}. {help}"),
        location: flag_name.clone(),
        accesses: vec![site],
        related,
        confidence: 0.75,
        fingerprint: format!("{rule}|{f}|{flag_name}"),
    }
}

fn flag_location(facts: &Facts<'_, '_>, at: (FuncId, Instance, u32)) -> Option<String> {
    let func = facts.program.function(at.0);
    let kind = &func.insts[at.2 as usize].kind;
    let ptr = store_event(facts, at.0, kind)
        .map(|x| x.0)
        .or_else(|| load_event(facts, at.0, kind).map(|x| x.0))?;
    let p = facts.memory.ptr_in(facts.program, at.1, ptr)?;
    Some(facts.memory.location_name(facts.program, p))
}
