//! Thread handles kept in memory (`pthread_t h`, `pthread_t t[N]`): which
//! joins wait for which starts.
//!
//! A join waits for the thread whose handle it reads, and a place holds
//! the handle of the last thread started into it. So joining `h` after a
//! loop that started three threads into `h` waits for the last one only;
//! a handle overwritten before the join (`t[2] = t[3]`, another start
//! into `t[0]`) is never waited for; and a join loop over `t[i]` waits for
//! every thread a create loop over `t[i]` started only when it visits
//! every element the create loop wrote: its index runs over a range that
//! covers the create loop's (index ranges, `ir::ranges`), or both loops
//! count the same way to the same run-time bound (`i < n` in both).

use rustc_hash::FxHashMap as HashMap;

use crate::ir::ranges::{negate, swap, IndexRanges, Range};
use crate::ir::{CastOp, CmpPred, Function, InstId, InstKind, IntOp, Value};
use crate::memory::Memory;
use crate::program::{FuncId, ModelIndex, Program};

use super::instances::{induction, mentions, single_store, strip_casts};
use super::{loops_of, reachable_avoiding};

/// Where a start writes its handle, or a join reads it from.
#[derive(Clone, Debug)]
enum Place {
    /// `base + const_part + index * stride`, the index known at run time
    /// only (`&t[i]`): the `Gep`.
    Indexed {
        gep: InstId,
        base: Value,
        const_part: i64,
        stride: i64,
        index: Value,
    },
    /// `base + offset` (`&h`, `&t[2]`).
    Fixed { base: Value, offset: i64 },
}

/// The place pointer `v` of `func` names, through casts and constant
/// offsets.
fn place(func: &Function, v: &Value) -> Place {
    let mut v = v.clone();
    let mut offset = 0i64;
    for _ in 0..8 {
        let Value::Inst(i) = v else { break };
        match &func.insts[i as usize].kind {
            InstKind::Gep {
                base,
                offset: Some(o),
                ..
            } => {
                offset += o;
                v = base.clone();
            }
            InstKind::Gep {
                base,
                offset: None,
                const_part,
                index: Some(x),
                stride,
            } if *stride != 0 => {
                return Place::Indexed {
                    gep: i,
                    base: base.clone(),
                    const_part: const_part + offset,
                    stride: *stride as i64,
                    index: x.clone(),
                }
            }
            InstKind::Cast {
                value,
                op: CastOp::Same,
            } => v = value.clone(),
            _ => break,
        }
    }
    Place::Fixed { base: v, offset }
}

/// Are `a` and `b` the same value whenever both are computed: the same
/// value, the same cast of the same value, or loads of one local variable
/// written once (`n`, `t` at -O0)?
fn same_value(func: &Function, a: &Value, b: &Value) -> bool {
    if a == b {
        return true;
    }
    let (Value::Inst(x), Value::Inst(y)) = (a, b) else {
        return false;
    };
    match (&func.insts[*x as usize].kind, &func.insts[*y as usize].kind) {
        (
            InstKind::Cast {
                value: v1, op: o1, ..
            },
            InstKind::Cast {
                value: v2, op: o2, ..
            },
        ) => o1 == o2 && same_value(func, v1, v2),
        (
            InstKind::Load {
                ptr: Value::Inst(s1),
                size: z1,
                ..
            },
            InstKind::Load {
                ptr: Value::Inst(s2),
                size: z2,
                ..
            },
        ) => s1 == s2 && z1 == z2 && single_store(func, *s1).is_some(),
        _ => false,
    }
}

