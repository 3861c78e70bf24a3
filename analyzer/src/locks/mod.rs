//! Locks: relative locksets and bottom-up function summaries (RELAY).
//!
//! Each function is analysed once, with an empty lockset on entry: at every
//! point we know which locks it has acquired since entry (`plus`, a must
//! set), which it may have acquired (`may_plus`), and which locks held by its
//! caller it has released (`minus`). A call applies the callee's summary —
//! its net effect at return — so a lock taken in C and released in Rust (or
//! the reverse) is tracked across the FFI edge. Summaries are computed over
//! call-graph SCCs, callees first. Absolute locksets come later, when the
//! accesses stage walks down from each thread root: `(entry ∪ plus) − minus`.
//!
//! Locks are abstract memory locations (object + byte offset) like any
//! data, so `spin_lock(&dev->lock)` in C and `rust_helper_spin_lock(ptr)` on
//! the same `struct my_dev` name one lock.

mod correlated;
mod creation;
mod handoff;

pub use handoff::Handoff;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rayon::prelude::*;

use seam_models::{LockAction, LockKind, LockMode, LockModel};

use crate::callgraph::CallGraph;
use crate::ir::{CmpPred, Function, InstKind, Value};
use crate::memory::{Instance, Memory, Ptr};
use crate::program::{FuncId, ModelIndex, Program, Target};

pub type LockId = u32;

/// Locks a helper copy names instead of its original's: (original's, copy's).
type Renames = Vec<(LockId, LockId)>;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LockKey {
    Object(Ptr),
    /// A global lock (`static DEFINE_MUTEX(io_range_mutex)`) taken by its
    /// symbol's address, whose object unification collapsed (list heads
    /// in and around it merge at other offsets): the symbol and byte
    /// offset still name exactly one lock.
    Symbol(crate::program::GlobalId, i64),
    /// A lock with no object, e.g. the RCU read side.
    Global(LockKind),
}

#[derive(Clone, Debug)]
pub struct LockInfo {
    pub key: LockKey,
    pub kind: LockKind,
    /// Visible to lockdep.
    pub kernel: bool,
}

/// A lock held at a point: which, in what mode, and where it was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Held {
    pub lock: LockId,
    pub mode: LockMode,
    pub site: (FuncId, u32),
    /// Held by the thread's parent from its start to its join (see
    /// `creation`): it keeps out every thread but the parent's critical
    /// section itself (the parent, and threads it started in it), which
    /// hold it with the same `site`.
    pub from_parent: bool,
}

/// Levels a lock taken again while held counts up to (see `nested`).
const MAX_NESTED: usize = 4;

/// Lock state relative to the function's entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RelState {
    /// Acquired on every path since entry (sorted by lock id).
    pub plus: Vec<Held>,
    /// Acquired on some path since entry.
    pub may_plus: Vec<LockId>,
    /// Held by the caller and released since entry, on some path.
    pub minus: Vec<LockId>,
}

impl RelState {
    fn acquire(&mut self, h: Held) {
        if let Some(x) = self.plus.iter_mut().find(|x| x.lock == h.lock) {
            *x = h;
        } else {
            self.plus.push(h);
            self.plus.sort_by_key(|x| x.lock);
        }
        if !self.may_plus.contains(&h.lock) {
            self.may_plus.push(h.lock);
            self.may_plus.sort_unstable();
        }
    }
}

/// The state the per-function dataflow carries: the relative state plus
/// what only the dataflow needs (recorded states are `RelState`s).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Flow {
    plus: Vec<Held>,
    may_plus: Vec<LockId>,
    minus: Vec<LockId>,
    /// Locks of `plus` taken again after this function released them as
    /// its caller's (binder's unlock/relock dance, or a release a callee's
    /// may-summary blamed on it): held now, whether or not the caller
    /// held them, and a later release drops the caller's hold.
    reheld: Vec<LockId>,
    /// Locks that may be held here, with mode and site, though not on
    /// every path (`plus`): acquired on one branch only, a trylock whose
    /// result seam cannot follow, a callee that returns holding it on some
    /// path (`__do_once_start`, `lock_mount`). Held wherever every path on
    /// releases it (see [`anticipated_releases`]).
    pending: Vec<Held>,
    /// Locks a trylock failed to take on some path here, not taken since:
    /// a release of one of them drops what that trylock's result holds
    /// (nothing, or Rust's poisoned guard), not the caller's lock.
    try_failed: Vec<LockId>,
    /// Locks of `plus` taken again while held (a recursive mutex, or two
    /// locks seam sees as one), once per extra level: a release drops a
    /// level before it drops the lock (sorted, repeats allowed).
    nested: Vec<LockId>,
}

impl Flow {
    fn acquire(&mut self, h: Held) {
        // Re-taking a lock the caller held and this function dropped
        // (binder's unlock/relock dance) is not a new acquisition of this
        // function, but the lock is held from here on whatever the caller
        // held: the "release" may only be a callee's may-summary (one of
        // an indirect call's hundreds of targets unlocks it), and the
        // caller need not hold the lock at all.
        self.try_failed.retain(|l| *l != h.lock);
        let reheld = self.minus.contains(&h.lock);
        if reheld {
            self.minus.retain(|l| *l != h.lock);
            if !self.reheld.contains(&h.lock) {
                self.reheld.push(h.lock);
                self.reheld.sort_unstable();
            }
        }
        if self.plus.iter().any(|x| x.lock == h.lock) {
            // Taken again while held: one more level to release (a few at
            // most, so a loop taking a lock it never drops converges).
            if self.nested.iter().filter(|l| **l == h.lock).count() < MAX_NESTED {
                let at = self.nested.partition_point(|l| *l < h.lock);
                self.nested.insert(at, h.lock);
            }
        } else {
            self.plus.push(h);
            self.plus.sort_by_key(|x| x.lock);
        }
        if !reheld && !self.may_plus.contains(&h.lock) {
            self.may_plus.push(h.lock);
            self.may_plus.sort_unstable();
        }
        self.pending.retain(|x| x.lock != h.lock);
    }

    /// May hold `h` from here on (not on every path).
    fn pend(&mut self, h: Held) {
        self.pend_all(vec![h]);
    }

    /// May hold these from here on: merged by lock, the first seen kept.
    fn pend_all(&mut self, mut hs: Vec<Held>) {
        hs.retain(|h| !self.plus.iter().any(|x| x.lock == h.lock));
        if hs.is_empty() {
            return;
        }
        hs.sort_by_key(|x| x.lock);
        hs.dedup_by_key(|x| x.lock);
        if self.pending.is_empty() {
            self.pending = hs;
            return;
        }
        let old = std::mem::take(&mut self.pending);
        let mut out = Vec::with_capacity(old.len() + hs.len());
        let (mut a, mut b) = (old.into_iter().peekable(), hs.into_iter().peekable());
        loop {
            match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x.lock == y.lock => {
                    out.push(*x);
                    a.next();
                    b.next();
                }
                (Some(x), Some(y)) if x.lock < y.lock => {
                    out.push(*x);
                    a.next();
                }
                (Some(_), Some(_)) | (None, Some(_)) => out.push(b.next().expect("peeked")),
                (Some(_), None) => out.push(a.next().expect("peeked")),
                (None, None) => break,
            }
        }
        self.pending = out;
    }

    /// The state as recorded for later stages.
    fn rel(&self) -> RelState {
        RelState {
            plus: self.plus.clone(),
            may_plus: self.may_plus.clone(),
            minus: self.minus.clone(),
        }
    }

    /// Pending locks every path on releases are held here.
    fn promote(&mut self, anticipated: &[LockId]) {
        if self.pending.is_empty() || anticipated.is_empty() {
            return;
        }
        let held: Vec<Held> = self
            .pending
            .iter()
            .filter(|h| anticipated.binary_search(&h.lock).is_ok())
            .copied()
            .collect();
        for h in held {
            self.acquire(h);
        }
    }

    /// Drops `l` if it is held: an unlock that may release it (another
    /// element of the array an unlock by run-time index names) leaves it
    /// held on no path for sure.
    fn release_held(&mut self, l: LockId) {
        // Still maybe held (`may_plus`): its own unlock later is no
        // double unlock.
        self.plus.retain(|x| x.lock != l);
        self.pending.retain(|x| x.lock != l);
    }

    /// The locks held here, surely or maybe, each once.
    fn held_locks(&self) -> Vec<LockId> {
        let mut v: Vec<LockId> = self.plus.iter().map(|h| h.lock).collect();
        v.extend(self.may_plus.iter().copied());
        v.sort_unstable();
        v.dedup();
        v
    }

    fn release(&mut self, l: LockId) {
        if let Some(k) = self.nested.iter().position(|x| *x == l) {
            self.nested.remove(k);
            return;
        }
        let had = self.plus.iter().any(|x| x.lock == l) || self.may_plus.contains(&l);
        if !had && self.try_failed.contains(&l) {
            return;
        }
        // Releasing a re-taken lock of the caller drops the caller's hold.
        let reheld = self.reheld.contains(&l);
        self.plus.retain(|x| x.lock != l);
        self.may_plus.retain(|x| *x != l);
        self.reheld.retain(|x| *x != l);
        self.pending.retain(|x| x.lock != l);
        if (!had || reheld) && !self.minus.contains(&l) {
            self.minus.push(l);
            self.minus.sort_unstable();
        }
    }

    /// `release` of each of `rel` (distinct locks), at once.
    fn release_all(&mut self, rel: &[LockId]) {
        if rel.len() <= 4 || !self.nested.is_empty() || !self.try_failed.is_empty() {
            for l in rel {
                self.release(*l);
            }
            return;
        }
        let mut sorted = rel.to_vec();
        sorted.sort_unstable();
        let has = |v: &[LockId], l: LockId| v.binary_search(&l).is_ok();
        let mut gone: Vec<LockId> = sorted
            .iter()
            .copied()
            .filter(|&l| {
                let had = self.plus.iter().any(|x| x.lock == l) || has(&self.may_plus, l);
                !had || has(&self.reheld, l)
            })
            .collect();
        self.plus.retain(|x| !has(&sorted, x.lock));
        self.may_plus.retain(|x| !has(&sorted, *x));
        self.reheld.retain(|x| !has(&sorted, *x));
        self.pending.retain(|x| !has(&sorted, x.lock));
        if !gone.is_empty() {
            gone.extend_from_slice(&self.minus);
            gone.sort_unstable();
            gone.dedup();
            self.minus = gone;
        }
    }

    fn join(&mut self, other: &Flow) {
        // Held on one side only: may be held.
        let dropped: Vec<Held> = self
            .plus
            .iter()
            .filter(|x| !other.plus.iter().any(|y| y.lock == x.lock))
            .chain(
                other
                    .plus
                    .iter()
                    .filter(|y| !self.plus.iter().any(|x| x.lock == y.lock)),
            )
            .copied()
            .collect();
        self.plus
            .retain(|x| other.plus.iter().any(|y| y.lock == x.lock));
        let mut more = dropped;
        more.extend_from_slice(&other.pending);
        self.pend_all(more);
        // Re-taken on either path (and held on both): a later release
        // drops the caller's hold.
        for l in &other.reheld {
            if !self.reheld.contains(l) {
                self.reheld.push(*l);
            }
        }
        self.reheld
            .retain(|l| self.plus.iter().any(|x| x.lock == *l));
        self.reheld.sort_unstable();
        for l in &other.may_plus {
            if !self.may_plus.contains(l) {
                self.may_plus.push(*l);
            }
        }
        self.may_plus.sort_unstable();
        for l in &other.minus {
            if !self.minus.contains(l) {
                self.minus.push(*l);
            }
        }
        self.minus.sort_unstable();
        for l in &other.try_failed {
            if !self.try_failed.contains(l) {
                self.try_failed.push(*l);
            }
        }
        self.try_failed.sort_unstable();
        // Levels held on every path (multiset intersection), of locks
        // still held.
        let mut nested = Vec::new();
        let mut rest = other.nested.clone();
        for l in &self.nested {
            if let Some(k) = rest.iter().position(|x| x == l) {
                rest.remove(k);
                if self.plus.iter().any(|x| x.lock == *l) {
                    nested.push(*l);
                }
            }
        }
        self.nested = nested;
    }

    /// The trylock at `site` failed: what it may have taken is not held
    /// (a lock that was pending already, from elsewhere, stays so).
    fn try_failed_at(&mut self, l: LockId, site: (FuncId, u32)) {
        self.pending.retain(|h| !(h.lock == l && h.site == site));
        self.try_failed(l);
    }

    fn try_failed(&mut self, l: LockId) {
        if !self.try_failed.contains(&l) {
            self.try_failed.push(l);
            self.try_failed.sort_unstable();
        }
    }
}

/// A function's net lock effect at return, relative to its entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Locks held on every return that were not held on entry.
    pub acquires: Vec<Held>,
    /// Locks acquired here and still held on some return (an error path
    /// that forgets to unlock).
    pub maybe_held: Vec<LockId>,
    /// Locks of the caller released on some path.
    pub releases: Vec<LockId>,
    /// Locks of `acquires` the function released as its caller's and
    /// took again: a caller applies a release, then the acquisition.
    pub reacquires: Vec<LockId>,
    /// Locks every path releases before returning (and before taking them
    /// again): `__do_once_done`, `unlock_mount`.
    pub must_releases: Vec<LockId>,
    /// Locks it may return holding, not on every path, with mode and site.
    pub may_return: Vec<Held>,
    /// What it does under the one run-time-constant test it branches on
    /// (see [`StableTest`]), where that differs from the other outcome.
    pub conditional: Option<Conditional>,
}

