use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::Cell;
use std::collections::{BTreeMap, VecDeque};

use seam_models::{AtExit, Context, ParamKind, ReturnKind, SpawnModel};

use super::prototype::Prototype;
use crate::ir::{Callee, InstKind, StrId, TypeId, Value};
use crate::program::{FuncId, GlobalId, ModelIndex, Primitive, Program, Symbol, Target};

pub type NodeId = u32;

/// A pointer: an abstract object and a byte offset into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ptr {
    pub node: NodeId,
    pub off: i64,
}

/// Where an abstract object comes from (an object can have several after unification).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    Global(GlobalId),
    /// Stack slot: function and alloca instruction.
    Stack(FuncId, u32),
    /// Heap allocation: function and call instruction.
    Alloc(FuncId, u32),
    /// Memory that comes from outside the input, named by its type
    /// (`struct my_dev`) or by the external function that returned it.
    External(String),
    /// What a root's parameter points to, when nothing in the input says more.
    Param(FuncId, u32),
    /// A function's code (function pointers point here).
    Function(FuncId),
}

#[derive(Clone, Debug, Default)]
struct Node {
    parent: NodeId,
    /// Offset of this node's byte 0 inside its parent.
    delta: i64,
    rank: u32,
    collapsed: bool,
    /// What is stored at each offset (only pointers matter).
    fields: BTreeMap<i64, Ptr>,
    functions: Vec<FuncId>,
    origins: Vec<Origin>,
    /// Debug-info type of the object at offset 0: (module, type).
    di_type: Option<(u32, TypeId)>,
    /// Addressed through a per-CPU offset (`per_cpu_ptr`, `this_cpu_ptr`)
    /// or defined in a `.data..percpu` section.
    per_cpu: bool,
    /// Made by something that is never per-CPU: a stack slot, a heap
    /// allocation, an ordinary global, code. A class with both flags is
    /// a merge of unrelated objects and is not treated as per-CPU.
    not_per_cpu: bool,
    /// Made by a global that can be written (not `constant`). Kept as a
    /// flag because `origins` is capped.
    writable_global: bool,
    /// Made by a `__thread` global: each thread's copy is its own, like a
    /// stack slot, until a pointer to it is stored in shared memory.
    thread_local: bool,
    /// Some variable index into it is a CPU number (`ucode_cpu_info[cpu]`).
    cpu_slots: bool,
    /// Some variable index into it is not a CPU number.
    other_slots: bool,
}

/// What the kCFI-style shape test of a call reads of a function, packed
/// in one array: the indirect-call rounds check every function of a class
/// (thousands) against every call, and reading each `Function` where its
/// module keeps it was most of their time.
#[derive(Clone, Copy)]
struct CallShape {
    declaration: bool,
    variadic: bool,
    language: crate::ir::Language,
    /// A hash of the LLVM function type (0: unknown).
    sig: u64,
    ret: crate::ir::Ret,
    params: usize,
    /// Bit k: parameter k is a pointer (the first 64).
    ptr_params: u64,
}

impl CallShape {
    fn of(func: &crate::ir::Function) -> CallShape {
        CallShape {
            declaration: func.is_declaration,
            variadic: func.variadic,
            language: func.language,
            sig: func.sig,
            ret: func.ret(),
            params: func.params.len(),
            ptr_params: func
                .params
                .iter()
                .take(64)
                .enumerate()
                .fold(0, |m, (k, p)| m | (u64::from(p.is_ptr) << k)),
        }
    }

    /// Would a call of this shape reach this function under the kernel's
    /// kCFI check (which hashes the whole C type: parameters and result)?
    /// `result` is the call's result type when it is known.
    fn accepts(&self, arity: usize, ptr_args: u64, result: Option<crate::ir::Ret>) -> bool {
        if self.declaration {
            return true;
        }
        if result.is_some_and(|r| r != self.ret) {
            return false;
        }
        let count = self.params == arity || (self.variadic && self.params <= arity);
        let mask = if self.params >= 64 {
            u64::MAX
        } else {
            (1u64 << self.params) - 1
        };
        count && (self.ptr_params ^ ptr_args) & mask == 0
    }

    /// The one call shape this function accepts, or `None` when it may
    /// accept several (a declaration, a variadic function).
    fn key(&self) -> Option<ShapeKey> {
        (!self.declaration && !self.variadic).then_some((self.ret, self.params, self.ptr_params))
    }
}

/// What a spawn site asks of its callbacks (see `Solver::callback_want`):
/// the model's callback shape (arity, pointer-parameter bits, result), a
/// C caller (which never starts Rust std's own functions), and the
/// structs its data argument points to, outermost first.
struct CallbackWant {
    shape: Option<(usize, u64, Option<crate::ir::Ret>)>,
    c_caller: bool,
    data_chain: Option<Vec<String>>,
}

/// A call's shape as kCFI's arity/pointer/result test sees it: (result,
/// arguments, pointer-argument bits). A function that is neither a
/// declaration nor variadic accepts exactly the calls of its own key.
type ShapeKey = (crate::ir::Ret, usize, u64);

/// The functions of one class, by the call shape they accept: a call looks
/// only at the functions of its own shape, and at the few that may accept
/// several (`wild`). Lists only grow, by appending, like the class's.
#[derive(Default)]
struct ShapeIndex {
    exact: HashMap<ShapeKey, Vec<FuncId>>,
    wild: Vec<FuncId>,
}

/// Appends `small` to `big` keeping the longer list in front (see
/// `unify_one`).
fn append_longer_first(big: &mut Vec<FuncId>, mut small: Vec<FuncId>) {
    if small.len() > big.len() {
        std::mem::swap(&mut small, big);
    }
    big.extend(small);
}

/// The key a static-call trampoline reads its target from.
struct StaticKey {
    key: GlobalId,
    /// Offset of the function pointer in the key.
    off: u64,
    /// For keys that start NULL: (struct or union, member) whose
    /// function-pointer type the call has.
    typed_as: Option<(String, String)>,
}

/// The functions of one callback list that fit a spawn model, with the
/// list they were taken from (first function, length).
type FittingCallbacks = (FuncId, usize, Vec<FuncId>);

/// A thread/callback registration found in the code.
#[derive(Clone, Debug)]
pub struct SpawnSite {
    pub caller: FuncId,
    pub inst: u32,
    pub callee: FuncId,
    /// The points-to instance of `callee` this start runs: its own id, or
    /// a copy bound to this start's data alone (see
    /// [`Solver::start_instance`]).
    pub instance: Instance,
    pub context: Context,
    pub self_concurrent: bool,
    /// Name of the registering function (`request_threaded_irq`).
    pub via: String,
}

/// One copy of a function in the points-to graph: a function's own id for
/// its original, ids past the last function for the copies small helpers
/// get per call site (see [`Solver::clone_for`]).
pub type Instance = u32;

/// Helpers at most this big (instructions) are copied per call site.
const MAX_CLONE_INSTS: usize = 64;
/// Copies inside copies, at most this deep (`list_add` → `__list_add` →
/// `__list_add_valid`).
const MAX_CLONE_DEPTH: u8 = 4;
/// The same for Rust's library at -O0, where nothing is inlined: an `Arc`'s
/// drop is `drop_in_place` → `Drop::drop` → `drop_slow` → `mem::drop` →
/// `drop_in_place::<Weak>` → `Weak::drop` before it reaches the allocation.
const MAX_RUST_CLONE_INSTS: usize = 128;
const MAX_RUST_CLONE_DEPTH: u8 = 8;

/// The function instance `x` is a copy of (originals, the first `funcs`
/// ids, are their own).
fn instance_func(funcs: usize, clone_funcs: &[FuncId], x: Instance) -> FuncId {
    if (x as usize) < funcs {
        x
    } else {
        clone_funcs[x as usize - funcs]
    }
}

/// What a variable array index is (see [`Solver::slot_index`]).
enum SlotIndex {
    /// A CPU number.
    Cpu,
    /// Read out of a structure (`dev->id`): says neither.
    Field,
    Other,
}

/// Where an integer came from, for [`Solver::int_source`].
enum IntSource {
    /// A load out of this global (or an element of it).
    LoadOf(StrId),
    /// An inline asm result: its template and the globals among its operands.
    Asm(StrId, Vec<StrId>),
    /// A parameter of the function, by its debug-info name.
    Param(Option<StrId>),
    /// The result of a direct call to this symbol.
    Call(StrId),
    /// A load from memory that is neither a global nor a stack slot
    /// (`dev->id`).
    Field,
}

#[derive(Clone, Copy)]
enum Pending {
    /// Indirect call: (calling instance, inst, callee pointer).
    Call(Instance, u32, Ptr),
    /// Spawn through a model: (calling instance, inst, model index).
    Spawn(Instance, u32, usize),
}

/// The solved points-to graph, frozen: every query is read-only.
pub struct Memory {
    nodes: Vec<Node>,
    /// Per instance: pointer of each instruction result (node u32::MAX = none).
    inst_ptrs: Vec<Vec<Ptr>>,
    /// The function of each copy (instances past the last function).
    clone_funcs: Vec<FuncId>,
    /// (calling instance, call instruction) → the copy it calls.
    clone_at: HashMap<(Instance, u32), Instance>,
    param_ptrs: Vec<Vec<Ptr>>,
    ret_ptrs: Vec<Ptr>,
    global_nodes: Vec<NodeId>,
    /// Indirect call sites → resolved targets.
    pub indirect_targets: HashMap<(FuncId, u32), Vec<FuncId>>,
    /// Indirect calls no points-to target was found for.
    pub unresolved: Vec<(FuncId, u32)>,
    pub spawns: Vec<SpawnSite>,
    /// Functions whose address is taken (stored, passed, in initializers).
    pub address_taken: HashSet<FuncId>,
    /// Calls that run their callback once for the whole program
    /// (`pthread_once`, `call_once`): its accesses happen before every
    /// such call returns, in any thread.
    pub once_calls: HashSet<(FuncId, u32)>,
    /// Nodes reachable from globals, external objects or data handed to
    /// another thread: the rest never leaves the thread that made it.
    shared: Vec<bool>,
    /// Per function: its promoted pointer slots (see `slots`).
    promoted: Vec<Option<std::sync::Arc<super::slots::Promoted>>>,
    /// Parameters (instance, index) some call hands an element pointer
    /// taken by a run-time index (`addref(&cache[i])`): what the callee
    /// reaches through it may be any element (closed programs only).
    indexed_params: HashSet<(Instance, u32)>,
}

const NONE: Ptr = Ptr {
    node: u32::MAX,
    off: 0,
};
/// Origins kept per object (for naming; unification can merge thousands).
const MAX_ORIGINS: usize = 16;
/// Rounds of indirect-call, spawn and copy resolution.
const MAX_FIXPOINT_ROUNDS: usize = 32;
/// Instructions copies of start routines may add beyond the program's own
/// size (a small program starting one routine from several places).
const MIN_START_BUDGET: usize = 1 << 16;
/// Instructions copies of small helpers may add at least (half the
/// program's size past that): a small Rust program whose every
/// `thread::spawn` calls std's out-of-line `Thread::new` copies that
/// helper's tree per start, and half of a few thousand instructions ran out
/// after eight starts, making one object of the later starts' closures,
/// and a lock helper called at four sites had no room for a copy per call.
const MIN_CLONE_BUDGET: usize = 1 << 16;
/// Objects with more pointer fields than this are not copied field by field.
const MAX_COPY_FIELDS: usize = 256;

struct Solver<'p, 'm> {
    program: &'p Program<'m>,
    /// `SEAM_DEBUG_COLLAPSE` or `SEAM_DEBUG_UNIFY`: the instruction whose
    /// constraints are being added, printed when they collapse an object
    /// (why a struct lost its fields) or merge a watched one.
    debug_collapse: Option<(FuncId, u32)>,
    /// `SEAM_DEBUG_COLLAPSE` is set.
    print_collapses: bool,
    /// `SEAM_DEBUG_UNIFY=text`: merges of an object whose origins mention
    /// `text` (`Alloc(7, 29)`), or of node `#n`, are printed with the
    /// instruction that made them (why two objects are one).
    debug_unify: Option<String>,
    index: &'p ModelIndex<'p>,
    nodes: Vec<Node>,
    inst_ptrs: Vec<Vec<Ptr>>,
    param_ptrs: Vec<Vec<Ptr>>,
    ret_ptrs: Vec<Ptr>,
    global_nodes: Vec<NodeId>,
    func_nodes: HashMap<FuncId, NodeId>,
    external_nodes: HashMap<String, NodeId>,
    queue: VecDeque<(Ptr, Ptr)>,
    pending: Vec<Pending>,
    spawn_models: Vec<&'p SpawnModel>,
    bound: HashSet<(FuncId, u32, FuncId)>,
    indirect_targets: HashMap<(FuncId, u32), Vec<FuncId>>,
    spawns: Vec<SpawnSite>,
    address_taken: HashSet<FuncId>,
    /// Functions whose address an instruction takes (not only a global's
    /// initializer): see `member_typed_targets`.
    code_taken: HashSet<FuncId>,
    memcopies: Vec<(Ptr, Ptr, Option<u64>)>,
    /// Where each of `memcopies` is (`SEAM_DEBUG_COLLAPSE` names it).
    memcopy_sites: Vec<(FuncId, u32)>,
    has_direct_caller: HashSet<FuncId>,
    once_calls: HashSet<(FuncId, u32)>,
    /// Exit handlers registered (`atexit`, `pthread_key_create`): when they
    /// run, the handler, and the registering model (its `exit_calls`).
    exit_handlers: Vec<(AtExit, FuncId, &'p SpawnModel)>,
    /// Per C function: the struct its pointer parameters point to (kCFI-style
    /// target filtering, see `types_fit`).
    param_structs: Vec<Option<Vec<Option<String>>>>,
    /// Per function: stack slot → values stored to it.
    slot_stores: HashMap<FuncId, HashMap<u32, Vec<Value>>>,
    /// Per indirect call: the struct each argument points to, when known.
    arg_structs: HashMap<(FuncId, u32), Vec<Option<Vec<String>>>>,
    /// kCFI prototypes: per indirect call (of the function pointer it
    /// loads, when debug info names it and some function has it), per C
    /// function, and the exact ones some defined C function has.
    call_protos: HashMap<(FuncId, u32), Option<Prototype>>,
    fn_protos: Vec<Option<Option<Prototype>>>,
    defined_protos: Option<HashSet<String>>,
    /// `[[static_call]]`: trampoline symbol → (key global, offset of its
    /// function pointer).
    static_keys: HashMap<String, StaticKey>,
    /// `[[static_call]]` update functions: (key argument, function
    /// argument, offset of the key's function pointer).
    static_updates: HashMap<Target, (u32, u32, u64)>,
    shapes: Vec<CallShape>,
    /// Per class holding functions (by representative): its functions by
    /// call shape.
    class_shapes: HashMap<NodeId, ShapeIndex>,
    /// Per indirect call: the first function and length of the callee
    /// class's function list when the call was last resolved.
    call_seen: HashMap<(FuncId, u32, bool), (FuncId, usize)>,
    /// Per memcpy: source class, its field count and destination class
    /// when the copy was last applied.
    copy_seen: Vec<(NodeId, usize, NodeId)>,
    /// Per spawn: its callback lists (first function, length) when last
    /// resolved.
    spawn_seen: HashMap<(Instance, u32), Vec<(FuncId, usize)>>,
    /// Per spawn call and callback: the list seen (first function,
    /// length) and those of its functions that fit the model.
    spawn_fit: HashMap<(Instance, u32, u32), FittingCallbacks>,
    /// Per thread start (caller, call, start routine): the instance of the
    /// routine it runs (see [`Solver::start_instance`]).
    start_insts: HashMap<(FuncId, u32, FuncId), Instance>,
    /// Start routines some start already runs the original instance of.
    started: HashSet<FuncId>,
    /// Instructions copies of start routines may still add (a budget of
    /// their own: the copies of small helpers may have used theirs up in a
    /// small program).
    start_budget: usize,
    /// Registrations already recorded (a copy of the registering function
    /// makes the same registration again).
    registered: HashSet<(FuncId, u32, FuncId)>,
    /// Parameters calls do not bind (see `inert`).
    inert: HashMap<FuncId, u64>,
    /// Per function: small enough and simple enough to be copied per call
    /// site (see [`Solver::clone_for`]).
    clonable: Vec<bool>,
    /// Per alias symbol of a Rust function (rustc and LLVM fold identical
    /// monomorphisations into one body and alias the others to it): the
    /// instance standing for the function that symbol names.
    alias_insts: HashMap<String, Instance>,
    clone_funcs: Vec<FuncId>,
    clone_depth: Vec<u8>,
    clone_at: HashMap<(Instance, u32), Instance>,
    /// Instructions copies may still add (bounds time and memory).
    clone_budget: usize,
    /// Closures handed to std's closure-taking APIs (see `closures`).
    closures: super::closures::Closures,
    /// Per function: Rust's library code (its calls do not bind a
    /// closure's copies, and make no copies of library helpers).
    library: Vec<bool>,
    /// Per function: code of a crate std is built from (see
    /// `is_std_dep_fn`), part of `library`.
    std_deps: Vec<bool>,
    /// Per function: the drop glue of a std closure wrapping the user's
    /// (see `is_user_closure_drop`): library code that copies the library
    /// helpers it calls.
    user_closure_drops: Vec<bool>,
    /// What closures started in new threads carry: shared.
    closure_roots: Vec<Ptr>,
    /// Per external function: some module declares it returning a pointer.
    ext_returns_ptr: Vec<bool>,
    /// Per function, once asked: its pointer variables kept in stack slots
    /// whose loads read the stores reaching them (see `slots`).
    promoted: Vec<Option<Option<std::sync::Arc<super::slots::Promoted>>>>,
}

impl Memory {
    pub fn solve(program: &Program<'_>, index: &ModelIndex<'_>) -> Memory {
        let closures = super::closures::Closures::find(program, index);
        let std_deps: Vec<bool> = (0..program.funcs.len() as FuncId)
            .map(|f| is_std_dep_fn(program, f))
            .collect();
        let library: Vec<bool> = (0..program.funcs.len() as FuncId)
            .map(|f| is_library_code(program, f, std_deps[f as usize]))
            .collect();
        let mut s = Solver {
            program,
            index,
            nodes: Vec::new(),
            inst_ptrs: Vec::new(),
            param_ptrs: Vec::new(),
            ret_ptrs: Vec::new(),
            global_nodes: Vec::new(),
            func_nodes: HashMap::default(),
            external_nodes: HashMap::default(),
            queue: VecDeque::new(),
            pending: Vec::new(),
            spawn_models: Vec::new(),
            bound: HashSet::default(),
            indirect_targets: HashMap::default(),
            spawns: Vec::new(),
            address_taken: HashSet::default(),
            code_taken: HashSet::default(),
            memcopies: Vec::new(),
            memcopy_sites: Vec::new(),
            has_direct_caller: HashSet::default(),
            once_calls: HashSet::default(),
            exit_handlers: Vec::new(),
            param_structs: vec![None; program.funcs.len()],
            slot_stores: HashMap::default(),
            arg_structs: HashMap::default(),
            call_protos: HashMap::default(),
            fn_protos: vec![None; program.funcs.len()],
            defined_protos: None,
            static_keys: static_call_keys(program, index),
            static_updates: static_call_updates(program, index),
            shapes: (0..program.funcs.len() as FuncId)
                .map(|f| CallShape::of(program.function(f)))
                .collect(),
            class_shapes: HashMap::default(),
            call_seen: HashMap::default(),
            copy_seen: Vec::new(),
            spawn_seen: HashMap::default(),
            spawn_fit: HashMap::default(),
            start_insts: HashMap::default(),
            started: HashSet::default(),
            start_budget: (0..program.funcs.len() as FuncId)
                .map(|f| program.function(f).insts.len())
                .sum::<usize>()
                + MIN_START_BUDGET,
            registered: HashSet::default(),
            inert: super::inert::inert_params(program, index),
            debug_collapse: (std::env::var_os("SEAM_DEBUG_COLLAPSE").is_some()
                || std::env::var_os("SEAM_DEBUG_UNIFY").is_some())
            .then_some((0, 0)),
            print_collapses: std::env::var_os("SEAM_DEBUG_COLLAPSE").is_some(),
            debug_unify: std::env::var("SEAM_DEBUG_UNIFY").ok(),
            clonable: {
                let open = open_helpers(program);
                (0..program.funcs.len() as FuncId)
                    .map(|f| clonable(program, index, &open, std_deps[f as usize], f))
                    .collect()
            },
            alias_insts: HashMap::default(),
            clone_funcs: Vec::new(),
            clone_depth: Vec::new(),
            clone_at: HashMap::default(),
            clone_budget: (0..program.funcs.len() as FuncId)
                .map(|f| program.function(f).insts.len())
                .sum::<usize>()
                .div_ceil(2)
                .max(MIN_CLONE_BUDGET),
            closures,
            library,
            std_deps,
            user_closure_drops: (0..program.funcs.len() as FuncId)
                .map(|f| is_user_closure_drop(program, f))
                .collect(),
            closure_roots: Vec::new(),
            ext_returns_ptr: ext_returns_ptr(program),
            promoted: vec![None; program.funcs.len()],
        };
        // `SEAM_TIMINGS=1`: the solver's steps too.
        let timings = std::env::var_os("SEAM_TIMINGS").is_some();
        let mut clock = std::time::Instant::now();
        let mut lap = |step: &str| {
            if timings {
                eprintln!(
                    "seam: memory: {step} {:.2} s",
                    clock.elapsed().as_secs_f64()
                );
            }
            clock = std::time::Instant::now();
        };
        s.init();
        lap("init");
        for f in 0..program.funcs.len() as FuncId {
            s.constraints(f);
        }
        s.drain();
        lap("constraints");
        s.debug_at(FuncId::MAX, 0);
        s.external_params();
        s.fixpoint();
        lap("calls");
        s.debug_at(FuncId::MAX, 1);
        s.merge_by_type();
        s.fixpoint();
        if s.settle_starts() {
            s.fixpoint();
        }
        lap("types");
        let m = s.freeze();
        lap("freeze");
        m
    }