/// The joins among `joins` (in `f`) that wait for the thread started at
/// `start`, a start writing its handle through a pointer
/// (`pthread_create(&t[i], …)`). A join that reads its handle from
/// memory (`pthread_join(t[i], …)`) is dropped when
///
/// - the handle may be overwritten between the start and the join: by
///   another start into the same place, a store, or the start itself run
///   again into the same place (one place holds one thread);
/// - the start runs several times before the join (a create loop), and
///   the join neither is in a loop of its own that reads every element
///   the start wrote (see [`covers`]) nor comes after joins of each of
///   those elements on every way from the start (a join loop LLVM
///   unrolled).
///
/// Other joins among `joins` are kept when they are among `matched`
/// (those whose handle's place the caller matched with the start's).
#[allow(clippy::too_many_arguments)]
pub(super) fn joins_of_start(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    memory: &Memory,
    f: FuncId,
    start: u32,
    joins: &[u32],
    matched: &[u32],
    ranges: &mut HashMap<FuncId, IndexRanges>,
) -> Vec<u32> {
    let func = program.function(f);
    let module = program.funcs[f as usize].module;
    let target = |i: u32| match &func.insts.get(i as usize)?.kind {
        InstKind::Call { callee, .. } => program.call_target(module, callee),
        _ => None,
    };
    let arg = |i: u32, k: u32| {
        func.insts[i as usize]
            .kind
            .model_args()
            .get(k as usize)
            .cloned()
    };
    let handle_of_start = |i: u32| {
        let k = index.of(target(i)?).spawn?.handle_arg?;
        arg(i, k)
    };
    let Some(handle) = handle_of_start(start) else {
        return matched.to_vec();
    };
    let starts: Vec<u32> = (0..func.insts.len() as u32)
        .filter(|&i| target(i).is_some_and(|t| index.of(t).spawn.is_some()))
        .collect();
    let ranges = ranges
        .entry(f)
        .or_insert_with(|| IndexRanges::analyze(func));
    let here = place(func, &handle);
    let bytes = |v: &Value, size: Option<u64>| extent(program, memory, ranges, f, func, v, size);
    let mine = bytes(&handle, Some(8));
    // Everything else that may write where the start wrote its handle.
    let writes: Vec<u32> = match &mine {
        None => Vec::new(),
        Some(mine) => (0..func.insts.len() as u32)
            .filter(|&i| i != start)
            .filter(|&i| {
                let w = match &func.insts[i as usize].kind {
                    InstKind::Store { ptr, size, .. } => bytes(ptr, Some(*size as u64)),
                    InstKind::MemCopy { dst, len, .. } | InstKind::MemSet { dst, len, .. } => {
                        bytes(dst, *len)
                    }
                    InstKind::Call { .. } => handle_of_start(i).and_then(|h| bytes(&h, Some(8))),
                    _ => None,
                };
                w.is_some_and(|w| w.overlaps(mine))
            })
            .collect(),
    };
    let start_block = func.block_of(start);
    // How the loop around the start counts, and whether it writes a
    // different element every time round.
    let start_shape = match (&here, start_block) {
        (Place::Indexed { index: x, .. }, Some(b)) => {
            let l = func.loop_around(b);
            (!l.is_empty())
                .then(|| Shape::of(func, &l, start, x, false, &starts))
                .flatten()
        }
        _ => None,
    };
    let injective = match &here {
        Place::Indexed { index: x, .. } => {
            start_shape.is_some() || induction(func, start, &strip_casts(func, x))
        }
        Place::Fixed { .. } => false,
    };
    // The elements the start writes: by its index's range, within the
    // array's bounds when they are known (an index out of bounds is a bug
    // of its own).
    let written = match &here {
        Place::Indexed {
            gep,
            base,
            const_part,
            stride,
            ..
        } => {
            let array = array_elements(program, module, func, base, *const_part, *stride);
            match (ranges.get(*gep), array) {
                (Some(r), Some(a)) if r.lo < a.lo || r.hi > a.hi => Some(a),
                (r, a) => r.or(a),
            }
        }
        Place::Fixed { .. } => None,
    };
    let elem_of = |p: &Place| match (&here, p) {
        (
            Place::Indexed {
                base,
                const_part,
                stride,
                ..
            },
            Place::Fixed { base: b, offset },
        ) if same_value(func, base, b) && (offset - const_part) % stride == 0 => {
            Some((offset - const_part) / stride)
        }
        _ => None,
    };
    // Joins of single elements of the start's array (an unrolled join loop).
    let element_joins: Vec<(u32, i64)> = joins
        .iter()
        .filter_map(|&j| {
            let jm = target(j).and_then(|t| index.of(t).join)?;
            let Some(Value::Inst(k)) = arg(j, jm.arg) else {
                return None;
            };
            match &func.insts[k as usize].kind {
                InstKind::Load { ptr, .. } => Some((j, elem_of(&place(func, ptr))?)),
                _ => None,
            }
        })
        .collect();
    let mut joined: Option<HashMap<u32, Vec<i64>>> = None;
    joins
        .iter()
        .copied()
        .filter(|&j| {
            let is_matched = matched.contains(&j);
            let Some(jm) = target(j).and_then(|t| index.of(t).join) else {
                return is_matched;
            };
            let read = match arg(j, jm.arg) {
                Some(Value::Inst(k)) => match &func.insts[k as usize].kind {
                    InstKind::Load { ptr, .. } => ptr.clone(),
                    _ => return is_matched,
                },
                _ => return is_matched,
            };
            let overwritten = writes.iter().any(|&w| {
                reachable_avoiding(func, start, w, &[j], &[])
                    && reachable_avoiding(func, w, j, &[], &[])
            });
            if overwritten {
                return false;
            }
            // Several starts here before this join.
            let several = reachable_avoiding(func, start, start, &[j], &[]);
            if several && !injective {
                return false;
            }
            let there = place(func, &read);
            let own_loop = loops_of(func, &[j])
                .into_iter()
                .next()
                .filter(|l| start_block.is_none_or(|b| !l.blocks.contains(&b)));
            match (&there, own_loop) {
                (Place::Indexed { .. }, Some(l)) => covers(
                    func,
                    ranges,
                    &starts,
                    (&here, start_shape.as_ref(), written),
                    (j, &there, &l.blocks, &l.bypass),
                ),
                (Place::Fixed { .. }, _) if several => {
                    let Some(w) = written.filter(|w| w.hi - w.lo <= 4096) else {
                        return false;
                    };
                    let joined =
                        joined.get_or_insert_with(|| must_joined(func, start, &element_joins));
                    joined.get(&j).is_some_and(|done| {
                        let step = if w.lo == w.hi { 1 } else { w.m.max(1) };
                        (w.lo..=w.hi)
                            .step_by(step as usize)
                            .all(|e| done.binary_search(&e).is_ok())
                    })
                }
                _ => is_matched && !several,
            }
        })
        .collect()
}

