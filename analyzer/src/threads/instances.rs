//! Instances of one thread function that work on distinct data.
//!
//! A thread function started several times, each time with a different
//! data argument (`kthread_run(worker, (void *)0)` and `(void *)1`,
//! `for (i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, &args[i])`),
//! and that reaches memory through that argument alone (`slots[id]`,
//! `a->result`) touches a different element in every instance. Points-to
//! cannot tell the elements apart (a variable index is index 0), so two
//! instances' accesses look like one location; this module says when they
//! are not.

use rustc_hash::FxHashMap as HashMap;

use crate::ir::{Function, InstKind, IntOp, Value};
use crate::memory::SpawnSite;
use crate::program::{FuncId, ModelIndex, Program};

/// How an access's address derives from the thread's data parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum FromData {
    /// `param + offset`: a field of the element the parameter points to.
    Field(i64),
    /// `base[param]` (plus a constant): an element selected by the
    /// parameter's value, of an array that does not depend on it.
    Index(Value, i64),
}

/// What a spawn passes as data, as far as telling instances apart goes.
#[derive(Clone, Debug, PartialEq)]
enum DataArg {
    /// The same constant every time (an integer, null, a global's address).
    Const(Value),
    /// A value that changes on every iteration of the loop around the
    /// spawn (`i`, `(void *)i`, `&args[i]`).
    Induction,
}

/// Does every instance of a root get its own data? Its starts must all
/// be direct calls of the model (not through std or a helper) in
/// functions that run once: either each outside any loop, with pairwise
/// different constants, or exactly one start, in a loop, passing a value
/// that changes on every iteration.
pub fn distinct_data(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    sites: &[&SpawnSite],
    runs_once: &dyn Fn(FuncId) -> bool,
) -> bool {
    let mut consts: Vec<Value> = Vec::new();
    let mut induction = 0usize;
    for s in sites {
        let func = program.function(s.caller);
        let module = program.funcs[s.caller as usize].module;
        let Some(inst) = func.insts.get(s.inst as usize) else {
            return false;
        };
        let InstKind::Call { callee, .. } = &inst.kind else {
            return false;
        };
        let Some(model) = program
            .call_target(module, callee)
            .and_then(|t| index.of(t).spawn)
        else {
            return false;
        };
        let Some(v) = model
            .data
            .and_then(|d| inst.kind.model_args().get(d as usize))
        else {
            return false;
        };
        if !runs_once(s.caller) {
            return false;
        }
        let in_loop = super::reachable_avoiding(func, s.inst, s.inst, &[], &[]);
        // A fresh allocation is data of its own: made in the loop around
        // the start, a new one every round; outside loops, one per start.
        let fresh = allocation_of(program, index, s.caller, v).map(|k| {
            let same_loop = super::reachable_avoiding(func, k, s.inst, &[], &[])
                && super::reachable_avoiding(func, s.inst, k, &[], &[]);
            if in_loop && same_loop {
                DataArg::Induction
            } else {
                DataArg::Const(Value::Inst(k))
            }
        });
        match fresh.or_else(|| classify(func, s.inst, v)) {
            Some(DataArg::Const(c)) if !in_loop => {
                if consts.contains(&c) {
                    return false;
                }
                consts.push(c);
            }
            Some(DataArg::Induction) if in_loop => induction += 1,
            _ => return false,
        }
    }
    (induction == 0 && consts.len() >= 2) || (induction == 1 && consts.is_empty())
}

