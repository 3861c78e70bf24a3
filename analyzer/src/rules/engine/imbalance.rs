//! `ffi-lock-imbalance`: a lock taken on one side of the FFI boundary and
//! released on the other when nothing declares it, a function called across
//! the boundary that returns with a lock held on some path, a callee that
//! drops its caller's lock, and — on either side — an unlock of a lock that
//! is not held (a double unlock).
//!
//! The finding names the two lock operations that do not pair up (or the
//! one, when its partner does not exist).

use rustc_hash::FxHashSet as HashSet;

use seam_models::LockAction;

use super::build::{func_name, innermost_op, lock_name, source_loc};
use super::Facts;
use crate::locks::{reaches, LockId};
use crate::program::FuncId;
use crate::rules::{catalog, AccessKind, AccessSite, Finding, Level, PathStep, Related, StepKind};
use crate::threads::Phase;

pub fn check(facts: &Facts<'_, '_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let level = catalog::by_id("ffi-lock-imbalance")
        .map(|r| r.level)
        .unwrap_or(Level::Error);
    let declared: HashSet<FuncId> = facts
        .config
        .lock_transfers
        .iter()
        .filter_map(|t| facts.program.find_function(&t.function))
        .collect();
    // Lock operations already explained by an FFI finding.
    let mut explained: HashSet<(FuncId, u32)> = HashSet::default();

    let mut seen: HashSet<(FuncId, u32, FuncId)> = HashSet::default();
    for f in 0..facts.program.funcs.len() as FuncId {
        for e in &facts.cg.callers[f as usize] {
            if !e.ffi || declared.contains(&e.callee) || !seen.insert((e.caller, e.inst, e.callee))
            {
                continue;
            }
            let sum = &facts.locks.summaries[e.callee as usize];
            let callee = func_name(facts, e.callee);
            let caller = func_name(facts, e.caller);
            let lc = facts.program.language(e.callee).name();
            let lr = facts.program.language(e.caller).name();

            // Returns with a lock held (on every path, or on some).
            for &held in &sum.maybe_held {
                if facts.locks.in_collapsed_object(held, facts.memory) {
                    continue;
                }
                let name = lock_name(facts, held);
                let always = sum.acquires.iter().any(|a| a.lock == held);
                let Some(acquire_site) = innermost_op(facts, e.callee, held, LockAction::Acquire)
                else {
                    continue;
                };
                let release = later_op(facts, e.caller, e.inst, held, LockAction::Release);
                let mut sites = vec![site(
                    facts,
                    acquire_site,
                    format!("{callee} ({lc}) acquires {name}"),
                    StepKind::Acquire,
                )];
                let title = match (always, release) {
                    (true, Some(_)) => format!("`{name}` is acquired in {lc} (`{callee}`) and released in {lr} (`{caller}`)"),
                    (true, None) => format!("`{callee}` ({lc}) returns to {lr} with `{name}` held, and `{caller}` never releases it"),
                    (false, _) => format!("`{callee}` ({lc}) can return to {lr} with `{name}` still held"),
                };
                if always {
                    if let Some(r) = release {
                        sites.push(site(
                            facts,
                            (e.caller, r),
                            format!("{caller} ({lr}) releases {name}"),
                            StepKind::Release,
                        ));
                    }
                }
                explained.insert(acquire_site);
                if let Some(r) = release {
                    explained.insert((e.caller, r));
                }
                let message = if always {
                    format!("{title}. A lock that crosses the FFI boundary must be declared (seam.toml `[[lock_transfer]]`), or taken and released on one side.")
                } else {
                    format!("{title}: on some path `{callee}` returns without releasing it, and `{caller}` does not expect that.")
                };
                let related: Vec<Related> = source_loc(facts, e.caller, e.inst)
                    .map(|loc| Related {
                        loc,
                        message: format!("{caller} calls {callee} across the FFI boundary"),
                    })
                    .into_iter()
                    .collect();
                out.push(finding(
                    level,
                    title,
                    message,
                    &name,
                    sites,
                    related,
                    format!("ffi-lock-imbalance|held|{callee}|{name}"),
                ));
            }

            // Releases the caller's lock.
            for l in sum
                .releases
                .iter()
                .filter(|l| !facts.locks.in_collapsed_object(**l, facts.memory))
            {
                let name = lock_name(facts, *l);
                let Some(release_site) = innermost_op(facts, e.callee, *l, LockAction::Release)
                else {
                    continue;
                };
                let again = later_op(facts, e.caller, e.inst, *l, LockAction::Release);
                let (title, sites) = match again {
                    // The caller releases it again: a double unlock.
                    Some(r) => (
                        format!("`{name}` is released twice: in {lc} by `{callee}`, then in {lr} by `{caller}`"),
                        vec![
                            site(facts, release_site, format!("{callee} ({lc}) releases {name}"), StepKind::Release),
                            site(facts, (e.caller, r), format!("{caller} ({lr}) releases {name} again"), StepKind::Release),
                        ],
                    ),
                    None => {
                        // Only a lock the caller really holds at the call.
                        let Some(a) = caller_acquire(facts, e.caller, e.inst, *l) else { continue };
                        let mut sites = Vec::new();
                        sites.push(site(facts, a, format!("{caller} ({lr}) acquires {name}"), StepKind::Acquire));
                        sites.push(site(facts, release_site, format!("{callee} ({lc}) releases {name}"), StepKind::Release));
                        (format!("`{callee}` ({lc}) releases `{name}`, which its {lr} caller `{caller}` acquired"), sites)
                    }
                };
                explained.insert(release_site);
                if let Some(r) = again {
                    explained.insert((e.caller, r));
                }
                let message =
                    format!("{title}. The caller believes it still holds the lock after the call.");
                out.push(finding(
                    level,
                    title,
                    message,
                    &name,
                    sites,
                    Vec::new(),
                    format!("ffi-lock-imbalance|released|{callee}|{name}"),
                ));
            }
        }
    }

    // Unlocks of a lock not held on the path from a callback root. Only
    // roots whose entry is known to hold nothing are judged: callbacks a
    // model starts (IRQ handlers, work, timers, threads) and `seam.toml`
    // roots. Exported functions and functions reached through ops tables
    // are called by code outside the input, which may hold the lock
    // (`->unlock` ops, `__releases()` helpers). A lock in a collapsed
    // object has no identity to pair acquire and release by.
    let mut seen_rel: HashSet<(FuncId, u32)> = HashSet::default();
    for br in &facts.accesses.bad_releases {
        let root = &facts.threads.roots[br.root];
        if !root.entry_known() || root.phase != Phase::Concurrent && root.phase != Phase::Init {
            continue;
        }
        if facts.locks.in_collapsed_object(br.lock, facts.memory) {
            continue;
        }
        // An unlock in a function that never takes that lock itself hands
        // over a lock its caller took (`seq_stop` after `seq_start`, a
        // `__releases()` helper): the calling code is what pairs them, and
        // a path seam cannot tell apart from the real caller is the usual
        // cause. A function that takes the lock and releases it on a path
        // where it is not held is a double unlock by itself.
        let takes_it = facts.locks.functions[br.func as usize].ops.iter().any(|o| {
            o.lock == br.lock && matches!(o.action, LockAction::Acquire | LockAction::TryAcquire)
        });
        if !takes_it {
            continue;
        }
        // A lock the function takes again while holding it is, for seam,
        // several locks at run time (`a->lock` then `b->lock` of two
        // objects unification made one): its releases cannot be paired.
        let nested = facts.locks.functions[br.func as usize].ops.iter().any(|o| {
            o.lock == br.lock
                && matches!(o.action, LockAction::Acquire | LockAction::TryAcquire)
                && o.before.plus.iter().any(|h| h.lock == br.lock)
        });
        if nested {
            continue;
        }
        if explained.contains(&(br.func, br.inst)) || !seen_rel.insert((br.func, br.inst)) {
            continue;
        }
        // Rust std's guards release what they hold; a release inside std's
        // code reached from an unknown entry is not a double unlock.
        if facts.program.is_std_internal(br.func, br.inst) {
            continue;
        }
        let name = lock_name(facts, br.lock);
        let f = func_name(facts, br.func);
        let title = format!("`{f}` releases `{name}`, which is not held here");
        let sites = vec![site(
            facts,
            (br.func, br.inst),
            format!("{f} releases {name}"),
            StepKind::Release,
        )];
        let message = format!(
            "{title} (double unlock, or unlock of a lock never taken on the path from {}).",
            root.describe(facts.program)
        );
        out.push(finding(
            level,
            title,
            message,
            &name,
            sites,
            Vec::new(),
            format!("ffi-lock-imbalance|not-held|{f}|{name}"),
        ));
    }
    out
}