/// A function's lock effect split by the outcome of a test that does not
/// change at run time (a `[[condition]]` model: `cpu_feature_enabled()`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conditional {
    /// The test: its function and constant arguments, interned.
    pub test: u32,
    /// Held on every return where the test holds, on none where it fails.
    pub acquires: Vec<LockId>,
    /// Released on every path where the test holds, on none where it fails.
    pub releases: Vec<LockId>,
}

/// The calls to one `[[condition]]` function with one set of constant
/// arguments whose results a function branches on: the test it makes.
#[derive(Clone, Debug)]
struct StableTest {
    test: u32,
    calls: Vec<u32>,
}

/// The outcome a dataflow run assumes for a function's stable test.
type Forced<'a> = Option<(&'a [u32], bool)>;

/// A lock operation performed directly by a function.
#[derive(Clone, Debug)]
pub struct LockOp {
    pub inst: u32,
    pub lock: LockId,
    pub action: LockAction,
    pub mode: LockMode,
    /// State just before the operation.
    pub before: RelState,
    /// A release of a re-taken lock (`lock(m); lock(m); unlock(m)`: a
    /// recursive mutex, or a deadlock): the lock stays held.
    pub nested: bool,
}

#[derive(Default)]
pub struct FunctionLocks {
    /// State before each memory access and call instruction.
    pub before: HashMap<u32, RelState>,
    pub ops: Vec<LockOp>,
}

pub struct Locks {
    pub infos: Vec<LockInfo>,
    ids: HashMap<LockKey, LockId>,
    /// Words of hand-rolled spin locks (a test-and-set or compare-exchange
    /// acquire loop), recognised by shape.
    spin_words: rustc_hash::FxHashSet<Ptr>,
    /// Inlined lock primitives already given their effect (std's
    /// `Mutex::lock` inlined down to a compare-exchange on the futex word).
    inlined_done: rustc_hash::FxHashSet<(FuncId, u32)>,
    pub summaries: Vec<Summary>,
    pub functions: Vec<FunctionLocks>,
    /// In helpers copied per call site (whose lock operations are their
    /// own, see memory's `lock_helper`): the lock each lock
    /// operation names in each copy, by (copy, instruction).
    instance_locks: HashMap<(Instance, u32), LockId>,
    /// Per call `(caller, instruction)` of a helper copied for that call
    /// site: the locks its summary names (the original's) and the ones
    /// the copy names instead (`lock_word(&la)` and `lock_word(&lb)`
    /// acquire `la` and `lb`, not the one lock the original's parameter
    /// merges them into).
    call_renames: HashMap<(FuncId, u32), Renames>,
    /// Per helper copy, the locks it names instead of its original's (see
    /// `copy_renames`).
    copy_locks: HashMap<Instance, Renames>,
    /// Record the state at returns and lifetime ends too (see `analyze`).
    slot_ends: bool,
    /// Per unlock by run-time index into an array of locks (`unlock(&m[i])`,
    /// named by element 0): the other elements' locks it may release.
    array_releases: ArrayReleases,
    /// Releases whose operand is the address of one global that is its
    /// lock object alone (`pthread_mutex_unlock(&m)`): only these can give
    /// back a second hold of a re-taken lock (`LockOp::nested`). Through a
    /// pointer, "the same lock" may be two mutexes unification made one.
    exact_releases: HashSet<(FuncId, u32)>,
    /// Per function, the one run-time-constant test it branches on.
    stable_tests: Vec<Option<StableTest>>,
}

/// Per call of a copied helper, its renamed locks (see `call_renames`).
type CallRenames = HashMap<(FuncId, u32), Renames>;
/// Per unlock by run-time index, the other elements' locks it may release.
type ArrayReleases = HashMap<(FuncId, u32), Vec<LockId>>;

/// What one instruction does to locks.
enum Effect<'a> {
    None,
    Acquire(LockId, LockMode),
    Release(LockId),
    /// A user-space unlock through a pointer that points to nothing seam
    /// knows (an uninitialised `pthread_mutex_t *m`, an index out of its
    /// sight): it may release any lock, so every lock held is released.
    ReleaseUnknown,
    /// Acquired only on the branch where the result says so. With an
    /// `acquire` model that can fail (`success` given: `pthread_mutex_lock`),
    /// held from the call on, except on a branch where the result says it
    /// failed.
    Try(LockId, LockMode, &'a LockModel),
    Call(Vec<FuncId>),
    /// A guard's drop: the lock is one of these pointees of the guard,
    /// chosen once every acquisition is known (then a `Release`).
    GuardRelease(Vec<Ptr>, LockKind, bool),
}

/// The lock a model call names.
enum LockRef {
    Known(LockId),
    /// Through a guard: candidate lock locations, kind, kernel.
    Guard(Vec<Ptr>, LockKind, bool),
}

impl Locks {
    /// `slot_ends`: also record the state at returns and `llvm.lifetime.end`
    /// (a user-space program, where the end of a stack slot's life is an
    /// access: see `accesses`).
    pub fn analyze(
        program: &Program<'_>,
        index: &ModelIndex<'_>,
        memory: &Memory,
        cg: &CallGraph,
        slot_ends: bool,
    ) -> Locks {
        let n = program.funcs.len();
        let timings = std::env::var_os("SEAM_TIMINGS").is_some();
        let clock = std::time::Instant::now();
        let mut locks = Locks {
            infos: Vec::new(),
            ids: HashMap::default(),
            spin_words: Default::default(),
            inlined_done: Default::default(),
            summaries: vec![Summary::default(); n],
            functions: Vec::new(),
            instance_locks: HashMap::default(),
            call_renames: HashMap::default(),
            copy_locks: HashMap::default(),
            slot_ends,
            array_releases: HashMap::default(),
            exact_releases: HashSet::default(),
            stable_tests: stable_tests(program, index),
        };
        for f in 0..n as FuncId {
            let func = program.function(f);
            for (i, inst) in func.insts.iter().enumerate() {
                if let Some(ptr) = spin_acquire(func, &inst.kind) {
                    if reaches(func, i as u32, i as u32) {
                        if let Some(p) = memory.ptr_of(program, f, ptr) {
                            locks.spin_words.insert(p);
                        }
                    }
                }
            }
        }
        locks.functions.resize_with(n, FunctionLocks::default);
        // Effects first (this interns every lock), then the dataflow, which
        // only reads: SCCs of one level of the call graph's DAG do not call
        // each other, so they are analysed in parallel.
        let mut effects: Vec<Vec<(u32, Effect)>> = (0..n as FuncId)
            .map(|f| {
                let len = program.function(f).insts.len() as u32;
                (0..len)
                    .filter_map(|i| match locks.effect(program, index, memory, cg, f, i) {
                        Effect::None => None,
                        e => Some((i, e)),
                    })
                    .collect()
            })
            .collect();
        locks.name_instance_locks(program, index, memory, &effects);
        if timings {
            eprintln!(
                "seam: locks: effects {:.2} s",
                clock.elapsed().as_secs_f64()
            );
        }
        let bodies = locks.body_locks(program, index);
        // Test-and-set locks built from atomic bodies: their stores of 1
        // and 0 to the lock word acquire and release it.
        let tas = tas_words(program, memory, &bodies);
        if !tas.is_empty() {
            // The copies of each function, whose words count for the
            // original too: the original of a helper every call copies
            // is bound to no caller's word.
            let n = program.funcs.len() as Instance;
            let mut copies: Vec<Vec<Instance>> = vec![Vec::new(); n as usize];
            for x in n..n + memory.clone_count() as Instance {
                copies[memory.func_of(x) as usize].push(x);
            }
            for (f, body) in bodies.iter().enumerate() {
                let func = program.function(f as FuncId);
                let mut insts: Vec<u32> = body.keys().copied().collect();
                insts.sort_unstable();
                for i in insts {
                    let InstKind::Store {
                        ptr,
                        value: Value::Int(v @ (0 | 1)),
                        ..
                    } = &func.insts[i as usize].kind
                    else {
                        continue;
                    };
                    let Some(p) = memory.ptr_of(program, f as FuncId, ptr) else {
                        continue;
                    };
                    if !tas.contains(&p)
                        && !copies[f].iter().any(|&x| {
                            memory
                                .ptr_in(program, x, ptr)
                                .is_some_and(|q| tas.contains(&q))
                        })
                    {
                        continue;
                    }
                    let l = locks.intern(LockKey::Object(p), LockKind::Other, false);
                    let e = if *v == 1 {
                        Effect::Acquire(l, LockMode::Write)
                    } else {
                        Effect::Release(l)
                    };
                    effects[f].push((i, e));
                }
                effects[f].sort_by_key(|(i, _)| *i);
            }
            locks.name_instance_tas(program, memory, &effects, &tas);
        }
        (locks.call_renames, locks.copy_locks) = locks.call_renames(program, memory, &effects);
        // Guard drops name the lock their guard points to, among the locks
        // acquisitions take.
        for list in effects.iter_mut() {
            for (_, e) in list.iter_mut() {
                if let Effect::GuardRelease(c, kind, kernel) = e {
                    let l = locks.resolve_guard(c, *kind, *kernel);
                    *e = Effect::Release(l);
                }
            }
        }
        locks.array_releases = locks.array_releases(program, index, memory, &effects);
        if timings {
            eprintln!("seam: locks: bodies {:.2} s", clock.elapsed().as_secs_f64());
        }
        // A semaphore set up with a count of two or more admits as many
        // threads between a wait and a post: not a lock.
        let inits = Self::semaphore_inits(program, index, memory);
        let counting = locks.counting_semaphores(&inits);
        if !counting.is_empty() {
            for list in effects.iter_mut() {
                for (_, e) in list.iter_mut() {
                    if let Effect::Acquire(l, _) | Effect::Release(l) | Effect::Try(l, _, _) = e {
                        if counting.contains(l) {
                            *e = Effect::None;
                        }
                    }
                }
            }
        }
        locks.dataflow(program, cg, &effects, &bodies);
        // Semaphores that pass one token between them (a one-slot buffer's
        // `empty` and `full`) are one lock: analyse again with each member
        // named by its group.
        let groups = locks.semaphore_groups(&inits);
        if !groups.is_empty() {
            for list in effects.iter_mut() {
                for (_, e) in list.iter_mut() {
                    match e {
                        Effect::Acquire(l, _) | Effect::Release(l) | Effect::Try(l, _, _) => {
                            if let Some(r) = groups.get(l) {
                                *l = *r;
                            }
                        }
                        _ => {}
                    }
                }
            }
            locks.dataflow(program, cg, &effects, &bodies);
        }
        // User space: locks taken and used under one unchanged condition.
        if slot_ends {
            locks.correlated_holds(program, cg);
        }
        locks
    }

    /// Unlocks by run-time index into an array of locks (`unlock(&m[i])`):
    /// seam names their lock by element 0, but one may release any
    /// element; the other elements' locks (same object, array and offset
    /// in an element), by unlock instruction.
    fn array_releases(
        &self,
        program: &Program<'_>,
        index: &ModelIndex<'_>,
        memory: &Memory,
        effects: &[Vec<(u32, Effect)>],
    ) -> ArrayReleases {
        let mut out = ArrayReleases::default();
        let element = |p: &Ptr| -> Option<((i64, i64, i64), i64)> {
            let (m, t) = memory.di_type(p.node)?;
            let arr = crate::memory::naming::array_at(&program.modules[m as usize], t, p.off)?;
            (arr.2 > 0).then(|| (arr, (p.off - arr.0).rem_euclid(arr.2)))
        };
        for (f, list) in effects.iter().enumerate() {
            let f = f as FuncId;
            let func = program.function(f);
            let module = program.funcs[f as usize].module;
            for (i, e) in list {
                let Effect::Release(l) = e else { continue };
                let LockKey::Object(p) = &self.infos[*l as usize].key else {
                    continue;
                };
                let Some(inst) = func.insts.get(*i as usize) else {
                    continue;
                };
                let InstKind::Call { callee, .. } = &inst.kind else {
                    continue;
                };
                let Some(arg) = program
                    .call_target(module, callee)
                    .and_then(|t| index.of(t).lock)
                    .and_then(|m| m.arg)
                else {
                    continue;
                };
                let indexed = inst
                    .kind
                    .model_args()
                    .get(arg as usize)
                    .is_some_and(|v| crate::accesses::takes_index(program, memory, None, f, v));
                if !indexed {
                    continue;
                }
                let Some((arr, r)) = element(p) else { continue };
                let siblings: Vec<LockId> = self
                    .infos
                    .iter()
                    .enumerate()
                    .filter(|&(k, info)| {
                        k as LockId != *l
                            && matches!(&info.key, LockKey::Object(q) if q.node == p.node
                                && element(q) == Some((arr, r)))
                    })
                    .map(|(k, _)| k as LockId)
                    .collect();
                if !siblings.is_empty() {
                    out.insert((f, *i), siblings);
                }
            }
        }
        out
    }

