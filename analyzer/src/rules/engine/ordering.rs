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
use crate::accesses::{const_value, member_value, slot_member, slot_value, Access};
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

/// A flag store: how it is ordered, a lock held at it since its
/// function's entry (if any), and what it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FlagStore {
    ord: StoreOrd,
    lock: Option<LockId>,
    /// A read-modify-write: it continues a release sequence, whatever its
    /// own ordering (C++20: only RMWs do).
    rmw: bool,
    /// The constant it writes, when known (an RMW's never is).
    value: Option<i64>,
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
    /// A flag without the ordering before a write (a hand-over: the next
    /// owner writes what the last one wrote): two unordered writes are a
    /// data race proper, not a stale read, and are judged as one; these
    /// findings name the flag access at fault, for a note.
    Unordered(Vec<Finding>),
    /// Broken publication whose writer did publish with a release store,
    /// but the reader may read a later relaxed store of its (user space):
    /// the release sequence ends there (C++20: only RMWs continue one), so
    /// nothing orders the pair, which is a data race under the C11/Rust
    /// model. These findings (the relaxed store's missing-release) are
    /// reported and named in a note on the race, which is reported too.
    SequenceEnded(Vec<Finding>),
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
    // A writer's release store came first, but the reader may read a later
    // relaxed store (see `Verdict::SequenceEnded`).
    let mut seq_ended = false;
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
                    && stores.iter().any(|(s_inst, sp, st)| {
                        same_location(*sp, lptr)
                            && st.lock == llock
                            && !reaches(wfunc, *s_inst, wpos)
                    })
                {
                    found = true;
                    ordered = true;
                    continue;
                }
                if lord == LoadOrd::Plain {
                    continue;
                }
                let dep = rf == r.func && address_dependent(facts, r.func, r.inst, l_inst);
                // A flag synchronises only when the reader acts on what it
                // loaded: reaches the data through it, or tests it (`if
                // (ready)`, a wait loop). Read and ignored, the load may
                // have seen the old value, and the data read races.
                if !dep && !flag_acted_on(facts, rf, l_inst, rpos) {
                    continue;
                }
                // The values the reader goes on with (`== 2`; a wait left
                // on `!= 0`): it was told by a store of one of them. A path
                // through another load of the flag is that load's to judge
                // (the first test of a wait loop, peeled off before it).
                let needs = if dep {
                    Arc::from([])
                } else {
                    let others: Vec<u32> = loads
                        .iter()
                        .filter(|(i, p, _)| *i != l_inst && same_location(*p, lptr))
                        .map(|(i, _, _)| *i)
                        .collect();
                    cache.needs(facts, (rf, rx, l_inst, rpos), &others)
                };
                let flag: Vec<&StoreEvent> = stores
                    .iter()
                    .filter(|(_, sp, st)| same_location(*sp, lptr) && st.ord != StoreOrd::Plain)
                    .collect();
                let heads = |k: usize| {
                    let (i, _, st) = flag[k];
                    st.ord == StoreOrd::Release || barrier_between(facts, wf, wpos, *i, true)
                };
                let mut released_before = false;
                let (s_inst, writer_ok) = match flag
                    .iter()
                    .position(|(_, _, st)| may_pass(st.value, &needs))
                {
                    Some(k) => {
                        // A relaxed RMW after a release store continues
                        // its release sequence.
                        released_before = (0..k).any(heads);
                        let ok = heads(k) || (flag[k].2.rmw && released_before);
                        // A later relaxed store of a value the reader
                        // goes on with ends the sequence (C++20: only
                        // RMWs continue one): the reader may have seen
                        // that store, which orders nothing.
                        let ends = flag[k + 1..].iter().find(|(i, _, st)| {
                            st.ord == StoreOrd::Relaxed
                                && !st.rmw
                                && must_pass(st.value, &needs)
                                && !barrier_between(facts, wf, wpos, *i, true)
                        });
                        match ends {
                            Some((i, _, _)) if ok => {
                                released_before = true;
                                (*i, false)
                            }
                            _ => (flag[k].0, ok),
                        }
                    }
                    // None of the writer's stores writes what the reader
                    // goes on with: it saw another thread's store (or the
                    // initial value), which is ordered after the data
                    // only as an RMW continuing the writer's release
                    // sequence (a third thread's `swap(2)` after the
                    // writer's `store(1, Release)`).
                    None => match (0..flag.len()).find(|&k| heads(k)) {
                        Some(k) if cache.rmw_on(facts, lptr) => (flag[k].0, true),
                        _ => continue,
                    },
                };
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
                    // Another thread's relaxed store of a value the reader
                    // goes on with: the reader may have seen that one, and
                    // then nothing orders the data. The flag is then no
                    // message passing for this pair.
                    if !needs.is_empty() && cache.overwritten(facts, lptr, &needs, r) {
                        continue;
                    }
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
                    // The writer published with release, then stored the
                    // value the reader goes on with relaxed.
                    seq_ended |= released_before && reader_ok;
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
    } else if seq_ended && !facts.threads.kernel {
        Verdict::SequenceEnded(out)
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
    /// Per (function, instance, flag load, position after it): the tests
    /// the loaded value passes on the way ([`value_needed`]).
    needs: HashMap<(FuncId, Instance, u32, u32), Arc<[Test]>>,
    /// Every flag location's other stores, found on first need.
    others: Option<OtherStores>,
}

