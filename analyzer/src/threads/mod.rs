//! Thread roots ("origins") and may-happen-in-parallel.
//!
//! In the kernel the concurrent entries are callbacks: IRQ handlers, work
//! items, timers, kthreads (found at their registration, through models),
//! functions in ops tables (address-taken functions nothing in the input
//! calls), and externally visible functions with no caller in the input.
//! Init/exit code runs before registration and after unregistration, so it
//! runs in parallel with nothing.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

mod carried;
mod handles;
mod instances;
mod outcome;
mod pools;
mod rounds;

use seam_models::{Context, InitPhase};

use crate::callgraph::CallGraph;
use crate::config::Config;
use crate::ir::conditions::Conditions;
use crate::memory::{Memory, Ptr};
use crate::program::{FuncId, ModelIndex, Primitive, Program, Target};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Runs concurrently with other roots.
    Concurrent,
    /// Module init/exit: before registration / after unregistration.
    Init,
    Exit,
    /// With every other CPU stopped (kgdb's console hooks): runs in
    /// parallel with nothing.
    Stopped,
}

#[derive(Clone, Debug)]
pub struct ThreadRoot {
    pub func: FuncId,
    /// The points-to instance the root's walk starts from: `func` itself,
    /// or a copy bound to the data of the one start it stands for (a
    /// routine started at several places with different data is a root
    /// per start; see memory's `start_instance`).
    pub instance: crate::memory::Instance,
    pub context: Context,
    pub self_concurrent: bool,
    pub phase: Phase,
    /// How the root was found: `request_threaded_irq`, `ops table`, `exported`, `seam.toml` …
    pub via: String,
    /// Locks the configuration says are held on entry (source names).
    pub holds: Vec<String>,
    /// Where the root is started by code in the input (`pthread_create`,
    /// `kthread_run` …), with the joins in that function.
    pub spawned_at: Vec<SpawnPoint>,
    /// Every instance is started with data of its own, received in this
    /// parameter (see `instances`).
    pub instance_data: Option<u32>,
}

/// Rust-for-Linux's `module!` for a built-in module emits `#[no_mangle]
/// extern "C" fn __<name>_init()`, called once from its initcall, and
/// `__<name>_exit()`, beside its `.modinfo` statics in
/// `<crate>::__module_init::__module_init`. Those two run in the init and
/// exit phases (a loadable module's `init_module`/`cleanup_module` are
/// matched by name in the models).
fn module_macro_phase(program: &Program<'_>, f: FuncId) -> Option<Phase> {
    let info = &program.funcs[f as usize];
    if program.function(f).language != crate::ir::Language::Rust
        || !info.name.starts_with("__")
        || info.name != info.demangled
    {
        return None;
    }
    let phase = if info.name.ends_with("_init") {
        Phase::Init
    } else if info.name.ends_with("_exit") {
        Phase::Exit
    } else {
        return None;
    };
    let m = program.module_of(f);
    m.globals
        .iter()
        .any(|g| {
            m.str(g.demangled)
                .contains("::__module_init::__module_init::")
        })
        .then_some(phase)
}

/// Where function `g` is on the way to instruction `inst` of `func`: that
/// instruction if `g` is `func`, else the call site in `g` on `path`.
fn position_in(func: FuncId, inst: u32, path: &[(FuncId, u32)], g: FuncId) -> Option<u32> {
    if func == g {
        Some(inst)
    } else {
        path.iter().find(|(f, _)| *f == g).map(|(_, i)| *i)
    }
}

impl ThreadRoot {
    /// Is what the root holds on entry known? True for callbacks a model
    /// starts and roots `seam.toml` declares; false for exported functions
    /// and ops-table functions, which code outside the input calls.
    pub fn entry_known(&self) -> bool {
        self.via != EXPORTED && self.via != OPS_TABLE
    }
}

/// `via` of roots found as externally visible functions nothing calls.
pub const EXPORTED: &str = "exported function";
/// `via` of a program's `main`.
pub const PROGRAM_ENTRY: &str = "program entry";
/// `via` of roots found as address-taken functions nothing calls.
pub const OPS_TABLE: &str = "function pointer (ops table or callback)";

/// A place where a root is started, for happens-before: code of the
/// spawning thread before this point (or after a join) does not run in
/// parallel with the spawned root.
#[derive(Clone, Debug)]
pub struct SpawnPoint {
    pub caller: FuncId,
    pub inst: u32,
    /// Join calls in `caller` (any join is taken to wait for this thread).
    pub joins: Vec<u32>,
    /// Loops of `caller` that contain a join: threads started before such a
    /// loop (in an earlier loop over the same handles) are all joined once
    /// control leaves it, including after zero iterations.
    pub join_loops: Vec<JoinLoop>,
    /// The spawn happens inside an inlined `std::thread::scope`, which joins
    /// every thread it started before it returns: the location that
    /// instance was inlined at.
    pub scope: Option<u32>,
    /// The spawn happens inside a call of `std::thread::scope` that was not
    /// inlined (in this or a calling function): code of the function making
    /// that call, before or after it, is ordered with the thread.
    pub scope_call: Option<(FuncId, u32)>,
    /// `inst` calls the std API (`thread::spawn`, `Scope::spawn` …) inside
    /// which std starts the thread: code reached through that call runs
    /// partly before and partly after the start.
    pub lifted: bool,
    /// The call may start the thread several times (it runs a closure std
    /// calls again and again: `(0..n).map(|i| thread::spawn(…))`).
    pub repeated: bool,
    /// `inst` calls a helper that starts the thread and returns without
    /// joining it: the start inside the helper (function, call, whether
    /// that is a call into std). Accesses in the helper are ordered by it.
    pub inner: Option<(FuncId, u32, bool)>,
    /// User space: where the start writes the thread's handle
    /// (`pthread_create(&t, …)`: `t`), when points-to knows.
    pub handle: Option<Ptr>,
    /// `caller` joins the thread on every way from the start to its return
    /// (or starts it inside a `std::thread::scope`), and the one root that
    /// runs `caller` is one instance that does not run it again while it
    /// runs: every start's thread is over before the call that started it
    /// returns. That root (see [`Threads::find`]).
    pub contained_in: Option<usize>,
    /// User space: `caller`'s branches on one condition value, so that a
    /// start and a join under the same unchanged condition (`if (bg)
    /// pthread_create(…); … if (bg) pthread_join(…)`) pair up.
    pub conds: Option<std::sync::Arc<Conditions>>,
}

/// A loop around a join call (`for h in handles { h.join() }`,
/// `for (i = 0; i < n; i++) pthread_join(t[i], NULL)`). With no blocks,
/// the edges only a failed start takes (`if (start() != 0)`, see
/// `outcome.rs`): a way from the start that takes one has no thread to
/// wait for, as if it passed a join.
#[derive(Clone, Debug)]
pub struct JoinLoop {
    /// Its blocks (strongly connected), sorted.
    pub blocks: Vec<u32>,
    /// Edges that skip the loop when it would run zero times: the guard
    /// LLVM's loop rotation puts in front (`if len == 0`), from a block
    /// outside the loop whose other successor leads into it, to a block the
    /// loop also exits to. (Without blocks: the failed start's edges.)
    pub bypass: Vec<(u32, u32)>,
}

impl JoinLoop {
    fn contains(&self, b: usize) -> bool {
        self.blocks.binary_search(&(b as u32)).is_ok()
    }

    /// Does the edge `b -> s` leave the loop (or skip it)?
    fn leaves(&self, b: usize, s: usize) -> bool {
        (self.contains(b) && !self.contains(s)) || self.bypass.contains(&(b as u32, s as u32))
    }
}

impl ThreadRoot {
    /// Runs once per start (a thread's or kthread's function, `main`), as
    /// opposed to a callback invoked again and again.
    pub fn one_shot(&self) -> bool {
        matches!(self.context, Context::Thread | Context::Kthread)
    }

    pub fn describe(&self, program: &Program<'_>) -> String {
        let ctx = match self.context {
            Context::Process => "process context",
            Context::Hardirq => "hard-IRQ handler",
            Context::Softirq => "softirq",
            Context::IrqThread => "threaded IRQ handler",
            Context::Kthread => "kthread",
            Context::Work => "work item",
            Context::Timer => "timer callback",
            Context::Tasklet => "tasklet",
            Context::Rcu => "RCU callback",
            Context::Thread => "thread",
        };
        let phase = match self.phase {
            Phase::Init => " (init)",
            Phase::Exit => " (exit)",
            Phase::Stopped => " (machine stopped)",
            Phase::Concurrent => "",
        };
        format!(
            "{} {}{} [via {}]",
            ctx, program.funcs[self.func as usize].demangled, phase, self.via
        )
    }
}

pub struct Threads {
    pub roots: Vec<ThreadRoot>,
    exclusive: Vec<(FuncId, FuncId)>,
    /// Barrier waits and message sends and receives (`[[rendezvous]]`).
    sync: SyncPoints,
    /// Per channel, the one root that sends every message through it, if
    /// there is one and it runs once (see `ordered_by_rendezvous`).
    sole_sender: HashMap<Chan, usize>,
    /// Rounds of each barrier at each point (barriers in loops).
    rounds: rounds::Rounds,
    /// The program is kernel code (it registers kernel callbacks or calls
    /// kernel primitives); user-space programs get user-space defaults.
    pub kernel: bool,
    /// Per root: the functions its starts are in (callers, and the user's
    /// function a start inside std's closure APIs is placed at), so
    /// `started_before` skips roots none of whose starts is on a path.
    start_funcs: Vec<HashSet<FuncId>>,
    /// A user-space program's `main`, and the joins of it (`pthread_join`
    /// of the handle `main` stored from `pthread_self()`), by function.
    main_root: Option<usize>,
    main_joins: HashMap<FuncId, Vec<u32>>,
    /// User space: the join model calls of each function that makes one,
    /// with the place each one's handle is loaded from.
    join_calls: HashMap<FuncId, Vec<(u32, Option<Ptr>)>>,
    /// User space, per root that runs once and alone writes its handle:
    /// per function, the instructions after which the thread is over
    /// (joins of its handle, calls of helpers that join it on every way
    /// to their return), wherever they are (see `after_handle_join`).
    handle_joins: HashMap<usize, HashMap<FuncId, Vec<u32>>>,
}

impl Threads {
    /// A user-space program's `main` (the program entry), if it has one.
    pub fn main_func(&self) -> Option<FuncId> {
        self.main_root.map(|m| self.roots[m].func)
    }

