//! Accesses: every load, store, read-modify-write, copy, marked-access call
//! and asm memory operand reached from each thread root, with the abstract
//! location, size, marking, the absolute lockset held, and the call path
//! from the root.
//!
//! Walks down the call graph from each root, carrying the lockset held on
//! entry to each function (context-sensitive by lockset: a function called
//! with and without a lock is visited twice). Absolute lockset at a point =
//! (entry ∪ plus) − minus, from the locks stage's relative states.

mod constants;
pub mod marking;
mod paths;
mod publication;

pub(crate) use constants::{const_arg, const_value, member_value, slot_member, slot_value};
pub use paths::{CallPaths, CallSite};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use seam_models::{
    AccessType, AsmEffect, LockAction, LockKind, LockMode, Ordering as LkmmOrdering,
};

use crate::callgraph::CallGraph;
use crate::ir::{Callee, InstKind, Ordering, Value};
use crate::locks::{Held, LockId, Locks, RelState};
use crate::memory::{Instance, Memory, Ptr};
use crate::program::{FreeFrame, FuncId, ModelIndex, Program, Target};
use crate::rules::AccessKind;
use crate::threads::Threads;

/// How an access is marked, in LKMM/KCSAN terms.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Marking {
    Plain,
    /// `volatile` load/store: READ_ONCE/WRITE_ONCE, Rust `read_volatile`.
    Volatile,
    /// Native LLVM atomic with its ordering.
    Atomic(Ordering),
    /// Inline asm memory operand (with what the asm tables made of it).
    Asm(String),
    /// A modelled function (`rust_helper_atomic_read`, `atomic_read` …).
    Model(String, LkmmOrdering),
    /// Inside `data_race()`: intentionally racy, never reported (KCSAN).
    DataRace,
}

impl Marking {
    pub fn is_plain(&self) -> bool {
        matches!(self, Marking::Plain)
    }

    pub fn describe(&self) -> String {
        match self {
            Marking::Plain => "plain".into(),
            Marking::Volatile => "volatile (READ_ONCE/WRITE_ONCE)".into(),
            Marking::Atomic(o) => format!("atomic ({})", format!("{o:?}").to_lowercase()),
            Marking::Asm(s) => format!("inline asm ({s})"),
            Marking::Model(n, o) => {
                format!("marked by model {n} ({})", format!("{o:?}").to_lowercase())
            }
            Marking::DataRace => "data_race()".into(),
        }
    }
}

/// One access reached from one root under one lockset.
#[derive(Clone, Debug)]
pub struct Access {
    pub func: FuncId,
    pub inst: u32,
    pub root: usize,
    pub ptr: Ptr,
    /// Bytes; 0 = unknown (overlaps everything in the object).
    pub size: u64,
    pub kind: AccessKind,
    pub marking: Marking,
    pub lockset: Vec<Held>,
    /// Index into [`Accesses::paths`].
    pub path: u32,
    /// To an object allocated in the same function, before its first
    /// escape: cannot race, but can be published without ordering.
    pub prepub: bool,
    /// The calling context (function + entry lockset) it was recorded in;
    /// [`Accesses::ctx_roots`] says which roots reach that context.
    pub ctx: u32,
    /// The points-to instance of `func` it ran in (a helper's copy for its
    /// call site, see `memory`).
    pub instance: Instance,
    /// The address is into an object this run of `func` allocated (the
    /// allocating instruction): two such accesses in two threads touch two
    /// objects (a lock-free stack's pushers filling their own nodes).
    pub own_alloc: Option<u32>,
    /// The address takes a run-time index into an array: `ptr` is the
    /// access with the index 0, and it may touch what the spread says.
    pub spread: Option<Spread>,
}

/// Where an access by run-time index may be: `[first + k * stride, +
/// size)` for `k` in `0..count`, in bytes of its object. The same bytes of
/// every element of an array, or the elements a known index range reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spread {
    pub first: i64,
    pub count: i64,
    pub stride: i64,
}

impl Spread {
    /// The same bytes as `off` in every element of the array at `[lo,
    /// hi)` with elements of `stride` bytes.
    fn array((lo, hi, stride): (i64, i64, i64), off: i64) -> Spread {
        Spread {
            first: lo + (off - lo).rem_euclid(stride),
            count: (hi - lo) / stride,
            stride,
        }
    }

    /// The last place the access may start at.
    pub fn last(&self) -> i64 {
        self.first + (self.count - 1) * self.stride
    }
}

/// A lock released that is not held (double unlock, unlock of a lock never taken).
#[derive(Clone, Debug)]
pub struct BadRelease {
    pub func: FuncId,
    pub inst: u32,
    pub lock: LockId,
    pub root: usize,
    pub path: u32,
}

pub struct Accesses {
    pub list: Vec<Access>,
    /// Per calling context: the roots that reach it (at most
    /// [`MAX_ROOTS_PER_CONTEXT`], the first found first).
    pub ctx_roots: Vec<Vec<usize>>,
    /// Per calling context: the contexts that call into it, each with the
    /// call site (to show a path from another root than the first).
    pub ctx_callers: Vec<Vec<(u32, (FuncId, u32))>>,
    /// Per calling context: the root that walked it first and the path
    /// it came by (index into [`Accesses::paths`]).
    pub ctx_first: Vec<(usize, u32)>,
    /// Call paths: call sites (function, instruction) from the root.
    pub paths: CallPaths,
    /// The call sites of every path an access or bad release has, read
    /// out of `paths` once (the rules ask for them per pair).
    access_paths: HashMap<u32, Box<[CallSite]>>,
    pub bad_releases: Vec<BadRelease>,
    /// Per root: its entry context.
    pub root_ctx: Vec<Option<u32>>,
    /// Locks threads take that `main` held when it started them (see
    /// `locks::handoff`).
    pub handoffs: Vec<crate::locks::Handoff>,
}

const MAX_DEPTH: usize = 48;
const MAX_CONTEXTS: usize = 2_000_000;
/// Distinct entry locksets a function is walked under before they merge.
const MAX_CONTEXTS_PER_FUNCTION: usize = 8;
/// Roots kept per calling context (for deciding may-happen-in-parallel).
pub const MAX_ROOTS_PER_CONTEXT: usize = 32;

/// A lockset as the walk keys contexts by: (lock, mode) pairs.
type EntryLocks = Vec<(LockId, LockMode)>;

/// One frame of the walk: points-to instance, entry lockset, the caller's
/// call path and the call that enters it (none for a root's entry), how it
/// is entered, calling context of the caller.
type WalkItem = (
    Instance,
    Vec<Held>,
    (u32, Option<CallSite>),
    Entry,
    Option<u32>,
);

/// How a context is entered, beyond its locks: under a `pthread_once`
/// call (everything runs once, before every caller goes on), and which
/// parameters (a bit per index) point into an object no one else can see
/// yet: a probe's fresh device handed to `foo_init_hw(dev)`.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
struct Entry {
    once: bool,
    fresh_params: u64,
}