/// The elements of an array `base` (a stack array or a global) that
/// `base + const_part + k * stride` reaches inside it: the `k` of the
/// index range.
fn array_elements(
    program: &Program<'_>,
    module: u32,
    func: &Function,
    base: &Value,
    const_part: i64,
    stride: i64,
) -> Option<Range> {
    let size = match base {
        Value::Inst(a) => match &func.insts[*a as usize].kind {
            InstKind::Alloca { size, .. } => (*size)?,
            _ => return None,
        },
        Value::Global { name, offset: 0 } => match program.resolve(module, *name)? {
            crate::program::Symbol::Global(g) => program.global(g).size,
            _ => return None,
        },
        _ => return None,
    };
    let size = i64::try_from(size).ok().filter(|&s| s > 0)?;
    if stride <= 0 {
        return None;
    }
    // 0 <= const_part + k * stride and const_part + (k + 1) * stride <= size.
    let lo = (-const_part).div_euclid(stride) + i64::from((-const_part).rem_euclid(stride) != 0);
    let hi = (size - const_part - stride).div_euclid(stride);
    (lo <= hi).then_some(Range { lo, hi, m: 1, r: 0 })
}

/// For each join in `element_joins` (a join of element `k` of the start's
/// array): the elements joined on every way from `start` to just after
/// it, sorted. Starting the thread again forgets them all.
fn must_joined(
    func: &Function,
    start: u32,
    element_joins: &[(u32, i64)],
) -> HashMap<u32, Vec<i64>> {
    use std::collections::BTreeSet;
    let n = func.blocks.len();
    let Some(bs) = func.block_of(start) else {
        return HashMap::default();
    };
    let elem = |i: u32| element_joins.iter().find(|e| e.0 == i).map(|e| e.1);
    // Runs block `b` from instruction `from` on state `s`.
    let run = |b: u32, from: u32, mut s: BTreeSet<i64>, out: &mut HashMap<u32, Vec<i64>>| {
        for i in func.block_insts(b) {
            let i = i as u32;
            if i < from {
                continue;
            }
            if i == start {
                s.clear();
            } else if let Some(k) = elem(i) {
                s.insert(k);
                let now: Vec<i64> = s.iter().copied().collect();
                out.entry(i)
                    .and_modify(|v| v.retain(|x| now.contains(x)))
                    .or_insert(now);
            }
        }
        s
    };
    let mut ins: Vec<Option<BTreeSet<i64>>> = vec![None; n];
    let mut scratch = HashMap::default();
    let first = run(bs, start + 1, BTreeSet::new(), &mut scratch);
    let mut work: Vec<(u32, BTreeSet<i64>)> = func.blocks[bs as usize]
        .succs
        .iter()
        .map(|&s| (s, first.clone()))
        .collect();
    while let Some((b, s)) = work.pop() {
        let new = match &ins[b as usize] {
            Some(old) => old.intersection(&s).copied().collect(),
            None => s,
        };
        if ins[b as usize].as_ref() == Some(&new) {
            continue;
        }
        ins[b as usize] = Some(new.clone());
        let out = run(b, 0, new, &mut scratch);
        for &t in &func.blocks[b as usize].succs {
            work.push((t, out.clone()));
        }
    }
    // The states at the fixpoint.
    let mut out = HashMap::default();
    let _ = run(bs, start + 1, BTreeSet::new(), &mut out);
    for b in 0..n as u32 {
        if let Some(s) = ins[b as usize].clone() {
            let _ = run(b, 0, s, &mut out);
        }
    }
    out
}