fn finding(
    level: Level,
    title: String,
    message: String,
    name: &str,
    accesses: Vec<AccessSite>,
    related: Vec<Related>,
    fingerprint: String,
) -> Finding {
    Finding {
        rule: "ffi-lock-imbalance".into(),
        level,
        title,
        message,
        location: name.to_string(),
        accesses,
        related,
        confidence: 0.7,
        fingerprint,
    }
}

/// A lock operation on `lock` in `f` that can run after instruction `after`.
fn later_op(
    facts: &Facts<'_, '_>,
    f: FuncId,
    after: u32,
    lock: LockId,
    action: LockAction,
) -> Option<u32> {
    let func = facts.program.function(f);
    facts.locks.functions[f as usize]
        .ops
        .iter()
        .find(|o| o.lock == lock && o.action == action && reaches(func, after, o.inst))
        .map(|o| o.inst)
}

/// Where the caller took `lock` before calling at `inst`.
fn caller_acquire(
    facts: &Facts<'_, '_>,
    f: FuncId,
    inst: u32,
    lock: LockId,
) -> Option<(FuncId, u32)> {
    let st = facts.locks.functions[f as usize].before.get(&inst)?;
    st.plus.iter().find(|h| h.lock == lock).map(|h| h.site)
}

fn site(facts: &Facts<'_, '_>, at: (FuncId, u32), message: String, kind: StepKind) -> AccessSite {
    let loc = source_loc(facts, at.0, at.1);
    AccessSite {
        function: func_name(facts, at.0),
        language: facts.program.language(at.0),
        loc: loc.clone(),
        kind: AccessKind::Update,
        size: 0,
        marking: "lock operation".into(),
        lockset: Vec::new(),
        root: String::new(),
        path: vec![PathStep {
            kind,
            function: func_name(facts, at.0),
            language: facts.program.language(at.0),
            loc,
            message,
        }],
    }
}