    pub fn find(
        program: &Program<'_>,
        index: &ModelIndex<'_>,
        memory: &Memory,
        cg: &CallGraph,
        config: &Config,
    ) -> Threads {
        let models = index.models();
        let mut roots: Vec<ThreadRoot> = Vec::new();
        let mut seen: HashSet<(FuncId, Context)> = HashSet::default();
        let init_phase = |f: FuncId| -> Option<Phase> {
            let func = program.function(f);
            let m = program.module_of(f);
            let section = func.section.map(|s| m.str(s));
            let info = &program.funcs[f as usize];
            let name = seam_models::FnName {
                symbol: &info.name,
                demangled: &info.demangled,
            };
            match models.init(&name, section) {
                Some(i) => Some(match i.phase {
                    InitPhase::Init => Phase::Init,
                    InitPhase::Exit => Phase::Exit,
                    InitPhase::Stopped => Phase::Stopped,
                }),
                None => module_macro_phase(program, f),
            }
        };

        // Kernel code registers kernel callbacks or calls kernel primitives;
        // a user-space program gets user-space defaults.
        let kernel_ctx = |c: Context| !matches!(c, Context::Process | Context::Thread);
        let kernel = memory.spawns.iter().any(|s| kernel_ctx(s.context))
            || (0..program.funcs.len() as FuncId).any(|f| init_phase(f).is_some())
            || program.externals.iter().any(|e| {
                e.starts_with("rust_helper_")
                    || e.starts_with("_raw_spin_")
                    || e.starts_with("__kmalloc")
                    || e.starts_with("mutex_lock")
                    || e == "_printk"
                    || e == "__warn_printk"
            })
            // One object alone (a replayed fix, a driver audit) may have
            // none of those, but its atomics go through the kernel's
            // instrumented wrappers.
            || program.funcs.iter().any(|f| {
                let n = f.demangled.as_str();
                n.starts_with("raw_atomic_")
                    || n.starts_with("arch_atomic")
                    || n.starts_with("instrument_atomic_")
                    || n.starts_with("kcsan_check_")
            });
        let mut spawned_root: HashMap<(crate::memory::Instance, Context), usize> =
            HashMap::default();
        let mut joins: HashMap<FuncId, (Vec<u32>, Vec<JoinLoop>)> = HashMap::default();
        let mut index_ranges: HashMap<FuncId, crate::ir::ranges::IndexRanges> = HashMap::default();
        // Where each registration starts its thread, for order.
        let placed: Vec<Placed> = memory
            .spawns
            .iter()
            .map(|s| {
                // A thread std starts inside a closure-taking API that was
                // not inlined (`thread::spawn` at -O0) is started where the
                // user's code calls that API.
                let lifted = lift_spawn(program, index, cg, s.caller);
                let mut repeated = lifted.as_ref().is_some_and(|l| l.repeated);
                let sites: Vec<StartSite> = match &lifted {
                    Some(l) => l.sites.iter().map(|&(c, i, g)| (c, i, Some(g))).collect(),
                    None => vec![(s.caller, s.inst, None)],
                };
                // In a user-space program, a helper that starts a thread and
                // returns without joining it (`start_workers()`, `fn start()
                // -> JoinHandle`) starts it, for order, where it is called.
                let sites: Vec<(StartSite, Option<Inner>)> = if kernel {
                    sites.into_iter().map(|s| (s, None)).collect()
                } else {
                    let (w, again) = lift_wrappers(program, index, cg, &sites, lifted.is_some());
                    repeated |= again;
                    w
                };
                (lifted, repeated, sites)
            })
            .collect();
        let mut starts_in: HashMap<FuncId, Vec<u32>> = HashMap::default();
        let mut conds: HashMap<FuncId, Option<std::sync::Arc<Conditions>>> = HashMap::default();
        for (_, _, sites) in &placed {
            for ((caller, inst, _), _) in sites {
                starts_in.entry(*caller).or_default().push(*inst);
            }
        }
        for (s, (lifted, repeated, sites)) in memory.spawns.iter().zip(placed) {
            let via = match &lifted {
                Some(l) => program.funcs[l.api as usize].demangled.clone(),
                None => s.via.clone(),
            };
            for ((caller, inst, api), inner) in sites {
                let scope = scope_instance(program, index, caller, inst);
                // Through a non-inlined `thread::scope`: the API called here
                // is the scope itself, or the caller runs inside one.
                let scope_call = if api
                    .and_then(|g| index.closure_api(g))
                    .is_some_and(|m| m.scope)
                {
                    Some((caller, inst))
                } else if scope.is_none() && program.language(caller) == crate::ir::Language::Rust {
                    scope_call_of(index, cg, caller)
                } else {
                    None
                };
                let (mut join_insts, mut join_loops) = joins
                    .entry(caller)
                    .or_insert_with(|| {
                        let j = joins_in(program, index, cg, caller, !kernel);
                        let l = loops_of(program.function(caller), &j);
                        (j, l)
                    })
                    .clone();
                // A user-space start written through a handle pointer
                // (`pthread_create(&t[1], …)`) is waited for only by joins
                // of a handle loaded from where it may have been written.
                if !kernel && lifted.is_none() && inner.is_none() && inst == s.inst {
                    let matched =
                        joins_of_handle(program, index, memory, caller, inst, &join_insts);
                    let kept = pools::joins_of_start(
                        program,
                        index,
                        memory,
                        caller,
                        inst,
                        &join_insts,
                        &matched,
                        &mut index_ranges,
                    );
                    if kept.len() != join_insts.len() {
                        join_loops = loops_of(program.function(caller), &kept);
                        join_insts = kept;
                    }
                }
                if !kernel && program.language(caller) == crate::ir::Language::Rust {
                    // A Rust handle moved through stack slots into its join.
                    let kept = handles::joins_of_start(
                        program,
                        caller,
                        inst,
                        &starts_in[&caller],
                        &join_insts,
                    );
                    if kept.len() != join_insts.len() {
                        join_loops = loops_of(program.function(caller), &kept);
                        join_insts = kept;
                    }
                }
                // A user-space start whose result the caller tests
                // (`if (start() == 0) { …; pthread_join(t, …); }`): the
                // edges only a failed start takes lead nowhere it runs.
                if !kernel && lifted.is_none() {
                    let target = |f: FuncId, i: u32| match &program
                        .function(f)
                        .insts
                        .get(i as usize)?
                        .kind
                    {
                        crate::ir::InstKind::Call { callee, .. } => {
                            program.call_target(program.funcs[f as usize].module, callee)
                        }
                        _ => None,
                    };
                    let success = |t: Option<Target>| t.and_then(|t| index.of(t).spawn?.success);
                    let started = match inner {
                        None if inst == s.inst => success(target(caller, inst)).map(|v| vec![v]),
                        Some((xf, xi, false))
                            if target(caller, inst) == Some(Target::Defined(xf)) =>
                        {
                            outcome::returned_after(
                                program.function(xf),
                                xi,
                                success(target(xf, xi)),
                            )
                        }
                        _ => None,
                    };
                    let failed = started
                        .map(|v| outcome::failed_edges(program.function(caller), inst, &v))
                        .unwrap_or_default();
                    if !failed.is_empty() {
                        join_loops.push(JoinLoop {
                            blocks: Vec::new(),
                            bypass: failed,
                        });
                    }
                }
                let handle = if kernel {
                    None
                } else {
                    let func = program.function(s.caller);
                    match &func.insts.get(s.inst as usize).map(|i| &i.kind) {
                        Some(kind @ crate::ir::InstKind::Call { callee, .. }) => program
                            .call_target(program.funcs[s.caller as usize].module, callee)
                            .and_then(|t| index.of(t).spawn?.handle_arg)
                            .and_then(|k| kind.model_args().get(k as usize).cloned())
                            .and_then(|v| memory.ptr_of(program, s.caller, &v)),
                        _ => None,
                    }
                };
                let point = SpawnPoint {
                    caller,
                    inst,
                    joins: join_insts,
                    join_loops,
                    scope,
                    scope_call,
                    lifted: lifted.is_some() || inner.is_some(),
                    repeated,
                    inner,
                    handle,
                    contained_in: None,
                    conds: if kernel {
                        None
                    } else {
                        conds
                            .entry(caller)
                            .or_insert_with(|| {
                                Conditions::of(program.function(caller)).map(std::sync::Arc::new)
                            })
                            .clone()
                    },
                };
                if let Some(&k) = spawned_root.get(&(s.instance, s.context)) {
                    roots[k].spawned_at.push(point);
                } else if seen.insert((s.callee, s.context)) || s.instance != s.callee {
                    spawned_root.insert((s.instance, s.context), roots.len());
                    roots.push(ThreadRoot {
                        func: s.callee,
                        instance: s.instance,
                        context: s.context,
                        self_concurrent: s.self_concurrent,
                        phase: init_phase(s.callee).unwrap_or(Phase::Concurrent),
                        via: via.clone(),
                        holds: Vec::new(),
                        spawned_at: vec![point],
                        instance_data: None,
                    });
                }
            }
        }
        let spawned: HashSet<FuncId> = memory.spawns.iter().map(|s| s.callee).collect();
        let has_main = (0..program.funcs.len()).any(|f| {
            program.funcs[f].name == "main" && !program.function(f as FuncId).is_declaration
        });
        let dependencies = dependency_crates(program, cg);
        let mut taken: Vec<FuncId> = memory.address_taken.iter().copied().collect();
        taken.sort_unstable();
        for f in 0..program.funcs.len() as FuncId {
            // Modelled primitives (a `rust_helper_*` defined in C) are what
            // their model says, never entry points of their own.
            if spawned.contains(&f) || index.of(Target::Defined(f)).is_primitive() {
                continue;
            }
            // A guessed (signature-matched) caller does not make a callback
            // stop being an entry point.
            let has_callers = cg.callers[f as usize].iter().any(|e| !e.guessed);
            let func = program.function(f);
            let phase = init_phase(f);
            let is_main = program.funcs[f as usize].name == "main";
            let (root, via) = if phase.is_some() && !has_callers {
                (true, "module init/exit")
            } else if memory.address_taken.contains(&f)
                && !has_callers
                // Drop glue in a vtable runs where the boxed value is
                // dropped, inside whatever thread owns it: not an entry.
                && !program.funcs[f as usize].demangled.starts_with("core::ptr::drop_in_place<")
                // Rust std's own functions in vtables (`Debug::fmt` of a
                // std type) and implementations of its traits (`Write` of
                // `kernel::str::Formatter`) are called by the library on
                // the thread holding the trait object, not by a thread.
                && !crate::program::is_rust_library_fn(&program.funcs[f as usize].demangled)
            {
                (true, OPS_TABLE)
            } else if !has_callers
                && func.visible
                && func.linkage != crate::ir::Linkage::Internal
                && callable_from_outside(program, &dependencies, kernel, f)
                // A user-space program with `main` is closed: a visible
                // function nothing calls is an out-of-line copy of one
                // inlined everywhere, or dead, not an entry.
                && (is_main || kernel || !has_main)
            {
                (true, if is_main { PROGRAM_ENTRY } else { EXPORTED })
            } else {
                (false, "")
            };
            if root && seen.insert((f, Context::Process)) {
                roots.push(ThreadRoot {
                    func: f,
                    instance: f,
                    context: if is_main {
                        Context::Thread
                    } else {
                        Context::Process
                    },
                    self_concurrent: !is_main && phase.is_none(),
                    phase: phase.unwrap_or(Phase::Concurrent),
                    via: via.to_string(),
                    holds: Vec::new(),
                    spawned_at: Vec::new(),
                    instance_data: None,
                });
            }
        }
        for rc in &config.roots {
            let Some(f) = program.find_function(&rc.function) else {
                continue;
            };
            if let Some(existing) = roots.iter_mut().find(|r| r.func == f) {
                if let Some(sc) = rc.self_concurrent {
                    existing.self_concurrent = sc;
                }
                existing.holds.extend(rc.holds.iter().cloned());
                continue;
            }
            roots.push(ThreadRoot {
                func: f,
                instance: f,
                context: Context::Process,
                self_concurrent: rc.self_concurrent.unwrap_or(true),
                phase: Phase::Concurrent,
                via: "seam.toml".into(),
                holds: rc.holds.clone(),
                spawned_at: Vec::new(),
                instance_data: None,
            });
        }
        // A user-space program's entry points (main, a library's public API
        // driven by a test) are single threads of their own, like `main`.
        if !kernel {
            for r in roots.iter_mut() {
                if r.via == EXPORTED {
                    r.context = Context::Thread;
                    r.self_concurrent = false;
                }
            }
        }
        // In a closed user-space program, a start in a function no root
        // reaches starts nothing: the out-of-line copy of a helper LLVM
        // inlined into its callers (-O2), or dead code. Roots are reached
        // from the entries, and through the starts in reached functions.
        if !kernel && has_main {
            drop_unreached_starts(cg, &mut roots);
        }
        // A thread or kthread function started from one place, once, is one
        // instance: self-concurrent only when started from several places,
        // in a loop, or from code that may itself run again. A thread
        // started by another such thread depends on that one's verdict:
        // repeat until nothing changes.
        for _round in 0..8 {
            let mut changed = false;
            for k in 0..roots.len() {
                if !roots[k].one_shot()
                    || roots[k].spawned_at.is_empty()
                    || !roots[k].self_concurrent
                {
                    continue;
                }
                let points = roots[k].spawned_at.clone();
                // Several starts (user space): all in one function, each
                // joined before any start, itself included, can come again
                // (a helper that starts and joins, inlined twice).
                let together = points.len() == 1
                    || (!kernel && points.iter().all(|sp| sp.caller == points[0].caller));
                let once = together
                    && points.iter().all(|sp| {
                        // Started in a loop that joins it before it starts
                        // it again: one instance at a time.
                        // Or started by a loop over a table of start
                        // routines, in which it appears once.
                        let func = program.function(sp.caller);
                        !sp.repeated
                            && (!joins_reachable(func, sp, sp.inst, sp.inst) || points.len() == 1
                                && sp.inner.is_none()
                                && !sp.lifted
                                && instances::started_from_table_once(
                                    program,
                                    index,
                                    sp.caller,
                                    sp.inst,
                                    roots[k].func,
                                ))
                            // Two starts a helper makes (moved up to its one
                            // call) are two threads, unless one excludes the
                            // other in the helper.
                            && points.iter().all(|y| match (y.inner, sp.inner) {
                                _ if y.inst != sp.inst => !joins_reachable(func, sp, sp.inst, y.inst),
                                (a, b) if a == b => true,
                                (Some((yf, yi, _)), Some((xf, xi, _))) if yf == xf => {
                                    let h = program.function(xf);
                                    !reachable_avoiding(h, xi, yi, &[], &[])
                                        && !reachable_avoiding(h, yi, xi, &[], &[])
                                }
                                _ => false,
                            })
                            && (runs_once(program, cg, &roots, sp.caller, 0)
                                || (!kernel && sole_runner(program, cg, &roots, sp, k).is_some()))
                    });
                // Starts in several functions (user space): each joins its
                // thread before it returns, one single-instance root runs
                // them all, and none calls another: their calls come one
                // after the other, each thread over before the next start
                // (identical closures one function after LLVM merged them,
                // started by two helpers `main` calls in turn).
                let apart = !kernel && !together && {
                    let runner = sole_runner(program, cg, &roots, &points[0], k);
                    runner.is_some()
                        && points.iter().all(|sp| {
                            let func = program.function(sp.caller);
                            !sp.repeated
                                && !joins_reachable(func, sp, sp.inst, sp.inst)
                                && sole_runner(program, cg, &roots, sp, k) == runner
                                && points.iter().all(|y| {
                                    if y.caller == sp.caller {
                                        y.inst == sp.inst
                                            || !joins_reachable(func, sp, sp.inst, y.inst)
                                    } else {
                                        !calls_reach(cg, sp.caller, y.caller)
                                    }
                                })
                        })
                };
                if once || apart {
                    roots[k].self_concurrent = false;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // Starts whose thread is over before the call that started it
        // returns, in a function one root alone runs: that root's code
        // outside the call is before or after every such thread.
        if !kernel {
            for k in 0..roots.len() {
                for j in 0..roots[k].spawned_at.len() {
                    let runner = sole_runner(program, cg, &roots, &roots[k].spawned_at[j], k);
                    roots[k].spawned_at[j].contained_in = runner;
                }
            }
        }
        // Instances started with data of their own each.
        for k in 0..roots.len() {
            if !roots[k].self_concurrent || roots[k].spawned_at.is_empty() {
                continue;
            }
            let sites: Vec<&crate::memory::SpawnSite> = memory
                .spawns
                .iter()
                .filter(|s| {
                    s.callee == roots[k].func
                        && s.instance == roots[k].instance
                        && s.context == roots[k].context
                })
                .collect();
            let data_param = sites.first().and_then(|s| {
                let func = program.function(s.caller);
                let module = program.funcs[s.caller as usize].module;
                match &func.insts.get(s.inst as usize)?.kind {
                    crate::ir::InstKind::Call { callee, .. } => program
                        .call_target(module, callee)
                        .and_then(|t| index.of(t).spawn)
                        .map(|m| m.data_param),
                    _ => None,
                }
            });
            let once = |f: FuncId| runs_once(program, cg, &roots, f, 0);
            if let Some(p) = data_param {
                if instances::distinct_data(program, index, &sites, &once) {
                    roots[k].instance_data = Some(p);
                }
            }
        }
        let mut exclusive = Vec::new();
        for ex in &config.exclusive {
            let ids: Vec<FuncId> = ex
                .functions
                .iter()
                .filter_map(|n| program.find_function(n))
                .collect();
            for a in &ids {
                for b in &ids {
                    if a != b {
                        exclusive.push((*a, *b));
                    }
                }
            }
        }
        let sync = sync_points(program, index, memory, cg);
        let sole_sender: HashMap<Chan, usize> = sync
            .senders
            .iter()
            .filter(|(c, _)| c.is_none_or(|p| sync.created_empty.get(&p) == Some(&true)))
            .filter_map(|(c, fs)| Some((*c, sole_sender(&roots, fs, cg)?)))
            .collect();
        let rounds = rounds::Rounds::compute(program, cg, &sync.direct_barriers, &sync.barriers);
        let start_funcs = roots
            .iter()
            .map(|r| {
                r.spawned_at
                    .iter()
                    .flat_map(|sp| std::iter::once(sp.caller).chain(sp.inner.map(|x| x.0)))
                    .collect()
            })
            .collect();
        let main_root = (!kernel)
            .then(|| roots.iter().position(|r| r.via == PROGRAM_ENTRY))
            .flatten();
        let main_joins = match main_root {
            Some(m) => joins_of_main(program, index, memory, roots[m].func),
            None => HashMap::default(),
        };
        // User space: the join model calls of each function, for an access
        // in a helper that joins the thread (`stop_workers()`) after its
        // join there.
        let mut join_calls: HashMap<FuncId, Vec<(u32, Option<Ptr>)>> = HashMap::default();
        if !kernel {
            for g in 0..program.funcs.len() as FuncId {
                let func = program.function(g);
                let module = program.funcs[g as usize].module;
                for (i, inst) in func.insts.iter().enumerate() {
                    if let crate::ir::InstKind::Call { callee, .. } = &inst.kind {
                        let Some(m) = program
                            .call_target(module, callee)
                            .and_then(|t| index.of(t).join)
                        else {
                            continue;
                        };
                        // Where the handle it waits for was loaded from
                        // (through casts: Rust's `Thread::join` is given
                        // the OS handle as an integer).
                        let place = inst
                            .kind
                            .model_args()
                            .get(m.arg as usize)
                            .and_then(|v| loaded_from(func, v))
                            .and_then(|ptr| memory.ptr_of(program, g, ptr));
                        join_calls.entry(g).or_default().push((i as u32, place));
                    }
                }
            }
        }
        let handle_joins = if kernel {
            HashMap::default()
        } else {
            // Starts that return the handle as a value (Rust): where it is
            // kept (see `carried`).
            let valued: Vec<(FuncId, u32)> = roots
                .iter()
                .flat_map(|r| &r.spawned_at)
                .filter(|sp| sp.handle.is_none() && !sp.lifted && sp.inner.is_none())
                .filter(|sp| {
                    let func = program.function(sp.caller);
                    let Some(crate::ir::InstKind::Call { callee, .. }) =
                        func.insts.get(sp.inst as usize).map(|x| &x.kind)
                    else {
                        return false;
                    };
                    program
                        .call_target(program.funcs[sp.caller as usize].module, callee)
                        .and_then(|t| index.of(t).spawn)
                        .is_some_and(|m| m.returns_handle && m.handle_arg.is_none())
                })
                .map(|sp| (sp.caller, sp.inst))
                .collect();
            let carried = carried::returned_handle_places(program, memory, &valued);
            handle_joins(program, cg, &roots, &join_calls, &carried)
        };
        Threads {
            start_funcs,
            main_root,
            main_joins,
            join_calls,
            handle_joins,
            roots,
            exclusive,
            sync,
            sole_sender,
            rounds,
            kernel,
        }
    }

    /// May two accesses, one reached from root `a` and one from root `b`, run at the same time?
    pub fn may_run_in_parallel(&self, a: usize, b: usize) -> bool {
        let (ra, rb) = (&self.roots[a], &self.roots[b]);
        if ra.phase != Phase::Concurrent || rb.phase != Phase::Concurrent {
            return false;
        }
        // Roots of one routine started at different places with data of
        // their own (different instances) are different threads.
        if a == b || (ra.func == rb.func && ra.instance == rb.instance) {
            return ra.self_concurrent && rb.self_concurrent;
        }
        !self.exclusive.contains(&(ra.func, rb.func))
    }
}

impl Threads {
    /// Is an access at `(func, inst)`, reached through call sites `path`,
    /// ordered before the start (or after the join) of root `other` by the
    /// thread that starts it? Only when every place `other` is started from
    /// lies on the access's own call stack.
    pub fn ordered_by_spawn(
        &self,
        program: &Program<'_>,
        access_root: usize,
        func: FuncId,
        inst: u32,
        path: &[(FuncId, u32)],
        other: usize,
    ) -> bool {
        if Some(other) == self.main_root
            && access_root != other
            && self.after_main_join(program, func, inst, path)
        {
            return true;
        }
        if self.roots[other].spawned_at.is_empty() {
            return false;
        }
        self.ordered_by_own_spawn(program, access_root, func, inst, path, other)
            || self.ordered_through_parent(program, access_root, func, inst, path, other)
            || self.after_handle_join(program, func, inst, path, other)
    }

    /// Is root `other` over on every way in `func` from each of `from` to
    /// each of `to` it reaches: does each such way pass a join of its
    /// handle (see `after_handle_join`)?
    pub fn joined_between(
        &self,
        program: &Program<'_>,
        other: usize,
        func: FuncId,
        from: &[u32],
        to: &[u32],
    ) -> bool {
        let Some(joins) = self.handle_joins.get(&other).and_then(|m| m.get(&func)) else {
            return false;
        };
        let f = program.function(func);
        from.iter()
            .all(|&s| to.iter().all(|&t| !reachable_avoiding(f, s, t, joins, &[])))
    }

    /// Does the access come after a join of `other`'s handle, wherever that
    /// join is (a grandchild joined by `main` after its parent stored the
    /// handle, a helper that joins it): in a frame of its call stack, every
    /// way from the frame's entry to it passes such a join? `other` runs
    /// once and no other start writes its handle, so the join waits for it.
    fn after_handle_join(
        &self,
        program: &Program<'_>,
        func: FuncId,
        inst: u32,
        path: &[(FuncId, u32)],
        other: usize,
    ) -> bool {
        let Some(by_func) = self.handle_joins.get(&other) else {
            return false;
        };
        path.iter()
            .copied()
            .chain(std::iter::once((func, inst)))
            .any(|(g, pos)| {
                by_func.get(&g).is_some_and(|joins| {
                    !joins.contains(&pos)
                        && !reachable_from_entry_avoiding(program.function(g), pos, joins)
                })
            })
    }

    /// Does the access come after a join of `main` (its thread waited for
    /// `main` to end): in a frame of its call stack, every way from the
    /// frame's entry to it passes such a join?
    fn after_main_join(
        &self,
        program: &Program<'_>,
        func: FuncId,
        inst: u32,
        path: &[(FuncId, u32)],
    ) -> bool {
        path.iter()
            .copied()
            .chain(std::iter::once((func, inst)))
            .any(|(g, pos)| {
                self.main_joins.get(&g).is_some_and(|joins| {
                    !reachable_from_entry_avoiding(program.function(g), pos, joins)
                })
            })
    }

    /// Does every way from the start `sp` to instruction `to` of its
    /// function pass a join of the thread it starts?
    pub fn joined_before(&self, program: &Program<'_>, sp: &SpawnPoint, to: u32) -> bool {
        !joins_reachable(program.function(sp.caller), sp, sp.inst, to)
    }

    /// Is the access inside the function that `caller` calls on its
    /// way, after a join there on every way from that function's entry
    /// (`stop_worker() { pthread_join(t, NULL); state = 0; }`)? For a
    /// call that counts as a join of the thread in `caller`.
    fn after_join_in_callee(
        &self,
        program: &Program<'_>,
        func: FuncId,
        inst: u32,
        path: &[(FuncId, u32)],
        sp: &SpawnPoint,
    ) -> bool {
        let Some(k) = path.iter().position(|(f, _)| *f == sp.caller) else {
            return false;
        };
        let (g, at) = path.get(k + 1).copied().unwrap_or((func, inst));
        // Joins of a handle loaded from elsewhere than the start wrote
        // it (`pthread_join(t1)` for a start into `t2`) wait for another.
        let joins: Vec<u32> = self
            .join_calls
            .get(&g)
            .into_iter()
            .flatten()
            .filter(|(_, place)| match (sp.handle, place) {
                (Some(h), Some(p)) => h == *p,
                _ => true,
            })
            .map(|(j, _)| *j)
            .collect();
        !joins.is_empty() && !reachable_from_entry_avoiding(program.function(g), at, &joins)
    }

    /// `ordered_by_spawn` through the starts of `other` themselves.
    fn ordered_by_own_spawn(
        &self,
        program: &Program<'_>,
        access_root: usize,
        func: FuncId,
        inst: u32,
        path: &[(FuncId, u32)],
        other: usize,
    ) -> bool {
        let points = &self.roots[other].spawned_at;
        if points.is_empty() {
            return false;
        }
        points.iter().all(|sp| {
            if !self.roots[access_root].one_shot() {
                // An IRQ handler or ops callback runs again while what it
                // started is still running: no order.
                return false;
            }
            let pos_in = |g: FuncId| position_in(func, inst, path, g);
            // In the helper that starts the thread: before or after the
            // start there (the helper joins nothing).
            if let Some((xf, xi, in_std)) = sp.inner {
                if let Some(pos) = pos_in(xf) {
                    return (!in_std || pos != xi)
                        && !reachable_avoiding(program.function(xf), xi, pos, &[], &[]);
                }
            }
            // Before or after the call of `std::thread::scope` the spawn
            // happens in: ordered by the scope's implicit join.
            if let Some((zf, zi)) = sp.scope_call {
                if pos_in(zf).is_some_and(|p| p != zi) {
                    return true;
                }
            }
            match pos_in(sp.caller) {
                // Outside the `std::thread::scope` the spawn is in: before it
                // (not reachable) or after its implicit join.
                Some(pos)
                    if sp
                        .scope
                        .is_some_and(|sc| !in_instance(program, sp.caller, pos, sc)) =>
                {
                    true
                }
                // Inside the std API that starts the thread: before or after
                // the start, seam cannot tell.
                Some(pos) if sp.lifted && pos == sp.inst => false,
                Some(pos) => {
                    !joins_reachable(program.function(sp.caller), sp, sp.inst, pos)
                        || (sp.joins.contains(&pos)
                            && self.after_join_in_callee(program, func, inst, path, sp))
                }
                // Outside every call of a function that joins the thread
                // before it returns, in the one thread that runs it: before
                // or after each of the thread's runs.
                None => sp.contained_in == Some(access_root),
            }
        })
    }
}

impl Threads {
    /// Do the two accesses, both reached from root `root`, touch different
    /// memory in different instances of it? True when every instance gets
    /// data of its own and both addresses derive from it alone, in the
    /// same way (`slots[id]` in both, or `a->result` in both); within one
    /// instance the two are in program order.
    pub fn distinct_instances(
        &self,
        program: &Program<'_>,
        root: usize,
        a: (FuncId, u32),
        b: (FuncId, u32),
    ) -> bool {
        let Some((func, p)) = self.own_data(program, root, a.0, b.0) else {
            return false;
        };
        instances::from_data(func, a.1, p).is_some_and(|x| {
            instances::from_data(func, b.1, p).is_some_and(|y| instances::same_element(&x, &y))
        })
    }

    /// Root `root`'s function and its per-instance data, when both places
    /// are in that function (what the per-instance questions ask about).
    fn own_data<'p>(
        &self,
        program: &'p Program<'_>,
        root: usize,
        fa: FuncId,
        fb: FuncId,
    ) -> Option<(&'p crate::ir::Function, u32)> {
        let r = &self.roots[root];
        let p = r.instance_data?;
        (fa == r.func && fb == r.func).then(|| (program.function(r.func), p))
    }
}

impl Threads {
    /// Is the lock taken at `x` and at `y` (calls in root `root`'s own
    /// function) picked by the instance's own data, the same way in both
    /// (`pthread_mutex_lock(&locks[id])`)? Then two instances hold two
    /// different locks, and it protects nothing between them.
    pub fn per_instance_lock(
        &self,
        program: &Program<'_>,
        root: usize,
        x: (FuncId, u32),
        y: (FuncId, u32),
    ) -> bool {
        let Some((func, p)) = self.own_data(program, root, x.0, y.0) else {
            return false;
        };
        let lock_addr = |i: u32| {
            let inst = func.insts.get(i as usize)?;
            if !matches!(inst.kind, crate::ir::InstKind::Call { .. }) {
                return None;
            }
            inst.kind
                .model_args()
                .iter()
                .find_map(|a| instances::value_from_data(func, a, p))
        };
        lock_addr(x.1).is_some_and(|d| lock_addr(y.1) == Some(d))
    }
}

/// An access for order queries: its root, function, instruction and the
/// call sites leading to it from its root.
pub type AccessAt<'p> = (usize, FuncId, u32, &'p [(FuncId, u32)]);

impl Threads {
    /// Are the two accesses ordered by a rendezvous? Both threads must run
    /// once (a callback invoked again and again meets the barrier or the
    /// channel in another round).
    ///
    /// - A barrier both wait on: one access before every wait on it in its
    ///   thread (which then waits on it on every way to its return), the
    ///   other after a wait on it on every way. No participant leaves a
    ///   barrier before all of them arrived.
    /// - A message: one access in the program's only sender, before every
    ///   send of its thread (which then sends on every way to its return),
    ///   the other after a receive on every way. Whatever message that
    ///   receive got was sent after the first access.
    pub fn ordered_by_rendezvous(
        &self,
        program: &Program<'_>,
        a: AccessAt<'_>,
        b: AccessAt<'_>,
    ) -> bool {
        if !self.roots[a.0].one_shot() || !self.roots[b.0].one_shot() {
            return false;
        }
        let ordered = |x: AccessAt<'_>, y: AccessAt<'_>| {
            self.before_barrier_after(program, x, y) || self.before_send_after_recv(program, x, y)
        };
        ordered(a, b) || ordered(b, a) || self.apart_by_barrier_rounds(program, a, b)
    }