    /// Names the locks of the lock operations of every helper copy.
    fn name_instance_locks(
        &mut self,
        program: &Program<'_>,
        index: &ModelIndex<'_>,
        memory: &Memory,
        effects: &[Vec<(u32, Effect)>],
    ) {
        let n = program.funcs.len() as Instance;
        for x in n..n + memory.clone_count() as Instance {
            let f = memory.func_of(x);
            let func = program.function(f);
            let module = program.funcs[f as usize].module;
            for (i, e) in &effects[f as usize] {
                if !matches!(
                    e,
                    Effect::Acquire(..) | Effect::Release(..) | Effect::Try(..)
                ) {
                    continue;
                }
                let inst = &func.insts[*i as usize];
                let InstKind::Call { callee, .. } = &inst.kind else {
                    continue;
                };
                let Some(model) = program
                    .call_target(module, callee)
                    .and_then(|t| index.of(t).lock)
                else {
                    continue;
                };
                if let Some(LockRef::Known(l)) =
                    self.lock_of(program, memory, x, inst.kind.model_args(), model)
                {
                    self.instance_locks.insert((x, *i), l);
                }
            }
        }
    }

    /// The lock the lock operation at instruction `i` of `x`'s function
    /// names in copy `x` (None: the original's).
    pub fn instance_lock(&self, x: Instance, i: u32) -> Option<LockId> {
        self.instance_locks.get(&(x, i)).copied()
    }

    /// Names the test-and-set words of every helper copy: the word a copy
    /// of `__VERIFIER_atomic_acquire(int *m)` stores 1 to is the one its
    /// call site passes.
    fn name_instance_tas(
        &mut self,
        program: &Program<'_>,
        memory: &Memory,
        effects: &[Vec<(u32, Effect)>],
        tas: &rustc_hash::FxHashSet<Ptr>,
    ) {
        let n = program.funcs.len() as Instance;
        for x in n..n + memory.clone_count() as Instance {
            let f = memory.func_of(x);
            let func = program.function(f);
            for (i, e) in &effects[f as usize] {
                if !matches!(e, Effect::Acquire(..) | Effect::Release(..)) {
                    continue;
                }
                let InstKind::Store { ptr, .. } = &func.insts[*i as usize].kind else {
                    continue;
                };
                let Some(p) = memory.ptr_in(program, x, ptr).filter(|p| tas.contains(p)) else {
                    continue;
                };
                let l = self.intern(LockKey::Object(p), LockKind::Other, false);
                self.instance_locks.insert((x, *i), l);
            }
        }
    }

    /// Per direct call of a helper copied for its call site, the locks the
    /// callee's summary names (as its original was analysed) and the ones
    /// its copy for that call site names instead, where they differ.
    fn call_renames(
        &self,
        program: &Program<'_>,
        memory: &Memory,
        effects: &[Vec<(u32, Effect)>],
    ) -> (HashMap<(FuncId, u32), Renames>, HashMap<Instance, Renames>) {
        let mut out: HashMap<(FuncId, u32), Renames> = HashMap::default();
        let mut memo: HashMap<Instance, Renames> = HashMap::default();
        if self.instance_locks.is_empty() {
            return (out, memo);
        }
        for f in 0..program.funcs.len() as FuncId {
            for (i, e) in &effects[f as usize] {
                let Effect::Call(targets) = e else { continue };
                let [g] = targets[..] else { continue };
                let gx = memory.callee_instance(f as Instance, *i, g);
                let pairs = self.copy_renames(memory, effects, gx, 0, &mut memo);
                if !pairs.is_empty() {
                    out.insert((f, *i), pairs);
                }
            }
        }
        // Every copy, for the walk's locksets inside copies.
        let n = program.funcs.len() as Instance;
        for x in n..n + memory.clone_count() as Instance {
            self.copy_renames(memory, effects, x, 0, &mut memo);
        }
        memo.retain(|_, p| !p.is_empty());
        (out, memo)
    }

    /// Does copy `x` name a lock differently from its original?
    pub fn renames_locks(&self, x: Instance) -> bool {
        self.copy_locks.contains_key(&x)
    }

    /// The lock copy `x` names for its original's lock `l`.
    pub fn copy_lock(&self, x: Instance, l: LockId) -> LockId {
        self.copy_locks
            .get(&x)
            .and_then(|p| p.iter().find(|(a, _)| *a == l))
            .map_or(l, |(_, b)| *b)
    }