/// Does the start at `at` of `caller` (in a loop) start `callee` at most
/// once per run of the loop? True when the start routine is loaded from a
/// constant table by an index that changes on every iteration
/// (`pthread_create(&t[i], NULL, starters[i], NULL)`) and `callee` is in
/// that table once.
pub fn started_from_table_once(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    caller: FuncId,
    at: u32,
    callee: FuncId,
) -> bool {
    let func = program.function(caller);
    let module = program.funcs[caller as usize].module;
    let Some(inst) = func.insts.get(at as usize) else {
        return false;
    };
    let InstKind::Call { callee: c, .. } = &inst.kind else {
        return false;
    };
    let Some(cb) = program
        .call_target(module, c)
        .and_then(|t| index.of(t).spawn)
        .and_then(|m| m.callback)
    else {
        return false;
    };
    let Some(v) = inst.kind.model_args().get(cb as usize).cloned() else {
        return false;
    };
    let Value::Inst(l) = strip_casts(func, &v) else {
        return false;
    };
    let InstKind::Load {
        ptr: Value::Inst(g),
        ..
    } = &func.insts[l as usize].kind
    else {
        return false;
    };
    let InstKind::Gep {
        base: Value::Global { name, .. },
        index: Some(x),
        ..
    } = &func.insts[*g as usize].kind
    else {
        return false;
    };
    if !induction(func, at, &strip_casts(func, x)) {
        return false;
    }
    let Some(crate::program::Symbol::Global(gid)) = program.resolve(module, *name) else {
        return false;
    };
    let glob = program.global(gid);
    let gm = program.globals[gid as usize].module;
    let mut hits = 0;
    for (_, v) in &glob.pointers {
        match v {
            Value::Global { name, offset: 0 } => {
                if program.resolve(gm, *name) == Some(crate::program::Symbol::Func(callee)) {
                    hits += 1;
                }
            }
            _ => return false,
        }
    }
    glob.is_constant && hits == 1
}

/// The data argument `v` of the spawn at `at` in `func`.
fn classify(func: &Function, at: u32, v: &Value) -> Option<DataArg> {
    match v {
        Value::Int(_) | Value::Null => {
            return Some(DataArg::Const(match v {
                Value::Null => Value::Int(0),
                x => x.clone(),
            }))
        }
        Value::Global { .. } => return Some(DataArg::Const(v.clone())),
        _ => {}
    }
    let v = strip_casts(func, v);
    let Value::Inst(i) = v else { return None };
    match &func.insts[i as usize].kind {
        // `&args[i]`: an element of an array at an induction index.
        InstKind::Gep {
            offset: None,
            index: Some(x),
            ..
        } => induction(func, at, &strip_casts(func, x)).then_some(DataArg::Induction),
        _ => induction(func, at, &v).then_some(DataArg::Induction),
    }
}

/// The allocator call `v` (the data a start passes) is the result of:
/// directly, or (-O0) through a local variable only ever holding it.
fn allocation_of(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    caller: FuncId,
    v: &Value,
) -> Option<u32> {
    let func = program.function(caller);
    let module = program.funcs[caller as usize].module;
    let allocates = |k: u32| {
        let InstKind::Call { callee, .. } = &func.insts[k as usize].kind else {
            return false;
        };
        program
            .call_target(module, callee)
            .and_then(|t| index.of(t).alloc)
            .is_some_and(|a| !a.free && !a.thread_private)
    };
    let Value::Inst(i) = strip_casts(func, v) else {
        return None;
    };
    let k = match &func.insts[i as usize].kind {
        InstKind::Call { .. } => i,
        InstKind::Load {
            ptr: Value::Inst(slot),
            ..
        } => match single_store(func, *slot)? {
            Value::Inst(k) => k,
            _ => return None,
        },
        _ => return None,
    };
    allocates(k).then_some(k)
}

/// Casts that keep a value (`(void *)i`, `(long)i`, sign extension).
pub(super) fn strip_casts(func: &Function, v: &Value) -> Value {
    let mut v = v.clone();
    for _ in 0..8 {
        let Value::Inst(i) = v else { break };
        match &func.insts[i as usize].kind {
            InstKind::Cast { value, .. }
            | InstKind::IntToPtr { value }
            | InstKind::PtrToInt { value } => v = value.clone(),
            _ => break,
        }
    }
    v
}

