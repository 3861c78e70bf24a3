//! `ffi-lock-imbalance`: a function called across the FFI boundary returns
//! with a lock held it did not hold on entry, or releases one its caller
//! holds, when nothing says the caller expects it; and, on either side, an
//! unlock of a lock that is not held (double unlock, unlock never taken).

use std::collections::HashSet;

use super::build::{access_site, func_name, lock_name, source_loc};
use super::Facts;
use crate::accesses::Access;
use crate::accesses::Marking;
use crate::memory::Ptr;
use crate::program::FuncId;
use crate::rules::{catalog, AccessKind, AccessSite, Finding, Level, PathStep, Related, StepKind};

pub fn check(facts: &Facts<'_, '_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let level = catalog::by_id("ffi-lock-imbalance").map(|r| r.level).unwrap_or(Level::Error);
    let expected: HashSet<FuncId> = facts.config.lock_transfers.iter().filter_map(|t| facts.program.find_function(&t.function)).collect();

    // Net effects across FFI call edges.
    let mut seen: HashSet<(FuncId, u32)> = HashSet::new();
    for f in 0..facts.program.funcs.len() as FuncId {
        for e in &facts.cg.callers[f as usize] {
            if !e.ffi || expected.contains(&e.callee) || !seen.insert((e.caller, e.inst)) {
                continue;
            }
            let sum = &facts.locks.summaries[e.callee as usize];
            let callee = func_name(facts, e.callee);
            let caller = func_name(facts, e.caller);
            let lc = facts.program.language(e.callee).name();
            let lr = facts.program.language(e.caller).name();
            for h in &sum.acquires {
                let name = lock_name(facts, h.lock);
                let title = format!("`{callee}` ({lc}) returns to {lr} with `{name}` still held");
                let acq = source_loc(facts, h.site.0, h.site.1);
                let sites = vec![
                    site(facts, h.site.0, h.site.1, format!("{callee} acquires {name} and returns without releasing it")),
                    site(facts, e.caller, e.inst, format!("{caller} ({lr}) calls {callee} ({lc}) across the FFI boundary")),
                ];
                let message = format!("{title}. The caller `{caller}` does not expect a lock to be held after the call (declare it in seam.toml `[[lock_transfer]]` if it does).");
                let related = acq.map(|l| vec![Related { loc: l, message: format!("{name} acquired here") }]).unwrap_or_default();
                out.push(Finding {
                    rule: "ffi-lock-imbalance".into(),
                    level,
                    title,
                    message,
                    location: name.clone(),
                    accesses: sites,
                    related,
                    confidence: 0.7,
                    fingerprint: format!("ffi-lock-imbalance|held|{callee}|{name}"),
                });
            }
            for l in &sum.releases {
                let name = lock_name(facts, *l);
                let title = format!("`{callee}` ({lc}) releases `{name}`, which its {lr} caller holds");
                let rel_site = facts.locks.functions[e.callee as usize].ops.iter().find(|o| o.lock == *l && o.action == seam_models::LockAction::Release).map(|o| (e.callee, o.inst));
                let mut sites = Vec::new();
                if let Some((g, i)) = rel_site {
                    sites.push(site(facts, g, i, format!("{callee} releases {name}")));
                }
                sites.push(site(facts, e.caller, e.inst, format!("{caller} ({lr}) calls {callee} ({lc}) holding {name}")));
                out.push(Finding {
                    rule: "ffi-lock-imbalance".into(),
                    level,
                    title: title.clone(),
                    message: format!("{title}: after the call the caller believes it still holds the lock."),
                    location: name.clone(),
                    accesses: sites,
                    related: Vec::new(),
                    confidence: 0.7,
                    fingerprint: format!("ffi-lock-imbalance|released|{callee}|{name}"),
                });
            }
        }
    }

    // Releases of locks not held, whichever side.
    let mut seen_rel: HashSet<(FuncId, u32)> = HashSet::new();
    for br in &facts.accesses.bad_releases {
        if !seen_rel.insert((br.func, br.inst)) {
            continue;
        }
        let name = lock_name(facts, br.lock);
        let f = func_name(facts, br.func);
        let title = format!("`{f}` releases `{name}`, which is not held here");
        let acc = Access {
            func: br.func,
            inst: br.inst,
            root: br.root,
            ptr: Ptr { node: 0, off: 0 },
            size: 0,
            kind: AccessKind::Update,
            marking: Marking::Plain,
            lockset: Vec::new(),
            path: br.path,
        };
        let mut s = access_site(facts, &acc);
        s.marking = "unlock".into();
        if let Some(last) = s.path.last_mut() {
            last.kind = StepKind::Release;
            last.message = format!("{f} releases {name}");
        }
        out.push(Finding {
            rule: "ffi-lock-imbalance".into(),
            level,
            title: title.clone(),
            message: format!("{title} (double unlock, or unlock of a lock never taken on this path from {}).", facts.threads.roots[br.root].describe(facts.program)),
            location: name.clone(),
            accesses: vec![s],
            related: Vec::new(),
            confidence: 0.6,
            fingerprint: format!("ffi-lock-imbalance|not-held|{f}|{name}"),
        });
    }
    out
}

fn site(facts: &Facts<'_, '_>, f: FuncId, i: u32, message: String) -> AccessSite {
    let loc = source_loc(facts, f, i);
    AccessSite {
        function: func_name(facts, f),
        language: facts.program.language(f),
        loc: loc.clone(),
        kind: AccessKind::Update,
        size: 0,
        marking: "lock operation".into(),
        lockset: Vec::new(),
        root: String::new(),
        path: vec![PathStep { kind: StepKind::Call, function: func_name(facts, f), language: facts.program.language(f), loc, message }],
    }
}