    /// Representative and offset of a pointer.
    pub fn norm(&self, p: Ptr) -> Ptr {
        if p.node == u32::MAX {
            return p;
        }
        let mut n = p.node;
        let mut off = p.off;
        while self.nodes[n as usize].parent != n {
            off += self.nodes[n as usize].delta;
            n = self.nodes[n as usize].parent;
        }
        if self.nodes[n as usize].collapsed {
            off = 0;
        }
        Ptr { node: n, off }
    }

    /// What `v` (an operand in function `f`, its original instance) points to.
    pub fn ptr_of(&self, program: &Program<'_>, f: FuncId, v: &Value) -> Option<Ptr> {
        self.ptr_in(program, f, v)
    }

    /// The function an instance is a copy of.
    pub fn func_of(&self, x: Instance) -> FuncId {
        instance_func(
            self.param_ptrs.len() - self.clone_funcs.len(),
            &self.clone_funcs,
            x,
        )
    }

    /// The instance of `callee` the call `(caller, inst)` runs: the copy
    /// made for that call site, else the original.
    pub fn callee_instance(&self, caller: Instance, inst: u32, callee: FuncId) -> Instance {
        match self.clone_at.get(&(caller, inst)) {
            Some(&c) if self.func_of(c) == callee => c,
            _ => callee,
        }
    }

    /// Copies of small helpers made per call site.
    pub fn clone_count(&self) -> usize {
        self.clone_funcs.len()
    }

    /// What `v` (an operand of instance `x`) points to.
    pub fn ptr_in(&self, program: &Program<'_>, x: Instance, v: &Value) -> Option<Ptr> {
        let p = match v {
            Value::Inst(i) => *self.inst_ptrs[x as usize].get(*i as usize)?,
            Value::Arg(a) => *self.param_ptrs[x as usize].get(*a as usize)?,
            Value::Global { name, offset } => {
                let f = self.func_of(x);
                let m = program.funcs[f as usize].module;
                match program.resolve(m, *name)? {
                    Symbol::Global(g) => Ptr {
                        node: self.global_nodes[g as usize],
                        off: *offset,
                    },
                    _ => return None,
                }
            }
            _ => return None,
        };
        if p.node == u32::MAX {
            return None;
        }
        Some(self.norm(p))
    }

    pub fn is_collapsed(&self, node: NodeId) -> bool {
        self.nodes[node as usize].collapsed
    }

    pub fn is_shared(&self, node: NodeId) -> bool {
        self.shared.get(node as usize).copied().unwrap_or(true)
    }

    /// Per-CPU memory (`DEFINE_PER_CPU`, `alloc_percpu`): each CPU works on
    /// its own copy, reached through `this_cpu_ptr`/`per_cpu_ptr` or the
    /// `%gs`-relative `this_cpu_*` operations. `node` is a representative.
    pub fn is_per_cpu(&self, node: NodeId) -> bool {
        let n = &self.nodes[node as usize];
        (n.per_cpu && !n.not_per_cpu)
            || (n.cpu_slots
                && !n.other_slots
                && !n.collapsed
                && n.origins.iter().all(|o| {
                    // A stack copy (`struct ucode_cpu_info uci` passed to
                    // the same helper) is one thread's own.
                    matches!(
                        o,
                        Origin::Global(_)
                            | Origin::Stack(..)
                            | Origin::External(_)
                            | Origin::Param(..)
                    )
                }))
    }

    pub fn origins(&self, node: NodeId) -> &[Origin] {
        &self.nodes[node as usize].origins
    }

    pub fn di_type(&self, node: NodeId) -> Option<(u32, TypeId)> {
        self.nodes[node as usize].di_type
    }

    /// Functions a pointer to this node may call.
    pub fn functions(&self, node: NodeId) -> &[FuncId] {
        &self.nodes[node as usize].functions
    }

    /// The pointer stored at `p` (its pointee), if any is known.
    pub fn field(&self, p: Ptr) -> Option<Ptr> {
        let p = self.norm(p);
        self.nodes[p.node as usize]
            .fields
            .get(&p.off)
            .map(|q| self.norm(*q))
    }

    /// Pointers stored in the object `p` points to, at or after `p`
    /// (offset relative to `p`, pointee).
    pub fn pointer_fields(&self, p: Ptr) -> Vec<(i64, Ptr)> {
        let p = self.norm(p);
        self.nodes[p.node as usize]
            .fields
            .range(p.off..)
            .map(|(o, q)| (*o - p.off, self.norm(*q)))
            .collect()
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// The values stored to a promoted pointer slot (-O0 local variable)
    /// that reach load `i` of `ptr` in `f`; empty for other instructions.
    pub fn slot_values(&self, f: FuncId, ptr: &Value, i: u32) -> Vec<Value> {
        self.promoted
            .get(f as usize)
            .and_then(|p| p.as_ref())
            .map(|p| p.stored_at(ptr, i))
            .unwrap_or_default()
    }

    /// Pointer slots read flow-sensitively, and the merge points their
    /// loads need (per function, not per copy).
    pub fn promoted_counts(&self) -> (usize, usize) {
        self.promoted
            .iter()
            .flatten()
            .fold((0, 0), |(s, m), p| (s + p.slots.len(), m + p.merges.len()))
    }

    /// Does some call hand parameter `k` of instance `x` an element
    /// pointer taken by a run-time index (see `Solver::indexed_params`)?
    pub fn indexed_param(&self, x: Instance, k: u32) -> bool {
        self.indexed_params.contains(&(x, k))
    }

    /// The same for some instance of function `f`.
    pub fn indexed_param_any(&self, f: FuncId, k: u32) -> bool {
        !self.indexed_params.is_empty()
            && self
                .indexed_params
                .iter()
                .any(|&(x, j)| j == k && self.func_of(x) == f)
    }
}

impl<'p, 'm> Solver<'p, 'm> {
    fn new_node(&mut self, origin: Option<Origin>) -> NodeId {
        let id = self.nodes.len() as NodeId;
        let mut n = Node {
            parent: id,
            ..Node::default()
        };
        if let Some(o) = origin {
            match &o {
                Origin::Global(g) => {
                    let glob = self.program.global(*g);
                    n.thread_local = glob.thread_local;
                    n.writable_global = !glob.is_constant && !glob.thread_local;
                    let m =
                        &self.program.modules[self.program.globals[*g as usize].module as usize];
                    if glob.section.is_some_and(|s| m.str(s).contains("..percpu")) {
                        n.per_cpu = true;
                    } else {
                        n.not_per_cpu = true;
                    }
                }
                Origin::Stack(..) | Origin::Alloc(..) | Origin::Function(_) => n.not_per_cpu = true,
                Origin::External(_) | Origin::Param(..) => {}
            }
            n.origins.push(o);
        }
        self.nodes.push(n);
        id
    }

    fn fresh(&mut self, origin: Option<Origin>) -> Ptr {
        Ptr {
            node: self.new_node(origin),
            off: 0,
        }
    }

    fn find(&mut self, n: NodeId) -> (NodeId, i64) {
        let mut path = Vec::new();
        let mut cur = n;
        let mut total = 0;
        while self.nodes[cur as usize].parent != cur {
            path.push(cur);
            total += self.nodes[cur as usize].delta;
            cur = self.nodes[cur as usize].parent;
        }
        // Path compression: each node on the path now points at the root
        // with its accumulated delta.
        let root = cur;
        let mut acc = total;
        for &p in &path {
            let d = self.nodes[p as usize].delta;
            self.nodes[p as usize].parent = root;
            self.nodes[p as usize].delta = acc;
            acc -= d;
        }
        (root, total)
    }

    fn norm(&mut self, p: Ptr) -> Ptr {
        let (r, d) = self.find(p.node);
        let off = if self.nodes[r as usize].collapsed {
            0
        } else {
            p.off + d
        };
        Ptr { node: r, off }
    }

    fn unify(&mut self, a: Ptr, b: Ptr) {
        if a.node == u32::MAX || b.node == u32::MAX {
            return;
        }
        self.queue.push_back((a, b));
        self.drain();
    }

    fn drain(&mut self) {
        while let Some((a, b)) = self.queue.pop_front() {
            self.unify_one(a, b);
        }
    }

    fn unify_one(&mut self, a: Ptr, b: Ptr) {
        let a = self.norm(a);
        let b = self.norm(b);
        if a.node == b.node {
            if a.off != b.off {
                self.collapse(a.node);
            }
            return;
        }
        // The parent's frame survives, so it must be the enclosing object:
        // the child's byte 0 lands at a non-negative offset `d` inside it
        // (b.off + d == a.off). At equal frames, a node that stands for a
        // real object (origin, debug type) wins over a placeholder, then rank.
        let da = a.off - b.off;
        let anchored = |n: &Node| !n.origins.is_empty() || n.di_type.is_some();
        let a_parent = if da != 0 {
            da > 0
        } else {
            let (na, nb) = (&self.nodes[a.node as usize], &self.nodes[b.node as usize]);
            match (anchored(na), anchored(nb)) {
                (true, false) => true,
                (false, true) => false,
                _ => na.rank >= nb.rank,
            }
        };
        let (parent, child, d) = if a_parent {
            (a.node, b.node, da)
        } else {
            (b.node, a.node, -da)
        };
        if self.debug_unify.is_some() {
            self.debug_merge(parent, child, d);
        }
        if self.nodes[parent as usize].rank == self.nodes[child as usize].rank {
            self.nodes[parent as usize].rank += 1;
        }
        let child_node = std::mem::take(&mut self.nodes[child as usize]);
        self.nodes[child as usize].parent = parent;
        self.nodes[child as usize].delta = d;
        let collapse = child_node.collapsed;
        if let Some(child_shapes) = self.class_shapes.remove(&child) {
            let ps = self.class_shapes.entry(parent).or_default();
            for (k, list) in child_shapes.exact {
                append_longer_first(ps.exact.entry(k).or_default(), list);
            }
            append_longer_first(&mut ps.wild, child_shapes.wild);
        }
        {
            let pn = &mut self.nodes[parent as usize];
            pn.per_cpu |= child_node.per_cpu;
            pn.not_per_cpu |= child_node.not_per_cpu;
            pn.cpu_slots |= child_node.cpu_slots;
            pn.other_slots |= child_node.other_slots;
            pn.writable_global |= child_node.writable_global;
            pn.thread_local |= child_node.thread_local;
            // A function is put on its own node once and lists move whole
            // on a merge, so lists never overlap: append, no dedup. The
            // longer list stays in front, so a call that saw a list
            // (recognised by its first function) only has to look at what
            // was appended since (`fixpoint`).
            append_longer_first(&mut pn.functions, child_node.functions);
            for o in child_node.origins {
                // Past the cap, keep one origin of each kind (what
                // thread-locality and type merging ask about).
                let full = pn.origins.len() >= MAX_ORIGINS;
                if full
                    && pn
                        .origins
                        .iter()
                        .any(|x| std::mem::discriminant(x) == std::mem::discriminant(&o))
                {
                    continue;
                }
                if full || !pn.origins.contains(&o) {
                    pn.origins.push(o);
                }
            }
        }
        if d == 0 {
            let lang = |t: Option<(u32, TypeId)>| {
                t.map(|(m, _)| self.program.modules[m as usize].language)
            };
            let (pt, ct) = (self.nodes[parent as usize].di_type, child_node.di_type);
            // Several types start at byte 0 (a struct and its first
            // member): the enclosing, larger one names the object; at equal
            // size the C one (kernel engineers think in C struct names).
            let size = |t: Option<(u32, TypeId)>| {
                t.and_then(|(m, t)| {
                    self.program.modules[m as usize]
                        .types
                        .get(t as usize)
                        .map(|x| x.size)
                })
                .unwrap_or(0)
            };
            let better = match (pt, ct) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some(_), Some(_)) => {
                    size(ct) > size(pt)
                        || (size(ct) == size(pt)
                            && lang(pt) != Some(crate::ir::Language::C)
                            && lang(ct) == Some(crate::ir::Language::C))
                }
            };
            if better {
                self.nodes[parent as usize].di_type = ct;
            }
        }
        for (off, target) in child_node.fields {
            let at = off + d;
            let existing = if self.nodes[parent as usize].collapsed {
                self.nodes[parent as usize].fields.get(&0).copied()
            } else {
                self.nodes[parent as usize].fields.get(&at).copied()
            };
            match existing {
                Some(e) => self.queue.push_back((e, target)),
                None => {
                    let key = if self.nodes[parent as usize].collapsed {
                        0
                    } else {
                        at
                    };
                    self.nodes[parent as usize].fields.insert(key, target);
                }
            }
        }
        if collapse {
            self.collapse(parent);
        }
    }

    /// `SEAM_DEBUG_COLLAPSE`/`SEAM_DEBUG_UNIFY`: constraints from
    /// instruction `i` of `f` next (`FuncId::MAX`: a phase, see
    /// `debug_site`).
    fn debug_at(&mut self, f: FuncId, i: u32) {
        if self.debug_collapse.is_some() {
            self.debug_collapse = Some((f, i));
        }
    }

    /// Where the constraints being added come from (see `debug_at`).
    fn debug_site(&self) -> String {
        let Some((f, i)) = self.debug_collapse else {
            return String::new();
        };
        if f == FuncId::MAX {
            return ["external parameters", "merge by type"][i as usize].to_string();
        }
        let m = self.program.module_of(f);
        let at = self.program.function(f).insts[i as usize]
            .loc
            .and_then(|l| m.locations.get(l as usize))
            .map(|l| format!("{}:{}", m.str(l.file), l.line))
            .unwrap_or_default();
        format!("{} inst {i} {at}", self.program.funcs[f as usize].demangled)
    }

    /// `SEAM_DEBUG_UNIFY`: prints the merge of `child` into `parent` (at
    /// byte `d` of it) when either is watched. A copy's instructions are
    /// named by the function copied.
    fn debug_merge(&self, parent: NodeId, child: NodeId, d: i64) {
        let Some(want) = &self.debug_unify else {
            return;
        };
        let show = |n: NodeId| {
            let o = &self.nodes[n as usize].origins;
            format!("{:?}", &o[..o.len().min(4)])
        };
        let (ps, cs) = (show(parent), show(child));
        let watched = |n: NodeId, s: &str| s.contains(want.as_str()) || *want == format!("#{n}");
        if watched(parent, &ps) || watched(child, &cs) {
            eprintln!(
                "seam: unify: node {parent} {ps} <- node {child} {cs} at +{d}, at {}",
                self.debug_site()
            );
        }
    }

    fn collapse(&mut self, n: NodeId) {
        let (r, _) = self.find(n);
        if self.nodes[r as usize].collapsed {
            return;
        }
        self.nodes[r as usize].collapsed = true;
        if self.print_collapses {
            let origins: Vec<_> = self.nodes[r as usize].origins.iter().take(3).collect();
            eprintln!(
                "seam: collapse: node {r} {origins:?} at {}",
                self.debug_site()
            );
        }
        let fields = std::mem::take(&mut self.nodes[r as usize].fields);
        let mut it = fields.into_values();
        if let Some(first) = it.next() {
            self.nodes[r as usize].fields.insert(0, first);
            for t in it {
                self.queue.push_back((first, t));
            }
        }
    }

