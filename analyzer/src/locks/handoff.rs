//! Locks a started thread takes that its parent held when it started it
//! (`lock(m); pthread_create(&t, …); x = 1; unlock(m)` in `main`, and
//! `lock(m); unlock(m); x++;` in the thread). The thread cannot take `m`
//! before `main` lets it go, and `main` holds it without a break from the
//! start to that release: what `main` does in between happens before what
//! the thread does once it has taken `m`. A happens-before fact, not a
//! lockset one: the thread's access need not hold `m` any more.

use seam_models::{LockAction, LockMode};

use super::{LockId, LockKey, Locks};
use crate::callgraph::CallGraph;
use crate::ir::{Callee, InstKind, Language};
use crate::memory::Memory;
use crate::program::{FuncId, Program};
use crate::threads::{reachable_from_entry_avoiding, Threads, PROGRAM_ENTRY};

/// A thread started only while `main` holds `lock` (see the module).
#[derive(Clone, Debug)]
pub struct Handoff {
    /// The started root.
    pub child: usize,
    /// `main`'s root, and its function (where every start is).
    pub parent: usize,
    pub func: FuncId,
    pub lock: LockId,
    /// The mode `main` holds it in at the starts (the weakest of them).
    pub mode: LockMode,
    /// The starts (instructions of `func`).
    pub starts: Vec<u32>,
    /// Instructions of `func` that release the lock or may: its unlocks,
    /// calls whose callee may release it, calls handed the lock
    /// (`pthread_cond_wait(&c, &m)`), calls through unresolved pointers.
    pub releases: Vec<u32>,
}

impl Handoff {
    /// Is instruction `pos` of `main`'s function inside the critical
    /// section every start of the child is in: for each start it follows,
    /// no way from that start to it passes a release?
    pub fn in_section(&self, program: &Program<'_>, pos: u32) -> bool {
        let func = program.function(self.func);
        if self.releases.contains(&pos) || self.starts.contains(&pos) {
            return false;
        }
        self.starts.iter().all(|&s| {
            !super::reaches(func, s, pos)
                || !self
                    .releases
                    .iter()
                    .any(|&r| super::reaches(func, s, r) && super::reaches(func, r, pos))
        })
    }
}

impl Locks {
    /// The handoffs of a user-space program: per thread `main` starts
    /// directly (every start in `main`'s own function, C), each lock
    /// `main` must hold at every one of its starts.
    pub fn handoffs(
        &self,
        program: &Program<'_>,
        memory: &Memory,
        cg: &CallGraph,
        threads: &Threads,
    ) -> Vec<Handoff> {
        let mut out = Vec::new();
        if threads.kernel {
            return out;
        }
        let mains: Vec<usize> = (0..threads.roots.len())
            .filter(|&k| threads.roots[k].via == PROGRAM_ENTRY)
            .collect();
        let [p] = mains.as_slice() else {
            return out;
        };
        let main = threads.roots[*p].func;
        if program.language(main) != Language::C {
            return out;
        }
        let Some(fl) = self.functions.get(main as usize) else {
            return out;
        };
        for (r, root) in threads.roots.iter().enumerate() {
            if r == *p || !root.one_shot() || root.spawned_at.is_empty() {
                continue;
            }
            let direct = root.spawned_at.iter().all(|sp| {
                sp.caller == main
                    && !sp.lifted
                    && sp.inner.is_none()
                    && sp.scope.is_none()
                    && sp.scope_call.is_none()
            });
            if !direct {
                continue;
            }
            let starts: Vec<u32> = root.spawned_at.iter().map(|sp| sp.inst).collect();
            let Some(first) = fl.before.get(&starts[0]) else {
                continue;
            };
            for h in &first.plus {
                let mut mode = h.mode;
                let everywhere = starts.iter().all(|s| {
                    fl.before.get(s).is_some_and(|b| {
                        b.plus.iter().any(|x| {
                            if x.lock == h.lock && x.mode == LockMode::Read {
                                mode = LockMode::Read;
                            }
                            x.lock == h.lock
                        })
                    })
                });
                if !everywhere
                    || self.in_collapsed_object(h.lock, memory)
                    || !self.released_by_holders_only(h.lock)
                {
                    continue;
                }
                let Some(node) = self.lock_node(memory, h.lock) else {
                    continue;
                };
                let releases = self.releases_in(program, memory, cg, main, h.lock, node);
                out.push(Handoff {
                    child: r,
                    parent: *p,
                    func: main,
                    lock: h.lock,
                    mode,
                    starts: starts.clone(),
                    releases,
                });
            }
        }
        out
    }

