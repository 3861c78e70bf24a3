//! What a callee means to the analysis: a model (lock, marked access,
//! barrier, spawn, allocation …), a function whose body is in the input, or
//! an unknown external. Looked up once per distinct callee.

use rustc_hash::FxHashMap as HashMap;

use seam_models::{FnModels, FnName, LockModel, Models, SpawnModel};

use super::{FuncId, Program, Symbol};
use crate::ir::{Callee, StrId};

/// Everything the models say about one callee.
pub type Semantics<'a> = FnModels<'a>;

/// What the analysis needs to know of a callee's models at a call.
pub trait Primitive {
    /// A primitive: the analysis uses the model and does not look into the body.
    fn is_primitive(&self) -> bool;
}

impl Primitive for Semantics<'_> {
    fn is_primitive(&self) -> bool {
        self.lock.is_some()
            || self.access.is_some()
            || self.barrier.is_some()
            || self.spawn.is_some()
            || self.join.is_some()
            || self.alloc.is_some()
    }
}

/// Whose code a frame of a free's call stack is (`ModelIndex::free_frame`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreeFrame {
    /// The program's own code.
    User,
    /// A free or a function dropping what its caller owns: ask its caller.
    PassThrough,
    /// Rust's std doing its own bookkeeping.
    Std,
}

/// A resolved call target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Defined(FuncId),
    External(u32),
}

/// Per-callee model lookups, memoised.
pub struct ModelIndex<'a> {
    models: &'a Models,
    defined: HashMap<FuncId, Semantics<'a>>,
    external: HashMap<u32, Semantics<'a>>,
    /// Defined functions that are a closure-taking std API (`thread::spawn`,
    /// `Scope::spawn`, `thread::scope` not inlined), with their model.
    closure_apis: HashMap<FuncId, &'a SpawnModel>,
    /// Defined functions whose body runs holding a lock (`body = true`:
    /// SV-COMP's `__VERIFIER_atomic_*`), with their model.
    body_locks: HashMap<FuncId, &'a LockModel>,
}

