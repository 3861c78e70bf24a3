//! Branches on one and the same condition value (`if (bg) start(); …
//! if (bg) join();`): once a path took one of them, it takes the same side
//! of the others until the value may have changed. A condition is the same
//! when it is one SSA value, or (at -O0) the same comparison of a value
//! loaded from one local slot that is only loaded and stored, against one
//! constant. The value may change where the SSA value is computed again
//! (in a loop) or where the slot is stored to.
//!
//! Used by reachability questions that would otherwise follow paths no run
//! takes (a start on the `bg` side and the skipped join on the other).

use super::{CastOp, CmpPred, Function, InstKind, Value};

/// What a branch tests, for telling two branches on one value apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    /// An SSA value (instruction id).
    Value(u32),
    /// `load slot` compared with a constant, or truncated to one bit.
    Slot(u32, Option<(CmpPred, i64)>),
}

/// A fact on a path: condition `key` (index into `kills`) has this value.
type Fact = (u16, bool);

/// The branches of a function on a condition value that another branch
/// also tests, and what is known of them on entry to each block.
#[derive(Clone, Debug, Default)]
pub struct Conditions {
    /// Per key: where its value may change (sorted).
    kills: Vec<Vec<u32>>,
    /// Per block: the key its conditional branch tests (then, otherwise).
    branch: Vec<Option<u16>>,
    /// Per block: facts true on entry on every path from the function's
    /// entry (sorted).
    entry: Vec<Vec<Fact>>,
}

/// At most this many facts are carried on a path.
const MAX_FACTS: usize = 8;

