//! Runs the stages after ingest in order: program → callgraph → memory →
//! threads → locks → accesses → rules.

use serde::{Deserialize, Serialize};

use crate::accesses::Accesses;
use crate::callgraph::CallGraph;
use crate::config::Config;
use crate::ir::{Language, Module};
use crate::locks::Locks;
use crate::memory::Memory;
use crate::program::{FuncId, ModelIndex, Program};
use crate::rules::engine::{self, Facts};
use crate::rules::Finding;
use crate::threads::Threads;

/// Counts a user (or `docs/kernel.md`) wants to see about a run.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Stats {
    pub modules: usize,
    pub functions: usize,
    pub c_functions: usize,
    pub rust_functions: usize,
    pub instructions: usize,
    pub memory_accesses: usize,
    pub call_edges: usize,
    pub ffi_edges: usize,
    pub unresolved_indirect_calls: usize,
    pub thread_roots: usize,
    pub shared_objects: usize,
}

#[derive(Clone, Debug, Default)]
pub struct AnalysisResult {
    /// Ranked, deduplicated, deterministic order.
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

/// Puts modules in an order that does not depend on how they were packed:
/// by source file, then size, then where they came from. The solver's
/// caps (origins kept per object, calling contexts per function, roots per
/// context) keep what comes first, so `vmlinux.o` (link order) and its
/// objects listed by name would otherwise give slightly different findings.
pub fn canonical_order(modules: &mut [Module]) {
    modules.sort_by_cached_key(|m| {
        (
            m.str(m.source_file).to_string(),
            m.functions.len(),
            m.functions.iter().map(|f| f.insts.len()).sum::<usize>(),
            m.globals.len(),
            m.origin.clone(),
        )
    });
}

/// What `run_with` does with the stages' results when it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Teardown {
    /// Free them, as a library call should.
    Free,
    /// Leave them to the operating system: the caller is about to exit.
    /// Freeing a whole kernel's points-to sets, summaries and calling
    /// contexts takes about 2 s (clang's `-disable-free` skips the same).
    Leave,
}

/// Analyses the lowered modules together as one program.
pub fn run(modules: &[Module], config: &Config, models: &seam_models::Models) -> AnalysisResult {
    run_with(modules, config, models, Teardown::Free)
}

/// `run`, saying what to do with the stages' results at the end.
pub fn run_with(
    modules: &[Module],
    config: &Config,
    models: &seam_models::Models,
    teardown: Teardown,
) -> AnalysisResult {
    // `SEAM_TIMINGS=1`: how long each stage took, on stderr.
    let timings = std::env::var_os("SEAM_TIMINGS").is_some();
    let mut clock = std::time::Instant::now();
    let mut lap = |stage: &str| {
        if timings {
            eprintln!("seam: {stage}: {:.2} s", clock.elapsed().as_secs_f64());
        }
        clock = std::time::Instant::now();
    };
    let program = Program::link(modules);
    let index = ModelIndex::new(&program, models);
    lap("program");
    let memory = Memory::solve(&program, &index);
    if timings {
        eprintln!(
            "seam: memory: {} nodes, {} helper copies, {} promoted slots ({} merge points, {:.2} s promoting)",
            memory.node_count(),
            memory.clone_count(),
            memory.promoted_counts().0,
            memory.promoted_counts().1,
            crate::memory::promote_seconds()
        );
    }
    lap("memory");
    let cg = CallGraph::build(&program, &index, &memory);
    lap("callgraph");
    let threads = Threads::find(&program, &index, &memory, &cg, config);
    lap("threads");
    let locks = Locks::analyze(&program, &index, &memory, &cg, !threads.kernel);
    lap("locks");
    if let Ok(names) = std::env::var("SEAM_DEBUG_LOCKS") {
        for name in names.split(',') {
            locks.debug_function(&program, &memory, &cg, name);
        }
    }
    let accesses = Accesses::collect(&program, &index, &memory, &cg, &locks, &threads);
    lap("accesses");
    let facts = Facts {
        program: &program,
        index: &index,
        memory: &memory,
        cg: &cg,
        threads: &threads,
        locks: &locks,
        accesses: &accesses,
        config,
    };
    let findings = engine::run(&facts);
    lap("rules");
    if std::env::var_os("SEAM_DEBUG").is_some() {
        debug_dump(&facts);
    }
    if let Some(n) = std::env::var("SEAM_DEBUG_INDIRECT")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        debug_indirect(&facts, n);
    }

    let mut stats = Stats {
        modules: modules.len(),
        functions: program.funcs.len(),
        ..Stats::default()
    };
    for f in &program.funcs {
        match f.language {
            Language::C => stats.c_functions += 1,
            Language::Rust => stats.rust_functions += 1,
            Language::Unknown => {}
        }
    }
    for m in modules {
        for f in &m.functions {
            stats.instructions += f.insts.len();
            stats.memory_accesses += f.insts.iter().filter(|i| i.kind.is_memory_access()).count();
        }
    }
    stats.call_edges = cg.edges;
    stats.ffi_edges = cg.ffi_edges;
    stats.unresolved_indirect_calls = memory.unresolved.len();
    stats.thread_roots = threads.roots.len();
    let mut shared: Vec<u32> = accesses.list.iter().map(|a| a.ptr.node).collect();
    shared.sort_unstable();
    shared.dedup();
    stats.shared_objects = shared.len();
    if teardown == Teardown::Leave {
        std::mem::forget((accesses, locks, threads, cg, memory, index, program));
    }
    AnalysisResult { findings, stats }
}