    /// Is every release of `lock` in the program made by a function that
    /// holds it there (took it itself on every way)? A lock another thread
    /// can give back (a semaphore one thread posts and another waits on)
    /// may let the started thread in while `main` still "holds" it.
    fn released_by_holders_only(&self, lock: LockId) -> bool {
        self.functions.iter().all(|fl| {
            fl.ops
                .iter()
                .filter(|op| op.lock == lock && op.action == LockAction::Release)
                .all(|op| op.before.plus.iter().any(|h| h.lock == lock))
        })
    }

    /// The object a lock is in, for locks named by an object or symbol.
    fn lock_node(&self, memory: &Memory, l: LockId) -> Option<u32> {
        match &self.info(l).key {
            LockKey::Object(p) => Some(memory.norm(*p).node),
            LockKey::Symbol(g, _) => Some(memory.norm(memory.global_ptr(*g)).node),
            LockKey::Global(_) => None,
        }
    }

    /// Instructions of `f` that release `lock` or may (see `Handoff`).
    fn releases_in(
        &self,
        program: &Program<'_>,
        memory: &Memory,
        cg: &CallGraph,
        f: FuncId,
        lock: LockId,
        node: u32,
    ) -> Vec<u32> {
        let func = program.function(f);
        let fl = &self.functions[f as usize];
        let mut out: Vec<u32> = Vec::new();
        for (i, x) in func.insts.iter().enumerate() {
            let i = i as u32;
            let InstKind::Call { callee, args, .. } = &x.kind else {
                continue;
            };
            // Its own operations on the lock: a release is one; taking it
            // again (a recursive mutex), or giving back such a second hold,
            // is not.
            if let Some(op) = fl.ops.iter().find(|op| op.inst == i) {
                if op.lock == lock {
                    if op.action == LockAction::Release && !op.nested {
                        out.push(i);
                    }
                    continue;
                }
            }
            let targets = cg.targets(f, i);
            let unresolved = matches!(callee, Callee::Indirect(_)) && targets.is_empty();
            let releasing = targets.iter().any(|&g| {
                self.summaries
                    .get(g as usize)
                    .is_some_and(|s| s.releases.contains(&lock) || s.must_releases.contains(&lock))
            });
            let handed = args
                .iter()
                .any(|v| memory.ptr_of(program, f, v).is_some_and(|p| p.node == node));
            if unresolved || releasing || handed {
                out.push(i);
            }
        }
        out
    }

    /// Has the thread running function `f` taken `lock` (in a mode that
    /// waits for a holder in `mode`) on every way from `f`'s entry to
    /// instruction `pos`, by its own lock operation or a call that returns
    /// holding it?
    pub fn taken_before(
        &self,
        program: &Program<'_>,
        cg: &CallGraph,
        f: FuncId,
        pos: u32,
        lock: LockId,
        mode: LockMode,
    ) -> bool {
        let Some(fl) = self.functions.get(f as usize) else {
            return false;
        };
        let waits = |m: LockMode| m == LockMode::Write || mode == LockMode::Write;
        let mut takes: Vec<u32> = fl
            .ops
            .iter()
            .filter(|op| op.lock == lock && op.action == LockAction::Acquire && waits(op.mode))
            .map(|op| op.inst)
            .collect();
        let func = program.function(f);
        for (i, x) in func.insts.iter().enumerate() {
            if !matches!(x.kind, InstKind::Call { .. }) {
                continue;
            }
            let targets = cg.targets(f, i as u32);
            if !targets.is_empty()
                && targets.iter().all(|&g| {
                    self.summaries
                        .get(g as usize)
                        .is_some_and(|s| s.acquires.iter().any(|h| h.lock == lock && waits(h.mode)))
                })
            {
                takes.push(i as u32);
            }
        }
        !takes.is_empty() && !reachable_from_entry_avoiding(func, pos, &takes)
    }
}