    /// The pointer stored at `p`, created on first use.
    fn field(&mut self, p: Ptr) -> Ptr {
        let p = self.norm(p);
        if let Some(&t) = self.nodes[p.node as usize].fields.get(&p.off) {
            return t;
        }
        let t = self.fresh(None);
        self.nodes[p.node as usize].fields.insert(p.off, t);
        // A typed pointer member (`struct my_dev *dev` at this offset) types
        // what it points to.
        if let Some((m, ty)) = self.nodes[p.node as usize].di_type {
            if let Some(pointee) = pointer_member_at(self.program, m, ty, p.off) {
                self.nodes[t.node as usize].di_type = Some((m, pointee));
            }
        }
        t
    }

    fn func_node(&mut self, f: FuncId) -> NodeId {
        if let Some(&n) = self.func_nodes.get(&f) {
            return n;
        }
        let n = self.new_node(Some(Origin::Function(f)));
        self.nodes[n as usize].functions.push(f);
        let idx = self.class_shapes.entry(n).or_default();
        match self.shapes[f as usize].key() {
            Some(k) => idx.exact.entry(k).or_default().push(f),
            None => idx.wild.push(f),
        }
        self.func_nodes.insert(f, n);
        n
    }

    fn external_node(&mut self, name: &str) -> NodeId {
        if let Some(&n) = self.external_nodes.get(name) {
            return n;
        }
        let n = self.new_node(Some(Origin::External(name.to_string())));
        self.external_nodes.insert(name.to_string(), n);
        n
    }

    fn init(&mut self) {
        let p = self.program;
        for g in 0..p.globals.len() as GlobalId {
            let n = self.new_node(Some(Origin::Global(g)));
            let glob = p.global(g);
            if let Some(t) = glob.di_type {
                let module = p.globals[g as usize].module;
                self.nodes[n as usize].di_type =
                    Some((module, strip_alias(&p.modules[module as usize].types, t)));
            }
            self.global_nodes.push(n);
        }
        for f in 0..p.funcs.len() as FuncId {
            self.push_instance(f);
        }
        // Initializers: ops tables, vtables, pointers to other globals.
        for g in 0..p.globals.len() as GlobalId {
            let glob = p.global(g);
            let module = p.globals[g as usize].module;
            let base = Ptr {
                node: self.global_nodes[g as usize],
                off: 0,
            };
            for (off, v) in &glob.pointers {
                if let Some(t) = self.value_in_module(module, v, None) {
                    let slot = Ptr {
                        node: base.node,
                        off: *off as i64,
                    };
                    let fld = self.field(slot);
                    self.unify(fld, t);
                }
            }
        }
    }

    /// The global behind `ptr` when it is a run-time index into it
    /// (`table[i]`) and the global is a table of at least two functions and
    /// nothing else. Constant or not: the kernel's dispatch tables
    /// (`fn_handler[]`, `k_handler[]`, hid's `dispatch_type[]`) are plain
    /// `static` arrays, constant only once the optimiser has seen nothing
    /// write them, and a variable index otherwise reads only the first.
    fn indexed_function_table(&self, f: FuncId, ptr: &Value) -> Option<GlobalId> {
        let Value::Inst(j) = ptr else { return None };
        let func = self.program.function(f);
        let InstKind::Gep {
            base: Value::Global { name, .. },
            index: Some(_),
            ..
        } = &func.insts.get(*j as usize)?.kind
        else {
            return None;
        };
        let module = self.program.funcs[f as usize].module;
        let Some(Symbol::Global(g)) = self.program.resolve(module, *name) else {
            return None;
        };
        let glob = self.program.global(g);
        let gm = self.program.globals[g as usize].module;
        let functions = glob.pointers.iter().all(|(_, v)| {
            matches!(v, Value::Global { name, offset: 0 }
                if matches!(self.program.resolve(gm, *name), Some(Symbol::Func(_))))
        });
        (glob.pointers.len() >= 2 && functions).then_some(g)
    }

    /// Fresh parameter, return and instruction pointers for a new instance
    /// of `f`.
    fn push_instance(&mut self, f: FuncId) {
        let p = self.program;
        let func = p.function(f);
        let params: Vec<Ptr> = (0..func.params.len()).map(|_| self.fresh(None)).collect();
        for (i, prm) in func.params.iter().enumerate() {
            if let Some(t) = prm.di_type {
                let module = p.funcs[f as usize].module;
                if let Some(pointee) = pointee_type(p, module, t) {
                    self.nodes[params[i].node as usize].di_type = Some((module, pointee));
                }
            }
        }
        self.param_ptrs.push(params);
        let r = self.fresh(None);
        self.ret_ptrs.push(r);
        self.inst_ptrs.push(vec![NONE; func.insts.len()]);
    }

    /// The instance a direct call `(x, i)` to `g` binds: a copy of `g` for
    /// this call site when `g` is a small helper (`__list_add`,
    /// `INIT_LIST_HEAD`, a driver's `static inline` accessor), else `g`.
    /// Unification binds a function's parameters once for every caller,
    /// which makes one object of every list head passed to `__list_add`;
    /// a copy per call site keeps the callers' objects apart (call-site
    /// sensitivity, k = [`MAX_CLONE_DEPTH`]).
    fn clone_for(&mut self, x: Instance, i: u32, g: FuncId) -> Instance {
        if !self.clonable[g as usize] {
            return g;
        }
        let n = self.program.funcs.len();
        let len = self.program.function(g).insts.len();
        let max_len = if self.library[g as usize] {
            MAX_RUST_CLONE_INSTS
        } else {
            MAX_CLONE_INSTS
        };
        if len > max_len {
            return g;
        }
        // Rust's library helpers are copied for the user's calls (and
        // inside those copies), not for the library's own: its internal
        // plumbing stays one object per type, and the budget goes where the
        // user's data is. The crates std is built from are no plumbing but
        // data structures working on the user's data, and one of their
        // large functions hands two of its objects to one small helper:
        // hashbrown's `reserve_rehash` probes both the table it grows into
        // (a local `ScopeGuard`) and, through `rehash_in_place`, the table
        // itself (inside the user's `ArcInner`), and without a copy per
        // call site there the two were one object.
        if (x as usize) < n
            && self.library[x as usize]
            && !self.user_closure_drops[x as usize]
            && !self.std_deps[x as usize]
            && self.library[g as usize]
        {
            return g;
        }
        if let Some(&c) = self.clone_at.get(&(x, i)) {
            return c;
        }
        let n = self.program.funcs.len();
        let depth = if (x as usize) < n {
            0
        } else {
            self.clone_depth[x as usize - n]
        };
        let max_depth = if self.library[g as usize] {
            MAX_RUST_CLONE_DEPTH
        } else {
            MAX_CLONE_DEPTH
        };
        if depth >= max_depth || self.clone_budget < len || self.func_of(x) == g {
            return g;
        }
        self.clone_budget -= len;
        let c = (n + self.clone_funcs.len()) as Instance;
        self.clone_funcs.push(g);
        self.clone_depth.push(depth + 1);
        self.clone_at.insert((x, i), c);
        self.push_instance(g);
        self.constraints(c);
        c
    }

    /// The instance a direct call `(x, i)` binds when it names Rust
    /// function `g` through an alias (`name` is not `g`'s own symbol): one
    /// instance per alias, standing for the monomorphisation that symbol
    /// was before identical code folding made it an alias of `g`. At -O2
    /// every thread's `__rust_begin_short_backtrace::<F>` running the
    /// spawn hooks has the same code; one body for all of them would make
    /// one object of every thread's closure.
    fn alias_instance(&mut self, x: Instance, i: u32, name: &str, g: FuncId) -> Option<Instance> {
        if !self.library[g as usize]
            || !self.clonable[g as usize]
            || name == self.program.funcs[g as usize].name
        {
            return None;
        }
        if let Some(&c) = self.alias_insts.get(name) {
            self.clone_at.insert((x, i), c);
            return Some(c);
        }
        let len = self.program.function(g).insts.len();
        if self.clone_budget < len {
            return None;
        }
        self.clone_budget -= len;
        let c = (self.program.funcs.len() + self.clone_funcs.len()) as Instance;
        self.clone_funcs.push(g);
        self.clone_depth.push(0);
        self.alias_insts.insert(name.to_string(), c);
        self.clone_at.insert((x, i), c);
        self.push_instance(g);
        self.constraints(c);
        Some(c)
    }

    /// The instance of start routine `g` that the thread start `(f, i)`
    /// runs. Binding every start's data to one instance makes the thread
    /// started with `NULL` reach what another start hands over (`&tally`),
    /// so main's write between the two starts looks concurrent with it.
    /// The first start of `g` runs its original; each further start gets a
    /// copy of its own (within the copy budget), bound to that start's
    /// data alone. [`Solver::settle_starts`] decides afterwards whether
    /// the copies are kept apart.
    fn start_instance(&mut self, f: FuncId, i: u32, g: FuncId) -> Instance {
        if let Some(&c) = self.start_insts.get(&(f, i, g)) {
            return c;
        }
        let len = self.program.function(g).insts.len();
        let c = if self.started.insert(g) || self.start_budget < len {
            g
        } else {
            self.start_budget -= len;
            let c = (self.program.funcs.len() + self.clone_funcs.len()) as Instance;
            self.clone_funcs.push(g);
            self.clone_depth.push(0);
            self.push_instance(g);
            self.constraints(c);
            c
        };
        self.start_insts.insert((f, i, g), c);
        c
    }

    /// Start routines run by several starts, each its own instance (see
    /// [`Solver::start_instance`]): kept apart when the starts hand over
    /// different data (what their data parameters point to differs, or one
    /// hands over nothing: `NULL`, an integer), so each start is a thread
    /// root of its own. When every start hands over the same, the copies
    /// tell nothing apart: the original gets their data and every start
    /// runs it, as before. Returns whether anything was unified.
    fn settle_starts(&mut self) -> bool {
        let mut groups: BTreeMap<(FuncId, u8), Vec<usize>> = BTreeMap::new();
        for (k, sp) in self.spawns.iter().enumerate() {
            if sp.instance != sp.callee
                || self.start_insts.get(&(sp.caller, sp.inst, sp.callee)) == Some(&sp.callee)
            {
                groups
                    .entry((sp.callee, sp.context as u8))
                    .or_default()
                    .push(k);
            }
        }
        let mut unified = false;
        for ((g, _), sites) in groups {
            if sites.len() < 2 || sites.iter().all(|&k| self.spawns[k].instance == g) {
                continue;
            }
            // What each start's data parameter points to; a placeholder
            // no object was bound to (`NULL`, an integer) is nothing.
            let data: Vec<Option<Ptr>> = sites
                .iter()
                .map(|&k| {
                    let x = self.spawns[k].instance;
                    let d = self.start_data(k)?;
                    let p = *self.param_ptrs[x as usize].get(d as usize)?;
                    let q = self.norm(p);
                    (!self.nodes[q.node as usize].origins.is_empty()).then_some(q)
                })
                .collect();
            if data.iter().all(|d| *d == data[0]) {
                for &k in &sites {
                    let x = self.spawns[k].instance;
                    if x == g {
                        continue;
                    }
                    if let Some(d) = self.start_data(k) {
                        if let (Some(&a), Some(&b)) = (
                            self.param_ptrs[x as usize].get(d as usize),
                            self.param_ptrs[g as usize].get(d as usize),
                        ) {
                            self.unify(a, b);
                            unified = true;
                        }
                    }
                    self.spawns[k].instance = g;
                }
            }
        }
        unified
    }

    /// The parameter of its start routine that registration `k` hands its
    /// data to.
    fn start_data(&self, k: usize) -> Option<u32> {
        let s = &self.spawns[k];
        let func = self.program.function(s.caller);
        let module = self.program.funcs[s.caller as usize].module;
        match &func.insts.get(s.inst as usize)?.kind {
            InstKind::Call { callee, .. } => {
                let model = self
                    .index
                    .of(self.program.call_target(module, callee)?)
                    .spawn?;
                model.data.map(|_| model.data_param)
            }
            _ => None,
        }
    }

    /// Pointer for a constant/global operand in `module` (no function context).
    fn value_in_module(&mut self, module: u32, v: &Value, user: Option<FuncId>) -> Option<Ptr> {
        let Value::Global { name, offset } = v else {
            return None;
        };
        match self.program.resolve(module, *name)? {
            Symbol::Global(g) => Some(Ptr {
                node: self.global_nodes[g as usize],
                off: *offset,
            }),
            Symbol::Func(f) => {
                if user.is_some() {
                    self.code_taken.insert(f);
                }
                self.address_taken.insert(f);
                Some(Ptr {
                    node: self.func_node(f),
                    off: *offset,
                })
            }
            Symbol::External(e) => {
                let name = self.program.externals[e as usize].clone();
                Some(Ptr {
                    node: self.external_node(&name),
                    off: *offset,
                })
            }
        }
    }

    fn func_of(&self, x: Instance) -> FuncId {
        instance_func(self.program.funcs.len(), &self.clone_funcs, x)
    }

    fn inst_ptr(&mut self, x: Instance, i: u32) -> Ptr {
        let cur = self.inst_ptrs[x as usize][i as usize];
        if cur.node != u32::MAX {
            return cur;
        }
        let p = self.fresh(None);
        self.inst_ptrs[x as usize][i as usize] = p;
        p
    }

    fn val(&mut self, x: Instance, v: &Value) -> Option<Ptr> {
        match v {
            Value::Inst(i) => Some(self.inst_ptr(x, *i)),
            Value::Arg(a) => self.param_ptrs[x as usize].get(*a as usize).copied(),
            Value::Global { .. } => {
                let f = self.func_of(x);
                let m = self.program.funcs[f as usize].module;
                self.value_in_module(m, v, Some(f))
            }
            _ => None,
        }
    }

    fn set(&mut self, x: Instance, i: u32, p: Option<Ptr>) {
        if let Some(p) = p {
            let me = self.inst_ptr(x, i);
            self.unify(me, p);
        }
    }

    /// Constraints of one instance of a function: the original, or a copy
    /// made for one call site (see [`Solver::clone_for`]).
    fn constraints(&mut self, x: Instance) {
        let f = self.func_of(x);
        let program = self.program;
        let func = program.function(f);
        let module = program.funcs[f as usize].module;
        let promoted = self.promoted_slots(f);
        // This instance's merge points of promoted slots: each holds what
        // the stores reaching it stored.
        let merges: Vec<Ptr> = match &promoted {
            Some(pr) => {
                let ms: Vec<Ptr> = pr.merges.iter().map(|_| self.fresh(None)).collect();
                for (m, defs) in pr.merges.iter().enumerate() {
                    for d in defs {
                        if let Some(p) = self.def_ptr(x, d, &ms) {
                            self.unify(ms[m], p);
                        }
                    }
                }
                ms
            }
            None => Vec::new(),
        };
        // Code only a panic runs (landing pads, the drops after them,
        // `catch_unwind`'s catch storing the payload over the closure it
        // ran) binds what the normal path keeps apart: with panic=unwind
        // it made one object of a thread's boxed main and its vtable, and
        // the thread was never found. Analysed as its panic=abort twin.
        let unwind_only = func.unwind_only();
        for (i, inst) in func.insts.iter().enumerate() {
            if unwind_only.get(i) == Some(&true) {
                continue;
            }
            let i = i as u32;
            self.debug_at(f, i);
            match &inst.kind {
                // A promoted slot's load reads the stores that reach it;
                // its stores bind nothing in the slot.
                InstKind::Load { ptr, .. } | InstKind::Store { ptr, .. }
                    if promoted.as_ref().is_some_and(|pr| pr.is_promoted(ptr)) =>
                {
                    if let InstKind::Load { ptr, .. } = &inst.kind {
                        if let Some(d) = promoted.as_ref().and_then(|pr| pr.load_def(ptr, i)) {
                            let p = self.def_ptr(x, d, &merges);
                            self.set(x, i, p);
                        }
                    }
                }
                InstKind::Alloca { di_type, .. } => {
                    let p = self.fresh(Some(Origin::Stack(f, i)));
                    if let Some(t) = di_type {
                        self.nodes[p.node as usize].di_type = Some((module, *t));
                    }
                    self.set(x, i, Some(p));
                }
                InstKind::Load { ptr, .. } => {
                    if let Some(p) = self.val(x, ptr) {
                        let t = self.field(p);
                        // A run-time index into a table of functions (`pthread_create(…, starters[i], …)`)
                        // loads any of its entries, not only the first.
                        if let Some(g) = self.indexed_function_table(f, ptr) {
                            let entries: Vec<i64> = self
                                .program
                                .global(g)
                                .pointers
                                .iter()
                                .map(|(o, _)| *o as i64)
                                .collect();
                            for o in entries {
                                let e = self.field(Ptr {
                                    node: self.global_nodes[g as usize],
                                    off: o,
                                });
                                self.unify(t, e);
                            }
                        }
                        self.set(x, i, Some(t));
                    }
                }
                InstKind::Store { ptr, value, .. } if is_pointerish(value) => {
                    if let (Some(p), Some(v)) = (self.val(x, ptr), self.val(x, value)) {
                        let t = self.field(p);
                        self.unify(t, v);
                    }
                }
                InstKind::AtomicRmw { ptr, value, .. } => {
                    if let Some(p) = self.val(x, ptr) {
                        let t = self.field(p);
                        if is_pointerish(value) {
                            if let Some(v) = self.val(x, value) {
                                self.unify(t, v);
                            }
                        }
                        self.set(x, i, Some(t));
                    }
                }
                InstKind::CmpXchg { ptr, new, .. } => {
                    if let Some(p) = self.val(x, ptr) {
                        let t = self.field(p);
                        if is_pointerish(new) {
                            if let Some(v) = self.val(x, new) {
                                self.unify(t, v);
                            }
                        }
                        self.set(x, i, Some(t));
                    }
                }
                InstKind::Gep {
                    base,
                    offset,
                    const_part,
                    index,
                    ..
                } => {
                    // A variable index collapses an array to its first element.
                    let off = offset.unwrap_or(*const_part);
                    if let Some(b) = self.val(x, base) {
                        let p = Ptr {
                            node: b.node,
                            off: b.off + off,
                        };
                        self.set(x, i, Some(p));
                        // Optimised `per_cpu_ptr`/`this_cpu_ptr`: a byte GEP
                        // by the per-CPU offset.
                        // An array indexed by CPU number (`ucode_cpu_info[cpu]`,
                        // `foo[smp_processor_id()]`) is per-CPU data kept
                        // by hand: each CPU owns its slot, and a variable
                        // index is otherwise taken as slot 0.
                        // An index read out of a structure (`dev->id` of a
                        // CPU device in sysfs) says neither.
                        if let Some(x) = index {
                            let r = self.norm(p).node;
                            if self.is_percpu_offset(f, x, 6) {
                                self.nodes[r as usize].per_cpu = true;
                            } else {
                                match self.slot_index(f, x, 16) {
                                    SlotIndex::Cpu => self.nodes[r as usize].cpu_slots = true,
                                    SlotIndex::Field => {}
                                    SlotIndex::Other => self.nodes[r as usize].other_slots = true,
                                }
                            }
                        }
                    }
                }
                InstKind::Cast { value, .. }
                | InstKind::PtrToInt { value }
                | InstKind::IntToPtr { value } => {
                    let v = self.val(x, value);
                    self.set(x, i, v);
                }
                InstKind::BinOp { lhs, rhs, .. } => {
                    // Integer arithmetic on an address stays on the object
                    // when the other operand is a constant (alignment masks,
                    // tagged pointers) or a per-CPU offset (`per_cpu_ptr`:
                    // `ptr + __per_cpu_offset[cpu]`; `this_cpu_ptr`: `ptr +`
                    // the `%gs:this_cpu_off` read). Two values combined
                    // otherwise (`p - q`, `a * b`) name no object.
                    let (lp, rp) = (is_pointerish(lhs), is_pointerish(rhs));
                    let base = match (lp, rp) {
                        (true, false) => Some((lhs, false)),
                        (false, true) => Some((rhs, false)),
                        (true, true) if self.is_percpu_offset(f, rhs, 6) => Some((lhs, true)),
                        (true, true) if self.is_percpu_offset(f, lhs, 6) => Some((rhs, true)),
                        _ => None,
                    };
                    if let Some((b, per_cpu)) = base {
                        if let Some(p) = self.val(x, b) {
                            self.set(x, i, Some(p));
                            if per_cpu {
                                let r = self.norm(p).node;
                                self.nodes[r as usize].per_cpu = true;
                            }
                        }
                    }
                }
                InstKind::Phi { incoming } => {
                    for (v, _) in incoming {
                        if is_pointerish(v) {
                            let p = self.val(x, v);
                            self.set(x, i, p);
                        }
                    }
                }
                InstKind::Select {
                    then, otherwise, ..
                } => {
                    for v in [then, otherwise] {
                        if is_pointerish(v) {
                            let p = self.val(x, v);
                            self.set(x, i, p);
                        }
                    }
                }
                InstKind::ExtractValue { aggregate, .. } => {
                    let p = self.val(x, aggregate);
                    self.set(x, i, p);
                }
                InstKind::InsertValue {
                    aggregate, value, ..
                } => {
                    for v in [aggregate, value] {
                        if is_pointerish(v) {
                            let p = self.val(x, v);
                            self.set(x, i, p);
                        }
                    }
                }
                InstKind::MemCopy { dst, src, len, .. } => {
                    if let (Some(d), Some(s)) = (self.val(x, dst), self.val(x, src)) {
                        self.memcopies.push((d, s, *len));
                        self.memcopy_sites.push((f, i));
                    }
                }
                InstKind::Ret { value: Some(v) } if is_pointerish(v) => {
                    if let Some(p) = self.val(x, v) {
                        let r = self.ret_ptrs[x as usize];
                        self.unify(r, p);
                    }
                }
                InstKind::Call { callee, args, .. } => self.call(x, module, i, callee, args),
                InstKind::Asm {
                    args,
                    memory_operands,
                    ..
                } => {
                    // Asm that stores or exchanges a pointer (arm64's `stlr`
                    // in rcu_assign_pointer, `xchg`): the other operands may
                    // be stored into the memory operand, and the result may
                    // be loaded from it (`ldar`).
                    for &k in memory_operands {
                        let Some(m) = args.get(k as usize).and_then(|a| self.val(x, a)) else {
                            continue;
                        };
                        let slot = self.field(m);
                        for (j, a) in args.iter().enumerate() {
                            if j as u32 != k
                                && !memory_operands.contains(&(j as u32))
                                && is_pointerish(a)
                            {
                                if let Some(v) = self.val(x, a) {
                                    self.unify(slot, v);
                                }
                            }
                        }
                        self.set(x, i, Some(slot));
                    }
                }
                _ => {}
            }
        }
    }

