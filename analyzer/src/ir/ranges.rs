//! Value ranges of run-time array indexes: which values the index of a
//! `Gep` can take, so that `grid[i]` in `for (i = 0; i < N / 2; i++)`
//! touches the first half of `grid` rather than any element.
//!
//! Per function, an abstract interpretation of integers over the CFG:
//! intervals with a congruence (`i` in `[0, 62]`, even), joined at merges
//! and widened at loops to the constants the function compares with (so
//! that a counter stepped until `i == 32` stops at the bound), and
//! narrowed along a branch by the comparison it tests. Integer stack slots
//! whose address is only loaded from and stored to (a counter at -O0) are
//! tracked like values; everything else read from memory, every argument
//! and call result is unknown. Arithmetic that may wrap at its width (no
//! `nsw`) gives up on the value. Only the values an index depends on are
//! computed, and a function that does not settle within a budget gets no
//! ranges: unknown stays "any element".

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

use crate::ir::{CastOp, CmpPred, Function, InstId, InstKind, IntOp, Value};

/// Below and above every value: the bounds of an interval that is not
/// bounded on that side (and of a 64-bit value).
const NEG: i64 = i64::MIN;
const POS: i64 = i64::MAX;
/// Infinity in the 128-bit arithmetic the transfer functions use.
const INF: i128 = 1 << 100;

/// Block visits before a loop head's state is widened.
const WIDEN_AFTER: u32 = 2;
/// Block visits per block (and a floor) before the analysis gives up.
const VISITS_PER_BLOCK: usize = 24;

/// The integers `x` with `lo <= x <= hi` and `x ≡ r (mod m)`, in the
/// signed reading of the value's width. A single value has `m == 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub lo: i64,
    pub hi: i64,
    pub m: i64,
    pub r: i64,
}

impl Range {
    pub const TOP: Range = Range {
        lo: NEG,
        hi: POS,
        m: 1,
        r: 0,
    };

    fn exact(c: i64) -> Range {
        Range {
            lo: c,
            hi: c,
            m: 1,
            r: 0,
        }
    }

    /// `[lo, hi]` (infinite beyond ±`INF`) with `≡ r (mod m)`, bounds
    /// moved in to the congruence; `None` when empty.
    fn new(lo: i128, hi: i128, m: i128, r: i128) -> Option<Range> {
        let cut = |x: i128| -> i64 {
            if x <= NEG as i128 {
                NEG
            } else if x >= POS as i128 {
                POS
            } else {
                x as i64
            }
        };
        let (mut lo, mut hi) = (cut(lo) as i128, cut(hi) as i128);
        let m = if m >= 1 && m <= POS as i128 { m } else { 1 };
        let r = r.rem_euclid(m);
        if m > 1 {
            if lo != NEG as i128 {
                lo += (r - lo).rem_euclid(m);
            }
            if hi != POS as i128 {
                hi -= (hi - r).rem_euclid(m);
            }
        }
        if lo > hi {
            return None;
        }
        if lo == hi {
            return Some(Range::exact(lo as i64));
        }
        Some(Range {
            lo: lo as i64,
            hi: hi as i64,
            m: m as i64,
            r: r as i64,
        })
    }

    /// The congruence as `(modulus, residue)`, modulus 0 for one value.
    fn congruence(&self) -> (i128, i128) {
        if self.lo == self.hi {
            (0, self.lo as i128)
        } else {
            (self.m as i128, self.r as i128)
        }
    }

    fn lo128(&self) -> i128 {
        if self.lo == NEG {
            -INF
        } else {
            self.lo as i128
        }
    }

    fn hi128(&self) -> i128 {
        if self.hi == POS {
            INF
        } else {
            self.hi as i128
        }
    }

    fn join(&self, o: &Range) -> Range {
        let ((m1, r1), (m2, r2)) = (self.congruence(), o.congruence());
        let m = gcd(gcd(m1, m2), (r1 - r2).abs());
        Range::new(
            self.lo128().min(o.lo128()),
            self.hi128().max(o.hi128()),
            m,
            r1,
        )
        .unwrap_or(Range::TOP)
    }

    /// `self` joined with `new`, bounds that grew moved out to the next
    /// threshold (or infinity).
    fn widen(&self, new: &Range, thresholds: &[i64]) -> Range {
        let j = self.join(new);
        let lo = if j.lo < self.lo {
            thresholds
                .iter()
                .rev()
                .find(|&&t| t <= j.lo)
                .copied()
                .unwrap_or(NEG)
        } else {
            j.lo
        };
        let hi = if j.hi > self.hi {
            thresholds
                .iter()
                .find(|&&t| t >= j.hi)
                .copied()
                .unwrap_or(POS)
        } else {
            j.hi
        };
        Range::new(
            Range { lo, ..j }.lo128(),
            Range { hi, ..j }.hi128(),
            j.m as i128,
            j.r as i128,
        )
        .unwrap_or(Range::TOP)
    }

