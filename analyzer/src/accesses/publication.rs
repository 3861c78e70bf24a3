//! Accesses to a freshly allocated object (heap or stack) before it is
//! published.
//!
//! A probe function allocates its device, fills it in, and only then hands
//! it to `request_irq` or stores it where others can find it. Until that
//! first escape, nothing else can see the object, so those accesses cannot
//! race. Intraprocedural: an access through a pointer derived (GEP/cast) from
//! an allocation in the same function is pre-publication when no escape of
//! that allocation can reach it in the control-flow graph.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::callgraph::CallGraph;
use crate::ir::{Function, InstKind, Ordering, Value};
use crate::locks::FunctionLocks;
use crate::program::{FuncId, ModelIndex, Program, Target};

/// How deep `returns_fresh` follows allocating helpers (`sock_alloc` →
/// `new_inode_pseudo` → `alloc_inode`).
const MAX_FRESH_DEPTH: u32 = 3;

/// Rounds of following -O0 variable slots into slots: unoptimised
/// `kmem_cache_alloc` (`alloc_hooks`' statement expressions) keeps the
/// new object in four slots one after the other before the caller's own.
const MAX_SLOT_ROUNDS: usize = 8;

/// Times a member of a recursive SCC may change its `ParamUse` while the
/// SCC is solved before it is taken to keep everything.
const MAX_SCC_ROUNDS: u32 = 16;

/// What the publication test needs to know of callees, computed on demand:
/// which return a fresh heap object nothing else has seen (`sock_alloc`, a
/// driver's `foo_alloc_priv`), and what a C function does with the pointers
/// it is given (`ParamUse`).
#[derive(Default)]
pub struct CalleeFacts {
    fresh: HashMap<FuncId, bool>,
    /// Per C function, worked out callees first (`CalleeFacts::new`).
    params: HashMap<FuncId, ParamUse>,
}

impl CalleeFacts {
    /// Works out every C function's `ParamUse`, callees first, so that a
    /// function's summary uses its callees' (a call to a function with no
    /// summary keeps every argument). A recursive SCC (the kernel's
    /// largest holds thousands of functions, joined by indirect calls) is
    /// solved together: its members start keeping nothing, and a member
    /// is summarised again whenever a callee of the SCC keeps more, until
    /// nothing changes. What a member keeps only grows, so this ends.
    pub fn new(program: &Program<'_>, cg: &CallGraph, index: &ModelIndex<'_>) -> CalleeFacts {
        let mut facts = CalleeFacts::default();
        let mut in_scc: HashMap<FuncId, usize> = HashMap::default();
        let (mut recursive, mut largest, mut resummarised) = (0usize, 0usize, 0usize);
        for (s, scc) in cg.sccs.iter().enumerate() {
            let members: Vec<FuncId> = scc
                .iter()
                .copied()
                .filter(|&g| {
                    let func = program.function(g);
                    !func.is_declaration && func.language == crate::ir::Language::C
                })
                .collect();
            if members.len() == 1 {
                let g = members[0];
                let found = summarise_params(program, cg, index, &mut facts, g);
                facts.params.insert(g, found);
                continue;
            }
            recursive += 1;
            largest = largest.max(members.len());
            for &g in &members {
                in_scc.insert(g, s);
                let n = program.function(g).params.len();
                facts.params.insert(g, ParamUse::keeping_nothing(n));
            }
            let mut work: Vec<FuncId> = members.clone();
            let mut queued: HashSet<FuncId> = members.iter().copied().collect();
            let mut rounds: HashMap<FuncId, u32> = HashMap::default();
            while let Some(g) = work.pop() {
                queued.remove(&g);
                let old = facts.params[&g];
                let found = summarise_params(program, cg, index, &mut facts, g);
                let mut now = ParamUse {
                    kept: old.kept | found.kept,
                    returns: found.returns,
                };
                if now == old {
                    continue;
                }
                resummarised += 1;
                // A result that keeps changing what it hands back is
                // given up on.
                let r = rounds.entry(g).or_default();
                *r += 1;
                if *r > MAX_SCC_ROUNDS {
                    now = ParamUse::ALL_KEPT;
                }
                facts.params.insert(g, now);
                for e in &cg.callers[g as usize] {
                    if in_scc.get(&e.caller) == Some(&s) && queued.insert(e.caller) {
                        work.push(e.caller);
                    }
                }
            }
        }
        if std::env::var_os("SEAM_TIMINGS").is_some() {
            eprintln!(
                "seam: publication: {} C functions summarised, {recursive} recursive SCCs (largest {largest} C functions), {resummarised} summaries changed while solving them",
                facts.params.len()
            );
        }
        if let Ok(names) = std::env::var("SEAM_DEBUG_PARAMS") {
            for name in names.split(',') {
                for (f, u) in &facts.params {
                    if program.funcs[*f as usize].demangled == name {
                        eprintln!(
                            "seam: params: {name}: kept {:#x} of {} parameters, returns {:?}, recursive SCC {}",
                            u.kept,
                            program.function(*f).params.len(),
                            u.returns,
                            in_scc.contains_key(f)
                        );
                    }
                }
            }
        }
        facts
    }
}

/// What a C function does with its pointer parameters. Unoptimised code
/// (the kernel's embedded bitcode is clang's module before its passes)
/// calls `spinlock_check`, `INIT_LIST_HEAD` and a driver's own
/// `foo_init_queue(&dev->q)` out of line: handing a fresh object's address
/// to such a helper publishes nothing unless the helper keeps it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ParamUse {
    /// A bit per parameter (the first 64; any later one counts as kept):
    /// may the address it holds be kept where another thread can find it
    /// (stored outside the object itself, passed on to a call that keeps it
    /// or that seam does not know, returned when the return is not
    /// `returns`)?
    kept: u64,
    /// The parameter every return hands back (derived from it: `return
    /// &lock->rlock`), so a caller follows the object through the result.
    returns: Option<usize>,
}