/// Is `v` a value that differs on every iteration of the loop around
/// instruction `at`: a phi of that loop stepped by a non-zero constant
/// each time round (`i + 1`, `p + sizeof(*p)`), or (at -O0) a load of a
/// local variable that the loop only ever steps by a non-zero constant?
pub(super) fn induction(func: &Function, at: u32, v: &Value) -> bool {
    let Value::Inst(i) = *v else { return false };
    let Some(b_at) = func.block_of(at) else {
        return false;
    };
    let in_loop_with_at = |b: u32| {
        super::reachable_avoiding(func, func.blocks[b as usize].first, at, &[], &[])
            && super::reachable_avoiding(func, at, func.blocks[b as usize].first, &[], &[])
            || b == b_at
    };
    match &func.insts[i as usize].kind {
        InstKind::Phi { incoming } => {
            let Some(bp) = func.block_of(i) else {
                return false;
            };
            if !in_loop_with_at(bp) {
                return false;
            }
            // Every value coming round the loop steps the phi; values from
            // outside start it.
            let mut stepped = false;
            for (val, from) in incoming {
                if !in_loop_with_at(*from) {
                    continue;
                }
                if !steps(func, val, i) {
                    return false;
                }
                stepped = true;
            }
            stepped
        }
        InstKind::Load {
            ptr: Value::Inst(slot),
            ..
        } => {
            if !matches!(func.insts[*slot as usize].kind, InstKind::Alloca { .. }) {
                return false;
            }
            // Every store to the slot inside the loop steps it; the slot is
            // used for nothing but loads and stores to it.
            let mut stepped = false;
            for (k, inst) in func.insts.iter().enumerate() {
                match &inst.kind {
                    InstKind::Store { ptr, value, .. } if *ptr == Value::Inst(*slot) => {
                        let inside = func.block_of(k as u32).is_some_and(in_loop_with_at);
                        if inside {
                            if !steps_slot(func, value, *slot) {
                                return false;
                            }
                            stepped = true;
                        }
                    }
                    InstKind::Load { ptr, .. } if *ptr == Value::Inst(*slot) => {}
                    other if mentions(other, *slot) => return false,
                    _ => {}
                }
            }
            stepped
        }
        _ => false,
    }
}

/// `phi + c`, `phi - c` or `gep phi, c` with a constant `c` other than 0.
fn steps(func: &Function, v: &Value, phi: u32) -> bool {
    let Value::Inst(k) = strip_casts(func, v) else {
        return false;
    };
    match &func.insts[k as usize].kind {
        InstKind::BinOp { op, lhs, rhs, .. } => match (op, lhs, rhs) {
            (IntOp::Add | IntOp::Sub, Value::Inst(p), Value::Int(c))
            | (IntOp::Add, Value::Int(c), Value::Inst(p)) => *p == phi && *c != 0,
            _ => false,
        },
        InstKind::Gep {
            base: Value::Inst(p),
            offset: Some(c),
            ..
        } => *p == phi && *c != 0,
        _ => false,
    }
}

/// `load(slot) + c` or `load(slot) - c` with a constant `c` other than 0.
fn steps_slot(func: &Function, v: &Value, slot: u32) -> bool {
    let Value::Inst(k) = strip_casts(func, v) else {
        return false;
    };
    let InstKind::BinOp { op, lhs, rhs, .. } = &func.insts[k as usize].kind else {
        return false;
    };
    let (x, c) = match (op, lhs, rhs) {
        (IntOp::Add | IntOp::Sub, x, Value::Int(c)) | (IntOp::Add, Value::Int(c), x) => (x, *c),
        _ => return false,
    };
    if c == 0 {
        return false;
    }
    let Value::Inst(l) = strip_casts(func, x) else {
        return false;
    };
    matches!(&func.insts[l as usize].kind, InstKind::Load { ptr, .. } if *ptr == Value::Inst(slot))
}

/// Does an instruction use `slot` as an operand other than as a load's or
/// store's address (its address escapes)?
pub(super) fn mentions(kind: &InstKind, slot: u32) -> bool {
    let v = Value::Inst(slot);
    match kind {
        InstKind::Store { value, .. } => *value == v,
        InstKind::Call { args, .. } => args.contains(&v),
        InstKind::Gep { base, .. } => *base == v,
        InstKind::Cast { value, .. } | InstKind::PtrToInt { value } => *value == v,
        InstKind::Phi { incoming } => incoming.iter().any(|(x, _)| *x == v),
        InstKind::Select {
            then, otherwise, ..
        } => *then == v || *otherwise == v,
        InstKind::MemCopy { dst, src, .. } => *dst == v || *src == v,
        InstKind::MemSet { dst, .. } => *dst == v,
        InstKind::Other { operands } => operands.contains(&v),
        _ => false,
    }
}

/// How the address of the access at `inst` of `func` derives from the
/// function's parameter `param` alone, if it does: through casts,
/// constant offsets, an array index, and (at -O0) local variables stored
/// once.
pub fn from_data(func: &Function, inst: u32, param: u32) -> Option<FromData> {
    let mut memo = HashMap::default();
    let addr = match &func.insts.get(inst as usize)?.kind {
        InstKind::Load { ptr, .. }
        | InstKind::Store { ptr, .. }
        | InstKind::AtomicRmw { ptr, .. }
        | InstKind::CmpXchg { ptr, .. } => ptr.clone(),
        // A modelled call accessing memory it is given (`free(a)`,
        // `strcpy(a->name, …)`): the argument that derives from the data.
        InstKind::Call { args, .. } => {
            return args
                .iter()
                .find_map(|a| derive(func, a, param, 0, &mut memo));
        }
        _ => return None,
    };
    derive(func, &addr, param, 0, &mut memo)
}

