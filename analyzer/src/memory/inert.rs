//! Inert parameters of Rust's library functions.
//!
//! At -O0 rustc keeps std's small non-generic helpers as real calls, and
//! every pointer of the program goes through a few of them: the `ub_checks`
//! preconditions (`NonNull::new_unchecked::precondition_check(ptr, …)`,
//! `slice::from_raw_parts::precondition_check`), `is_aligned_to`, the
//! allocator's `deallocate`. Binding their parameters to every caller's
//! argument, as unification does, makes one object of every heap box and
//! stack slot passed to them, which then collapses. A parameter such a
//! function never dereferences, stores, returns or passes on (except to
//! another inert parameter or to a modelled free) creates no alias and no
//! access: it is *inert*, and calls do not bind it.
//!
//! Only functions of Rust's library (`std::`, `core::`, `alloc::`) are
//! considered; C and the user's Rust are bound as before.

use rustc_hash::FxHashMap as HashMap;

use crate::ir::{Callee, InstKind, Value};
use crate::program::{is_rust_std_fn, FreeFrame, FuncId, ModelIndex, Primitive, Program, Target};

/// Rounds of the greatest fixpoint (each only removes inertness).
const MAX_ROUNDS: usize = 16;

/// Per function of Rust's library: bit `k` set when parameter `k` (of the
/// first 64) is inert.
pub fn inert_params(program: &Program<'_>, index: &ModelIndex<'_>) -> HashMap<FuncId, u64> {
    let mut inert: HashMap<FuncId, u64> = HashMap::default();
    for f in 0..program.funcs.len() as FuncId {
        let func = program.function(f);
        if is_rust_std_fn(&program.funcs[f as usize].demangled)
            && !func.params.is_empty()
            && !index.of(Target::Defined(f)).is_primitive()
        {
            let n = func.params.len().min(64);
            inert.insert(f, if n == 64 { u64::MAX } else { (1u64 << n) - 1 });
        }
    }
    let mut candidates: Vec<FuncId> = inert.keys().copied().collect();
    candidates.sort_unstable();
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for &f in &candidates {
            let now = inert[&f];
            if now == 0 {
                continue;
            }
            let escaping = escaping_params(program, index, &inert, f);
            let next = now & !escaping;
            if next != now {
                inert.insert(f, next);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    inert.retain(|_, m| *m != 0);
    inert
}

/// Which parameters of `f` (bit mask) are dereferenced, stored, returned or
/// passed on where they are not inert, given the current `inert` masks.
fn escaping_params(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    inert: &HashMap<FuncId, u64>,
    f: FuncId,
) -> u64 {
    let func = program.function(f);
    let module = program.funcs[f as usize].module;
    // Which parameters each instruction's result is derived from.
    let mut derived = vec![0u64; func.insts.len()];
    // Stack slots only ever loaded from and stored to directly (the spill
    // of every parameter -O0 makes for the debugger): what is stored there
    // is loaded back, and goes nowhere else. Per slot: parameters stored.
    let private = private_slots(func);
    let mut held = vec![0u64; func.insts.len()];
    let mask = |derived: &[u64], v: &Value| -> u64 {
        match v {
            Value::Arg(k) if *k < 64 => 1u64 << k,
            Value::Inst(i) => derived.get(*i as usize).copied().unwrap_or(0),
            _ => 0,
        }
    };
    let slot = |v: &Value| match v {
        Value::Inst(a) if private[*a as usize] => Some(*a as usize),
        _ => None,
    };
    let mut escaping = 0u64;
    // Phis see values from later blocks: repeat until the masks settle.
    for _ in 0..8 {
        let mut changed = false;
        for (i, inst) in func.insts.iter().enumerate() {
            let m = |v: &Value| mask(&derived, v);
            let (result, esc) = match &inst.kind {
                InstKind::Gep { base, .. } => (m(base), 0),
                InstKind::Cast { value, .. }
                | InstKind::PtrToInt { value }
                | InstKind::IntToPtr { value } => (m(value), 0),
                InstKind::Phi { incoming } => (incoming.iter().fold(0, |a, (v, _)| a | m(v)), 0),
                InstKind::Select {
                    then, otherwise, ..
                } => (m(then) | m(otherwise), 0),
                InstKind::BinOp { lhs, rhs, .. } => (m(lhs) | m(rhs), 0),
                InstKind::ExtractValue { aggregate, .. } => (m(aggregate), 0),
                InstKind::InsertValue {
                    aggregate, value, ..
                } => (m(aggregate) | m(value), 0),
                InstKind::ICmp { .. }
                | InstKind::CondBr { .. }
                | InstKind::Switch { .. }
                | InstKind::Br { .. }
                | InstKind::Unreachable
                | InstKind::LifetimeEnd { .. }
                | InstKind::Fence { .. }
                | InstKind::Alloca { .. } => (0, 0),
                InstKind::Load { ptr, .. } => match slot(ptr) {
                    Some(a) => (held[a], 0),
                    None => (0, m(ptr)),
                },
                InstKind::Store { ptr, value, .. } => match slot(ptr) {
                    Some(a) => {
                        let v = m(value);
                        if held[a] | v != held[a] {
                            held[a] |= v;
                            changed = true;
                        }
                        (0, 0)
                    }
                    None => (0, m(ptr) | m(value)),
                },
                InstKind::AtomicRmw { ptr, value, .. } => (0, m(ptr) | m(value)),
                InstKind::CmpXchg {
                    ptr, expected, new, ..
                } => (0, m(ptr) | m(expected) | m(new)),
                InstKind::MemCopy { dst, src, .. } => (0, m(dst) | m(src)),
                InstKind::MemSet { dst, .. } => (0, m(dst)),
                InstKind::Ret { value } => (0, value.as_ref().map(m).unwrap_or(0)),
                InstKind::Asm { args, .. } | InstKind::Other { operands: args } => {
                    (0, args.iter().fold(0, |a, v| a | m(v)))
                }
                InstKind::Call { callee, args, .. } => {
                    let target = match callee {
                        Callee::Direct(name) => program.direct_target(module, *name),
                        Callee::Indirect(_) => None,
                    };
                    let mut esc = match callee {
                        Callee::Indirect(v) => m(v),
                        Callee::Direct(_) => 0,
                    };
                    // A free the user's code makes (a closure inlined into
                    // `__rust_begin_short_backtrace` dropping its `Box`)
                    // is an access of the user's: its pointer is bound.
                    let frees = target
                        .map(|t| index.of(t).alloc.is_some_and(|a| a.free))
                        .unwrap_or(false)
                        && index.free_frame(program, f, i as u32) != FreeFrame::User;
                    let callee_inert = match target {
                        Some(Target::Defined(g)) => inert.get(&g).copied().unwrap_or(0),
                        _ => 0,
                    };
                    for (j, a) in args.iter().enumerate() {
                        let am = m(a);
                        if am == 0 || frees || (j < 64 && callee_inert & (1u64 << j) != 0) {
                            continue;
                        }
                        esc |= am;
                    }
                    (0, esc)
                }
            };
            escaping |= esc;
            if derived[i] | result != derived[i] {
                derived[i] |= result;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    escaping
}

/// Allocas whose address is used only as the address of loads and stores.
fn private_slots(func: &crate::ir::Function) -> Vec<bool> {
    let mut private: Vec<bool> = func
        .insts
        .iter()
        .map(|i| matches!(i.kind, InstKind::Alloca { .. }))
        .collect();
    let mut escape = |v: &Value| {
        if let Value::Inst(a) = v {
            if let Some(p) = private.get_mut(*a as usize) {
                *p = false;
            }
        }
    };
    for inst in &func.insts {
        match &inst.kind {
            InstKind::Load { .. } | InstKind::Alloca { .. } => {}
            InstKind::Store { value, .. } => escape(value),
            InstKind::AtomicRmw { ptr, value, .. } => {
                escape(ptr);
                escape(value);
            }
            InstKind::CmpXchg {
                ptr, expected, new, ..
            } => {
                escape(ptr);
                escape(expected);
                escape(new);
            }
            InstKind::Call { callee, args, .. } => {
                if let Callee::Indirect(v) = callee {
                    escape(v);
                }
                args.iter().for_each(&mut escape);
            }
            InstKind::Asm { args, .. } | InstKind::Other { operands: args } => {
                args.iter().for_each(&mut escape)
            }
            InstKind::MemCopy { dst, src, .. } => {
                escape(dst);
                escape(src);
            }
            InstKind::MemSet { dst, .. } => escape(dst),
            InstKind::Gep { base, .. } => escape(base),
            InstKind::Cast { value, .. }
            | InstKind::PtrToInt { value }
            | InstKind::IntToPtr { value } => escape(value),
            InstKind::Phi { incoming } => incoming.iter().for_each(|(v, _)| escape(v)),
            InstKind::Select {
                cond,
                then,
                otherwise,
            } => {
                escape(cond);
                escape(then);
                escape(otherwise);
            }
            InstKind::ExtractValue { aggregate, .. } => escape(aggregate),
            InstKind::InsertValue {
                aggregate, value, ..
            } => {
                escape(aggregate);
                escape(value);
            }
            InstKind::ICmp { lhs, rhs, .. } | InstKind::BinOp { lhs, rhs, .. } => {
                escape(lhs);
                escape(rhs);
            }
            InstKind::Ret { value } => {
                if let Some(v) = value {
                    escape(v);
                }
            }
            InstKind::CondBr { cond, .. } => escape(cond),
            InstKind::Switch { value, .. } => escape(value),
            InstKind::Fence { .. }
            | InstKind::Br { .. }
            | InstKind::Unreachable
            | InstKind::LifetimeEnd { .. } => {}
        }
    }
    private
}
