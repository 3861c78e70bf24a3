//! Which Rust `JoinHandle` a join consumes.
//!
//! `let a = thread::spawn(…); let b = thread::spawn(…); a.join()` waits for
//! `a` only. rustc moves handles through stack slots: at -O0 `spawn`
//! returns the handle through its `sret` slot and `join` takes a copy of
//! it (`memcpy`); at -O2 the start is inlined and the handle's parts (the
//! OS thread from `Thread::new`) are stored into the slot `JoinInner::join`
//! takes. Following the writes of the slot a join is given back to the
//! calls whose results filled it tells which start it consumes; anything
//! else (a handle read out of a `Vec`, a slot whose address escapes) says
//! nothing, and the join is taken to wait for every start, as before.

use rustc_hash::FxHashSet as HashSet;

use crate::ir::{Callee, Function, InstKind, Value};
use crate::program::Program;

/// The joins among `joins` (calls in `func`) that may consume the handle
/// the start at call `start` produced. `starts` are all the starts of the
/// function: a join consumes another start's handle when the slot it is
/// given holds a part of that start's result and of no other start's
/// (what else the slot holds, a `Thread` or the result packet, does not
/// tell whose handle it is).
pub fn joins_of_start(
    program: &Program<'_>,
    f: u32,
    start: u32,
    starts: &[u32],
    joins: &[u32],
) -> Vec<u32> {
    let func = program.function(f);
    let m = program.module_of(f);
    // With panic=unwind the landing pads drop the handles still owned when
    // a panic passes: a panic's path joins nothing, and says nothing of
    // which start a join on the normal path consumes.
    let unwind_only = func.unwind_only();
    joins
        .iter()
        .copied()
        .filter(|&j| {
            let Some(kind @ InstKind::Call { .. }) = func.insts.get(j as usize).map(|x| &x.kind)
            else {
                return true;
            };
            let Some(first) = kind.model_args().first() else {
                return true;
            };
            let neutral = |k: usize| match &func.insts[k].kind {
                InstKind::Call {
                    callee: Callee::Direct(n),
                    ..
                } => m.str(*n).starts_with("llvm."),
                _ => false,
            };
            // At -O2 the join may be handed the handle itself (`Thread::join`
            // taking the OS thread that `Thread::new` returned) rather than
            // a slot holding it.
            let calls = match base_slot(func, first) {
                Some(_) => sources(func, first, j, &neutral, &unwind_only, 0),
                None => provenance(func, first, 0),
            };
            match calls {
                Some(calls) => {
                    let from: Vec<u32> = calls.into_iter().filter(|c| starts.contains(c)).collect();
                    from.is_empty() || from.contains(&start)
                }
                None => true,
            }
        })
        .collect()
}

/// The calls whose results may be in the object `p` points to (a stack
/// slot of `func`), or `None` when that cannot be told. `join` is the call
/// the slot is handed to (a use that does not write it).
fn sources(
    func: &Function,
    p: &Value,
    join: u32,
    neutral: &dyn Fn(usize) -> bool,
    unwind_only: &[bool],
    depth: usize,
) -> Option<HashSet<u32>> {
    if depth > 4 {
        return None;
    }
    let slot = base_slot(func, p)?;
    // The slot and the pointers into it (constant offsets, casts).
    let mut derived: HashSet<u32> = HashSet::from_iter([slot]);
    for (k, inst) in func.insts.iter().enumerate() {
        match &inst.kind {
            InstKind::Gep {
                base: Value::Inst(b),
                offset: Some(_),
                ..
            }
            | InstKind::Cast {
                value: Value::Inst(b),
                ..
            } if derived.contains(b) => {
                derived.insert(k as u32);
            }
            _ => {}
        }
    }
    let is_d = |v: &Value| matches!(v, Value::Inst(i) if derived.contains(i));
    let mut out = HashSet::default();
    for (k, inst) in func.insts.iter().enumerate() {
        if unwind_only.get(k) == Some(&true) {
            continue;
        }
        let k32 = k as u32;
        match &inst.kind {
            InstKind::Alloca { .. } => {}
            InstKind::Gep { base, offset, .. } if is_d(base) => {
                if offset.is_none() {
                    return None;
                }
            }
            InstKind::Cast { value, .. } if is_d(value) => {}
            InstKind::Store { ptr, value, .. } => {
                if is_d(value) {
                    return None;
                }
                if is_d(ptr) {
                    out.extend(provenance(func, value, 0)?);
                }
            }
            InstKind::Load { .. } => {}
            InstKind::MemCopy { dst, src, .. } => {
                if is_d(dst) {
                    out.extend(sources(func, src, join, neutral, unwind_only, depth + 1)?);
                }
            }
            InstKind::MemSet { .. } => {}
            InstKind::Call { args, sret, .. } => {
                if !args.iter().any(is_d) {
                    continue;
                }
                if *sret && args.first().is_some_and(is_d) && !args[1..].iter().any(is_d) {
                    out.insert(k32);
                } else if k32 != join && !neutral(k) {
                    return None;
                }
            }
            other => {
                let mut uses_d = false;
                other.for_each_operand(|v| uses_d |= is_d(v));
                if uses_d {
                    return None;
                }
            }
        }
    }
    Some(out)
}

/// The stack slot `p` points into, through constant offsets and casts.
fn base_slot(func: &Function, p: &Value) -> Option<u32> {
    let mut v = p.clone();
    for _ in 0..8 {
        let Value::Inst(i) = v else { return None };
        match &func.insts[i as usize].kind {
            InstKind::Alloca { .. } => return Some(i),
            InstKind::Gep {
                base,
                offset: Some(_),
                ..
            } => v = base.clone(),
            InstKind::Cast { value, .. } => v = value.clone(),
            _ => return None,
        }
    }
    None
}

/// The calls a value comes from (a handle's parts: `extractvalue` of the
/// start's result), or `None` when it comes from memory or a parameter.
fn provenance(func: &Function, v: &Value, depth: usize) -> Option<HashSet<u32>> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Int(_) | Value::Null | Value::Undef | Value::Global { .. } => {
            Some(HashSet::default())
        }
        Value::Inst(i) => match &func.insts[*i as usize].kind {
            InstKind::Call { .. } => Some(HashSet::from_iter([*i])),
            InstKind::ExtractValue { aggregate, .. } => provenance(func, aggregate, depth + 1),
            InstKind::InsertValue {
                aggregate, value, ..
            } => {
                let mut s = provenance(func, aggregate, depth + 1)?;
                s.extend(provenance(func, value, depth + 1)?);
                Some(s)
            }
            InstKind::Cast { value, .. }
            | InstKind::PtrToInt { value }
            | InstKind::IntToPtr { value } => provenance(func, value, depth + 1),
            InstKind::BinOp { lhs, rhs, .. } => {
                let mut s = provenance(func, lhs, depth + 1)?;
                s.extend(provenance(func, rhs, depth + 1)?);
                Some(s)
            }
            InstKind::Select {
                then, otherwise, ..
            } => {
                let mut s = provenance(func, then, depth + 1)?;
                s.extend(provenance(func, otherwise, depth + 1)?);
                Some(s)
            }
            InstKind::Phi { incoming } => {
                let mut s = HashSet::default();
                for (x, _) in incoming {
                    s.extend(provenance(func, x, depth + 1)?);
                }
                Some(s)
            }
            // From memory: whose it is, is not known here.
            _ => Some(HashSet::default()),
        },
        _ => Some(HashSet::default()),
    }
}