struct Walker<'a, 'p, 'm> {
    program: &'p Program<'m>,
    index: &'p ModelIndex<'a>,
    memory: &'p Memory,
    cg: &'p CallGraph,
    locks: &'p Locks,
    out: Accesses,
    seen_access: HashSet<(FuncId, u32, usize, EntryLocks, Ptr, bool)>,
    /// Per function: what its code shows not yet published (see `publication`).
    prepub: HashMap<FuncId, publication::Unpublished>,
    /// What callees do with the objects they are given or return (for `prepub`).
    callees: publication::CalleeFacts,
    /// Per function: the allocation of its own each value points into.
    own: HashMap<FuncId, Vec<Option<u32>>>,
    /// Per function (user space): where its escaping stack slots end
    /// their life, (instruction, alloca) by instruction.
    deaths: HashMap<FuncId, Vec<(u32, u32)>>,
    /// A user-space program's `main`: the end of its frame is the end of
    /// the process (see `ends_program`).
    program_entry: Option<FuncId>,
    /// Per function: instructions inside `data_race()` (KCSAN markers).
    intentional: HashMap<FuncId, HashSet<u32>>,
    /// How the context being walked was entered (`pthread_once`, fresh
    /// parameters).
    entered: Entry,
    /// A user-space program: frees and library buffer functions are
    /// accesses, and `volatile` marks nothing (C11 and Rust make a
    /// conflicting volatile access a data race; READ_ONCE is the kernel's).
    user_space: bool,
    /// Calling contexts are shared by all roots: each (function, entry
    /// lockset) is walked once; roots are attached afterwards.
    ctx_ids: HashMap<(FuncId, EntryLocks, Entry), u32>,
    /// Per context: (callee context, call site) for each call it makes.
    ctx_children: Vec<Vec<(u32, (FuncId, u32))>>,
    root_entry: Vec<Option<u32>>,
    cur_ctx: u32,
    /// The points-to instance of the function being walked.
    cur_instance: Instance,
    /// Per function: contexts made so far, and the lockset common to the
    /// entries seen once the cap was reached.
    func_contexts: HashMap<Instance, (usize, Option<Vec<Held>>)>,
    /// The (instance, entry lockset, `pthread_once`) contexts made so far:
    /// what `func_contexts` counts. Fresh parameters do not count against
    /// the cap: they add contexts only where an object is handed on
    /// unpublished, and merging their locksets would lose locks.
    lock_contexts: HashSet<(Instance, EntryLocks, bool)>,
    /// Per function: the section its code is in.
    section: Vec<CodeSection>,
    /// Contexts walked at MAX_DEPTH, whose calls were not followed.
    truncated: HashSet<u32>,
    /// While recording a free the user's code made through Rust's std:
    /// where to report it (function, instruction, call path id).
    user_free_at: Option<(FuncId, u32, u32)>,
    /// Per points-to instance: the instructions a context of it visits
    /// (see [`Walker::plan`]), worked out once for all its contexts.
    plans: HashMap<Instance, std::rc::Rc<[u32]>>,
    /// Named structs whose lock members some acquisition in a collapsed
    /// object names (`locks::guarded_types`).
    guarded_types: HashSet<String>,
    /// Per access instruction: does its code name a member of one of
    /// `guarded_types` (see `is_data`)?
    typed_guarded: std::cell::RefCell<HashMap<(FuncId, u32), bool>>,
    /// Per function: the value ranges of its run-time indexes.
    ranges: HashMap<FuncId, crate::ir::ranges::IndexRanges>,
    /// Accesses recorded by an index of known range (for SEAM_TIMINGS).
    index_known: usize,
}

impl Accesses {
    pub fn collect(
        program: &Program<'_>,
        index: &ModelIndex<'_>,
        memory: &Memory,
        cg: &CallGraph,
        locks: &Locks,
        threads: &Threads,
    ) -> Accesses {
        let timings = std::env::var_os("SEAM_TIMINGS").is_some();
        let clock = std::time::Instant::now();
        let lap = |step: &str| {
            if timings {
                eprintln!(
                    "seam: accesses: {step} by {:.2} s",
                    clock.elapsed().as_secs_f64()
                );
            }
        };
        // Entry locks named in seam.toml are resolved against lock names first.
        let mut w = Walker {
            program,
            index,
            memory,
            cg,
            locks,
            out: Accesses {
                list: Vec::new(),
                ctx_roots: Vec::new(),
                ctx_callers: Vec::new(),
                ctx_first: Vec::new(),
                paths: CallPaths::default(),
                access_paths: HashMap::default(),
                bad_releases: Vec::new(),
                root_ctx: Vec::new(),
                handoffs: Vec::new(),
            },
            seen_access: HashSet::default(),
            prepub: HashMap::default(),
            callees: publication::CalleeFacts::new(program, cg, index),
            own: HashMap::default(),
            deaths: HashMap::default(),
            program_entry: threads.main_func(),
            intentional: HashMap::default(),
            entered: Entry::default(),
            user_space: !threads.kernel,
            ctx_ids: HashMap::default(),
            ctx_children: Vec::new(),
            root_entry: vec![None; threads.roots.len()],
            section: (0..program.funcs.len() as FuncId)
                .map(|f| code_section(program, f))
                .collect(),
            cur_ctx: 0,
            truncated: HashSet::default(),
            cur_instance: 0,
            func_contexts: HashMap::default(),
            lock_contexts: HashSet::default(),
            user_free_at: None,
            plans: HashMap::default(),
            guarded_types: crate::locks::guarded_types(program, index, memory, locks),
            typed_guarded: Default::default(),
            ranges: HashMap::default(),
            index_known: 0,
        };
        lap("summaries");
        // Locks a thread runs inside because its parent holds them from
        // its start to its join.
        let creation = locks.creation_locks(program, cg, threads);
        for (r, root) in threads.roots.iter().enumerate() {
            let mut entry = entry_locks(program, memory, locks, root.func, &root.holds);
            for h in &creation[r] {
                if !entry.iter().any(|e| e.lock == h.lock) {
                    entry.push(*h);
                }
            }
            entry.sort_by_key(|h| h.lock);
            w.walk_root(r, root.instance, entry);
        }
        lap("walks");
        w.attach_roots();
        w.out.root_ctx = w.root_entry.clone();
        w.out.handoffs = locks.handoffs(program, memory, cg, threads);
        let mut access_paths = HashMap::default();
        for pid in w
            .out
            .list
            .iter()
            .map(|a| a.path)
            .chain(w.out.bad_releases.iter().map(|b| b.path))
        {
            access_paths
                .entry(pid)
                .or_insert_with(|| w.out.paths.get(pid).into_boxed_slice());
        }
        w.out.access_paths = access_paths;
        lap("paths");
        if timings {
            let by_index = w.out.list.iter().filter(|a| a.spread.is_some()).count();
            eprintln!(
                "seam: accesses: {} contexts, {} accesses ({} by run-time index, {} of known range), {} paths; index ranges of {} functions",
                w.ctx_children.len(),
                w.out.list.len(),
                by_index,
                w.index_known,
                w.out.paths.len(),
                w.ranges.len()
            );
        }
        w.out
    }
}

impl Accesses {
    /// The call sites of path `pid` of an access or bad release, from the
    /// root down.
    pub fn path(&self, pid: u32) -> &[CallSite] {
        self.access_paths.get(&pid).map(|p| &p[..]).unwrap_or(&[])
    }

    /// Every call path (call sites) from root `r`'s entry to context
    /// `ctx`, when there are at most `cap` of them and none goes round a
    /// cycle of calls (else None).
    pub fn root_paths(&self, r: usize, ctx: u32, cap: usize) -> Option<Vec<Vec<CallSite>>> {
        let entry = self.root_ctx.get(r).copied().flatten()?;
        let mut out: Vec<Vec<CallSite>> = Vec::new();
        // Backwards from `ctx`: (context, the call sites below it, reversed).
        let mut stack: Vec<(u32, Vec<CallSite>, Vec<u32>)> = vec![(ctx, Vec::new(), vec![ctx])];
        let mut steps = 0usize;
        while let Some((c, below, chain)) = stack.pop() {
            steps += 1;
            if steps > 64 * cap {
                return None;
            }
            if c == entry {
                out.push(below.iter().rev().copied().collect());
                if out.len() > cap {
                    return None;
                }
            }
            let mut callers = self.ctx_callers[c as usize].clone();
            callers.sort_unstable();
            callers.dedup();
            for (p, site) in callers {
                // Contexts `r` does not reach (their list of roots is
                // complete and lacks it) lead to no path of `r`.
                let roots = &self.ctx_roots[p as usize];
                if roots.len() < MAX_ROOTS_PER_CONTEXT && !roots.contains(&r) {
                    continue;
                }
                if chain.contains(&p) {
                    return None;
                }
                let mut b = below.clone();
                b.push(site);
                let mut ch = chain.clone();
                ch.push(p);
                stack.push((p, b, ch));
            }
        }
        Some(out)
    }