/// The bytes of its object a pointer's access may touch: `None` when
/// points-to does not know the pointer.
#[derive(Clone, Copy, Debug)]
struct Extent {
    node: u32,
    lo: i64,
    hi: i64,
}

impl Extent {
    fn overlaps(&self, o: &Extent) -> bool {
        self.node == o.node && self.lo < o.hi && o.lo < self.hi
    }
}

fn extent(
    program: &Program<'_>,
    memory: &Memory,
    ranges: &IndexRanges,
    f: FuncId,
    func: &Function,
    v: &Value,
    size: Option<u64>,
) -> Option<Extent> {
    let p = memory.ptr_of(program, f, v)?;
    let whole = Extent {
        node: p.node,
        lo: i64::MIN,
        hi: i64::MAX,
    };
    let (Some(size), false) = (size, memory.is_collapsed(p.node)) else {
        return Some(whole);
    };
    let size = size.min(1 << 20) as i64;
    match place(func, v) {
        Place::Fixed { .. } => Some(Extent {
            node: p.node,
            lo: p.off,
            hi: p.off.saturating_add(size),
        }),
        Place::Indexed { gep, stride, .. } => match ranges.get(gep) {
            Some(r) => {
                let (a, b) = (r.lo.saturating_mul(stride), r.hi.saturating_mul(stride));
                Some(Extent {
                    node: p.node,
                    lo: p.off.saturating_add(a.min(b)),
                    hi: p.off.saturating_add(a.max(b)).saturating_add(size),
                })
            }
            None => Some(whole),
        },
    }
}