/// The marked stores of the whole program by location (node, offset):
/// where one is an RMW, and the relaxed stores of a constant (access,
/// value) that no write barrier precedes in their function.
#[derive(Default)]
struct OtherStores {
    rmw: rustc_hash::FxHashSet<(u32, i64)>,
    relaxed: HashMap<(u32, i64), Vec<(usize, i64)>>,
}

type StoreEvent = (u32, Ptr, FlagStore);
type LoadEvent = (u32, Ptr, (LoadOrd, Option<LockId>));

#[derive(Default)]
struct FlagEvents {
    stores: Vec<StoreEvent>,
    /// Each with a lock held at it since its function's entry, if any.
    loads: Vec<LoadEvent>,
}

impl FlagCache {
    /// The tests the value the load at `l` of `f` reads passes before `pos`
    /// runs; none for a call that loads the flag inside.
    fn needs(
        &mut self,
        facts: &Facts<'_, '_>,
        (f, x, l, pos): (FuncId, Instance, u32, u32),
        others: &[u32],
    ) -> Arc<[Test]> {
        self.needs
            .entry((f, x, l, pos))
            .or_insert_with(|| {
                let func = facts.program.function(f);
                let none = |_: &Value| None;
                if load_event(facts, f, &func.insts[l as usize].kind, &none).is_none() {
                    return Arc::from([]);
                }
                value_needed(func, l, pos, others).into()
            })
            .clone()
    }

    fn others(&mut self, facts: &Facts<'_, '_>) -> &OtherStores {
        self.others.get_or_insert_with(|| {
            let mut o = OtherStores::default();
            let mut live: HashMap<FuncId, Vec<bool>> = HashMap::default();
            for (k, a) in facts.accesses.list.iter().enumerate() {
                if a.kind == AccessKind::Read || a.marking.is_plain() {
                    continue;
                }
                let func = facts.program.function(a.func);
                let konst = |v: &Value| const_value(facts.program, facts.cg, a.func, v);
                let Some((_, st)) =
                    store_event(facts, a.func, &func.insts[a.inst as usize].kind, &konst)
                else {
                    continue;
                };
                let at = (a.ptr.node, a.ptr.off);
                if st.rmw {
                    o.rmw.insert(at);
                } else if let (StoreOrd::Relaxed, Some(v)) = (st.ord, st.value) {
                    // Not in a branch the constants every caller passes
                    // rule out (a generic `store` matching on the ordering).
                    let live = live
                        .entry(a.func)
                        .or_insert_with(|| live_blocks(func, &konst));
                    let runs = func.block_of(a.inst).is_some_and(|b| live[b as usize]);
                    if runs && !release_fence_before(facts, a.func, a.inst) {
                        o.relaxed.entry(at).or_default().push((k, v));
                    }
                }
            }
            o
        })
    }

    /// Does some read-modify-write anywhere store to `flag`?
    fn rmw_on(&mut self, facts: &Facts<'_, '_>, flag: Ptr) -> bool {
        self.others(facts).rmw.contains(&(flag.node, flag.off))
    }