impl ParamUse {
    const ALL_KEPT: ParamUse = ParamUse {
        kept: u64::MAX,
        returns: None,
    };

    /// Keeps none of its `n` parameters (arguments past them, `...`,
    /// are kept) and hands none back.
    fn keeping_nothing(n: usize) -> ParamUse {
        ParamUse {
            kept: if n >= 64 { 0 } else { u64::MAX << n },
            returns: None,
        }
    }

    fn keeps(&self, k: usize) -> bool {
        k >= 64 || self.kept & (1u64 << k) != 0
    }

    fn keep(&mut self, k: u32) {
        if k < 64 {
            self.kept |= 1u64 << k;
        }
    }
}

/// The allocations of one function and where each escapes.
struct Local {
    /// Per instruction: the allocation its value points into.
    origin: Vec<Option<u32>>,
    /// (allocation, instruction) pairs where the allocation escapes.
    escapes: Vec<(u32, u32)>,
    /// Escapes that order nothing before them: a Relaxed atomic store,
    /// exchange or compare-exchange of the pointer (LLVM's, or a marked
    /// write model's), with no lock held. A thread that loads the pointer
    /// from there is not ordered after the owner's earlier accesses.
    unordered: HashSet<u32>,
    /// Escapes that are calls into Rust's library (not a model's): drop
    /// glue, `Deref`, a container's method. They lend the pointer for the
    /// call; unification makes one object of everything of the type such
    /// a function is given, so they say nothing of another thread.
    lent_to_std: HashSet<u32>,
    /// Allocations that are heap objects (allocator or fresh-returning call).
    heap: HashSet<u32>,
    /// Parameters are origins too, parameter `k` as `insts.len() + k`
    /// (for `param_use`).
    params: bool,
}

/// What a function's own code shows not yet published (see
/// `prepublication`).
#[derive(Default)]
pub struct Unpublished {
    /// Accesses to an object of the function's own before it escapes.
    pub accesses: HashSet<u32>,
    /// Per call: the arguments (a bit per index) pointing into an object
    /// of the function's own that nothing has published by then, and that
    /// the call does not publish either. A callee that keeps none of them
    /// (`CalleeFacts`) works on an unpublished object through them.
    pub fresh_args: HashMap<u32, u64>,
    /// Per instruction: the parameter its value points into, if any.
    param_of: Vec<Option<u32>>,
}

impl Unpublished {
    /// Does the pointer `v` point (through offsets, casts and -O0's
    /// variable slots) into the object of a parameter in `fresh` (a bit
    /// per index)?
    pub fn through_fresh_param(&self, v: &Value, fresh: u64) -> bool {
        let k = match v {
            Value::Arg(k) => Some(*k),
            Value::Inst(i) => self.param_of.get(*i as usize).copied().flatten(),
            _ => None,
        };
        k.is_some_and(|k| k < 64 && fresh & (1u64 << k) != 0)
    }
}

/// The parameters (a bit per index, the first 64) C function `g` may keep
/// where another thread finds them when `f` calls it; all of them unless
/// both are C (see `ParamUse`).
pub fn kept_params(program: &Program<'_>, callees: &CalleeFacts, f: FuncId, g: FuncId) -> u64 {
    if summarised(program, f, g) {
        param_use(callees, g).kept
    } else {
        u64::MAX
    }
}

