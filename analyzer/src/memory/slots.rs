//! Pointer variables kept in stack slots (-O0), read flow-sensitively.
//!
//! Unoptimised code keeps every local variable in an `alloca` and reads
//! it back with a load before each use. Unification through the slot's
//! contents makes one object of everything the variable ever held: `p =
//! a.next; …; p = b.next;` ties `a`'s list to `b`'s, and the locks and
//! data of both to each other. For a slot whose address goes nowhere but
//! to its own loads and stores (what LLVM's mem2reg would promote to a
//! register), each load instead reads the stores that reach it: the last
//! store before it in its block, else what every predecessor block leaves
//! in the slot, merged where control flow merges (as a phi would be).
//!
//! One pass over the function's instructions, plus one merge point per
//! (slot, block) a load needs the slot's value on entry to: linear in the
//! function's size for each promoted slot, and bounded (past
//! [`MAX_MERGES`] the function keeps plain unification through its slots).

use rustc_hash::FxHashMap as HashMap;

/// Time spent promoting (for `SEAM_TIMINGS`).
pub static PROMOTE_NANOS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

use crate::ir::{Function, InstKind, Value};

/// What a load of a promoted slot reads.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Def {
    /// Nothing that points anywhere: a constant, or no store on the way
    /// (an uninitialised variable).
    Nothing,
    /// The value of one store.
    Value(Value),
    /// What the slot holds on entry to a block (index into
    /// [`Promoted::merges`]).
    Merge(u32),
}

/// The promoted slots of one function and what their loads read.
#[derive(Debug, Default)]
pub(super) struct Promoted {
    /// Alloca instructions promoted, sorted: their stores bind nothing,
    /// their loads read [`Promoted::loads`].
    pub slots: Vec<u32>,
    /// Per promoted slot (as [`Promoted::slots`]): the one pointer it
    /// ever holds, read by every load of it (a parameter's spill, a local
    /// assigned once), or `None` when its loads read what reaches them.
    pub single: Vec<Option<Def>>,
    /// Per load of a promoted slot that is not single: what it reads.
    pub loads: HashMap<u32, Def>,
    /// Merge points: each holds whatever its definitions hold.
    pub merges: Vec<Vec<Def>>,
}

impl Promoted {
    pub fn is_promoted(&self, slot: &Value) -> bool {
        matches!(slot, Value::Inst(a) if self.slots.binary_search(a).is_ok())
    }

    /// What load `i` of `ptr` reads, when `ptr` is a promoted slot.
    pub fn load_def(&self, ptr: &Value, i: u32) -> Option<&Def> {
        let Value::Inst(a) = ptr else {
            return None;
        };
        let s = self.slots.binary_search(a).ok()?;
        match &self.single[s] {
            Some(d) => Some(d),
            None => self.loads.get(&i),
        }
    }

    /// The values of the stores that reach load `i` of `ptr` (none when
    /// `ptr` is not a promoted slot).
    pub fn stored_at(&self, ptr: &Value, i: u32) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        let Some(d) = self.load_def(ptr, i) else {
            return out;
        };
        let mut seen: Vec<u32> = Vec::new();
        let mut work: Vec<&Def> = vec![d];
        while let Some(d) = work.pop() {
            match d {
                Def::Nothing => {}
                Def::Value(v) => {
                    if !out.contains(v) {
                        out.push(v.clone());
                    }
                }
                Def::Merge(m) => {
                    if !seen.contains(m) {
                        seen.push(*m);
                        work.extend(self.merges[*m as usize].iter());
                    }
                }
            }
        }
        out
    }
}

/// A promotion candidate: size, read as a pointer, out, the first pointer
/// stored, another pointer stored.
type Candidate = (u64, bool, bool, Option<Def>, bool);

/// What a store of `v` puts in a slot, as far as pointers go.
fn def_of(v: &Value) -> Option<Def> {
    match v {
        Value::Inst(_) | Value::Arg(_) | Value::Global { .. } => Some(Def::Value(v.clone())),
        _ => None,
    }
}

/// Merge points per instruction of the function (and a constant) past
/// which promotion is not worth its nodes.
const MAX_MERGES: usize = 4;

