//! Accesses to a freshly allocated object (heap or stack) before it is
//! published.
//!
//! A probe function allocates its device, fills it in, and only then hands
//! it to `request_irq` or stores it where others can find it. Until that
//! first escape, nothing else can see the object, so those accesses cannot
//! race. Intraprocedural: an access through a pointer derived (GEP/cast) from
//! an allocation in the same function is pre-publication when no escape of
//! that allocation can reach it in the control-flow graph.

use std::collections::HashSet;

use crate::ir::{Function, InstKind, Value};
use crate::program::{FuncId, ModelIndex, Program, Target};

/// Instructions of `f` that access a local allocation before it escapes.
pub fn prepublication(program: &Program<'_>, index: &ModelIndex<'_>, f: FuncId) -> HashSet<u32> {
    let func = program.function(f);
    let module = program.funcs[f as usize].module;
    let n = func.insts.len();
    let mut origin: Vec<Option<u32>> = vec![None; n];
    let mut any = false;
    for (i, inst) in func.insts.iter().enumerate() {
        origin[i] = match &inst.kind {
            // A local (`struct klist_waiter waiter`) is filled in before
            // its address is handed out (`list_add(&waiter.list, …)`).
            InstKind::Alloca { .. } => {
                any = true;
                Some(i as u32)
            }
            InstKind::Call { callee, .. } => match program.call_target(module, callee) {
                Some(t) if index.of(t).alloc.map(|a| !a.free).unwrap_or(false) => {
                    any = true;
                    Some(i as u32)
                }
                _ => None,
            },
            InstKind::Gep {
                base: Value::Inst(b),
                ..
            }
            | InstKind::Cast {
                value: Value::Inst(b),
            } => origin.get(*b as usize).copied().flatten(),
            _ => None,
        };
    }
    if !any {
        return HashSet::new();
    }
    let derived = |v: &Value| -> Option<u32> {
        match v {
            Value::Inst(i) => origin.get(*i as usize).copied().flatten(),
            _ => None,
        }
    };
    // Escape points per allocation.
    let mut escapes: Vec<(u32, u32)> = Vec::new(); // (alloc, inst)
    for (i, inst) in func.insts.iter().enumerate() {
        let i = i as u32;
        let mut esc = |v: &Value| {
            if let Some(a) = derived(v) {
                escapes.push((a, i));
            }
        };
        match &inst.kind {
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
                if !publishes(program, index, module, callee) {
                    continue;
                }
                args.iter().for_each(&mut esc);
            }
            InstKind::Asm { args, .. } => args.iter().for_each(&mut esc),
            _ => {}
        }
    }
    let block_of = block_index(func);
    let mut out = HashSet::new();
    // Accesses per allocation, then one reachability walk per allocation
    // that has any (pre-optimisation code has an alloca per local).
    let mut accesses: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
    for (i, inst) in func.insts.iter().enumerate() {
        let ptr = match &inst.kind {
            InstKind::Load { ptr, .. } | InstKind::Store { ptr, .. } => ptr,
            InstKind::MemSet { dst, .. } => dst,
            _ => continue,
        };
        if let Some(a) = derived(ptr) {
            accesses.entry(a).or_default().push(i as u32);
        }
    }
    let mut escapes_of: std::collections::HashMap<u32, Vec<u32>> = Default::default();
    for &(a, i) in &escapes {
        escapes_of.entry(a).or_default().push(i);
    }
    for (a, insts) in accesses {
        let reach = reachable_after(
            func,
            &block_of,
            escapes_of.get(&a).into_iter().flatten().copied(),
        );
        out.extend(insts.into_iter().filter(|i| !reach.contains(i)));
    }
    out
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
fn reachable_after(
    func: &Function,
    block_of: &[u32],
    points: impl Iterator<Item = u32>,
) -> HashSet<u32> {
    let mut out = HashSet::new();
    let mut seen_blocks = vec![false; func.blocks.len()];
    let mut work: Vec<u32> = Vec::new();
    for p in points {
        let b = block_of[p as usize];
        for i in func.block_insts(b) {
            if i as u32 > p {
                out.insert(i as u32);
            }
        }
        work.extend(func.blocks[b as usize].succs.iter().copied());
    }
    while let Some(b) = work.pop() {
        if (b as usize) >= seen_blocks.len() || seen_blocks[b as usize] {
            continue;
        }
        seen_blocks[b as usize] = true;
        out.extend(func.block_insts(b).map(|i| i as u32));
        work.extend(func.blocks[b as usize].succs.iter().copied());
    }
    out
}
