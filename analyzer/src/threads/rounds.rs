//! Barrier rounds: how many waits on a barrier a thread has passed at a
//! point, as a congruence (`a + k·m`), so that accesses of barriers in
//! loops can be told apart by round.
//!
//! Participants of a barrier whose count is the number of threads waiting
//! on it pass its rounds together: the n-th wait of every participant
//! returns only after all of them made their n-th wait. An access after
//! `e` waits of its thread is in round `e`; two accesses of participants
//! in different rounds are ordered by the wait that separates those
//! rounds. A loop `{ write; wait; read; wait; }` puts every write in an
//! even round and every read in an odd one; a loop with one wait does
//! not (the next round's write shares a round with this round's read).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::callgraph::CallGraph;
use crate::ir::{CmpPred, Function, InstKind, Value};
use crate::memory::Ptr;
use crate::program::{FuncId, Program};

/// The number of waits passed: exactly `a` when `m == 0`, else any
/// `a + k·m` (`0 <= a < m`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cong {
    a: i64,
    m: i64,
}

fn gcd(mut x: i64, mut y: i64) -> i64 {
    x = x.abs();
    y = y.abs();
    while y != 0 {
        (x, y) = (y, x % y);
    }
    x
}

impl Cong {
    const ZERO: Cong = Cong { a: 0, m: 0 };
    const ONE: Cong = Cong { a: 1, m: 0 };
    /// Any number of waits.
    const ANY: Cong = Cong { a: 0, m: 1 };

    fn new(a: i64, m: i64) -> Cong {
        if m == 0 {
            Cong { a, m }
        } else {
            Cong {
                a: a.rem_euclid(m),
                m,
            }
        }
    }

    fn join(self, o: Cong) -> Cong {
        Cong::new(self.a, gcd(gcd(self.m, o.m), self.a - o.a))
    }

    fn add(self, o: Cong) -> Cong {
        Cong::new(self.a + o.a, gcd(self.m, o.m))
    }

    /// Can the two stand for the same number?
    pub fn may_equal(self, o: Cong) -> bool {
        let g = gcd(self.m, o.m);
        if g == 0 {
            self.a == o.a
        } else {
            (self.a - o.a).rem_euclid(g) == 0
        }
    }
}

/// Per barrier and function: waits on it passed since the function's
/// entry, before each instruction (`None`: unreachable).
#[derive(Default)]
pub struct Rounds {
    before: HashMap<(Ptr, FuncId), Vec<Option<Cong>>>,
    /// Waits from entry to a return.
    delta: HashMap<(Ptr, FuncId), Cong>,
    pub barriers: Vec<Ptr>,
}