/// `SEAM_DEBUG_INDIRECT=N`: the N indirect call sites with the most
/// resolved targets, and how the targets spread over call sites (where
/// spurious call edges come from).
fn debug_indirect(facts: &Facts<'_, '_>, n: usize) {
    use crate::rules::engine::build;
    let p = facts.program;
    let mut sites: Vec<(&(FuncId, u32), &Vec<FuncId>)> =
        facts.memory.indirect_targets.iter().collect();
    sites.sort_by_key(|(k, v)| (std::cmp::Reverse(v.len()), **k));
    let total: usize = sites.iter().map(|(_, v)| v.len()).sum();
    eprintln!(
        "indirect: {} sites, {} targets, {} edges on sites with over 100",
        sites.len(),
        total,
        sites
            .iter()
            .filter(|(_, v)| v.len() > 100)
            .map(|(_, v)| v.len())
            .sum::<usize>()
    );
    for ((f, i), targets) in sites.into_iter().take(n) {
        let loc = build::source_loc(facts, *f, *i)
            .map(|l| format!("{}:{}", l.file, l.line))
            .unwrap_or_default();
        let some: Vec<&str> = targets
            .iter()
            .take(6)
            .map(|g| p.funcs[*g as usize].demangled.as_str())
            .collect();
        eprintln!(
            "indirect: {} targets in {} at {loc}: {}",
            targets.len(),
            p.funcs[*f as usize].demangled,
            some.join(", ")
        );
    }
}

/// `SEAM_DEBUG=1`: what the analysis saw, on stderr (roots, unresolved
/// indirect calls, every access with its location and lockset).
fn debug_dump(facts: &Facts<'_, '_>) {
    use crate::rules::engine::build;
    let p = facts.program;
    for (i, r) in facts.threads.roots.iter().enumerate() {
        let points: Vec<String> = r
            .spawned_at
            .iter()
            .map(|s| format!("{}:{}", p.funcs[s.caller as usize].demangled, s.inst))
            .collect();
        eprintln!(
            "root #{i}: {}{}{}",
            r.describe(p),
            if r.self_concurrent {
                " (self-concurrent)"
            } else {
                ""
            },
            if points.is_empty() {
                String::new()
            } else {
                format!(" started at {}", points.join(", "))
            }
        );
    }
    for (f, sum) in facts.locks.summaries.iter().enumerate() {
        if !sum.acquires.is_empty() || !sum.releases.is_empty() || !sum.maybe_held.is_empty() {
            let names = |v: &mut dyn Iterator<Item = u32>| {
                v.map(|l| build::lock_name(facts, l)).collect::<Vec<_>>()
            };
            eprintln!(
                "summary {}: acquires {:?} maybe-held {:?} releases {:?}",
                p.funcs[f].demangled,
                names(&mut sum.acquires.iter().map(|h| h.lock)),
                names(&mut sum.maybe_held.iter().copied()),
                names(&mut sum.releases.iter().copied())
            );
        }
    }
    for (f, i) in &facts.memory.unresolved {
        eprintln!(
            "unresolved indirect call in {} at {:?}",
            p.funcs[*f as usize].demangled,
            build::source_loc(facts, *f, *i)
        );
    }
    for a in &facts.accesses.list {
        let loc = build::source_loc(facts, a.func, a.inst)
            .map(|l| format!("{}:{}", l.file.rsplit('/').next().unwrap_or(""), l.line))
            .unwrap_or_default();
        let locks: Vec<String> = a
            .lockset
            .iter()
            .map(|h| build::lock_name(facts, h.lock))
            .collect();
        eprintln!(
            "access root#{} {} {:?} {} node{}+{} size{} `{}` {} locks={:?}",
            a.root,
            build::func_name(facts, a.func),
            a.kind,
            a.marking.describe(),
            a.ptr.node,
            a.ptr.off,
            a.size,
            facts.memory.location_name(p, a.ptr),
            loc,
            locks
        );
    }
}
