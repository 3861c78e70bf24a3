//! The rule engine: pairs accesses per location and decides which pairs are
//! findings, then turns them into [`Finding`]s with source names, locksets
//! and call paths.

pub(crate) mod build;
mod imbalance;
mod ordering;
mod races;
mod rust_rules;

use crate::accesses::Accesses;
use crate::callgraph::CallGraph;
use crate::config::Config;
use crate::locks::Locks;
use crate::memory::Memory;
use crate::program::{ModelIndex, Program};
use crate::rules::Finding;
use crate::threads::Threads;

/// Everything the rules look at.
pub struct Facts<'a, 'm> {
    pub program: &'a Program<'m>,
    pub index: &'a ModelIndex<'a>,
    pub memory: &'a Memory,
    pub cg: &'a CallGraph,
    pub threads: &'a Threads,
    pub locks: &'a Locks,
    pub accesses: &'a Accesses,
    pub config: &'a Config,
}

/// Runs every implemented rule; findings ranked and in a deterministic order.
pub fn run(facts: &Facts<'_, '_>) -> Vec<Finding> {
    let mut findings = races::check(facts);
    findings.extend(imbalance::check(facts));
    findings.extend(rust_rules::check(facts));
    // A `x++` is a load and a store on one line: pairs that name the same
    // rule, location and source lines are one finding (keep the best).
    findings.sort_by(|a, b| {
        b.confidence
            .partial_cmp(&a.confidence)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut seen = rustc_hash::FxHashSet::default();
    findings.retain(|f| {
        let mut sides: Vec<(String, Option<(String, u32)>)> = f
            .accesses
            .iter()
            .map(|a| {
                (
                    a.function.clone(),
                    a.loc.as_ref().map(|l| (l.file.clone(), l.line)),
                )
            })
            .collect();
        sides.sort();
        seen.insert((f.rule.clone(), f.location.clone(), sides))
    });
    findings.sort_by(|a, b| {
        b.level
            .cmp(&a.level)
            .then(
                b.confidence
                    .partial_cmp(&a.confidence)
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.location.cmp(&b.location))
            .then_with(|| a.fingerprint.cmp(&b.fingerprint))
    });
    findings
}
