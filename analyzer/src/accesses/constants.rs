//! The constant a value holds: what an atomic's ordering argument (or a
//! model's size argument) is, read one way by the accesses stage (an
//! access's marking, a publication's ordering) and the ordering rules (a
//! flag store's or load's ordering, its value, a fence's kind).

use crate::callgraph::CallGraph;
use crate::ir::{Callee, Function, InstKind, Value};
use crate::program::{FuncId, Program, Target};

/// How many callers up a parameter is followed.
const MAX_CALLER_DEPTH: u32 = 2;

/// The constant argument `k` of a call in `f` holds (a model's
/// `ordering_arg` or `size_arg`): see `const_value`.
pub(crate) fn const_arg(
    program: &Program<'_>,
    cg: &CallGraph,
    f: FuncId,
    args: &[Value],
    k: Option<u32>,
) -> Option<u64> {
    const_value(program, cg, f, args.get(k? as usize)?).map(|c| c as u64)
}

/// The constant `v` holds in `f`: an integer, or a parameter every call
/// of `f` passes the same constant in (`fn wait(flag: &AtomicBool, o:
/// Ordering) { flag.load(o) }` called with `Acquire`; at -O0 the ordering
/// reaches `AtomicBool::load` as a parameter of std's own `load` too),
/// through casts and -O0's local copies, up to two callers up.
pub(crate) fn const_value(
    program: &Program<'_>,
    cg: &CallGraph,
    f: FuncId,
    v: &Value,
) -> Option<i64> {
    const_in(program, cg, f, v, 0)
}

fn const_in(
    program: &Program<'_>,
    cg: &CallGraph,
    f: FuncId,
    v: &Value,
    depth: u32,
) -> Option<i64> {
    let func = program.function(f);
    let mut v = v.clone();
    for _ in 0..6 {
        match v {
            Value::Int(c) => return Some(c),
            Value::Arg(k) => {
                if depth >= MAX_CALLER_DEPTH {
                    return None;
                }
                let mut out = None;
                for e in &cg.callers[f as usize] {
                    let caller = program.function(e.caller);
                    // Only a call of `f` itself passes `f`'s parameters (not
                    // a primitive that runs `f` as its callback).
                    let InstKind::Call { callee, args, .. } = &caller.insts[e.inst as usize].kind
                    else {
                        return None;
                    };
                    let cm = program.funcs[e.caller as usize].module;
                    let direct = program.call_target(cm, callee);
                    if !matches!(callee, Callee::Indirect(_)) && direct != Some(Target::Defined(f))
                    {
                        return None;
                    }
                    let c = const_in(program, cg, e.caller, args.get(k as usize)?, depth + 1)?;
                    if out.is_some_and(|o| o != c) {
                        return None;
                    }
                    out = Some(c);
                }
                return out;
            }
            Value::Inst(i) => match &func.insts.get(i as usize)?.kind {
                InstKind::Cast { value, .. } => v = value.clone(),
                InstKind::Load {
                    ptr: Value::Inst(slot),
                    ..
                } if matches!(
                    func.insts.get(*slot as usize).map(|x| &x.kind),
                    Some(InstKind::Alloca { .. })
                ) =>
                {
                    v = slot_value(func, *slot)?
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    None
}

/// The member of a local struct pointer `ptr` points to, as (its stack
/// slot, byte offset): `&k.masks`, a constant-offset GEP of the slot.
pub(crate) fn slot_member(func: &Function, ptr: &Value) -> Option<(u32, i64)> {
    let Value::Inst(g) = ptr else { return None };
    let InstKind::Gep {
        base: Value::Inst(slot),
        offset: Some(off),
        ..
    } = &func.insts.get(*g as usize)?.kind
    else {
        return None;
    };
    matches!(func.insts[*slot as usize].kind, InstKind::Alloca { .. }).then_some((*slot, *off))
}

/// The one value every store into member `off` of local struct `slot`
/// writes (null aside), as [`slot_value`] for a member: `k.masks =
/// rcu_dereference(..)` in `sched_numa_find_nth_cpu`. A memset (zeroes)
/// and a copy of an initializer constant (`struct k = { .cpu = cpu }`)
/// count as null; None when another struct is copied over it.
pub(crate) fn member_value(func: &Function, slot: u32, off: i64) -> Option<Value> {
    let into_slot = |dst: &Value| {
        *dst == Value::Inst(slot) || slot_member(func, dst).is_some_and(|m| m.0 == slot)
    };
    let mut out: Option<Value> = None;
    for inst in &func.insts {
        match &inst.kind {
            InstKind::MemCopy { dst, src, .. }
                if into_slot(dst) && !matches!(src, Value::Global { .. }) =>
            {
                return None;
            }
            InstKind::Store { ptr, value, .. } => {
                if slot_member(func, ptr) != Some((slot, off)) || matches!(value, Value::Null) {
                    continue;
                }
                match &out {
                    Some(v) if v != value => return None,
                    _ => out = Some(value.clone()),
                }
            }
            _ => {}
        }
    }
    out
}

/// The one value every store into stack slot `slot` of `func` puts there
/// (null aside): -O0's local copy of a parameter or constant.
pub(crate) fn slot_value(func: &Function, slot: u32) -> Option<Value> {
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