/// What `f`'s own code shows not yet published: accesses to an allocation
/// of its own before the allocation escapes, and the calls that hand such
/// an object on.
pub fn prepublication(
    program: &Program<'_>,
    cg: &CallGraph,
    index: &ModelIndex<'_>,
    callees: &mut CalleeFacts,
    locks: &FunctionLocks,
    f: FuncId,
) -> Unpublished {
    let func = program.function(f);
    let Some(local) = locals(program, cg, index, callees, f, 0, true) else {
        return Unpublished::default();
    };
    let n = func.insts.len() as u32;
    let param_of: Vec<Option<u32>> = local
        .origin
        .iter()
        .map(|o| o.and_then(|o| o.checked_sub(n)))
        .collect();
    // A Relaxed store publishing the pointer orders nothing, unless a lock
    // is held around it (the reader takes it too) or a release fence
    // comes between the access and it.
    let weak: Vec<(u32, u32)> = local
        .escapes
        .iter()
        .copied()
        .filter(|(_, i)| {
            local.unordered.contains(i) && locks.before.get(i).is_none_or(|s| s.plus.is_empty())
        })
        .collect();
    // An allocation of `f`'s own (not a parameter's object).
    let derived = |v: &Value| -> Option<u32> { local_origin(&local, n, v).filter(|&a| a < n) };
    let block_of = block_index(func);
    let mut out = HashSet::default();
    // Accesses per allocation, then one reachability walk per allocation
    // that has any (pre-optimisation code has an alloca per local).
    let mut escapes_of: HashMap<u32, Vec<u32>> = Default::default();
    for &(a, i) in &local.escapes {
        escapes_of.entry(a).or_default().push(i);
    }
    let mut accesses: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
    for (i, inst) in func.insts.iter().enumerate() {
        let ptr = match &inst.kind {
            InstKind::Load { ptr, .. } | InstKind::Store { ptr, .. } => ptr,
            InstKind::MemSet { dst, .. } => dst,
            // A copy into the object from a local nothing else ever sees
            // (-O0 builds a struct literal's array in a temporary, filled
            // in a loop, and copies it in): its read cannot race either,
            // so the copy is judged by its destination. The temporary's
            // only escapes are the copy and phis or selects that stay
            // pointers into it (whose own uses are its escapes too).
            InstKind::MemCopy { dst, src, .. }
                if derived(src).is_some_and(|s| {
                    escapes_of.get(&s).is_none_or(|es| {
                        es.iter().all(|&e| {
                            e == i as u32
                                || (matches!(
                                    func.insts[e as usize].kind,
                                    InstKind::Phi { .. } | InstKind::Select { .. }
                                ) && stays_local(func, e))
                        })
                    })
                }) =>
            {
                dst
            }
            _ => continue,
        };
        if let Some(a) = derived(ptr) {
            accesses.entry(a).or_default().push(i as u32);
        }
    }
    // Calls handing an allocation on, per allocation: (call, argument).
    let mut handed: std::collections::BTreeMap<u32, Vec<(u32, usize)>> = Default::default();
    for (i, inst) in func.insts.iter().enumerate() {
        if let InstKind::Call { args, .. } = &inst.kind {
            for (k, v) in args.iter().enumerate().take(64) {
                if let Some(a) = derived(v) {
                    handed.entry(a).or_default().push((i as u32, k));
                }
            }
        }
    }
    for a in handed.keys() {
        accesses.entry(*a).or_default();
    }
    let mut fresh_args: HashMap<u32, u64> = HashMap::default();
    let direct_slots = direct_slots(func, &local.heap);
    for (a, insts) in accesses {
        let escapes = || escapes_of.get(&a).into_iter().flatten().copied();
        let reach = reachable_after(func, &block_of, escapes(), None);
        let before_weak = reaching_before(
            func,
            &block_of,
            weak.iter().filter(|(x, _)| *x == a).map(|(_, i)| *i),
            |i| release_fence(program, cg, index, f, i),
        );
        // A heap allocation in a loop makes a new object every round: an
        // access through the allocation's own value (not a copy kept from
        // an earlier round) after the next allocation is to the new,
        // unpublished one (`a = malloc(…); a->id = i; pthread_create(…, a)`
        // in a loop).
        let renewed = local
            .heap
            .contains(&a)
            .then(|| reachable_after(func, &block_of, escapes(), Some(a)));
        out.extend(insts.into_iter().filter(|i| {
            (!reach.contains(i)
                || renewed.as_ref().is_some_and(|r| {
                    !r.contains(i) && through_allocation(func, *i, a, &direct_slots)
                }))
                && !before_weak.contains(i)
        }));
        // A call that is itself an escape of the object still hands it on
        // fresh: the walk drops the bits of the targets that keep it
        // (`kept_params`, all of them for a call seam does not summarise)
        // and leaves them for the others, as for the one version of an ops
        // table's method that keeps nothing.
        for &(i, k) in handed.get(&a).into_iter().flatten() {
            if !reach.contains(&i) && !before_weak.contains(&i) {
                *fresh_args.entry(i).or_default() |= 1u64 << k;
            }
        }
    }
    Unpublished {
        accesses: out,
        fresh_args,
        param_of,
    }
}

/// Is the pointer instruction `v` of `func` (a phi walking a local array)
/// used only to address memory, compare, and make more such pointers:
/// never stored, passed or returned?
fn stays_local(func: &Function, v: u32) -> bool {
    let mut seen: HashSet<u32> = HashSet::default();
    let mut work = vec![v];
    while let Some(p) = work.pop() {
        if !seen.insert(p) {
            continue;
        }
        let me = Value::Inst(p);
        for (u, inst) in func.insts.iter().enumerate() {
            let mut uses = false;
            inst.kind.for_each_operand(|x| uses |= *x == me);
            if !uses {
                continue;
            }
            match &inst.kind {
                InstKind::Gep { index, .. } if index.as_ref() != Some(&me) => work.push(u as u32),
                InstKind::Cast { .. } | InstKind::Phi { .. } | InstKind::Select { .. } => {
                    work.push(u as u32)
                }
                InstKind::ICmp { .. } | InstKind::Load { .. } => {}
                InstKind::Store { value, .. } if *value != me => {}
                InstKind::MemSet { .. } => {}
                InstKind::MemCopy { .. } => {}
                _ => return false,
            }
        }
    }
    true
}

/// Where the stack slots of `f` whose address escapes end their life:
/// (instruction, alloca) pairs, by instruction. A slot with
/// `llvm.lifetime.end` markers (optimised code) dies at each of them;
/// one without (-O0, and a parameter's slot) at each return of `f`. Only
/// ends some escape of the slot's address can come before are listed:
/// before that, no one else can hold it. A call into Rust's library is
/// not such an escape here (see `Local::lent_to_std`).
pub fn slot_deaths(
    program: &Program<'_>,
    cg: &CallGraph,
    index: &ModelIndex<'_>,
    callees: &mut CalleeFacts,
    f: FuncId,
) -> Vec<(u32, u32)> {
    let func = program.function(f);
    let Some(local) = locals(program, cg, index, callees, f, 0, false) else {
        return Vec::new();
    };
    let mut escapes_of: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
    for &(a, i) in &local.escapes {
        if matches!(func.insts[a as usize].kind, InstKind::Alloca { .. })
            && !local.lent_to_std.contains(&i)
        {
            escapes_of.entry(a).or_default().push(i);
        }
    }
    if escapes_of.is_empty() {
        return Vec::new();
    }
    let mut ends: HashMap<u32, Vec<u32>> = HashMap::default();
    let mut rets: Vec<u32> = Vec::new();
    for (i, inst) in func.insts.iter().enumerate() {
        match &inst.kind {
            InstKind::LifetimeEnd {
                ptr: Value::Inst(p),
            } => {
                if let Some(a) = local.origin.get(*p as usize).copied().flatten() {
                    ends.entry(a).or_default().push(i as u32);
                }
            }
            InstKind::Ret { .. } => rets.push(i as u32),
            _ => {}
        }
    }
    let block_of = block_index(func);
    let mut out = Vec::new();
    for (a, escapes) in escapes_of {
        let reach = reachable_after(func, &block_of, escapes.into_iter(), None);
        let at = ends.get(&a).unwrap_or(&rets);
        out.extend(at.iter().filter(|d| reach.contains(d)).map(|&d| (d, a)));
    }
    out.sort_unstable();
    out
}

