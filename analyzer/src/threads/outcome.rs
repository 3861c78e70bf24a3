//! Ways on which a start failed (user space): a start model's result
//! (`success`, 0 for `pthread_create`) or the value a helper returns once it
//! started the thread (`int start(void) { …; pthread_create(…); return 0; }`)
//! tested by the caller (`if (start() == 0) { …; pthread_join(t, …); }`,
//! `if (pthread_create(&t, …)) return;`). On the edge that only a failed
//! start takes, no thread runs, so a way from the start that goes there
//! needs no join to be ordered with it.

use crate::ir::{CmpPred, Function, InstKind, Value};

/// Is `slot` a stack slot only loaded and stored through (its address
/// goes nowhere)?
fn local_slot(func: &Function, slot: u32) -> bool {
    if !matches!(
        func.insts.get(slot as usize).map(|i| &i.kind),
        Some(InstKind::Alloca { .. })
    ) {
        return false;
    }
    let me = Value::Inst(slot);
    func.insts.iter().all(|inst| match &inst.kind {
        InstKind::Load { .. } => true,
        InstKind::Store { value, .. } => *value != me,
        other => {
            let mut used = false;
            other.for_each_operand(|v| used |= *v == me);
            !used
        }
    })
}

/// The slot `v` is a load of, when that is a local slot.
fn loaded_slot(func: &Function, v: &Value) -> Option<u32> {
    let Value::Inst(l) = v else { return None };
    match &func.insts.get(*l as usize)?.kind {
        InstKind::Load {
            ptr: Value::Inst(s),
            ..
        } if local_slot(func, *s) => Some(*s),
        _ => None,
    }
}

/// Instructions reached on a way from just after `from`, in order, each
/// block once; `visit` returns false to stop the way at an instruction.
fn walk_from(func: &Function, from: u32, mut visit: impl FnMut(u32) -> bool) {
    let Some(bf) = func.block_of(from) else {
        return;
    };
    let mut seen = vec![false; func.blocks.len()];
    let mut work: Vec<(u32, u32)> = vec![(bf, from + 1)];
    while let Some((b, start)) = work.pop() {
        let blk = &func.blocks[b as usize];
        let mut stopped = false;
        for i in start..blk.first + blk.len {
            if !visit(i) {
                stopped = true;
                break;
            }
        }
        if stopped {
            continue;
        }
        for &s in &blk.succs {
            if (s as usize) < seen.len() && !std::mem::replace(&mut seen[s as usize], true) {
                work.push((s, func.blocks[s as usize].first));
            }
        }
    }
}

/// The values `func` returns on every way from its call `at`, which
/// started the thread and returns `at_started` when it did (`None`:
/// unknown): constants, or `at`'s own result, directly or through a local
/// slot (`-O0`'s return slot). `None` when some return gives anything else.
pub(super) fn returned_after(
    func: &Function,
    at: u32,
    at_started: Option<i64>,
) -> Option<Vec<i64>> {
    let value_of = |v: &Value| match v {
        Value::Int(c) => Some(*c),
        Value::Inst(i) if *i == at => at_started,
        _ => None,
    };
    let mut out: Vec<i64> = Vec::new();
    let mut ok = true;
    let mut returns = Vec::new();
    walk_from(func, at, |i| {
        if let InstKind::Ret { value } = &func.insts[i as usize].kind {
            returns.push((i, value.clone()));
        }
        true
    });
    if returns.is_empty() {
        return None;
    }
    for (r, value) in returns {
        let v = value?;
        if let Some(c) = value_of(&v) {
            out.push(c);
            continue;
        }
        let slot = loaded_slot(func, &v)?;
        let Value::Inst(load) = v else { return None };
        // The stores to the slot that reach its load on the ways from `at`
        // to this return; reaching the load first leaves the value unknown.
        walk_from(func, at, |i| match &func.insts[i as usize].kind {
            InstKind::Store { ptr, value, .. } if *ptr == Value::Inst(slot) => {
                match value_of(value) {
                    Some(c) => out.push(c),
                    None => ok = false,
                }
                false
            }
            _ if i == load || i == r => {
                ok &= i != load;
                false
            }
            _ => true,
        });
        if !ok {
            return None;
        }
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

fn holds(pred: CmpPred, a: i64, b: i64) -> bool {
    let (ua, ub) = (a as u64, b as u64);
    match pred {
        CmpPred::Eq => a == b,
        CmpPred::Ne => a != b,
        CmpPred::Ugt => ua > ub,
        CmpPred::Uge => ua >= ub,
        CmpPred::Ult => ua < ub,
        CmpPred::Ule => ua <= ub,
        CmpPred::Sgt => a > b,
        CmpPred::Sge => a >= b,
        CmpPred::Slt => a < b,
        CmpPred::Sle => a <= b,
    }
}

/// Edges of `func` that a way from the start `at` (a call returning one
/// of `started` when it started the thread) takes only when the start
/// failed: branches on a comparison of its result (directly, or loaded
/// from a local slot that result is stored to, and nothing else) with a
/// constant that no value in `started` satisfies on that side. None when
/// the start can run again (in a loop): a later round's result may be the
/// one tested.
pub(super) fn failed_edges(func: &Function, at: u32, started: &[i64]) -> Vec<(u32, u32)> {
    if started.is_empty() || super::reachable_avoiding(func, at, at, &[], &[]) {
        return Vec::new();
    }
    let me = Value::Inst(at);
    let result = |v: &Value| {
        *v == me
            || loaded_slot(func, v).is_some_and(|s| {
                let stores: Vec<&Value> = func
                    .insts
                    .iter()
                    .filter_map(|i| match &i.kind {
                        InstKind::Store { ptr, value, .. } if *ptr == Value::Inst(s) => Some(value),
                        _ => None,
                    })
                    .collect();
                // Written, and with nothing else (an uninitialised `int i`
                // tested is not the result).
                !stores.is_empty() && stores.iter().all(|x| **x == me)
            })
    };
    let mut out = Vec::new();
    for (b, blk) in func.blocks.iter().enumerate() {
        if blk.len == 0 {
            continue;
        }
        let last = blk.first + blk.len - 1;
        let InstKind::CondBr {
            cond: Value::Inst(c),
            then,
            otherwise,
        } = &func.insts[last as usize].kind
        else {
            continue;
        };
        if then == otherwise {
            continue;
        }
        let Some(InstKind::ICmp { pred, lhs, rhs }) = func.insts.get(*c as usize).map(|i| &i.kind)
        else {
            continue;
        };
        let outcomes: Vec<bool> = match (lhs, rhs) {
            (l, Value::Int(k)) if result(l) => {
                started.iter().map(|&s| holds(*pred, s, *k)).collect()
            }
            (Value::Int(k), r) if result(r) => {
                started.iter().map(|&s| holds(*pred, *k, s)).collect()
            }
            _ => continue,
        };
        if outcomes.iter().all(|&t| t) {
            out.push((b as u32, *otherwise));
        } else if outcomes.iter().all(|&t| !t) {
            out.push((b as u32, *then));
        }
    }
    out
}