    /// What copy `x` names instead of its original, lock by lock: its own
    /// lock operations' locks, and through the copies it calls, the locks
    /// their summaries bring (`finish(m) { give(m); }` releases the lock
    /// its caller passes). A lock of the original that the copy names two
    /// ways (two parameters merged in the original) is left as it is.
    fn copy_renames(
        &self,
        memory: &Memory,
        effects: &[Vec<(u32, Effect)>],
        x: Instance,
        depth: u32,
        memo: &mut HashMap<Instance, Renames>,
    ) -> Renames {
        let g = memory.func_of(x);
        if x == g as Instance || depth > 8 {
            return Vec::new();
        }
        if let Some(p) = memo.get(&x) {
            return p.clone();
        }
        let mut pairs: Renames = Vec::new();
        for (j, e) in &effects[g as usize] {
            match e {
                Effect::Acquire(l, _) | Effect::Release(l) | Effect::Try(l, _, _) => {
                    if let Some(l2) = self.instance_lock(x, *j) {
                        pairs.push((*l, l2));
                    }
                }
                Effect::Call(targets) => {
                    let [h] = targets[..] else { continue };
                    let inner = self.copy_renames(
                        memory,
                        effects,
                        memory.callee_instance(x, *j, h),
                        depth + 1,
                        memo,
                    );
                    if inner.is_empty() {
                        continue;
                    }
                    // The original `g` saw its own callee copy's names.
                    let seen = self.copy_renames(
                        memory,
                        effects,
                        memory.callee_instance(g as Instance, *j, h),
                        depth + 1,
                        memo,
                    );
                    for (a, b) in inner {
                        let a = seen.iter().find(|(o, _)| *o == a).map_or(a, |(_, n)| *n);
                        pairs.push((a, b));
                    }
                }
                _ => {}
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let ambiguous: Vec<LockId> = pairs
            .windows(2)
            .filter(|w| w[0].0 == w[1].0)
            .map(|w| w[0].0)
            .collect();
        pairs.retain(|(a, b)| a != b && !ambiguous.contains(a));
        memo.insert(x, pairs.clone());
        pairs
    }

    /// The per-function dataflow over the call graph's SCCs, callees first:
    /// SCCs of one level of its DAG do not call each other, so they are
    /// analysed in parallel.
    fn dataflow(
        &mut self,
        program: &Program<'_>,
        cg: &CallGraph,
        effects: &[Vec<(u32, Effect)>],
        bodies: &[HashMap<u32, Held>],
    ) {
        let timings = std::env::var_os("SEAM_TIMINGS").is_some();
        for s in self.summaries.iter_mut() {
            *s = Summary::default();
        }
        for level in scc_levels(cg) {
            let locks = &*self;
            let results: Vec<(Vec<Solved>, SccStats)> = level
                .par_iter()
                .map(|&k| locks.scc_fixpoint(program, &cg.sccs[k], effects, bodies))
                .collect();
            let mut members = Vec::new();
            for (r, stats) in results {
                if timings && stats.members >= 1000 {
                    eprintln!(
                        "seam: locks: SCC of {} functions in {} levels: {} rounds, {} analyses, {}",
                        stats.members,
                        stats.levels,
                        stats.rounds,
                        stats.analysed,
                        if stats.converged {
                            "converged"
                        } else {
                            "not converged"
                        }
                    );
                    eprintln!(
                        "seam: locks:   per round (analysed, changed): {:?}",
                        stats.per_round
                    );
                }
                members.extend(r);
            }
            for (f, mut fl, summary) in members {
                for op in fl.ops.iter_mut() {
                    op.nested &= self.exact_releases.contains(&(f, op.inst));
                }
                self.summaries[f as usize] = summary;
                self.functions[f as usize] = fl;
            }
        }
    }

    /// One SCC's summaries, iterated until they stop changing (recursion),
    /// at most [`MAX_SCC_ROUNDS`] rounds.
    ///
    /// Members are ordered callees first along a depth-first search of the
    /// SCC and grouped into levels: a member's level is above those of the
    /// callees it reaches by a forward edge. A round analyses its members
    /// level by level, each level (in parallel) reading the summaries the
    /// levels below it produced in this round (Gauss-Seidel), so a lock
    /// released deep in a chain of calls reaches the top in one round; only
    /// a change crossing a back edge waits for the next round. Members none
    /// of whose callees changed keep their result. (The kernel's indirect
    /// calls close one SCC of ~47 k functions; rounds that read only the
    /// previous round's summaries moved a release up one call per round
    /// and had not converged after 8.)
    fn scc_fixpoint(
        &self,
        program: &Program<'_>,
        scc: &[FuncId],
        effects: &[Vec<(u32, Effect)>],
        bodies: &[HashMap<u32, Held>],
    ) -> (Vec<Solved>, SccStats) {
        let mut local: HashMap<FuncId, Summary> = HashMap::default();
        let mut out: Vec<Option<(FunctionLocks, Summary)>> = (0..scc.len()).map(|_| None).collect();
        let (level, callers) = scc_order(scc, effects);
        let levels = level.iter().copied().max().map_or(0, |m| m + 1);
        let mut by_level: Vec<Vec<usize>> = vec![Vec::new(); levels];
        for (k, &l) in level.iter().enumerate() {
            by_level[l].push(k);
        }
        let mut stats = SccStats {
            members: scc.len(),
            levels,
            ..SccStats::default()
        };
        // Members to analyse in this round, and in the next.
        let mut todo = vec![true; scc.len()];
        let mut next = vec![false; scc.len()];
        loop {
            stats.rounds += 1;
            stats.per_round.push((0, 0));
            for members in &by_level {
                let work: Vec<usize> = members.iter().copied().filter(|&k| todo[k]).collect();
                if work.is_empty() {
                    continue;
                }
                stats.analysed += work.len();
                stats.per_round.last_mut().expect("pushed").0 += work.len();
                let analyse = |k: &usize| {
                    let f = scc[*k];
                    let lookup = |g: FuncId| local.get(&g).unwrap_or(&self.summaries[g as usize]);
                    let run = |forced: Forced<'_>| {
                        analyze_function(
                            program,
                            f,
                            (&effects[f as usize], &bodies[f as usize]),
                            &lookup,
                            (&self.call_renames, &self.array_releases),
                            self.slot_ends,
                            forced,
                        )
                    };
                    let mut r = run(None);
                    if let Some(t) = &self.stable_tests[f as usize] {
                        let s = &r.1;
                        if !s.may_return.is_empty() || !s.releases.is_empty() {
                            let (_, yes) = run(Some((&t.calls, true)));
                            let (_, no) = run(Some((&t.calls, false)));
                            r.1.conditional = conditional(t.test, &yes, &no);
                        }
                    }
                    (*k, r)
                };
                let results: Vec<(usize, (FunctionLocks, Summary))> = if work.len() > 64 {
                    work.par_iter().map(analyse).collect()
                } else {
                    work.iter().map(analyse).collect()
                };
                for (k, (fl, summary)) in results {
                    todo[k] = false;
                    let f = scc[k];
                    // What a caller reads differs from what it read before:
                    // callers above this level see it in this round, the
                    // rest (back edges, itself) in the next.
                    if local.get(&f) != Some(&summary) {
                        stats.per_round.last_mut().expect("pushed").1 += 1;
                        for &c in &callers[k] {
                            if level[c] > level[k] {
                                todo[c] = true;
                            } else {
                                next[c] = true;
                            }
                        }
                        local.insert(f, summary.clone());
                    }
                    out[k] = Some((fl, summary));
                }
            }
            if !next.iter().any(|&b| b) {
                stats.converged = true;
                break;
            }
            if stats.rounds >= MAX_SCC_ROUNDS {
                break;
            }
            std::mem::swap(&mut todo, &mut next);
        }
        let results = scc
            .iter()
            .zip(out)
            .map(|(&f, r)| {
                let (fl, summary) = r.expect("every member analysed in round 1");
                (f, fl, summary)
            })
            .collect();
        (results, stats)
    }

    /// Initial counts of the semaphores set up by a `create` model
    /// (`sem_init`), by semaphore object: `None` when some set-up is not a
    /// constant or two set-ups differ.
    fn semaphore_inits(
        program: &Program<'_>,
        index: &ModelIndex<'_>,
        memory: &Memory,
    ) -> HashMap<Ptr, Option<i64>> {
        use seam_models::RendezvousRole;
        let mut init: HashMap<Ptr, Option<i64>> = HashMap::default();
        for f in 0..program.funcs.len() as FuncId {
            let module = program.funcs[f as usize].module;
            for inst in &program.function(f).insts {
                let InstKind::Call { callee, .. } = &inst.kind else {
                    continue;
                };
                let Some(rv) = program
                    .call_target(module, callee)
                    .and_then(|t| index.of(t).rendezvous)
                else {
                    continue;
                };
                if rv.role != RendezvousRole::Create {
                    continue;
                }
                let args = inst.kind.model_args();
                let Some(p) = rv
                    .arg
                    .and_then(|a| memory.ptr_of(program, f, args.get(a as usize)?))
                else {
                    continue;
                };
                let v = match rv.value_arg.and_then(|k| args.get(k as usize)) {
                    Some(Value::Int(v)) => Some(*v),
                    _ => None,
                };
                let e = init.entry(p).or_insert(v);
                if *e != v {
                    *e = None;
                }
            }
        }
        init
    }

    /// Semaphores taken like locks (`sem_wait`, `sem_post`) that some
    /// set-up starts at two or more.
    fn counting_semaphores(&self, init: &HashMap<Ptr, Option<i64>>) -> HashSet<LockId> {
        if init.is_empty() {
            return HashSet::default();
        }
        (0..self.infos.len() as LockId)
            .filter(|&l| match &self.info(l).key {
                LockKey::Object(p) if self.info(l).kind == LockKind::Other => {
                    init.get(p).copied().flatten().is_some_and(|v| v >= 2)
                }
                _ => false,
            })
            .collect()
    }

    /// Split binary semaphores: semaphores set up by a `create` model
    /// (`sem_init`) with constant counts summing to 1, between which every
    /// post passes the token a wait on one of them took (a post of one
    /// while another of the group is held since the function's entry, and
    /// no post made without holding one). At most one thread is then
    /// between a wait on the group and the next post to it: one lock.
    /// Returns each member's lock mapped to the group's first.
    fn semaphore_groups(&self, inits: &HashMap<Ptr, Option<i64>>) -> HashMap<LockId, LockId> {
        // Initial counts by semaphore object (None: not a constant 0/1).
        let init: HashMap<Ptr, Option<i64>> = inits
            .iter()
            .map(|(&p, &v)| (p, v.filter(|v| *v == 0 || *v == 1)))
            .collect();
        let sem = |l: LockId| match &self.info(l).key {
            LockKey::Object(p) if self.info(l).kind == LockKind::Other => {
                init.get(p).copied().flatten()
            }
            _ => None,
        };
        // Union-find over lock ids, by token-passing posts.
        let mut parent: HashMap<LockId, LockId> = HashMap::default();
        fn root(parent: &HashMap<LockId, LockId>, mut l: LockId) -> LockId {
            while let Some(&p) = parent.get(&l) {
                if p == l {
                    break;
                }
                l = p;
            }
            l
        }
        let mut free_post: Vec<LockId> = Vec::new();
        for fl in &self.functions {
            for op in fl.ops.iter().filter(|o| o.action == LockAction::Release) {
                if sem(op.lock).is_none() {
                    continue;
                }
                let holding: Vec<LockId> = op
                    .before
                    .plus
                    .iter()
                    .map(|h| h.lock)
                    .filter(|&l| sem(l).is_some())
                    .collect();
                if holding.is_empty() {
                    free_post.push(op.lock);
                }
                for h in holding {
                    if h != op.lock {
                        let (a, b) = (root(&parent, h), root(&parent, op.lock));
                        if a != b {
                            parent.insert(a.max(b), a.min(b));
                            parent.entry(a.min(b)).or_insert(a.min(b));
                        }
                    }
                }
            }
        }
        let mut members: HashMap<LockId, Vec<LockId>> = HashMap::default();
        for &l in parent.keys() {
            members.entry(root(&parent, l)).or_default().push(l);
        }
        let mut out = HashMap::default();
        for (r, ms) in members {
            if ms.len() < 2
                || ms.iter().map(|&l| sem(l).unwrap_or(2)).sum::<i64>() != 1
                || ms.iter().any(|l| free_post.contains(l))
            {
                continue;
            }
            for l in ms {
                out.insert(l, r);
            }
        }
        out
    }

    /// The lock with this key, if any code takes it.
    pub fn find(&self, key: &LockKey) -> Option<LockId> {
        self.ids.get(key).copied()
    }

    /// Whether this location is a lock some model operates on.
    pub fn is_lock(&self, p: Ptr) -> bool {
        self.ids.contains_key(&LockKey::Object(p))
    }

    pub fn info(&self, l: LockId) -> &LockInfo {
        &self.infos[l as usize]
    }

    /// A lock inside an object unification collapsed: every lock of that
    /// object has this one key, so holding or releasing "it" says nothing
    /// about a particular lock.
    pub fn in_collapsed_object(&self, l: LockId, memory: &Memory) -> bool {
        matches!(&self.info(l).key, LockKey::Object(p) if memory.is_collapsed(p.node))
    }

    pub fn intern(&mut self, key: LockKey, kind: LockKind, kernel: bool) -> LockId {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.infos.len() as LockId;
        self.infos.push(LockInfo {
            key: key.clone(),
            kind,
            kernel,
        });
        self.ids.insert(key, id);
        id
    }

    /// Per function, the accesses and calls that run inside the body of a
    /// function modelled as running under a lock (`body = true`: SV-COMP's
    /// `__VERIFIER_atomic_*`), out of line or inlined, with that lock.
    fn body_locks(
        &mut self,
        program: &Program<'_>,
        index: &ModelIndex<'_>,
    ) -> Vec<HashMap<u32, Held>> {
        let n = program.funcs.len();
        // Inlined scopes whose body runs under a lock, per module.
        let scopes: Vec<HashMap<crate::ir::StrId, &LockModel>> = program
            .modules
            .par_iter()
            .map(|m| {
                let mut out = HashMap::default();
                let mut seen = rustc_hash::FxHashSet::default();
                for l in m.locations.iter().filter(|l| l.inlined_at.is_some()) {
                    if let Some(sc) = l.scope.filter(|sc| seen.insert(*sc)) {
                        if let Some(model) = index.body_lock_by_name(m.str(sc)) {
                            out.insert(sc, model);
                        }
                    }
                }
                out
            })
            .collect();
        let mut bodies: Vec<HashMap<u32, Held>> = vec![HashMap::default(); n];
        for f in 0..n as FuncId {
            let module = program.funcs[f as usize].module as usize;
            let own = index.body_lock(f);
            if own.is_none() && scopes[module].is_empty() {
                continue;
            }
            let m = program.module_of(f);
            let func = program.function(f);
            for (i, inst) in func.insts.iter().enumerate() {
                if !(inst.kind.is_memory_access()
                    || matches!(inst.kind, InstKind::Call { .. } | InstKind::Asm { .. }))
                {
                    continue;
                }
                let mut model = own;
                let mut loc = inst.loc;
                for _ in 0..32 {
                    if model.is_some() {
                        break;
                    }
                    let Some(l) = loc.and_then(|l| m.locations.get(l as usize)) else {
                        break;
                    };
                    if l.inlined_at.is_none() {
                        break;
                    }
                    model = l.scope.and_then(|sc| scopes[module].get(&sc).copied());
                    loc = l.inlined_at;
                }
                if let Some(model) = model {
                    let lock = self.intern(LockKey::Global(model.kind), model.kind, model.kernel);
                    bodies[f as usize].insert(
                        i as u32,
                        Held {
                            lock,
                            mode: model.mode,
                            site: (f, i as u32),
                            from_parent: false,
                        },
                    );
                }
            }
        }
        bodies
    }

    /// The lock a model call operates on (`args` as models count them).
    /// `x` is the points-to instance of the calling function (its own id
    /// for the original, a copy's id for a helper copied per call site).
    fn lock_of(
        &mut self,
        program: &Program<'_>,
        memory: &Memory,
        x: Instance,
        args: &[Value],
        model: &LockModel,
    ) -> Option<LockRef> {
        let f = memory.func_of(x);
        match model.arg {
            None => Some(LockRef::Known(self.intern(
                LockKey::Global(model.kind),
                model.kind,
                model.kernel,
            ))),
            Some(a) => {
                let arg = args.get(a as usize)?;
                let p = memory.ptr_in(program, x, arg)?;
                if model.arg_is_guard {
                    // The guard's pointer to the lock: the one at
                    // `guard_field`, or another of its pointers that names
                    // a lock (decided once every acquisition is known).
                    let mut candidates: Vec<Ptr> = Vec::new();
                    if let Some(q) = memory.field(Ptr {
                        node: p.node,
                        off: p.off + model.guard_field,
                    }) {
                        candidates.push(q);
                    }
                    for (_, q) in memory.pointer_fields(p) {
                        if !candidates.contains(&q) {
                            candidates.push(q);
                        }
                    }
                    let candidates: Vec<Ptr> = candidates
                        .into_iter()
                        .map(|q| {
                            memory.norm(Ptr {
                                node: q.node,
                                off: q.off + model.offset,
                            })
                        })
                        .collect();
                    if !candidates.is_empty() {
                        return Some(LockRef::Guard(candidates, model.kind, model.kernel));
                    }
                }
                let p = memory.norm(Ptr {
                    node: p.node,
                    off: p.off + model.offset,
                });
                if memory.is_collapsed(p.node) {
                    if let Some((g, off)) = program.global_address(f, arg, 6) {
                        let key = LockKey::Symbol(g, off + model.offset);
                        return Some(LockRef::Known(self.intern(key, model.kind, model.kernel)));
                    }
                }
                Some(LockRef::Known(self.intern(
                    LockKey::Object(p),
                    model.kind,
                    model.kernel,
                )))
            }
        }
    }

    /// The lock a guard release names: the first candidate some acquisition
    /// takes, else the first candidate.
    fn resolve_guard(&mut self, candidates: &[Ptr], kind: LockKind, kernel: bool) -> LockId {
        let key = candidates
            .iter()
            .find(|c| self.ids.contains_key(&LockKey::Object(**c)))
            .unwrap_or(&candidates[0]);
        self.intern(LockKey::Object(*key), kind, kernel)
    }

    fn effect<'a>(
        &mut self,
        program: &Program<'_>,
        index: &ModelIndex<'a>,
        memory: &Memory,
        cg: &CallGraph,
        f: FuncId,
        i: u32,
    ) -> Effect<'a> {
        let func = program.function(f);
        let module = program.funcs[f as usize].module;
        let inst = &func.insts[i as usize];
        // A lock primitive inlined into the caller (std's Mutex::lock,
        // MutexGuard::drop, RwLock::read …): its first atomic
        // read-modify-write (the compare-exchange or swap on the lock word,
        // not the poison flag's loads) is the acquisition or release.
        if let InstKind::CmpXchg { ptr, .. } | InstKind::AtomicRmw { ptr, .. } = &inst.kind {
            if let Some((model, instance)) = index.inlined_lock_instance(program, f, i) {
                // An inlined trylock (std's `Mutex::try_lock` at -O2) is its
                // compare-exchange: acquired where its success bit says so.
                let counts = model.action != LockAction::TryAcquire
                    || matches!(inst.kind, InstKind::CmpXchg { .. });
                if counts && self.inlined_done.insert((f, instance)) {
                    if let Some(p) = memory.ptr_of(program, f, ptr) {
                        let l = self.intern(LockKey::Object(p), model.kind, model.kernel);
                        return match model.action {
                            LockAction::Release => Effect::Release(l),
                            LockAction::TryAcquire => Effect::Try(l, model.mode, model),
                            LockAction::Acquire => Effect::Acquire(l, model.mode),
                        };
                    }
                }
                return Effect::None;
            }
        }
        match &inst.kind {
            InstKind::Call { callee, .. } => {
                let target = program.call_target(module, callee);
                if let Some(t) = target {
                    let sem = index.of(t);
                    if let Some(model) = sem.lock {
                        let args = inst.kind.model_args();
                        if model.action == LockAction::Release
                            && !model.kernel
                            && !model.arg_is_guard
                            && model
                                .arg
                                .and_then(|a| args.get(a as usize))
                                .is_some_and(|v| never_set_pointer(func, v))
                        {
                            return Effect::ReleaseUnknown;
                        }
                        let l = match self.lock_of(program, memory, f as Instance, args, model) {
                            None => return Effect::None,
                            Some(LockRef::Known(l)) => l,
                            Some(LockRef::Guard(c, kind, kernel)) => {
                                return Effect::GuardRelease(c, kind, kernel)
                            }
                        };
                        if model.action == LockAction::Release {
                            let one_global = model
                                .arg
                                .and_then(|a| args.get(a as usize))
                                .and_then(|v| program.global_address(f, v, 6))
                                .is_some_and(|(g, _)| {
                                    let node = memory.norm(memory.global_ptr(g)).node;
                                    memory.origins(node).len() == 1
                                });
                            if one_global {
                                self.exact_releases.insert((f, i));
                            }
                        }
                        return match model.action {
                            LockAction::Acquire if model.success.is_some() => {
                                Effect::Try(l, model.mode, model)
                            }
                            LockAction::Acquire => Effect::Acquire(l, model.mode),
                            LockAction::Release => Effect::Release(l),
                            LockAction::TryAcquire => Effect::Try(l, model.mode, model),
                        };
                    }
                    if matches!(t, Target::External(_)) {
                        return Effect::None;
                    }
                }
                let targets = cg.targets(f, i);
                if targets.is_empty() {
                    Effect::None
                } else {
                    Effect::Call(targets.to_vec())
                }
            }
            // A return that runs exit handlers calls them (see the call graph).
            InstKind::Ret { .. } => {
                let targets = cg.targets(f, i);
                if targets.is_empty() {
                    Effect::None
                } else {
                    Effect::Call(targets.to_vec())
                }
            }
            // A hand-rolled spin lock: acquire loop and release store.
            InstKind::CmpXchg { ptr, .. } | InstKind::AtomicRmw { ptr, .. }
                if spin_acquire(func, &inst.kind).is_some() =>
            {
                let Some(p) = memory.ptr_of(program, f, ptr) else {
                    return Effect::None;
                };
                if !self.spin_words.contains(&p) {
                    return Effect::None;
                }
                let l = self.intern(LockKey::Object(p), LockKind::Other, false);
                Effect::Acquire(l, LockMode::Write)
            }
            InstKind::Store {
                ptr,
                value,
                ordering,
                ..
            }
            | InstKind::AtomicRmw {
                ptr,
                value,
                ordering,
                ..
            } if const_of(func, value) == Some(0)
                && matches!(
                    ordering,
                    crate::ir::Ordering::Release
                        | crate::ir::Ordering::AcqRel
                        | crate::ir::Ordering::SeqCst
                )
                && memory
                    .ptr_of(program, f, ptr)
                    .map(|p| self.spin_words.contains(&p))
                    .unwrap_or(false) =>
            {
                let p = memory.ptr_of(program, f, ptr).expect("checked above");
                let l = self.intern(LockKey::Object(p), LockKind::Other, false);
                Effect::Release(l)
            }
            // An unlock inlined into the caller (non-preemptible x86
            // `spin_unlock` is a release store): recognised by the inlined
            // scope's name in the debug info.
            InstKind::Store { ptr, .. } => {
                let Some(model) = index.inlined_lock_model(program, f, i) else {
                    return Effect::None;
                };
                if model.action != LockAction::Release {
                    return Effect::None;
                }
                let Some(p) = memory.ptr_of(program, f, ptr) else {
                    return Effect::None;
                };
                let l = self.intern(LockKey::Object(p), model.kind, model.kernel);
                Effect::Release(l)
            }
            _ => Effect::None,
        }
    }
}