/// The function's promotable pointer slots, or `None` when it has none
/// (or too many merges would be needed).
pub(super) fn promote(func: &Function) -> Option<Promoted> {
    // Candidates: fixed-size slots at the start of the entry block (where
    // clang puts every local's, and the optimiser those of inlined
    // calls), by alloca instruction, in a dense table up to the last one.
    // Per candidate: its size, whether some load reads it as a pointer,
    // whether it is out, and the pointer values stored to it (the first,
    // and whether there are others). Only the run of allocas the block
    // starts with is looked at: scanning a long entry block (a function
    // without branches) for a late one cost a tenth of the promotion.
    let entry = func.blocks.first()?;
    let entry = &func.insts[entry.first as usize..(entry.first + entry.len) as usize];
    let last_alloca = entry
        .iter()
        .take_while(|inst| matches!(inst.kind, InstKind::Alloca { .. }))
        .enumerate()
        .filter(|(_, inst)| {
            matches!(
                inst.kind,
                InstKind::Alloca {
                    size: Some(1..=8),
                    ..
                }
            )
        })
        .last()?
        .0
        + func.blocks[0].first as usize;
    let mut table: Vec<Candidate> = func.insts[..=last_alloca]
        .iter()
        .map(|inst| match inst.kind {
            InstKind::Alloca {
                size: Some(s @ 1..=8),
                ..
            } => (s, false, false, None, false),
            _ => (0, false, true, None, false),
        })
        .collect();
    let cand = |table: &mut Vec<Candidate>, v: &Value| -> Option<usize> {
        match v {
            Value::Inst(a) if (*a as usize) < table.len() && !table[*a as usize].2 => {
                Some(*a as usize)
            }
            _ => None,
        }
    };
    // Every use must be a load from it or a store into it, of its size.
    for inst in &func.insts {
        match &inst.kind {
            InstKind::Load {
                ptr, size, is_ptr, ..
            } => {
                if let Some(a) = cand(&mut table, ptr) {
                    let c = &mut table[a];
                    c.2 |= u64::from(*size) != c.0;
                    c.1 |= *is_ptr;
                }
            }
            InstKind::Store {
                ptr, value, size, ..
            } => {
                if let Some(a) = cand(&mut table, value) {
                    table[a].2 = true;
                }
                if let Some(a) = cand(&mut table, ptr) {
                    let c = &mut table[a];
                    c.2 |= u64::from(*size) != c.0;
                    if let Some(d) = def_of(value) {
                        match &c.3 {
                            None => c.3 = Some(d),
                            Some(first) => c.4 |= *first != d,
                        }
                    }
                }
            }
            k => k.for_each_operand(|v| {
                if let Some(a) = cand(&mut table, v) {
                    table[a].2 = true;
                }
            }),
        }
    }
    // Only slots read as pointers: integer counters gain nothing.
    let slots: Vec<u32> = table
        .iter()
        .enumerate()
        .filter(|(_, c)| c.1 && !c.2)
        .map(|(a, _)| a as u32)
        .collect();
    if slots.is_empty() {
        return None;
    }
    // A slot that only ever holds one pointer (a parameter's spill, a
    // local assigned once; `NULL` stored besides points nowhere) is read
    // as that pointer everywhere: no flow to follow.
    let single: Vec<Option<Def>> = slots
        .iter()
        .map(|&a| {
            let c = &table[a as usize];
            (!c.4).then(|| c.3.clone().unwrap_or(Def::Nothing))
        })
        .collect();
    let idx = |v: &Value| match v {
        Value::Inst(a) => slots.binary_search(a).ok(),
        _ => None,
    };
    let mut out = Promoted::default();
    // Per (slot, block): the last store's definition in that block.
    let mut last: HashMap<(usize, u32), Def> = HashMap::default();
    let mut loads: Vec<(u32, usize, u32)> = Vec::new();
    let mut cur: Vec<Option<Def>> = vec![None; slots.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (b, blk) in func.blocks.iter().enumerate() {
        let b = b as u32;
        for i in blk.first..blk.first + blk.len {
            match &func.insts[i as usize].kind {
                InstKind::Store { ptr, value, .. } => {
                    if let Some(s) = idx(ptr).filter(|&s| single[s].is_none()) {
                        let d = def_of(value).unwrap_or(Def::Nothing);
                        if cur[s].replace(d).is_none() {
                            touched.push(s);
                        }
                    }
                }
                InstKind::Load { ptr, .. } => {
                    if let Some(s) = idx(ptr).filter(|&s| single[s].is_none()) {
                        match &cur[s] {
                            Some(d) => {
                                out.loads.insert(i, d.clone());
                            }
                            // Read on entry to the block: settled below.
                            None => loads.push((i, s, b)),
                        }
                    }
                }
                _ => {}
            }
        }
        for s in touched.drain(..) {
            if let Some(d) = cur[s].take() {
                last.insert((s, b), d);
            }
        }
    }
    if loads.is_empty() {
        out.slots = slots;
        out.single = single;
        return Some(out);
    }
    // What a slot holds on entry to a block: what its one predecessor
    // leaves there (followed up a chain of such blocks), nothing in the
    // entry block, else a merge point of what each predecessor leaves.
    let preds = func.predecessors();
    let limit = MAX_MERGES * func.insts.len() + 64;
    let mut merge_of: HashMap<(usize, u32), u32> = HashMap::default();
    // Merge points still to fill in: (slot, block, merge).
    let mut work: Vec<(usize, u32, u32)> = Vec::new();
    let on_entry = |s: usize,
                    b: u32,
                    out: &mut Promoted,
                    work: &mut Vec<(usize, u32, u32)>,
                    merge_of: &mut HashMap<(usize, u32), u32>|
     -> Def {
        let mut at = b;
        for _ in 0..=preds.len() {
            match preds[at as usize].as_slice() {
                [] => return Def::Nothing,
                [p] => match last.get(&(s, *p)) {
                    Some(d) => return d.clone(),
                    None => at = *p,
                },
                _ => {
                    let m = *merge_of.entry((s, at)).or_insert_with(|| {
                        out.merges.push(Vec::new());
                        let m = out.merges.len() as u32 - 1;
                        work.push((s, at, m));
                        m
                    });
                    return Def::Merge(m);
                }
            }
        }
        // A cycle of single-predecessor blocks: unreachable code.
        Def::Nothing
    };
    for (i, s, b) in loads {
        let d = on_entry(s, b, &mut out, &mut work, &mut merge_of);
        out.loads.insert(i, d);
    }
    while let Some((s, b, m)) = work.pop() {
        if out.merges.len() > limit {
            return None;
        }
        let mut defs: Vec<Def> = Vec::new();
        for &p in &preds[b as usize] {
            let d = match last.get(&(s, p)) {
                Some(d) => d.clone(),
                None => on_entry(s, p, &mut out, &mut work, &mut merge_of),
            };
            if !defs.contains(&d) {
                defs.push(d);
            }
        }
        out.merges[m as usize] = defs;
    }
    out.slots = slots;
    out.single = single;
    simplify(&mut out);
    Some(out)
}

/// Passes over the merge points when resolving those that hold one
/// definition (each pass settles a level of loop nesting; what is left
/// keeps its merge point, which is only less cheap).
const SIMPLIFY_PASSES: usize = 8;

/// A merge point whose definitions are all one definition, itself or
/// nothing (a parameter spilled in the entry block and read in every
/// block; a loop that does not store the slot; a store of `NULL` on one
/// side) is that definition: loads and merges read it directly, and only
/// joins of different stores (real phis) keep a merge point, renumbered.
fn simplify(out: &mut Promoted) {
    let n = out.merges.len();
    if n == 0 {
        return;
    }
    let mut resolved: Vec<Option<Def>> = vec![None; n];
    fn resolve(d: &Def, resolved: &[Option<Def>]) -> Def {
        let mut d = d.clone();
        for _ in 0..=resolved.len() {
            match &d {
                Def::Merge(k) => match &resolved[*k as usize] {
                    Some(r) => d = r.clone(),
                    None => break,
                },
                _ => break,
            }
        }
        d
    }
    for _ in 0..SIMPLIFY_PASSES {
        let mut changed = false;
        // Later merges are further up the control flow (they were made
        // for the predecessors of earlier ones): settled first.
        for m in (0..n).rev() {
            if resolved[m].is_some() {
                continue;
            }
            let mut only: Option<Def> = None;
            let mut several = false;
            for d in &out.merges[m] {
                let d = resolve(d, &resolved);
                if d == Def::Nothing || d == Def::Merge(m as u32) {
                    continue;
                }
                match &only {
                    None => only = Some(d),
                    Some(o) if *o == d => {}
                    Some(_) => {
                        several = true;
                        break;
                    }
                }
            }
            if !several {
                resolved[m] = Some(only.unwrap_or(Def::Nothing));
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // The merges left, renumbered.
    let mut renum: Vec<u32> = vec![u32::MAX; n];
    let mut kept = 0u32;
    for m in 0..n {
        if resolved[m].is_none() {
            renum[m] = kept;
            kept += 1;
        }
    }
    let rewrite = |d: &Def| match resolve(d, &resolved) {
        Def::Merge(k) => Def::Merge(renum[k as usize]),
        d => d,
    };
    for d in out.loads.values_mut() {
        *d = rewrite(d);
    }
    let merges = std::mem::take(&mut out.merges);
    out.merges = merges
        .into_iter()
        .enumerate()
        .filter(|(m, _)| resolved[*m].is_none())
        .map(|(_, defs)| {
            let mut v: Vec<Def> = Vec::new();
            for d in defs.iter().map(rewrite) {
                if d != Def::Nothing && !v.contains(&d) {
                    v.push(d);
                }
            }
            v
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Block, Inst, Linkage, Ordering};

    fn inst(kind: InstKind) -> Inst {
        Inst { kind, loc: None }
    }
    fn alloca() -> Inst {
        inst(InstKind::Alloca {
            size: Some(8),
            name: None,
            di_type: None,
        })
    }
    fn load(p: u32) -> Inst {
        inst(InstKind::Load {
            ptr: Value::Inst(p),
            size: 8,
            align: 8,
            volatile: false,
            ordering: Ordering::NotAtomic,
            is_ptr: true,
        })
    }
    fn store(p: u32, v: Value) -> Inst {
        inst(InstKind::Store {
            ptr: Value::Inst(p),
            value: v,
            size: 8,
            align: 8,
            volatile: false,
            ordering: Ordering::NotAtomic,
        })
    }
    fn func(insts: Vec<Inst>, blocks: Vec<Block>) -> Function {
        let mut f: Function = serde_json::from_str(
            r#"{"name":0,"demangled":0,"linkage":"Internal","visible":false,"section":null,
               "language":"C","is_declaration":false,"params":[],"returns_ptr":false,
               "returns_void":true,"variadic":false,"di_name":null,"di_loc":null,
               "blocks":[],"insts":[]}"#,
        )
        .expect("function");
        f.linkage = Linkage::Internal;
        f.insts = insts;
        f.blocks = blocks;
        f
    }
    fn g(n: u32) -> Value {
        Value::Global { name: n, offset: 0 }
    }

    #[test]
    fn straight_line_reads_the_last_store() {
        // %0 = alloca; store g1; %2 = load; store g2; %4 = load
        let f = func(
            vec![alloca(), store(0, g(1)), load(0), store(0, g(2)), load(0)],
            vec![Block {
                first: 0,
                len: 5,
                succs: vec![],
            }],
        );
        let p = promote(&f).expect("promoted");
        assert_eq!(p.slots, vec![0]);
        assert_eq!(
            *p.load_def(&Value::Inst(0), 2).expect("load"),
            Def::Value(g(1))
        );
        assert_eq!(
            *p.load_def(&Value::Inst(0), 4).expect("load"),
            Def::Value(g(2))
        );
        assert!(p.merges.is_empty());
    }

    #[test]
    fn join_merges_both_stores() {
        // bb0: alloca, br bb1|bb2; bb1: store g1 -> bb3; bb2: store g2 -> bb3; bb3: load
        let f = func(
            vec![alloca(), store(0, g(1)), store(0, g(2)), load(0)],
            vec![
                Block {
                    first: 0,
                    len: 1,
                    succs: vec![1, 2],
                },
                Block {
                    first: 1,
                    len: 1,
                    succs: vec![3],
                },
                Block {
                    first: 2,
                    len: 1,
                    succs: vec![3],
                },
                Block {
                    first: 3,
                    len: 1,
                    succs: vec![],
                },
            ],
        );
        let p = promote(&f).expect("promoted");
        let Some(Def::Merge(m)) = p.load_def(&Value::Inst(0), 3).cloned() else {
            panic!("merge expected")
        };
        assert_eq!(
            p.merges[m as usize],
            vec![Def::Value(g(1)), Def::Value(g(2))]
        );
    }

    #[test]
    fn one_store_before_a_branch_needs_no_merge() {
        // bb0: alloca, store g1, br bb1|bb2; bb1 -> bb3; bb2 -> bb3; bb3: load
        let f = func(
            vec![alloca(), store(0, g(1)), load(0)],
            vec![
                Block {
                    first: 0,
                    len: 2,
                    succs: vec![1, 2],
                },
                Block {
                    first: 2,
                    len: 0,
                    succs: vec![3],
                },
                Block {
                    first: 2,
                    len: 0,
                    succs: vec![3],
                },
                Block {
                    first: 2,
                    len: 1,
                    succs: vec![3],
                },
            ],
        );
        let p = promote(&f).expect("promoted");
        assert_eq!(
            *p.load_def(&Value::Inst(0), 2).expect("load"),
            Def::Value(g(1))
        );
        assert!(p.merges.is_empty());
    }

    #[test]
    fn escaping_slot_is_not_promoted() {
        // The slot's address is stored elsewhere.
        let f = func(
            vec![alloca(), alloca(), store(1, Value::Inst(0)), load(0)],
            vec![Block {
                first: 0,
                len: 4,
                succs: vec![],
            }],
        );
        let p = promote(&f);
        assert!(p.is_none_or(|p| !p.slots.contains(&0)));
    }
}