    /// Are the two accesses in different rounds of a barrier both their
    /// threads wait on (see `rounds.rs`)? A thread that never waits on the
    /// barrier is not held back by it.
    fn apart_by_barrier_rounds(
        &self,
        program: &Program<'_>,
        a: AccessAt<'_>,
        b: AccessAt<'_>,
    ) -> bool {
        if self.rounds.barriers.is_empty() {
            return false;
        }
        let (Some(fa), Some(fb)) = (self.anchored_frames(a), self.anchored_frames(b)) else {
            return false;
        };
        let waits = |root: usize, bar: Ptr| {
            let f = self.roots[root].func;
            self.sync.barriers.get(&f).is_some_and(|w| {
                w.iter()
                    .any(|(i, p)| *p == bar && program.function(f).block_of(*i).is_some())
            })
        };
        self.rounds.barriers.iter().any(|&bar| {
            if !waits(a.0, bar) || !waits(b.0, bar) {
                return false;
            }
            let apart = match (self.rounds.at(bar, &fa), self.rounds.at(bar, &fb)) {
                (Some(x), Some(y)) => !x.may_equal(y),
                _ => false,
            };
            // Code only the serial participant of a round runs: two such
            // accesses are one thread's, or in different rounds.
            apart || (self.serial(program, bar, &fa) && self.serial(program, bar, &fb))
        })
    }

