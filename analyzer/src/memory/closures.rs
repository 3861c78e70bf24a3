//! Closures handed to Rust's closure-taking std APIs.
//!
//! At -O0 `thread::spawn(f)`, `Builder::spawn`, `Scope::spawn`,
//! `thread::scope` and `Once::call_once` are calls into std's generic code,
//! which moves the closure `f` through its own bookkeeping (the boxed
//! `spawn_unchecked` closure next to the result `Packet`, the `Thread`
//! handle and the spawn hooks, `MaybeDangling<F>`, `AssertUnwindSafe`)
//! before calling its body. Unification then makes one object of the
//! closure's captures and that bookkeeping, which std's non-generic helpers
//! share with every other thread and every panic or I/O error message of
//! the program; the merged object collapses, and the user's data with it.
//!
//! What std does with `f` is call its body once with it (and drop it), so
//! the solver binds the closure's pieces at the API call straight to the
//! body's environment parameter, and std's own copies of the closure are
//! bound to nothing: a call from std's code does not bind a parameter that
//! holds the closure (its body's environment, `drop_in_place::<F>`'s
//! pointer, `__rust_begin_short_backtrace::<F>`'s `f`). The closure's type
//! comes from debug info: the API's parameter and the body's first
//! parameter name the same `{closure_env#N}` type.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::ir::{Callee, DiTypeKind, InstKind, TypeId};
use crate::program::{is_rust_std_code, FuncId, ModelIndex, Program, Target};

/// A closure type: the module its debug info is in and the type.
pub type ClosureType = (u32, TypeId);

/// A call handing a closure to a std API.
#[derive(Clone, Debug)]
pub struct ClosureCall {
    /// IR index of the closure's first argument (the closure is the API's
    /// last parameter, possibly split in two scalars by the ABI).
    pub first: usize,
    pub ty: ClosureType,
    /// The closure runs in a new thread (not in the caller, as
    /// `thread::scope`'s and `Once::call_once`'s do).
    pub thread: bool,
}

/// How a function takes a closure of one of those types as its first
/// parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Taking {
    /// The closure's value, in `pieces` IR parameters (one pointer to a
    /// copy when the ABI passes it indirectly).
    Value,
    /// A pointer to the closure (`&F`, `*mut F`).
    Ref,
}

#[derive(Default)]
pub struct Closures {
    /// Per call instruction (caller, inst) of a closure-taking API.
    pub calls: HashMap<(FuncId, u32), ClosureCall>,
    /// Per closure type: its size and how many IR arguments carry it.
    pub layout: HashMap<ClosureType, (u64, usize)>,
    /// Per function taking such a closure first: which type and how.
    pub takers: HashMap<FuncId, (ClosureType, Taking)>,
    /// Per closure type: the user's functions taking it (its body).
    pub bodies: HashMap<ClosureType, Vec<(FuncId, Taking)>>,
}

impl Closures {
    pub fn find(program: &Program<'_>, index: &ModelIndex<'_>) -> Closures {
        let mut c = Closures::default();
        let mut types: HashSet<ClosureType> = HashSet::default();
        for f in 0..program.funcs.len() as FuncId {
            let func = program.function(f);
            if func.language != crate::ir::Language::Rust {
                continue;
            }
            let module = program.funcs[f as usize].module;
            for (i, inst) in func.insts.iter().enumerate() {
                let InstKind::Call {
                    callee: Callee::Direct(name),
                    args,
                    sret,
                    ..
                } = &inst.kind
                else {
                    continue;
                };
                let Some(Target::Defined(g)) = program.direct_target(module, *name) else {
                    continue;
                };
                let Some(api) = index.closure_api(g) else {
                    continue;
                };
                let Some(cb) = api.callback else { continue };
                let first = cb as usize + usize::from(*sret);
                let callee = program.function(g);
                // The closure is the API's last parameter; a closure that
                // captures nothing has no argument at all.
                if first >= args.len() || first >= callee.params.len() {
                    continue;
                }
                let gm = program.funcs[g as usize].module;
                // The closure's type: the source parameter (the IR one is
                // shifted by `sret` and may be split in two scalars).
                let Some(t) = callee
                    .source_params
                    .get(cb as usize)
                    .copied()
                    .flatten()
                    .or(callee.params[first].di_type)
                else {
                    continue;
                };
                let types_of = &program.modules[gm as usize].types;
                let t = super::strip_alias(types_of, t);
                if !matches!(
                    types_of.get(t as usize).map(|x| &x.kind),
                    Some(DiTypeKind::Struct { .. })
                ) {
                    continue;
                }
                let ty = (gm, t);
                let size = types_of[t as usize].size;
                c.layout.insert(ty, (size, callee.params.len() - first));
                types.insert(ty);
                c.calls.insert(
                    (f, i as u32),
                    ClosureCall {
                        first,
                        ty,
                        thread: !api.synchronous,
                    },
                );
            }
        }
        if types.is_empty() {
            return c;
        }
        for f in 0..program.funcs.len() as FuncId {
            let func = program.function(f);
            let Some(t) = func
                .source_params
                .first()
                .copied()
                .flatten()
                .or_else(|| func.params.first().and_then(|p| p.di_type))
            else {
                continue;
            };
            let m = program.funcs[f as usize].module;
            let types_of = &program.modules[m as usize].types;
            let t = super::strip_alias(types_of, t);
            let taking = if types.contains(&(m, t)) {
                Some(((m, t), Taking::Value))
            } else {
                match types_of.get(t as usize).map(|x| &x.kind) {
                    Some(DiTypeKind::Pointer { pointee: Some(p) }) => {
                        let p = super::strip_alias(types_of, *p);
                        types.contains(&(m, p)).then_some(((m, p), Taking::Ref))
                    }
                    _ => None,
                }
            };
            let Some((ty, how)) = taking else { continue };
            c.takers.insert(f, (ty, how));
            if !is_rust_std_code(&program.funcs[f as usize].demangled) {
                c.bodies.entry(ty).or_default().push((f, how));
            }
        }
        c
    }

    /// Parameters of `g` (bit mask) that hold a closure handed to a std API:
    /// not bound by calls from std's code.
    pub fn closure_params(&self, g: FuncId) -> u64 {
        match self.takers.get(&g) {
            Some((_, Taking::Ref)) => 1,
            Some((ty, Taking::Value)) => {
                let pieces = self.layout.get(ty).map(|l| l.1).unwrap_or(1).clamp(1, 63);
                (1u64 << pieces) - 1
            }
            None => 0,
        }
    }
}

/// Byte offsets of the scalars a closure type is made of (its leaf members,
/// in memory order): where the ABI's pieces of it go.
pub fn scalar_offsets(program: &Program<'_>, ty: ClosureType) -> Vec<i64> {
    fn walk(types: &[crate::ir::DiType], t: TypeId, base: i64, out: &mut Vec<i64>, depth: u32) {
        let t = super::strip_alias(types, t);
        let Some(d) = types.get(t as usize) else {
            return;
        };
        match &d.kind {
            DiTypeKind::Struct { members } if depth < 8 => {
                for m in members {
                    if m.size == 0 {
                        continue;
                    }
                    match m.ty {
                        Some(mt) => walk(types, mt, base + m.offset as i64, out, depth + 1),
                        None => out.push(base + m.offset as i64),
                    }
                }
            }
            _ if d.size > 0 => out.push(base),
            _ => {}
        }
    }
    let types = &program.modules[ty.0 as usize].types;
    let mut out = Vec::new();
    walk(types, ty.1, 0, &mut out, 0);
    out.sort_unstable();
    out.dedup();
    out
}