/// -O0 variable slots every store to which stores one heap allocation's
/// result itself (`p = malloc(…)`), by slot.
fn direct_slots(func: &Function, heap: &HashSet<u32>) -> HashMap<u32, u32> {
    let mut out: HashMap<u32, Option<u32>> = HashMap::default();
    for inst in &func.insts {
        let InstKind::Store {
            ptr: Value::Inst(s),
            value,
            ..
        } = &inst.kind
        else {
            continue;
        };
        if !matches!(
            func.insts.get(*s as usize).map(|x| &x.kind),
            Some(InstKind::Alloca { .. })
        ) {
            continue;
        }
        let direct = match value {
            Value::Inst(v) if heap.contains(v) => Some(*v),
            _ => None,
        };
        let e = out.entry(*s).or_insert(direct);
        if *e != direct {
            *e = None;
        }
    }
    out.into_iter().filter_map(|(s, a)| Some((s, a?))).collect()
}

/// Does the access at `i` go through allocation `a`'s result itself (with
/// casts and constant offsets), or through a slot only ever holding it?
fn through_allocation(func: &Function, i: u32, a: u32, direct_slots: &HashMap<u32, u32>) -> bool {
    let mut v = match &func.insts[i as usize].kind {
        InstKind::Load { ptr, .. } | InstKind::Store { ptr, .. } => ptr.clone(),
        InstKind::MemSet { dst, .. } => dst.clone(),
        _ => return false,
    };
    for _ in 0..8 {
        let Value::Inst(k) = v else { return false };
        if k == a {
            return true;
        }
        match &func.insts[k as usize].kind {
            InstKind::Gep { base, .. } | InstKind::Cast { value: base, .. } => v = base.clone(),
            InstKind::Load {
                ptr: Value::Inst(s),
                ..
            } => return direct_slots.get(s) == Some(&a),
            _ => return false,
        }
    }
    false
}

/// Per instruction of `f`: the allocation of `f` (a stack slot, an
/// allocator call, a call of a helper returning a fresh object) its value
/// points into, followed through casts, offsets and -O0's variable slots.
/// Each run of `f` makes its own: two threads running `f` reach two objects
/// through it.
pub fn own_allocations(
    program: &Program<'_>,
    cg: &CallGraph,
    index: &ModelIndex<'_>,
    callees: &mut CalleeFacts,
    f: FuncId,
) -> Vec<Option<u32>> {
    locals(program, cg, index, callees, f, 0, false)
        .map(|l| l.origin)
        .unwrap_or_default()
}

/// Does `f` return a heap object it allocated (or got from another such
/// helper) and let escape nowhere but through its return?
fn returns_fresh(
    program: &Program<'_>,
    cg: &CallGraph,
    index: &ModelIndex<'_>,
    callees: &mut CalleeFacts,
    f: FuncId,
    depth: u32,
) -> bool {
    if let Some(&v) = callees.fresh.get(&f) {
        return v;
    }
    if depth > MAX_FRESH_DEPTH || !program.function(f).returns_ptr {
        return false;
    }
    // Recursion (or a deeper query) meets `false` until this one is known.
    callees.fresh.insert(f, false);
    let func = program.function(f);
    let v = locals(program, cg, index, callees, f, depth, false).is_some_and(|local| {
        let mut returned: Option<u32> = None;
        for inst in &func.insts {
            let InstKind::Ret { value: Some(v) } = &inst.kind else {
                continue;
            };
            let a = match v {
                Value::Null => continue,
                Value::Inst(i) => local.origin.get(*i as usize).copied().flatten(),
                _ => None,
            };
            match (a, returned) {
                (Some(a), None) if local.heap.contains(&a) => returned = Some(a),
                (Some(a), Some(r)) if a == r => {}
                _ => return false,
            }
        }
        let Some(a) = returned else { return false };
        local
            .escapes
            .iter()
            .all(|&(x, i)| x != a || matches!(func.insts[i as usize].kind, InstKind::Ret { .. }))
    });
    callees.fresh.insert(f, v);
    v
}

/// What C function `g` does with its pointer parameters (see `ParamUse`):
/// every one kept when it has no summary.
fn param_use(callees: &CalleeFacts, g: FuncId) -> ParamUse {
    callees
        .params
        .get(&g)
        .copied()
        .unwrap_or(ParamUse::ALL_KEPT)
}