    /// Keeps only `[lo, hi]` (in the 128-bit reading).
    fn clamp(&self, lo: i128, hi: i128) -> Option<Range> {
        Range::new(
            self.lo128().max(lo),
            self.hi128().min(hi),
            self.m as i128,
            self.r as i128,
        )
    }

    /// Both bounds are known.
    pub fn bounded(&self) -> bool {
        self.lo != NEG && self.hi != POS
    }
}

pub fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The signed range of a `bits`-wide integer.
fn width(bits: u8) -> Option<(i128, i128)> {
    match bits {
        1..=64 => Some((-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)),
        _ => None,
    }
}

fn top_of(bits: u8) -> Range {
    width(bits)
        .and_then(|(lo, hi)| Range::new(lo, hi, 1, 0))
        .unwrap_or(Range::TOP)
}

/// A mathematical result fitted to `bits`: kept when it fits, else (a
/// wrap) the whole width; with `nsw` a result past the width is poison,
/// so only the part inside counts.
fn fit(lo: i128, hi: i128, m: i128, r: i128, bits: u8, nsw: bool) -> Range {
    let Some((wlo, whi)) = width(bits) else {
        return Range::TOP;
    };
    if lo >= wlo && hi <= whi {
        return Range::new(lo, hi, m, r).unwrap_or(top_of(bits));
    }
    if nsw {
        return Range::new(lo.max(wlo), hi.min(whi), m, r).unwrap_or(top_of(bits));
    }
    top_of(bits)
}

fn sat(x: i128) -> i128 {
    x.clamp(-INF, INF)
}

fn binop(op: IntOp, a: Range, b: Range, bits: u8, nsw: bool) -> Range {
    let constant = |x: &Range| (x.lo == x.hi).then_some(x.lo as i128);
    let ((ma, ra), (mb, rb)) = (a.congruence(), b.congruence());
    match op {
        IntOp::Add => fit(
            sat(a.lo128() + b.lo128()),
            sat(a.hi128() + b.hi128()),
            gcd(ma, mb),
            ra + rb,
            bits,
            nsw,
        ),
        IntOp::Sub => fit(
            sat(a.lo128() - b.hi128()),
            sat(a.hi128() - b.lo128()),
            gcd(ma, mb),
            ra - rb,
            bits,
            nsw,
        ),
        IntOp::Mul | IntOp::Shl => {
            let (x, c) = match (op, constant(&a), constant(&b)) {
                (IntOp::Shl, _, Some(k)) if (0..63).contains(&k) => (a, 1i128 << k),
                (IntOp::Mul, _, Some(c)) => (a, c),
                (IntOp::Mul, Some(c), _) => (b, c),
                _ => return top_of(bits),
            };
            let (p, q) = (
                sat(x.lo128().saturating_mul(c)),
                sat(x.hi128().saturating_mul(c)),
            );
            let (m, r) = x.congruence();
            fit(
                p.min(q),
                p.max(q),
                m.saturating_mul(c.abs()),
                r.saturating_mul(c),
                bits,
                nsw,
            )
        }
        IntOp::UDiv | IntOp::SDiv => match constant(&b) {
            Some(c) if c > 0 && a.lo >= 0 => fit(a.lo128() / c, a.hi128() / c, 1, 0, bits, false),
            _ => top_of(bits),
        },
        // The remainder by a positive constant is below it; an unsigned
        // one is never negative, a signed one only for a negative value.
        IntOp::URem | IntOp::SRem => match constant(&b) {
            Some(c) if c > 0 => {
                let lo = if a.lo >= 0 || op == IntOp::URem {
                    0
                } else {
                    1 - c
                };
                let hi = if a.lo >= 0 {
                    a.hi128().min(c - 1)
                } else {
                    c - 1
                };
                fit(lo, hi, 1, 0, bits, false)
            }
            _ => top_of(bits),
        },
        // An operand that is not negative (a mask) keeps the result
        // between 0 and itself: the result has no bit it lacks.
        IntOp::And => {
            let hi = [a, b]
                .iter()
                .filter(|x| x.lo >= 0)
                .map(|x| x.hi128())
                .min()
                .unwrap_or(INF);
            if hi == INF {
                top_of(bits)
            } else {
                fit(0, hi, 1, 0, bits, false)
            }
        }
        IntOp::LShr | IntOp::AShr => match constant(&b) {
            Some(k) if (0..64).contains(&k) && (a.lo >= 0 || op == IntOp::AShr) => {
                fit(a.lo128() >> k, a.hi128() >> k, 1, 0, bits, false)
            }
            _ => top_of(bits),
        },
        IntOp::Or | IntOp::Xor => top_of(bits),
    }
}

fn cast(op: CastOp, x: Range) -> Range {
    match op {
        CastOp::Same | CastOp::SExt => x,
        CastOp::ZExt if x.lo >= 0 => x,
        CastOp::ZExt => Range {
            lo: 0,
            hi: POS,
            m: 1,
            r: 0,
        },
        CastOp::Trunc(bits) => match width(bits) {
            Some((lo, hi)) if x.lo128() >= lo && x.hi128() <= hi => x,
            _ => top_of(bits),
        },
    }
}