    /// Does a thread that may run beside the reader `r` store, relaxed, a
    /// value to `flag` that passes `needs`?
    fn overwritten(
        &mut self,
        facts: &Facts<'_, '_>,
        flag: Ptr,
        needs: &[Test],
        r: &Access,
    ) -> bool {
        let Some(list) = self.others(facts).relaxed.get(&(flag.node, flag.off)) else {
            return false;
        };
        list.iter().any(|&(k, v)| {
            must_pass(Some(v), needs)
                && super::races::some_roots_parallel(facts, &facts.accesses.list[k], r)
        })
    }

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
    let konst = |v: &Value| const_value(facts.program, facts.cg, f, v);
    for (i, inst) in func.insts.iter().enumerate() {
        let i = i as u32;
        if in_rust_std(facts, f, i) {
            continue;
        }
        let store = store_event(facts, f, &inst.kind, &konst);
        let load = load_event(facts, f, &inst.kind, &konst);
        let effects = if store.is_none() || load.is_none() {
            call_effects(facts, f, x, i, 0, &konst)
        } else {
            Vec::new()
        };
        let here = held_lock(facts, f, i);
        match store {
            Some((ptr, s)) => out
                .stores
                .extend(at(ptr).map(|p| (i, p, FlagStore { lock: here, ..s }))),
            None => out.stores.extend(effects.iter().filter_map(|e| match e {
                Event::Store(p, s) if keep(p) => Some((
                    i,
                    *p,
                    FlagStore {
                        lock: s.lock.or(here),
                        ..*s
                    },
                )),
                _ => None,
            })),
        }
        if let (None, None, Some(_)) = (store, load, here) {
            match &inst.kind {
                InstKind::Store { ptr, value, .. } => {
                    let s = FlagStore {
                        ord: StoreOrd::Plain,
                        lock: here,
                        rmw: false,
                        value: konst(value),
                    };
                    out.stores.extend(at(ptr).map(|p| (i, p, s)));
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
    let reach = func.reachable_blocks(bp as u32, after);
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
    Store(Ptr, FlagStore),
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
        let reaches = |s: u32| s as usize == r || func.reachable_blocks(s, true)[r];
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

/// A test the flag's value passes on the reader's way to the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Test {
    Eq(i64),
    Ne(i64),
}

impl Test {
    fn not(self) -> Test {
        match self {
            Test::Eq(c) => Test::Ne(c),
            Test::Ne(c) => Test::Eq(c),
        }
    }
}

/// Can a store of `v` (`None`: not known) pass every test? A store that
/// may is taken to be the one the reader saw: said yes when unsure.
fn may_pass(v: Option<i64>, tests: &[Test]) -> bool {
    let Some(v) = v else { return true };
    tests.iter().all(|t| match *t {
        Test::Eq(c) => may_equal(v, c),
        Test::Ne(c) => v != c,
    })
}

/// Does a store of `v` pass every test for sure? Only such a store is
/// taken to end a release sequence: said no when unsure.
fn must_pass(v: Option<i64>, tests: &[Test]) -> bool {
    let Some(v) = v else { return false };
    !tests.is_empty()
        && tests.iter().all(|t| match *t {
            Test::Eq(c) => v == c,
            Test::Ne(c) => !may_equal(v, c),
        })
}

/// Constants are sign-extended from their own width, which the IR does
/// not keep: `true` passed as an `i1` is -1 and stored as an `i8` 1, a
/// `u8` 255 is -1. Equal in their low byte, or both a truth value, may be
/// the same.
fn may_equal(a: i64, b: i64) -> bool {
    a == b || a as u8 == b as u8 || (matches!(a, 1 | -1) && matches!(b, 1 | -1))
}

/// What the reader knows of the value the load at `l` read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    /// It is that value (through casts and local variables).
    Value,
    /// A truth value: true when that value passes the test.
    Holds(Test),
}

/// The tests the value the load at `l` reads passes on every path from
/// `l` to `pos` that does not run `l` again nor pass one of the `other`
/// loads of the flag: the branches on it (comparisons with constants,
/// casts, `!`, -O0's local variables) that all those paths take one way
/// (`if STATE.load(Acquire) == 2 { read }`; `while flag.load(Acquire) != v
/// {}`, left when it equals `v`). Empty when no such branch is found: any
/// value.
fn value_needed(func: &crate::ir::Function, l: u32, pos: u32, other: &[u32]) -> Vec<Test> {
    use crate::ir::{CastOp, CmpPred, IntOp};
    let (Some(lb), Some(pb)) = (func.block_of(l), func.block_of(pos)) else {
        return Vec::new();
    };
    if lb == pb || other.iter().any(|&o| func.block_of(o) == Some(lb) && o > l) {
        return Vec::new();
    }
    // Blocks a path may not enter: the load's own (it would run again) and
    // those where another load of the flag runs before `pos`.
    let mut blocked = vec![false; func.blocks.len()];
    blocked[lb as usize] = true;
    for &o in other {
        if let Some(b) = func.block_of(o) {
            if b != pb || o < pos {
                blocked[b as usize] = true;
            }
        }
    }
    let truth = |v: &Value| matches!(v, Value::Int(1 | -1));
    let mut views: HashMap<u32, View> = HashMap::default();
    views.insert(l, View::Value);
    // Each branch on the value: its block and, per successor, the tests
    // taking that edge means (`None`: several edges lead there).
    type Edges = Vec<(u32, Option<Vec<Test>>)>;
    let mut branches: Vec<(u32, Edges)> = Vec::new();
    let mut work = vec![(l, 0u32)];
    while let Some((v, depth)) = work.pop() {
        if depth > 12 {
            continue;
        }
        let view = views[&v];
        let me = Value::Inst(v);
        let other = |lhs: &Value, rhs: &Value| -> Option<Value> {
            if *lhs == me {
                Some(rhs.clone())
            } else if *rhs == me {
                Some(lhs.clone())
            } else {
                None
            }
        };
        for (k, inst) in func.insts.iter().enumerate() {
            let k = k as u32;
            let next = match &inst.kind {
                InstKind::Cast { value, op } if *value == me => match (view, op) {
                    (View::Value, CastOp::Trunc(1)) => Some(View::Holds(Test::Ne(0))),
                    _ => Some(view),
                },
                InstKind::ICmp { pred, lhs, rhs } => match (other(lhs, rhs), pred, view) {
                    (Some(Value::Int(c)), CmpPred::Eq, View::Value) => {
                        Some(View::Holds(Test::Eq(c)))
                    }
                    (Some(Value::Int(c)), CmpPred::Ne, View::Value) => {
                        Some(View::Holds(Test::Ne(c)))
                    }
                    // A truth value compared again (-O0's `== true`).
                    (Some(Value::Int(c)), CmpPred::Eq | CmpPred::Ne, View::Holds(t)) => {
                        let same = (c != 0) == (*pred == CmpPred::Eq);
                        Some(View::Holds(if same { t } else { t.not() }))
                    }
                    _ => None,
                },
                // `!ready`, and -O0's `and i1 %c, true`.
                InstKind::BinOp {
                    op: op @ (IntOp::Xor | IntOp::And),
                    lhs,
                    rhs,
                    ..
                } => match (other(lhs, rhs), view) {
                    (Some(c), View::Holds(t)) if truth(&c) => {
                        Some(View::Holds(if *op == IntOp::Xor { t.not() } else { t }))
                    }
                    _ => None,
                },
                // -O0: kept in a local variable that holds nothing else.
                InstKind::Store {
                    ptr: Value::Inst(slot),
                    value,
                    ..
                } if *value == me
                    && matches!(func.insts[*slot as usize].kind, InstKind::Alloca { .. })
                    && slot_value(func, *slot).as_ref() == Some(&me) =>
                {
                    for (j, x) in func.insts.iter().enumerate() {
                        if let InstKind::Load {
                            ptr: Value::Inst(p),
                            ..
                        } = &x.kind
                        {
                            if p == slot && !views.contains_key(&(j as u32)) {
                                views.insert(j as u32, view);
                                work.push((j as u32, depth + 1));
                            }
                        }
                    }
                    None
                }
                // Kept in a member of a local struct that holds nothing
                // else (`k.masks = rcu_dereference(..); if (!k.masks)`).
                InstKind::Store { ptr, value, .. }
                    if *value == me
                        && slot_member(func, ptr).is_some_and(|(slot, off)| {
                            member_value(func, slot, off).as_ref() == Some(&me)
                        }) =>
                {
                    let member = slot_member(func, ptr);
                    for (j, x) in func.insts.iter().enumerate() {
                        if let InstKind::Load { ptr: p, .. } = &x.kind {
                            if slot_member(func, p) == member && !views.contains_key(&(j as u32)) {
                                views.insert(j as u32, view);
                                work.push((j as u32, depth + 1));
                            }
                        }
                    }
                    None
                }
                InstKind::CondBr {
                    cond,
                    then,
                    otherwise,
                } if *cond == me => {
                    let t = match view {
                        View::Value => Test::Ne(0),
                        View::Holds(t) => t,
                    };
                    if let Some(b) = func.block_of(k) {
                        let edges = if then == otherwise {
                            vec![(*then, None)]
                        } else {
                            vec![(*then, Some(vec![t])), (*otherwise, Some(vec![t.not()]))]
                        };
                        branches.push((b, edges));
                    }
                    None
                }
                InstKind::Switch {
                    value,
                    default,
                    cases,
                } if *value == me && view == View::Value => {
                    let mut edges: Edges = Vec::new();
                    let mut add = |to: u32, tests: Vec<Test>| match edges
                        .iter_mut()
                        .find(|(t, _)| *t == to)
                    {
                        Some(e) => e.1 = None,
                        None => edges.push((to, Some(tests))),
                    };
                    for (c, to) in cases {
                        add(*to, vec![Test::Eq(*c)]);
                    }
                    add(*default, cases.iter().map(|(c, _)| Test::Ne(*c)).collect());
                    if let Some(b) = func.block_of(k) {
                        branches.push((b, edges));
                    }
                    None
                }
                _ => None,
            };
            if let Some(n) = next {
                if let std::collections::hash_map::Entry::Vacant(e) = views.entry(k) {
                    e.insert(n);
                    work.push((k, depth + 1));
                }
            }
        }
    }
    // Can control go from the load to `pos` without running it again and
    // without taking the edges from `cut.0` to the blocks in `cut.1`?
    let reaches_pos = |from: &[u32], cut: (u32, &[u32])| -> bool {
        let mut seen = vec![false; func.blocks.len()];
        let mut work: Vec<(u32, u32)> = from.iter().map(|&s| (lb, s)).collect();
        while let Some((a, b)) = work.pop() {
            let bi = b as usize;
            if (a == cut.0 && cut.1.contains(&b)) || bi >= seen.len() || blocked[bi] || seen[bi] {
                continue;
            }
            seen[bi] = true;
            if b == pb {
                return true;
            }
            work.extend(func.blocks[bi].succs.iter().map(|&s| (b, s)));
        }
        false
    };
    let start = func.blocks[lb as usize].succs.clone();
    let mut out = Vec::new();
    for (b, edges) in branches {
        // The edges that lead on to `pos`: one, with known tests, and
        // another edge that does not.
        let on: Vec<&(u32, Option<Vec<Test>>)> = edges
            .iter()
            .filter(|(to, _)| reaches_pos_from(func, *to, pb, &blocked))
            .collect();
        let [(to, Some(tests))] = on[..] else {
            continue;
        };
        if on.len() == edges.len() {
            continue;
        }
        // Every path to `pos` takes that edge.
        if !reaches_pos(&start, (b, &[*to])) {
            out.extend(tests.iter().copied());
        }
    }
    out
}

/// Can control go from the start of block `from` to block `to` without
/// entering a `blocked` block?
fn reaches_pos_from(func: &crate::ir::Function, from: u32, to: u32, blocked: &[bool]) -> bool {
    let mut seen = vec![false; func.blocks.len()];
    let mut work = vec![from];
    while let Some(b) = work.pop() {
        let bi = b as usize;
        if bi >= seen.len() || blocked[bi] || seen[bi] {
            continue;
        }
        if b == to {
            return true;
        }
        seen[bi] = true;
        work.extend(func.blocks[bi].succs.iter().copied());
    }
    false
}

/// Is the store at `i` of `f` preceded by a write (or full) barrier in
/// its function? A relaxed store after one publishes like a release store
/// (`smp_store_release()` on x86-64 is a compiler barrier and a store).
fn release_fence_before(facts: &Facts<'_, '_>, f: FuncId, i: u32) -> bool {
    barrier_before(facts, f, None, i, true)
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
    let after = func.reachable_blocks(lb as u32, true);
    let before = func.reachable_blocks(lb as u32, false);
    let in_loop = |k: usize| after[k] && before[k];
    let tests: Vec<usize> = branches_on(func, i, false)
        .into_iter()
        .filter_map(|br| func.block_of(br).map(|b| b as usize))
        .collect();
    let to_pos = func.reachable_blocks(pb as u32, false);
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
/// `match` on the ordering). The callee's parameters hold what the call
/// passes (`konst`: the constants of the caller), so an ordering handed
/// down (`wait(&flag, Ordering::Acquire)`) is the one its load uses.
fn call_effects(
    facts: &Facts<'_, '_>,
    f: FuncId,
    x: Instance,
    i: u32,
    depth: usize,
    konst: &dyn Fn(&Value) -> Option<i64>,
) -> Vec<Event> {
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
    let consts: Vec<Option<i64>> = args.iter().map(konst).collect();
    let arg_const = |v: &Value| -> Option<i64> {
        let mut v = v.clone();
        for _ in 0..4 {
            match v {
                Value::Arg(k) => return consts.get(k as usize).copied().flatten(),
                Value::Int(c) => return Some(c),
                Value::Inst(x) => match &callee.insts[x as usize].kind {
                    InstKind::Cast { value, .. } => v = value.clone(),
                    // -O0 keeps a parameter in a local variable.
                    InstKind::Load {
                        ptr: Value::Inst(slot),
                        ..
                    } if matches!(callee.insts[*slot as usize].kind, InstKind::Alloca { .. }) => {
                        match slot_value(callee, *slot) {
                            Some(s) => v = s,
                            None => return None,
                        }
                    }
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
            if let Some((ptr, s)) = store_event(facts, *g, kind, &arg_const) {
                if let Some(p) = facts.memory.ptr_in(facts.program, gx, ptr) {
                    let lock = held_lock(facts, *g, k);
                    out.push(Event::Store(p, FlagStore { lock, ..s }));
                }
            } else if let Some((ptr, ord)) = load_event(facts, *g, kind, &arg_const) {
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
                out.extend(
                    call_effects(facts, *g, gx, k, depth + 1, &arg_const)
                        .into_iter()
                        .map(|e| match e {
                            Event::Store(p, s) => Event::Store(
                                p,
                                FlagStore {
                                    lock: s.lock.or(here),
                                    ..s
                                },
                            ),
                            Event::Load(p, o, l) => Event::Load(p, o, l.or(here)),
                        }),
                );
            }
        }
        work.extend(successors_taken(callee, b, &arg_const));
    }
    out
}

/// The successors of block `b` that can run, its branch decided when it
/// compares constants (`konst`: a parameter's constant included) or
/// switches on one.
fn successors_taken(
    func: &crate::ir::Function,
    b: u32,
    konst: &dyn Fn(&Value) -> Option<i64>,
) -> Vec<u32> {
    let last = func.block_insts(b).last();
    let succs = &func.blocks[b as usize].succs;
    match last.map(|l| &func.insts[l].kind) {
        Some(InstKind::CondBr {
            cond: Value::Inst(c),
            then,
            otherwise,
        }) => {
            let decided = match &func.insts[*c as usize].kind {
                InstKind::ICmp { pred, lhs, rhs } => match (konst(lhs), konst(rhs)) {
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
                Some(true) => vec![*then],
                Some(false) => vec![*otherwise],
                None => succs.clone(),
            }
        }
        Some(InstKind::Switch {
            value,
            default,
            cases,
        }) => match konst(value) {
            Some(x) => vec![cases
                .iter()
                .find(|(c, _)| *c == x)
                .map(|(_, t)| *t)
                .unwrap_or(*default)],
            None => succs.clone(),
        },
        _ => succs.clone(),
    }
}

/// The blocks of `func` that can run, given the constants `konst` reads
/// (see [`successors_taken`]).
fn live_blocks(func: &crate::ir::Function, konst: &dyn Fn(&Value) -> Option<i64>) -> Vec<bool> {
    let mut seen = vec![false; func.blocks.len()];
    let mut work = vec![0u32];
    while let Some(b) = work.pop() {
        if (b as usize) >= seen.len() || seen[b as usize] {
            continue;
        }
        seen[b as usize] = true;
        work.extend(successors_taken(func, b, konst));
    }
    seen
}

/// A marked store (or read-modify-write) of `kind`: the address and what
/// it is; `konst` reads the constants of `f` (ordering and value arguments).
fn store_event<'v>(
    facts: &Facts<'_, '_>,
    f: FuncId,
    kind: &'v InstKind,
    konst: &dyn Fn(&Value) -> Option<i64>,
) -> Option<(&'v Value, FlagStore)> {
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
    let event = |ord, rmw, value| FlagStore {
        ord,
        lock: None,
        rmw,
        value,
    };
    match kind {
        InstKind::Store {
            ptr,
            value,
            volatile,
            ordering,
            ..
        } if (*volatile && kernel_volatile(facts)) || *ordering != Ordering::NotAtomic => {
            Some((ptr, event(rel(ordering), false, konst(value))))
        }
        InstKind::AtomicRmw { ptr, ordering, .. } => Some((ptr, event(rel(ordering), true, None))),
        InstKind::CmpXchg { ptr, success, .. } => Some((ptr, event(rel(success), true, None))),
        _ => match marked_call(facts, f, kind, true, konst)? {
            (
                v,
                Marked::Model {
                    ordering,
                    rmw,
                    value,
                },
            ) => Some((v, event(lkmm(ordering), rmw, value))),
            (v, Marked::Asm(e, o)) => Some((
                v,
                event(
                    if e == AsmEffect::ReleaseStore {
                        StoreOrd::Release
                    } else {
                        lkmm(o)
                    },
                    e == AsmEffect::AtomicRmw,
                    None,
                ),
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
    konst: &dyn Fn(&Value) -> Option<i64>,
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
        _ => match marked_call(facts, f, kind, false, konst)? {
            (
                v,
                Marked::Model {
                    ordering: Lkmm::Consume,
                    ..
                },
            ) => Some((v, LoadOrd::Consume)),
            (
                v,
                Marked::Model {
                    ordering: Lkmm::Acquire | Lkmm::Full,
                    ..
                },
            ) => Some((v, LoadOrd::Acquire)),
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
    /// A modelled function (`rust_helper_atomic_read_acquire` …) with its
    /// ordering, whether it is a read-modify-write, and the constant it
    /// stores (when its model says where and the call passes one).
    Model {
        ordering: Lkmm,
        rmw: bool,
        value: Option<i64>,
    },
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
    konst: &dyn Fn(&Value) -> Option<i64>,
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
            let arg = |k: Option<u32>| konst(args.get(k? as usize)?);
            let ordering = am.ordering_for(arg(am.ordering_arg).map(|c| c as u64));
            let marked = Marked::Model {
                ordering,
                rmw: am.access == AccessType::Rmw,
                value: arg(am.value_arg),
            };
            Some((args.get(am.arg as usize)?, marked))
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
            // Several patterns may match one statement (an LL/SC loop with
            // `stlxr` and a trailing `dmb ish` is both release and full):
            // the strongest ordering is what it does.
            let strength = |o: Lkmm| match o {
                Lkmm::Full => 0,
                Lkmm::Acquire | Lkmm::Release => 1,
                Lkmm::Consume => 2,
                Lkmm::Relaxed => 3,
            };
            let e = models
                .iter()
                .filter(|e| {
                    e.effect == directional
                        || e.effect == marked
                        || e.effect == AsmEffect::AtomicRmw
                })
                .min_by_key(|e| strength(e.ordering))?;
            let k = *memory_operands.first()?;
            Some((args.get(k as usize)?, Marked::Asm(e.effect, e.ordering)))
        }
        _ => None,
    }
}

/// A barrier of the needed kind between `from` and `to` in `f`.
fn barrier_between(facts: &Facts<'_, '_>, f: FuncId, from: u32, to: u32, write: bool) -> bool {
    barrier_before(facts, f, Some(from), to, write)
}

/// A barrier of the needed kind on every path to `to` in `f`: from just
/// after `from` if given, else from the function's entry. A barrier on one
/// branch only (`atomic_dec_and_test()` in an `else`, reached again round
/// a `goto retry`) orders nothing on the other. Branches the constants
/// rule out are not paths (`rcu_assign_pointer(p, NULL)` at -O0 keeps
/// `smp_store_release()` on a branch a constant test never takes).
fn barrier_before(
    facts: &Facts<'_, '_>,
    f: FuncId,
    from: Option<u32>,
    to: u32,
    write: bool,
) -> bool {
    let func = facts.program.function(f);
    let m = facts.program.module_of(f);
    let x86 = m.str(m.triple).starts_with("x86_64");
    let mut barrier = vec![false; func.insts.len()];
    let mut any = false;
    for (b, inst) in func.insts.iter().enumerate() {
        let Some(kind) = barrier_event(facts, f, &inst.kind) else {
            continue;
        };
        barrier[b] = match kind {
            BarrierKind::Full => true,
            BarrierKind::Write => write,
            BarrierKind::Read => !write,
            // x86-64 is TSO: smp_wmb()/smp_rmb() are barrier().
            BarrierKind::Compiler => x86,
        };
        any |= barrier[b];
    }
    if !any || func.blocks.is_empty() {
        return false;
    }
    // Walk forward, a path ending at the first barrier it meets: `to`
    // reached means some path has none.
    let scan = |range: std::ops::Range<usize>| -> Option<bool> {
        for i in range {
            if i == to as usize {
                return Some(true);
            }
            if barrier[i] {
                return Some(false);
            }
        }
        None
    };
    let konst = |v: &Value| const_value(facts.program, facts.cg, f, v);
    let mut seen = vec![false; func.blocks.len()];
    let mut work: Vec<u32> = Vec::new();
    match from {
        Some(from) => {
            let Some(bf) = func.block_of(from) else {
                return false;
            };
            let r = func.block_insts(bf);
            match scan(from as usize + 1..r.end) {
                Some(reached) => return !reached,
                None => work.extend(successors_taken(func, bf, &konst)),
            }
        }
        None => work.push(0),
    }
    while let Some(b) = work.pop() {
        let bi = b as usize;
        if bi >= seen.len() || seen[bi] {
            continue;
        }
        seen[bi] = true;
        match scan(func.block_insts(b)) {
            Some(true) => return false,
            Some(false) => {}
            None => work.extend(successors_taken(func, b, &konst)),
        }
    }
    // Every path to `to` met a barrier; if there is none (`to` does not
    // follow `from`), nothing is ordered, as before a barrier was asked for.
    from.is_none_or(|from| reaches(func, from, to))
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
            let sem = facts.index.of(t);
            // A fully ordered value-returning RMW (`atomic_xchg`,
            // `atomic_inc_return`) is smp_mb() on both sides under LKMM.
            if sem.access.is_some_and(|a| {
                a.access == AccessType::Rmw && a.ordering == Lkmm::Full && a.ordering_arg.is_none()
            }) {
                return Some(BarrierKind::Full);
            }
            let b = sem.barrier?;
            // A fence's order handed down as a parameter is the one every
            // caller passes.
            let order = b
                .ordering_arg
                .and_then(|k| kind.model_args().get(k as usize))
                .and_then(|v| const_value(facts.program, facts.cg, f, v));
            b.kind_for(order.map(|c| c as u64))
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
            // A fully ordered RMW that hands back a value (x86's `xchg`,
            // `lock xadd`, `lock cmpxchg`: an output in a register, not
            // only the memory operand) is a value-returning atomic, so
            // smp_mb() on both sides; `lock incl` alone (atomic_inc) is
            // unordered under LKMM.
            if crate::ir::asm::has_direct_output(m.str(*constraints))
                && models
                    .iter()
                    .any(|e| e.effect == AsmEffect::AtomicRmw && e.ordering == Lkmm::Full)
            {
                return Some(BarrierKind::Full);
            }
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
            // Or in a member of a local struct (`k.masks`).
            InstKind::Load { ptr, .. } => {
                match slot_member(func, ptr).and_then(|(slot, off)| member_value(func, slot, off)) {
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
            format!(
                "`{f}` {} `{data}` after checking `{flag_name}` without acquire ordering",
                if r.kind == AccessKind::Read {
                    "reads"
                } else {
                    "writes"
                }
            ),
            "Use smp_load_acquire() (C) or Atomic::load(Acquire) (Rust), or put smp_rmb() after the flag load.".to_string(),
        ),
        _ => (
            format!("`{f}` follows the pointer in `{flag_name}` loaded with a volatile/relaxed read"),
            "Not ordered on arm64 with LTO or on Alpha, where C's READ_ONCE is strengthened to acquire. Use Atomic::from_ptr(..).load(Acquire) or an RCU wrapper that calls C's rcu_dereference.".to_string(),
        ),
    };
    let mut related = Vec::new();
    let kind = |a: &Access| {
        if a.kind == AccessKind::Read {
            "data read here"
        } else {
            "data written here"
        }
    };
    for (a, what) in [(w, kind(w)), (r, kind(r))] {
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
    let none = |_: &Value| None;
    let ptr = store_event(facts, at.0, kind, &none)
        .map(|x| x.0)
        .or_else(|| load_event(facts, at.0, kind, &none).map(|x| x.0))?;
    let p = facts.memory.ptr_in(facts.program, at.1, ptr)?;
    Some(facts.memory.location_name(facts.program, p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Block, CmpPred, Function, Inst, IntOp, Language, Linkage};

    /// A function of blocks, each its instructions and successors; the
    /// instructions are numbered in order across blocks.
    fn func(blocks: Vec<(Vec<InstKind>, Vec<u32>)>) -> Function {
        let mut f = Function {
            name: 0,
            demangled: 0,
            linkage: Linkage::Internal,
            visible: false,
            section: None,
            language: Language::Rust,
            is_declaration: false,
            params: Vec::new(),
            source_params: Vec::new(),
            prototype: None,
            callee_types: Vec::new(),
            value_types: Vec::new(),
            sig: 0,
            returns_ptr: false,
            returns_void: true,
            variadic: false,
            di_name: None,
            di_loc: None,
            blocks: Vec::new(),
            insts: Vec::new(),
        };
        for (insts, succs) in blocks {
            f.blocks.push(Block {
                first: f.insts.len() as u32,
                len: insts.len() as u32,
                succs,
            });
            f.insts
                .extend(insts.into_iter().map(|kind| Inst { kind, loc: None }));
        }
        f
    }

    fn load() -> InstKind {
        InstKind::Load {
            ptr: Value::Global { name: 1, offset: 0 },
            size: 8,
            align: 8,
            volatile: false,
            ordering: Ordering::Acquire,
            is_ptr: false,
        }
    }

    fn data_read() -> InstKind {
        InstKind::Load {
            ptr: Value::Global { name: 2, offset: 0 },
            size: 8,
            align: 8,
            volatile: false,
            ordering: Ordering::NotAtomic,
            is_ptr: false,
        }
    }

    fn cmp(pred: CmpPred, v: u32, c: i64) -> InstKind {
        InstKind::ICmp {
            pred,
            lhs: Value::Inst(v),
            rhs: Value::Int(c),
        }
    }

    fn br(c: u32, then: u32, otherwise: u32) -> InstKind {
        InstKind::CondBr {
            cond: Value::Inst(c),
            then,
            otherwise,
        }
    }

    fn ret() -> InstKind {
        InstKind::Ret { value: None }
    }

    #[test]
    fn an_if_on_the_value_needs_it() {
        // bb0: %0 = load; %1 = %0 == 2; br %1 bb1 bb2
        // bb1: %3 = read; ret   bb2: ret
        let f = func(vec![
            (
                vec![load(), cmp(CmpPred::Eq, 0, 2), br(1, 1, 2)],
                vec![1, 2],
            ),
            (vec![data_read(), ret()], vec![]),
            (vec![ret()], vec![]),
        ]);
        assert_eq!(value_needed(&f, 0, 3, &[]), vec![Test::Eq(2)]);
        // Inverted: `if !flag` read.
        let f = func(vec![
            (
                vec![
                    load(),
                    InstKind::Cast {
                        value: Value::Inst(0),
                        op: crate::ir::CastOp::Trunc(1),
                    },
                    InstKind::BinOp {
                        op: IntOp::Xor,
                        bits: 1,
                        nsw: false,
                        lhs: Value::Inst(1),
                        rhs: Value::Int(-1),
                    },
                    br(2, 1, 2),
                ],
                vec![1, 2],
            ),
            (vec![data_read(), ret()], vec![]),
            (vec![ret()], vec![]),
        ]);
        assert_eq!(value_needed(&f, 0, 4, &[]), vec![Test::Eq(0)]);
    }

    #[test]
    fn a_wait_loop_is_left_on_the_value() {
        // bb0: br bb1
        // bb1: %1 = load; %2 = %1 != 2; br %2 bb1 bb2   (spin while != 2)
        // bb2: %4 = read; ret
        let f = func(vec![
            (vec![InstKind::Br { target: 1 }], vec![1]),
            (
                vec![load(), cmp(CmpPred::Ne, 1, 2), br(2, 1, 2)],
                vec![1, 2],
            ),
            (vec![data_read(), ret()], vec![]),
        ]);
        assert_eq!(value_needed(&f, 1, 4, &[]), vec![Test::Eq(2)]);
    }

    #[test]
    fn a_peeled_first_test_hands_the_rest_to_the_loop() {
        // bb0: %0 = load; %1 = %0 == 2; br %1 bb2 bb1
        // bb1: %3 = load; %4 = %3 == 2; br %4 bb2 bb1
        // bb2: %6 = read; ret
        let f = func(vec![
            (
                vec![load(), cmp(CmpPred::Eq, 0, 2), br(1, 2, 1)],
                vec![2, 1],
            ),
            (
                vec![load(), cmp(CmpPred::Eq, 3, 2), br(4, 2, 1)],
                vec![2, 1],
            ),
            (vec![data_read(), ret()], vec![]),
        ]);
        // Through the loop, the first load's value is anything...
        assert_eq!(value_needed(&f, 0, 6, &[]), vec![]);
        // ... but the loop's load judges that path.
        assert_eq!(value_needed(&f, 0, 6, &[3]), vec![Test::Eq(2)]);
        assert_eq!(value_needed(&f, 3, 6, &[0]), vec![Test::Eq(2)]);
    }

    #[test]
    fn a_read_either_way_needs_nothing() {
        // bb0: %0 = load; %1 = %0 == 2; br %1 bb1 bb2
        // bb1: br bb2   bb2: %4 = read; ret
        let f = func(vec![
            (
                vec![load(), cmp(CmpPred::Eq, 0, 2), br(1, 1, 2)],
                vec![1, 2],
            ),
            (vec![InstKind::Br { target: 2 }], vec![2]),
            (vec![data_read(), ret()], vec![]),
        ]);
        assert_eq!(value_needed(&f, 0, 4, &[]), vec![]);
    }

    #[test]
    fn values_match_loosely_for_orders_and_strictly_for_breaks() {
        // `true` as an i1 argument is -1; stored as a byte, 1.
        assert!(may_pass(Some(-1), &[Test::Eq(1)]));
        assert!(!must_pass(Some(-1), &[Test::Eq(1)]));
        assert!(may_pass(Some(1), &[Test::Ne(0)]));
        assert!(must_pass(Some(1), &[Test::Ne(0)]));
        assert!(!may_pass(Some(1), &[Test::Eq(2)]));
        assert!(!may_pass(Some(0), &[Test::Ne(0)]));
        // Unknown: may write anything, surely writes nothing.
        assert!(may_pass(None, &[Test::Eq(2)]));
        assert!(!must_pass(None, &[Test::Eq(2)]));
        // No test: any store may be the one, none breaks anything.
        assert!(may_pass(Some(7), &[]));
        assert!(!must_pass(Some(7), &[]));
    }
}