impl Conditions {
    /// None when no two branches of `func` test one value.
    pub fn of(func: &Function) -> Option<Conditions> {
        let n = func.blocks.len();
        let mut keys: Vec<Key> = Vec::new();
        let mut count: Vec<usize> = Vec::new();
        let mut branch: Vec<Option<u16>> = vec![None; n];
        for (b, blk) in func.blocks.iter().enumerate() {
            if blk.len == 0 {
                continue;
            }
            let InstKind::CondBr {
                cond,
                then,
                otherwise,
            } = &func.insts[(blk.first + blk.len - 1) as usize].kind
            else {
                continue;
            };
            if then == otherwise {
                continue;
            }
            let Some((k, load)) = key_of(func, cond) else {
                continue;
            };
            // A slot's value is the one the branch tests only if the load
            // is in the branch's block with no store to the slot after it.
            if let (Key::Slot(slot, _), Some(l)) = (k, load) {
                let end = blk.first + blk.len;
                let stored = (l + 1..end).any(|i| {
                    matches!(&func.insts[i as usize].kind,
                        InstKind::Store { ptr: Value::Inst(p), .. } if *p == slot)
                });
                if l < blk.first || l >= end || stored {
                    continue;
                }
            }
            let at = match keys.iter().position(|x| *x == k) {
                Some(i) => i,
                None => {
                    keys.push(k);
                    count.push(0);
                    keys.len() - 1
                }
            };
            count[at] += 1;
            branch[b] = Some(at as u16);
        }
        if !count.iter().any(|&c| c >= 2) || keys.len() > u16::MAX as usize {
            return None;
        }
        // Only keys two branches test.
        for b in branch.iter_mut() {
            if b.is_some_and(|k| count[k as usize] < 2) {
                *b = None;
            }
        }
        let kills: Vec<Vec<u32>> = keys
            .iter()
            .map(|k| {
                match *k {
                Key::Value(i) => vec![i],
                Key::Slot(s, _) => func
                    .insts
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| {
                        matches!(&x.kind, InstKind::Store { ptr: Value::Inst(p), .. } if *p == s)
                    })
                    .map(|(i, _)| i as u32)
                    .collect(),
            }
            })
            .collect();
        let mut c = Conditions {
            kills,
            branch,
            entry: vec![Vec::new(); n],
        };
        c.entry = c.entry_facts(func);
        Some(c)
    }

    /// Facts on entry to each block (must: on every path from the entry).
    fn entry_facts(&self, func: &Function) -> Vec<Vec<Fact>> {
        let n = func.blocks.len();
        let mut entry: Vec<Option<Vec<Fact>>> = vec![None; n];
        if n == 0 {
            return Vec::new();
        }
        entry[0] = Some(Vec::new());
        let mut work = vec![0usize];
        let mut rounds = 0usize;
        while let Some(b) = work.pop() {
            rounds += 1;
            if rounds > 64 * n + 64 {
                // Give up on facts rather than loop long.
                return vec![Vec::new(); n];
            }
            let Some(mut facts) = entry[b].clone() else {
                continue;
            };
            let blk = &func.blocks[b];
            self.kill(&mut facts, blk.first, blk.first + blk.len);
            for &s in &blk.succs {
                let s = s as usize;
                if s >= n {
                    continue;
                }
                let Some(out) = self.across(func, b, s, &facts) else {
                    continue;
                };
                let new = match &entry[s] {
                    None => out,
                    Some(old) => old.iter().filter(|f| out.contains(f)).copied().collect(),
                };
                if entry[s].as_ref() != Some(&new) {
                    entry[s] = Some(new);
                    work.push(s);
                }
            }
        }
        entry.into_iter().map(Option::unwrap_or_default).collect()
    }

    /// Drop facts whose value may change at an instruction in `lo..hi`.
    fn kill(&self, facts: &mut Vec<Fact>, lo: u32, hi: u32) {
        facts.retain(|&(k, _)| !self.kills[k as usize].iter().any(|&i| i >= lo && i < hi));
    }

    /// The facts after the edge `b -> s`, given those at the end of `b`;
    /// None when they say the edge is not taken.
    fn across(&self, func: &Function, b: usize, s: usize, facts: &[Fact]) -> Option<Vec<Fact>> {
        let Some(k) = self.branch.get(b).copied().flatten() else {
            return Some(facts.to_vec());
        };
        let blk = &func.blocks[b];
        let InstKind::CondBr { then, .. } = &func.insts[(blk.first + blk.len - 1) as usize].kind
        else {
            return Some(facts.to_vec());
        };
        let v = s as u32 == *then;
        match facts.iter().find(|f| f.0 == k) {
            Some(&(_, known)) if known != v => None,
            Some(_) => Some(facts.to_vec()),
            None => {
                let mut out = facts.to_vec();
                if out.len() < MAX_FACTS {
                    out.push((k, v));
                    out.sort_unstable();
                }
                Some(out)
            }
        }
    }

    /// Can control go from just after instruction `from` to instruction
    /// `to` without passing one of `avoid` (instructions) or taking an edge
    /// `cut` says is cut, on a path whose branches on one condition agree?
    /// Paths start with what is known at `from`.
    pub fn reachable(
        &self,
        func: &Function,
        from: u32,
        to: u32,
        avoid: &[u32],
        cut: impl Fn(usize, usize) -> bool,
    ) -> bool {
        self.search(func, Some(from), to, avoid, cut)
    }

    /// [`Conditions::reachable`] from the function's entry (`to` itself
    /// not passed).
    pub fn reachable_from_entry(&self, func: &Function, to: u32, avoid: &[u32]) -> bool {
        self.search(func, None, to, avoid, |_, _| false)
    }

    fn search(
        &self,
        func: &Function,
        from: Option<u32>,
        to: u32,
        avoid: &[u32],
        cut: impl Fn(usize, usize) -> bool,
    ) -> bool {
        let block_of = |i: u32| func.block_of(i).map(|b| b as usize);
        let Some(bt) = block_of(to) else {
            return true;
        };
        if func.blocks.is_empty() {
            return true;
        }
        let between = |b: usize, lo: u32, hi: u32| {
            avoid
                .iter()
                .any(|j| block_of(*j) == Some(b) && *j > lo && *j < hi)
        };
        let mut work: Vec<(usize, Vec<Fact>)> = Vec::new();
        let push = |work: &mut Vec<(usize, Vec<Fact>)>, b: usize, facts: &[Fact]| {
            for &s in &func.blocks[b].succs {
                let s = s as usize;
                if s >= func.blocks.len() || cut(b, s) {
                    continue;
                }
                if let Some(out) = self.across(func, b, s, facts) {
                    work.push((s, out));
                }
            }
        };
        match from {
            Some(from) => {
                let Some(bf) = block_of(from) else {
                    return true;
                };
                let blk = &func.blocks[bf];
                if bf == bt && to > from && !between(bf, from, to) {
                    return true;
                }
                if between(bf, from, blk.first + blk.len) {
                    return false;
                }
                let mut start = self.entry.get(bf).cloned().unwrap_or_default();
                self.kill(&mut start, blk.first, blk.first + blk.len);
                push(&mut work, bf, &start);
            }
            None => work.push((0, Vec::new())),
        }
        // Visited (block, facts): a block seen with fewer facts (more
        // paths) need not be seen again with more.
        let mut seen: Vec<Vec<Vec<Fact>>> = vec![Vec::new(); func.blocks.len()];
        while let Some((b, mut facts)) = work.pop() {
            if seen[b].iter().any(|f| f.iter().all(|x| facts.contains(x))) {
                continue;
            }
            if seen[b].len() >= 16 {
                // Enough variants: go on knowing nothing.
                if seen[b].iter().any(|f| f.is_empty()) {
                    continue;
                }
                facts.clear();
            }
            seen[b].push(facts.clone());
            let blk = &func.blocks[b];
            if b == bt && !between(b, blk.first.wrapping_sub(1), to) {
                return true;
            }
            if between(b, blk.first.wrapping_sub(1), blk.first + blk.len) {
                continue;
            }
            self.kill(&mut facts, blk.first, blk.first + blk.len);
            push(&mut work, b, &facts);
        }
        false
    }
}