/// `p` negated: what holds on a branch's other side.
pub fn negate(p: CmpPred) -> CmpPred {
    use CmpPred::*;
    match p {
        Eq => Ne,
        Ne => Eq,
        Slt => Sge,
        Sge => Slt,
        Sle => Sgt,
        Sgt => Sle,
        Ult => Uge,
        Uge => Ult,
        Ule => Ugt,
        Ugt => Ule,
    }
}

/// `p` with its operands swapped.
pub fn swap(p: CmpPred) -> CmpPred {
    use CmpPred::*;
    match p {
        Slt => Sgt,
        Sgt => Slt,
        Sle => Sge,
        Sge => Sle,
        Ult => Ugt,
        Ugt => Ult,
        Ule => Uge,
        Uge => Ule,
        Eq | Ne => p,
    }
}

/// The values of `x` for which `x p y` holds for some value of `y`;
/// `None` when there are none.
fn restrict(x: Range, p: CmpPred, y: Range) -> Option<Range> {
    use CmpPred::*;
    let (lo, hi) = (x.lo128(), x.hi128());
    match p {
        Slt => x.clamp(lo, y.hi128() - 1),
        Sle => x.clamp(lo, y.hi128()),
        Sgt => x.clamp(y.lo128() + 1, hi),
        Sge => x.clamp(y.lo128(), hi),
        // Below a bound that is not negative: not negative either (a
        // negative value reads as a large unsigned one).
        Ult if y.lo >= 0 => x.clamp(0, y.hi128() - 1),
        Ule if y.lo >= 0 => x.clamp(0, y.hi128()),
        Ugt if y.lo >= 0 && x.lo >= 0 => x.clamp(y.lo128() + 1, hi),
        Uge if y.lo >= 0 && x.lo >= 0 => x.clamp(y.lo128(), hi),
        Ult | Ule | Ugt | Uge => Some(x),
        Eq => x.clamp(y.lo128(), y.hi128()),
        Ne if y.lo == y.hi && x.lo == y.lo => x.clamp(lo + 1, hi),
        Ne if y.lo == y.hi && x.hi == y.lo => x.clamp(lo, hi - 1),
        Ne => Some(x),
    }
}

/// What is known at a program point: the tracked slots' values and the
/// values a branch narrowed (sorted by instruction).
#[derive(Clone, Debug, PartialEq)]
struct State {
    slots: Vec<Range>,
    narrowed: Vec<(InstId, Range)>,
}

impl State {
    fn narrowed(&self, i: InstId) -> Option<Range> {
        self.narrowed
            .binary_search_by_key(&i, |e| e.0)
            .ok()
            .map(|k| self.narrowed[k].1)
    }

    fn narrow(&mut self, i: InstId, r: Range) {
        match self.narrowed.binary_search_by_key(&i, |e| e.0) {
            Ok(k) => self.narrowed[k].1 = r,
            Err(k) => self.narrowed.insert(k, (i, r)),
        }
    }

    /// A new value of `i`: what a branch said of the old one is void.
    fn forget(&mut self, i: InstId) {
        if let Ok(k) = self.narrowed.binary_search_by_key(&i, |e| e.0) {
            self.narrowed.remove(k);
        }
    }

    /// Joined (or widened) with `o`; a value narrowed on one side only
    /// goes back to its own range.
    fn merge(&self, o: &State, widen: Option<&[i64]>) -> State {
        let f = |a: &Range, b: &Range| match widen {
            Some(t) => a.widen(b, t),
            None => a.join(b),
        };
        State {
            slots: self
                .slots
                .iter()
                .zip(&o.slots)
                .map(|(a, b)| f(a, b))
                .collect(),
            narrowed: self
                .narrowed
                .iter()
                .filter_map(|(i, a)| o.narrowed(*i).map(|b| (*i, f(a, &b))))
                .collect(),
        }
    }
}

/// The ranges of a function's run-time indexes, by `Gep` instruction.
#[derive(Default)]
pub struct IndexRanges {
    by_gep: HashMap<InstId, Range>,
}

impl IndexRanges {
    /// The values the run-time index of `Gep` `gep` takes, when known.
    pub fn get(&self, gep: InstId) -> Option<Range> {
        self.by_gep.get(&gep).copied().filter(|r| r.bounded())
    }

    pub fn analyze(func: &Function) -> IndexRanges {
        let geps: Vec<(InstId, InstId)> = func
            .insts
            .iter()
            .enumerate()
            .filter_map(|(g, inst)| match &inst.kind {
                InstKind::Gep {
                    offset: None,
                    index: Some(Value::Inst(x)),
                    stride,
                    ..
                } if *stride != 0 => Some((g as InstId, *x)),
                _ => None,
            })
            .collect();
        if geps.is_empty() || func.blocks.is_empty() {
            return IndexRanges::default();
        }
        let mut a = Analysis::new(func, geps.iter().map(|g| g.1));
        if !a.solve() {
            return IndexRanges::default();
        }
        IndexRanges {
            by_gep: a.at_geps(&geps),
        }
    }
}