/// Does the join at `join`, in a loop (`blocks`, skipped by `bypass`) that
/// does not contain the start, read every handle the start (at `here`)
/// wrote (the elements `written`; its loop's shape `shape_s`)? The two places
/// index one array (the same base, stride and constant part), or the
/// start writes one element of it; and the join loop visits every
/// element: the join runs on every round, its index is the loop's
/// counter (started at a known value, stepped by one constant), and the
/// loop is left by one test of that counter only. Then the elements it
/// visits are those the index ranges give its index (from the first value
/// on, by the step), and they must include those the start writes; or,
/// with a bound known only at run time, the start's loop must count the
/// same way: the same first value, step and test against the same bound.
fn covers(
    func: &Function,
    ranges: &IndexRanges,
    starts: &[u32],
    (here, shape_s, written): (&Place, Option<&Shape>, Option<Range>),
    (join, there, blocks, bypass): (u32, &Place, &[u32], &[(u32, u32)]),
) -> bool {
    let Place::Indexed {
        gep: gj,
        base: bj,
        const_part: cj,
        stride: sj,
        index: xj,
    } = there
    else {
        return false;
    };
    let Some(shape) = Shape::of(func, blocks, join, xj, true, starts) else {
        return false;
    };
    // A guard skipping the join loop must test the loop's bound (LLVM's
    // `if (n > 0)` in front of a rotated loop), not something else.
    let bound = strip_casts(func, &shape.bound);
    let guards_ok = bypass.iter().all(|&(g, _)| {
        let blk = &func.blocks[g as usize];
        let last = blk.first + blk.len - 1;
        let InstKind::CondBr {
            cond: Value::Inst(c),
            ..
        } = &func.insts[last as usize].kind
        else {
            return false;
        };
        let InstKind::ICmp { lhs, rhs, .. } = &func.insts[*c as usize].kind else {
            return false;
        };
        [lhs, rhs]
            .iter()
            .any(|v| same_value(func, &strip_casts(func, v), &bound))
    });
    if !guards_ok {
        return false;
    }
    let written = match here {
        Place::Indexed {
            base,
            const_part,
            stride,
            ..
        } => {
            if !same_value(func, base, bj) || stride != sj || const_part != cj {
                return false;
            }
            // Counted the same way to the same bound.
            if shape_s.is_some_and(|s| s.same_as(func, &shape)) {
                return true;
            }
            written
        }
        Place::Fixed { base, offset } => {
            if !same_value(func, base, bj) || (offset - cj) % sj != 0 {
                return false;
            }
            let k = (offset - cj) / sj;
            Some(Range {
                lo: k,
                hi: k,
                m: 1,
                r: 0,
            })
        }
    };
    let (Some(w), Some(visited), Value::Int(_), Value::Int(init)) =
        (written, ranges.get(*gj), &shape.bound, &shape.init)
    else {
        return false;
    };
    // The first element the join reads is where its range starts.
    let first = init + shape.at;
    let step = shape.step.unsigned_abs() as i64;
    if (shape.step > 0 && visited.lo != first) || (shape.step < 0 && visited.hi != first) {
        return false;
    }
    let on_step = |x: i64| (x - first).rem_euclid(step) == 0;
    let stepped = w.lo == w.hi || step == 1 || (w.m % step == 0 && on_step(w.r));
    visited.lo <= w.lo && w.hi <= visited.hi && on_step(w.lo) && stepped
}

/// How a loop counts: its counter starts at `init` and moves by `step`
/// each time round; the index at the start or join is the counter's
/// value on entering the round plus `at`; the loop goes on while
/// `counter + off` `pred` `bound` (its one exit).
#[derive(Debug)]
struct Shape {
    init: Value,
    step: i64,
    at: i64,
    pred: CmpPred,
    off: i64,
    bound: Value,
    /// The test comes before the start or join in a round.
    test_first: bool,
}