/// Works out `g`'s `ParamUse` from its code and its callees' summaries.
fn summarise_params(
    program: &Program<'_>,
    cg: &CallGraph,
    index: &ModelIndex<'_>,
    callees: &mut CalleeFacts,
    g: FuncId,
) -> ParamUse {
    let func = program.function(g);
    match locals(program, cg, index, callees, g, 0, true) {
        None => ParamUse::ALL_KEPT,
        Some(local) => {
            let base = func.insts.len() as u32;
            let mut facts = ParamUse::keeping_nothing(func.params.len());
            let mut returned: Vec<u32> = Vec::new();
            for &(a, i) in &local.escapes {
                let Some(k) = a.checked_sub(base) else {
                    continue;
                };
                if matches!(func.insts[i as usize].kind, InstKind::Ret { .. }) {
                    returned.push(k);
                } else {
                    facts.keep(k);
                }
            }
            returned.sort_unstable();
            returned.dedup();
            // Every return hands back one parameter's object (or none):
            // the caller follows it. Otherwise a returned parameter is kept.
            let all_returns_it = |k: u32| {
                func.insts.iter().all(|inst| match &inst.kind {
                    InstKind::Ret { value: Some(v) } => {
                        matches!(v, Value::Null) || local_origin(&local, base, v) == Some(base + k)
                    }
                    _ => true,
                })
            };
            match returned[..] {
                [k] if all_returns_it(k) => facts.returns = Some(k as usize),
                _ => returned.iter().for_each(|&k| facts.keep(k)),
            }
            facts
        }
    }
}

/// The allocation (or, with parameters as origins, the parameter
/// `base + k`) value `v` points into.
fn local_origin(local: &Local, base: u32, v: &Value) -> Option<u32> {
    match v {
        Value::Inst(i) => local.origin.get(*i as usize).copied().flatten(),
        Value::Arg(k) if local.params => Some(base + k),
        _ => None,
    }
}

/// What call `i` of `f` does with its arguments, when seam follows them
/// through `ParamUse`s: a defined C function called from C, or an indirect
/// call whose targets points-to found (not guessed by signature), all of
/// them such functions (`NFS_PROTO(inode)->decode_dirent(xdr, entry, …)`).
/// An indirect call keeps what any target keeps, and hands back a
/// parameter only when every target returns that one.
fn call_use(
    program: &Program<'_>,
    cg: &CallGraph,
    callees: &CalleeFacts,
    f: FuncId,
    i: u32,
    callee: &crate::ir::Callee,
) -> Option<ParamUse> {
    let module = program.funcs[f as usize].module;
    match callee {
        crate::ir::Callee::Indirect(_) => {
            let targets = cg.targets(f, i);
            if targets.is_empty()
                || cg.guessed_sites.contains(&(f, i))
                || !targets.iter().all(|&g| summarised(program, f, g))
            {
                return None;
            }
            // Runs once per call per slot round: no list of the uses.
            let first = param_use(callees, targets[0]).returns;
            let mut all = ParamUse {
                kept: 0,
                returns: first,
            };
            let mut returned = ParamUse {
                kept: 0,
                returns: None,
            };
            for &g in targets {
                let u = param_use(callees, g);
                all.kept |= u.kept;
                if u.returns != first {
                    all.returns = None;
                }
                if let Some(k) = u.returns {
                    returned.keep(k as u32);
                }
            }
            // Targets that disagree on what they hand back keep it.
            if all.returns.is_none() {
                all.kept |= returned.kept;
            }
            Some(all)
        }
        _ => match program.call_target(module, callee)? {
            Target::Defined(g) if summarised(program, f, g) => Some(param_use(callees, g)),
            _ => None,
        },
    }
}

/// Does a call from `f` to `g` follow `g`'s `ParamUse`: two distinct C
/// functions (Rust's generic std helpers are judged by `lent_to_std`)?
fn summarised(program: &Program<'_>, f: FuncId, g: FuncId) -> bool {
    let c = crate::ir::Language::C;
    f != g && program.function(f).language == c && program.function(g).language == c
}

