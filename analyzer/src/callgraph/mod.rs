//! Call graph: direct calls, indirect calls resolved by points-to (ops
//! tables, function pointers stored at run time, Rust vtables), in petgraph,
//! with strongly connected components in bottom-up order.
//!
//! Calls to primitives (locks, marked accesses, spawns, allocators: anything
//! a model describes) are not edges: the models say what they do.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::ir::{Callee, InstKind};
use crate::memory::Memory;
use crate::program::{FuncId, ModelIndex, Primitive, Program, Target};

/// One call edge: `caller` calls `callee` at instruction `inst`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallEdge {
    pub caller: FuncId,
    pub inst: u32,
    pub callee: FuncId,
    /// Caller and callee are in different languages.
    pub ffi: bool,
    pub indirect: bool,
    /// Found by signature matching, not by points-to.
    pub guessed: bool,
}

pub struct CallGraph {
    pub graph: DiGraph<FuncId, CallEdge>,
    /// Per function: outgoing edges by call instruction.
    pub calls: Vec<HashMap<u32, Vec<FuncId>>>,
    pub callers: Vec<Vec<CallEdge>>,
    /// Indirect calls points-to left unresolved, whose targets are guesses
    /// by signature: (caller, call instruction).
    pub guessed_sites: HashSet<(FuncId, u32)>,
    /// SCCs, callees before callers.
    pub sccs: Vec<Vec<FuncId>>,
    pub edges: usize,
    pub ffi_edges: usize,
}

impl CallGraph {
    pub fn build(program: &Program<'_>, index: &ModelIndex<'_>, memory: &Memory) -> CallGraph {
        let n = program.funcs.len();
        let mut graph = DiGraph::with_capacity(n, n * 2);
        let nodes: Vec<NodeIndex> = (0..n as FuncId).map(|f| graph.add_node(f)).collect();
        let mut calls: Vec<HashMap<u32, Vec<FuncId>>> = vec![HashMap::default(); n];
        let mut callers: Vec<Vec<CallEdge>> = vec![Vec::new(); n];
        let mut guessed_sites = HashSet::default();
        let mut edges = 0;
        let mut ffi_edges = 0;
        let taken = AddressTaken::new(program, memory);
        for f in 0..n as FuncId {
            let func = program.function(f);
            let module = program.funcs[f as usize].module;
            for (i, inst) in func.insts.iter().enumerate() {
                let mut guessed = false;
                let (targets, indirect): (Vec<FuncId>, bool) = match &inst.kind {
                    InstKind::Call {
                        callee: Callee::Direct(name),
                        ..
                    } => match program.direct_target(module, *name) {
                        Some(Target::Defined(g))
                            if !index.of(Target::Defined(g)).is_primitive() =>
                        {
                            (vec![g], false)
                        }
                        // A primitive that runs its callback synchronously
                        // (pthread_once): the callback is called here.
                        _ => (
                            memory
                                .indirect_targets
                                .get(&(f, i as u32))
                                .cloned()
                                .unwrap_or_default(),
                            true,
                        ),
                    },
                    InstKind::Call {
                        callee: Callee::Indirect(_),
                        ..
                    } => match memory.indirect_targets.get(&(f, i as u32)) {
                        Some(t) => (t.clone(), true),
                        None => {
                            guessed = true;
                            guessed_sites.insert((f, i as u32));
                            (taken.signature_matches(program, f, i as u32), true)
                        }
                    },
                    // A return that runs exit handlers (`atexit` at the
                    // end of `main`, a key's destructor at the end of a
                    // thread) calls them there.
                    InstKind::Ret { .. } => match memory.indirect_targets.get(&(f, i as u32)) {
                        Some(t) => (t.clone(), true),
                        None => continue,
                    },
                    _ => continue,
                };
                for g in targets {
                    let ffi = program.language(f) != program.language(g)
                        && program.language(f) != crate::ir::Language::Unknown
                        && program.language(g) != crate::ir::Language::Unknown;
                    let e = CallEdge {
                        caller: f,
                        inst: i as u32,
                        callee: g,
                        ffi,
                        indirect,
                        guessed,
                    };
                    graph.add_edge(nodes[f as usize], nodes[g as usize], e);
                    calls[f as usize].entry(i as u32).or_default().push(g);
                    callers[g as usize].push(e);
                    edges += 1;
                    if ffi {
                        ffi_edges += 1;
                    }
                }
            }
        }
        // tarjan_scc yields SCCs in reverse topological order: callees first.
        let sccs = tarjan_scc(&graph)
            .into_iter()
            .map(|c| c.into_iter().map(|ix| graph[ix]).collect())
            .collect();
        CallGraph {
            graph,
            calls,
            callers,
            guessed_sites,
            sccs,
            edges,
            ffi_edges,
        }
    }

    pub fn targets(&self, f: FuncId, inst: u32) -> &[FuncId] {
        self.calls[f as usize]
            .get(&inst)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }
}

/// The address-taken functions by parameter count, each in function
/// order: the candidates of a guessed indirect call are read from its own
/// arity, not from every address-taken function (a kernel has tens of
/// thousands of each; scanning all of them per call grew with the square
/// of the program).
struct AddressTaken {
    by_arity: HashMap<usize, Vec<FuncId>>,
}

impl AddressTaken {
    fn new(program: &Program<'_>, memory: &Memory) -> AddressTaken {
        let mut taken: Vec<FuncId> = memory.address_taken.iter().copied().collect();
        taken.sort_unstable();
        let mut by_arity: HashMap<usize, Vec<FuncId>> = HashMap::default();
        for g in taken {
            by_arity
                .entry(program.function(g).params.len())
                .or_default()
                .push(g);
        }
        AddressTaken { by_arity }
    }

    /// Candidates for an indirect call points-to could not resolve: the
    /// address-taken functions whose parameters match the call's arguments
    /// in number and pointer-ness. Kept only when there are few (a guess
    /// among hundreds would only add noise); `SEAM_DEBUG` lists what stays
    /// unresolved.
    fn signature_matches(&self, program: &Program<'_>, f: FuncId, i: u32) -> Vec<FuncId> {
        const MAX_CANDIDATES: usize = 8;
        // Rust's indirect calls go through vtables, which points-to
        // resolves; what stays unresolved is std's formatting and panic
        // machinery.
        if program.language(f) != crate::ir::Language::C {
            return Vec::new();
        }
        let InstKind::Call { args, .. } = &program.function(f).insts[i as usize].kind else {
            return Vec::new();
        };
        let caller = program.function(f);
        let arg_is_ptr: Vec<Option<bool>> = args
            .iter()
            .map(|a| match a {
                crate::ir::Value::Global { .. } | crate::ir::Value::Null => Some(true),
                crate::ir::Value::Int(_) => Some(false),
                crate::ir::Value::Arg(k) => caller.params.get(*k as usize).map(|p| p.is_ptr),
                _ => None,
            })
            .collect();
        let mut out = Vec::new();
        for &g in self.by_arity.get(&args.len()).into_iter().flatten() {
            let fits = program
                .function(g)
                .params
                .iter()
                .zip(&arg_is_ptr)
                .all(|(p, a)| a.is_none_or(|a| a == p.is_ptr));
            if fits {
                if out.len() == MAX_CANDIDATES {
                    return Vec::new();
                }
                out.push(g);
            }
        }
        out
    }
}