/// A loop's counter: a phi of its head (-O2; with the local variable that
/// mirrors it, when its address went to a thread and so it lives in
/// memory too: `pthread_create(…, &i)`), or a local variable the loop
/// steps (-O0); with the store that steps the variable.
#[derive(Clone, Copy)]
enum Counter {
    Phi(InstId, Option<(InstId, InstId)>),
    Slot(InstId, InstId),
}

impl Shape {
    /// The shape of the loop `blocks` around `call` (a start or join),
    /// whose handle's index is `index`. `every`: `call` must run on every
    /// round; else it must run at most once a round (no loop inside).
    /// Local variables count whose address goes to loads, stores and the
    /// thread starts `starts` only (a thread changing them races with
    /// this function, which is reported of its own).
    fn of(
        func: &Function,
        blocks: &[u32],
        call: u32,
        index: &Value,
        every: bool,
        starts: &[u32],
    ) -> Option<Shape> {
        let inside = |b: u32| blocks.binary_search(&b).is_ok();
        let preds = func.predecessors();
        let mut heads = blocks
            .iter()
            .copied()
            .filter(|&b| preds[b as usize].iter().any(|&p| !inside(p)));
        let head = heads.next()?;
        if heads.next().is_some() {
            return None;
        }
        let mut exits = blocks
            .iter()
            .copied()
            .filter(|&b| func.blocks[b as usize].succs.iter().any(|&s| !inside(s)));
        let exit = exits.next()?;
        if exits.next().is_some() {
            return None;
        }
        let round = Round { func, blocks, head };
        let bc = func.block_of(call)?;
        let once = if every {
            round.every(bc)
        } else {
            !round.cycle_without(u32::MAX)
        };
        if !once || !round.every(exit) {
            return None;
        }
        // A local variable of this function alone, and its one store in
        // the loop, on every round.
        let local = |slot: InstId| -> Option<(InstId, Value)> {
            if !matches!(func.insts[slot as usize].kind, InstKind::Alloca { .. }) {
                return None;
            }
            let mut store = None;
            for (k, inst) in func.insts.iter().enumerate() {
                match &inst.kind {
                    InstKind::Store { ptr, value, .. } if *ptr == Value::Inst(slot) => {
                        if *value == Value::Inst(slot) {
                            return None;
                        }
                        if func.block_of(k as u32).is_some_and(inside) {
                            if store.is_some() {
                                return None;
                            }
                            store = Some((k as InstId, value.clone()));
                        }
                    }
                    InstKind::Load { ptr, .. } if *ptr == Value::Inst(slot) => {}
                    InstKind::Call { .. } if starts.contains(&(k as u32)) => {}
                    other if mentions(other, slot) => return None,
                    _ => {}
                }
            }
            let (z, v) = store?;
            round.every(func.block_of(z)?).then_some((z, v))
        };
        let loads = |x: &Value, slot: InstId| {
            matches!(x, Value::Inst(l) if matches!(&func.insts[*l as usize].kind,
                InstKind::Load { ptr, .. } if *ptr == Value::Inst(slot)))
        };
        let (counter, at0) = offset_of(func, index);
        let Value::Inst(ci) = counter else {
            return None;
        };
        let (counter, init, step) = match &func.insts[ci as usize].kind {
            InstKind::Phi { incoming } if func.block_of(ci) == Some(head) => {
                let mut init: Option<&Value> = None;
                let mut next: Option<&Value> = None;
                for (v, from) in incoming {
                    if inside(*from) {
                        if next.is_some_and(|n| n != v) {
                            return None;
                        }
                        next = Some(v);
                    } else if init.is_some_and(|i| !same_value(func, i, v)) {
                        return None;
                    } else {
                        init = Some(v);
                    }
                }
                let (init, next) = (init?.clone(), next?);
                let (x, d) = offset_of(func, next);
                if d == 0 {
                    return None;
                }
                // `phi + d`, or `load(slot) + d` of a variable whose one
                // store in the loop writes that sum and which holds the
                // phi's first value on entry.
                let mirror = match x {
                    Value::Inst(p) if p == ci => None,
                    Value::Inst(l) => {
                        let InstKind::Load {
                            ptr: Value::Inst(slot),
                            ..
                        } = func.insts[l as usize].kind
                        else {
                            return None;
                        };
                        let (z, v) = local(slot)?;
                        if v != *next || !same_value(func, &entry_value(func, &round, slot)?, &init)
                        {
                            return None;
                        }
                        Some((slot, z))
                    }
                    _ => return None,
                };
                (Counter::Phi(ci, mirror), init, d)
            }
            InstKind::Load {
                ptr: Value::Inst(slot),
                ..
            } => {
                let slot = *slot;
                let (z, value) = local(slot)?;
                let (x, d) = offset_of(func, &value);
                if !loads(&x, slot) || d == 0 {
                    return None;
                }
                (Counter::Slot(slot, z), entry_value(func, &round, slot)?, d)
            }
            _ => return None,
        };
        // The counter's value where `v` reads it, past the round's start.
        let read_at = |v: &Value| -> Option<i64> {
            let (x, d) = offset_of(func, v);
            let Value::Inst(x) = x else { return None };
            let (slot, z) = match counter {
                Counter::Phi(p, _) if x == p => return Some(d),
                Counter::Phi(_, Some(m)) => m,
                Counter::Slot(slot, z) => (slot, z),
                Counter::Phi(_, None) => return None,
            };
            if !loads(&Value::Inst(x), slot) {
                return None;
            }
            Some(d + if round.first(z, x)? { step } else { 0 })
        };
        let at = read_at(&Value::Inst(ci))? + at0;
        // The one test leaving the loop.
        let blk = &func.blocks[exit as usize];
        let last = blk.first + blk.len - 1;
        let InstKind::CondBr {
            cond: Value::Inst(c),
            then,
            otherwise,
        } = &func.insts[last as usize].kind
        else {
            return None;
        };
        let InstKind::ICmp { pred, lhs, rhs } = &func.insts[*c as usize].kind else {
            return None;
        };
        let (pred, off, bound) = match (read_at(lhs), read_at(rhs)) {
            (Some(o), None) => (*pred, o, rhs.clone()),
            (None, Some(o)) => (swap(*pred), o, lhs.clone()),
            _ => return None,
        };
        let pred = match (inside(*then), inside(*otherwise)) {
            (true, false) => pred,
            (false, true) => negate(pred),
            _ => return None,
        };
        Some(Shape {
            init,
            step,
            at,
            pred,
            off,
            bound,
            test_first: round.first(last, call)?,
        })
    }