struct Analysis<'f> {
    func: &'f Function,
    /// Per instruction: its value is computed (an index depends on it).
    relevant: Vec<bool>,
    /// Per instruction: the tracked slot it is (its index in `State::slots`).
    slot: Vec<Option<u32>>,
    /// Per slot: its width in bits.
    slot_bits: Vec<u8>,
    /// Per instruction: its value so far (`None`: not reached yet).
    vals: Vec<Option<Range>>,
    /// Per phi: updates so far (widened after a few).
    phi_updates: HashMap<InstId, u32>,
    /// Branch conditions narrowed on: `CondBr` instruction -> its `ICmp`
    /// and what each operand tells of.
    tests: HashMap<InstId, (InstId, [Chain; 2])>,
    thresholds: Vec<i64>,
    /// Per block: the state on entry (`None`: not reached).
    states: Vec<Option<State>>,
    /// Blocks to visit, by reverse-postorder rank.
    work: BTreeSet<usize>,
    rank: Vec<usize>,
    users: HashMap<InstId, Vec<u32>>,
}

impl<'f> Analysis<'f> {
    fn new(func: &'f Function, indexes: impl Iterator<Item = InstId>) -> Self {
        let n = func.insts.len();
        let slot_of = tracked_slots(func);
        let mut a = Analysis {
            func,
            relevant: vec![false; n],
            slot: vec![None; n],
            slot_bits: Vec::new(),
            vals: vec![None; n],
            phi_updates: HashMap::default(),
            tests: HashMap::default(),
            thresholds: vec![-1, 0],
            states: vec![None; func.blocks.len()],
            work: BTreeSet::new(),
            rank: Vec::new(),
            users: HashMap::default(),
        };
        // The values the indexes depend on, and the slots they are read
        // from; then the branch tests on any of them, whose other operand
        // is needed too.
        let mut stores: HashMap<InstId, Vec<&Value>> = HashMap::default();
        for inst in &func.insts {
            if let InstKind::Store {
                ptr: Value::Inst(s),
                value,
                ..
            } = &inst.kind
            {
                if slot_of[*s as usize].is_some() {
                    stores.entry(*s).or_default().push(value);
                }
            }
        }
        // Branch tests, by what they say something of: an instruction, or
        // a slot (its alloca).
        let mut by_inst: HashMap<InstId, Vec<InstId>> = HashMap::default();
        let mut by_slot: HashMap<InstId, Vec<InstId>> = HashMap::default();
        let mut chains: HashMap<InstId, [Chain; 2]> = HashMap::default();
        for (b, inst) in func.insts.iter().enumerate() {
            let b = b as InstId;
            let InstKind::CondBr {
                cond: Value::Inst(c),
                ..
            } = &inst.kind
            else {
                continue;
            };
            let InstKind::ICmp { lhs, rhs, .. } = &func.insts[*c as usize].kind else {
                continue;
            };
            let pair = [chain(func, &slot_of, lhs, b), chain(func, &slot_of, rhs, b)];
            for ch in &pair {
                for &x in &ch.0 {
                    by_inst.entry(x).or_default().push(b);
                }
                if let Some(s) = ch.1 {
                    by_slot.entry(s).or_default().push(b);
                }
            }
            chains.insert(b, pair);
        }
        let mut work: Vec<InstId> = indexes.collect();
        let mut tests: Vec<InstId> = Vec::new();
        loop {
            while let Some(i) = work.pop() {
                if std::mem::replace(&mut a.relevant[i as usize], true) {
                    continue;
                }
                tests.extend(by_inst.get(&i).into_iter().flatten());
                let mut add = |v: &Value| {
                    if let Value::Inst(x) = v {
                        work.push(*x);
                    }
                };
                match &func.insts[i as usize].kind {
                    InstKind::Cast { value, .. } => add(value),
                    InstKind::BinOp { lhs, rhs, .. } => {
                        add(lhs);
                        add(rhs);
                    }
                    InstKind::Select {
                        then, otherwise, ..
                    } => {
                        add(then);
                        add(otherwise);
                    }
                    InstKind::Phi { incoming } => incoming.iter().for_each(|(v, _)| add(v)),
                    InstKind::Load {
                        ptr: Value::Inst(s),
                        ..
                    } if slot_of[*s as usize].is_some() && a.slot[*s as usize].is_none() => {
                        a.slot[*s as usize] = Some(a.slot_bits.len() as u32);
                        a.slot_bits.push(slot_of[*s as usize].unwrap_or(0));
                        stores.get(s).into_iter().flatten().for_each(|v| add(v));
                        tests.extend(by_slot.get(s).into_iter().flatten());
                    }
                    _ => {}
                }
            }
            // A test on a computed value: its other operand is needed too.
            let Some(b) = tests.pop() else { break };
            let Some(pair) = chains.remove(&b) else {
                continue;
            };
            let InstKind::CondBr {
                cond: Value::Inst(c),
                ..
            } = func.insts[b as usize].kind
            else {
                continue;
            };
            if let InstKind::ICmp { lhs, rhs, .. } = &func.insts[c as usize].kind {
                for v in [lhs, rhs] {
                    match v {
                        Value::Inst(x) => work.push(*x),
                        Value::Int(k) => {
                            a.thresholds
                                .extend([k.saturating_sub(1), *k, k.saturating_add(1)])
                        }
                        _ => {}
                    }
                }
            }
            a.tests.insert(b, (c, pair));
        }
        a.thresholds.sort_unstable();
        a.thresholds.dedup();
        a
    }