    /// Function `f`'s promoted pointer slots (computed once per function).
    fn promoted_slots(&mut self, f: FuncId) -> Option<std::sync::Arc<super::slots::Promoted>> {
        if self.promoted[f as usize].is_none() {
            let t = std::time::Instant::now();
            let p = super::slots::promote(self.program.function(f)).map(std::sync::Arc::new);
            super::slots::PROMOTE_NANOS.fetch_add(
                t.elapsed().as_nanos() as u64,
                std::sync::atomic::Ordering::Relaxed,
            );
            self.promoted[f as usize] = Some(p);
        }
        self.promoted[f as usize].clone().flatten()
    }

    /// What a definition of a promoted slot points to in instance `x`.
    fn def_ptr(&mut self, x: Instance, d: &super::slots::Def, merges: &[Ptr]) -> Option<Ptr> {
        match d {
            super::slots::Def::Nothing => None,
            super::slots::Def::Value(v) => self.val(x, v),
            super::slots::Def::Merge(m) => merges.get(*m as usize).copied(),
        }
    }

    fn call(&mut self, x: Instance, module: u32, i: u32, callee: &Callee, args: &[Value]) {
        let f = self.func_of(x);
        // Function addresses passed as arguments are address-taken.
        let arg_ptrs: Vec<Option<Ptr>> = args
            .iter()
            .map(|a| {
                if is_pointerish(a) {
                    self.val(x, a)
                } else {
                    None
                }
            })
            .collect();
        match callee {
            Callee::Direct(name) => {
                let Some(target) = self.program.direct_target(module, *name) else {
                    return;
                };
                // `static_call_update(name, func)`: this call's key holds
                // `func`. Bound through the update function's parameters,
                // every key would hold every function any update stores
                // (the APIC's `read` calling CPU-hotplug callbacks).
                if let Some(&(key_arg, func_arg, off)) = self.static_updates.get(&target) {
                    if let Target::Defined(g) = target {
                        self.has_direct_caller.insert(g);
                    }
                    let key = arg_ptrs.get(key_arg as usize).copied().flatten();
                    let func = arg_ptrs.get(func_arg as usize).copied().flatten();
                    if let (Some(key), Some(func)) = (key, func) {
                        let slot = self.field(Ptr {
                            node: key.node,
                            off: key.off + off as i64,
                        });
                        self.unify(slot, func);
                    }
                    return;
                }
                let sem = self.index.of(target);
                if sem.alloc.map(|a| !a.free).unwrap_or(false) {
                    let p = self.fresh(Some(Origin::Alloc(f, i)));
                    self.set(x, i, Some(p));
                    return;
                }
                // A free (`__rust_dealloc`, or std's `deallocate` at -O0,
                // which every Box and Vec of the program calls) makes no
                // alias: binding its parameters would make one object of
                // everything the program frees.
                if sem.alloc.is_some_and(|a| a.free) {
                    if let Target::Defined(g) = target {
                        self.has_direct_caller.insert(g);
                    }
                    return;
                }
                if let Some(sp) = sem.spawn {
                    self.spawn_models.push(sp);
                    let idx = self.spawn_models.len() - 1;
                    self.pending.push(Pending::Spawn(x, i, idx));
                }
                match target {
                    // A marked access of Rust's library defined in the input
                    // (`AtomicUsize::load` or `atomic_load::<usize>` at -O0,
                    // one monomorphisation for every atomic of that type):
                    // what it does to memory
                    // is the model's access, so its parameters do not merge
                    // every caller's object (an `Arc`'s strong and weak
                    // counts would collapse the `ArcInner` they live in).
                    // A pointer it loads, stores or exchanges is the one at
                    // the accessed location.
                    // The same holds for the kernel's modelled C primitives
                    // defined in every file as `static inline` (`atomic_inc`,
                    // `spin_lock`, `queue_work`): the walk never enters
                    // them, their model is their whole effect, and binding
                    // their parameters makes one object of every struct
                    // whose counter or lock is passed to them.
                    Target::Defined(g)
                        if sem.is_primitive()
                            && sem.access.is_none()
                            && self.program.language(g) == crate::ir::Language::C
                            && !self.program.function(g).returns_ptr =>
                    {
                        self.has_direct_caller.insert(g);
                    }
                    // A trampoline (`__rust_try`) calls its callback with
                    // the data, bound at this call by the spawn model;
                    // through its parameters every caller's data would be
                    // one object and every callback a target of each call.
                    Target::Defined(g) if sem.spawn.is_some_and(|s| s.trampoline) => {
                        self.has_direct_caller.insert(g);
                    }
                    // A Rust guard's release (`MutexGuard::drop`, and the
                    // drop glue of a guard): its model is its whole effect,
                    // and binding its guard would make one guard, and one
                    // lock, of every `Mutex<T>` of the type.
                    Target::Defined(g)
                        if sem.lock.is_some_and(|l| l.arg_is_guard)
                            && self.program.language(g) == crate::ir::Language::Rust =>
                    {
                        self.has_direct_caller.insert(g);
                    }
                    Target::Defined(g)
                        if sem.access.is_some()
                            && (crate::program::is_rust_std_fn(
                                &self.program.funcs[g as usize].demangled,
                            ) || self.program.language(g) == crate::ir::Language::C) =>
                    {
                        self.has_direct_caller.insert(g);
                        let am = sem.access.expect("checked");
                        let model_args: Vec<Option<Ptr>> = {
                            let kind = &self.program.function(f).insts[i as usize].kind;
                            let skip = arg_ptrs.len() - kind.model_args().len();
                            arg_ptrs[skip..].to_vec()
                        };
                        if let Some(Some(loc)) = model_args.get(am.arg as usize).copied() {
                            let slot = self.field(loc);
                            for (k, a) in model_args.iter().enumerate() {
                                if let (Some(a), true) = (a, k != am.arg as usize) {
                                    self.unify(slot, *a);
                                }
                            }
                            // What it returns (the old value, a
                            // `Result` of two) is what the location holds.
                            self.set(x, i, Some(slot));
                        }
                    }
                    Target::Defined(g) => {
                        self.has_direct_caller.insert(g);
                        let named = self.program.modules[module as usize].str(*name);
                        let callee = match self.alias_instance(x, i, named, g) {
                            Some(c) => c,
                            None => self.clone_for(x, i, g),
                        };
                        if !self.library[f as usize] {
                            self.bind_closure(f, i, &arg_ptrs);
                        }
                        self.bind(x, i, callee, &arg_ptrs);
                    }
                    Target::External(e) => {
                        let trampoline = Value::Global {
                            name: *name,
                            offset: 0,
                        };
                        if let Some(p) = self.static_call_target(f, &trampoline) {
                            self.pending.push(Pending::Call(x, i, p));
                            return;
                        }
                        if sem.is_primitive() {
                            return;
                        }
                        // Unknown external: its result is memory from outside, one object per function.
                        // A Rust caller's external that returns no pointer
                        // (`panic_count::is_zero_slow_path() -> bool`, called
                        // by every MutexGuard::new) returns no memory: its
                        // object would tie together whatever its result
                        // meets (a guard's poison flag next to the lock
                        // pointer).
                        if self.program.language(f) == crate::ir::Language::Rust
                            && !self.ext_returns_ptr[e as usize]
                        {
                            return;
                        }
                        let name = self.program.externals[e as usize].clone();
                        let n = self.external_node(&format!("{name}()"));
                        self.set(x, i, Some(Ptr { node: n, off: 0 }));
                    }
                }
            }
            Callee::Indirect(v) => {
                // `static_call(name)(…)`: the trampoline runs what the key
                // holds, which is not what the trampoline symbol points to.
                let p = match self.static_call_target(f, v) {
                    Some(p) => Some(p),
                    None => self.val(x, v),
                };
                if let Some(p) = p {
                    self.pending.push(Pending::Call(x, i, p));
                }
            }
        }
    }

    /// Unifies a call's arguments with the callee's parameters and its result with the return value.
    fn bind(&mut self, caller: Instance, inst: u32, callee: Instance, arg_ptrs: &[Option<Ptr>]) {
        let params = self.param_ptrs[callee as usize].clone();
        let mut inert = self.inert.get(&self.func_of(callee)).copied().unwrap_or(0);
        if !self.closures.calls.is_empty() {
            let (f, g) = (self.func_of(caller), self.func_of(callee));
            // A closure handed to a std API is bound straight to its body
            // (`bind_closure`), never to the API's parameters; std's own
            // copies of it reach neither the body nor the closure's drop.
            if let Some(c) = self.closures.calls.get(&(f, inst)) {
                let pieces = self.closures.layout.get(&c.ty).map_or(1, |l| l.1);
                for k in c.first..(c.first + pieces).min(64) {
                    inert |= 1u64 << k;
                }
            }
            if self.library[f as usize] {
                inert |= self.closures.closure_params(g);
            }
        }
        for (k, (a, p)) in arg_ptrs.iter().zip(params).enumerate() {
            if k < 64 && inert & (1u64 << k) != 0 {
                continue;
            }
            if let Some(a) = a {
                self.unify(*a, p);
            }
        }
        let r = self.ret_ptrs[callee as usize];
        self.set(caller, inst, Some(r));
    }

    /// A call in the user's code (`f`, instruction `i`) handing a closure to
    /// a std API: the closure's body gets what std gets, a copy of it (std
    /// moves the closure into its own box before the thread starts, so the
    /// caller's stack slot, rewritten by the next iteration of a spawn loop,
    /// is not what the thread reads). Scalar pieces (an `Arc` captured alone)
    /// go straight to a body taking the closure by value; otherwise the body
    /// gets a pointer to a fresh object holding them, or holding a copy of
    /// what the caller's pointer points to when the ABI passes the closure
    /// indirectly. When it runs in a new thread, that is the thread's data.
    fn bind_closure(&mut self, f: FuncId, i: u32, arg_ptrs: &[Option<Ptr>]) {
        let Some(c) = self.closures.calls.get(&(f, i)).cloned() else {
            return;
        };
        let (size, pieces) = self.closures.layout.get(&c.ty).copied().unwrap_or((0, 1));
        let end = (c.first + pieces).min(arg_ptrs.len());
        let args: Vec<Option<Ptr>> = arg_ptrs[c.first.min(end)..end].to_vec();
        let indirect = args.len() == 1 && size > 8;
        let bodies = self.closures.bodies.get(&c.ty).cloned().unwrap_or_default();
        let mut env: Option<Ptr> = None;
        for (body, how) in bodies {
            let params = self.param_ptrs[body as usize].clone();
            if how == super::closures::Taking::Value && !indirect {
                for (a, p) in args.iter().zip(params) {
                    if let Some(a) = a {
                        self.unify(*a, p);
                    }
                }
                continue;
            }
            let e = match env {
                Some(e) => e,
                None => {
                    let e = self.fresh(Some(Origin::Stack(f, i)));
                    self.nodes[e.node as usize].di_type = Some(c.ty);
                    if indirect {
                        if let Some(src) = args[0] {
                            self.memcopies.push((e, src, Some(size)));
                            self.memcopy_sites.push((f, i));
                        }
                    } else {
                        let offs = super::closures::scalar_offsets(self.program, c.ty);
                        for (k, a) in args.iter().enumerate() {
                            if let Some(a) = a {
                                let off = offs.get(k).copied().unwrap_or(8 * k as i64);
                                let slot = self.field(Ptr { node: e.node, off });
                                self.unify(slot, *a);
                            }
                        }
                    }
                    env = Some(e);
                    e
                }
            };
            if let Some(&p) = params.first() {
                self.unify(p, e);
            }
        }
        if c.thread {
            if indirect {
                self.closure_roots.extend(env);
            } else {
                self.closure_roots.extend(args.into_iter().flatten());
                self.closure_roots.extend(env);
            }
        }
    }

    /// Number of arguments of call `i` and which are pointers.
    fn call_arity(&self, f: FuncId, i: u32) -> (usize, u64, Option<crate::ir::Ret>) {
        match &self.program.function(f).insts[i as usize].kind {
            InstKind::Call {
                args,
                ptr_args,
                result,
                ..
            } => (args.len(), *ptr_args, Some(*result)),
            _ => (0, 0, None),
        }
    }

    /// What the kCFI test of indirect call `(f, i)` needs of the call, read
    /// once per call and round rather than per candidate: its trusted C
    /// prototype (see [`Solver::prototype_fits`]) and the structs its
    /// pointer arguments point to.
    fn call_types(&mut self, f: FuncId, i: u32) -> (Option<Prototype>, Vec<Option<Vec<String>>>) {
        if !self.call_protos.contains_key(&(f, i)) {
            let proto = self.call_prototype(f, i);
            let trusted =
                proto.filter(|p| !p.is_exact() || self.defined_protos().contains(&p.key()));
            self.call_protos.insert((f, i), trusted);
        }
        if !self.arg_structs.contains_key(&(f, i)) {
            let keys = match &self.program.function(f).insts[i as usize].kind {
                InstKind::Call { args, .. } => {
                    args.iter().map(|a| self.struct_chain(f, a)).collect()
                }
                _ => Vec::new(),
            };
            self.arg_structs.insert((f, i), keys);
        }
        (
            self.call_protos[&(f, i)].clone(),
            self.arg_structs[&(f, i)].clone(),
        )
    }

    /// Can `g` be the target of indirect call `i` in `f` (whose
    /// [`Solver::call_types`] are `call`), by C type and by the structs its
    /// pointer arguments point to? The kernel's kCFI checks the full C
    /// type of every indirect call, so a `struct tg3 *` argument never
    /// reaches a function taking `struct e1000_hw *`; `void *` and what
    /// cannot be typed here fit anything.
    fn types_fit(
        &mut self,
        f: FuncId,
        i: u32,
        g: FuncId,
        (proto, args): (Option<&Prototype>, &[Option<Vec<String>>]),
    ) -> bool {
        use crate::ir::Language;
        let program = self.program;
        let (sf, sg) = (self.shapes[f as usize], self.shapes[g as usize]);
        let (lf, lg) = (sf.language, sg.language);
        // Rust's library machinery (formatting, iterators) and the
        // implementations of its traits are never called through a C
        // function pointer, nor do they call C through one.
        let rust_library = crate::program::is_rust_library_fn;
        if lf == Language::C
            && lg == Language::Rust
            && rust_library(&program.funcs[g as usize].demangled)
        {
            return false;
        }
        if lf == Language::Rust
            && lg == Language::C
            && rust_library(&program.funcs[f as usize].demangled)
        {
            return false;
        }
        if lf == Language::C && lg == Language::C {
            // The LLVM types of a call and of a function of one C type are
            // the same; integer widths tell apart what arity and
            // pointer-ness do not (`u64 (*)(void)` vs `bool (*)(void)`).
            let gs = sg.sig;
            let fs = match &program.function(f).insts[i as usize].kind {
                InstKind::Call { sig, .. } => *sig,
                _ => 0,
            };
            if fs != 0 && gs != 0 && fs != gs && !sg.declaration {
                return false;
            }
            if let Some(call) = proto {
                if !self.prototype_fits(call, g) {
                    return false;
                }
            }
        }
        // Struct names are compared across C and Rust too: bindgen keeps
        // the C names (`blk_mq_hw_ctx`).
        let params = self.param_structs_of(g);
        args.iter().zip(params.iter()).all(|(a, p)| match (a, p) {
            (Some(a), Some(p)) => a.contains(p),
            _ => true,
        })
    }