/// Words used as test-and-set locks inside code that runs atomically
/// (SV-COMP's `__VERIFIER_atomic_acquire() { assume(m == 0); m = 1; }`):
/// a store of 1 to a word, in an atomic body that loads the word and
/// compares it with 0, the comparison deciding an assumption (an argument
/// of a call, or a branch to code that never returns). The paired
/// release is the atomic store of 0.
fn tas_words(
    program: &Program<'_>,
    memory: &Memory,
    bodies: &[HashMap<u32, Held>],
) -> rustc_hash::FxHashSet<Ptr> {
    let mut out = rustc_hash::FxHashSet::default();
    // A helper copied per call site (`__VERIFIER_atomic_acquire(int *m)`)
    // tests and sets the word each copy's caller passes.
    let n = program.funcs.len() as Instance;
    let mut instances: Vec<(Instance, FuncId)> = (0..n).map(|f| (f, f as FuncId)).collect();
    instances.extend((n..n + memory.clone_count() as Instance).map(|x| (x, memory.func_of(x))));
    for (x, f) in instances {
        let body = &bodies[f as usize];
        if body.is_empty() {
            continue;
        }
        let func = program.function(f);
        let at = |v: &Value| memory.ptr_in(program, x, v);
        for (&i, _) in body.iter() {
            let InstKind::Store {
                ptr,
                value: Value::Int(1),
                ..
            } = &func.insts[i as usize].kind
            else {
                continue;
            };
            let Some(p) = at(ptr) else { continue };
            if out.contains(&p) {
                continue;
            }
            let tested = body.keys().any(|&j| {
                matches!(&func.insts[j as usize].kind,
                    InstKind::Load { ptr: q, .. } if at(q) == Some(p))
                    && zero_test_assumed(func, j)
            });
            if tested {
                out.insert(p);
            }
        }
    }
    out
}

/// Is the value loaded at `j` compared with 0, and does the comparison
/// (through casts and negation) reach a call argument or a branch to a
/// block that never returns?
fn zero_test_assumed(func: &Function, j: u32) -> bool {
    let users = |v: u32| -> Vec<u32> {
        func.insts
            .iter()
            .enumerate()
            .filter(|(_, inst)| match &inst.kind {
                InstKind::Cast { value, .. } => *value == Value::Inst(v),
                InstKind::BinOp { lhs, rhs, .. } => {
                    *lhs == Value::Inst(v) || *rhs == Value::Inst(v)
                }
                InstKind::ICmp { lhs, rhs, .. } => *lhs == Value::Inst(v) || *rhs == Value::Inst(v),
                InstKind::Call { args, .. } => args.contains(&Value::Inst(v)),
                InstKind::CondBr { cond, .. } => *cond == Value::Inst(v),
                _ => false,
            })
            .map(|(k, _)| k as u32)
            .collect()
    };
    let dead_end = |b: u32| {
        func.block_insts(b).any(|k| {
            matches!(
                func.insts[k].kind,
                InstKind::Unreachable | InstKind::Call { returns: false, .. }
            )
        })
    };
    // The word as loaded, and through casts (a `_Bool` word at -O0 is
    // loaded as `i8`, truncated to `i1` and widened to `int`).
    let mut loaded = vec![j];
    let mut k = 0;
    while k < loaded.len() && loaded.len() < 4 {
        for u in users(loaded[k]) {
            if matches!(func.insts[u as usize].kind, InstKind::Cast { .. }) {
                loaded.push(u);
            }
        }
        k += 1;
    }
    // The comparison with 0 first.
    let cmps: Vec<u32> = loaded
        .iter()
        .flat_map(|&v| users(v))
        .filter(|&k| {
            matches!(&func.insts[k as usize].kind,
                InstKind::ICmp { lhs, rhs, .. } if *lhs == Value::Int(0) || *rhs == Value::Int(0))
        })
        .collect();
    let mut work: Vec<(u32, usize)> = cmps.into_iter().map(|k| (k, 0)).collect();
    while let Some((v, d)) = work.pop() {
        for k in users(v) {
            match &func.insts[k as usize].kind {
                InstKind::Call { .. } => return true,
                InstKind::CondBr {
                    then, otherwise, ..
                } if dead_end(*then) || dead_end(*otherwise) => return true,
                InstKind::CondBr { .. } => {}
                _ if d < 3 => work.push((k, d + 1)),
                _ => {}
            }
        }
    }
    false
}