    /// What branch `br` learns of when it tests a value with `chain`:
    /// the computed values on it (`Ok`), and its slot (`Err`).
    fn targets(&self, chain: &Chain) -> Vec<Result<InstId, u32>> {
        let mut out: Vec<Result<InstId, u32>> = chain
            .0
            .iter()
            .filter(|&&x| self.relevant[x as usize])
            .map(|&x| Ok(x))
            .collect();
        if let Some(k) = chain.1.and_then(|s| self.slot[s as usize]) {
            out.push(Err(k));
        }
        out
    }

    fn eval(&self, v: &Value, s: &State) -> Option<Range> {
        match v {
            Value::Int(c) => Some(Range::exact(*c)),
            Value::Inst(i) if self.relevant[*i as usize] => {
                s.narrowed(*i).or(self.vals[*i as usize])
            }
            _ => Some(Range::TOP),
        }
    }

    /// The value instruction `i` computes in state `s` (`None`: an operand
    /// not reached yet), and what it does to `s`.
    fn step(&self, i: InstId, s: &mut State) -> Option<Range> {
        let kind = &self.func.insts[i as usize].kind;
        if let InstKind::Store {
            ptr: Value::Inst(p),
            value,
            size,
            ..
        } = kind
        {
            if let Some(k) = self.slot[*p as usize] {
                let bits = (*size * 8).min(255) as u8;
                s.slots[k as usize] = match self.eval(value, s) {
                    Some(v) => cast(CastOp::Trunc(bits), v),
                    None => top_of(bits),
                };
            }
            return None;
        }
        // Phis are evaluated on the edges into their block.
        if !self.relevant[i as usize] || matches!(kind, InstKind::Phi { .. }) {
            return None;
        }
        let r = match kind {
            InstKind::Load {
                ptr: Value::Inst(p),
                ..
            } => match self.slot[*p as usize] {
                Some(k) => Some(s.slots[k as usize]),
                None => Some(Range::TOP),
            },
            InstKind::BinOp {
                op,
                bits,
                nsw,
                lhs,
                rhs,
            } => match (self.eval(lhs, s), self.eval(rhs, s)) {
                (Some(a), Some(b)) => Some(binop(*op, a, b, *bits, *nsw)),
                _ => None,
            },
            InstKind::Cast { value, op } => self.eval(value, s).map(|v| cast(*op, v)),
            InstKind::Select {
                then, otherwise, ..
            } => match (self.eval(then, s), self.eval(otherwise, s)) {
                (Some(a), Some(b)) => Some(a.join(&b)),
                (a, b) => a.or(b),
            },
            _ => Some(Range::TOP),
        };
        // A new value: what a branch said of the old one is void.
        s.forget(i);
        r
    }

    /// Runs to a fixpoint; false when the budget ran out.
    fn solve(&mut self) -> bool {
        let func = self.func;
        let order = func.reverse_postorder();
        self.rank = vec![usize::MAX; func.blocks.len()];
        for (k, &b) in order.iter().enumerate() {
            self.rank[b as usize] = k;
        }
        self.users = self.users_by_block();
        let mut visits = vec![0u32; func.blocks.len()];
        let mut budget = VISITS_PER_BLOCK * func.blocks.len() + 64;
        self.states[0] = Some(State {
            slots: vec![Range::TOP; self.slot_bits.len()],
            narrowed: Vec::new(),
        });
        self.work.insert(self.rank[0]);
        while let Some(k) = self.work.pop_first() {
            if budget == 0 {
                return false;
            }
            budget -= 1;
            let b = order[k];
            let Some(mut s) = self.states[b as usize].clone() else {
                continue;
            };
            for i in func.block_insts(b) {
                let i = i as InstId;
                if let Some(r) = self.step(i, &mut s) {
                    let new = self.vals[i as usize].map_or(r, |o| o.join(&r));
                    self.set(i, new);
                }
            }
            let blk = &func.blocks[b as usize];
            let last = blk.first + blk.len.saturating_sub(1);
            for (succ, edge) in self.edges(b, last, &s) {
                let Some(mut e) = edge else { continue };
                self.enter(succ, b, &mut e);
                let v = &mut visits[succ as usize];
                *v += 1;
                let widen = (*v > WIDEN_AFTER).then_some(&self.thresholds[..]);
                let new = match &self.states[succ as usize] {
                    Some(old) => old.merge(&e, widen),
                    None => e,
                };
                if self.states[succ as usize].as_ref() != Some(&new) {
                    self.states[succ as usize] = Some(new);
                    self.queue(succ);
                }
            }
        }
        true
    }

