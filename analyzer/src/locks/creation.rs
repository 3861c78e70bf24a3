//! Locks a spawned thread runs inside for its whole life: the thread that
//! starts it holds the lock at the start and joins it before it lets the
//! lock go (`lock(m); pthread_create(&t, …); pthread_join(t, …);
//! unlock(m)`). The started thread's accesses happen inside that critical
//! section, so for race checks they hold the lock too.

use seam_models::LockAction;

use super::{Held, LockId, Locks};
use crate::callgraph::CallGraph;
use crate::ir::InstKind;
use crate::program::Program;
use crate::threads::{SpawnPoint, Threads, PROGRAM_ENTRY};

impl Locks {
    /// Per root of `threads`: the locks it holds for its whole life because
    /// of how it was started. A user-space thread qualifies when every
    /// start of it is a direct call in the C function of one other thread
    /// root (`main`, a thread starting a helper thread), which at that
    /// start
    ///
    /// - holds the lock: took it itself (must-held), or runs inside it for
    ///   its own whole life (transitively, and not released since);
    /// - passes a join of the started thread on every way from the start
    ///   to a release of the lock (or a call that may release it);
    /// - and, unless it cannot give the lock back otherwise (it is `main`,
    ///   whose return ends the program, or a thread function nothing calls
    ///   that took the lock itself: a thread that ends holding a mutex
    ///   keeps it), joins the started thread on every way to its return.
    ///
    /// The same from an ancestor (up to four generations): when the thread
    /// is started by a thread that nothing calls and one root runs (and so
    /// on up), an ancestor that holds the lock at every start of its child
    /// on the way down, and joins this thread through the handle its start
    /// wrote on every way from there to a release (and to its return, as
    /// above), keeps this thread inside the lock.
    pub fn creation_locks(
        &self,
        program: &Program<'_>,
        cg: &CallGraph,
        threads: &Threads,
    ) -> Vec<Vec<Held>> {
        let n = threads.roots.len();
        let mut out: Vec<Vec<Held>> = vec![Vec::new(); n];
        if threads.kernel {
            return out;
        }
        // A thread's set depends on its parent's: repeat until stable.
        for _round in 0..8 {
            let mut changed = false;
            for r in 0..n {
                let new = self.creation_locks_of(program, cg, threads, &out, r);
                if new != out[r] {
                    out[r] = new;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        out
    }

    fn creation_locks_of(
        &self,
        program: &Program<'_>,
        cg: &CallGraph,
        threads: &Threads,
        known: &[Vec<Held>],
        r: usize,
    ) -> Vec<Held> {
        let root = &threads.roots[r];
        if !root.one_shot() || root.spawned_at.is_empty() {
            return Vec::new();
        }
        // Held by the parent from each start of the thread to its join.
        let mut out = self
            .held_at_every_start(program, cg, threads, known, r, &|sp, i| {
                threads.joined_before(program, sp, i)
            })
            .unwrap_or_default();
        // Held by an ancestor from each start of the thread's parent (or
        // grandparent …) to its join of this thread, through the handle the
        // thread's start wrote (`main` locks, starts `b`, which starts `c`;
        // `main` joins `c` before it unlocks): `c` runs between the two.
        let mut cur = r;
        for _depth in 0..4 {
            let Some(a) = sole_plain_parent(program, cg, threads, cur) else {
                break;
            };
            if let Some(held) =
                self.held_at_every_start(program, cg, threads, known, a, &|sp, i| {
                    threads.joined_between(program, r, sp.caller, &[sp.inst], &[i])
                })
            {
                for h in held {
                    if !out.iter().any(|x| x.lock == h.lock) {
                        out.push(h);
                    }
                }
            }
            cur = a;
        }
        for h in &mut out {
            h.from_parent = true;
        }
        out.sort_by_key(|h| h.lock);
        out
    }

    /// The locks held at every start of root `started` by the
    /// thread making it and kept until the thread in question is over:
    /// `over(sp, i)` says whether every way from start `sp` to instruction
    /// `i` of its function passes its end. `None` when a start is not one
    /// seam can judge.
    fn held_at_every_start(
        &self,
        program: &Program<'_>,
        cg: &CallGraph,
        threads: &Threads,
        known: &[Vec<Held>],
        started: usize,
        over: &dyn Fn(&SpawnPoint, u32) -> bool,
    ) -> Option<Vec<Held>> {
        let mut acc: Option<Vec<Held>> = None;
        for sp in &threads.roots[started].spawned_at {
            if !plain_c_start(program, sp) {
                return None;
            }
            let parents: Vec<usize> = (0..threads.roots.len())
                .filter(|&k| {
                    k != started
                        && threads.roots[k].func == sp.caller
                        && threads.roots[k].one_shot()
                })
                .collect();
            let [p] = parents.as_slice() else {
                return None;
            };
            let before = self
                .functions
                .get(sp.caller as usize)
                .and_then(|fl| fl.before.get(&sp.inst))?;
            let func = program.function(sp.caller);
            let is_main = threads.roots[*p].via == PROGRAM_ENTRY;
            let ends_joined = func
                .insts
                .iter()
                .enumerate()
                .filter(|(_, x)| matches!(x.kind, InstKind::Ret { .. }))
                .all(|(i, _)| over(sp, i as u32));
            // An `unreachable` the optimiser left where undefined behaviour
            // was (not after a call that does not return): what the parent
            // does there is unknown, releases included.
            let undefined = func.insts.iter().enumerate().any(|(i, x)| {
                matches!(x.kind, InstKind::Unreachable)
                    && !(i > 0
                        && matches!(
                            func.insts[i - 1].kind,
                            InstKind::Call { returns: false, .. }
                        ))
                    && !over(sp, i as u32)
            });
            if undefined {
                return None;
            }
            let own_end = is_main || cg.callers[sp.caller as usize].is_empty();
            let mut here: Vec<Held> = Vec::new();
            for h in &before.plus {
                if (own_end || ends_joined) && self.kept_until_over(program, cg, sp, h.lock, over) {
                    here.push(*h);
                }
            }
            for h in &known[*p] {
                if ends_joined
                    && !before.minus.contains(&h.lock)
                    && !here.iter().any(|x| x.lock == h.lock)
                    && self.kept_until_over(program, cg, sp, h.lock, over)
                {
                    here.push(*h);
                }
            }
            acc = Some(match acc {
                None => here,
                Some(a) => a
                    .into_iter()
                    .filter(|x| here.iter().any(|y| y.lock == x.lock))
                    .collect(),
            });
        }
        acc
    }

    /// Does every way from the start `sp` to a release of `lock` in its
    /// function (or a call that may release it) pass the end of the thread
    /// in question (`over`)?
    fn kept_until_over(
        &self,
        program: &Program<'_>,
        cg: &CallGraph,
        sp: &SpawnPoint,
        lock: LockId,
        over: &dyn Fn(&SpawnPoint, u32) -> bool,
    ) -> bool {
        let f = sp.caller;
        let Some(fl) = self.functions.get(f as usize) else {
            return false;
        };
        let releases = fl
            .ops
            .iter()
            .filter(|op| op.lock == lock && op.action == LockAction::Release && !op.nested)
            .map(|op| op.inst);
        let func = program.function(f);
        let calls = func.insts.iter().enumerate().filter_map(|(i, x)| {
            let InstKind::Call { .. } = x.kind else {
                return None;
            };
            cg.targets(f, i as u32)
                .iter()
                .any(|&g| {
                    self.summaries.get(g as usize).is_some_and(|s| {
                        s.releases.contains(&lock) || s.must_releases.contains(&lock)
                    })
                })
                .then_some(i as u32)
        });
        releases.chain(calls).all(|i| over(sp, i))
    }
}

/// A start seam can place: a direct call in a C function (Rust holds locks
/// through guards, whose drops seam does not always see at -O2, a
/// temporary guard dropped at the end of its statement, and its threads
/// start inside std).
fn plain_c_start(program: &Program<'_>, sp: &SpawnPoint) -> bool {
    !sp.lifted
        && sp.inner.is_none()
        && sp.scope.is_none()
        && sp.scope_call.is_none()
        && program.language(sp.caller) == crate::ir::Language::C
}

/// The thread that starts root `r`: every start of `r` is a plain start in
/// the function of one other root, which runs once and which nothing calls
/// (so the starts run in that thread only).
fn sole_plain_parent(
    program: &Program<'_>,
    cg: &CallGraph,
    threads: &Threads,
    r: usize,
) -> Option<usize> {
    let starts = &threads.roots[r].spawned_at;
    let f = starts.first()?.caller;
    if !starts
        .iter()
        .all(|sp| sp.caller == f && plain_c_start(program, sp))
        || !cg.callers[f as usize].is_empty()
    {
        return None;
    }
    let parents: Vec<usize> = (0..threads.roots.len())
        .filter(|&k| k != r && threads.roots[k].func == f)
        .collect();
    match parents.as_slice() {
        [a] if threads.roots[*a].one_shot() && !threads.roots[*a].spawned_at.is_empty() => Some(*a),
        _ => None,
    }
}
