//! Locks taken and used under one condition (`if (go) lock(m); …
//! if (go) count++; … if (go) unlock(m);`): the dataflow merges the paths
//! after the first `if` and has `m` only maybe held at `count++`, though
//! every path that reaches it took the lock. Where a lock is maybe held,
//! it is held when every path to the point whose branches on one unchanged
//! condition agree (see `ir::conditions`) passes an acquisition of it after
//! the function's entry and after any release of it.

use rayon::prelude::*;
use seam_models::{LockAction, LockMode};

use super::{Held, LockId, Locks};
use crate::callgraph::CallGraph;
use crate::ir::conditions::Conditions;
use crate::ir::InstKind;
use crate::program::{FuncId, Program};

impl Locks {
    /// Adds to the recorded states the locks held on every path whose
    /// branches on one condition agree (user space).
    pub(super) fn correlated_holds(&mut self, program: &Program<'_>, cg: &CallGraph) {
        let found: Vec<(usize, Vec<(u32, Held)>)> = (0..self.functions.len())
            .into_par_iter()
            .filter_map(|f| {
                let fl = &self.functions[f];
                let maybe = |st: &super::RelState| {
                    st.may_plus
                        .iter()
                        .filter(|l| !st.plus.iter().any(|h| h.lock == **l))
                        .copied()
                        .collect::<Vec<LockId>>()
                };
                if fl.ops.is_empty() || !fl.before.values().any(|st| !maybe(st).is_empty()) {
                    return None;
                }
                let func = program.function(f as FuncId);
                let conds = Conditions::of(func)?;
                let mut out: Vec<(u32, Held)> = Vec::new();
                let mut insts: Vec<u32> = fl.before.keys().copied().collect();
                insts.sort_unstable();
                for i in insts {
                    for l in maybe(&fl.before[&i]) {
                        if let Some(h) =
                            self.held_by_condition(program, cg, f as FuncId, &conds, i, l)
                        {
                            out.push((i, h));
                        }
                    }
                }
                (!out.is_empty()).then_some((f, out))
            })
            .collect();
        for (f, list) in found {
            for (i, h) in list {
                if let Some(st) = self.functions[f].before.get_mut(&i) {
                    st.acquire(h);
                }
            }
        }
    }

    /// Is `l` held at instruction `i` of `f` on every path whose branches on
    /// one condition agree: each passes a blocking acquisition of it by `f`
    /// itself after the entry and after every release (or call that may
    /// release it)?
    fn held_by_condition(
        &self,
        program: &Program<'_>,
        cg: &CallGraph,
        f: FuncId,
        conds: &Conditions,
        i: u32,
        l: LockId,
    ) -> Option<Held> {
        let fl = &self.functions[f as usize];
        let takes: Vec<&super::LockOp> = fl
            .ops
            .iter()
            .filter(|op| op.lock == l && op.action == LockAction::Acquire)
            .collect();
        let first = takes.first()?;
        let mode = if takes.iter().any(|op| op.mode == LockMode::Read) {
            LockMode::Read
        } else {
            LockMode::Write
        };
        let acquires: Vec<u32> = takes.iter().map(|op| op.inst).collect();
        let func = program.function(f);
        let mut releases: Vec<u32> = fl
            .ops
            .iter()
            .filter(|op| op.lock == l && op.action == LockAction::Release)
            .map(|op| op.inst)
            .collect();
        for (k, x) in func.insts.iter().enumerate() {
            if matches!(x.kind, InstKind::Call { .. })
                && cg.targets(f, k as u32).iter().any(|&g| {
                    self.summaries
                        .get(g as usize)
                        .is_some_and(|s| s.releases.contains(&l) || s.must_releases.contains(&l))
                })
            {
                releases.push(k as u32);
            }
        }
        if conds.reachable_from_entry(func, i, &acquires)
            || releases
                .iter()
                .any(|&r| r == i || conds.reachable(func, r, i, &acquires, |_, _| false))
        {
            return None;
        }
        Some(Held {
            lock: l,
            mode,
            site: (f, first.inst),
            from_parent: false,
        })
    }
}
