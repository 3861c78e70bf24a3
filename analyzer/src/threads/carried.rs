//! Where a thread handle a start returns as a value is kept.
//!
//! Rust's `Thread::new` (what `thread::spawn` comes down to at -O2)
//! returns the OS thread's handle, which rustc moves into the
//! `JoinHandle`: into the spawning function's stack slot, or, when a
//! thread's closure returns the handle of a thread it started, through
//! the closure's return slot into the parent's result packet, out of which
//! the parent's joiner takes it (`spawn(|| spawn(f)).join().unwrap().join()`).
//! The places are the stores of the call's result (through `extractvalue`
//! and casts) and, from there, the stores of what loads of those places
//! read (and copies of them), a few rounds on.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::ir::{Function, InstKind, Value};
use crate::memory::{Memory, Ptr};
use crate::program::{FuncId, Program};

/// Rounds of copies followed from the first stores.
const MAX_ROUNDS: usize = 4;
/// Places past which a handle is taken to be kept nowhere known.
const MAX_PLACES: usize = 16;

/// Per start `(function, call)` in `starts`, the places its returned
/// handle is kept; a start whose handle goes nowhere known, or to more than
/// `MAX_PLACES` places, is left out.
pub fn returned_handle_places(
    program: &Program<'_>,
    memory: &Memory,
    starts: &[(FuncId, u32)],
) -> HashMap<(FuncId, u32), Vec<Ptr>> {
    let mut out = HashMap::default();
    if starts.is_empty() {
        return out;
    }
    // Loads and copies of every function, by the place they read.
    let mut loads: HashMap<Ptr, Vec<(FuncId, u32)>> = HashMap::default();
    let mut copies: HashMap<u32, Vec<(Ptr, Ptr, u64)>> = HashMap::default();
    for g in 0..program.funcs.len() as FuncId {
        let func = program.function(g);
        for (i, inst) in func.insts.iter().enumerate() {
            match &inst.kind {
                InstKind::Load { ptr, .. } => {
                    if let Some(p) = known_place(program, memory, g, ptr) {
                        loads.entry(p).or_default().push((g, i as u32));
                    }
                }
                InstKind::MemCopy {
                    dst,
                    src,
                    len: Some(len),
                    ..
                } => {
                    if let (Some(s), Some(d)) = (
                        known_place(program, memory, g, src),
                        known_place(program, memory, g, dst),
                    ) {
                        copies.entry(s.node).or_default().push((s, d, *len));
                    }
                }
                _ => {}
            }
        }
    }
    for &(f, call) in starts {
        let mut places: Vec<Ptr> = stores_of(program, memory, f, call);
        let mut frontier = places.clone();
        for _round in 0..MAX_ROUNDS {
            let mut next: Vec<Ptr> = Vec::new();
            for p in &frontier {
                for &(g, l) in loads.get(p).into_iter().flatten() {
                    next.extend(stores_of(program, memory, g, l));
                }
                for &(s, d, len) in copies.get(&p.node).into_iter().flatten() {
                    if s.off <= p.off && p.off < s.off + len as i64 {
                        next.push(Ptr {
                            node: d.node,
                            off: d.off + (p.off - s.off),
                        });
                    }
                }
            }
            next.retain(|p| !places.contains(p));
            next.sort_unstable();
            next.dedup();
            if next.is_empty() {
                break;
            }
            places.extend(next.iter().copied());
            frontier = next;
            if places.len() > MAX_PLACES {
                break;
            }
        }
        if !places.is_empty() && places.len() <= MAX_PLACES {
            places.sort_unstable();
            out.insert((f, call), places);
        }
    }
    out
}

/// What `v` points to in `f`, when that is one place (not an object
/// unification collapsed).
fn known_place(program: &Program<'_>, memory: &Memory, f: FuncId, v: &Value) -> Option<Ptr> {
    memory
        .ptr_of(program, f, v)
        .filter(|p| !memory.is_collapsed(p.node))
}

/// The places the value of instruction `seed` of `f` (or a part of it,
/// or a cast of it) is stored to.
fn stores_of(program: &Program<'_>, memory: &Memory, f: FuncId, seed: u32) -> Vec<Ptr> {
    let func = program.function(f);
    let derived = derived_from(func, seed);
    let mut out: Vec<Ptr> = func
        .insts
        .iter()
        .filter_map(|inst| match &inst.kind {
            InstKind::Store {
                ptr,
                value: Value::Inst(v),
                ..
            } if derived.contains(v) => known_place(program, memory, f, ptr),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// `seed` and the instructions that carry its value on unchanged: parts
/// of it (`extractvalue`), casts, and merges of it with other values.
fn derived_from(func: &Function, seed: u32) -> HashSet<u32> {
    let mut set: HashSet<u32> = HashSet::default();
    set.insert(seed);
    loop {
        let before = set.len();
        for (i, inst) in func.insts.iter().enumerate() {
            let carries = |v: &Value| matches!(v, Value::Inst(x) if set.contains(x));
            let derived = match &inst.kind {
                InstKind::ExtractValue { aggregate, .. } => carries(aggregate),
                InstKind::Cast { value, .. }
                | InstKind::PtrToInt { value }
                | InstKind::IntToPtr { value } => carries(value),
                // Where the ways merge (the `Ok` and the panic of
                // `catch_unwind`): the handle on one of them.
                InstKind::Phi { incoming } => incoming.iter().any(|(v, _)| carries(v)),
                InstKind::Select {
                    then, otherwise, ..
                } => carries(then) || carries(otherwise),
                _ => false,
            };
            if derived {
                set.insert(i as u32);
            }
        }
        if set.len() == before {
            return set;
        }
    }
}