/// The allocations of `f` (allocas, allocator calls, calls of helpers
/// returning a fresh object), the values derived from them, and their
/// escapes. A local variable slot (an alloca only ever loaded from and
/// stored to, as unoptimised code keeps `p = kzalloc(…)`) passes on the
/// allocation stored into it rather than being an escape.
fn locals(
    program: &Program<'_>,
    cg: &CallGraph,
    index: &ModelIndex<'_>,
    callees: &mut CalleeFacts,
    f: FuncId,
    depth: u32,
    params: bool,
) -> Option<Local> {
    let func = program.function(f);
    let module = program.funcs[f as usize].module;
    let n = func.insts.len();
    let slots = variable_slots(func);
    let mut origin: Vec<Option<u32>> = vec![None; n];
    let mut heap = HashSet::default();
    let mut any = params && !func.params.is_empty();
    // The origin of an operand, as far as `origin` is known.
    let origin_of = |origin: &[Option<u32>], v: &Value| -> Option<u32> {
        match v {
            Value::Inst(i) => origin.get(*i as usize).copied().flatten(),
            Value::Arg(k) if params => Some(n as u32 + k),
            _ => None,
        }
    };
    // What each slot holds: the one allocation every store into it puts
    // there (null aside), else nothing. Rounds: a slot's loads may come
    // before its stores in the layout, and slots feed slots.
    let mut slot_holds: HashMap<u32, u32> = HashMap::default();
    for _round in 0..MAX_SLOT_ROUNDS {
        for (i, inst) in func.insts.iter().enumerate() {
            origin[i] = match &inst.kind {
                // A local (`struct klist_waiter waiter`) is filled in before
                // its address is handed out (`list_add(&waiter.list, …)`).
                InstKind::Alloca { .. } => {
                    any = true;
                    Some(i as u32)
                }
                InstKind::Call { callee, args, .. } => match program.call_target(module, callee) {
                    // Thread-specific data may have been published by an
                    // earlier call: not a fresh object.
                    Some(t)
                        if index
                            .of(t)
                            .alloc
                            .is_some_and(|a| !a.free && !a.thread_private) =>
                    {
                        any = true;
                        heap.insert(i as u32);
                        Some(i as u32)
                    }
                    Some(Target::Defined(g))
                        if depth < MAX_FRESH_DEPTH
                            && g != f
                            && returns_fresh(program, cg, index, callees, g, depth + 1) =>
                    {
                        any = true;
                        heap.insert(i as u32);
                        Some(i as u32)
                    }
                    // A helper handing back the object it was given
                    // (`spinlock_check(lock)` returns `&lock->rlock`).
                    _ => call_use(program, cg, callees, f, i as u32, callee)
                        .and_then(|u| u.returns)
                        .and_then(|k| args.get(k))
                        .and_then(|v| origin_of(&origin, v)),
                },
                InstKind::Gep { base, .. } | InstKind::Cast { value: base, .. } => {
                    origin_of(&origin, base)
                }
                InstKind::Load {
                    ptr: Value::Inst(s),
                    ..
                } => slot_holds.get(s).copied(),
                _ => None,
            };
        }
        let mut holds: HashMap<u32, Option<u32>> = HashMap::default();
        for inst in &func.insts {
            let InstKind::Store {
                ptr: Value::Inst(s),
                value,
                ..
            } = &inst.kind
            else {
                continue;
            };
            if !slots.contains(s) {
                continue;
            }
            let held = match value {
                Value::Null | Value::Undef => continue,
                v => origin_of(&origin, v),
            };
            let e = holds.entry(*s).or_insert(held);
            if *e != held {
                *e = None;
            }
        }
        let next: HashMap<u32, u32> = holds
            .into_iter()
            .filter_map(|(s, h)| Some((s, h?)))
            .collect();
        if next == slot_holds {
            break;
        }
        slot_holds = next;
    }
    if !any {
        return None;
    }
    let derived = |v: &Value| -> Option<u32> { origin_of(&origin, v) };
    // Escape points per allocation.
    let mut escapes: Vec<(u32, u32)> = Vec::new(); // (alloc, inst)
    let mut lent_to_std: HashSet<u32> = HashSet::default();
    let mut unordered: HashSet<u32> = (0..n as u32)
        .filter(|&i| relaxed_write(program, cg, index, f, &func.insts[i as usize].kind))
        .collect();
    // A pointer turned into an integer only for such stores (C's
    // `atomic_store_explicit(&p, &local, memory_order_relaxed)` at -O2
    // stores the address as an i64) escapes as unordered as they do.
    let mut int_users: HashMap<u32, Vec<u32>> = HashMap::default();
    for (i, inst) in func.insts.iter().enumerate() {
        inst.kind.for_each_operand(|v| {
            if let Value::Inst(k) = v {
                if matches!(func.insts[*k as usize].kind, InstKind::PtrToInt { .. }) {
                    int_users.entry(*k).or_default().push(i as u32);
                }
            }
        });
    }
    for (k, users) in int_users {
        let stored_relaxed = |u: &u32| {
            unordered.contains(u)
                && match &func.insts[*u as usize].kind {
                    InstKind::Store { ptr, value, .. } => {
                        *value == Value::Inst(k) && *ptr != Value::Inst(k)
                    }
                    _ => false,
                }
        };
        if users.iter().all(stored_relaxed) {
            unordered.insert(k);
        }
    }
    for (i, inst) in func.insts.iter().enumerate() {
        let i = i as u32;
        let mut esc = |v: &Value| {
            if let Some(a) = derived(v) {
                escapes.push((a, i));
            }
        };
        match &inst.kind {
            // Into a variable slot: still local.
            InstKind::Store {
                ptr: Value::Inst(s),
                ..
            } if slots.contains(s) => {}
            // The object's address kept in the object itself
            // (`INIT_LIST_HEAD`: `list->next = list`) leaves it unreachable
            // from anything else.
            InstKind::Store { ptr, value, .. }
                if derived(value).is_some() && derived(value) == derived(ptr) => {}
            InstKind::Store { value, .. } => esc(value),
            InstKind::AtomicRmw { value, .. } => esc(value),
            InstKind::CmpXchg { new, .. } => esc(new),
            InstKind::Ret { value: Some(v) } => esc(v),
            InstKind::Phi { incoming } => incoming.iter().for_each(|(v, _)| esc(v)),
            InstKind::Select {
                then, otherwise, ..
            } => {
                esc(then);
                esc(otherwise);
            }
            InstKind::PtrToInt { value } | InstKind::InsertValue { value, .. } => esc(value),
            InstKind::MemCopy { src, .. } => esc(src),
            InstKind::Call { callee, args, .. } => {
                if let Some(addr) = stored_by_marked_write(program, index, module, callee) {
                    // `AtomicPtr::store(&SHARED, &mut local, …)`: the value
                    // a marked store or exchange writes is published; the
                    // location it writes is not.
                    let kind = &func.insts[i as usize].kind;
                    kind.model_args()
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| *k != addr)
                        .for_each(|(_, v)| esc(v));
                    continue;
                }
                if !publishes(program, index, module, callee) {
                    continue;
                }
                // A C helper: only the arguments it keeps escape.
                if let Some(used) = call_use(program, cg, callees, f, i, callee) {
                    for (k, v) in args.iter().enumerate() {
                        if used.keeps(k) {
                            esc(v);
                        }
                    }
                    continue;
                }
                args.iter().for_each(&mut esc);
                // (Not std's thread APIs taking a closure: what it captures
                // goes to the thread.)
                if program.call_target(module, callee).is_some_and(|t| {
                    index.of(t).spawn.is_none()
                        && !matches!(t, Target::Defined(g) if index.closure_api(g).is_some())
                        && crate::program::is_rust_std_code(program.target_name(t))
                }) {
                    lent_to_std.insert(i);
                }
            }
            InstKind::Asm { args, .. } => args.iter().for_each(&mut esc),
            _ => {}
        }
    }
    Some(Local {
        origin,
        escapes,
        unordered,
        lent_to_std,
        heap,
        params,
    })
}