    /// Does C function `g` have the function type `call`, the trusted
    /// prototype of a C call (the type it loads its function pointer as)?
    /// A call whose type debug info does not give, or that no defined
    /// function has (debug info followed through a cast the code made),
    /// has no trusted prototype and fits anything.
    fn prototype_fits(&mut self, call: &Prototype, g: FuncId) -> bool {
        let program = self.program;
        let target = self.fn_protos[g as usize].get_or_insert_with(|| {
            let func = program.function(g);
            Prototype::of(program.module_of(g), func.prototype?)
        });
        target.as_ref().is_none_or(|t| call.admits(t))
    }

    /// What a static call through `v` in `f` calls: the function pointer
    /// its key holds.
    fn static_call_target(&mut self, f: FuncId, v: &Value) -> Option<Ptr> {
        let &StaticKey { key, off, .. } = self.static_call_key(f, v)?;
        Some(self.field(Ptr {
            node: self.global_nodes[key as usize],
            off: off as i64,
        }))
    }

    /// The static-call key a call through `v` in `f` reads its target
    /// from: `v` is a trampoline symbol, or an unnamed stack slot every
    /// store fills with one (`static_call()` before optimisation).
    fn static_call_key(&mut self, f: FuncId, v: &Value) -> Option<&StaticKey> {
        if self.static_keys.is_empty() {
            return None;
        }
        let program = self.program;
        let func = program.function(f);
        let name = match v {
            Value::Global { name, offset: 0 } => *name,
            Value::Inst(j) => {
                let InstKind::Load {
                    ptr: Value::Inst(slot),
                    ..
                } = &func.insts.get(*j as usize)?.kind
                else {
                    return None;
                };
                if !matches!(
                    func.insts.get(*slot as usize)?.kind,
                    InstKind::Alloca { .. }
                ) {
                    return None;
                }
                let stored = self.slot_stores(f, *slot);
                let Some(Value::Global { name, offset: 0 }) = stored.first() else {
                    return None;
                };
                if stored
                    .iter()
                    .any(|s| !matches!(s, Value::Global { name: n, offset: 0 } if n == name))
                {
                    return None;
                }
                *name
            }
            _ => return None,
        };
        let m = program.funcs[f as usize].module;
        self.static_keys.get(program.modules[m as usize].str(name))
    }

    /// Exact prototypes of the defined C functions.
    fn defined_protos(&mut self) -> &HashSet<String> {
        let program = self.program;
        self.defined_protos.get_or_insert_with(|| {
            (0..program.funcs.len() as FuncId)
                .filter_map(|g| {
                    let func = program.function(g);
                    if func.is_declaration || func.language != crate::ir::Language::C {
                        return None;
                    }
                    let p = Prototype::of(program.module_of(g), func.prototype?)?;
                    p.is_exact().then(|| p.key())
                })
                .collect()
        })
    }

    /// The function type of the pointer indirect call `(f, i)` calls
    /// through: a function-pointer parameter, or one loaded from a struct
    /// member, variable or global whose type debug info gives.
    fn call_prototype(&mut self, f: FuncId, i: u32) -> Option<Prototype> {
        let program = self.program;
        let m = program.funcs[f as usize].module;
        let func = program.function(f);
        let (v, direct) = match &func.insts.get(i as usize)?.kind {
            InstKind::Call {
                callee: Callee::Indirect(v),
                ..
            } => (v.clone(), false),
            InstKind::Call {
                callee: Callee::Direct(name),
                ..
            } => (
                Value::Global {
                    name: *name,
                    offset: 0,
                },
                true,
            ),
            _ => return None,
        };
        let v = &v;
        // A static call has the type of the function its key starts with
        // (`static_call_update()` checks every later one against it).
        if let Some(sk) = self.static_call_key(f, v) {
            let (key, off) = (sk.key, sk.off);
            let g = program
                .global(key)
                .pointers
                .iter()
                .find(|(o, _)| *o == off)
                .map(|(_, p)| p.clone());
            let Some(Value::Global { name, offset: 0 }) = g else {
                // A key that starts NULL: the member its model names.
                let (agg, member) = sk.typed_as.as_ref()?;
                return member_prototype(program, m, agg, member);
            };
            let gm = program.globals[key as usize].module;
            let Some(Symbol::Func(target)) = program.resolve(gm, name) else {
                return None;
            };
            let t = program.function(target).prototype?;
            return Prototype::of(program.module_of(target), t);
        }
        if direct {
            return None;
        }
        // A register value with a variable record (-O2), else the
        // pointee of the parameter, member, local or global it is loaded
        // from, as for any pointer.
        let declared = match v {
            Value::Inst(j) => func.callee_types.iter().find(|(k, _)| k == j),
            _ => None,
        };
        let (tm, t) = match declared {
            Some((_, t)) => (m, pointee_type(program, m, *t)?),
            None => self.pointee_of(f, v, 8)?,
        };
        Prototype::of(&program.modules[tm as usize], t)
    }

    /// Is integer `v` a per-CPU offset: an element of `__per_cpu_offset[]`,
    /// or the `this_cpu_off` word read `%gs`-relative (x86_64) or the
    /// offset register `tpidr_el1`/`tpidr_el2` (arm64)?
    fn is_percpu_offset(&mut self, f: FuncId, v: &Value, depth: u32) -> bool {
        self.int_source(f, v, depth, &|m, k| match k {
            IntSource::LoadOf(g) => m.str(g) == "__per_cpu_offset",
            IntSource::Asm(asm, globals) => {
                let t = m.str(asm);
                t.contains("tpidr_el1")
                    || t.contains("tpidr_el2")
                    || (t.contains("%gs:") && globals.iter().any(|g| m.str(*g) == "this_cpu_off"))
            }
            _ => false,
        })
    }

    /// What the variable array index `v` is, in one walk over its sources:
    /// a CPU number if any source is one, else read out of a structure if
    /// any source is, else something else.
    fn slot_index(&mut self, f: FuncId, v: &Value, depth: u32) -> SlotIndex {
        let (cpu, field) = (Cell::new(false), Cell::new(false));
        self.int_source(f, v, depth, &|m, k| {
            match k {
                IntSource::Field => field.set(true),
                k => {
                    if is_cpu_number(m, k) {
                        cpu.set(true)
                    }
                }
            }
            // A CPU number decides; otherwise every source is looked at.
            cpu.get()
        });
        if cpu.get() {
            SlotIndex::Cpu
        } else if field.get() {
            SlotIndex::Field
        } else {
            SlotIndex::Other
        }
    }