/// The key of a branch condition, if it can be matched with others, and
/// for a slot the load that reads it.
fn key_of(func: &Function, cond: &Value) -> Option<(Key, Option<u32>)> {
    let Value::Inst(c) = cond else {
        return None;
    };
    let slot_of = |v: &Value| -> Option<(u32, u32)> {
        let Value::Inst(l) = v else { return None };
        let InstKind::Load {
            ptr: Value::Inst(s),
            volatile: false,
            ..
        } = &func.insts.get(*l as usize)?.kind
        else {
            return None;
        };
        private_slot(func, *s).then_some((*s, *l))
    };
    match &func.insts.get(*c as usize)?.kind {
        InstKind::ICmp {
            pred,
            lhs,
            rhs: Value::Int(n),
        } => Some(match slot_of(lhs) {
            Some((s, l)) => (Key::Slot(s, Some((*pred, *n))), Some(l)),
            None => (Key::Value(*c), None),
        }),
        InstKind::Cast {
            value,
            op: CastOp::Trunc(1),
        } => Some(match slot_of(value) {
            Some((s, l)) => (Key::Slot(s, None), Some(l)),
            None => (Key::Value(*c), None),
        }),
        _ => Some((Key::Value(*c), None)),
    }
}

/// Is instruction `s` a stack slot only loaded from and stored to (its
/// address goes nowhere else, so only its own stores change it)?
fn private_slot(func: &Function, s: u32) -> bool {
    if !matches!(
        func.insts.get(s as usize).map(|x| &x.kind),
        Some(InstKind::Alloca { .. })
    ) {
        return false;
    }
    let me = Value::Inst(s);
    func.insts.iter().all(|x| match &x.kind {
        InstKind::Load { .. } => true,
        InstKind::Store { value, .. } => *value != me,
        InstKind::LifetimeEnd { .. } => true,
        k => {
            let mut used = false;
            k.for_each_operand(|v| used |= *v == me);
            !used
        }
    })
}