/// Is `kind` a Relaxed (or unordered) atomic write: an LLVM atomic store,
/// exchange or compare-exchange, or a call of a marked write model whose
/// ordering is Relaxed (`AtomicPtr::store(…, Relaxed)` at -O0,
/// `atomic_store_explicit(…, memory_order_relaxed)` through libatomic)?
/// A volatile store (the kernel's WRITE_ONCE, and on x86 the store of
/// `smp_store_release` after its compiler barrier) is not one: the
/// ordering rules judge those publications.
fn relaxed_write(
    program: &Program<'_>,
    cg: &CallGraph,
    index: &ModelIndex<'_>,
    f: FuncId,
    kind: &InstKind,
) -> bool {
    let module = program.funcs[f as usize].module;
    let weak = |o: &Ordering| matches!(o, Ordering::Monotonic | Ordering::Unordered);
    match kind {
        InstKind::Store { ordering, .. } | InstKind::AtomicRmw { ordering, .. } => weak(ordering),
        InstKind::CmpXchg { success, .. } => weak(success),
        InstKind::Call { callee, .. } => {
            let Some(t) = program.call_target(module, callee) else {
                return false;
            };
            let Some(a) = index.of(t).access else {
                return false;
            };
            a.access != seam_models::AccessType::Read
                && a.ordering_for(crate::accesses::const_arg(
                    program,
                    cg,
                    f,
                    kind.model_args(),
                    a.ordering_arg,
                )) == seam_models::Ordering::Relaxed
                && (a.rust_native || a.ordering_arg.is_some())
        }
        _ => false,
    }
}

/// Is instruction `i` a fence that orders the writes before it for a later
/// store: an LLVM fence of release or stronger, or a barrier model call
/// ordering writes (`fence(Release)` at -O0, `atomic_thread_fence`)?
fn release_fence(
    program: &Program<'_>,
    cg: &CallGraph,
    index: &ModelIndex<'_>,
    f: FuncId,
    i: u32,
) -> bool {
    let module = program.funcs[f as usize].module;
    let kind = &program.function(f).insts[i as usize].kind;
    match kind {
        InstKind::Fence {
            ordering,
            single_thread: false,
        } => matches!(
            ordering,
            Ordering::Release | Ordering::AcqRel | Ordering::SeqCst
        ),
        InstKind::Call { callee, .. } => {
            let Some(t) = program.call_target(module, callee) else {
                return false;
            };
            index.of(t).barrier.is_some_and(|b| {
                matches!(
                    b.kind_for(crate::accesses::const_arg(
                        program,
                        cg,
                        f,
                        kind.model_args(),
                        b.ordering_arg
                    )),
                    Some(seam_models::BarrierKind::Full | seam_models::BarrierKind::Write)
                )
            })
        }
        _ => false,
    }
}

/// Instructions from which one of `points` can be reached without passing
/// an instruction `stop` holds for (the points themselves excluded).
fn reaching_before(
    func: &Function,
    block_of: &[u32],
    points: impl Iterator<Item = u32>,
    stop: impl Fn(u32) -> bool,
) -> HashSet<u32> {
    let mut out = HashSet::default();
    let points: Vec<u32> = points.collect();
    if points.is_empty() {
        return out;
    }
    let preds = func.predecessors();
    let mut seen_blocks = vec![false; func.blocks.len()];
    let mut work: Vec<u32> = Vec::new();
    // Walks block `b` backwards from `from` (exclusive); true when it got
    // to the block's start without a stop.
    let back = |b: u32, from: Option<u32>, out: &mut HashSet<u32>| -> bool {
        let mut insts: Vec<u32> = func.block_insts(b).map(|i| i as u32).collect();
        if let Some(p) = from {
            insts.retain(|&i| i < p);
        }
        for &i in insts.iter().rev() {
            if stop(i) {
                return false;
            }
            out.insert(i);
        }
        true
    };
    for p in points {
        let b = block_of[p as usize];
        if back(b, Some(p), &mut out) {
            work.extend(preds[b as usize].iter().copied());
        }
    }
    while let Some(b) = work.pop() {
        if (b as usize) >= seen_blocks.len() || seen_blocks[b as usize] {
            continue;
        }
        seen_blocks[b as usize] = true;
        if back(b, None, &mut out) {
            work.extend(preds[b as usize].iter().copied());
        }
    }
    out
}