    fn same_as(&self, func: &Function, o: &Shape) -> bool {
        same_value(func, &self.init, &o.init)
            && self.step == o.step
            && self.at == o.at
            && self.pred == o.pred
            && self.off == o.off
            && same_value(func, &self.bound, &o.bound)
            && self.test_first == o.test_first
    }
}

/// `v` as `x + c` with a constant `c` (0 when it is no such sum),
/// through casts.
fn offset_of(func: &Function, v: &Value) -> (Value, i64) {
    let v = strip_casts(func, v);
    if let Value::Inst(i) = v {
        if let InstKind::BinOp { op, lhs, rhs, .. } = &func.insts[i as usize].kind {
            match (op, lhs, rhs) {
                (IntOp::Add, x, Value::Int(c)) | (IntOp::Add, Value::Int(c), x) => {
                    return (strip_casts(func, x), *c)
                }
                (IntOp::Sub, x, Value::Int(c)) => return (strip_casts(func, x), -*c),
                _ => {}
            }
        }
    }
    (v, 0)
}

/// The value local variable `slot` holds when control enters the loop:
/// the last store to it on every way in (following blocks with one
/// predecessor back), when all store the same value.
fn entry_value(func: &Function, round: &Round<'_>, slot: InstId) -> Option<Value> {
    let preds = func.predecessors();
    let mut found: Option<Value> = None;
    for &p in &preds[round.head as usize] {
        if round.inside(p) {
            continue;
        }
        let mut b = p;
        let v = 'walk: {
            for _ in 0..32 {
                for i in func.block_insts(b).rev() {
                    if let InstKind::Store { ptr, value, .. } = &func.insts[i].kind {
                        if *ptr == Value::Inst(slot) {
                            break 'walk value.clone();
                        }
                    }
                }
                match preds[b as usize].as_slice() {
                    [q] if !round.inside(*q) => b = *q,
                    _ => return None,
                }
            }
            return None;
        };
        if found.as_ref().is_some_and(|f| !same_value(func, f, &v)) {
            return None;
        }
        found = Some(v);
    }
    found
}