    fn queue(&mut self, b: u32) {
        if let Some(&k) = self.rank.get(b as usize).filter(|&&k| k != usize::MAX) {
            self.work.insert(k);
        }
    }

    /// A new value of instruction `i`: the blocks that use it go again.
    fn set(&mut self, i: InstId, new: Range) {
        if self.vals[i as usize] == Some(new) {
            return;
        }
        self.vals[i as usize] = Some(new);
        if let Some(bs) = self.users.get(&i) {
            for b in bs.clone() {
                self.queue(b);
            }
        }
    }

    /// Per computed value: the blocks whose evaluation reads it (for a
    /// phi operand, the block the edge comes from; for a branch test's
    /// operand, the branch's block).
    fn users_by_block(&self) -> HashMap<InstId, Vec<u32>> {
        let func = self.func;
        let mut users: HashMap<InstId, Vec<u32>> = HashMap::default();
        let mut add = |v: &Value, b: Option<u32>| {
            if let (Value::Inst(x), Some(b)) = (v, b) {
                if self.relevant[*x as usize] {
                    let u = users.entry(*x).or_default();
                    if !u.contains(&b) {
                        u.push(b);
                    }
                }
            }
        };
        for (j, inst) in func.insts.iter().enumerate() {
            let here = func.block_of(j as InstId);
            match &inst.kind {
                InstKind::Phi { incoming } => {
                    incoming.iter().for_each(|(v, p)| add(v, Some(*p)));
                }
                InstKind::Store {
                    ptr: Value::Inst(p),
                    value,
                    ..
                } if self.slot[*p as usize].is_some() => add(value, here),
                _ if self.relevant[j] => inst.kind.for_each_operand(|v| add(v, here)),
                _ => {}
            }
        }
        for (&br, &(c, _)) in &self.tests {
            func.insts[c as usize]
                .kind
                .for_each_operand(|v| add(v, func.block_of(br)));
        }
        users
    }

    /// The states along each edge out of block `b` (ending in `last`):
    /// narrowed by the branch's test, `None` where the test cannot hold.
    fn edges(&self, b: u32, last: InstId, s: &State) -> Vec<(u32, Option<State>)> {
        let succs = &self.func.blocks[b as usize].succs;
        let test = self.tests.get(&last);
        match (test, &self.func.insts[last as usize].kind) {
            (
                Some((c, chains)),
                InstKind::CondBr {
                    then, otherwise, ..
                },
            ) => {
                let InstKind::ICmp { pred, lhs, rhs } = &self.func.insts[*c as usize].kind else {
                    return succs.iter().map(|&t| (t, Some(s.clone()))).collect();
                };
                [(*then, *pred), (*otherwise, negate(*pred))]
                    .into_iter()
                    .map(|(t, p)| (t, self.narrow_by(s, b, p, [lhs, rhs], chains)))
                    .collect()
            }
            _ => succs.iter().map(|&t| (t, Some(s.clone()))).collect(),
        }
    }

    /// `s` where `lhs p rhs` holds, at the end of block `b`.
    fn narrow_by(
        &self,
        s: &State,
        b: u32,
        p: CmpPred,
        [lhs, rhs]: [&Value; 2],
        chains: &[Chain; 2],
    ) -> Option<State> {
        let (Some(l), Some(r)) = (self.eval(lhs, s), self.eval(rhs, s)) else {
            return Some(s.clone());
        };
        let (nl, nr) = (restrict(l, p, r)?, restrict(r, swap(p), l)?);
        let mut out = s.clone();
        for (ch, n) in [(&chains[0], nl), (&chains[1], nr)] {
            for t in self.targets(ch) {
                match t {
                    Ok(i) => {
                        let cur = self.eval(&Value::Inst(i), &out).unwrap_or(n);
                        out.narrow(i, meet(cur, n)?);
                    }
                    Err(k) => out.slots[k as usize] = meet(out.slots[k as usize], n)?,
                }
            }
        }
        // What the block computed from a narrowed value is narrowed too
        // (`i - 4` flowing back to the loop's phi when `i > 35` held):
        // arithmetic is a function of its operands, which have not changed
        // since (a load could have read the slot before a store).
        if !out.narrowed.is_empty() {
            let narrowed =
                |v: &Value, s: &State| matches!(v, Value::Inst(x) if s.narrowed(*x).is_some());
            for i in self.func.block_insts(b) {
                let i = i as InstId;
                let kind = &self.func.insts[i as usize].kind;
                let uses_narrowed = match kind {
                    InstKind::BinOp { lhs, rhs, .. } => narrowed(lhs, &out) || narrowed(rhs, &out),
                    InstKind::Cast { value, .. } => narrowed(value, &out),
                    InstKind::Select {
                        then, otherwise, ..
                    } => narrowed(then, &out) || narrowed(otherwise, &out),
                    _ => false,
                };
                if !self.relevant[i as usize] || !uses_narrowed {
                    continue;
                }
                let cur = self.eval(&Value::Inst(i), &out);
                if let (Some(cur), Some(new)) = (cur, self.step(i, &mut out.clone())) {
                    out.narrow(i, meet(cur, new)?);
                }
            }
        }
        Some(out)
    }