/// Relative lock states of one function and its summary, given its
/// effects and its callees' summaries.
fn analyze_function<'s>(
    program: &Program<'_>,
    f: FuncId,
    (effects, body): (&[(u32, Effect)], &HashMap<u32, Held>),
    summaries: &dyn Fn(FuncId) -> &'s Summary,
    (renames, array_releases): (&CallRenames, &ArrayReleases),
    slot_ends: bool,
    forced: Forced<'_>,
) -> (FunctionLocks, Summary) {
    let func = program.function(f);
    let nb = func.blocks.len();
    let mut fl = FunctionLocks::default();
    if nb == 0 {
        return (fl, Summary::default());
    }
    let effect_at: HashMap<u32, usize> = effects
        .iter()
        .enumerate()
        .map(|(k, (i, _))| (*i, k))
        .collect();
    let preds = predecessors(func);
    let order = func.reverse_postorder();
    let paired = paired_releases(effects, summaries);
    let ant = anticipated_releases(
        func, effects, &effect_at, &order, summaries, &paired, forced,
    );
    let fx: Vec<Option<CallFx>> = effects
        .iter()
        .map(|(i, e)| match e {
            Effect::Call(targets) => {
                let mut fx = call_fx(targets, f, *i, summaries);
                for &l in paired.get(i).into_iter().flatten() {
                    if !fx.must.contains(&l) {
                        fx.must.push(l);
                    }
                }
                if let Some(r) = renames.get(&(f, *i)) {
                    fx.rename(r);
                }
                // What one of an indirect call's targets may return
                // holding is kept only where this function can use it
                // (a lock it releases for sure somewhere): merged
                // function-pointer classes give some calls hundreds of
                // targets, whose locks would be pending everywhere above.
                if targets.len() > 1 {
                    let universe = ant.as_ref().map(|a| &a.universe[..]).unwrap_or(&[]);
                    fx.maybe.retain(|h| universe.binary_search(&h.lock).is_ok());
                }
                Some(fx)
            }
            _ => None,
        })
        .collect();
    let promote_at_block = |s: &mut Flow, b: u32| {
        if let Some(a) = ant.as_ref().and_then(|a| a.at_block[b as usize].as_ref()) {
            s.promote(a);
        }
    };
    let promote_after = |s: &mut Flow, i: u32| {
        if let Some(a) = ant.as_ref().and_then(|a| a.after.get(&i)) {
            s.promote(a);
        }
    };
    let mut entry: Vec<Option<Flow>> = vec![None; nb];
    entry[0] = Some(Flow::default());
    let mut exit_states: Vec<Option<Flow>> = vec![None; nb];
    // A block none of whose predecessors' exit states changed since it
    // was last worked out would get the same entry state again, which
    // the test below skips: so it is not worked out (nor compared).
    let mut succs: Vec<Vec<u32>> = vec![Vec::new(); nb];
    for (b, ps) in preds.iter().enumerate() {
        for &p in ps {
            succs[p as usize].push(b as u32);
        }
    }
    let mut stale = vec![true; nb];
    let threaded: Vec<Option<PhiBranch>> = (0..nb as u32)
        .map(|p| phi_branch(func, p, &effect_at))
        .collect();
    // Per-edge extra acquisitions from trylock branches.
    for _iter in 0..50 {
        let mut changed = false;
        for &b in &order {
            if !stale[b as usize] && exit_states[b as usize].is_some() {
                continue;
            }
            stale[b as usize] = false;
            let mut state: Option<Flow> = if b == 0 { Some(Flow::default()) } else { None };
            for &p in &preds[b as usize] {
                // A block that only branches on a phi of constants (a
                // trylock's result turned into 1 or 0 by `?:`, then
                // tested): each of its predecessors goes on to the one
                // successor its constant picks.
                let through: Vec<(u32, u32)> = match &threaded[p as usize] {
                    Some((then_b, incoming)) => incoming
                        .iter()
                        .filter(|(_, goes)| goes.is_none_or(|t| t == (b == *then_b)))
                        .map(|(q, _)| (*q, p))
                        .collect(),
                    None => vec![(p, b)],
                };
                for (from, to) in through {
                    let Some(edge) = edge_state(
                        func,
                        f,
                        effects,
                        &effect_at,
                        &exit_states,
                        (from, to),
                        forced,
                    ) else {
                        continue;
                    };
                    match state.as_mut() {
                        None => state = Some(edge),
                        Some(s) => s.join(&edge),
                    }
                }
            }
            let Some(mut s) = state else { continue };
            promote_at_block(&mut s, b);
            if entry[b as usize].as_ref() == Some(&s) && exit_states[b as usize].is_some() {
                continue;
            }
            entry[b as usize] = Some(s.clone());
            for i in func.block_insts(b) {
                let i = i as u32;
                if let Some(&k) = effect_at.get(&i) {
                    apply(&effects[k].1, &mut s, f, i, fx[k].as_ref());
                    for &x in array_releases.get(&(f, i)).into_iter().flatten() {
                        s.release_held(x);
                    }
                    promote_after(&mut s, i);
                }
            }
            if exit_states[b as usize].as_ref() != Some(&s) {
                exit_states[b as usize] = Some(s);
                for &n in &succs[b as usize] {
                    stale[n as usize] = true;
                    // Blocks a phi branch passes this state on to.
                    if threaded[n as usize].is_some() {
                        for &m in &succs[n as usize] {
                            stale[m as usize] = true;
                        }
                    }
                }
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Record states before accesses and calls, and lock operations.
    let mut ret_states: Vec<Flow> = Vec::new();
    for b in 0..nb as u32 {
        let Some(mut s) = entry[b as usize].clone() else {
            continue;
        };
        for i in func.block_insts(b) {
            let i = i as u32;
            let inst = &func.insts[i as usize];
            if inst.kind.is_memory_access()
                || matches!(inst.kind, InstKind::Call { .. } | InstKind::Asm { .. })
                || (matches!(inst.kind, InstKind::Ret { .. })
                    && (slot_ends || effect_at.contains_key(&i)))
                || (slot_ends && matches!(inst.kind, InstKind::LifetimeEnd { .. }))
            {
                let mut before = s.rel();
                // Inside a body that runs under a lock: held, whatever
                // the dataflow says (it never enters the summary).
                if let Some(h) = body.get(&i) {
                    if !before.plus.iter().any(|x| x.lock == h.lock) {
                        before.minus.retain(|l| *l != h.lock);
                        before.acquire(*h);
                    }
                }
                fl.before.insert(i, before);
            }
            if let Some(&k) = effect_at.get(&i) {
                match &effects[k].1 {
                    Effect::Acquire(l, mode) => fl.ops.push(LockOp {
                        inst: i,
                        lock: *l,
                        action: LockAction::Acquire,
                        mode: *mode,
                        before: s.rel(),
                        nested: false,
                    }),
                    Effect::Release(l) => fl.ops.push(LockOp {
                        inst: i,
                        lock: *l,
                        action: LockAction::Release,
                        mode: LockMode::Write,
                        before: s.rel(),
                        nested: s.nested.contains(l),
                    }),
                    Effect::Try(l, mode, model) => fl.ops.push(LockOp {
                        inst: i,
                        lock: *l,
                        action: model.action,
                        mode: *mode,
                        before: s.rel(),
                        nested: false,
                    }),
                    Effect::ReleaseUnknown => {
                        for l in s.held_locks() {
                            fl.ops.push(LockOp {
                                inst: i,
                                lock: l,
                                action: LockAction::Release,
                                mode: LockMode::Write,
                                before: s.rel(),
                                nested: false,
                            });
                        }
                    }
                    _ => {}
                }
                apply(&effects[k].1, &mut s, f, i, fx[k].as_ref());
                for &x in array_releases.get(&(f, i)).into_iter().flatten() {
                    s.release_held(x);
                }
                promote_after(&mut s, i);
            }
            if matches!(inst.kind, InstKind::Ret { .. }) {
                ret_states.push(s.clone());
            }
        }
    }
    let summary = match ret_states.split_first() {
        None => Summary::default(),
        Some((first, rest)) => {
            let mut acc = first.clone();
            let mut maybe: Vec<LockId> = Vec::new();
            for r in &ret_states {
                for l in &r.may_plus {
                    if !maybe.contains(l) {
                        maybe.push(*l);
                    }
                }
            }
            for r in rest {
                acc.join(r);
            }
            maybe.sort_unstable();
            let may_return = acc
                .pending
                .iter()
                .filter(|h| !acc.plus.iter().any(|x| x.lock == h.lock))
                .copied()
                .collect();
            Summary {
                acquires: acc.plus,
                maybe_held: maybe,
                releases: acc.minus,
                reacquires: acc.reheld,
                must_releases: ant
                    .as_ref()
                    .and_then(|a| a.at_block[0].clone())
                    .unwrap_or_default(),
                may_return,
                conditional: None,
            }
        }
    };
    (fl, summary)
}

/// Where every path releases a lock before taking it again or returning.
struct Anticipated {
    /// The locks some instruction of the function releases for sure.
    universe: Vec<LockId>,
    /// At each block's entry (None: no path from it returns).
    at_block: Vec<Option<Vec<LockId>>>,
    /// Just after each lock-effect instruction, where not empty.
    after: HashMap<u32, Vec<LockId>>,
}

/// Release anticipation, a backward must-analysis: the locks every path
/// from a point releases (by an unlock, or by a call every target of which
/// releases it on every path) before acquiring them again, or maybe
/// acquiring them in a callee, and before returning. A lock that may be
/// held at such a point (`Flow::pending`) is held there, if the
/// program does not unlock what it does not hold: `DO_ONCE`'s
/// `if (__do_once_start(..)) { ..; __do_once_done(..); }`, and
/// `p = lock_mount(..); if (IS_ERR(p)) ..; ..; unlock_mount(p)`. None when
/// the function releases nothing for sure.
fn anticipated_releases<'s>(
    func: &Function,
    effects: &[(u32, Effect)],
    effect_at: &HashMap<u32, usize>,
    order: &[u32],
    summaries: &dyn Fn(FuncId) -> &'s Summary,
    paired: &HashMap<u32, Vec<LockId>>,
    forced: Forced<'_>,
) -> Option<Anticipated> {
    // What each effect releases for sure (gen) and may acquire (kill).
    let mut gen: HashMap<u32, Vec<LockId>> = HashMap::default();
    for (i, ls) in paired {
        gen.insert(*i, ls.clone());
    }
    for (i, e) in effects {
        match e {
            Effect::Release(l) => {
                gen.insert(*i, vec![*l]);
            }
            Effect::Call(targets) => {
                let mut must: Option<Vec<LockId>> = None;
                for t in targets {
                    let r = &summaries(*t).must_releases;
                    must = Some(match must {
                        None => r.clone(),
                        Some(mut m) => {
                            m.retain(|l| r.contains(l));
                            m
                        }
                    });
                    if must.as_ref().is_some_and(|m| m.is_empty()) {
                        break;
                    }
                }
                if let Some(m) = must.filter(|m| !m.is_empty()) {
                    let g = gen.entry(*i).or_default();
                    g.extend(m);
                    g.sort_unstable();
                    g.dedup();
                }
            }
            _ => {}
        }
    }
    if gen.is_empty() {
        return None;
    }
    let mut universe: Vec<LockId> = gen.values().flatten().copied().collect();
    universe.sort_unstable();
    universe.dedup();
    let kill = |i: u32| -> Vec<LockId> {
        let Some(&k) = effect_at.get(&i) else {
            return Vec::new();
        };
        match &effects[k].1 {
            Effect::Acquire(l, _) | Effect::Try(l, _, _) => vec![*l],
            // A call may take the lock again if its target may; with
            // several targets, only if every one may (see `call_fx`).
            Effect::Call(targets) => universe
                .iter()
                .copied()
                .filter(|l| {
                    targets.iter().all(|t| {
                        let s = summaries(*t);
                        s.acquires.iter().any(|h| h.lock == *l)
                            || s.may_return.iter().any(|h| h.lock == *l)
                            || s.maybe_held.contains(l)
                            || s.reacquires.contains(l)
                    })
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    // The effect instructions of each block, in order.
    let mut block_effects: Vec<Vec<u32>> = vec![Vec::new(); func.blocks.len()];
    for (i, _) in effects {
        if let Some(b) = func.block_of(*i) {
            block_effects[b as usize].push(*i);
        }
    }
    for v in block_effects.iter_mut() {
        v.sort_unstable();
    }
    let kills: HashMap<u32, Vec<LockId>> = effects
        .iter()
        .map(|(i, _)| (*i, kill(*i)))
        .filter(|(_, k)| !k.is_empty())
        .collect();
    // Backward over one block from its exit set.
    let through = |b: u32,
                   mut cur: Option<Vec<LockId>>,
                   mut after: Option<&mut HashMap<u32, Vec<LockId>>>| {
        for &i in block_effects[b as usize].iter().rev() {
            if let Some(a) = after.as_deref_mut() {
                if let Some(c) = cur.as_ref().filter(|c| !c.is_empty()) {
                    a.insert(i, c.clone());
                }
            }
            if let Some(k) = kills.get(&i) {
                if let Some(c) = cur.as_mut() {
                    c.retain(|l| !k.contains(l));
                } else {
                    cur = Some(
                        universe
                            .iter()
                            .copied()
                            .filter(|l| !k.contains(l))
                            .collect(),
                    );
                }
            }
            if let Some(g) = gen.get(&i) {
                if let Some(c) = cur.as_mut() {
                    c.extend_from_slice(g);
                    c.sort_unstable();
                    c.dedup();
                }
            }
        }
        cur
    };
    let nb = func.blocks.len();
    let exit_set = |b: u32, at: &[Option<Vec<LockId>>]| -> Option<Vec<LockId>> {
        let succs = &func.blocks[b as usize].succs;
        if succs.is_empty() {
            let last = func.block_insts(b).last()?;
            return match func.insts[last].kind {
                InstKind::Ret { .. } => Some(Vec::new()),
                _ => None,
            };
        }
        let mut out: Option<Vec<LockId>> = None;
        let taken = taken_successor(func, b, forced);
        for &sb in succs {
            if taken.is_some_and(|t| t != sb) {
                continue;
            }
            let Some(x) = at.get(sb as usize).and_then(|x| x.as_ref()) else {
                continue;
            };
            out = Some(match out {
                None => x.clone(),
                Some(mut o) => {
                    o.retain(|l| x.contains(l));
                    o
                }
            });
        }
        out
    };
    let mut at_block: Vec<Option<Vec<LockId>>> = vec![None; nb];
    for _ in 0..50 {
        let mut changed = false;
        for &b in order.iter().rev() {
            let out = exit_set(b, &at_block);
            let new = through(b, out, None);
            if new != at_block[b as usize] {
                at_block[b as usize] = new;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut after = HashMap::default();
    for b in 0..nb as u32 {
        let out = exit_set(b, &at_block);
        through(b, out, Some(&mut after));
    }
    Some(Anticipated {
        universe,
        at_block,
        after,
    })
}

/// What a call does to the caller's locks, from its targets' summaries:
/// the same at every visit of the dataflow, so computed once.
struct CallFx {
    /// Released (by some target), in the order first seen.
    rel: Vec<LockId>,
    /// Acquired (by every target), with the call as the site.
    acq: Vec<Held>,
    /// What some target may return holding, or acquires while another
    /// does not.
    maybe: Vec<Held>,
    /// Released by every target on every path.
    must: Vec<LockId>,
}

impl CallFx {
    /// The locks a helper copied for this call site names instead of its
    /// original's (see `Locks::call_renames`).
    fn rename(&mut self, pairs: &[(LockId, LockId)]) {
        let to = |l: LockId| pairs.iter().find(|(a, _)| *a == l).map_or(l, |(_, b)| *b);
        for l in self.rel.iter_mut().chain(self.must.iter_mut()) {
            *l = to(*l);
        }
        for h in self.acq.iter_mut().chain(self.maybe.iter_mut()) {
            h.lock = to(h.lock);
        }
        self.acq.sort_by_key(|h| h.lock);
        self.maybe.sort_by_key(|h| h.lock);
    }
}

fn call_fx<'s>(
    targets: &[FuncId],
    f: FuncId,
    i: u32,
    summaries: &dyn Fn(FuncId) -> &'s Summary,
) -> CallFx {
    // Several possible targets: only what all of them do for sure, and
    // only a lock every one of them may release. The targets of a call
    // through a function pointer are what points-to merged into its class,
    // and the kernel's indirect calls close one recursive SCC of ~47 k
    // functions: a release any target makes (a seq_file `stop` callback
    // dropping what its `start` took) would reach every caller above it,
    // and every lock its callers hold across any such call
    // (`namespace_sem` in `do_umount` across `umount_tree`) would look
    // dropped. Summaries are borrowed (an ops-table call has hundreds of
    // targets), and releases deduplicated once at the end.
    let mut acq: Option<Vec<Held>> = None;
    let mut rel: Option<Vec<LockId>> = None;
    for t in targets {
        let sum = summaries(*t);
        // A lock the callee released and took again: released (the
        // caller's hold is gone), then acquired below.
        rel = Some(match rel {
            None => sum
                .releases
                .iter()
                .chain(&sum.reacquires)
                .copied()
                .collect(),
            Some(mut r) => {
                r.retain(|l| sum.releases.contains(l) || sum.reacquires.contains(l));
                r
            }
        });
        acq = Some(match acq {
            None => sum.acquires.clone(),
            Some(mut a) => {
                a.retain(|x| sum.acquires.iter().any(|y| y.lock == x.lock));
                a
            }
        });
    }
    let mut rel = rel.unwrap_or_default();
    // Released in the order first seen.
    if rel.len() > 1 {
        let mut seen =
            rustc_hash::FxHashSet::with_capacity_and_hasher(rel.len(), Default::default());
        rel.retain(|r| seen.insert(*r));
    }
    let at_call = |h: &Held| Held {
        lock: h.lock,
        mode: h.mode,
        site: (f, i),
        from_parent: false,
    };
    // The acquisition happened inside the callee; report the call site.
    let acq: Vec<Held> = acq.unwrap_or_default().iter().map(at_call).collect();
    // Several targets: only a lock every one of them may return holding,
    // as with releases. One target of a wide indirect call that may
    // return holding a lock (a trylock's failure path out of seam's sight)
    // would otherwise reach every member of the recursive SCC above it,
    // and stop the release anticipation of every function that calls
    // into the SCC while it holds that lock (`pool_lock` in
    // `stack_depot_save_flags` across `depot_alloc_stack`).
    let mut maybe: Vec<Held> = Vec::new();
    for (n, t) in targets.iter().enumerate() {
        let sum = summaries(*t);
        let may = |l: LockId| {
            sum.may_return
                .iter()
                .chain(&sum.acquires)
                .any(|h| h.lock == l)
        };
        if n == 0 {
            for h in sum.may_return.iter().chain(sum.acquires.iter()) {
                if !acq.iter().any(|x| x.lock == h.lock) {
                    maybe.push(at_call(h));
                }
            }
        } else {
            maybe.retain(|h| may(h.lock));
        }
        if maybe.is_empty() {
            break;
        }
    }
    maybe.sort_by_key(|x| x.lock);
    maybe.dedup_by_key(|x| x.lock);
    let mut must: Option<Vec<LockId>> = None;
    for t in targets {
        let r = &summaries(*t).must_releases;
        must = Some(match must {
            None => r.clone(),
            Some(mut m) => {
                m.retain(|l| r.contains(l));
                m
            }
        });
        if must.as_ref().is_some_and(|m| m.is_empty()) {
            break;
        }
    }
    CallFx {
        rel,
        acq,
        maybe,
        must: must.unwrap_or_default(),
    }
}

fn apply(e: &Effect, s: &mut Flow, f: FuncId, i: u32, fx: Option<&CallFx>) {
    match e {
        Effect::Acquire(l, mode) => s.acquire(Held {
            lock: *l,
            mode: *mode,
            site: (f, i),
            from_parent: false,
        }),
        Effect::Release(l) => s.release(*l),
        Effect::ReleaseUnknown => {
            for l in s.held_locks() {
                s.release(l);
            }
        }
        // Acquired on the branch that tests the result (`try_edge`);
        // until then, and where the test is out of seam's sight, maybe.
        Effect::Try(l, mode, model) if model.action == LockAction::Acquire => s.acquire(Held {
            lock: *l,
            mode: *mode,
            site: (f, i),
            from_parent: false,
        }),
        Effect::Try(l, mode, _) => s.pend(Held {
            lock: *l,
            mode: *mode,
            site: (f, i),
            from_parent: false,
        }),
        Effect::None | Effect::GuardRelease(..) => {}
        Effect::Call(_) => {
            let Some(fx) = fx else { return };
            // A lock this function holds that the call may release (on some
            // path of some target: merged function-pointer classes give
            // calls targets that unlock anything) may still be held after
            // it; held where every path on releases it. Not one every
            // target releases on every path: a hand-over, after which
            // another unlock is a double unlock.
            let kept: Vec<Held> = s
                .plus
                .iter()
                .filter(|h| fx.rel.contains(&h.lock) && !fx.must.contains(&h.lock))
                .copied()
                .collect();
            s.release_all(&fx.rel);
            s.pend_all(kept);
            s.pend_all(fx.maybe.clone());
            for h in &fx.acq {
                s.acquire(*h);
            }
        }
    }
}

/// If block `b` ends in a branch on a trylock's result, which lock is
/// acquired on which edge: (lock, mode, trylock inst, acquired-when-true).
fn try_edge(
    func: &Function,
    b: u32,
    effects: &[(u32, Effect)],
    effect_at: &HashMap<u32, usize>,
) -> Option<(LockId, LockMode, u32, bool)> {
    let last = func.block_insts(b).last()?;
    let InstKind::CondBr { cond, .. } = &func.insts[last].kind else {
        return None;
    };
    let (mut v, mut negate) = (cond.clone(), false);
    let mut cmp: Option<(CmpPred, i64)> = None;
    // Through the success bit of a compare-exchange (an inlined trylock).
    let mut success_bit = false;
    for _ in 0..6 {
        let Value::Inst(mut i) = v else { return None };
        // A result returned through a return slot (`sret`, Rust's
        // `TryLockResult` at -O0) is read back from it: the load of the
        // slot's first word (the discriminant) is the result.
        if let InstKind::Load { ptr, .. } = &func.insts[i as usize].kind {
            if let Some(call) = sret_try_call(func, b, i, ptr, effects) {
                i = call;
            }
        }
        if let Some(&k) = effect_at.get(&i) {
            if let Effect::Try(l, mode, model) = &effects[k].1 {
                let is_cmpxchg = matches!(func.insts[i as usize].kind, InstKind::CmpXchg { .. });
                if is_cmpxchg != success_bit {
                    return None;
                }
                let success = if is_cmpxchg {
                    1
                } else {
                    model.success.unwrap_or(1)
                };
                let on_true = match cmp {
                    // Branch directly on the (boolean) result.
                    None => success != 0,
                    Some((pred, c)) => {
                        let eq_success = match pred {
                            CmpPred::Eq => c == success,
                            CmpPred::Ne => c != success,
                            _ => return None,
                        };
                        // `r == c` with c ≠ success and a two-valued result: true means failure.
                        if c == success || (success == 0 && c != 0) || (success == 1 && c == 0) {
                            eq_success
                        } else {
                            return None;
                        }
                    }
                };
                return Some((*l, *mode, i, on_true != negate));
            }
        }
        match &func.insts[i as usize].kind {
            InstKind::ICmp { pred, lhs, rhs } => {
                let (val, c) = match (lhs, rhs) {
                    (x, Value::Int(c)) | (Value::Int(c), x) => (x.clone(), *c),
                    (x, Value::Null) | (Value::Null, x) => (x.clone(), 0),
                    _ => return None,
                };
                if cmp.is_some() {
                    // `(r == 0) == 0`: fold into a negation.
                    if matches!(pred, CmpPred::Eq) && c == 0 {
                        negate = !negate;
                    } else if !(matches!(pred, CmpPred::Ne) && c == 0) {
                        return None;
                    }
                } else {
                    cmp = Some((*pred, c));
                }
                v = val;
            }
            InstKind::Cast { value, .. } => v = value.clone(),
            InstKind::ExtractValue { aggregate, indices }
                if indices.as_slice() == [1] && !success_bit =>
            {
                success_bit = true;
                v = aggregate.clone();
            }
            _ => return None,
        }
    }
    None
}

/// The trylock call whose return slot (`sret`, first argument) `slot` is,
/// when `load` reads it right after the call, in the call's block `b`
/// (a later read of the slot, after the paths met again, says nothing of
/// the path it is on).
fn sret_try_call(
    func: &Function,
    b: u32,
    load: u32,
    slot: &Value,
    effects: &[(u32, Effect)],
) -> Option<u32> {
    let block = func.block_insts(b);
    if !block.contains(&(load as usize)) {
        return None;
    }
    effects.iter().find_map(|(i, e)| {
        if !matches!(e, Effect::Try(..)) || *i >= load || !block.contains(&(*i as usize)) {
            return None;
        }
        match &func.insts[*i as usize].kind {
            InstKind::Call {
                args, sret: true, ..
            } if args.first() == Some(slot) => Some(*i),
            _ => None,
        }
    })
}

/// The state block `p` hands block `b` along their edge: its exit
/// state, with what a trylock branch at its end says on that edge.
fn edge_state(
    func: &Function,
    f: FuncId,
    effects: &[(u32, Effect)],
    effect_at: &HashMap<u32, usize>,
    exit_states: &[Option<Flow>],
    (p, b): (u32, u32),
    forced: Forced<'_>,
) -> Option<Flow> {
    if taken_successor(func, p, forced).is_some_and(|t| t != b) {
        return None;
    }
    let mut edge = exit_states[p as usize].clone()?;
    if let Some((l, mode, site, on_true)) = try_edge(func, p, effects, effect_at) {
        let (then_b, else_b) = cond_targets(func, p);
        let acquired = (on_true && then_b == Some(b)) || (!on_true && else_b == Some(b));
        // A blocking acquire that can fail is held already: dropped where
        // its result says it failed.
        let blocking = effect_at.get(&site).is_some_and(
            |&k| matches!(&effects[k].1, Effect::Try(_, _, m) if m.action == LockAction::Acquire),
        );
        if then_b != else_b && blocking {
            if !acquired {
                edge.release(l);
                edge.try_failed(l);
            }
        } else if then_b != else_b {
            if acquired {
                edge.acquire(Held {
                    lock: l,
                    mode,
                    site: (f, site),
                    from_parent: false,
                });
            } else {
                edge.try_failed_at(l, (f, site));
            }
        }
    }
    Some(edge)
}

/// The one successor block `p` goes on to when it ends in a branch on a
/// constant (`-O0`'s `if (!(ok ? 1 : 0))` folded by clang into `br true`,
/// the kernel's `__builtin_constant_p` arms) or on the stable test whose
/// outcome this run assumes; None when either may be taken.
fn taken_successor(func: &Function, p: u32, forced: Forced<'_>) -> Option<u32> {
    let last = func.block_insts(p).last()?;
    let InstKind::CondBr {
        cond,
        then,
        otherwise,
    } = &func.insts[last].kind
    else {
        return None;
    };
    let c = match cond {
        Value::Int(c) => *c != 0,
        Value::Inst(k) => match forced {
            Some((calls, outcome)) if calls.contains(k) => outcome,
            _ => return None,
        },
        _ => return None,
    };
    Some(if c { *then } else { *otherwise })
}

/// The calls of a function that release a lock under a stable test
/// (`its_fini_mod`) another call of the same function takes under the same
/// test (`its_init_mod`): released for sure there, by instruction. Taken
/// and released only where the test holds, the lock is held between the
/// two, which release anticipation then sees.
fn paired_releases<'s>(
    effects: &[(u32, Effect)],
    summaries: &dyn Fn(FuncId) -> &'s Summary,
) -> HashMap<u32, Vec<LockId>> {
    let conditional = |targets: &[FuncId]| match targets {
        [t] => summaries(*t).conditional.as_ref(),
        _ => None,
    };
    let mut taken: Vec<(u32, LockId)> = Vec::new();
    for (_, e) in effects {
        if let Effect::Call(targets) = e {
            if let Some(c) = conditional(targets) {
                taken.extend(c.acquires.iter().map(|l| (c.test, *l)));
            }
        }
    }
    let mut out: HashMap<u32, Vec<LockId>> = HashMap::default();
    if taken.is_empty() {
        return out;
    }
    for (i, e) in effects {
        if let Effect::Call(targets) = e {
            if let Some(c) = conditional(targets) {
                let ls: Vec<LockId> = c
                    .releases
                    .iter()
                    .copied()
                    .filter(|l| taken.contains(&(c.test, *l)))
                    .collect();
                if !ls.is_empty() {
                    out.insert(*i, ls);
                }
            }
        }
    }
    out
}

/// What a function does under its stable test, from its summaries with
/// the test assumed true (`yes`) and false (`no`).
fn conditional(test: u32, yes: &Summary, no: &Summary) -> Option<Conditional> {
    let acquires: Vec<LockId> = yes
        .acquires
        .iter()
        .map(|h| h.lock)
        .filter(|l| {
            !no.acquires
                .iter()
                .chain(&no.may_return)
                .any(|h| h.lock == *l)
                && !no.maybe_held.contains(l)
        })
        .collect();
    let releases: Vec<LockId> = yes
        .must_releases
        .iter()
        .copied()
        .filter(|l| !no.releases.contains(l))
        .collect();
    (!acquires.is_empty() || !releases.is_empty()).then_some(Conditional {
        test,
        acquires,
        releases,
    })
}

/// Per function, the run-time-constant test it branches on: calls to one
/// `[[condition]]` function with the same constant arguments (one test per
/// function; a function that makes two different ones gets none).
fn stable_tests(program: &Program<'_>, index: &ModelIndex<'_>) -> Vec<Option<StableTest>> {
    let mut keys: HashMap<String, u32> = HashMap::default();
    let mut out = Vec::with_capacity(program.funcs.len());
    for f in 0..program.funcs.len() as FuncId {
        let func = program.function(f);
        let module = program.funcs[f as usize].module;
        let mut test: Option<(String, Vec<u32>)> = None;
        let mut mixed = false;
        for inst in &func.insts {
            let InstKind::CondBr {
                cond: Value::Inst(k),
                ..
            } = &inst.kind
            else {
                continue;
            };
            let Some(InstKind::Call { callee, args, .. }) =
                func.insts.get(*k as usize).map(|x| &x.kind)
            else {
                continue;
            };
            let Some(t) = program.call_target(module, callee) else {
                continue;
            };
            if index.of(t).condition.is_none() {
                continue;
            }
            let Some(consts) = args
                .iter()
                .map(|a| match a {
                    Value::Int(n) => Some(*n),
                    _ => None,
                })
                .collect::<Option<Vec<i64>>>()
            else {
                continue;
            };
            let key = format!("{}{consts:?}", program.target_name(t));
            match test.as_mut() {
                None => test = Some((key, vec![*k])),
                Some((k0, calls)) if *k0 == key => calls.push(*k),
                Some(_) => mixed = true,
            }
        }
        out.push(match test {
            Some((key, calls)) if !mixed => {
                let n = keys.len() as u32;
                let test = *keys.entry(key).or_insert(n);
                Some(StableTest { test, calls })
            }
            _ => None,
        });
    }
    out
}

/// A branch on a phi of constants: its `then` block, and per predecessor
/// of the phi's block which way it sends control (see [`phi_branch`]).
type PhiBranch = (u32, Vec<(u32, Option<bool>)>);

/// Block `p` does nothing to locks and ends in a branch on a phi of its
/// own (through a local variable, casts and a comparison with a
/// constant): its `then` block, and per predecessor, which way the value
/// it brings sends control (None: not a constant). `trylock(l) ? 1 : 0`
/// tested by `if (!..)` in the kernel's `raw_spin_trylock_irqsave()`
/// joins the trylock's two outcomes before the test that tells them
/// apart; seen through the phi, the test is the trylock's.
fn phi_branch(func: &Function, p: u32, effect_at: &HashMap<u32, usize>) -> Option<PhiBranch> {
    use crate::ir::CmpPred;
    let insts = func.block_insts(p);
    // Checked first, for every block of every analysis: no phi of its own,
    // or a lock effect, and the block is not one (`slot_value` below
    // scans the whole function).
    if !insts
        .clone()
        .any(|i| matches!(func.insts[i].kind, InstKind::Phi { .. }))
        || insts.clone().any(|i| effect_at.contains_key(&(i as u32)))
    {
        return None;
    }
    let last = insts.last()?;
    let InstKind::CondBr {
        cond,
        then,
        otherwise,
    } = &func.insts[last].kind
    else {
        return None;
    };
    if then == otherwise {
        return None;
    }
    // A local variable's one stored value (the -O2-before-optimisation
    // corpus keeps `?:` results in stack slots).
    let through_slot = |v: &Value| -> Value {
        if let Value::Inst(i) = v {
            if let InstKind::Load {
                ptr: Value::Inst(slot),
                ..
            } = &func.insts[*i as usize].kind
            {
                if matches!(func.insts[*slot as usize].kind, InstKind::Alloca { .. }) {
                    if let Some(x) = crate::accesses::slot_value(func, *slot) {
                        return x;
                    }
                }
            }
        }
        v.clone()
    };
    let mut v = cond.clone();
    let mut cmp: Option<(CmpPred, i64)> = None;
    for _ in 0..6 {
        let x = through_slot(&v);
        let Value::Inst(i) = x else { return None };
        match &func.insts[i as usize].kind {
            InstKind::ICmp {
                pred: pred @ (CmpPred::Eq | CmpPred::Ne),
                lhs,
                rhs,
            } if cmp.is_none() => {
                let (k, other) = match (lhs, rhs) {
                    (o, Value::Int(k)) | (Value::Int(k), o) => (*k, o),
                    _ => return None,
                };
                cmp = Some((*pred, k));
                v = other.clone();
            }
            InstKind::Cast { value, .. } => v = value.clone(),
            InstKind::Phi { incoming } if func.block_of(i) == Some(p) => {
                let goes = |c: i64| match cmp {
                    None => c != 0,
                    Some((CmpPred::Eq, k)) => c == k,
                    Some((_, k)) => c != k,
                };
                let ways = incoming
                    .iter()
                    .map(|(x, q)| match through_slot(x) {
                        Value::Int(c) => (*q, Some(goes(c))),
                        _ => (*q, None),
                    })
                    .collect();
                return Some((*then, ways));
            }
            _ => return None,
        }
    }
    None
}

fn cond_targets(func: &Function, b: u32) -> (Option<u32>, Option<u32>) {
    let Some(last) = func.block_insts(b).last() else {
        return (None, None);
    };
    match &func.insts[last].kind {
        InstKind::CondBr {
            then, otherwise, ..
        } => (Some(*then), Some(*otherwise)),
        _ => (None, None),
    }
}

/// The lock pointer the lock operation at `site` works on, and the
/// model's offset into it: an inlined primitive's compare-exchange or
/// atomic on the lock word, or a modelled call's lock argument.
pub fn lock_operand(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    (f, i): (FuncId, u32),
) -> Option<(Value, i64)> {
    match &program.function(f).insts.get(i as usize)?.kind {
        InstKind::CmpXchg { ptr, .. } | InstKind::AtomicRmw { ptr, .. } => Some((ptr.clone(), 0)),
        _ => lock_call_operand(program, index, (f, i)),
    }
}

/// The lock pointer a modelled lock call at `site` operates on (its
/// model's lock argument), and the model's offset into it.
pub fn lock_call_operand(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    (f, i): (FuncId, u32),
) -> Option<(Value, i64)> {
    let inst = program.function(f).insts.get(i as usize)?;
    let InstKind::Call { callee, .. } = &inst.kind else {
        return None;
    };
    let module = program.funcs[f as usize].module;
    let model = index.of(program.call_target(module, callee)?).lock?;
    let arg = inst.kind.model_args().get(model.arg? as usize)?;
    Some((arg.clone(), model.offset))
}

/// The named structs some acquisition of a lock in a collapsed object
/// names a lock member of, by its static type (`spin_lock(&f->lock)`:
/// `foo_dev`): the types whose data the race rule can judge by the lock
/// beside it (see `memory::static_lock_key`).
pub fn guarded_types(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    memory: &Memory,
    locks: &Locks,
) -> HashSet<String> {
    let mut out = HashSet::default();
    for (f, fl) in locks.functions.iter().enumerate() {
        for op in &fl.ops {
            if !matches!(op.action, LockAction::Acquire | LockAction::TryAcquire)
                || !locks.in_collapsed_object(op.lock, memory)
            {
                continue;
            }
            let site = (f as FuncId, op.inst);
            let key = lock_operand(program, index, site)
                .and_then(|(v, off)| crate::memory::static_lock_key(program, site.0, &v, off));
            if let Some((t, _)) = key {
                out.insert(t);
            }
        }
    }
    out
}

pub fn predecessors(func: &Function) -> Vec<Vec<u32>> {
    func.predecessors()
}

impl CallGraph {
    pub fn targets_self(&self, f: FuncId) -> bool {
        self.calls[f as usize].values().any(|v| v.contains(&f))
    }
}

/// Can control go from just after instruction `from` to instruction `to`?
pub fn reaches(func: &Function, from: u32, to: u32) -> bool {
    let block_of = |i: u32| func.block_of(i).map(|b| b as usize);
    let (Some(bf), Some(bt)) = (block_of(from), block_of(to)) else {
        return false;
    };
    if bf == bt && to > from {
        return true;
    }
    let mut seen = vec![false; func.blocks.len()];
    let mut work: Vec<u32> = func.blocks[bf].succs.clone();
    while let Some(b) = work.pop() {
        let b = b as usize;
        if b >= seen.len() || seen[b] {
            continue;
        }
        seen[b] = true;
        if b == bt {
            return true;
        }
        work.extend(func.blocks[b].succs.iter().copied());
    }
    false
}

/// A test-and-set or compare-exchange that takes a lock word from 0 to
/// non-zero with acquire ordering (the caller checks it sits in a loop).
fn spin_acquire<'f>(func: &Function, kind: &'f InstKind) -> Option<&'f Value> {
    use crate::ir::{Ordering as O, RmwOp};
    let acq = |o: &O| matches!(o, O::Acquire | O::AcqRel | O::SeqCst);
    let nonzero = |v: &Value| const_of(func, v).is_some_and(|n| n != 0);
    match kind {
        InstKind::CmpXchg {
            ptr,
            expected,
            new,
            success,
            ..
        } if const_of(func, expected) == Some(0) && nonzero(new) && acq(success) => Some(ptr),
        InstKind::AtomicRmw {
            ptr,
            op: RmwOp::Xchg,
            value,
            ordering,
            ..
        } if nonzero(value) && acq(ordering) => Some(ptr),
        _ => None,
    }
}

/// The constant `v` is: a constant, or (-O0) a load of a stack slot every
/// store to which stores that constant (`atomic_flag_test_and_set` at -O0
/// exchanges a value it first spills).
fn const_of(func: &Function, v: &Value) -> Option<i64> {
    match v {
        Value::Int(n) => Some(*n),
        Value::Inst(i) => {
            let InstKind::Load {
                ptr: slot @ Value::Inst(a),
                ..
            } = &func.insts.get(*i as usize)?.kind
            else {
                return None;
            };
            if !matches!(
                func.insts.get(*a as usize).map(|x| &x.kind),
                Some(InstKind::Alloca { .. })
            ) {
                return None;
            }
            let mut value = None;
            for inst in &func.insts {
                if let InstKind::Store { ptr, value: sv, .. } = &inst.kind {
                    if ptr == slot {
                        let Value::Int(n) = sv else { return None };
                        if value.is_some_and(|x| x != *n) {
                            return None;
                        }
                        value = Some(*n);
                    }
                }
            }
            value
        }
        _ => None,
    }
}

/// SCCs grouped by level: level 0 calls no other SCC; an SCC's level is one
/// more than its highest callee's. SCCs of one level are independent.
fn scc_levels(cg: &CallGraph) -> Vec<Vec<usize>> {
    let mut scc_of = vec![0usize; cg.calls.len()];
    for (k, scc) in cg.sccs.iter().enumerate() {
        for &f in scc {
            scc_of[f as usize] = k;
        }
    }
    // `sccs` lists callees before callers, so one pass suffices.
    let mut level = vec![0usize; cg.sccs.len()];
    for (k, scc) in cg.sccs.iter().enumerate() {
        let mut l = 0;
        for &f in scc {
            for targets in cg.calls[f as usize].values() {
                for &g in targets {
                    let c = scc_of[g as usize];
                    if c != k {
                        l = l.max(level[c] + 1);
                    }
                }
            }
        }
        level[k] = l;
    }
    let depth = level.iter().copied().max().map(|m| m + 1).unwrap_or(0);
    let mut out = vec![Vec::new(); depth];
    for (k, l) in level.into_iter().enumerate() {
        out[l].push(k);
    }
    out
}

/// One function's lock states and summary, as its SCC's fixpoint left them.
type Solved = (FuncId, FunctionLocks, Summary);

/// Rounds of one SCC's summary fixpoint before its last results stand.
const MAX_SCC_ROUNDS: usize = 32;

/// How one SCC's fixpoint went (for `SEAM_TIMINGS`).
#[derive(Default)]
struct SccStats {
    members: usize,
    levels: usize,
    rounds: usize,
    /// Function analyses over all rounds.
    analysed: usize,
    /// Per round: analyses, and how many changed their summary.
    per_round: Vec<(usize, usize)>,
    converged: bool,
}

/// Per member of `scc`: its level (callees reached by forward edges of a
/// depth-first search are below it) and the members that call it.
fn scc_order(scc: &[FuncId], effects: &[Vec<(u32, Effect)>]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let pos: HashMap<FuncId, usize> = scc.iter().enumerate().map(|(k, &f)| (f, k)).collect();
    let mut callees: Vec<Vec<usize>> = vec![Vec::new(); scc.len()];
    let mut callers: Vec<Vec<usize>> = vec![Vec::new(); scc.len()];
    for (k, &f) in scc.iter().enumerate() {
        for (_, e) in &effects[f as usize] {
            if let Effect::Call(targets) = e {
                for g in targets {
                    if let Some(&j) = pos.get(g) {
                        callees[k].push(j);
                        callers[j].push(k);
                    }
                }
            }
        }
    }
    for c in callees.iter_mut().chain(callers.iter_mut()) {
        c.sort_unstable();
        c.dedup();
    }
    // Post-order of an iterative depth-first search: a member finishes
    // after every callee it reaches first; an edge to a member not yet
    // finished is a back edge.
    let mut finished = vec![usize::MAX; scc.len()];
    let mut visited = vec![false; scc.len()];
    let mut order = 0;
    for root in 0..scc.len() {
        if visited[root] {
            continue;
        }
        visited[root] = true;
        let mut stack = vec![(root, 0usize)];
        while let Some((k, i)) = stack.last_mut() {
            if let Some(&j) = callees[*k].get(*i) {
                *i += 1;
                if !visited[j] {
                    visited[j] = true;
                    stack.push((j, 0));
                }
            } else {
                finished[*k] = order;
                order += 1;
                stack.pop();
            }
        }
    }
    let mut by_finish: Vec<usize> = (0..scc.len()).collect();
    by_finish.sort_unstable_by_key(|&k| finished[k]);
    let mut level = vec![0usize; scc.len()];
    for &k in &by_finish {
        level[k] = callees[k]
            .iter()
            .filter(|&&j| finished[j] < finished[k])
            .map(|&j| level[j] + 1)
            .max()
            .unwrap_or(0);
    }
    (level, callers)
}

impl Locks {
    /// `SEAM_DEBUG_LOCKS=name`: the relative lock state before every call
    /// and lock operation of the functions with that name, on stderr.
    pub fn debug_function(
        &self,
        program: &Program<'_>,
        memory: &Memory,
        cg: &CallGraph,
        name: &str,
    ) {
        let lname = |l: LockId| match &self.info(l).key {
            LockKey::Object(p) => memory.lock_name(program, *p),
            k => format!("{k:?}"),
        };
        for f in 0..program.funcs.len() as FuncId {
            if program.funcs[f as usize].name != name {
                continue;
            }
            let m = program.module_of(f);
            let func = program.function(f);
            let fl = &self.functions[f as usize];
            let s = &self.summaries[f as usize];
            eprintln!(
                "locks: {name} (f{f}) summary acquires={:?} maybe={:?} may_return={:?} releases={:?} reacquires={:?} must_releases={:?}",
                s.acquires.iter().map(|h| lname(h.lock)).collect::<Vec<_>>(),
                s.maybe_held.iter().map(|l| lname(*l)).collect::<Vec<_>>(),
                s.may_return.iter().map(|h| lname(h.lock)).collect::<Vec<_>>(),
                s.releases.iter().map(|l| lname(*l)).collect::<Vec<_>>(),
                s.reacquires.iter().map(|l| lname(*l)).collect::<Vec<_>>(),
                s.must_releases.iter().map(|l| lname(*l)).collect::<Vec<_>>()
            );
            if let Some(c) = &s.conditional {
                eprintln!(
                    "  under stable test #{}: acquires={:?} releases={:?}",
                    c.test,
                    c.acquires.iter().map(|l| lname(*l)).collect::<Vec<_>>(),
                    c.releases.iter().map(|l| lname(*l)).collect::<Vec<_>>()
                );
            }
            let mut insts: Vec<u32> = fl.before.keys().copied().collect();
            insts.sort_unstable();
            for i in insts {
                let InstKind::Call { .. } = &func.insts[i as usize].kind else {
                    continue;
                };
                let st = &fl.before[&i];
                let line = func.insts[i as usize]
                    .loc
                    .and_then(|l| m.locations.get(l as usize))
                    .map(|l| l.line)
                    .unwrap_or(0);
                let targets = cg.targets(f, i);
                let rel: Vec<String> = targets
                    .iter()
                    .filter(|t| !self.summaries[**t as usize].releases.is_empty())
                    .take(3)
                    .map(|t| {
                        format!(
                            "{}{:?}",
                            program.funcs[*t as usize].name,
                            self.summaries[*t as usize]
                                .releases
                                .iter()
                                .map(|l| lname(*l))
                                .collect::<Vec<_>>()
                        )
                    })
                    .collect();
                let op = fl
                    .ops
                    .iter()
                    .find(|o| o.inst == i)
                    .map(|o| format!("{:?} {}", o.action, lname(o.lock)));
                eprintln!(
                    "  i{i} line {line}: plus={:?} minus={:?} op={op:?} targets={} {}  releasing: {rel:?}",
                    st.plus.iter().map(|h| lname(h.lock)).collect::<Vec<_>>(),
                    st.minus.iter().map(|l| lname(*l)).collect::<Vec<_>>(),
                    targets.len(),
                    targets.iter().take(2).map(|t| program.funcs[*t as usize].name.as_str()).collect::<Vec<_>>().join(","),
                );
            }
        }
    }
}

/// A pointer the function never gave a value: `undef` (-O2's read of an
/// uninitialised local), or -O0's load of a stack slot that nothing stores
/// to and whose address goes nowhere else.
fn never_set_pointer(func: &Function, v: &Value) -> bool {
    let slot = match v {
        Value::Undef => return true,
        Value::Inst(l) => match func.insts.get(*l as usize).map(|x| &x.kind) {
            Some(InstKind::Load {
                ptr: Value::Inst(a),
                ..
            }) => *a,
            _ => return false,
        },
        _ => return false,
    };
    if !matches!(
        func.insts.get(slot as usize).map(|x| &x.kind),
        Some(InstKind::Alloca { .. })
    ) {
        return false;
    }
    func.insts.iter().all(|inst| {
        // A load (its one operand is the address it reads) takes nothing.
        if matches!(inst.kind, InstKind::Load { .. }) {
            return true;
        }
        let mut uses = false;
        inst.kind
            .for_each_operand(|o| uses |= *o == Value::Inst(slot));
        !uses
    })
}