impl<'a> ModelIndex<'a> {
    pub fn new(program: &Program<'_>, models: &'a Models) -> ModelIndex<'a> {
        let mut idx = ModelIndex {
            models,
            defined: HashMap::default(),
            external: HashMap::default(),
            closure_apis: HashMap::default(),
            body_locks: HashMap::default(),
        };
        for (i, f) in program.funcs.iter().enumerate() {
            let s = idx.lookup(&f.name, &f.demangled);
            idx.defined.insert(i as FuncId, s);
            if let Some(sp) = idx.closure_api_named(&f.name, &f.demangled) {
                idx.closure_apis.insert(i as FuncId, sp);
            }
            if let Some(l) = idx.body_lock_named(&f.name, &f.demangled) {
                idx.body_locks.insert(i as FuncId, l);
            }
        }
        for (i, name) in program.externals.iter().enumerate() {
            let s = idx.lookup(name, &program.externals_demangled[i]);
            idx.external.insert(i as u32, s);
        }
        idx
    }

    fn lookup(&self, symbol: &str, demangled: &str) -> Semantics<'a> {
        let n = FnName { symbol, demangled };
        let mut m = self.models.lookup(&n);
        // A closure-taking API (`std::thread::spawn` at -O0) is analysed
        // through its body, down to the OS-thread start that is modelled.
        m.spawn = m.spawn.filter(|s| !s.closure);
        // A function whose body runs under a lock is analysed through its
        // body, which holds the lock (see `body_lock`).
        m.lock = m.lock.filter(|l| !l.body);
        m
    }

    /// The `body = true` lock model of a name (filtered out of `lookup`).
    fn body_lock_named(&self, symbol: &str, demangled: &str) -> Option<&'a LockModel> {
        self.models
            .lookup(&FnName { symbol, demangled })
            .lock
            .filter(|l| l.body)
    }

    /// The lock a defined function's body runs holding (`body = true`).
    pub fn body_lock(&self, f: FuncId) -> Option<&'a LockModel> {
        self.body_locks.get(&f).copied()
    }

    /// The lock the body of an inlined function of this name runs holding.
    pub fn body_lock_by_name(&self, name: &str) -> Option<&'a LockModel> {
        self.body_lock_named(name, name)
    }

    /// The closure-taking API model of a name (filtered out of `lookup`).
    fn closure_api_named(&self, symbol: &str, demangled: &str) -> Option<&'a SpawnModel> {
        self.models
            .lookup(&FnName { symbol, demangled })
            .spawn
            .filter(|s| s.closure)
    }

    /// A defined function that is a closure-taking std API: its body is
    /// analysed, and a thread started inside it is placed at its call.
    pub fn closure_api(&self, f: FuncId) -> Option<&'a SpawnModel> {
        self.closure_apis.get(&f).copied()
    }

    /// The closure-taking API model of an inlined scope's name
    /// (`std::thread::scoped::scope<…>`).
    pub fn closure_api_by_name(&self, name: &str) -> Option<&'a SpawnModel> {
        self.closure_api_named(name, name)
    }

    /// The lock model of an inlined primitive this instruction belongs to.
    pub fn inlined_lock_model(
        &self,
        program: &Program<'_>,
        f: FuncId,
        i: u32,
    ) -> Option<&'a LockModel> {
        self.inlined_lock_instance(program, f, i).map(|(m, _)| m)
    }

    /// The lock model of an inlined primitive this instruction belongs to
    /// (std's `Mutex::lock` inlined down to a compare-exchange, an inlined
    /// `spin_unlock`), found by the inlined scope's name in the debug info,
    /// and which inlined instance (the location it was inlined at).
    pub fn inlined_lock_instance(
        &self,
        program: &Program<'_>,
        f: FuncId,
        i: u32,
    ) -> Option<(&'a LockModel, u32)> {
        let m = program.module_of(f);
        let mut loc = program.function(f).insts[i as usize].loc;
        for _ in 0..32 {
            let l = m.locations.get(loc? as usize)?;
            // Only scopes that were inlined (have an inlined_at) are
            // primitives seen from the outside.
            l.inlined_at?;
            if let Some(scope) = l.scope {
                if let Some(model) = self.by_name(m.str(scope)).lock {
                    return Some((model, l.inlined_at?));
                }
            }
            loc = l.inlined_at;
        }
        None
    }

    /// Whose code instruction `k` of `g` is, for a free made there: its
    /// inlined frames innermost first, then `g` itself. Frames of frees
    /// and of `[[drop]]` functions (which drop what their caller owns)
    /// pass the question to their caller.
    pub fn free_frame(&self, program: &Program<'_>, g: FuncId, k: u32) -> FreeFrame {
        use super::{is_rust_std_fn, source_kind, SourceKind};
        let passes = |sem: Semantics<'_>| sem.drop.is_some() || sem.alloc.is_some_and(|a| a.free);
        let m = program.module_of(g);
        let mut loc = program
            .function(g)
            .insts
            .get(k as usize)
            .and_then(|x| x.loc);
        for _ in 0..64 {
            let Some(l) = loc.and_then(|l| m.locations.get(l as usize)) else {
                break;
            };
            if source_kind(m.str(l.file)) != SourceKind::RustStd {
                return FreeFrame::User;
            }
            // The outermost location is `g`'s own body: decided below.
            if l.inlined_at.is_none() {
                break;
            }
            match l.scope {
                Some(sc) if passes(self.by_name(m.str(sc))) => {}
                _ => return FreeFrame::Std,
            }
            loc = l.inlined_at;
        }
        if !is_rust_std_fn(&program.funcs[g as usize].demangled) {
            FreeFrame::User
        } else if passes(self.of(Target::Defined(g))) {
            FreeFrame::PassThrough
        } else {
            FreeFrame::Std
        }
    }

    /// Models matching a name that is not a call target (an inlined scope).
    pub fn by_name(&self, name: &str) -> Semantics<'a> {
        self.lookup(name, name)
    }

    pub fn of(&self, t: Target) -> Semantics<'a> {
        match t {
            Target::Defined(f) => self.defined.get(&f).cloned().unwrap_or_default(),
            Target::External(e) => self.external.get(&e).cloned().unwrap_or_default(),
        }
    }

    pub fn models(&self) -> &'a Models {
        self.models
    }
}

impl Program<'_> {
    /// Resolves a direct callee named in module `module`.
    pub fn direct_target(&self, module: u32, name: StrId) -> Option<Target> {
        match self.resolve(module, name)? {
            Symbol::Func(f) => Some(Target::Defined(f)),
            Symbol::External(e) => Some(Target::External(e)),
            Symbol::Global(_) => None,
        }
    }

    pub fn call_target(&self, module: u32, callee: &Callee) -> Option<Target> {
        match callee {
            Callee::Direct(name) => self.direct_target(module, *name),
            Callee::Indirect(_) => None,
        }
    }

    pub fn target_name(&self, t: Target) -> &str {
        match t {
            Target::Defined(f) => &self.funcs[f as usize].demangled,
            Target::External(e) => &self.externals_demangled[e as usize],
        }
    }
}