    /// Evaluates the phis of `succ` for the edge from `pred` in state `e`.
    fn enter(&mut self, succ: u32, pred: u32, e: &mut State) {
        let func = self.func;
        for i in func.block_insts(succ) {
            let InstKind::Phi { incoming } = &func.insts[i].kind else {
                break;
            };
            if !self.relevant[i] {
                continue;
            }
            e.forget(i as InstId);
            let Some(r) = incoming
                .iter()
                .find(|(_, p)| *p == pred)
                .and_then(|(v, _)| self.eval(v, e))
            else {
                continue;
            };
            let n = self.phi_updates.entry(i as InstId).or_default();
            let new = match self.vals[i] {
                Some(old) if *n >= WIDEN_AFTER => old.widen(&r, &self.thresholds),
                Some(old) => old.join(&r),
                None => r,
            };
            if self.vals[i] != Some(new) {
                *n += 1;
                self.set(i as InstId, new);
                self.queue(succ);
            }
        }
    }

    /// The range of each `Gep`'s index where the `Gep` is.
    fn at_geps(&self, geps: &[(InstId, InstId)]) -> HashMap<InstId, Range> {
        let mut out = HashMap::default();
        let mut want: HashMap<InstId, InstId> = geps.iter().copied().collect();
        for b in 0..self.func.blocks.len() as u32 {
            let Some(mut s) = self.states[b as usize].clone() else {
                continue;
            };
            for i in self.func.block_insts(b) {
                let i = i as InstId;
                if let Some(x) = want.remove(&i) {
                    if let Some(r) = self.eval(&Value::Inst(x), &s) {
                        out.insert(i, r);
                    }
                }
                self.step(i, &mut s);
            }
        }
        out
    }
}

/// What a branch test's operand is: the instructions it equals (itself,
/// and what it was cast from without change), and the slot (alloca) that
/// holds it at the branch: it was loaded from the slot or stored to it in
/// the branch's block (`if (++i == N)` at -O0), and no store to the slot
/// follows there.
type Chain = (Vec<InstId>, Option<InstId>);

fn chain(func: &Function, slots: &[Option<u8>], v: &Value, br: InstId) -> Chain {
    let mut out = (Vec::new(), None);
    let Some(b) = func.block_of(br) else {
        return out;
    };
    let here = func.block_insts(b);
    let stored_between = |s: InstId, from: InstId| {
        (from + 1..br).any(|j| {
            matches!(&func.insts[j as usize].kind,
                InstKind::Store { ptr: Value::Inst(p), .. } if *p == s)
        })
    };
    let mut v = v.clone();
    for _ in 0..4 {
        let Value::Inst(i) = v else { break };
        out.0.push(i);
        let stored = here.clone().find_map(|j| match &func.insts[j].kind {
            InstKind::Store {
                ptr: Value::Inst(s),
                value: Value::Inst(x),
                ..
            } if *x == i && slots[*s as usize].is_some() => Some((*s, j as InstId)),
            _ => None,
        });
        if let Some((s, _)) = stored.filter(|&(s, j)| j < br && !stored_between(s, j)) {
            out.1.get_or_insert(s);
        }
        match &func.insts[i as usize].kind {
            InstKind::Cast {
                value,
                op: CastOp::Same | CastOp::SExt,
            } => v = value.clone(),
            InstKind::Load {
                ptr: Value::Inst(s),
                ..
            } if slots[*s as usize].is_some() => {
                if here.contains(&(i as usize)) && !stored_between(*s, i) {
                    out.1 = Some(*s);
                }
                break;
            }
            _ => break,
        }
    }
    out
}

/// Both hold.
fn meet(a: Range, b: Range) -> Option<Range> {
    let (ma, ra) = a.congruence();
    let c = a.clamp(b.lo128(), b.hi128())?;
    // Keep the finer congruence when one divides the other.
    let (mb, rb) = b.congruence();
    if ma > 0 && mb > 0 && mb % ma == 0 && (rb - ra).rem_euclid(ma) == 0 {
        return Range::new(c.lo128(), c.hi128(), mb, rb);
    }
    Some(c)
}