/// One round of a loop: its blocks without the edges back to its head.
struct Round<'f> {
    func: &'f Function,
    blocks: &'f [u32],
    head: u32,
}

impl Round<'_> {
    fn inside(&self, b: u32) -> bool {
        self.blocks.binary_search(&b).is_ok()
    }

    /// Blocks of the round reached from its head without passing `avoid`.
    fn reached(&self, avoid: Option<u32>) -> Vec<bool> {
        let n = self.func.blocks.len();
        let mut seen = vec![false; n];
        let mut work = vec![self.head];
        while let Some(b) = work.pop() {
            if seen[b as usize] || Some(b) == avoid {
                continue;
            }
            seen[b as usize] = true;
            for &s in &self.func.blocks[b as usize].succs {
                if s != self.head && self.inside(s) {
                    work.push(s);
                }
            }
        }
        seen
    }

    /// Does every way round the loop pass block `b`? (No cycle of the
    /// loop avoids it.)
    fn every(&self, b: u32) -> bool {
        if b == self.head {
            return true;
        }
        // Without `b` the head is not reached again from itself.
        let seen = self.reached(Some(b));
        let back = self
            .blocks
            .iter()
            .any(|&x| seen[x as usize] && self.func.blocks[x as usize].succs.contains(&self.head));
        !back && !self.cycle_without(b)
    }

    /// A cycle among the loop's blocks other than through its head,
    /// avoiding `b`.
    fn cycle_without(&self, b: u32) -> bool {
        // Colours: 0 new, 1 on the stack, 2 done.
        let n = self.func.blocks.len();
        let mut colour = vec![0u8; n];
        for &root in self.blocks {
            if root == b || root == self.head || colour[root as usize] != 0 {
                continue;
            }
            let mut stack: Vec<(u32, usize)> = vec![(root, 0)];
            colour[root as usize] = 1;
            while let Some((x, k)) = stack.pop() {
                let succs = &self.func.blocks[x as usize].succs;
                if let Some(&s) = succs.get(k) {
                    stack.push((x, k + 1));
                    if s == b || s == self.head || !self.inside(s) {
                        continue;
                    }
                    match colour[s as usize] {
                        0 => {
                            colour[s as usize] = 1;
                            stack.push((s, 0));
                        }
                        1 => return true,
                        _ => {}
                    }
                } else {
                    colour[x as usize] = 2;
                }
            }
        }
        false
    }

    /// Does instruction `a` come before `b` in every round (`Some(true)`),
    /// after it in every round (`Some(false)`), or either way (`None`)?
    fn first(&self, a: InstId, b: InstId) -> Option<bool> {
        let (ba, bb) = (self.func.block_of(a)?, self.func.block_of(b)?);
        if ba == bb {
            return Some(a < b);
        }
        // `b` reached without passing `a`, and `a` without passing `b`.
        let b_free = self.reached(Some(ba))[bb as usize];
        let a_free = self.reached(Some(bb))[ba as usize];
        match (a_free, b_free) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    }
}