    /// Is `x` before a barrier that `y` is after?
    fn before_barrier_after(
        &self,
        program: &Program<'_>,
        x: AccessAt<'_>,
        y: AccessAt<'_>,
    ) -> bool {
        if self.sync.barriers.is_empty() {
            return false;
        }
        let Some(fx) = self.anchored_frames(x) else {
            return false;
        };
        let fy = frames(y);
        let waits_on = |g: FuncId, bar: Ptr| -> Vec<u32> {
            self.sync
                .barriers
                .get(&g)
                .map(|w| {
                    w.iter()
                        .filter(|(_, p)| *p == bar)
                        .map(|(i, _)| *i)
                        .collect()
                })
                .unwrap_or_default()
        };
        // Barriers `y` is after on every way to it.
        let mut barriers: Vec<Ptr> = Vec::new();
        for &(g, pos) in &fy {
            let Some(w) = self.sync.barriers.get(&g) else {
                continue;
            };
            for &(_, bar) in w {
                if !barriers.contains(&bar)
                    && !reachable_from_entry_avoiding(program.function(g), pos, &waits_on(g, bar))
                {
                    barriers.push(bar);
                }
            }
        }
        barriers
            .into_iter()
            .any(|bar| before_then_always(program, &fx, |g| waits_on(g, bar)))
    }

    /// Is `x` in the only sender on a channel, before a send on it, and
    /// `y` after a receive from it?
    fn before_send_after_recv(
        &self,
        program: &Program<'_>,
        x: AccessAt<'_>,
        y: AccessAt<'_>,
    ) -> bool {
        let chans: Vec<Chan> = self
            .sole_sender
            .iter()
            .filter(|(_, &r)| r == x.0)
            .map(|(c, _)| *c)
            .collect();
        if chans.is_empty() {
            return false;
        }
        let Some(fx) = self.anchored_frames(x) else {
            return false;
        };
        let on = |m: &HashMap<FuncId, Vec<(u32, Chan)>>, g: FuncId, c: Chan| -> Vec<u32> {
            m.get(&g)
                .map(|v| v.iter().filter(|(_, k)| *k == c).map(|(i, _)| *i).collect())
                .unwrap_or_default()
        };
        let fy = frames(y);
        chans.into_iter().any(|c| {
            fy.iter().any(|&(g, pos)| {
                let r = on(&self.sync.recvs, g, c);
                !r.is_empty() && !reachable_from_entry_avoiding(program.function(g), pos, &r)
            }) && before_then_always(program, &fx, |g| on(&self.sync.sends, g, c))
        })
    }

    /// Is some frame of `frames` in code that only the serial participant
    /// of a round of `bar` runs (see `rounds::in_serial_region`)?
    fn serial(&self, program: &Program<'_>, bar: Ptr, frames: &[(FuncId, u32)]) -> bool {
        frames.iter().any(|&(g, pos)| {
            let Some(list) = self.sync.serial_waits.get(&g) else {
                return false;
            };
            let waits: Vec<u32> = self
                .sync
                .direct_barriers
                .get(&g)
                .map(|w| {
                    w.iter()
                        .filter(|(_, p)| *p == bar)
                        .map(|(i, _)| *i)
                        .collect()
                })
                .unwrap_or_default();
            list.iter().any(|&(w, p, v)| {
                p == bar && rounds::in_serial_region(program.function(g), w, v, &waits, pos)
            })
        })
    }