/// Integer stack slots whose address goes nowhere but into the loads and
/// stores of one width: their width in bits, by alloca.
fn tracked_slots(func: &Function) -> Vec<Option<u8>> {
    let n = func.insts.len();
    let mut bits: Vec<Option<u8>> = func
        .insts
        .iter()
        .map(|inst| matches!(inst.kind, InstKind::Alloca { .. }).then_some(0))
        .collect();
    let untrack = |v: &Value, bits: &mut Vec<Option<u8>>| {
        if let Value::Inst(i) = v {
            if let Some(b) = bits.get_mut(*i as usize) {
                *b = None;
            }
        }
    };
    for inst in &func.insts {
        let access = match &inst.kind {
            InstKind::Load {
                ptr,
                size,
                volatile: false,
                is_ptr: false,
                ..
            } => Some((ptr, *size)),
            InstKind::Store {
                ptr,
                value,
                size,
                volatile: false,
                ..
            } => {
                untrack(value, &mut bits);
                Some((ptr, *size))
            }
            _ => None,
        };
        match access {
            Some((Value::Inst(p), size)) if (*p as usize) < n => {
                let w = (size * 8).min(64) as u8;
                match bits[*p as usize] {
                    Some(0) if (1..=8).contains(&size) => bits[*p as usize] = Some(w),
                    Some(b) if b == w => {}
                    _ => bits[*p as usize] = None,
                }
            }
            Some(_) => {}
            None => inst.kind.for_each_operand(|v| untrack(v, &mut bits)),
        }
    }
    bits.into_iter().map(|b| b.filter(|&b| b > 0)).collect()
}

/// Every value operand of an instruction.
#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: i64, hi: i64, m: i64, r: i64) -> Range {
        Range::new(lo as i128, hi as i128, m as i128, r as i128).unwrap()
    }

    #[test]
    fn join_keeps_a_common_congruence() {
        let j = Range::exact(0).join(&Range::exact(2));
        assert_eq!((j.lo, j.hi, j.m, j.r), (0, 2, 2, 0));
        let j = j.join(&Range::exact(5));
        assert_eq!((j.lo, j.hi, j.m), (0, 5, 1));
    }

    #[test]
    fn widening_stops_at_a_compared_constant() {
        let t = [31, 32, 33];
        let w = Range::exact(0).widen(&Range::exact(1), &t);
        assert_eq!((w.lo, w.hi), (0, 31));
        // A step of 8 towards `!= 32`: the bound moves in to the congruence.
        let w = Range::exact(0).widen(&Range::exact(8), &t);
        assert_eq!((w.lo, w.hi, w.m), (0, 24, 8));
        let w = Range::exact(0).widen(&Range::exact(-1), &t);
        assert_eq!((w.lo, w.hi), (NEG, 0));
    }

    #[test]
    fn branches_narrow() {
        let x = r(0, 40, 1, 0);
        let c = Range::exact(32);
        assert_eq!(restrict(x, CmpPred::Slt, c).unwrap().hi, 31);
        assert_eq!(restrict(x, CmpPred::Sge, c).unwrap().lo, 32);
        // Unsigned below a bound that is not negative: not negative.
        let y = restrict(Range::TOP, CmpPred::Ult, c).unwrap();
        assert_eq!((y.lo, y.hi), (0, 31));
        // A value that may be negative learns nothing from `>u`.
        assert_eq!(restrict(Range::TOP, CmpPred::Ugt, c), Some(Range::TOP));
        assert_eq!(restrict(r(0, 32, 1, 0), CmpPred::Ne, c).unwrap().hi, 31);
        assert_eq!(restrict(r(1, 31, 1, 0), CmpPred::Eq, c), None);
        assert_eq!(restrict(r(0, 62, 2, 0), CmpPred::Eq, Range::exact(5)), None);
    }

    #[test]
    fn arithmetic_that_may_wrap_gives_up() {
        let x = r(0, 31, 1, 0);
        let one = Range::exact(1);
        assert_eq!(binop(IntOp::Add, x, one, 32, false).hi, 32);
        // Unbounded plus one wraps at the width without `nsw`...
        let up = Range {
            lo: 0,
            ..Range::TOP
        };
        let y = binop(IntOp::Add, up, one, 32, false);
        assert_eq!((y.lo, y.hi), (i32::MIN as i64, i32::MAX as i64));
        // ... and does not with it.
        let y = binop(IntOp::Add, up, one, 32, true);
        assert_eq!((y.lo, y.hi), (1, i32::MAX as i64));
        // An i8 counter past 127 wraps.
        let y = binop(IntOp::Add, r(0, 127, 1, 0), one, 8, false);
        assert_eq!((y.lo, y.hi), (-128, 127));
        let y = binop(IntOp::Shl, x, Range::exact(2), 64, false);
        assert_eq!((y.lo, y.hi, y.m), (0, 124, 4));
        let y = binop(IntOp::And, Range::TOP, Range::exact(15), 32, false);
        assert_eq!((y.lo, y.hi), (0, 15));
        assert_eq!(cast(CastOp::Trunc(8), r(0, 200, 1, 0)), top_of(8));
        assert_eq!(cast(CastOp::ZExt, r(-1, 3, 1, 0)).hi, POS);
    }
}