impl Rounds {
    /// `direct`: calls of a barrier-wait model; `points`: those and the
    /// calls of functions that wait (see `lift_points`).
    pub fn compute(
        program: &Program<'_>,
        cg: &CallGraph,
        direct: &HashMap<FuncId, Vec<(u32, Ptr)>>,
        points: &HashMap<FuncId, Vec<(u32, Ptr)>>,
    ) -> Rounds {
        let mut r = Rounds::default();
        let mut bars: Vec<Ptr> = points.values().flatten().map(|(_, p)| *p).collect();
        bars.sort_unstable();
        bars.dedup();
        let mut funcs: Vec<FuncId> = points.keys().copied().collect();
        funcs.sort_unstable();
        for &bar in &bars {
            for &g in &funcs {
                let mut busy = HashSet::default();
                r.function(program, cg, direct, points, bar, g, &mut busy);
            }
        }
        r.barriers = bars;
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn function(
        &mut self,
        program: &Program<'_>,
        cg: &CallGraph,
        direct: &HashMap<FuncId, Vec<(u32, Ptr)>>,
        points: &HashMap<FuncId, Vec<(u32, Ptr)>>,
        bar: Ptr,
        g: FuncId,
        busy: &mut HashSet<FuncId>,
    ) -> Cong {
        if let Some(d) = self.delta.get(&(bar, g)) {
            return *d;
        }
        let Some(here) = points.get(&g) else {
            return Cong::ZERO;
        };
        // Recursion: any number of rounds.
        if !busy.insert(g) {
            return Cong::ANY;
        }
        let is_direct = |i: u32| {
            direct
                .get(&g)
                .is_some_and(|w| w.iter().any(|&(j, p)| j == i && p == bar))
        };
        let mut steps: HashMap<u32, Cong> = HashMap::default();
        for &(i, p) in here {
            if p != bar || steps.contains_key(&i) {
                continue;
            }
            let step = if is_direct(i) {
                Cong::ONE
            } else {
                let targets = cg.calls[g as usize].get(&i).cloned().unwrap_or_default();
                let mut s: Option<Cong> = None;
                for h in targets {
                    let d = self.function(program, cg, direct, points, bar, h, busy);
                    s = Some(s.map_or(d, |x| x.join(d)));
                }
                s.unwrap_or(Cong::ZERO)
            };
            steps.insert(i, step);
        }
        busy.remove(&g);
        let func = program.function(g);
        let nb = func.blocks.len();
        let mut entry: Vec<Option<Cong>> = vec![None; nb];
        let mut before: Vec<Option<Cong>> = vec![None; func.insts.len()];
        let mut delta: Option<Cong> = None;
        if nb > 0 {
            entry[0] = Some(Cong::ZERO);
            let mut work: Vec<usize> = vec![0];
            // Moduli only shrink by division and exact values meet at the
            // first back edge, so this settles in a few passes; the cap
            // guards against anything else.
            let mut budget = 64 * nb + 64;
            while let Some(b) = work.pop() {
                if budget == 0 {
                    return self.give_up(bar, g, func.insts.len());
                }
                budget -= 1;
                let Some(mut s) = entry[b] else { continue };
                for i in func.block_insts(b as u32) {
                    if let Some(st) = steps.get(&(i as u32)) {
                        s = s.add(*st);
                    }
                }
                for &succ in &func.blocks[b].succs {
                    let succ = succ as usize;
                    if succ >= nb {
                        continue;
                    }
                    let joined = entry[succ].map_or(s, |e| e.join(s));
                    if entry[succ] != Some(joined) {
                        entry[succ] = Some(joined);
                        work.push(succ);
                    }
                }
            }
            for (b, e) in entry.iter().enumerate() {
                let Some(mut s) = *e else { continue };
                for i in func.block_insts(b as u32) {
                    before[i] = Some(s);
                    if let Some(st) = steps.get(&(i as u32)) {
                        s = s.add(*st);
                    }
                    if matches!(func.insts[i].kind, InstKind::Ret { .. }) {
                        delta = Some(delta.map_or(s, |d| d.join(s)));
                    }
                }
            }
        }
        let delta = delta.unwrap_or(Cong::ZERO);
        self.before.insert((bar, g), before);
        self.delta.insert((bar, g), delta);
        delta
    }

    fn give_up(&mut self, bar: Ptr, g: FuncId, n: usize) -> Cong {
        self.before.insert((bar, g), vec![Some(Cong::ANY); n]);
        self.delta.insert((bar, g), Cong::ANY);
        Cong::ANY
    }

    /// Waits on `bar` passed at the end of the call stack `frames`
    /// (outermost first, from a thread's entry), or `None` when a frame is
    /// unreachable.
    pub fn at(&self, bar: Ptr, frames: &[(FuncId, u32)]) -> Option<Cong> {
        let mut e = Cong::ZERO;
        for &(g, pos) in frames {
            if let Some(v) = self.before.get(&(bar, g)) {
                e = e.add((*v.get(pos as usize)?)?);
            }
        }
        Some(e)
    }
}

/// Is `pos` in the code that only the participant the wait at `wait`
/// returned `serial` to runs (`if (pthread_barrier_wait(&b) ==
/// PTHREAD_BARRIER_SERIAL_THREAD) { … }`), before any further wait
/// (`waits`: the function's waits on that barrier)? Only blocks every way
/// into which comes from the serial side of the test count.
pub fn in_serial_region(func: &Function, wait: u32, serial: i64, waits: &[u32], pos: u32) -> bool {
    let Some(bp) = func.block_of(pos) else {
        return false;
    };
    let is_wait_result = |v: &Value| {
        let mut v = v.clone();
        for _ in 0..4 {
            match v {
                Value::Inst(i) if i == wait => return true,
                Value::Inst(i) => match &func.insts[i as usize].kind {
                    InstKind::Cast { value, .. } => v = value.clone(),
                    _ => return false,
                },
                _ => return false,
            }
        }
        false
    };
    for (b, blk) in func.blocks.iter().enumerate() {
        let Some(last) = (blk.first + blk.len).checked_sub(1) else {
            continue;
        };
        let InstKind::CondBr {
            cond: Value::Inst(c),
            then,
            otherwise,
        } = &func.insts[last as usize].kind
        else {
            continue;
        };
        let InstKind::ICmp { pred, lhs, rhs } = &func.insts[*c as usize].kind else {
            continue;
        };
        let tested = (is_wait_result(lhs) && *rhs == Value::Int(serial))
            || (is_wait_result(rhs) && *lhs == Value::Int(serial));
        let start = match pred {
            CmpPred::Eq if tested => *then,
            CmpPred::Ne if tested => *otherwise,
            _ => continue,
        };
        if *then == *otherwise {
            continue;
        }
        // Blocks from `start` up to the next wait, kept only while every
        // predecessor is in the region (or is the test for `start`).
        let has_wait = |k: usize| {
            let r = func.block_insts(k as u32);
            waits.iter().any(|&w| r.contains(&(w as usize)))
        };
        let mut region: Vec<bool> = vec![false; func.blocks.len()];
        let mut work = vec![start as usize];
        while let Some(k) = work.pop() {
            if k >= region.len() || region[k] || k == b {
                continue;
            }
            region[k] = true;
            if !has_wait(k) {
                work.extend(func.blocks[k].succs.iter().map(|&s| s as usize));
            }
        }
        let preds = crate::locks::predecessors(func);
        loop {
            let mut changed = false;
            for k in 0..region.len() {
                if !region[k] {
                    continue;
                }
                let ok = preds[k].iter().all(|&p| {
                    let p = p as usize;
                    (p < region.len() && region[p] && !has_wait(p))
                        || (p == b && k == start as usize)
                });
                if !ok {
                    region[k] = false;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        if region[bp as usize]
            && !waits.iter().any(|&w| {
                func.block_of(w) == Some(bp) && w < pos && w >= func.blocks[bp as usize].first
            })
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn congruences() {
        let head = Cong::ZERO.join(Cong::new(2, 0));
        assert_eq!(head, Cong::new(0, 2));
        let read = head.add(Cong::ONE);
        assert!(!head.may_equal(read));
        let one_wait = Cong::ZERO.join(Cong::ONE);
        assert_eq!(one_wait, Cong::ANY);
        assert!(one_wait.may_equal(one_wait.add(Cong::ONE)));
        assert!(Cong::new(3, 0).may_equal(Cong::new(1, 2)));
        assert!(!Cong::new(3, 0).may_equal(Cong::new(0, 2)));
        assert!(Cong::new(0, 4).may_equal(Cong::new(2, 6)));
    }
}