    /// The call stack of an access, outermost first, ending at the access;
    /// `None` unless it starts at its root's function (a caller not on it
    /// could have synchronised first).
    fn anchored_frames(&self, x: AccessAt<'_>) -> Option<Vec<(FuncId, u32)>> {
        let f = frames(x);
        (f.first().map(|p| p.0) == Some(self.roots[x.0].func)).then_some(f)
    }
}

/// The call stack of an access, outermost first, ending at the access.
fn frames((_, f, i, path): AccessAt<'_>) -> Vec<(FuncId, u32)> {
    path.iter()
        .copied()
        .chain(std::iter::once((f, i)))
        .collect()
}

/// On the call stack `fx`: no point of `points` can come before the
/// access, and one comes after it on every way to a return of one of the
/// frames.
fn before_then_always(
    program: &Program<'_>,
    fx: &[(FuncId, u32)],
    points: impl Fn(FuncId) -> Vec<u32>,
) -> bool {
    fx.iter().all(|&(g, pos)| {
        points(g)
            .iter()
            .all(|&w| !reachable_avoiding(program.function(g), w, pos, &[], &[]))
    }) && fx
        .iter()
        .any(|&(g, pos)| always_reached_after(program.function(g), pos, &points(g)))
}

/// Synchronisation points of `[[rendezvous]]` models, per function.
#[derive(Default)]
struct SyncPoints {
    /// Barrier waits: the call and the barrier its argument points to
    /// (calls of functions that wait included).
    barriers: HashMap<FuncId, Vec<(u32, Ptr)>>,
    /// The calls of a barrier-wait model alone.
    direct_barriers: HashMap<FuncId, Vec<(u32, Ptr)>>,
    /// Those whose model names the value returned to one participant per
    /// round (`serial`), with that value.
    serial_waits: HashMap<FuncId, Vec<(u32, Ptr, i64)>>,
    /// Message sends: calls, and instructions of inlined sends, with the
    /// channel.
    sends: HashMap<FuncId, Vec<(u32, Chan)>>,
    /// Message receives, likewise.
    recvs: HashMap<FuncId, Vec<(u32, Chan)>>,
    /// Per channel, the functions that send on it themselves (not through
    /// a call of another function that sends).
    senders: HashMap<Chan, Vec<FuncId>>,
    /// Channels set up by a `create` model: whether every set-up made
    /// them empty (a constant 0 as the initial count).
    created_empty: HashMap<Ptr, bool>,
    /// A send whose channel points-to could not name: no channel has a
    /// sole sender then.
    unplaced_send: bool,
}

/// The channel a message goes through: the object the model's `arg`
/// points to, or `None` for models that do not tell channels apart.
type Chan = Option<Ptr>;

/// The program's synchronisation points (see `SyncPoints`). A call (up to
/// four levels up) of a function that waits, sends or receives counts as
/// one too.
fn sync_points(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    memory: &Memory,
    cg: &CallGraph,
) -> SyncPoints {
    use crate::ir::Value;
    use seam_models::RendezvousRole;
    let mut sp = SyncPoints::default();
    // Scopes of inlined sends and receives, per module.
    let scopes: Vec<HashMap<crate::ir::StrId, RendezvousRole>> = program
        .modules
        .iter()
        .map(|m| {
            let mut out = HashMap::default();
            let mut seen = HashSet::default();
            for l in m.locations.iter().filter(|l| l.inlined_at.is_some()) {
                if let Some(sc) = l.scope.filter(|sc| seen.insert(*sc)) {
                    if let Some(rv) = index.by_name(m.str(sc)).rendezvous {
                        if rv.role != RendezvousRole::Barrier {
                            out.insert(sc, rv.role);
                        }
                    }
                }
            }
            out
        })
        .collect();
    for f in 0..program.funcs.len() as FuncId {
        let func = program.function(f);
        let module = program.funcs[f as usize].module;
        let m = program.module_of(f);
        let inlined = &scopes[module as usize];
        for (i, inst) in func.insts.iter().enumerate() {
            let i = i as u32;
            let mut role = None;
            if let crate::ir::InstKind::Call { callee, .. } = &inst.kind {
                if let Some(rv) = program
                    .call_target(module, callee)
                    .and_then(|t| index.of(t).rendezvous)
                {
                    let args = inst.kind.model_args();
                    let p = rv
                        .arg
                        .and_then(|a| memory.ptr_of(program, f, args.get(a as usize)?));
                    match rv.role {
                        RendezvousRole::Barrier => {
                            if let Some(p) = p {
                                sp.barriers.entry(f).or_default().push((i, p));
                                if let Some(v) = rv.serial {
                                    sp.serial_waits.entry(f).or_default().push((i, p, v));
                                }
                            }
                        }
                        RendezvousRole::Create => {
                            if let Some(p) = p {
                                let empty = rv
                                    .value_arg
                                    .and_then(|k| args.get(k as usize))
                                    .is_some_and(|v| *v == Value::Int(0));
                                *sp.created_empty.entry(p).or_insert(true) &= empty;
                            }
                        }
                        // A message through a channel the pointer does not
                        // name is not one through any known channel.
                        RendezvousRole::Send | RendezvousRole::Recv if rv.arg.is_some() => {
                            if let Some(p) = p {
                                let list = if rv.role == RendezvousRole::Send {
                                    &mut sp.sends
                                } else {
                                    &mut sp.recvs
                                };
                                list.entry(f).or_default().push((i, Some(p)));
                            } else if rv.role == RendezvousRole::Send {
                                // A send nobody can place: no sole sender
                                // anywhere.
                                sp.unplaced_send = true;
                            }
                        }
                        r => role = Some(r),
                    }
                    if role.is_none() {
                        continue;
                    }
                }
            }
            if role.is_none() && !inlined.is_empty() {
                let mut loc = inst.loc;
                for _ in 0..32 {
                    let Some(l) = loc.and_then(|l| m.locations.get(l as usize)) else {
                        break;
                    };
                    if l.inlined_at.is_none() {
                        break;
                    }
                    if let Some(r) = l.scope.and_then(|sc| inlined.get(&sc)) {
                        role = Some(*r);
                        break;
                    }
                    loc = l.inlined_at;
                }
            }
            match role {
                Some(RendezvousRole::Send) => sp.sends.entry(f).or_default().push((i, None)),
                Some(RendezvousRole::Recv) => sp.recvs.entry(f).or_default().push((i, None)),
                _ => {}
            }
        }
    }
    if sp.unplaced_send {
        sp.sends.clear();
    }
    for (f, list) in &sp.sends {
        for (_, c) in list {
            let fs = sp.senders.entry(*c).or_default();
            if !fs.contains(f) {
                fs.push(*f);
            }
        }
    }
    for fs in sp.senders.values_mut() {
        fs.sort_unstable();
    }
    sp.direct_barriers = sp.barriers.clone();
    lift_points(&mut sp.barriers, cg);
    lift_points(&mut sp.sends, cg);
    lift_points(&mut sp.recvs, cg);
    sp
}

/// Adds to each caller (up to four levels) of a function with points the
/// call, once per distinct tag of those points.
fn lift_points<T: Copy + PartialEq>(points: &mut HashMap<FuncId, Vec<(u32, T)>>, cg: &CallGraph) {
    let mut frontier: Vec<FuncId> = points.keys().copied().collect();
    frontier.sort_unstable();
    for _ in 0..4 {
        let mut next = Vec::new();
        for g in frontier {
            let tags: Vec<T> = points[&g].iter().map(|(_, t)| *t).collect();
            for e in cg.callers[g as usize]
                .iter()
                .filter(|e| !e.guessed && e.caller != g)
            {
                let list = points.entry(e.caller).or_default();
                let mut grew = false;
                for &t in &tags {
                    if !list.contains(&(e.inst, t)) {
                        list.push((e.inst, t));
                        grew = true;
                    }
                }
                if grew {
                    next.push(e.caller);
                }
            }
        }
        next.sort_unstable();
        next.dedup();
        frontier = next;
    }
}

/// The root every function in `senders` runs in, when there is exactly
/// one, it runs once, and nothing else reaches them (walking up the call
/// graph from each, every way ends at that root's function).
fn sole_sender(roots: &[ThreadRoot], senders: &[FuncId], cg: &CallGraph) -> Option<usize> {
    if senders.is_empty() {
        return None;
    }
    let mut found: Option<usize> = None;
    let mut seen: HashSet<FuncId> = HashSet::default();
    let mut work: Vec<FuncId> = senders.to_vec();
    while let Some(g) = work.pop() {
        if !seen.insert(g) || seen.len() > MAX_LIFT_FUNCTIONS {
            if seen.len() > MAX_LIFT_FUNCTIONS {
                return None;
            }
            continue;
        }
        let as_root: Vec<usize> = (0..roots.len()).filter(|&k| roots[k].func == g).collect();
        match as_root.as_slice() {
            [] => {}
            [k] if found.is_none_or(|f| f == *k) => found = Some(*k),
            _ => return None,
        }
        let callers: Vec<_> = cg.callers[g as usize]
            .iter()
            .filter(|e| !e.guessed)
            .collect();
        if callers.is_empty() && as_root.is_empty() {
            return None;
        }
        // Called as well as started: its callers run it too.
        work.extend(callers.iter().map(|e| e.caller));
    }
    found.filter(|&k| roots[k].one_shot() && !roots[k].self_concurrent)
}

/// Can execution go from the entry of `func` to instruction `to` without
/// passing one of `waits`?
pub(crate) fn reachable_from_entry_avoiding(
    func: &crate::ir::Function,
    to: u32,
    waits: &[u32],
) -> bool {
    let Some(bt) = func.block_of(to).map(|b| b as usize) else {
        return true;
    };
    if func.blocks.is_empty() {
        return true;
    }
    let wait_in = |b: usize, lo: u32, hi: u32| {
        waits
            .iter()
            .any(|&w| func.block_of(w) == Some(b as u32) && w >= lo && w < hi)
    };
    let mut seen = vec![false; func.blocks.len()];
    let mut work = vec![0usize];
    while let Some(b) = work.pop() {
        if seen[b] {
            continue;
        }
        seen[b] = true;
        let blk = &func.blocks[b];
        if b == bt && !wait_in(b, blk.first, to) {
            return true;
        }
        if wait_in(b, blk.first, blk.first + blk.len) {
            continue;
        }
        work.extend(
            blk.succs
                .iter()
                .map(|&s| s as usize)
                .filter(|&s| s < seen.len()),
        );
    }
    false
}

/// Does every way from just after `from` to a return of `func` pass one
/// of `waits`? (Ways that end otherwise, in a panic or `abort`, never
/// leave the thread to let the barrier trip without it.)
fn always_reached_after(func: &crate::ir::Function, from: u32, waits: &[u32]) -> bool {
    if waits.is_empty() {
        return false;
    }
    let Some(bf) = func.block_of(from).map(|b| b as usize) else {
        return false;
    };
    let is_ret = |i: u32| matches!(func.insts[i as usize].kind, crate::ir::InstKind::Ret { .. });
    // Walks the instructions of block `b` from `lo`: Some(true) on a
    // wait, Some(false) on a return, None when the block ends.
    let scan = |b: usize, lo: u32| -> Option<bool> {
        let blk = &func.blocks[b];
        (lo..blk.first + blk.len).find_map(|i| {
            if waits.contains(&i) {
                Some(true)
            } else if is_ret(i) {
                Some(false)
            } else {
                None
            }
        })
    };
    if let Some(r) = scan(bf, from + 1) {
        return r;
    }
    let mut seen = vec![false; func.blocks.len()];
    let mut work: Vec<usize> = func.blocks[bf].succs.iter().map(|&s| s as usize).collect();
    while let Some(b) = work.pop() {
        if b >= seen.len() || seen[b] {
            continue;
        }
        seen[b] = true;
        match scan(b, func.blocks[b].first) {
            Some(true) => {}
            Some(false) => return false,
            None => work.extend(func.blocks[b].succs.iter().map(|&s| s as usize)),
        }
    }
    true
}

impl Threads {
    /// Is the access ordered with root `other` through the thread that
    /// starts it (user space)? When every start of `other` is a direct call in the
    /// function of one other root `parent` (a thread starting a helper
    /// thread), an access before `parent` starts is before `other` starts,
    /// and an access after `parent` was joined is after `other` ended if
    /// `parent` joins `other` on every way to its return.
    fn ordered_through_parent(
        &self,
        program: &Program<'_>,
        access_root: usize,
        func: FuncId,
        inst: u32,
        path: &[(FuncId, u32)],
        other: usize,
    ) -> bool {
        if self.kernel {
            return false;
        }
        let points = &self.roots[other].spawned_at;
        let Some(pf) = points.first().map(|sp| sp.caller) else {
            return false;
        };
        // Started directly in the parent's function, or through a helper
        // of the user's it calls (`launch_inner()`), not inside std's APIs.
        if points.iter().any(|sp| {
            sp.caller != pf
                || (sp.lifted && !matches!(sp.inner, Some((_, _, false))))
                || sp.scope.is_some()
        }) {
            return false;
        }
        // The parent thread: one root, or one per start of its routine
        // when its starts hand over data of their own (then every one of
        // them starts `other`, and each must order the access).
        let all: Vec<usize> = (0..self.roots.len())
            .filter(|&k| self.roots[k].func == pf)
            .collect();
        let split = all.iter().any(|&k| self.roots[k].instance != pf);
        let parents: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&k| k != other && k != access_root)
            .collect();
        match parents.as_slice() {
            [p] if !split => {
                self.ordered_through(program, access_root, func, inst, path, other, *p)
            }
            [_, ..] if split && parents.len() == all.len() => parents
                .iter()
                .all(|&p| self.ordered_through(program, access_root, func, inst, path, other, p)),
            _ => false,
        }
    }

    /// `ordered_through_parent` through one parent root.
    #[allow(clippy::too_many_arguments)]
    fn ordered_through(
        &self,
        program: &Program<'_>,
        access_root: usize,
        func: FuncId,
        inst: u32,
        path: &[(FuncId, u32)],
        other: usize,
        parent: usize,
    ) -> bool {
        let points = &self.roots[other].spawned_at;
        let pf = self.roots[parent].func;
        if !self.roots[parent].one_shot() || self.roots[parent].spawned_at.is_empty() {
            return false;
        }
        if !self.ordered_by_own_spawn(program, access_root, func, inst, path, parent) {
            return false;
        }
        // Before the parent starts (no join needed)?
        let before = self.roots[parent].spawned_at.iter().all(|sp| {
            position_in(func, inst, path, sp.caller).is_some_and(|pos| {
                let inside_start = sp.lifted && pos == sp.inst;
                !inside_start
                    && !reachable_avoiding(program.function(sp.caller), sp.inst, pos, &[], &[])
            })
        });
        if before {
            return true;
        }
        // After the parent's join: the parent must have joined `other`.
        let pfunc = program.function(pf);
        let rets: Vec<u32> = pfunc
            .insts
            .iter()
            .enumerate()
            .filter(|(_, x)| matches!(x.kind, crate::ir::InstKind::Ret { .. }))
            .map(|(i, _)| i as u32)
            .collect();
        points.iter().all(|sp| {
            rets.iter()
                .all(|&r| !joins_reachable(pfunc, sp, sp.inst, r))
        })
    }
}