    /// A call path from root `r`'s entry to context `ctx` with the fewest
    /// calls `guessed` says points-to chose the callee of, then the fewest
    /// calls, and that number of guessed calls: Dijkstra backwards over
    /// the context graph, within the contexts `r` may reach. The path the
    /// walk happened to record first may ride an ops table where a direct
    /// chain of calls reaches the same context. None when `r` does not
    /// reach `ctx` with fewer than `limit` guessed calls, or when the
    /// search settles more than `cap` contexts.
    pub fn cheapest_path(
        &self,
        r: usize,
        ctx: u32,
        guessed: &dyn Fn(CallSite) -> bool,
        limit: usize,
        cap: usize,
    ) -> Option<(usize, Vec<CallSite>)> {
        use std::cmp::Reverse;
        let entry = self.root_ctx.get(r).copied().flatten()?;
        // A full list of roots may hide `r`.
        let may_reach = |c: u32| {
            let roots = &self.ctx_roots[c as usize];
            roots.len() >= MAX_ROOTS_PER_CONTEXT || roots.contains(&r)
        };
        if !may_reach(ctx) {
            return None;
        }
        // Per context: (guessed calls, calls) to `ctx`, and the call it
        // makes on the way down.
        let mut dist: HashMap<u32, (u32, u32)> = HashMap::default();
        let mut down: HashMap<u32, (u32, CallSite)> = HashMap::default();
        let mut heap = std::collections::BinaryHeap::from([Reverse((0u32, 0u32, ctx))]);
        dist.insert(ctx, (0, 0));
        let mut settled = 0usize;
        while let Some(Reverse((g, h, c))) = heap.pop() {
            if g as usize >= limit {
                return None;
            }
            if dist.get(&c).is_some_and(|&d| d < (g, h)) {
                continue;
            }
            if c == entry {
                let mut path = Vec::with_capacity(h as usize);
                let mut at = c;
                while let Some(&(d, site)) = down.get(&at) {
                    path.push(site);
                    at = d;
                }
                return Some((g as usize, path));
            }
            settled += 1;
            if settled > cap {
                return None;
            }
            for &(p, site) in &self.ctx_callers[c as usize] {
                if !may_reach(p) {
                    continue;
                }
                let d = (g + guessed(site) as u32, h + 1);
                if dist.get(&p).is_none_or(|&old| d < old) {
                    dist.insert(p, d);
                    down.insert(p, (c, site));
                    heap.push(Reverse((d.0, d.1, p)));
                }
            }
        }
        None
    }

    /// A call path (call sites) from root `r`'s entry to context `ctx`,
    /// when `r` reaches it: the path by which `r` first walked the nearest
    /// context above `ctx` it walked first, then down to `ctx`.
    pub fn path_to(&self, r: usize, ctx: u32) -> Option<Vec<(FuncId, u32)>> {
        // Backwards from `ctx`, only through contexts known to be reached
        // from `r` (a full list may hide it: not followed, so the search
        // stays within `r`'s part of the context graph).
        let reached = |c: u32| self.ctx_roots[c as usize].contains(&r);
        if !reached(ctx) {
            return None;
        }
        let mut down: HashMap<u32, (u32, (FuncId, u32))> = HashMap::default();
        let mut queue = std::collections::VecDeque::from([ctx]);
        let mut seen = HashSet::from_iter([ctx]);
        while let Some(c) = queue.pop_front() {
            let (first, pid) = self.ctx_first[c as usize];
            if first == r {
                let mut path = self.paths.get(pid);
                let mut at = c;
                while let Some(&(d, site)) = down.get(&at) {
                    path.push(site);
                    at = d;
                }
                return Some(path);
            }
            if seen.len() > 2_000 {
                return None;
            }
            for &(p, site) in &self.ctx_callers[c as usize] {
                if reached(p) && seen.insert(p) {
                    down.insert(p, (c, site));
                    queue.push_back(p);
                }
            }
        }
        None
    }
}