/// Allocas used only as the address of loads and stores: a local variable
/// unoptimised code keeps in memory. Anything else that mentions one (its
/// address stored, passed, offset, cast) disqualifies it.
fn variable_slots(func: &Function) -> HashSet<u32> {
    let mut slots: HashSet<u32> = func
        .insts
        .iter()
        .enumerate()
        .filter(|(_, inst)| matches!(inst.kind, InstKind::Alloca { .. }))
        .map(|(i, _)| i as u32)
        .collect();
    if slots.is_empty() {
        return slots;
    }
    let mut drop = |v: &Value| {
        if let Value::Inst(i) = v {
            slots.remove(i);
        }
    };
    for inst in &func.insts {
        match &inst.kind {
            InstKind::Load { .. } | InstKind::Alloca { .. } => {}
            InstKind::Store { value, .. } => drop(value),
            InstKind::AtomicRmw { ptr, value, .. } => {
                drop(ptr);
                drop(value);
            }
            InstKind::CmpXchg {
                ptr, expected, new, ..
            } => {
                drop(ptr);
                drop(expected);
                drop(new);
            }
            InstKind::Call { callee, args, .. } => {
                if let crate::ir::Callee::Indirect(v) = callee {
                    drop(v);
                }
                args.iter().for_each(&mut drop);
            }
            InstKind::Asm { args, .. } => args.iter().for_each(&mut drop),
            InstKind::MemCopy { dst, src, .. } => {
                drop(dst);
                drop(src);
            }
            InstKind::MemSet { dst, .. } => drop(dst),
            InstKind::Gep { base, index, .. } => {
                drop(base);
                if let Some(x) = index {
                    drop(x);
                }
            }
            InstKind::Cast { value, .. }
            | InstKind::PtrToInt { value }
            | InstKind::IntToPtr { value } => drop(value),
            InstKind::Phi { incoming } => incoming.iter().for_each(|(v, _)| drop(v)),
            InstKind::Select {
                cond,
                then,
                otherwise,
            } => {
                drop(cond);
                drop(then);
                drop(otherwise);
            }
            InstKind::ExtractValue { aggregate, .. } => drop(aggregate),
            InstKind::InsertValue {
                aggregate, value, ..
            } => {
                drop(aggregate);
                drop(value);
            }
            InstKind::ICmp { lhs, rhs, .. } | InstKind::BinOp { lhs, rhs, .. } => {
                drop(lhs);
                drop(rhs);
            }
            InstKind::CondBr { cond, .. } => drop(cond),
            InstKind::Switch { value, .. } => drop(value),
            InstKind::Ret { value: Some(v) } => drop(v),
            InstKind::Other { operands } => operands.iter().for_each(&mut drop),
            _ => {}
        }
    }
    slots
}

/// Whether passing a pointer to this callee can make it visible to others.
/// Lock/marked-access/barrier primitives and initialisers (`__raw_spin_lock_init`,
/// `__mutex_init`, `init_timer_key` …) only touch the object itself.
fn publishes(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    module: u32,
    callee: &crate::ir::Callee,
) -> bool {
    let Some(t) = program.call_target(module, callee) else {
        return true;
    };
    let sem = index.of(t);
    if sem.spawn.is_some() {
        return true;
    }
    if sem.lock.is_some() || sem.access.is_some() || sem.barrier.is_some() || sem.alloc.is_some() {
        return false;
    }
    if let Target::External(_) = t {
        let name = program.target_name(t);
        if name.contains("_init") || name.starts_with("init_") || name.starts_with("llvm.") {
            return false;
        }
    }
    true
}

/// The address argument of a marked write or read-modify-write model
/// (`AtomicPtr::store`, `swap`, `compare_exchange`, `xchg`): its other
/// pointer arguments are values written to shared memory.
fn stored_by_marked_write(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    module: u32,
    callee: &crate::ir::Callee,
) -> Option<usize> {
    let t = program.call_target(module, callee)?;
    let a = index.of(t).access?;
    (a.access != seam_models::AccessType::Read).then_some(a.arg as usize)
}

fn block_index(func: &Function) -> Vec<u32> {
    let mut b = vec![0; func.insts.len()];
    for bi in 0..func.blocks.len() {
        for i in func.block_insts(bi as u32) {
            b[i] = bi as u32;
        }
    }
    b
}

/// Instructions that may execute after any of `points`.
/// Instructions reachable after any of `points`; with `kill`, paths stop
/// at that instruction (it and what follows it are not reached through it).
fn reachable_after(
    func: &Function,
    block_of: &[u32],
    points: impl Iterator<Item = u32>,
    kill: Option<u32>,
) -> HashSet<u32> {
    let mut out = HashSet::default();
    let mut seen_blocks = vec![false; func.blocks.len()];
    let mut work: Vec<u32> = Vec::new();
    let killed_in = |b: u32| kill.filter(|&k| block_of[k as usize] == b);
    for p in points {
        let b = block_of[p as usize];
        let stop = killed_in(b).filter(|&k| k > p);
        for i in func.block_insts(b) {
            let i = i as u32;
            if i > p && stop.is_none_or(|k| i < k) {
                out.insert(i);
            }
        }
        if stop.is_none() {
            work.extend(func.blocks[b as usize].succs.iter().copied());
        }
    }
    while let Some(b) = work.pop() {
        if (b as usize) >= seen_blocks.len() || seen_blocks[b as usize] {
            continue;
        }
        seen_blocks[b as usize] = true;
        match killed_in(b) {
            Some(k) => out.extend(func.block_insts(b).map(|i| i as u32).filter(|&i| i < k)),
            None => {
                out.extend(func.block_insts(b).map(|i| i as u32));
                work.extend(func.blocks[b as usize].succs.iter().copied());
            }
        }
    }
    out
}

/// A slot's end at `at` in the program's `main` is the end of the process:
/// `main`'s return (or a lifetime end followed only by other lifetime ends
/// and the return). Returning from `main` is `exit`, which ends every
/// thread with it, so the slot's end is no write a still-running thread
/// races with (a thread still reading a `main` local when a block of
/// `main` ends it is, and that end is not in the return's block).
pub fn ends_program(func: &Function, at: u32) -> bool {
    for inst in func.insts.iter().skip(at as usize) {
        match inst.kind {
            InstKind::Ret { .. } => return true,
            InstKind::LifetimeEnd { .. }
            | InstKind::Cast { .. }
            | InstKind::Gep { .. }
            | InstKind::ExtractValue { .. }
            | InstKind::InsertValue { .. }
            | InstKind::BinOp { .. }
            | InstKind::ICmp { .. }
            | InstKind::Select { .. } => {}
            _ => return false,
        }
    }
    false
}