impl Threads {
    /// Do threads `a` and `b` never overlap because the function starting
    /// both joins one before it starts the other (`spawn(f).join();
    /// spawn(g).join()`, `pthread_create(&t, …, f); pthread_join(t); …`,
    /// also two starts of one routine with data of their own each)?
    /// Every start of each is a direct start in one function, run once per
    /// start (no helper, no closure std runs again); from any start of one,
    /// a start of the other is reached only through a join of the first,
    /// in both directions (in a loop, the second must be joined before the
    /// first starts again). User space only: kernel starts and stops are
    /// not paired by handle.
    pub fn ordered_siblings(&self, program: &Program<'_>, a: usize, b: usize) -> bool {
        if self.kernel || a == b {
            return false;
        }
        let (ra, rb) = (&self.roots[a], &self.roots[b]);
        // Two roots of one routine are two threads when each start runs
        // its own instance (a start per call of a helper LLVM inlined);
        // one root of several starts is ordered by its own verdict.
        if !ra.one_shot() || !rb.one_shot() || (ra.func == rb.func && ra.instance == rb.instance) {
            return false;
        }
        let Some(f) = ra.spawned_at.first().map(|sp| sp.caller) else {
            return false;
        };
        let plain = |sp: &SpawnPoint| sp.caller == f && sp.inner.is_none() && !sp.repeated;
        if rb.spawned_at.is_empty() || !ra.spawned_at.iter().chain(&rb.spawned_at).all(plain) {
            return false;
        }
        let func = program.function(f);
        let joined_before = |x: &SpawnPoint, y: &SpawnPoint| {
            x.inst != y.inst && !joins_reachable(func, x, x.inst, y.inst)
        };
        ra.spawned_at.iter().all(|x| {
            rb.spawned_at
                .iter()
                .all(|y| joined_before(x, y) && joined_before(y, x))
        })
    }
}

/// Join calls in `f`: calls of a join model, and calls into Rust's library
/// or a closure that join on the way (`handles.into_iter().for_each(|h|
/// h.join().unwrap())` at -O0: the join is in the closure `for_each` runs);
/// in a user-space program, calls of any function that joins on the way
/// (`stop_workers()`).
fn joins_in(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    cg: &CallGraph,
    f: FuncId,
    user_space: bool,
) -> Vec<u32> {
    let func = program.function(f);
    let module = program.funcs[f as usize].module;
    let mut memo: HashMap<FuncId, bool> = HashMap::default();
    func.insts
        .iter()
        .enumerate()
        .filter_map(|(i, inst)| match &inst.kind {
            crate::ir::InstKind::Call { callee, .. } => {
                let t = program.call_target(module, callee)?;
                if index.of(t).join.is_some() {
                    return Some(i as u32);
                }
                let Target::Defined(g) = t else { return None };
                joins_through(program, index, cg, g, 0, user_space, &mut memo).then_some(i as u32)
            }
            _ => None,
        })
        .collect()
}

/// The joins among `joins` (in `f`) that may wait for the thread started
/// at call `start`. A start that writes its handle through a pointer
/// (`pthread_create(&t, …)`, `handle_arg`) is joined by a join model whose
/// handle argument is loaded from memory (`pthread_join(t[i], …)`) only
/// when that load may read where the start wrote: the same object at the
/// same offset (a variable array index is offset 0 on both sides, so a
/// join loop over the handles a create loop filled matches). Anything
/// else (a call joining on the way, a handle that is not a load, a
/// collapsed object, a pointer unknown to points-to) may wait for it.
fn joins_of_handle(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    memory: &Memory,
    f: FuncId,
    start: u32,
    joins: &[u32],
) -> Vec<u32> {
    let func = program.function(f);
    let module = program.funcs[f as usize].module;
    let call = |i: u32| match &func.insts.get(i as usize)?.kind {
        crate::ir::InstKind::Call {
            callee, args, sret, ..
        } => Some((program.call_target(module, callee)?, args, *sret)),
        _ => None,
    };
    let model_arg = |args: &[crate::ir::Value], sret: bool, k: u32| {
        args.get(k as usize + usize::from(sret)).cloned()
    };
    let handle = call(start).and_then(|(t, args, sret)| {
        let k = index.of(t).spawn?.handle_arg?;
        memory.ptr_of(program, f, &model_arg(args, sret, k)?)
    });
    let Some(handle) = handle.filter(|h| !memory.is_collapsed(h.node)) else {
        return joins.to_vec();
    };
    joins
        .iter()
        .copied()
        .filter(|&j| {
            let Some((t, args, sret)) = call(j) else {
                return true;
            };
            let Some(jm) = index.of(t).join else {
                return true;
            };
            let loaded_from = match model_arg(args, sret, jm.arg) {
                Some(crate::ir::Value::Inst(k)) => match &func.insts[k as usize].kind {
                    crate::ir::InstKind::Load { ptr, .. } => memory.ptr_of(program, f, ptr),
                    _ => None,
                },
                _ => None,
            };
            loaded_from.is_none_or(|p| p == handle)
        })
        .collect()
}

/// Calls the function at most this deep below a call are searched for a join.
const MAX_JOIN_DEPTH: usize = 6;

/// Does `g`, a function of Rust's library or a closure (any function in a
/// user-space program), call a join model, directly or through further
/// such functions?
fn joins_through(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    cg: &CallGraph,
    g: FuncId,
    depth: usize,
    user_space: bool,
    memo: &mut HashMap<FuncId, bool>,
) -> bool {
    if let Some(&known) = memo.get(&g) {
        return known;
    }
    let demangled = &program.funcs[g as usize].demangled;
    if depth > MAX_JOIN_DEPTH
        || !(user_space || crate::program::is_rust_std_fn(demangled) || is_closure(demangled))
        || index.of(Target::Defined(g)).is_primitive()
    {
        return false;
    }
    // Cycles end here (not a join unless another way says so).
    memo.insert(g, false);
    let func = program.function(g);
    let module = program.funcs[g as usize].module;
    // A function that starts threads of its own and joins them
    // (`phase2()` spawning and joining a helper thread) says nothing of
    // the threads started before it is called.
    let starts = func.insts.iter().any(|inst| match &inst.kind {
        crate::ir::InstKind::Call { callee, .. } => {
            program.call_target(module, callee).is_some_and(|t| {
                index.of(t).spawn.is_some()
                    || matches!(t, Target::Defined(h) if index.closure_api(h).is_some())
            })
        }
        _ => false,
    });
    if starts {
        return false;
    }
    let mut found = false;
    for (i, inst) in func.insts.iter().enumerate() {
        let crate::ir::InstKind::Call { callee, .. } = &inst.kind else {
            continue;
        };
        if program
            .call_target(module, callee)
            .is_some_and(|t| index.of(t).join.is_some())
        {
            found = true;
            break;
        }
        if cg
            .targets(g, i as u32)
            .iter()
            .any(|&h| joins_through(program, index, cg, h, depth + 1, user_space, memo))
        {
            found = true;
            break;
        }
    }
    memo.insert(g, found);
    found
}

/// A closure's body (`f::{{closure}}`, `f::{closure#0}`).
fn is_closure(demangled: &str) -> bool {
    demangled.contains("{{closure}}") || demangled.contains("{closure#")
}

impl Threads {
    /// Was root `other` started (on this access's own call stack) at a
    /// point from which the access can be reached, with no join between?
    pub fn started_before(
        &self,
        program: &Program<'_>,
        func: FuncId,
        inst: u32,
        path: &[(FuncId, u32)],
        other: usize,
    ) -> bool {
        let starts = &self.start_funcs[other];
        if !starts.contains(&func) && !path.iter().any(|(f, _)| starts.contains(f)) {
            return false;
        }
        self.roots[other].spawned_at.iter().any(|sp| {
            let pos_in = |g: FuncId| position_in(func, inst, path, g);
            if let Some((xf, xi, in_std)) = sp.inner {
                if let Some(pos) = pos_in(xf) {
                    return (in_std && pos == xi)
                        || reachable_avoiding(program.function(xf), xi, pos, &[], &[]);
                }
            }
            if let Some((zf, zi)) = sp.scope_call {
                if pos_in(zf).is_some_and(|p| p != zi) {
                    return false;
                }
            }
            pos_in(sp.caller)
                .map(|pos| {
                    sp.scope
                        .is_none_or(|sc| in_instance(program, sp.caller, pos, sc))
                        && ((sp.lifted && pos == sp.inst)
                            || joins_reachable(program.function(sp.caller), sp, sp.inst, pos))
                })
                .unwrap_or(false)
        })
    }
}

/// Can execution go from just after `from` to `to` without passing a join?
/// Leaving a loop that contains a join (`join_loops`), when `from` is not
/// in that loop, counts as passing it: the loop joins every thread started
/// before it (see `SpawnPoint::join_loops`).
fn reachable_avoiding(
    func: &crate::ir::Function,
    from: u32,
    to: u32,
    joins: &[u32],
    join_loops: &[JoinLoop],
) -> bool {
    reachable_avoiding_on(func, from, to, joins, join_loops, None)
}

/// [`reachable_avoiding`] for a start's joins: with the start's function's
/// branches on one condition (`sp.conds`), only on paths whose branches on
/// one unchanged condition value agree.
fn joins_reachable(func: &crate::ir::Function, sp: &SpawnPoint, from: u32, to: u32) -> bool {
    reachable_avoiding_on(
        func,
        from,
        to,
        &sp.joins,
        &sp.join_loops,
        sp.conds.as_deref(),
    )
}

fn reachable_avoiding_on(
    func: &crate::ir::Function,
    from: u32,
    to: u32,
    joins: &[u32],
    join_loops: &[JoinLoop],
    conds: Option<&Conditions>,
) -> bool {
    let block_of = |i: u32| func.block_of(i).map(|b| b as usize);
    let (Some(bf), Some(bt)) = (block_of(from), block_of(to)) else {
        return true;
    };
    if let Some(c) = conds {
        let loops: Vec<&JoinLoop> = join_loops.iter().filter(|l| !l.contains(bf)).collect();
        return c.reachable(func, from, to, joins, |b, s| {
            loops.iter().any(|l| l.leaves(b, s))
        });
    }
    let join_between = |b: usize, lo: u32, hi: u32| {
        joins
            .iter()
            .any(|j| block_of(*j) == Some(b) && *j > lo && *j < hi)
    };
    // Loops that join what was started at `from` (which lies outside them).
    let loops: Vec<&JoinLoop> = join_loops.iter().filter(|l| !l.contains(bf)).collect();
    let leaves_loop = |b: usize, s: usize| loops.iter().any(|l| l.leaves(b, s));
    let blk = &func.blocks[bf];
    if bf == bt && to > from && !join_between(bf, from, to) {
        return true;
    }
    if join_between(bf, from, blk.first + blk.len) {
        return false;
    }
    let mut seen = vec![false; func.blocks.len()];
    // The start's own block may end in the test of its result already
    // (`if (pthread_create(…))`): its failed edges hold there too.
    let mut work: Vec<u32> = blk
        .succs
        .iter()
        .copied()
        .filter(|&s| {
            !loops
                .iter()
                .any(|l| l.blocks.is_empty() && l.leaves(bf, s as usize))
        })
        .collect();
    while let Some(b) = work.pop() {
        let b = b as usize;
        if b >= seen.len() || seen[b] {
            continue;
        }
        seen[b] = true;
        let blk = &func.blocks[b];
        if b == bt && !join_between(b, blk.first.wrapping_sub(1), to) {
            return true;
        }
        if join_between(b, blk.first.wrapping_sub(1), blk.first + blk.len) {
            continue;
        }
        work.extend(
            blk.succs
                .iter()
                .copied()
                .filter(|&s| !leaves_loop(b, s as usize)),
        );
    }
    false
}