impl Walker<'_, '_, '_> {
    /// Which roots reach each calling context: a walk over the context
    /// graph from every root's entry.
    fn attach_roots(&mut self) {
        let n = self.ctx_children.len();
        let mut roots: Vec<Vec<usize>> = vec![Vec::new(); n];
        // Per context, side by side (one cache line for both tests): the
        // last root that visited it, and how many roots it has.
        let mut seen: Vec<(u32, u32)> = vec![(u32::MAX, 0); n];
        let full = MAX_ROOTS_PER_CONTEXT as u32;
        for (r, entry) in self.root_entry.iter().enumerate() {
            let Some(e) = *entry else { continue };
            let r32 = r as u32;
            let mut stack = vec![e];
            while let Some(c) = stack.pop() {
                let s = &mut seen[c as usize];
                if s.0 == r32 {
                    continue;
                }
                s.0 = r32;
                // Every root that filled this context went on to its
                // descendants, so they are full too: nothing to add below.
                if s.1 >= full {
                    continue;
                }
                s.1 += 1;
                roots[c as usize].push(r);
                // Only what this root has not seen and is not full yet:
                // most children are both, for the later roots.
                for &(d, _) in &self.ctx_children[c as usize] {
                    let t = seen[d as usize];
                    if t.0 != r32 && t.1 < full {
                        stack.push(d);
                    }
                }
            }
        }
        self.out.ctx_roots = roots;
        let mut callers: Vec<Vec<(u32, (FuncId, u32))>> = vec![Vec::new(); n];
        for (c, calls) in self.ctx_children.iter().enumerate() {
            for &(d, site) in calls {
                callers[d as usize].push((c as u32, site));
            }
        }
        self.out.ctx_callers = callers;
    }

    fn in_rust_std(&self, f: FuncId, i: u32) -> bool {
        self.program.is_std_internal(f, i)
    }

    fn walk_root(&mut self, root: usize, start: Instance, entry: Vec<Held>) {
        // Depth-first, explicit stack: (points-to instance, entry lockset,
        // call path, how it is entered, calling context). A root is its
        // function's original instance, or the copy its start runs.
        let mut stack: Vec<WalkItem> = vec![(
            start,
            entry,
            (CallPaths::EMPTY, None),
            Entry::default(),
            None,
        )];
        while let Some((x, mut entry, (caller_path, site), mut entered, parent)) = stack.pop() {
            let f = self.memory.func_of(x);
            // Calls on this item's path, and the call that enters it.
            let depth = self.out.paths.depth(caller_path) + usize::from(site.is_some());
            let call_site = site.unwrap_or((0, 0));
            // Past MAX_CONTEXTS_PER_FUNCTION entry locksets, a function is
            // walked under what every entry so far had in common: fewer
            // locks is the side that can only add reports, and the common
            // set only shrinks, so few more contexts follow.
            let seen = self.func_contexts.entry(x).or_insert((0, None));
            let merged = seen.0 >= MAX_CONTEXTS_PER_FUNCTION;
            if merged {
                let common = seen.1.get_or_insert_with(|| entry.clone());
                common.retain(|c| {
                    entry
                        .iter()
                        .any(|e| e.lock == c.lock && (e.mode == c.mode || c.mode == LockMode::Read))
                });
                entry = common.clone();
            }
            // A merged context forgets its fresh parameters too: fewer
            // unpublished objects can only add reports.
            if merged {
                entered.fresh_params = 0;
            }
            self.entered = entered;
            let key = (x, lock_key(&entry), entered);
            if let Some(&id) = self.ctx_ids.get(&key) {
                // Walked already (by this root or another): only link it.
                match parent {
                    Some(p) => self.ctx_children[p as usize].push((id, call_site)),
                    None => self.root_entry[root] = Some(id),
                }
                // First walked too deep to go into its calls: go into them
                // from this shallower path (else what a context first
                // reached through a long chain of merged indirect calls
                // calls is never walked, from any root).
                if depth < MAX_DEPTH && self.truncated.remove(&id) {
                    let func = self.program.function(f);
                    let mut insts: Vec<u32> = self.locks.functions[f as usize]
                        .before
                        .keys()
                        .copied()
                        .filter(|&i| {
                            matches!(
                                func.insts[i as usize].kind,
                                InstKind::Call { .. } | InstKind::Ret { .. }
                            )
                        })
                        .collect();
                    insts.sort_unstable();
                    let mut calls = Vec::new();
                    for i in insts {
                        let held = self.held_at(x, f, &entry, i);
                        self.callees_at(f, i, &held, &mut calls);
                    }
                    let pid = self.out.paths.enter(caller_path, site);
                    self.push_calls(&mut stack, (x, f, id), pid, entered, calls);
                }
                continue;
            }
            if self.ctx_ids.len() >= MAX_CONTEXTS {
                continue;
            }
            let id = self.ctx_children.len() as u32;
            let new_locks = self.lock_contexts.insert((x, key.1.clone(), entered.once));
            self.ctx_ids.insert(key, id);
            if new_locks {
                if let Some(seen) = self.func_contexts.get_mut(&x) {
                    seen.0 += 1;
                }
            }
            self.ctx_children.push(Vec::new());
            match parent {
                Some(p) => self.ctx_children[p as usize].push((id, call_site)),
                None => self.root_entry[root] = Some(id),
            }
            self.cur_ctx = id;
            self.cur_instance = x;
            if depth >= MAX_DEPTH {
                self.truncated.insert(id);
            }
            let pid = self.out.paths.enter(caller_path, site);
            self.out.ctx_first.push((root, pid));
            if !self.prepub.contains_key(&f) {
                let pp = publication::prepublication(
                    self.program,
                    self.cg,
                    self.index,
                    &mut self.callees,
                    &self.locks.functions[f as usize],
                    f,
                );
                self.prepub.insert(f, pp);
                let own = publication::own_allocations(
                    self.program,
                    self.cg,
                    self.index,
                    &mut self.callees,
                    f,
                );
                self.own.insert(f, own);
                if self.user_space {
                    let mut d = publication::slot_deaths(
                        self.program,
                        self.cg,
                        self.index,
                        &mut self.callees,
                        f,
                    );
                    if self.program_entry == Some(f) {
                        d.retain(|&(at, _)| {
                            !publication::ends_program(self.program.function(f), at)
                        });
                    }
                    self.deaths.insert(f, d);
                }
                let dr = kcsan_regions(self.program, f);
                self.intentional.insert(f, dr);
            }
            let fl = &self.locks.functions[f as usize];
            let func = self.program.function(f);
            let mut calls: Vec<(u32, FuncId, Vec<Held>)> = Vec::new();
            let plan = self.plan(x, f);
            for &i in plan.iter() {
                let held = self.held_at(x, f, &entry, i);
                let inst = &func.insts[i as usize];
                match &inst.kind {
                    InstKind::Call { callee, .. } => {
                        self.model_call(root, f, i, callee, inst.kind.model_args(), &held, pid);
                        if depth < MAX_DEPTH {
                            self.callees_at(f, i, &held, &mut calls);
                        }
                    }
                    InstKind::Asm {
                        asm,
                        constraints,
                        args,
                        memory_operands,
                        ..
                    } => {
                        let m = self.program.module_of(f);
                        let triple = m.str(m.triple);
                        let effects = self.index.models().asm_with_constraints(
                            triple,
                            m.str(*asm),
                            m.str(*constraints),
                        );
                        let label = effects
                            .first()
                            .map(|e| format!("{:?}", e.effect).to_lowercase())
                            .unwrap_or_else(|| "asm".into());
                        let kind = match effects.first().map(|e| e.effect) {
                            Some(AsmEffect::AcquireLoad) | Some(AsmEffect::MarkedLoad) => {
                                AccessKind::Read
                            }
                            Some(AsmEffect::ReleaseStore) | Some(AsmEffect::MarkedStore) => {
                                AccessKind::Write
                            }
                            _ => AccessKind::Update,
                        };
                        let size = asm_operand_size(m.str(*asm));
                        for &k in memory_operands {
                            if let Some(a) = args.get(k as usize) {
                                self.record(
                                    root,
                                    f,
                                    i,
                                    a,
                                    size,
                                    kind,
                                    Marking::Asm(label.clone()),
                                    &held,
                                    pid,
                                );
                            }
                        }
                    }
                    // A return that runs exit handlers (`atexit`, a key's
                    // destructor): a call of them. It also ends the life
                    // of the stack slots without lifetime markers.
                    InstKind::Ret { .. } => {
                        self.slot_deaths(root, f, i, &held, pid);
                        if depth < MAX_DEPTH {
                            self.callees_at(f, i, &held, &mut calls);
                        }
                    }
                    InstKind::LifetimeEnd { .. } => self.slot_deaths(root, f, i, &held, pid),
                    _ => self.memory_access(root, f, i, &held, pid),
                }
            }
            // Lock operations that release something not held (unknown
            // in a merged context: its entry dropped what callers hold).
            for op in fl.ops.iter().filter(|_| !merged) {
                if op.action != LockAction::Release {
                    continue;
                }
                let held = absolute(&entry, &op.before);
                let info = self.locks.info(op.lock);
                if info.kind == LockKind::Rcu {
                    continue;
                }
                if !held.iter().any(|h| h.lock == op.lock) && !op.before.may_plus.contains(&op.lock)
                {
                    self.out.bad_releases.push(BadRelease {
                        func: f,
                        inst: op.inst,
                        lock: op.lock,
                        root,
                        path: pid,
                    });
                }
            }
            self.push_calls(&mut stack, (x, f, id), pid, entered, calls);
        }
    }

    /// The instructions of instance `x` of `f` a context visits, in
    /// order: calls, returns and asm, and the memory accesses whose
    /// pointer may reach shared data. Whether `record` drops an access for
    /// its pointer alone (not shared, per-CPU, code, a lock word) does not
    /// depend on the context, and most contexts record nothing: judged once
    /// per instance, not once per entry lockset and root.
    fn plan(&mut self, x: Instance, f: FuncId) -> std::rc::Rc<[u32]> {
        if let Some(p) = self.plans.get(&x) {
            return p.clone();
        }
        let func = self.program.function(f);
        // Code only a panic runs (landing pads: the drops of what the
        // frame owned, the frees of its buffers while the threads it
        // started may still run) is not walked: a build with panic=unwind
        // is judged as its panic=abort twin (as the points-to solver does).
        let unwind_only = func.unwind_only();
        let mut insts: Vec<u32> = self.locks.functions[f as usize]
            .before
            .keys()
            .copied()
            .filter(|&i| unwind_only.get(i as usize) != Some(&true))
            .filter(|&i| match &func.insts[i as usize].kind {
                InstKind::Call { .. }
                | InstKind::Asm { .. }
                | InstKind::Ret { .. }
                | InstKind::LifetimeEnd { .. } => true,
                InstKind::Load { ptr, .. }
                | InstKind::AtomicRmw { ptr, .. }
                | InstKind::CmpXchg { ptr, .. } => self.may_record(x, f, i, ptr),
                InstKind::Store { ptr, .. } => {
                    self.index.inlined_lock_model(self.program, f, i).is_none()
                        && self.may_record(x, f, i, ptr)
                }
                InstKind::MemCopy { dst, src, .. } => {
                    self.may_record(x, f, i, src) || self.may_record(x, f, i, dst)
                }
                InstKind::MemSet { dst, .. } => self.may_record(x, f, i, dst),
                _ => false,
            })
            .collect();
        insts.sort_unstable();
        let plan: std::rc::Rc<[u32]> = insts.into();
        self.plans.insert(x, plan.clone());
        plan
    }

    /// Can an access through `ptr` in instance `x` get past `record`'s
    /// tests of the pointer alone, in some context?
    fn may_record(&self, x: Instance, f: FuncId, i: u32, ptr: &Value) -> bool {
        self.memory
            .ptr_in(self.program, x, ptr)
            .is_some_and(|p| self.is_data(p, f, i))
    }

    /// Is what `p` points to shared data an access to which is judged?
    /// (`f`, `i`: the accessing instruction.)
    fn is_data(&self, p: Ptr, f: FuncId, i: u32) -> bool {
        // Per-CPU data is its CPU's own: the kernel reaches another CPU's
        // copy only to sum or drain it, with the owner quiesced (see
        // docs/analysis.md, "Per-CPU data").
        if !self.memory.is_shared(p.node) || self.memory.is_per_cpu(p.node) {
            return false;
        }
        // Function code is not data.
        let code = !self.memory.functions(p.node).is_empty()
            && self
                .memory
                .origins(p.node)
                .iter()
                .all(|o| matches!(o, crate::memory::Origin::Function(_)));
        // Nor is the lock word itself (initialised plainly by
        // `spin_lock_init`): it is lock state. In a collapsed object every
        // offset is 0, the lock's too: of such an object only accesses whose
        // code names a member of a struct whose own lock some code takes
        // are kept, the ones the race rule can judge
        // (`races::check_place`, by type and the lock beside the data).
        if code {
            return false;
        }
        if !self.locks.is_lock(p) {
            return true;
        }
        self.memory.is_collapsed(p.node)
            && *self
                .typed_guarded
                .borrow_mut()
                .entry((f, i))
                .or_insert_with(|| {
                    crate::memory::access_type_location(self.program, f, i)
                        .is_some_and(|t| self.guarded_types.contains(&t.key))
                })
    }

    /// The locks held at instruction `i` of `f`, walked as instance `x`
    /// with `entry` held: a helper copied per call site names its own
    /// locks per copy.
    fn held_at(&self, x: Instance, f: FuncId, entry: &[Held], i: u32) -> Vec<Held> {
        let rel = &self.locks.functions[f as usize].before[&i];
        if x == f as Instance || !self.locks.renames_locks(x) {
            return absolute(entry, rel);
        }
        // The copy's own names, for what it took and what it released of
        // its caller's (through the copies of helpers it calls).
        let mut own = rel.clone();
        for h in own.plus.iter_mut() {
            h.lock = match self.locks.instance_lock(x, h.site.1) {
                Some(l) if h.site.0 == f => l,
                _ => self.locks.copy_lock(x, h.lock),
            };
        }
        own.plus.sort_by_key(|h| h.lock);
        for l in own.minus.iter_mut() {
            *l = self.locks.copy_lock(x, *l);
        }
        absolute(entry, &own)
    }

    /// Does the walk follow a call from `f` into `g`? Code outside
    /// `.init.text`/`.exit.text` never calls into them (modpost rejects
    /// the section mismatch; `.ref.text` is the declared exception): such
    /// an edge comes from a merged function-pointer class.
    fn follows_call(&self, f: FuncId, g: FuncId) -> bool {
        self.section[g as usize] != CodeSection::InitExit
            || self.section[f as usize] != CodeSection::Text
    }

    /// The calls (instruction, callee, locks held) instruction `i` of `f`
    /// makes that the walk follows, added to `calls`.
    fn callees_at(
        &self,
        f: FuncId,
        i: u32,
        held: &[Held],
        calls: &mut Vec<(u32, FuncId, Vec<Held>)>,
    ) {
        for &g in self.cg.targets(f, i) {
            if self.follows_call(f, g) {
                calls.push((i, g, held.to_vec()));
            }
        }
    }

    /// Pushes the calls (instruction, callee, locks held) that instance
    /// `x` of `f`, in context `ctx`, makes, so the first is walked first.
    fn push_calls(
        &mut self,
        stack: &mut Vec<WalkItem>,
        (x, f, ctx): (Instance, FuncId, u32),
        pid: u32,
        entered: Entry,
        calls: Vec<(u32, FuncId, Vec<Held>)>,
    ) {
        for (ci, g, held) in calls.into_iter().rev() {
            let once = entered.once || self.memory.once_calls.contains(&(f, ci));
            let fresh_params = self.fresh_args(f, ci, g, entered.fresh_params);
            let gx = self.memory.callee_instance(x, ci, g);
            let below = Entry { once, fresh_params };
            stack.push((gx, held, (pid, Some((f, ci))), below, Some(ctx)));
        }
    }

    /// The arguments (a bit per index) of call `ci` of `f` that point into
    /// an object no one else can see yet, when `g` keeps none of them: an
    /// allocation of `f`'s own not yet published, or an object one of `f`'s
    /// parameters in `fresh` (bits) points into.
    fn fresh_args(&mut self, f: FuncId, ci: u32, g: FuncId, fresh: u64) -> u64 {
        let Some(u) = self.prepub.get(&f) else {
            return 0;
        };
        let mut m = u.fresh_args.get(&ci).copied().unwrap_or(0);
        if fresh != 0 {
            if let InstKind::Call { args, .. } = &self.program.function(f).insts[ci as usize].kind {
                for (j, v) in args.iter().enumerate().take(64) {
                    if u.through_fresh_param(v, fresh) {
                        m |= 1u64 << j;
                    }
                }
            }
        }
        if m == 0 {
            return 0;
        }
        m & !publication::kept_params(self.program, &self.callees, f, g)
    }

    fn memory_access(&mut self, root: usize, f: FuncId, i: u32, held: &[Held], pid: u32) {
        let func = self.program.function(f);
        match &func.insts[i as usize].kind {
            InstKind::Load {
                ptr,
                size,
                volatile,
                ordering,
                ..
            } => {
                let m = marking(
                    *volatile && (!self.user_space || self.sig_atomic(f, ptr)),
                    *ordering,
                );
                self.record(
                    root,
                    f,
                    i,
                    ptr,
                    *size as u64,
                    AccessKind::Read,
                    m,
                    held,
                    pid,
                );
            }
            InstKind::Store {
                ptr,
                size,
                volatile,
                ordering,
                ..
            } => {
                // A store that is an inlined unlock is a lock operation, not data.
                if self.index.inlined_lock_model(self.program, f, i).is_some() {
                    return;
                }
                let m = marking(
                    *volatile && (!self.user_space || self.sig_atomic(f, ptr)),
                    *ordering,
                );
                self.record(
                    root,
                    f,
                    i,
                    ptr,
                    *size as u64,
                    AccessKind::Write,
                    m,
                    held,
                    pid,
                );
            }
            InstKind::AtomicRmw {
                ptr,
                size,
                ordering,
                ..
            } => {
                self.record(
                    root,
                    f,
                    i,
                    ptr,
                    *size as u64,
                    AccessKind::Update,
                    Marking::Atomic(*ordering),
                    held,
                    pid,
                );
            }
            InstKind::CmpXchg {
                ptr, size, success, ..
            } => {
                self.record(
                    root,
                    f,
                    i,
                    ptr,
                    *size as u64,
                    AccessKind::Update,
                    Marking::Atomic(*success),
                    held,
                    pid,
                );
            }
            InstKind::MemCopy {
                dst,
                src,
                len,
                volatile,
            } => {
                let m = if *volatile && !self.user_space {
                    Marking::Volatile
                } else {
                    Marking::Plain
                };
                let n = len.unwrap_or(0);
                self.record(root, f, i, src, n, AccessKind::Read, m.clone(), held, pid);
                self.record(root, f, i, dst, n, AccessKind::Write, m, held, pid);
            }
            InstKind::MemSet { dst, len, volatile } => {
                let m = if *volatile && !self.user_space {
                    Marking::Volatile
                } else {
                    Marking::Plain
                };
                self.record(
                    root,
                    f,
                    i,
                    dst,
                    len.unwrap_or(0),
                    AccessKind::Write,
                    m,
                    held,
                    pid,
                );
            }
            _ => {}
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn model_call(
        &mut self,
        root: usize,
        f: FuncId,
        i: u32,
        callee: &Callee,
        args: &[Value],
        held: &[Held],
        pid: u32,
    ) {
        let module = self.program.funcs[f as usize].module;
        let Some(t) = self.program.call_target(module, callee) else {
            return;
        };
        let sem = self.index.of(t);
        if let Some(fm) = sem.alloc.filter(|m| m.free && self.user_space) {
            self.record_free(root, f, i, args, fm.ptr_arg.unwrap_or(0), held, pid);
            return;
        }
        // A C library function reading or writing what it is given
        // (`strcpy(name, …)`): the program's plain access, at the call.
        if let Some(bm) = sem.buffer.filter(|_| self.user_space) {
            let size = const_arg(self.program, self.cg, f, args, bm.size_arg).unwrap_or(0);
            let sides = [
                (&bm.reads, AccessKind::Read),
                (&bm.writes, AccessKind::Write),
            ];
            for (list, kind) in sides {
                for &k in list {
                    if let Some(a) = args.get(k as usize) {
                        self.record(root, f, i, a, size, kind, Marking::Plain, held, pid);
                    }
                }
            }
            // `scanf("%d", &n)`: each variadic argument is written whole.
            if let Some(from) = bm.writes_from {
                for a in args.iter().skip(from as usize) {
                    self.record(
                        root,
                        f,
                        i,
                        a,
                        0,
                        AccessKind::Write,
                        Marking::Plain,
                        held,
                        pid,
                    );
                }
            }
            return;
        }
        let Some(am) = sem.access else { return };
        let Some(a) = args.get(am.arg as usize) else {
            return;
        };
        let kind = match am.access {
            AccessType::Read => AccessKind::Read,
            AccessType::Write => AccessKind::Write,
            AccessType::Rmw => AccessKind::Update,
        };
        let name = match t {
            Target::Defined(g) => self.program.funcs[g as usize].demangled.clone(),
            Target::External(e) => self.program.externals_demangled[e as usize].clone(),
        };
        // A model that does not say how wide the access is (std's atomics,
        // one model for every `Atomic*`): what the function's parameter
        // points to, by its debug-info type (`&AtomicBool`: 1 byte).
        let size = match (am.size, t) {
            (0, Target::Defined(g)) if self.program.language(g) == crate::ir::Language::Rust => {
                pointee_size(self.program, g, am.arg as usize)
            }
            (s, _) => s as u64,
        };
        self.record(
            root,
            f,
            i,
            a,
            size,
            kind,
            Marking::Model(
                name,
                am.ordering_for(const_arg(self.program, self.cg, f, args, am.ordering_arg)),
            ),
            held,
            pid,
        );
    }

    /// The end of a stack slot's life at instruction `i` (a return, or
    /// `llvm.lifetime.end`) writes the whole slot, like a free: a thread
    /// still using a local whose address it was given races with it
    /// unless a join (or other order) puts its use first. User space
    /// only, and not for std's own slots (its frames' bookkeeping).
    fn slot_deaths(&mut self, root: usize, f: FuncId, i: u32, held: &[Held], pid: u32) {
        let Some(deaths) = self.deaths.get(&f) else {
            return;
        };
        let from = deaths.partition_point(|&(d, _)| d < i);
        let slots: Vec<u32> = deaths[from..]
            .iter()
            .take_while(|&&(d, _)| d == i)
            .map(|&(_, a)| a)
            .collect();
        // By where the end is (a user's local inlined into std's
        // `__rust_begin_short_backtrace` ends in the user's code).
        if slots.is_empty() || self.in_rust_std(f, i) {
            return;
        }
        for a in slots {
            self.record(
                root,
                f,
                i,
                &Value::Inst(a),
                0,
                AccessKind::Write,
                Marking::Plain,
                held,
                pid,
            );
        }
    }

    /// A free writes the whole object (size 0 overlaps every byte): a
    /// thread still reading it races with the free (use after free). In a
    /// user-space program only: the kernel frees objects its RCU and
    /// reference counts keep alive, which seam does not model. Frees inside
    /// Rust's std are std's own business (a thread's boxed closure and
    /// result packet, freed under std's synchronisation); a `Box` the user
    /// drops is freed there too, so that case is not seen yet.
    #[allow(clippy::too_many_arguments)]
    fn record_free(
        &mut self,
        root: usize,
        f: FuncId,
        i: u32,
        args: &[Value],
        ptr_arg: u32,
        held: &[Held],
        pid: u32,
    ) {
        let Some(ptr) = args.get(ptr_arg as usize) else {
            return;
        };
        if self.in_rust_std(f, i)
            || crate::program::is_rust_std_fn(&self.program.funcs[f as usize].demangled)
        {
            // Inside std: the user's free only when the user's code
            // dropped what is freed (a `Box`), reported where it did.
            let path = self.out.paths.get(pid);
            let Some(depth) = self.free_owner(f, i, &path) else {
                return;
            };
            let at = if depth == 0 {
                (f, i, pid)
            } else {
                let k = path.len() - depth;
                let (uf, ui) = path[k];
                (uf, ui, self.out.paths.prefix(pid, k))
            };
            self.user_free_at = Some(at);
        }
        self.record(
            root,
            f,
            i,
            ptr,
            0,
            AccessKind::Write,
            Marking::Plain,
            held,
            pid,
        );
        self.user_free_at = None;
    }

    /// `(caller, call, path)` when instruction `i` of `f` is in functions
    /// acting for their caller (core's primitives, std's containers: with
    /// only such frames inlined at it, called through such functions only)
    /// reached from the program's own code, at its call (-O0's out-of-line
    /// `ptr::write(p, v)`, `Vec::push` → `RawVec::grow_one`).
    fn primitive_called_by_user(
        &mut self,
        f: FuncId,
        i: u32,
        pid: u32,
    ) -> Option<(FuncId, u32, u32)> {
        let program = self.program;
        let acts_for_caller = |g: FuncId, k: u32| {
            if !program.acts_for_caller(g) {
                return false;
            }
            let m = program.module_of(g);
            let mut loc = program
                .function(g)
                .insts
                .get(k as usize)
                .and_then(|x| x.loc);
            while let Some(l) = loc.and_then(|l| m.locations.get(l as usize)) {
                let file = m.str(l.file);
                if !crate::program::is_core_primitive_file(file)
                    && !crate::program::is_std_container_file(file)
                {
                    return false;
                }
                loc = l.inlined_at;
            }
            true
        };
        if !acts_for_caller(f, i) {
            return None;
        }
        let path = self.out.paths.get(pid);
        for k in (0..path.len()).rev() {
            let (cf, ci) = path[k];
            // By the call's own frames, not the caller's name: at -O2 a
            // thread's closure inlined into std's
            // `__rust_begin_short_backtrace` makes its calls there (an
            // out-of-line `HashMap::insert`), and they are the user's.
            if !self.in_rust_std(cf, ci) {
                return Some((cf, ci, self.out.paths.prefix(pid, k)));
            }
            if !acts_for_caller(cf, ci) {
                return None;
            }
        }
        None
    }

    /// Is `ptr` a global declared `volatile sig_atomic_t` (a flag a signal
    /// handler sets)? C makes its volatile accesses safe between the
    /// handler and the code it interrupts, so they stay marked in user
    /// space too.
    fn sig_atomic(&self, f: FuncId, ptr: &Value) -> bool {
        let Value::Global { name, offset: 0 } = ptr else {
            return false;
        };
        let module = self.program.funcs[f as usize].module;
        let Some(crate::program::Symbol::Global(g)) = self.program.resolve(module, *name) else {
            return false;
        };
        let m = &self.program.modules[self.program.globals[g as usize].module as usize];
        let mut t = self.program.global(g).di_type;
        for _ in 0..8 {
            let Some(ty) = t.and_then(|t| m.types.get(t as usize)) else {
                return false;
            };
            if ty.name.is_some_and(|n| m.str(n) == "sig_atomic_t") {
                return true;
            }
            let crate::ir::DiTypeKind::Alias { base, .. } = &ty.kind else {
                return false;
            };
            t = *base;
        }
        false
    }

    /// Whose free a free-model call inside Rust's std is: `Some(depth)`
    /// when the program's own code dropped the object through functions
    /// that drop what their caller owns (`[[drop]]` models: `Box`'s drop,
    /// drop glue, `mem::drop`) and frees, `depth` calls up the call path
    /// (0: the call itself, through its inlined frames); `None` for std's
    /// own frees (a thread's closure and result packet, an `Arc`'s last
    /// drop), made under std's synchronisation.
    fn free_owner(&self, f: FuncId, i: u32, path: &[(FuncId, u32)]) -> Option<usize> {
        let frames = path.iter().copied().chain(std::iter::once((f, i)));
        for (depth, (g, k)) in frames.rev().enumerate() {
            match self.index.free_frame(self.program, g, k) {
                FreeFrame::User => return Some(depth),
                FreeFrame::Std => return None,
                FreeFrame::PassThrough => {}
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        root: usize,
        f: FuncId,
        i: u32,
        ptr: &Value,
        size: u64,
        kind: AccessKind,
        marking: Marking,
        held: &[Held],
        pid: u32,
    ) {
        let Some(p) = self.memory.ptr_in(self.program, self.cur_instance, ptr) else {
            return;
        };
        // Plain accesses inside Rust's standard library (Arc's payload,
        // a thread's result packet, Vec internals) follow std's own
        // synchronisation, which seam models at the API (spawn/join, Mutex).
        let mut report_at = self.user_free_at;
        if marking == Marking::Plain
            && report_at.is_none()
            && self.program.std_internal(f, i, false)
        {
            // Unless it is what a primitive of core or a container of std
            // does for the user's code: inlined into it, or called out of
            // line (-O0 `ptr::write(p, v)`, `Vec::push`), the user's
            // access, at the call. Not to a buffer std's container code
            // allocated itself (a `HashMap`'s table): each container's
            // buffers are its own, and unification makes one of all of them.
            if self.in_rust_std(f, i) {
                report_at = self.primitive_called_by_user(f, i, pid);
                if report_at.is_none() {
                    return;
                }
            }
            // An allocation std makes for the user's code (`Box::new`
            // inlined into a thread's closure, itself inlined into std's
            // `__rust_begin_short_backtrace`) is the user's object.
            let std_buffer = |o: &crate::memory::Origin| {
                matches!(o, crate::memory::Origin::Alloc(g, k)
                    if crate::program::is_rust_std_fn(&self.program.funcs[*g as usize].demangled)
                        && self.program.is_std_internal(*g, *k))
            };
            let origins = self.memory.origins(p.node);
            if !origins.is_empty() && origins.iter().all(std_buffer) {
                return;
            }
        }
        // The kernel's `*_ONCE` flags (`WARN_ONCE`, `printk_once`: static
        // bools in `.data.once`) are racy by design: set once, read plainly.
        let marking = if self.memory.origins(p.node).iter().any(|o| match o {
            crate::memory::Origin::Global(g) => {
                let glob = self.program.global(*g);
                let m = &self.program.modules[self.program.globals[*g as usize].module as usize];
                glob.section
                    .map(|sec| m.str(sec) == ".data..once" || m.str(sec) == ".data.once")
                    .unwrap_or(false)
            }
            _ => false,
        }) {
            Marking::DataRace
        } else {
            marking
        };
        // Under pthread_once the access happens once, before every caller
        // goes on: like an object not yet published.
        // So is an access through a parameter the caller handed an object
        // no one else can see yet.
        let prepub = self.entered.once
            || self.prepub.get(&f).is_some_and(|u| {
                u.accesses.contains(&i) || u.through_fresh_param(ptr, self.entered.fresh_params)
            });
        let marking = if self
            .intentional
            .get(&f)
            .map(|s| s.contains(&i))
            .unwrap_or(false)
        {
            Marking::DataRace
        } else {
            marking
        };
        if !self.is_data(p, f, i) {
            return;
        }
        // One instruction can make several accesses (a memcpy's read and
        // write, `strcmp`'s two reads): keyed by what it accesses too.
        let key = (
            f,
            i,
            self.cur_ctx as usize,
            lock_key(held),
            p,
            kind == AccessKind::Read,
        );
        if !self.seen_access.insert(key) {
            return;
        }
        let spread = if takes_index(self.program, self.memory, Some(self.cur_instance), f, ptr) {
            let array = self.memory.di_type(p.node).and_then(|(m, t)| {
                crate::memory::naming::array_at(&self.program.modules[m as usize], t, p.off)
            });
            let func = self.program.function(f);
            let ranges = self
                .ranges
                .entry(f)
                .or_insert_with(|| crate::ir::ranges::IndexRanges::analyze(func));
            let known = index_spread(func, ranges, ptr).map(|s| Spread {
                first: p.off + s.first,
                ..s
            });
            match (known, array) {
                // Inside the array (an index past it is a bug of its own).
                (Some(s), Some(arr)) if arr.0 <= s.first && s.last() + size as i64 <= arr.1 => {
                    self.index_known += 1;
                    Some(s)
                }
                (_, Some(arr)) => Some(Spread::array(arr, p.off)),
                (Some(s), None) if s.count <= MAX_SPREAD_WITHOUT_ARRAY => {
                    self.index_known += 1;
                    Some(s)
                }
                _ => None,
            }
        } else {
            None
        };
        let own_alloc = match ptr {
            Value::Inst(k) if report_at.is_none() => self
                .own
                .get(&f)
                .and_then(|o| o.get(*k as usize).copied().flatten()),
            _ => None,
        };
        let (func, inst, path) = report_at.unwrap_or((f, i, pid));
        self.out.list.push(Access {
            func,
            inst,
            root,
            ptr: p,
            size,
            kind,
            marking,
            lockset: held.to_vec(),
            path,
            prepub,
            ctx: self.cur_ctx,
            instance: self.cur_instance,
            own_alloc,
            spread,
        });
    }
}

/// Does the address `v` of `f`, run as points-to instance `x` (any
/// instance of `f` when `None`), take a run-time index: in its own
/// computation (`arr[i]`, see [`variable_index`]), in what a -O0 pointer
/// variable it is loaded from held (`s = &table[i]; s->hits++`), or in the
/// element pointer a caller handed the parameter it comes from
/// (`addref(&cache[i])`, closed programs)?
pub fn takes_index(
    program: &Program<'_>,
    memory: &Memory,
    x: Option<Instance>,
    f: FuncId,
    v: &Value,
) -> bool {
    let func = program.function(f);
    let mut work: Vec<(Value, u32)> = vec![(v.clone(), 0)];
    let mut seen: Vec<Value> = Vec::new();
    while let Some((v, depth)) = work.pop() {
        if depth > 8 {
            continue;
        }
        match &v {
            Value::Arg(k) => {
                let indexed = match x {
                    Some(x) => memory.indexed_param(x, *k),
                    None => memory.indexed_param_any(f, *k),
                };
                if indexed {
                    return true;
                }
            }
            Value::Inst(i) => match &func.insts[*i as usize].kind {
                InstKind::Gep { index: Some(_), .. } => return true,
                InstKind::Gep { base, .. } | InstKind::Cast { value: base, .. } => {
                    work.push((base.clone(), depth + 1))
                }
                InstKind::Load { ptr, .. } => {
                    for s in memory.slot_values(f, ptr, *i) {
                        if !seen.contains(&s) {
                            seen.push(s.clone());
                            work.push((s, depth + 1));
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    false
}

/// Places an access by run-time index into memory of no known array
/// type may be at before it is taken as at index 0 only (as before index
/// ranges were known).
const MAX_SPREAD_WITHOUT_ARRAY: i64 = 4096;

/// Where the address `v` may be, relative to where it is with every
/// run-time index 0, when every index on its way from a global or a stack
/// slot has a known range: `(first, count, stride)` as a [`Spread`]. From
/// any other base (an argument, a loaded pointer) the base itself may have
/// been taken by an index, and nothing is known.
fn index_spread(
    func: &crate::ir::Function,
    ranges: &crate::ir::ranges::IndexRanges,
    v: &Value,
) -> Option<Spread> {
    let mut v = v.clone();
    // Sum of the indexes' contributions: first, last, and a step all
    // their places are apart by.
    let (mut first, mut last, mut step) = (0i128, 0i128, 0i128);
    let (mut indexed, mut rooted) = (false, false);
    for _ in 0..16 {
        match v {
            Value::Global { .. } => rooted = true,
            Value::Inst(i) => match &func.insts[i as usize].kind {
                InstKind::Alloca { .. } => rooted = true,
                InstKind::Gep {
                    base,
                    offset: Some(_),
                    ..
                }
                | InstKind::Cast { value: base, .. } => v = base.clone(),
                InstKind::Gep {
                    base,
                    offset: None,
                    stride,
                    ..
                } if *stride > 0 => {
                    let r = ranges.get(i)?;
                    let s = *stride as i128;
                    first += r.lo as i128 * s;
                    last += r.hi as i128 * s;
                    if r.lo != r.hi {
                        step = crate::ir::ranges::gcd(step, r.m as i128 * s);
                    }
                    indexed = true;
                    v = base.clone();
                }
                _ => return None,
            },
            _ => return None,
        }
        if rooted {
            break;
        }
    }
    if !indexed || !rooted {
        return None;
    }
    let count = if step == 0 {
        1
    } else {
        (last - first) / step + 1
    };
    Some(Spread {
        first: i64::try_from(first).ok()?,
        count: i64::try_from(count).ok()?,
        stride: i64::try_from(step.max(1)).ok()?,
    })
}

/// Does the address `v` take a run-time index (`arr[i]`, `cache[i].count`),
/// through casts and constant offsets?
pub fn variable_index(func: &crate::ir::Function, v: &Value) -> bool {
    let mut v = v.clone();
    for _ in 0..8 {
        let Value::Inst(i) = v else { return false };
        match &func.insts[i as usize].kind {
            InstKind::Gep { index: Some(_), .. } => return true,
            InstKind::Gep { base, .. } | InstKind::Cast { value: base, .. } => v = base.clone(),
            _ => return false,
        }
    }
    false
}

/// Where a function's code lives, as far as kernel section rules go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CodeSection {
    Text,
    /// `.init.text*` / `.exit.text*`: freed or discarded after boot.
    InitExit,
    /// `.ref.text` (`__ref`): allowed to call init code.
    Ref,
}

fn code_section(program: &Program<'_>, f: FuncId) -> CodeSection {
    let func = program.function(f);
    let Some(s) = func.section else {
        return CodeSection::Text;
    };
    let s = program.module_of(f).str(s);
    if s.starts_with(".init.text") || s.starts_with(".exit.text") {
        CodeSection::InitExit
    } else if s.starts_with(".ref.text") {
        CodeSection::Ref
    } else {
        CodeSection::Text
    }
}

fn marking(volatile: bool, ordering: Ordering) -> Marking {
    if ordering != Ordering::NotAtomic {
        Marking::Atomic(ordering)
    } else if volatile {
        Marking::Volatile
    } else {
        Marking::Plain
    }
}

fn lock_key(held: &[Held]) -> EntryLocks {
    let mut v: Vec<(LockId, LockMode)> = held.iter().map(|h| (h.lock, h.mode)).collect();
    v.sort_by_key(|x| (x.0, x.1 == LockMode::Write));
    v
}

/// `(entry ∪ plus) − minus`.
pub fn absolute(entry: &[Held], rel: &RelState) -> Vec<Held> {
    let mut out: Vec<Held> = entry
        .iter()
        .filter(|h| !rel.minus.contains(&h.lock) && !rel.plus.iter().any(|p| p.lock == h.lock))
        .copied()
        .collect();
    out.extend(rel.plus.iter().copied());
    out.sort_by_key(|h| h.lock);
    out
}

/// Width of an asm memory operand, from the instruction suffix (`incl` 4,
/// `xaddq` 8, arm64 `ldxr w`/`x` registers); 4 when nothing says.
fn asm_operand_size(asm: &str) -> u64 {
    let text = asm.rsplit(';').next().unwrap_or(asm);
    for word in text.split(|c: char| c.is_whitespace() || c == ';') {
        let w = word.trim();
        if w.is_empty() || w.starts_with('.') || w.starts_with('$') || w.ends_with(':') {
            continue;
        }
        if w.chars().all(|c| c.is_ascii_alphabetic()) && w.len() > 2 && w != "lock" {
            return match w.as_bytes()[w.len() - 1] {
                b'q' => 8,
                b'w' if !w.starts_with("ld") && !w.starts_with("st") => 2,
                b'b' if w != "sub" => 1,
                _ => {
                    if text.contains("%x") || text.contains("${1:x}") {
                        8
                    } else {
                        4
                    }
                }
            };
        }
    }
    4
}

/// Instructions between KCSAN's `kcsan_disable_current()` and
/// `kcsan_enable_current()` (what `data_race(expr)` expands to in a KCSAN
/// build): intentionally racy.
fn kcsan_regions(program: &Program<'_>, f: FuncId) -> HashSet<u32> {
    let func = program.function(f);
    let module = program.funcs[f as usize].module;
    let mut disables = Vec::new();
    let mut enables = Vec::new();
    for (i, inst) in func.insts.iter().enumerate() {
        if let InstKind::Call {
            callee: Callee::Direct(name),
            ..
        } = &inst.kind
        {
            match program.modules[module as usize].str(*name) {
                "kcsan_disable_current" | "__kcsan_disable_current" => disables.push(i as u32),
                "kcsan_enable_current" | "__kcsan_enable_current" => enables.push(i as u32),
                _ => {}
            }
        }
    }
    let mut out = HashSet::default();
    if disables.is_empty() {
        return out;
    }
    for (i, inst) in func.insts.iter().enumerate() {
        let i = i as u32;
        if !inst.kind.is_memory_access() && !matches!(inst.kind, InstKind::Call { .. }) {
            continue;
        }
        let inside = disables.iter().any(|&d| {
            crate::locks::reaches(func, d, i)
                && !enables.iter().any(|&e| {
                    crate::locks::reaches(func, d, e) && crate::locks::reaches(func, e, i) && e != i
                })
        });
        if inside {
            out.insert(i);
        }
    }
    out
}

/// Locks `seam.toml` says a root is called with: by source name
/// (`struct phy_device.lock`, as findings print it) or by parameter and
/// byte offset (`arg0+16`).
fn entry_locks(
    program: &Program<'_>,
    memory: &Memory,
    locks: &Locks,
    f: FuncId,
    holds: &[String],
) -> Vec<Held> {
    let mut out = Vec::new();
    for h in holds {
        let h = h.trim();
        let by_param = h.strip_prefix("arg").and_then(|rest| {
            let (n, off) = match rest.split_once('+') {
                Some((n, o)) => (n, o.trim().parse::<i64>().ok()?),
                None => (rest, 0),
            };
            let p = memory.param_ptr(f, n.trim().parse().ok()?)?;
            locks.find(&crate::locks::LockKey::Object(memory.norm(Ptr {
                node: p.node,
                off: p.off + off,
            })))
        });
        let id = by_param.or_else(|| {
            (0..locks.infos.len() as LockId).find(|&l| match &locks.info(l).key {
                crate::locks::LockKey::Object(p) => {
                    memory.lock_name(program, *p) == h || memory.location_name(program, *p) == h
                }
                crate::locks::LockKey::Symbol(g, 0) => program.global_source_name(*g) == h,
                crate::locks::LockKey::Symbol(..) => false,
                crate::locks::LockKey::Global(k) => {
                    *k == LockKind::Rcu && h.eq_ignore_ascii_case("rcu")
                }
            })
        });
        if let Some(lock) = id {
            out.push(Held {
                lock,
                mode: LockMode::Write,
                site: (f, 0),
                from_parent: false,
            });
        }
    }
    out.sort_by_key(|h| h.lock);
    out.dedup_by_key(|h| h.lock);
    out
}

/// Size of what source parameter `k` of `g` points to, per its debug-info
/// type (0 when unknown).
fn pointee_size(program: &Program<'_>, g: FuncId, k: usize) -> u64 {
    use crate::ir::DiTypeKind;
    let func = program.function(g);
    let Some(t) = func
        .source_params
        .get(k)
        .copied()
        .flatten()
        .or_else(|| func.params.get(k).and_then(|p| p.di_type))
    else {
        return 0;
    };
    let types = &program.module_of(g).types;
    let t = crate::memory::strip_alias(types, t);
    match types.get(t as usize).map(|x| &x.kind) {
        Some(DiTypeKind::Pointer { pointee: Some(p) }) => {
            let p = crate::memory::strip_alias(types, *p);
            types.get(p as usize).map_or(0, |x| x.size)
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Contexts and their callers (context, call site), all reached by root
    /// 0 only, whose entry is context 0.
    fn graph(callers: Vec<Vec<(u32, CallSite)>>) -> Accesses {
        let n = callers.len();
        Accesses {
            list: Vec::new(),
            ctx_roots: vec![vec![0]; n],
            ctx_callers: callers,
            ctx_first: vec![(0, CallPaths::EMPTY); n],
            paths: CallPaths::default(),
            access_paths: HashMap::default(),
            bad_releases: Vec::new(),
            root_ctx: vec![Some(0)],
            handoffs: Vec::new(),
        }
    }

    #[test]
    fn cheapest_path_avoids_guessed_calls_then_takes_the_shortest() {
        // 0 -> 1 -> 3 through two function pointers (sites in function 9);
        // 0 -> 2 -> 4 -> 3 by direct calls; 0 -> 5 -> 4 as short as 2's.
        let g = graph(vec![
            vec![],
            vec![(0, (9, 1))],
            vec![(0, (1, 1))],
            vec![(1, (9, 2)), (4, (4, 1))],
            vec![(2, (2, 1)), (5, (5, 1))],
            vec![(0, (1, 2))],
        ]);
        let guessed = |s: CallSite| s.0 == 9;
        let (n, path) = g.cheapest_path(0, 3, &guessed, 9, 100).unwrap();
        assert_eq!(n, 0);
        assert_eq!(path.len(), 3);
        assert_eq!(path.last(), Some(&(4, 1)));
        // With nothing guessed, the two-call path wins.
        let (n, path) = g.cheapest_path(0, 3, &|_| false, 9, 100).unwrap();
        assert_eq!((n, path), (0, vec![(9, 1), (9, 2)]));
        // A root that reaches nothing, and a search cut short.
        assert!(g.cheapest_path(1, 3, &guessed, 9, 100).is_none());
        assert!(g.cheapest_path(0, 3, &guessed, 9, 2).is_none());
        // Nothing better than a limit of no guessed call at all.
        assert!(g.cheapest_path(0, 3, &guessed, 0, 100).is_none());
    }
}