    /// Follows integer `v` back through casts, loads of stack slots (to
    /// the values stored there) and `phi`s, and asks `test` about each
    /// source.
    fn int_source(
        &mut self,
        f: FuncId,
        v: &Value,
        depth: u32,
        test: &dyn Fn(&crate::ir::Module, IntSource) -> bool,
    ) -> bool {
        let program = self.program;
        let func = program.function(f);
        let m = program.module_of(f);
        if depth == 0 {
            return false;
        }
        let i = match v {
            Value::Inst(i) => i,
            Value::Arg(a) => {
                let name = func.params.get(*a as usize).and_then(|p| p.name);
                return test(m, IntSource::Param(name));
            }
            _ => return false,
        };
        let Some(inst) = func.insts.get(*i as usize) else {
            return false;
        };
        match &inst.kind {
            InstKind::Cast { value, .. } => self.int_source(f, value, depth - 1, test),
            InstKind::Asm { asm, args, .. } => {
                let globals: Vec<StrId> = args
                    .iter()
                    .filter_map(|a| match a {
                        Value::Global { name, .. } => Some(*name),
                        _ => None,
                    })
                    .collect();
                test(m, IntSource::Asm(*asm, globals))
            }
            InstKind::Phi { incoming } => incoming
                .iter()
                .any(|(x, _)| self.int_source(f, x, depth - 1, test)),
            InstKind::Call {
                callee: Callee::Direct(name),
                ..
            } => test(m, IntSource::Call(*name)),
            InstKind::Load { ptr, .. } => {
                let global = match ptr {
                    Value::Global { name, .. } => Some(*name),
                    Value::Inst(j) => match &func.insts.get(*j as usize).map(|x| &x.kind) {
                        Some(InstKind::Gep {
                            base: Value::Global { name, .. },
                            ..
                        }) => Some(*name),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(g) = global {
                    return test(m, IntSource::LoadOf(g));
                }
                let Value::Inst(slot) = ptr else { return false };
                if !matches!(
                    func.insts.get(*slot as usize).map(|x| &x.kind),
                    Some(InstKind::Alloca { .. })
                ) {
                    return test(m, IntSource::Field);
                }
                let stored = self.slot_stores(f, *slot);
                stored
                    .iter()
                    .any(|x| self.int_source(f, x, depth - 1, test))
            }
            _ => false,
        }
    }

    /// Values stored to stack slot `slot` of `f` (cached per function).
    fn slot_stores(&mut self, f: FuncId, slot: u32) -> Vec<Value> {
        let program = self.program;
        let per_fn = self.slot_stores.entry(f).or_insert_with(|| {
            let mut map: HashMap<u32, Vec<Value>> = HashMap::default();
            for inst in &program.function(f).insts {
                if let InstKind::Store {
                    ptr: Value::Inst(p),
                    value,
                    ..
                } = &inst.kind
                {
                    map.entry(*p).or_default().push(value.clone());
                }
            }
            map
        });
        per_fn.get(&slot).cloned().unwrap_or_default()
    }

    /// The struct each pointer parameter of `g` is declared to point to.
    fn param_structs_of(&mut self, g: FuncId) -> &Vec<Option<String>> {
        let program = self.program;
        self.param_structs[g as usize].get_or_insert_with(|| {
            let m = program.funcs[g as usize].module;
            program
                .function(g)
                .params
                .iter()
                .map(|p| {
                    let t = pointee_type(program, m, p.di_type?)?;
                    type_key(program, m, t)
                })
                .collect()
        })
    }

    /// What the spawn `(f, i)` of `model` asks of a callback, read once per
    /// site: the kernel's largest callback class holds ~15k functions, and
    /// each of ~2k sites in it checked them all, re-reading its own data
    /// argument's type for each.
    fn callback_want(&self, f: FuncId, i: u32, model: &SpawnModel) -> CallbackWant {
        let shape = model.callback_params.as_ref().map(|params| {
            let ptrs = params
                .iter()
                .enumerate()
                .filter(|(_, k)| **k == ParamKind::Ptr)
                .fold(0u64, |m, (k, _)| m | 1 << k.min(63));
            let result = model.callback_returns.map(|r| match r {
                ReturnKind::Void => crate::ir::Ret::Void,
                ReturnKind::Ptr => crate::ir::Ret::Ptr,
                ReturnKind::Int => crate::ir::Ret::Value,
            });
            (params.len(), ptrs, result)
        });
        let data_chain = model.data.and_then(|d| {
            let arg = match &self.program.function(f).insts[i as usize].kind {
                InstKind::Call { args, .. } => args.get(d as usize).cloned(),
                _ => None,
            }?;
            self.struct_chain(f, &arg)
        });
        CallbackWant {
            shape,
            c_caller: self.program.function(f).language == crate::ir::Language::C,
            data_chain,
        }
    }

    /// Could `g` be the callback the spawn site `want` was read from registers? The
    /// callback class is read out of memory (`timer->function`) and holds
    /// whatever unification merged into it; as for indirect calls, only a
    /// function the kernel's kCFI check would let through counts: the
    /// model's parameter shape, and a data parameter whose struct is the
    /// data's or one the data's struct begins with (`delayed_work` starts
    /// with its `work_struct`).
    fn callback_fits(&mut self, want: &CallbackWant, model: &SpawnModel, g: FuncId) -> bool {
        use crate::ir::Language;
        let program = self.program;
        if let Some((arity, ptrs, result)) = want.shape {
            if !self.shapes[g as usize].accepts(arity, ptrs, result) {
                return false;
            }
        }
        if want.c_caller
            && program.function(g).language == Language::Rust
            && crate::program::is_rust_std_fn(&program.funcs[g as usize].demangled)
        {
            return false;
        }
        let declared = self
            .param_structs_of(g)
            .get(model.data_param as usize)
            .and_then(Option::as_ref);
        if let Some(named) = &model.callback_data_struct {
            if declared.is_some_and(|have| have != named) {
                return false;
            }
        }
        match (&want.data_chain, declared) {
            (Some(chain), Some(have)) => chain.contains(have),
            _ => true,
        }
    }

    /// The struct a pointer value in C function `f` points to, from debug
    /// info: a typed parameter, a typed local, or a pointer member loaded
    /// out of one of those.
    fn struct_chain(&self, f: FuncId, v: &Value) -> Option<Vec<String>> {
        let (module, t) = self.pointee_of(f, v, 4)?;
        let mut chain = vec![type_key(self.program, module, t)?];
        let mut cur = first_member(self.program, module, t);
        while let Some(t) = cur {
            let Some(k) = type_key(self.program, module, t) else {
                break;
            };
            if chain.len() >= 8 {
                break;
            }
            chain.push(k);
            cur = first_member(self.program, module, t);
        }
        Some(chain)
    }

    /// (module, pointee type) of a pointer value, from debug info.
    fn pointee_of(&self, f: FuncId, v: &Value, depth: u32) -> Option<(u32, TypeId)> {
        let program = self.program;
        let m = program.funcs[f as usize].module;
        let func = program.function(f);
        match v {
            Value::Arg(k) => {
                let t = func.params.get(*k as usize)?.di_type?;
                match pointee_type(program, m, t) {
                    Some(p) => Some((m, p)),
                    // A struct passed by value (`byval`): the pointer
                    // parameter points to the struct itself.
                    None if func.params[*k as usize].is_ptr => {
                        let types = &program.modules[m as usize].types;
                        let s = strip_alias(types, t);
                        matches!(
                            types.get(s as usize)?.kind,
                            crate::ir::DiTypeKind::Struct { .. }
                                | crate::ir::DiTypeKind::Union { .. }
                        )
                        .then_some((m, s))
                    }
                    None => None,
                }
            }
            // `&global + offset`: the global's type there.
            Value::Global { name, offset } => {
                let Symbol::Global(g) = program.resolve(m, *name)? else {
                    return None;
                };
                let gm = program.globals[g as usize].module;
                let t = program.global(g).di_type?;
                Some((gm, type_at(program, gm, t, *offset)?))
            }
            Value::Inst(i) if depth > 0 => match &func.insts.get(*i as usize)?.kind {
                InstKind::Alloca { di_type, .. } => {
                    let types = &program.modules[m as usize].types;
                    Some((m, strip_alias(types, (*di_type)?)))
                }
                InstKind::Cast { value, .. } => self.pointee_of(f, value, depth - 1),
                // `&x->member`: the member's type (the outermost one at
                // that offset; struct_chain adds those nested at its start).
                InstKind::Gep {
                    base,
                    offset: Some(o),
                    ..
                } => {
                    let (bm, bt) = self.pointee_of(f, base, depth - 1)?;
                    Some((bm, type_at(program, bm, bt, *o)?))
                }
                // `&p[i]` (pre-optimisation IR indexes first, then takes
                // the member): an element of what `p` points to, or of the
                // array member the constant part lands on.
                InstKind::Gep {
                    base,
                    offset: None,
                    const_part,
                    ..
                } => {
                    let (bm, bt) = self.pointee_of(f, base, depth - 1)?;
                    let t = type_at(program, bm, bt, *const_part)?;
                    let types = &program.modules[bm as usize].types;
                    match &types.get(t as usize)?.kind {
                        crate::ir::DiTypeKind::Array {
                            element: Some(e), ..
                        } => Some((bm, strip_alias(types, *e))),
                        _ => Some((bm, t)),
                    }
                }
                InstKind::Load {
                    ptr, is_ptr: true, ..
                } => {
                    // `p->member` where `p`'s struct is known: the member's pointee.
                    let (base, off) = match ptr {
                        Value::Inst(j) => match &func.insts.get(*j as usize)?.kind {
                            InstKind::Gep {
                                base,
                                offset: Some(o),
                                ..
                            } => (base.clone(), *o),
                            _ => (ptr.clone(), 0),
                        },
                        _ => (ptr.clone(), 0),
                    };
                    let (bm, bt) = self.pointee_of(f, &base, depth - 1)?;
                    Some((bm, pointer_member_at(program, bm, bt, off)?))
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn arg_ptrs(&mut self, x: Instance, i: u32) -> Vec<Option<Ptr>> {
        let program = self.program;
        let f = self.func_of(x);
        let InstKind::Call { args, .. } = &program.function(f).insts[i as usize].kind else {
            return Vec::new();
        };
        self.ptrs_of(x, args)
    }

    /// Pointers of a call's arguments as models count them (after `sret`).
    fn model_arg_ptrs(&mut self, x: Instance, i: u32) -> Vec<Option<Ptr>> {
        let program = self.program;
        let f = self.func_of(x);
        let args = program.function(f).insts[i as usize].kind.model_args();
        self.ptrs_of(x, args)
    }

    fn ptrs_of(&mut self, x: Instance, args: &[Value]) -> Vec<Option<Ptr>> {
        args.iter()
            .map(|a| {
                if is_pointerish(a) {
                    self.val(x, a)
                } else {
                    None
                }
            })
            .collect()
    }

    /// Unifies the objects behind parameters of functions called from
    /// outside the input with one object per debug-info type, so two
    /// callbacks receiving `struct my_dev *` see one `struct my_dev`.
    fn external_params(&mut self) {
        let program = self.program;
        // In a closed program (one that defines `main`) a visible function
        // nothing calls is dead or the out-of-line copy of a helper inlined
        // everywhere: nothing outside calls it, and its `struct s *`
        // parameter must not make every `struct s` the program allocates
        // one object (see `merge_by_type`).
        let closed = program
            .funcs
            .iter()
            .enumerate()
            .any(|(f, pf)| pf.name == "main" && !program.function(f as FuncId).is_declaration);
        for f in 0..program.funcs.len() as FuncId {
            let uncalled = !self.has_direct_caller.contains(&f)
                && program.function(f).visible
                && (!closed || program.funcs[f as usize].name == "main");
            // A monomorphisation of Rust's library nothing in the input
            // calls is no entry point either: an unoptimised crate exports
            // them to share generics with the program's other crates.
            // Taken for one, `drop_in_place::<ThreadInit>` made one object
            // of every thread's boxed closure and vtable.
            let uncalled = uncalled && !self.library[f as usize];
            let outside = self.address_taken.contains(&f) || uncalled;
            if !outside {
                continue;
            }
            let module = program.funcs[f as usize].module;
            for (k, prm) in program.function(f).params.iter().enumerate() {
                let Some(t) = prm.di_type else { continue };
                let Some(pointee) = pointee_type(program, module, t) else {
                    continue;
                };
                if is_scalar(program, module, pointee) {
                    // `bool *hugetlb`, `unsigned int *duplex_chg_out`: a
                    // pointer to a scalar from a caller outside the input is
                    // the caller's own variable (an out-parameter, a counter
                    // it passes by reference). It is shared only when the
                    // input shows it so: a caller in the input binds it to
                    // its real object, and storing it in shared memory
                    // reaches it (`freeze`).
                    let n = self.new_node(Some(Origin::Param(f, k as u32)));
                    self.nodes[n as usize].di_type = Some((module, pointee));
                    let p = self.param_ptrs[f as usize][k];
                    self.unify(p, Ptr { node: n, off: 0 });
                    continue;
                }
                let Some(name) = type_key(program, module, pointee) else {
                    continue;
                };
                let n = self.external_node(&name);
                let p = self.param_ptrs[f as usize][k];
                self.unify(p, Ptr { node: n, off: 0 });
                let rep = self.norm(Ptr { node: n, off: 0 });
                if rep.off == 0 {
                    self.nodes[rep.node as usize]
                        .di_type
                        .get_or_insert((module, pointee));
                }
            }
        }
    }

    /// Heap and external objects of one named struct type are one object:
    /// a `struct my_dev` allocated in probe and the `struct my_dev` an ops
    /// callback receives from the subsystem are the same device.
    ///
    /// An object Rust allocated (`Box::new`, `Arc::new`, a `Vec`'s buffer)
    /// is merged only with memory of its type that comes from outside: the
    /// program reaches it through its owner, and two `Arc<Slot>` of one
    /// program are two objects. So is an object C allocated in a program
    /// that defines `main`: such a program is closed (only `main`, started
    /// threads and callbacks are entries), and two accounts it allocates
    /// at two call sites are two accounts.
    fn merge_by_type(&mut self) {
        let program = self.program;
        let outside: HashSet<String> = self.external_nodes.keys().cloned().collect();
        let closed = program
            .funcs
            .iter()
            .enumerate()
            .any(|(f, pf)| pf.name == "main" && !program.function(f as FuncId).is_declaration);
        for n in 0..self.nodes.len() as NodeId {
            if self.nodes[n as usize].parent != n {
                continue;
            }
            let Some((m, t)) = self.nodes[n as usize].di_type else {
                continue;
            };
            if self.nodes[n as usize].origins.iter().any(|o| {
                matches!(
                    o,
                    Origin::Global(_) | Origin::Stack(..) | Origin::Function(_)
                )
            }) {
                continue;
            }
            let Some(key) = type_key(program, m, t) else {
                continue;
            };
            let own_heap = self.nodes[n as usize].origins.iter().all(|o| {
                matches!(o, Origin::Alloc(f, _)
                    if closed || program.language(*f) == crate::ir::Language::Rust)
            });
            if own_heap && !outside.contains(&key) {
                continue;
            }
            let ext = self.external_node(&key);
            self.unify(Ptr { node: n, off: 0 }, Ptr { node: ext, off: 0 });
        }
    }

    /// Resolves indirect calls, spawns and memcpy until nothing changes.
    fn fixpoint(&mut self) {
        // Each round can only add bindings; kernel-sized inputs converge in
        // a few rounds, and the cap bounds the pathological tail.
        let program = self.program;
        for _round in 0..MAX_FIXPOINT_ROUNDS {
            let mut changed = false;
            let pending = self.pending.clone();
            for item in pending {
                match item {
                    Pending::Call(x, i, p) => {
                        let f = self.func_of(x);
                        self.debug_at(f, i);
                        let n = self.norm(p).node;
                        // Function lists only grow, by appending (see
                        // `unify_one`): a list with the same first function
                        // as last round is last round's list plus a tail,
                        // and only the tail is new for this call. A kernel
                        // ops class holds ~10k functions; rescanning it for
                        // every call every round cost seconds.
                        // Only the functions of the call's shape, and
                        // those that may accept several, can be targets.
                        let (arity, ptr_args, result) = self.call_arity(f, i);
                        let mask = if arity >= 64 {
                            u64::MAX
                        } else {
                            (1u64 << arity) - 1
                        };
                        let key = result.map(|r| (r, arity, ptr_args & mask));
                        let mut targets = Vec::new();
                        for wild in [false, true] {
                            let Some(idx) = self.class_shapes.get(&n) else {
                                break;
                            };
                            let list: &[FuncId] = match (wild, key) {
                                (true, _) => &idx.wild,
                                (false, Some(k)) => idx.exact.get(&k).map_or(&[], |l| &l[..]),
                                // No result type: every shape.
                                (false, None) => &self.nodes[n as usize].functions,
                            };
                            let seen = (list.first().copied().unwrap_or(FuncId::MAX), list.len());
                            let start = match self.call_seen.insert((x, i, wild), seen) {
                                Some(prev) if prev == seen => continue,
                                Some((first, len)) if first == seen.0 => len,
                                _ => 0,
                            };
                            targets.extend_from_slice(&list[start..]);
                        }
                        let types = if targets.is_empty() {
                            (None, Vec::new())
                        } else {
                            self.call_types(f, i)
                        };
                        for g in targets {
                            // A function of another arity cannot be the
                            // callee (the kernel's kCFI checks the whole
                            // type): unification puts every function stored
                            // in merged ops tables on one node, and binding
                            // them all would merge their parameters in turn.
                            if !self.shapes[g as usize].accepts(arity, ptr_args, result)
                                || !self.types_fit(f, i, g, (types.0.as_ref(), &types.1))
                            {
                                continue;
                            }
                            if self.bound.insert((x, i, g)) {
                                changed = true;
                                let args = self.arg_ptrs(x, i);
                                self.bind(x, i, g, &args);
                                // Copies of one function find the same
                                // targets: list each once.
                                let copy = x != f;
                                let t = self.indirect_targets.entry((f, i)).or_default();
                                if !copy || !t.contains(&g) {
                                    t.push(g);
                                }
                            }
                        }
                    }
                    Pending::Spawn(x, i, m) => {
                        let f = self.func_of(x);
                        self.debug_at(f, i);
                        let model = self.spawn_models[m];
                        let args = self.model_arg_ptrs(x, i);
                        let data = model
                            .data
                            .and_then(|d| args.get(d as usize).copied().flatten());
                        // Callbacks: (function node, context, self-concurrent).
                        let mut callbacks: Vec<(NodeId, Context, bool)> = Vec::new();
                        for extra in &model.more_callbacks {
                            if let Some(p) = args.get(extra.callback as usize).copied().flatten() {
                                let n = self.norm(p).node;
                                callbacks.push((n, extra.context, extra.self_concurrent));
                            }
                        }
                        let (cb_node, data) = if let Some(cb) = model.callback {
                            (
                                args.get(cb as usize)
                                    .copied()
                                    .flatten()
                                    .map(|p| self.norm(p).node),
                                data,
                            )
                        } else if let (Some(oa), true) = (model.object_arg, model.boxed_closure) {
                            // A (data, vtable) pair somewhere in the pointed-to
                            // memory: the vtable's first method (after drop,
                            // size, align) is the closure's body.
                            match args.get(oa as usize).copied().flatten() {
                                Some(obj) => {
                                    let o = self.norm(obj);
                                    let slots: Vec<(i64, Ptr)> = self.nodes[o.node as usize]
                                        .fields
                                        .iter()
                                        .map(|(k, v)| (*k, *v))
                                        .collect();
                                    let mut found = (None, data);
                                    for (off, vt) in slots {
                                        let vt = self.norm(vt);
                                        // A vtable is a constant global of
                                        // its own: a collapsed class (every
                                        // field one) is not one.
                                        if !self.nodes[vt.node as usize].collapsed
                                            && self.nodes[vt.node as usize]
                                                .origins
                                                .iter()
                                                .any(|x| matches!(x, Origin::Global(_)))
                                        {
                                            let method = self.field(Ptr {
                                                node: vt.node,
                                                off: vt.off + 24,
                                            });
                                            let mn = self.norm(method).node;
                                            if !self.nodes[mn as usize].functions.is_empty() {
                                                let env = self.field(Ptr {
                                                    node: o.node,
                                                    off: off - 8,
                                                });
                                                found = (Some(mn), Some(env));
                                                break;
                                            }
                                        }
                                    }
                                    found
                                }
                                None => (None, data),
                            }
                        } else if let (Some(oa), Some(field)) =
                            (model.object_arg, model.callback_field)
                        {
                            match args.get(oa as usize).copied().flatten() {
                                Some(obj) => {
                                    let slot = Ptr {
                                        node: obj.node,
                                        off: obj.off + field,
                                    };
                                    let fp = self.field(slot);
                                    (Some(self.norm(fp).node), data.or(Some(obj)))
                                }
                                None => (None, data),
                            }
                        } else {
                            (None, data)
                        };
                        if let Some(n) = cb_node {
                            callbacks.insert(0, (n, model.context, model.self_concurrent));
                        }
                        // As for calls: the same callback lists (known by
                        // their first function) as long as last round bind
                        // nothing new, and a list that grew is checked only
                        // in its new tail.
                        let seen: Vec<(FuncId, usize)> = callbacks
                            .iter()
                            .map(|c| {
                                let l = &self.nodes[c.0 as usize].functions;
                                (l.first().copied().unwrap_or(FuncId::MAX), l.len())
                            })
                            .collect();
                        if self.spawn_seen.get(&(x, i)) == Some(&seen) {
                            continue;
                        }
                        self.spawn_seen.insert((x, i), seen.clone());
                        for (k, (cb_node, context, self_concurrent)) in
                            callbacks.into_iter().enumerate()
                        {
                            let (first, len) = seen[k];
                            let (start, mut fit) = match self.spawn_fit.remove(&(x, i, k as u32)) {
                                Some((p_first, p_len, fit)) if p_first == first && p_len <= len => {
                                    (p_len, fit)
                                }
                                _ => (0, Vec::new()),
                            };
                            let tail = self.nodes[cb_node as usize].functions[start..].to_vec();
                            if !tail.is_empty() {
                                let want = self.callback_want(f, i, model);
                                fit.extend(
                                    tail.into_iter()
                                        .filter(|&g| self.callback_fits(&want, model, g)),
                                );
                            }
                            let mut targets = fit.clone();
                            self.spawn_fit.insert((x, i, k as u32), (first, len, fit));
                            targets.sort_unstable();
                            // Unification gives one class to every object of
                            // a type (`struct work_struct` is one object), so
                            // its callback field holds every work function of
                            // the kernel. A callback is nearly always a static
                            // function of the file that arms it: when the
                            // class holds some from the caller's file, those
                            // are the candidates.
                            let home = program.funcs[f as usize].module;
                            if targets
                                .iter()
                                .any(|&g| program.funcs[g as usize].module == home)
                            {
                                targets.retain(|&g| program.funcs[g as usize].module == home);
                            }
                            for g in targets {
                                if !self.bound.insert((x, i + (1 << 31), g)) {
                                    continue;
                                }
                                changed = true;
                                let per_start = context == Context::Thread
                                    && model.at_exit.is_none()
                                    && !model.synchronous
                                    && self.program.language(g) == crate::ir::Language::C
                                    && !self.library[g as usize];
                                let runs = if per_start {
                                    self.start_instance(f, i, g)
                                } else {
                                    g
                                };
                                if let Some(d) = data {
                                    if let Some(&p) = self.param_ptrs[runs as usize]
                                        .get(model.data_param as usize)
                                    {
                                        self.unify(d, p);
                                    }
                                }
                                // A copy of the registering function (a
                                // thread started at several places that
                                // starts another) binds its data too, but
                                // registers nothing new.
                                if !self.registered.insert((f, i, g)) {
                                    continue;
                                }
                                if let Some(when) = model.at_exit {
                                    // Runs in an exiting thread: called where
                                    // it exits (see `exit_handler_calls`). A
                                    // thread's destructor gets that thread's
                                    // own value (as `pthread_getspecific`
                                    // returns it): an object of its own.
                                    if when == AtExit::Thread {
                                        if let Some(&p) = self.param_ptrs[g as usize]
                                            .get(model.data_param as usize)
                                        {
                                            let own = self.fresh(Some(Origin::Alloc(f, i)));
                                            self.unify(own, p);
                                        }
                                    }
                                    self.exit_handlers.push((when, g, model));
                                    continue;
                                }
                                if model.synchronous {
                                    // Runs in the caller's thread (pthread_once): a call,
                                    // whose body runs once for the whole program.
                                    self.indirect_targets.entry((f, i)).or_default().push(g);
                                    if !model.program_main && !model.trampoline {
                                        self.once_calls.insert((f, i));
                                    }
                                    continue;
                                }
                                let via = self.program.target_name_of_call(f, i);
                                self.spawns.push(SpawnSite {
                                    caller: f,
                                    inst: i,
                                    callee: g,
                                    instance: runs,
                                    context,
                                    self_concurrent,
                                    via,
                                });
                            }
                        }
                    }
                }
            }
            // Copies: unify pointer fields of the source into the destination.
            let copies = self.memcopies.clone();
            self.copy_seen.resize(copies.len(), (u32::MAX, 0, u32::MAX));
            for (k, (d, s, len)) in copies.into_iter().enumerate() {
                let (sf, si) = self.memcopy_sites[k];
                self.debug_at(sf, si);
                let sn = self.norm(s);
                let dn = self.norm(d);
                // Same classes and no new pointer field in the source since
                // this copy was last applied: nothing to add.
                let seen = (sn.node, self.nodes[sn.node as usize].fields.len(), dn.node);
                if std::mem::replace(&mut self.copy_seen[k], seen) == seen {
                    continue;
                }
                // A copy within one object, or out of an object unification
                // has already grown huge, adds nothing a kernel engineer
                // could use: skip it rather than fan out every field.
                if sn.node == dn.node || self.nodes[sn.node as usize].fields.len() > MAX_COPY_FIELDS
                {
                    continue;
                }
                let fields: Vec<(i64, Ptr)> = self.nodes[sn.node as usize]
                    .fields
                    .iter()
                    .filter(|(o, _)| {
                        **o >= sn.off && len.map(|l| **o < sn.off + l as i64).unwrap_or(true)
                    })
                    .map(|(o, t)| (*o, *t))
                    .collect();
                for (o, t) in fields {
                    let slot = Ptr {
                        node: dn.node,
                        off: dn.off + (o - sn.off),
                    };
                    let before = self.nodes.len();
                    let df = self.field(slot);
                    if self.norm(df) != self.norm(t) {
                        changed = true;
                        self.unify(df, t);
                    } else if self.nodes.len() != before {
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// Parameters an element pointer taken by a run-time index reaches
    /// (`cache_entry_addref(&cache[i])`), directly or through the callers'
    /// own such parameters, in a closed program (one that defines `main`).
    /// Kernel code passes `&dev->queues[i]` to per-element helpers all the
    /// time; it keeps taking such a pointer as element 0.
    fn indexed_params(&mut self) -> HashSet<(Instance, u32)> {
        let program = self.program;
        let mut marked: HashSet<(Instance, u32)> = HashSet::default();
        let closed =
            program.funcs.iter().enumerate().any(|(f, info)| {
                info.name == "main" && !program.function(f as FuncId).is_declaration
            });
        if !closed {
            return marked;
        }
        let mut edges: HashMap<(Instance, u32), Vec<(Instance, u32)>> = HashMap::default();
        let mut work: Vec<(Instance, u32)> = Vec::new();
        let instances = self.param_ptrs.len() as Instance;
        for x in 0..instances {
            let f = self.func_of(x);
            let func = program.function(f);
            let module = program.funcs[f as usize].module;
            for (i, inst) in func.insts.iter().enumerate() {
                let i = i as u32;
                let InstKind::Call { callee, args, .. } = &inst.kind else {
                    continue;
                };
                let callees: Vec<Instance> = match callee {
                    Callee::Direct(name) => match program.direct_target(module, *name) {
                        Some(t @ Target::Defined(g)) if !self.index.of(t).is_primitive() => {
                            vec![match self.clone_at.get(&(x, i)) {
                                Some(&c) if self.func_of(c) == g => c,
                                _ => g,
                            }]
                        }
                        _ => continue,
                    },
                    Callee::Indirect(_) => match self.indirect_targets.get(&(f, i)) {
                        Some(t) => t.clone(),
                        None => continue,
                    },
                };
                for (k, a) in args.iter().enumerate() {
                    let mut src = (false, Vec::new());
                    self.index_source(f, a, 8, &mut src);
                    for &c in &callees {
                        if src.0 && marked.insert((c, k as u32)) {
                            work.push((c, k as u32));
                        }
                        for &j in &src.1 {
                            edges.entry((x, j)).or_default().push((c, k as u32));
                        }
                    }
                }
            }
        }
        while let Some(p) = work.pop() {
            for &q in edges.get(&p).map_or(&[][..], |v| &v[..]) {
                if marked.insert(q) {
                    work.push(q);
                }
            }
        }
        marked
    }

    /// Where the address `v` of `f` comes from, as far as a run-time index
    /// goes: whether it takes one (`&cache[i]`, through casts, constant
    /// offsets and promoted slots), and the parameters it derives from.
    fn index_source(&mut self, f: FuncId, v: &Value, depth: u32, out: &mut (bool, Vec<u32>)) {
        if depth == 0 || out.0 {
            return;
        }
        let func = self.program.function(f);
        match v {
            Value::Arg(k) if !out.1.contains(k) => out.1.push(*k),
            Value::Inst(i) => match &func.insts.get(*i as usize).map(|x| &x.kind) {
                Some(InstKind::Gep { index: Some(_), .. }) => out.0 = true,
                Some(InstKind::Gep { base, .. }) | Some(InstKind::Cast { value: base, .. }) => {
                    self.index_source(f, base, depth - 1, out)
                }
                Some(InstKind::Load { ptr, .. }) => {
                    let stored = self
                        .promoted_slots(f)
                        .map(|p| p.stored_at(ptr, *i))
                        .unwrap_or_default();
                    for s in stored {
                        self.index_source(f, &s, depth - 1, out);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// Only stack slots (or `__thread` globals) made this object, besides
    /// read-only globals (a pointer that is a local buffer or a string
    /// literal: `name = buf ?: "none"`) and placeholders for memory outside
    /// the input. Neither part can be written by another thread.
    fn is_stack_only(&self, rep: NodeId) -> bool {
        let node = &self.nodes[rep as usize];
        !node.writable_global
            && (node.thread_local || node.origins.iter().any(|o| matches!(o, Origin::Stack(..))))
            && node.origins.iter().all(|o| {
                matches!(
                    o,
                    Origin::Stack(..) | Origin::External(_) | Origin::Param(..) | Origin::Global(_)
                )
            })
    }

    /// Only what scalar parameters of entry points point to made this
    /// object (`external_params`), besides stack slots and read-only
    /// globals: the callers' own variables, not shared by being a root's
    /// parameter. A full origin list may have dropped an allocation.
    fn is_callers_own(&self, rep: NodeId) -> bool {
        let node = &self.nodes[rep as usize];
        !node.writable_global
            && !node.thread_local
            && node.origins.len() < MAX_ORIGINS
            && node.origins.iter().any(|o| matches!(o, Origin::Param(..)))
            && node
                .origins
                .iter()
                .all(|o| matches!(o, Origin::Stack(..) | Origin::Param(..) | Origin::Global(_)))
    }

    /// Exit handlers become calls where the thread runs them: a program's
    /// at the returns of `main` and at calls of the model's `exit_calls`
    /// (`exit`), a thread's at the returns of every thread's start function
    /// and at calls of its `exit_calls` (`pthread_exit`). A return is no
    /// call instruction; the call graph, the lock analysis and the walk
    /// take a return with targets as a call of them.
    fn exit_handler_calls(&mut self) {
        if self.exit_handlers.is_empty() {
            return;
        }
        let starts: HashSet<FuncId> = self
            .spawns
            .iter()
            .filter(|s| s.context == Context::Thread)
            .map(|s| s.callee)
            .collect();
        let handlers = std::mem::take(&mut self.exit_handlers);
        let program = self.program;
        for f in 0..program.funcs.len() as FuncId {
            let func = program.function(f);
            let is_main = program.funcs[f as usize].name == "main" && !func.is_declaration;
            for (i, inst) in func.insts.iter().enumerate() {
                let i = i as u32;
                let called = match &inst.kind {
                    InstKind::Call {
                        callee: Callee::Direct(_),
                        ..
                    } => Some(program.target_name_of_call(f, i)),
                    _ => None,
                };
                let runs = |(when, _, model): &(AtExit, FuncId, &SpawnModel)| match &inst.kind {
                    InstKind::Ret { .. } => match when {
                        AtExit::Program => is_main,
                        AtExit::Thread => starts.contains(&f),
                    },
                    _ => called
                        .as_ref()
                        .is_some_and(|n| model.exit_calls.contains(n)),
                };
                let gs: Vec<FuncId> = handlers.iter().filter(|h| runs(h)).map(|h| h.1).collect();
                if !gs.is_empty() {
                    let t = self.indirect_targets.entry((f, i)).or_default();
                    for g in gs {
                        if !t.contains(&g) {
                            t.push(g);
                        }
                    }
                }
            }
        }
        self.exit_handlers = handlers;
    }

    /// Drops the targets of a call through a struct's function-pointer
    /// member (`cs->mark_unstable(cs)`) that can never be in that member:
    /// functions whose address only global initializers take, none of them
    /// at that member of that struct type (`hpet_resume_counter`, only
    /// ever `clocksource_hpet.resume`). Points-to merges the members of
    /// objects it cannot tell apart, and the kCFI prototype test cannot
    /// tell `resume` from `mark_unstable` either. A function whose address
    /// code takes (a store, a call's argument) may end up anywhere, and so
    /// may what a member holds when code reads it for anything but a call
    /// or a test (`saved = ops->resume`, then stored or passed on); a call
    /// whose member is not known keeps every target. Member-typed targets
    /// (MLTA, Lu and Hu, CCS '19), for the addresses that are easy to
    /// follow.
    fn member_typed_targets(&mut self) {
        let program = self.program;
        // Members whose value code copies somewhere.
        let mut escaping: HashSet<(String, i64)> = HashSet::default();
        for f in 0..program.funcs.len() as FuncId {
            if program.language(f) != crate::ir::Language::C {
                continue;
            }
            let func = program.function(f);
            let is_ptr_load = |v: &Value| match v {
                Value::Inst(j) => matches!(
                    func.insts.get(*j as usize).map(|x| &x.kind),
                    Some(InstKind::Load { size: 8, .. })
                ),
                _ => false,
            };
            let mut copied: Vec<u32> = Vec::new();
            for inst in &func.insts {
                match &inst.kind {
                    InstKind::ICmp { .. } => {}
                    // Called (the callee is no argument) or tested.
                    InstKind::Call { args, .. } => {
                        for a in args {
                            if let (true, Value::Inst(j)) = (is_ptr_load(a), a) {
                                copied.push(*j);
                            }
                        }
                    }
                    k => k.for_each_operand(|v| {
                        if let (true, Value::Inst(j)) = (is_ptr_load(v), v) {
                            copied.push(*j);
                        }
                    }),
                }
            }
            copied.sort_unstable();
            copied.dedup();
            for j in copied {
                let Some(InstKind::Load { ptr, .. }) = func.insts.get(j as usize).map(|x| &x.kind)
                else {
                    continue;
                };
                if let Some(at) = super::naming::static_type_location(program, f, ptr) {
                    if let Some(m) = fn_member(program, at.module, at.ty, at.off) {
                        escaping.insert(m);
                    }
                }
            }
        }
        // Per function: the members it is put in, or None once anything
        // else takes its address.
        let mut members: HashMap<FuncId, Option<Vec<(String, i64)>>> = HashMap::default();
        for g in 0..program.globals.len() as GlobalId {
            let glob = program.global(g);
            let module = program.globals[g as usize].module;
            let ty = glob
                .di_type
                .map(|t| strip_alias(&program.modules[module as usize].types, t));
            for (off, v) in &glob.pointers {
                let Value::Global { name, offset: 0 } = v else {
                    continue;
                };
                let Some(Symbol::Func(f)) = program.resolve(module, *name) else {
                    continue;
                };
                // Rust's vtables are globals too, typed per implementing
                // type: C's ops tables only.
                let c = program.modules[module as usize].language == crate::ir::Language::C;
                let member = ty
                    .filter(|_| c)
                    .and_then(|t| fn_member(program, module, t, *off as i64));
                let entry = members.entry(f).or_insert_with(|| Some(Vec::new()));
                match (entry.as_mut(), member.filter(|m| !escaping.contains(m))) {
                    (Some(list), Some(m)) => {
                        if !list.contains(&m) {
                            list.push(m);
                        }
                    }
                    _ => *entry = None,
                }
            }
        }
        let mut dropped = 0usize;
        let mut sites: Vec<(FuncId, u32)> = self.indirect_targets.keys().copied().collect();
        sites.sort_unstable();
        for (f, i) in sites {
            if program.language(f) != crate::ir::Language::C {
                continue;
            }
            let func = program.function(f);
            let Some(InstKind::Call {
                callee: Callee::Indirect(Value::Inst(j)),
                ..
            }) = func.insts.get(i as usize).map(|x| &x.kind)
            else {
                continue;
            };
            let Some(InstKind::Load { ptr, .. }) = func.insts.get(*j as usize).map(|x| &x.kind)
            else {
                continue;
            };
            let Some(at) = super::naming::static_type_location(program, f, ptr) else {
                continue;
            };
            let Some(member) = fn_member(program, at.module, at.ty, at.off) else {
                continue;
            };
            let fits = |g: &FuncId| {
                self.code_taken.contains(g)
                    || match members.get(g) {
                        Some(Some(list)) => list.contains(&member),
                        _ => true,
                    }
            };
            let targets = &self.indirect_targets[&(f, i)];
            if targets.iter().all(fits) || !targets.iter().any(fits) {
                continue;
            }
            let kept: Vec<FuncId> = targets.iter().copied().filter(fits).collect();
            dropped += targets.len() - kept.len();
            self.indirect_targets.insert((f, i), kept);
        }
        if std::env::var_os("SEAM_TIMINGS").is_some() {
            eprintln!(
                "seam: memory: {dropped} indirect-call targets never stored in the call's member ({} members copied)",
                escaping.len()
            );
        }
    }

    fn freeze(mut self) -> Memory {
        self.member_typed_targets();
        self.exit_handler_calls();
        // Indirect calls that found no target.
        let mut unresolved = Vec::new();
        let mut seen = HashSet::default();
        for item in &self.pending {
            if let Pending::Call(x, i, _) = item {
                let f = self.func_of(*x);
                if !self.indirect_targets.contains_key(&(f, *i)) && seen.insert((f, *i)) {
                    unresolved.push((f, *i));
                }
            }
        }
        // Shared nodes: reachable from globals, external objects, root
        // parameters and thread data. A stack object is one thread's even
        // when unification ties it to a root's parameter or to the object
        // its type names (`struct ma_state` lives on every caller's stack):
        // it becomes shared only when a pointer to it is stored in shared
        // memory or handed to another thread.
        let mut roots: Vec<NodeId> = Vec::new();
        for g in self.global_nodes.clone() {
            let (r, _) = self.find(g);
            if !self.is_stack_only(r) {
                roots.push(r);
            }
        }
        let mut weak: Vec<NodeId> = Vec::new();
        weak.extend(self.external_nodes.values().copied());
        for f in 0..self.program.funcs.len() as FuncId {
            let outside = self.address_taken.contains(&f) || !self.has_direct_caller.contains(&f);
            let destructor = self
                .exit_handlers
                .iter()
                .any(|&(when, g, _)| g == f && when == AtExit::Thread);
            if outside && !destructor {
                weak.extend(self.param_ptrs[f as usize].iter().map(|p| p.node));
            }
        }
        for w in weak {
            let (r, _) = self.find(w);
            if !self.is_stack_only(r) && !self.is_callers_own(r) {
                roots.push(r);
            }
        }
        for s in &self.spawns {
            roots.extend(self.param_ptrs[s.callee as usize].iter().map(|p| p.node));
            roots.extend(self.param_ptrs[s.instance as usize].iter().map(|p| p.node));
        }
        roots.extend(self.closure_roots.iter().map(|p| p.node));
        let n = self.nodes.len();
        let mut shared = vec![false; n];
        let mut stack: Vec<NodeId> = roots.into_iter().map(|r| self.find(r).0).collect();
        while let Some(r) = stack.pop() {
            if shared[r as usize] {
                continue;
            }
            shared[r as usize] = true;
            let targets: Vec<Ptr> = self.nodes[r as usize].fields.values().copied().collect();
            for t in targets {
                let (tr, _) = self.find(t.node);
                if !shared[tr as usize] {
                    stack.push(tr);
                }
            }
        }
        for i in 0..n as NodeId {
            let (r, _) = self.find(i);
            if shared[r as usize] {
                shared[i as usize] = true;
            }
        }
        let indexed_params = self.indexed_params();
        Memory {
            nodes: self.nodes,
            inst_ptrs: self.inst_ptrs,
            clone_funcs: self.clone_funcs,
            clone_at: self.clone_at,
            param_ptrs: self.param_ptrs,
            ret_ptrs: self.ret_ptrs,
            global_nodes: self.global_nodes,
            indirect_targets: {
                // Found in binding order; consumers walk them in a canonical one.
                let mut t = self.indirect_targets;
                t.values_mut().for_each(|v| v.sort_unstable());
                t
            },
            unresolved,
            spawns: self.spawns,
            address_taken: self.address_taken,
            once_calls: self.once_calls,
            shared,
            promoted: self.promoted.into_iter().map(Option::flatten).collect(),
            indexed_params,
        }
    }
}

impl Memory {
    pub fn ret_ptr(&self, f: FuncId) -> Ptr {
        self.norm(self.ret_ptrs[f as usize])
    }

    pub fn param_ptr(&self, f: FuncId, k: usize) -> Option<Ptr> {
        self.param_ptrs[f as usize].get(k).map(|p| self.norm(*p))
    }

    pub fn global_ptr(&self, g: GlobalId) -> Ptr {
        self.norm(Ptr {
            node: self.global_nodes[g as usize],
            off: 0,
        })
    }
}

impl Program<'_> {
    pub(crate) fn target_name_of_call(&self, f: FuncId, i: u32) -> String {
        let m = self.funcs[f as usize].module;
        if let InstKind::Call {
            callee: Callee::Direct(name),
            ..
        } = &self.function(f).insts[i as usize].kind
        {
            if let Some(t) = self.direct_target(m, *name) {
                return self.target_name(t).to_string();
            }
            return self.modules[m as usize].str(*name).to_string();
        }
        String::from("<indirect>")
    }
}

fn is_pointerish(v: &Value) -> bool {
    matches!(v, Value::Inst(_) | Value::Arg(_) | Value::Global { .. })
}

/// `[[static_call]]` models applied to the program's globals: each key
/// global, by the name of its trampoline.
fn static_call_keys(program: &Program<'_>, index: &ModelIndex<'_>) -> HashMap<String, StaticKey> {
    let mut models: Vec<_> = index.models().static_calls().collect();
    let mut keys = HashMap::default();
    if models.is_empty() {
        return keys;
    }
    // The most specific prefix wins (`__SCK__lsm_static_call_` over `__SCK__`).
    models.sort_by_key(|m| std::cmp::Reverse(m.key_prefix.len()));
    for (g, info) in program.globals.iter().enumerate() {
        for m in &models {
            if let Some(rest) = info.name.strip_prefix(m.key_prefix.as_str()) {
                // NAME less a trailing `_<number>` (the LSM's hook slots).
                let member = match rest.rsplit_once('_') {
                    Some((hook, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                        hook
                    }
                    _ => rest,
                };
                keys.insert(
                    format!("{}{rest}", m.trampoline_prefix),
                    StaticKey {
                        key: g as GlobalId,
                        off: m.func_offset,
                        typed_as: m
                            .type_member_of
                            .as_ref()
                            .map(|t| (t.clone(), member.to_string())),
                    },
                );
                break;
            }
        }
    }
    keys
}

/// `[[static_call]]` update functions of the program, defined or not.
fn static_call_updates(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
) -> HashMap<Target, (u32, u32, u64)> {
    let mut by_name: HashMap<&str, (u32, u32, u64)> = HashMap::default();
    for m in index.models().static_calls() {
        for f in &m.update_functions {
            by_name.insert(f, (m.update_key_arg, m.update_func_arg, m.func_offset));
        }
    }
    let mut updates = HashMap::default();
    if by_name.is_empty() {
        return updates;
    }
    for (g, info) in program.funcs.iter().enumerate() {
        if let Some(&u) = by_name.get(info.name.as_str()) {
            updates.insert(Target::Defined(g as FuncId), u);
        }
    }
    for (e, name) in program.externals.iter().enumerate() {
        if let Some(&u) = by_name.get(name.as_str()) {
            updates.insert(Target::External(e as u32), u);
        }
    }
    updates
}

/// The prototype of function-pointer member `member` of the struct or
/// union named `agg`, from module `m`'s debug info.
fn member_prototype(program: &Program<'_>, m: u32, agg: &str, member: &str) -> Option<Prototype> {
    use crate::ir::DiTypeKind;
    let module = &program.modules[m as usize];
    let ty = module.types.iter().find(|t| {
        matches!(t.kind, DiTypeKind::Struct { .. } | DiTypeKind::Union { .. })
            && t.name.is_some_and(|n| module.str(n) == agg)
    })?;
    let (DiTypeKind::Struct { members } | DiTypeKind::Union { members }) = &ty.kind else {
        return None;
    };
    let mem = members
        .iter()
        .find(|x| x.name.is_some_and(|n| module.str(n) == member))?;
    let t = pointee_type(program, m, mem.ty?)?;
    Prototype::of(module, t)
}

/// Sees through typedefs/qualifiers of a pointer type to its pointee.
pub(crate) fn pointee_type(p: &Program<'_>, module: u32, t: TypeId) -> Option<TypeId> {
    use crate::ir::DiTypeKind;
    let types = &p.modules[module as usize].types;
    let mut cur = t;
    for _ in 0..16 {
        match &types.get(cur as usize)?.kind {
            DiTypeKind::Pointer { pointee } => return pointee.map(|x| strip_alias(types, x)),
            DiTypeKind::Alias { base, .. } => cur = (*base)?,
            _ => return None,
        }
    }
    None
}

pub(crate) fn strip_alias(types: &[crate::ir::DiType], t: TypeId) -> TypeId {
    use crate::ir::DiTypeKind;
    let mut cur = t;
    for _ in 0..16 {
        match types.get(cur as usize).map(|x| &x.kind) {
            Some(DiTypeKind::Alias { base: Some(b), .. }) => cur = *b,
            _ => break,
        }
    }
    cur
}

/// A basic type, an enum or a pointer: what an out-parameter or a
/// by-reference counter holds, never an object with members.
fn is_scalar(p: &Program<'_>, module: u32, t: TypeId) -> bool {
    use crate::ir::DiTypeKind;
    matches!(
        p.modules[module as usize]
            .types
            .get(t as usize)
            .map(|x| &x.kind),
        Some(DiTypeKind::Basic | DiTypeKind::Pointer { .. })
    )
}

/// `struct my_dev` / `union u` / Rust `Inner`: the name that identifies an
/// external object of this type. None for anonymous or basic types.
pub(crate) fn type_key(p: &Program<'_>, module: u32, t: TypeId) -> Option<String> {
    use crate::ir::DiTypeKind;
    let m = &p.modules[module as usize];
    let ty = m.types.get(t as usize)?;
    let name = m.str(ty.name?);
    if name.is_empty() {
        return None;
    }
    match &ty.kind {
        DiTypeKind::Struct { .. } | DiTypeKind::Union { .. } => Some(name.to_string()),
        _ => None,
    }
}

/// The outermost type that starts exactly at byte `off` of type `t`: `t`
/// itself at 0, else the member (or array element) there.
fn type_at(p: &Program<'_>, module: u32, t: TypeId, off: i64) -> Option<TypeId> {
    use crate::ir::DiTypeKind;
    let types = &p.modules[module as usize].types;
    let mut cur = strip_alias(types, t);
    let mut off = off;
    for _ in 0..16 {
        if off == 0 {
            return Some(cur);
        }
        if matches!(types.get(cur as usize)?.kind, DiTypeKind::Union { .. }) {
            return None;
        }
        (cur, off) = member_step(types, cur, off)?;
    }
    None
}

/// One step into struct/union/array `t` towards byte `off`: the member (or
/// element) containing it and the offset inside that, aliases stripped.
/// None for any other type.
fn member_step(types: &[crate::ir::DiType], t: TypeId, off: i64) -> Option<(TypeId, i64)> {
    use crate::ir::DiTypeKind;
    match &types.get(t as usize)?.kind {
        DiTypeKind::Struct { members } | DiTypeKind::Union { members } => {
            let mem = members
                .iter()
                .rfind(|m| m.offset as i64 <= off && off < (m.offset + m.size.max(1)) as i64)?;
            Some((strip_alias(types, mem.ty?), off - mem.offset as i64))
        }
        DiTypeKind::Array {
            element: Some(e), ..
        } => {
            let e = strip_alias(types, *e);
            let es = types.get(e as usize)?.size as i64;
            (es > 0).then_some((e, off % es))
        }
        _ => None,
    }
}

/// The innermost struct and offset of the pointer member at byte `off` of
/// struct `t` (`struct clocksource`, offset of `resume`), through nested
/// structs. None inside a union or an array, and where no pointer member
/// starts at `off`: two layouts may give such a place two meanings.
fn fn_member(p: &Program<'_>, module: u32, t: TypeId, off: i64) -> Option<(String, i64)> {
    use crate::ir::DiTypeKind;
    let types = &p.modules[module as usize].types;
    let (mut cur, mut off) = (strip_alias(types, t), off);
    for _ in 0..16 {
        if !matches!(types.get(cur as usize)?.kind, DiTypeKind::Struct { .. }) {
            return None;
        }
        let (m, inner) = member_step(types, cur, off)?;
        match types.get(m as usize)?.kind {
            DiTypeKind::Pointer { .. } if inner == 0 => {
                return Some((type_key(p, module, cur)?, off));
            }
            DiTypeKind::Struct { .. } => (cur, off) = (m, inner),
            _ => return None,
        }
    }
    None
}

/// The type of the member at offset 0 of struct `t`, aliases stripped.
fn first_member(p: &Program<'_>, module: u32, t: TypeId) -> Option<TypeId> {
    use crate::ir::DiTypeKind;
    let types = &p.modules[module as usize].types;
    match &types.get(strip_alias(types, t) as usize)?.kind {
        DiTypeKind::Struct { members } => {
            let m = members.iter().find(|m| m.offset == 0)?;
            Some(strip_alias(types, m.ty?))
        }
        _ => None,
    }
}

/// The pointee type of a pointer-typed member at byte `off` of type `t`.
pub(crate) fn pointer_member_at(
    p: &Program<'_>,
    module: u32,
    t: TypeId,
    off: i64,
) -> Option<TypeId> {
    use crate::ir::DiTypeKind;
    let types = &p.modules[module as usize].types;
    let mut cur = strip_alias(types, t);
    let mut off = off;
    for _ in 0..16 {
        if let DiTypeKind::Pointer { pointee } = &types.get(cur as usize)?.kind {
            return if off == 0 {
                pointee.map(|x| strip_alias(types, x))
            } else {
                None
            };
        }
        (cur, off) = member_step(types, cur, off)?;
    }
    None
}

/// Per function: a C function with external linkage that only the
/// program's own direct calls can reach, so it may be copied per call
/// site like a `static` one. That needs a closed program (one that
/// defines `main`: nothing outside calls into it) and a function whose
/// address is never taken (no indirect call, no callback registration,
/// no alias can reach it). Kernel code defines no `main`: none there.
fn open_helpers(program: &Program<'_>) -> Vec<bool> {
    use crate::ir::{Language, Linkage};
    let n = program.funcs.len();
    let closed = (0..n)
        .any(|f| program.funcs[f].name == "main" && !program.function(f as FuncId).is_declaration);
    if !closed {
        return vec![false; n];
    }
    let mut taken = vec![false; n];
    let mut mark = |m: u32, v: &Value| {
        if let Value::Global { name, .. } = v {
            if let Some(Symbol::Func(g)) = program.resolve(m, *name) {
                taken[g as usize] = true;
            }
        }
    };
    for (m, module) in program.modules.iter().enumerate() {
        let m = m as u32;
        for func in &module.functions {
            for inst in &func.insts {
                inst.kind.for_each_operand(|v| mark(m, v));
            }
        }
        for glob in &module.globals {
            for (_, v) in &glob.pointers {
                mark(m, v);
            }
        }
        for a in &module.aliases {
            mark(m, &a.target);
        }
    }
    (0..n)
        .map(|f| {
            let func = program.function(f as FuncId);
            program.language(f as FuncId) == Language::C
                && func.linkage == Linkage::External
                && !func.is_declaration
                && program.funcs[f].name != "main"
                && !taken[f]
        })
        .collect()
}

/// Can `g` be copied per call site? A small function with a pointer
/// parameter whose memory effects are all on pointers the solver follows
/// per copy: no indirect call or thread start (their targets are resolved
/// once per function), no lock operation reaching past the function, no
/// native atomic that could be a lock (hand-rolled locks are decided per
/// function by the lock stage). Two kinds qualify:
///
/// - a C function of its file (`static`, `static inline`; in a closed
///   program also one only direct calls reach, see `open_helpers`), with
///   no native atomic at all, and lock operations only when each names its
///   lock by a parameter or a global (see `lock_helper`; the lock stage
///   names them per copy, and per call site in the caller);
/// - a monomorphisation of Rust's library (`<Arc<T> as Clone>::clone`,
///   `Arc::drop_slow`, `drop_in_place::<Arc<T>>`, `RawVec::grow_one`),
///   whatever its linkage: rustc emits one per type for the whole crate,
///   so two `Arc<Slot>` of the program meet in its parameters. Its
///   reference-count updates (atomic read-modify-writes other than a swap,
///   atomic loads) stay per copy; a compare-exchange or swap, a release
///   store of 0 (a hand-rolled lock), an instruction of an inlined lock
///   primitive, a rendezvous (barrier, channel) or a closure handed to a
///   std API keep it whole.
fn clonable(
    program: &Program<'_>,
    index: &ModelIndex<'_>,
    open: &[bool],
    std_dep: bool,
    g: FuncId,
) -> bool {
    use crate::ir::{Language, Linkage, Ordering, RmwOp};
    let func = program.function(g);
    let rust_std = program.language(g) == Language::Rust
        && (std_dep || crate::program::is_rust_std_fn(&program.funcs[g as usize].demangled));
    let c_local = program.language(g) == Language::C
        && (func.linkage == Linkage::Internal || open[g as usize]);
    if !(c_local || rust_std)
        || func.is_declaration
        || func.insts.is_empty()
        || func.variadic
        || !(func.params.iter().any(|p| p.is_ptr) || (c_local && allocates(program, index, g)))
    {
        return false;
    }
    // A Rust lock acquisition returning its guard (`Mutex::lock`) is a
    // model the walk never enters and the lock stage takes at the call;
    // its body only says where the guard's pointer to the lock comes from,
    // which is per call site.
    let sem = index.of(Target::Defined(g));
    if sem.is_primitive() {
        return rust_std
            && sem.lock.is_some_and(|l| l.returns_guard)
            && sem.spawn.is_none()
            && sem.join.is_none()
            && func.insts.iter().all(|inst| {
                !matches!(
                    inst.kind,
                    InstKind::Call {
                        callee: Callee::Indirect(_),
                        ..
                    }
                )
            });
    }
    let module = program.funcs[g as usize].module;
    let lock_free = |i: usize| index.inlined_lock_model(program, g, i as u32).is_none();
    let own_locks = c_local && lock_helper(program, index, g);
    func.insts
        .iter()
        .enumerate()
        .all(|(i, inst)| match &inst.kind {
            InstKind::Call {
                callee: Callee::Indirect(_),
                ..
            } => rust_std,
            InstKind::Call {
                callee: Callee::Direct(name),
                ..
            } => program.direct_target(module, *name).is_none_or(|t| {
                let sem = index.of(t);
                (sem.lock.is_none() || own_locks)
                    && sem.spawn.is_none()
                    && sem.join.is_none()
                    && (!rust_std
                        || (sem.rendezvous.is_none()
                            && !matches!(t, Target::Defined(h) if index.closure_api(h).is_some())))
            }),
            InstKind::CmpXchg { .. } => false,
            InstKind::AtomicRmw { op, .. } => rust_std && *op != RmwOp::Xchg && lock_free(i),
            InstKind::Load { ordering, .. } => {
                *ordering == Ordering::NotAtomic || (rust_std && lock_free(i))
            }
            InstKind::Store {
                ordering, value, ..
            } => {
                *ordering == Ordering::NotAtomic
                    || (rust_std
                        && lock_free(i)
                        && !(matches!(value, Value::Int(0))
                            && matches!(
                                ordering,
                                Ordering::Release | Ordering::AcqRel | Ordering::SeqCst
                            )))
            }
            _ => true,
        })
}

/// A C helper returning a pointer that calls an allocator
/// (`open_account(initial)` mallocs and fills in an account): copied per
/// call site, each call allocates an object of its own.
fn allocates(program: &Program<'_>, index: &ModelIndex<'_>, g: FuncId) -> bool {
    let func = program.function(g);
    let module = program.funcs[g as usize].module;
    func.returns_ptr
        && func.insts.iter().any(|inst| match &inst.kind {
            InstKind::Call { callee, .. } => program
                .call_target(module, callee)
                .and_then(|t| index.of(t).alloc)
                .is_some_and(|a| !a.free),
            _ => false,
        })
}

/// Where a lock argument comes from: a parameter or a global, and a byte
/// offset into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum LockRoot {
    Param(u32, i64),
    Global(crate::ir::StrId, i64),
}

/// A C helper whose lock operations each name a lock by a parameter or a
/// global (through -O0's stack slot of the parameter, casts and constant
/// offsets): one that takes and releases them as often (`bump(m, c) {
/// lock(m); *c += 1; unlock(m); }`), or a lock or unlock wrapper
/// (`foo_lock(f) { spin_lock(&f->lock); }`). Copied per call site, the
/// lock stage names its locks per copy, and a caller takes or releases the
/// lock its own copy names: `bump(&ma, …)` and `bump(&mb, …)` hold
/// different locks, `foo_lock(a)` takes `a`'s.
fn lock_helper(program: &Program<'_>, index: &ModelIndex<'_>, g: FuncId) -> bool {
    use seam_models::LockAction;
    let func = program.function(g);
    let module = program.funcs[g as usize].module;
    let mut named = false;
    for inst in &func.insts {
        let InstKind::Call {
            callee: Callee::Direct(name),
            ..
        } = &inst.kind
        else {
            continue;
        };
        let Some(model) = program
            .direct_target(module, *name)
            .and_then(|t| index.of(t).lock)
        else {
            continue;
        };
        let Some(arg) = model
            .arg
            .and_then(|a| inst.kind.model_args().get(a as usize))
        else {
            return false;
        };
        if model.global || model.returns_guard || model.arg_is_guard {
            return false;
        }
        // A trylock's result decides what the caller holds, which the
        // lock stage follows in the function that branches on it.
        if lock_root(func, arg, 0).is_none() || model.action == LockAction::TryAcquire {
            return false;
        }
        named = true;
    }
    named
}

fn lock_root(func: &crate::ir::Function, v: &Value, depth: u32) -> Option<LockRoot> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Arg(k) => Some(LockRoot::Param(*k, 0)),
        Value::Global { name, offset } => Some(LockRoot::Global(*name, *offset)),
        Value::Inst(i) => match &func.insts.get(*i as usize)?.kind {
            InstKind::Cast { value, .. } => lock_root(func, value, depth + 1),
            InstKind::Gep {
                base,
                offset: Some(o),
                ..
            } => match lock_root(func, base, depth + 1)? {
                LockRoot::Param(k, off) => Some(LockRoot::Param(k, off + o)),
                LockRoot::Global(g, off) => Some(LockRoot::Global(g, off + o)),
            },
            // -O0 keeps the parameter in a stack slot stored once.
            InstKind::Load {
                ptr: slot @ Value::Inst(a),
                ..
            } if matches!(
                func.insts.get(*a as usize).map(|x| &x.kind),
                Some(InstKind::Alloca { .. })
            ) =>
            {
                let mut stored = func.insts.iter().filter_map(|x| match &x.kind {
                    InstKind::Store { ptr, value, .. } if ptr == slot => Some(value),
                    _ => None,
                });
                let value = stored.next()?;
                if stored.next().is_some() {
                    return None;
                }
                lock_root(func, value, depth + 1)
            }
            _ => None,
        },
        _ => None,
    }
}

/// Per external function: whether some module declares it returning a
/// pointer.
fn ext_returns_ptr(program: &Program<'_>) -> Vec<bool> {
    let mut out = vec![false; program.externals.len()];
    for (m, module) in program.modules.iter().enumerate() {
        for f in module.functions.iter().filter(|f| f.is_declaration) {
            if let Some(Target::External(e)) = program.direct_target(m as u32, f.name) {
                out[e as usize] |= f.returns_ptr;
            }
        }
    }
    out
}

/// Rust's library code (std's, or of a crate std is built from: `std_dep`),
/// with none of the user's code inlined into it (at -O2 a thread's closure
/// body is inlined into std's `__rust_begin_short_backtrace::<F>`, which is
/// then the user's code).
fn is_library_code(program: &Program<'_>, f: FuncId, std_dep: bool) -> bool {
    let func = program.function(f);
    if func.language != crate::ir::Language::Rust
        || !(std_dep || crate::program::is_rust_std_code(&program.funcs[f as usize].demangled))
    {
        return false;
    }
    let m = program.module_of(f);
    if is_user_closure_shim(program, f) {
        return false;
    }
    !func.insts.iter().any(|inst| {
        let mut loc = inst.loc;
        for _ in 0..32 {
            let Some(l) = loc.and_then(|l| m.locations.get(l as usize)) else {
                return false;
            };
            // Line 0 is code the compiler made (an `unreachable` after a
            // call that never returns), filed under the crate's main file.
            if l.line != 0
                && l.scope
                    .is_some_and(|s| !crate::program::is_rust_std_code(m.str(s)))
                && !crate::program::is_rust_std_dep_file(m.str(l.file))
            {
                return true;
            }
            loc = l.inlined_at;
        }
        false
    })
}

/// A Rust function defined in one of std's dependency crates (see
/// `is_rust_std_dep_file`): `hashbrown`'s table code behind std's
/// `HashMap`, instantiated for the user's types like std's own generics.
fn is_std_dep_fn(program: &Program<'_>, f: FuncId) -> bool {
    let m = program.module_of(f);
    program
        .function(f)
        .di_loc
        .and_then(|l| m.locations.get(l as usize))
        .is_some_and(|l| crate::program::is_rust_std_dep_file(m.str(l.file)))
}

/// A `FnOnce::call_once` vtable shim of a closure wrapping the user's
/// (std's boxed `spawn_unchecked` closure around `lib::run::{closure}`):
/// the entry of one thread, one monomorphisation per user closure. At -O2
/// it has none of the user's code inlined (the closure's body stays in its
/// own `__rust_begin_short_backtrace`), yet it is the user's: the std
/// helpers it calls (the spawn hooks' runner, shared by every thread)
/// must be copied for it, or every thread's boxed closure becomes one
/// object and closures of different layouts overlap one's captured
/// pointer with another's `Packet`.
fn is_user_closure_shim(program: &Program<'_>, f: FuncId) -> bool {
    let d = &program.funcs[f as usize].demangled;
    (d.contains("{{vtable.shim}}") || d.contains("{shim:vtable"))
        && first_param_names_user_type(program, f, "")
}

/// The drop glue of a std closure wrapping the user's
/// (`drop_in_place::<spawn_unchecked<lib::run::{closure}, T>::{closure}>`,
/// the boxed closure's vtable entry beside the [`is_user_closure_shim`]
/// one): one monomorphisation per user closure too, reached from outside
/// with that closure's environment. It stays std's code (its calls bind
/// no closure's copies), but the std helpers it calls are copied for it
/// as for the user's calls: the one `drop_in_place::<ChildSpawnHooks>`
/// every thread's environment reaches made one object of every thread's
/// environment, result packet and returned value.
fn is_user_closure_drop(program: &Program<'_>, f: FuncId) -> bool {
    program.funcs[f as usize]
        .demangled
        .starts_with("core::ptr::drop_in_place<")
        && first_param_names_user_type(program, f, "{closure_env#")
}

/// Does `f`'s first parameter point to a type (whose name starts with
/// `prefix`) with a path of the user's crates in its generic arguments?
fn first_param_names_user_type(program: &Program<'_>, f: FuncId, prefix: &str) -> bool {
    let func = program.function(f);
    let module = program.funcs[f as usize].module;
    let Some(t) = func.params.first().and_then(|p| p.di_type) else {
        return false;
    };
    let m = &program.modules[module as usize];
    let Some(name) = pointee_type(program, module, t)
        .and_then(|p| m.types.get(p as usize))
        .and_then(|ty| ty.name)
    else {
        return false;
    };
    let name = m.str(name);
    if !name.starts_with(prefix) {
        return false;
    }
    // A path in the generic arguments whose crate is not Rust's library.
    let Some((_, args)) = name.split_once('<') else {
        return false;
    };
    args.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter_map(|tok| tok.split_once("::").map(|(krate, _)| krate))
        .any(|krate| !krate.is_empty() && !matches!(krate, "std" | "core" | "alloc"))
}

/// Is this source the number of the CPU running the code or of the CPU a
/// callback is for: `smp_processor_id()` (on x86 a `movl %gs:` read of
/// `pcpu_hot.cpu_number`), `get_cpu()`, a `cpumask_*` iterator
/// (`for_each_cpu`: summing or resetting every CPU's slot, as per-CPU data
/// is drained), or a parameter named `cpu` (CPU hotplug and per-CPU work
/// callbacks)?
fn is_cpu_number(m: &crate::ir::Module, k: IntSource) -> bool {
    match k {
        IntSource::LoadOf(g) => m.str(g) == "cpu_number",
        IntSource::Asm(asm, globals) => {
            let t = m.str(asm);
            t.contains("movl %gs:")
                && globals
                    .iter()
                    .any(|g| matches!(m.str(*g), "pcpu_hot" | "cpu_number"))
        }
        IntSource::Param(name) => name.is_some_and(|n| m.str(n) == "cpu"),
        IntSource::Call(callee) => matches!(
            m.str(callee),
            "smp_processor_id"
                | "raw_smp_processor_id"
                | "debug_smp_processor_id"
                | "get_cpu"
                | "__smp_processor_id"
                | "cpumask_first"
                | "cpumask_next"
                | "cpumask_first_and"
                | "cpumask_next_and"
                | "cpumask_next_wrap"
                | "cpumask_any_but"
        ),
        IntSource::Field => false,
    }
}