/// The loops around the join calls `joins` of `func`.
fn loops_of(func: &crate::ir::Function, joins: &[u32]) -> Vec<JoinLoop> {
    let n = func.blocks.len();
    let mut loops: Vec<JoinLoop> = Vec::new();
    for &j in joins {
        let Some(bj) = func.block_of(j) else { continue };
        if loops.iter().any(|l| l.contains(bj as usize)) {
            continue;
        }
        let blocks = func.loop_around(bj);
        if blocks.is_empty() {
            continue;
        }
        let inside = |b: usize| blocks.binary_search(&(b as u32)).is_ok();
        let exits: HashSet<u32> = blocks
            .iter()
            .flat_map(|&b| func.blocks[b as usize].succs.iter().copied())
            .filter(|&s| !inside(s as usize))
            .collect();
        // Enters the loop: the block is in it, or a chain of blocks with
        // one successor each leads there.
        let enters = |mut b: usize| {
            for _ in 0..8 {
                if inside(b) {
                    return true;
                }
                match func.blocks.get(b).map(|x| x.succs.as_slice()) {
                    Some([next]) => b = *next as usize,
                    _ => return false,
                }
            }
            false
        };
        let mut bypass = Vec::new();
        for g in (0..n).filter(|&g| !inside(g)) {
            let succs = &func.blocks[g].succs;
            if succs.len() != 2 {
                continue;
            }
            for (k, &e) in succs.iter().enumerate() {
                let other = succs[1 - k] as usize;
                if exits.contains(&e) && !inside(e as usize) && enters(other) {
                    bypass.push((g as u32, e));
                }
            }
        }
        loops.push(JoinLoop { blocks, bypass });
    }
    loops
}

/// The joins of the main thread, by function: joins of a handle loaded
/// from where `main` (`f_main`) stored what a `[[current_thread]]` model
/// (`pthread_self()`) returned, a place nothing else writes.
fn joins_of_main(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    memory: &Memory,
    f_main: FuncId,
) -> HashMap<FuncId, Vec<u32>> {
    use crate::ir::{InstKind, Value};
    let mut out: HashMap<FuncId, Vec<u32>> = HashMap::default();
    let target = |f: FuncId, callee: &crate::ir::Callee| {
        program.call_target(program.funcs[f as usize].module, callee)
    };
    let main = program.function(f_main);
    let current = |v: &Value| match v {
        Value::Inst(c) => match &main.insts[*c as usize].kind {
            InstKind::Call { callee, .. } => {
                target(f_main, callee).is_some_and(|t| index.of(t).current_thread.is_some())
            }
            _ => false,
        },
        _ => false,
    };
    let mut places: Vec<Ptr> = main
        .insts
        .iter()
        .filter_map(|inst| match &inst.kind {
            InstKind::Store { ptr, value, .. } if current(value) => {
                memory.ptr_of(program, f_main, ptr)
            }
            _ => None,
        })
        .filter(|p| !memory.is_collapsed(p.node))
        .collect();
    if places.is_empty() {
        return out;
    }
    // Drop places something else writes.
    for f in 0..program.funcs.len() as FuncId {
        let func = program.function(f);
        for inst in &func.insts {
            let written = match &inst.kind {
                InstKind::Store { ptr, value, .. } if !(f == f_main && current(value)) => ptr,
                InstKind::MemCopy { dst, .. } | InstKind::MemSet { dst, .. } => dst,
                _ => continue,
            };
            if let Some(p) = memory.ptr_of(program, f, written) {
                places.retain(|q| *q != p);
            }
        }
    }
    for f in 0..program.funcs.len() as FuncId {
        let func = program.function(f);
        for (i, inst) in func.insts.iter().enumerate() {
            let InstKind::Call { callee, .. } = &inst.kind else {
                continue;
            };
            let Some(jm) = target(f, callee).and_then(|t| index.of(t).join) else {
                continue;
            };
            let Some(Value::Inst(k)) = inst.kind.model_args().get(jm.arg as usize) else {
                continue;
            };
            let InstKind::Load { ptr, .. } = &func.insts[*k as usize].kind else {
                continue;
            };
            if memory
                .ptr_of(program, f, ptr)
                .is_some_and(|p| places.contains(&p))
            {
                out.entry(f).or_default().push(i as u32);
            }
        }
    }
    out
}

/// Drops the starts in functions no root reaches (from the roots nothing
/// starts, through calls and the starts in reached functions), and the
/// roots left with no start.
fn drop_unreached_starts(cg: &CallGraph, roots: &mut Vec<ThreadRoot>) {
    let mut live = vec![false; cg.calls.len()];
    let mut live_root: Vec<bool> = roots.iter().map(|r| r.spawned_at.is_empty()).collect();
    let mut work: Vec<FuncId> = roots
        .iter()
        .filter(|r| r.spawned_at.is_empty())
        .map(|r| r.func)
        .collect();
    loop {
        while let Some(f) = work.pop() {
            let Some(seen) = live.get_mut(f as usize) else {
                continue;
            };
            if std::mem::replace(seen, true) {
                continue;
            }
            work.extend(cg.calls[f as usize].values().flatten().copied());
        }
        let before = work.len();
        for (k, r) in roots.iter().enumerate() {
            if !live_root[k] && r.spawned_at.iter().any(|sp| live[sp.caller as usize]) {
                live_root[k] = true;
                work.push(r.func);
            }
        }
        if work.len() == before {
            break;
        }
    }
    roots.retain_mut(|r| {
        if r.spawned_at.is_empty() {
            return true;
        }
        r.spawned_at.retain(|sp| live[sp.caller as usize]);
        !r.spawned_at.is_empty()
    });
}

/// Whether code outside the input calls this function by name: not a
/// Rust-for-Linux `rust_helper_*` binding (only Rust calls those), and not
/// a Rust function of a crate other crates in the input depend on (the
/// kernel crate's or std's unused functions are not entry points; a leaf
/// crate's public functions are).
fn callable_from_outside(
    program: &Program<'_>,
    dependencies: &HashSet<String>,
    kernel: bool,
    f: FuncId,
) -> bool {
    let symbol = &program.funcs[f as usize].name;
    if symbol.starts_with("rust_helper_") {
        return false;
    }
    if symbol.starts_with("_ZN") || symbol.starts_with("_R") {
        // C calls Rust only through `#[no_mangle]` functions and tables.
        return !kernel && !dependencies.contains(&crate_of(&program.funcs[f as usize].demangled));
    }
    true
}

/// First path segment of a demangled Rust name (`<kernel::rcu::Guard as …>::drop` → `kernel`).
fn crate_of(demangled: &str) -> String {
    demangled
        .trim_start_matches('<')
        .split("::")
        .next()
        .unwrap_or("")
        .to_string()
}