/// Do two accesses deriving from an instance's data in these ways touch
/// that instance's element only, both? Fields of the element the data
/// points to (`a->id`, `free(a)`) always do; array elements selected by
/// the data's value do when selected the same way (`slots[id]` twice, not
/// `slots[id]` and `slots[id + 1]`).
pub fn same_element(x: &FromData, y: &FromData) -> bool {
    match (x, y) {
        (FromData::Field(_), FromData::Field(_)) => true,
        _ => x == y,
    }
}

/// How value `v` of `func` (a lock's address passed to a lock call)
/// derives from the parameter `param` alone, as [`from_data`] does for an
/// access's address.
pub fn value_from_data(func: &Function, v: &Value, param: u32) -> Option<FromData> {
    let mut memo = HashMap::default();
    derive(func, v, param, 0, &mut memo)
}

fn derive(
    func: &Function,
    v: &Value,
    param: u32,
    depth: usize,
    memo: &mut HashMap<u32, Option<FromData>>,
) -> Option<FromData> {
    if depth > 12 {
        return None;
    }
    match v {
        Value::Arg(a) if *a == param => return Some(FromData::Field(0)),
        Value::Inst(i) => {
            if let Some(known) = memo.get(i) {
                return known.clone();
            }
        }
        _ => return None,
    }
    let Value::Inst(i) = *v else { return None };
    memo.insert(i, None);
    let out = match &func.insts[i as usize].kind {
        InstKind::Cast { value, .. } => derive(func, value, param, depth + 1, memo),
        InstKind::Gep {
            base,
            offset: Some(c),
            ..
        } => match derive(func, base, param, depth + 1, memo)? {
            FromData::Field(o) => Some(FromData::Field(o + c)),
            FromData::Index(b, o) => Some(FromData::Index(b, o + c)),
        },
        InstKind::Gep {
            base,
            offset: None,
            const_part,
            index: Some(x),
            ..
        } => {
            // `base[(long)param]`, the base not derived from the parameter.
            let base_ok = matches!(base, Value::Global { .. });
            let idx_is_param = matches!(derive_int(func, x, param, depth + 1), Some(true));
            (base_ok && idx_is_param).then(|| FromData::Index(base.clone(), *const_part))
        }
        // -O0: a local variable stored once and read back.
        InstKind::Load {
            ptr: Value::Inst(slot),
            ..
        } => single_store(func, *slot).and_then(|s| derive(func, &s, param, depth + 1, memo)),
        _ => None,
    };
    memo.insert(i, out.clone());
    out
}

/// Is integer `v` the parameter's value itself (`(long)param`), through
/// casts and local variables stored once?
fn derive_int(func: &Function, v: &Value, param: u32, depth: usize) -> Option<bool> {
    if depth > 12 {
        return None;
    }
    match v {
        Value::Arg(a) => Some(*a == param),
        Value::Inst(i) => match &func.insts[*i as usize].kind {
            InstKind::Cast { value, .. } | InstKind::PtrToInt { value } => {
                derive_int(func, value, param, depth + 1)
            }
            InstKind::Load {
                ptr: Value::Inst(slot),
                ..
            } => derive_int(func, &single_store(func, *slot)?, param, depth + 1),
            _ => None,
        },
        _ => None,
    }
}

/// The value stored to a local stack slot, when exactly one store writes
/// it and its address is used for nothing but loads and stores.
pub(super) fn single_store(func: &Function, slot: u32) -> Option<Value> {
    if !matches!(func.insts.get(slot as usize)?.kind, InstKind::Alloca { .. }) {
        return None;
    }
    let mut stored = None;
    for inst in &func.insts {
        match &inst.kind {
            InstKind::Store { ptr, value, .. } if *ptr == Value::Inst(slot) => {
                if stored.is_some() {
                    return None;
                }
                stored = Some(value.clone());
            }
            InstKind::Load { ptr, .. } if *ptr == Value::Inst(slot) => {}
            other if mentions(other, slot) => return None,
            _ => {}
        }
    }
    stored
}