/// Crates some other crate in the input calls into (plus Rust's library).
fn dependency_crates(program: &Program<'_>, cg: &CallGraph) -> HashSet<String> {
    let mut deps: HashSet<String> = ["std", "core", "alloc"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for callers in &cg.callers {
        for e in callers {
            let (a, b) = (
                &program.funcs[e.caller as usize],
                &program.funcs[e.callee as usize],
            );
            // Rust's library calling back into a crate (a closure or trait
            // impl run by std's generic code) does not make it a library.
            if (b.name.starts_with("_ZN") || b.name.starts_with("_R"))
                && !crate::program::is_rust_std_fn(&a.demangled)
            {
                let (ca, cb) = (crate_of(&a.demangled), crate_of(&b.demangled));
                if ca != cb {
                    deps.insert(cb);
                }
            }
        }
    }
    // Calls to declarations of other crates' functions count too.
    for m in program.modules {
        for func in m
            .functions
            .iter()
            .filter(|f| !f.is_declaration && !crate::program::is_rust_std_fn(m.str(f.demangled)))
        {
            let me = crate_of(m.str(func.demangled));
            for inst in &func.insts {
                if let crate::ir::InstKind::Call {
                    callee: crate::ir::Callee::Direct(n),
                    ..
                } = &inst.kind
                {
                    let name = m.str(*n);
                    if name.starts_with("_ZN") || name.starts_with("_R") {
                        let c = crate_of(
                            &m.functions
                                .iter()
                                .find(|g| g.name == *n)
                                .map(|g| m.str(g.demangled).to_string())
                                .unwrap_or_default(),
                        );
                        if !c.is_empty() && c != me {
                            deps.insert(c);
                        }
                    }
                }
            }
        }
    }
    deps
}

/// Per root that runs once and is the only one whose starts write its
/// handle's place: per function, the join calls of that handle, and the
/// calls of functions that pass such a join on every way to their return
/// (`reap() { pthread_join(worker, NULL); }`), to a fixpoint.
fn handle_joins(
    program: &Program<'_>,
    cg: &CallGraph,
    roots: &[ThreadRoot],
    join_calls: &HashMap<FuncId, Vec<(u32, Option<Ptr>)>>,
    carried: &HashMap<(FuncId, u32), Vec<Ptr>>,
) -> HashMap<usize, HashMap<FuncId, Vec<u32>>> {
    // Where each start keeps its handle: the place it writes it through
    // (`pthread_create(&t, …)`), or the places a handle returned as a
    // value is moved to (Rust).
    let places = |sp: &SpawnPoint| -> Vec<Ptr> {
        match sp.handle {
            Some(h) => vec![h],
            None => carried
                .get(&(sp.caller, sp.inst))
                .cloned()
                .unwrap_or_default(),
        }
    };
    let mut out = HashMap::default();
    for (k, root) in roots.iter().enumerate() {
        if !root.one_shot() || root.self_concurrent || root.spawned_at.is_empty() {
            continue;
        }
        let hs = places(&root.spawned_at[0]);
        if hs.is_empty() {
            continue;
        }
        if root
            .spawned_at
            .iter()
            .any(|sp| places(sp) != hs || sp.repeated)
        {
            continue;
        }
        // Another thread started into the same place: a join of it waits
        // for whichever start wrote it last.
        if roots.iter().enumerate().any(|(j, r)| {
            j != k
                && r.spawned_at
                    .iter()
                    .any(|sp| places(sp).iter().any(|p| hs.contains(p)))
        }) {
            continue;
        }
        let mut by_func: HashMap<FuncId, Vec<u32>> = HashMap::default();
        for (&g, calls) in join_calls {
            let js: Vec<u32> = calls
                .iter()
                .filter(|(_, place)| place.is_some_and(|p| hs.contains(&p)))
                .map(|(j, _)| *j)
                .collect();
            if !js.is_empty() {
                by_func.insert(g, js);
            }
        }
        if by_func.is_empty() {
            continue;
        }
        // Helpers that join on every way to their return, and their
        // callers' calls of them, until nothing changes.
        let mut done: HashSet<FuncId> = HashSet::default();
        loop {
            let joining: Vec<FuncId> = by_func
                .iter()
                .filter(|(g, js)| {
                    !done.contains(*g) && {
                        let func = program.function(**g);
                        func.insts
                            .iter()
                            .any(|x| matches!(x.kind, crate::ir::InstKind::Ret { .. }))
                            && func
                                .insts
                                .iter()
                                .enumerate()
                                .filter(|(_, x)| matches!(x.kind, crate::ir::InstKind::Ret { .. }))
                                .all(|(r, _)| !reachable_from_entry_avoiding(func, r as u32, js))
                    }
                })
                .map(|(g, _)| *g)
                .collect();
            if joining.is_empty() {
                break;
            }
            for g in joining {
                done.insert(g);
                for e in &cg.callers[g as usize] {
                    // Only a call that can reach nothing but joiners.
                    if cg
                        .targets(e.caller, e.inst)
                        .iter()
                        .all(|t| done.contains(t))
                    {
                        let v = by_func.entry(e.caller).or_default();
                        if !v.contains(&e.inst) {
                            v.push(e.inst);
                        }
                    }
                }
            }
        }
        out.insert(k, by_func);
    }
    out
}

/// Does `f` run at most once: it is `main`, init code, or a one-shot
/// thread's function, or it is called from exactly one place, outside any
/// loop, in a function that itself runs once?
fn runs_once(
    program: &Program<'_>,
    cg: &CallGraph,
    roots: &[ThreadRoot],
    f: FuncId,
    depth: usize,
) -> bool {
    if depth > 16 {
        return false;
    }
    if let Some(r) = roots.iter().find(|r| r.func == f) {
        // One root per start of a routine started at several places.
        if roots.iter().any(|q| q.func == f && q.instance != q.func) {
            return false;
        }
        return r.phase == Phase::Init
            || (r.one_shot() && !r.self_concurrent)
            || (r.context == Context::Thread && r.spawned_at.is_empty());
    }
    // A caller no root reaches never runs (the `FnOnce::call_once` shim in
    // the vtable of the closure a binary's runtime start calls its `fn
    // main` through, only the `Fn::call` of which is used).
    let live: Vec<_> = cg.callers[f as usize]
        .iter()
        .filter(|e| reached(cg, roots, e.caller, &mut HashSet::default()))
        .collect();
    match live.as_slice() {
        [e] => {
            !reachable_avoiding(program.function(e.caller), e.inst, e.inst, &[], &[])
                && runs_once(program, cg, roots, e.caller, depth + 1)
        }
        _ => false,
    }
}

/// Does the function that starts the thread at `sp` join it on every way
/// from the start to its return (or start it inside a `std::thread::scope`,
/// which joins it before it returns)?
fn joined_before_return(program: &Program<'_>, sp: &SpawnPoint) -> bool {
    if sp.repeated {
        return false;
    }
    if sp.scope.is_some() || sp.scope_call.is_some_and(|(zf, _)| zf == sp.caller) {
        return true;
    }
    let func = program.function(sp.caller);
    !sp.joins.is_empty()
        && func
            .insts
            .iter()
            .enumerate()
            .filter(|(_, x)| matches!(x.kind, crate::ir::InstKind::Ret { .. }))
            .all(|(r, _)| !joins_reachable(func, sp, sp.inst, r as u32))
}

/// The one root that runs the function starting the thread at `sp`, when
/// that function joins the thread before it returns and the root is one
/// instance (not `other`, the started thread itself) that cannot run it
/// twice at once (no recursion through it): each call's thread is then
/// over before the next call starts one, however often it is called.
fn sole_runner(
    program: &Program<'_>,
    cg: &CallGraph,
    roots: &[ThreadRoot],
    sp: &SpawnPoint,
    other: usize,
) -> Option<usize> {
    if !joined_before_return(program, sp) {
        return None;
    }
    // Root functions above `sp.caller` in the call graph.
    let mut seen: HashSet<FuncId> = HashSet::default();
    let mut work = vec![sp.caller];
    let mut tops: HashSet<FuncId> = HashSet::default();
    while let Some(f) = work.pop() {
        if !seen.insert(f) {
            continue;
        }
        if seen.len() > 512 {
            return None;
        }
        if roots.iter().any(|r| r.func == f) {
            tops.insert(f);
            continue;
        }
        for e in &cg.callers[f as usize] {
            // Recursion through the starting function: a call of it may
            // start the thread again while an earlier start still runs.
            if e.caller == sp.caller {
                return None;
            }
            work.push(e.caller);
        }
    }
    let runners: Vec<usize> = (0..roots.len())
        .filter(|&k| tops.contains(&roots[k].func))
        .collect();
    let [r] = runners.as_slice() else {
        return None;
    };
    let root = &roots[*r];
    let single = root.phase == Phase::Init
        || (root.one_shot() && !root.self_concurrent)
        || (root.context == Context::Thread && root.spawned_at.is_empty());
    (single && *r != other).then_some(*r)
}

/// May a call made by `from` reach `to`, through calls at any depth
/// (past 4096 functions seen: taken as yes)?
fn calls_reach(cg: &CallGraph, from: FuncId, to: FuncId) -> bool {
    let mut seen: HashSet<FuncId> = HashSet::default();
    let mut work = vec![from];
    while let Some(f) = work.pop() {
        if !seen.insert(f) {
            continue;
        }
        if seen.len() > 4096 {
            return true;
        }
        for callees in cg.calls[f as usize].values() {
            for &c in callees {
                if c == to {
                    return true;
                }
                work.push(c);
            }
        }
    }
    false
}

/// Is `f` a root or called, through callers up to 16 levels, from one?
/// (Past that: taken as reached.)
fn reached(cg: &CallGraph, roots: &[ThreadRoot], f: FuncId, seen: &mut HashSet<FuncId>) -> bool {
    if roots.iter().any(|r| r.func == f) || seen.len() > 16 {
        return true;
    }
    if !seen.insert(f) {
        return false;
    }
    cg.callers[f as usize]
        .iter()
        .any(|e| reached(cg, roots, e.caller, seen))
}

/// The inlined `std::thread::scope` instance (the location it was inlined
/// at) that instruction `i` of `f` is part of, if any.
fn scope_instance(program: &Program<'_>, index: &ModelIndex<'_>, f: FuncId, i: u32) -> Option<u32> {
    let m = program.module_of(f);
    let mut loc = program.function(f).insts.get(i as usize)?.loc;
    for _ in 0..64 {
        let l = m.locations.get(loc? as usize)?;
        if let (Some(scope), Some(_)) = (l.scope, l.inlined_at) {
            if index
                .closure_api_by_name(m.str(scope))
                .is_some_and(|sp| sp.scope)
            {
                return l.inlined_at;
            }
        }
        loc = l.inlined_at;
    }
    None
}

/// Where the user's code starts a thread that std starts inside a
/// closure-taking API that was not inlined (`thread::spawn`,
/// `Builder::spawn`, `Scope::spawn` at -O0): walking up from the OS-thread
/// start's caller through std's functions, the calls into them from
/// outside std (caller, call, the std function called), and whether a
/// closure std runs was on the way (the start may then repeat). `None`
/// when the start is not in std's code or no closure-taking API is on the
/// way.
fn lift_spawn(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    cg: &CallGraph,
    caller: FuncId,
) -> Option<Lifted> {
    let in_std = |f: FuncId| crate::program::is_rust_std_fn(&program.funcs[f as usize].demangled);
    if !in_std(caller) {
        return None;
    }
    // A closure std's code runs (`(0..n).map(|i| thread::spawn(…))` at
    // -O0) is walked through as well, up to the function that hands it to
    // std; not the closure a `thread::scope` runs, whose scope orders it.
    let through = |f: FuncId| {
        in_std(f)
            || (is_closure(&program.funcs[f as usize].demangled)
                && !cg.callers[f as usize].is_empty()
                && cg.callers[f as usize]
                    .iter()
                    .all(|e| !e.guessed && in_std(e.caller))
                && scope_call_of(index, cg, f).is_none())
    };
    let mut seen: HashSet<FuncId> = HashSet::from_iter([caller]);
    let mut work = vec![caller];
    let mut api: Option<FuncId> = None;
    let mut out: Vec<(FuncId, u32, FuncId)> = Vec::new();
    while let Some(g) = work.pop() {
        if index.closure_api(g).is_some() {
            api = Some(g);
        }
        for e in cg.callers[g as usize].iter().filter(|e| !e.guessed) {
            if through(e.caller) {
                if seen.insert(e.caller) {
                    if seen.len() > MAX_LIFT_FUNCTIONS {
                        return None;
                    }
                    work.push(e.caller);
                }
            } else {
                out.push((e.caller, e.inst, g));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    let repeated = seen.iter().any(|&g| !in_std(g));
    match api {
        Some(api) if !out.is_empty() => Some(Lifted {
            sites: out,
            api,
            repeated,
        }),
        _ => None,
    }
}

/// A thread start placed at the user's calls into std (see `lift_spawn`).
struct Lifted {
    /// (caller, call, the std function called).
    sites: Vec<(FuncId, u32, FuncId)>,
    /// A closure-taking API on the way (`std::thread::functions::spawn`).
    api: FuncId,
    /// A closure std runs was on the way: the start may repeat.
    repeated: bool,
}

/// Where one registration starts its thread: how std's start was lifted,
/// whether it may start again, and the start sites (with the start inside
/// a helper they were moved up from).
type Placed = (Option<Lifted>, bool, Vec<(StartSite, Option<Inner>)>);

/// Where a thread is started: caller, call, and the std function called
/// when the start was placed at a call into std.
type StartSite = (FuncId, u32, Option<FuncId>);

/// Starts placed in helpers that return without joining, moved to the
/// helpers' calls (up through at most `MAX_WRAPPER_DEPTH` helpers), each
/// with the start it was moved from (its site and whether that is a call
/// into std); and whether one was in a loop of its helper. A helper with a
/// join of its own, or that nothing in the input calls, keeps the start.
fn lift_wrappers(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    cg: &CallGraph,
    sites: &[StartSite],
    std_lifted: bool,
) -> (Vec<(StartSite, Option<Inner>)>, bool) {
    let mut out: Vec<(StartSite, Option<Inner>)> = Vec::new();
    let mut repeated = false;
    let mut work: Vec<(StartSite, usize, Option<Inner>)> =
        sites.iter().map(|&s| (s, 0, None)).collect();
    let mut seen: HashSet<FuncId> = HashSet::default();
    while let Some(((f, i, api), depth, inner)) = work.pop() {
        let callers: Vec<_> = cg.callers[f as usize]
            .iter()
            .filter(|e| !e.guessed && e.caller != f)
            .collect();
        // A thread started inside an inlined `std::thread::scope` is joined
        // before the scope ends: the helper does not return with it
        // running.
        // A named function only Rust's library calls (a binary's `fn main`,
        // which the runtime runs) is where the program starts, not a
        // helper; a closure std runs (`(0..n).map(|i| spawn(…))`) is.
        let entry = !is_closure(&program.funcs[f as usize].demangled)
            && program.language(f) == crate::ir::Language::Rust
            && callers.iter().all(|e| {
                crate::program::is_rust_std_code(&program.funcs[e.caller as usize].demangled)
            });
        let keeps = depth >= MAX_WRAPPER_DEPTH
            || callers.is_empty()
            || entry
            || !seen.insert(f)
            || scope_instance(program, index, f, i).is_some()
            || !joins_in(program, index, cg, f, true).is_empty();
        if keeps {
            out.push(((f, i, api), inner));
            continue;
        }
        // Started in a loop of the helper: the call may start it again.
        repeated |= reachable_avoiding(program.function(f), i, i, &[], &[]);
        let inner = inner.or(Some((f, i, std_lifted)));
        for e in callers {
            work.push(((e.caller, e.inst, None), depth + 1, inner));
        }
    }
    out.sort_unstable();
    out.dedup();
    (out, repeated)
}

/// The start a helper makes, for accesses inside the helper: its site and
/// whether that is a call into std (see `SpawnPoint::inner`).
type Inner = (FuncId, u32, bool);

/// Helpers a start is moved up through at most.
const MAX_WRAPPER_DEPTH: usize = 4;

/// Functions walked at most when lifting a spawn or looking for its scope.
const MAX_LIFT_FUNCTIONS: usize = 64;

/// The call of a non-inlined `std::thread::scope` (caller, call) that
/// function `f` always runs inside: every way up the call graph from `f`
/// reaches the scope API's closure before anything else without callers.
fn scope_call_of(index: &ModelIndex<'_>, cg: &CallGraph, f: FuncId) -> Option<(FuncId, u32)> {
    let mut found: Option<(FuncId, u32)> = None;
    let mut seen: HashSet<FuncId> = HashSet::from_iter([f]);
    let mut work = vec![f];
    while let Some(g) = work.pop() {
        let callers: Vec<_> = cg.callers[g as usize]
            .iter()
            .filter(|e| !e.guessed)
            .collect();
        if index.closure_api(g).is_some_and(|m| m.scope) {
            for e in callers {
                match found {
                    None => found = Some((e.caller, e.inst)),
                    Some(x) if x == (e.caller, e.inst) => {}
                    // Several scopes: which one this run is in is unknown.
                    Some(_) => return None,
                }
            }
            continue;
        }
        if callers.is_empty() {
            return None;
        }
        for e in callers {
            if seen.insert(e.caller) {
                if seen.len() > MAX_LIFT_FUNCTIONS {
                    return None;
                }
                work.push(e.caller);
            }
        }
    }
    found
}

/// Is instruction `i` of `f` inside the inlined instance that was inlined at `instance`?
fn in_instance(program: &Program<'_>, f: FuncId, i: u32, instance: u32) -> bool {
    let m = program.module_of(f);
    let mut loc = program
        .function(f)
        .insts
        .get(i as usize)
        .and_then(|x| x.loc);
    for _ in 0..64 {
        let Some(l) = loc.and_then(|l| m.locations.get(l as usize)) else {
            return false;
        };
        if l.inlined_at == Some(instance) {
            return true;
        }
        loc = l.inlined_at;
    }
    false
}

/// The pointer the value `v` of `func` was loaded through, seen through
/// casts (a handle loaded as a pointer and passed as an integer).
fn loaded_from<'f>(
    func: &'f crate::ir::Function,
    v: &crate::ir::Value,
) -> Option<&'f crate::ir::Value> {
    use crate::ir::{InstKind, Value};
    let mut v = v;
    for _ in 0..4 {
        let Value::Inst(i) = v else {
            return None;
        };
        match &func.insts.get(*i as usize)?.kind {
            InstKind::Load { ptr, .. } => return Some(ptr),
            InstKind::Cast { value, .. }
            | InstKind::PtrToInt { value }
            | InstKind::IntToPtr { value } => v = value,
            _ => return None,
        }
    }
    None
}
