//! Program: all ingested modules linked into one program.
//!
//! Resolves every function and global reference to a program-wide id across
//! modules and languages (a C call to a Rust `#[no_mangle] extern "C"`
//! function, a Rust call to `rust_helper_*`, a global defined in C and
//! declared `extern` in Rust). Internal symbols resolve inside their module
//! first. Declarations with no definition anywhere stay `External`: models
//! describe them.

mod semantics;
pub use semantics::{FreeFrame, ModelIndex, Primitive, Semantics, Target};

use rustc_hash::FxHashMap as HashMap;

use crate::ir::{Function, Global, InstKind, Language, Linkage, Module, StrId, Value};

/// Program-wide function id: index into [`Program::funcs`].
pub type FuncId = u32;
/// Program-wide global id: index into [`Program::globals`].
pub type GlobalId = u32;

/// A function defined somewhere in the input.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    pub module: u32,
    /// Index into the module's `functions`.
    pub index: u32,
    pub name: String,
    pub demangled: String,
    pub language: Language,
}

#[derive(Clone, Debug)]
pub struct GlobalInfo {
    pub module: u32,
    pub index: u32,
    pub name: String,
}

/// What a symbol reference resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Symbol {
    Func(FuncId),
    Global(GlobalId),
    /// Declared but defined nowhere in the input; index into `Program::externals`.
    External(u32),
}

pub struct Program<'m> {
    pub modules: &'m [Module],
    pub funcs: Vec<FuncInfo>,
    pub globals: Vec<GlobalInfo>,
    /// Names of symbols that are declared but not defined in the input.
    pub externals: Vec<String>,
    /// Demangled names of `externals` (same index).
    pub externals_demangled: Vec<String>,
    /// Per module: module-local string id → what it names.
    resolve: Vec<HashMap<StrId, Symbol>>,
}

impl<'m> Program<'m> {
    pub fn link(modules: &'m [Module]) -> Program<'m> {
        let mut funcs = Vec::new();
        let mut globals = Vec::new();
        // External (non-internal) definitions by name. The first strong
        // definition wins; weak ones are used only when nothing else defines.
        let mut public: HashMap<&str, (Symbol, bool)> = HashMap::default();
        let mut local: Vec<HashMap<StrId, Symbol>> = vec![HashMap::default(); modules.len()];

        for (mi, m) in modules.iter().enumerate() {
            for (fi, f) in m.functions.iter().enumerate() {
                if f.is_declaration {
                    continue;
                }
                let id = funcs.len() as FuncId;
                funcs.push(FuncInfo {
                    module: mi as u32,
                    index: fi as u32,
                    name: m.str(f.name).to_string(),
                    demangled: m.str(f.demangled).to_string(),
                    language: f.language,
                });
                register(
                    &mut public,
                    &mut local[mi],
                    m.str(f.name),
                    f.name,
                    f.linkage,
                    Symbol::Func(id),
                );
            }
            for (gi, g) in m.globals.iter().enumerate() {
                if g.is_declaration {
                    continue;
                }
                let id = globals.len() as GlobalId;
                globals.push(GlobalInfo {
                    module: mi as u32,
                    index: gi as u32,
                    name: m.str(g.name).to_string(),
                });
                register(
                    &mut public,
                    &mut local[mi],
                    m.str(g.name),
                    g.name,
                    g.linkage,
                    Symbol::Global(id),
                );
            }
        }

        // Aliases name what they alias (rustc folds identical functions).
        for (mi, m) in modules.iter().enumerate() {
            for a in &m.aliases {
                let crate::ir::Value::Global {
                    name: target,
                    offset: 0,
                } = a.target
                else {
                    continue;
                };
                let sym = local[mi]
                    .get(&target)
                    .copied()
                    .or_else(|| public.get(m.str(target)).map(|x| x.0));
                if let Some(sym) = sym {
                    register(
                        &mut public,
                        &mut local[mi],
                        m.str(a.name),
                        a.name,
                        a.linkage,
                        sym,
                    );
                }
            }
        }

        let mut externals: Vec<String> = Vec::new();
        let mut externals_demangled: Vec<String> = Vec::new();
        let mut external_ids: HashMap<String, u32> = HashMap::default();
        let mut resolve = local;
        for (mi, m) in modules.iter().enumerate() {
            let names = m
                .functions
                .iter()
                .filter(|f| f.is_declaration)
                .map(|f| (f.name, f.demangled))
                .chain(
                    m.globals
                        .iter()
                        .filter(|g| g.is_declaration)
                        .map(|g| (g.name, g.demangled)),
                );
            let declared: Vec<(StrId, StrId)> = names.collect();
            // Also resolve every non-local definition's own name to the winning definition.
            let defined: Vec<(StrId, StrId)> = m
                .functions
                .iter()
                .filter(|f| !f.is_declaration && f.linkage != Linkage::Internal)
                .map(|f| (f.name, f.demangled))
                .chain(
                    m.globals
                        .iter()
                        .filter(|g| !g.is_declaration && g.linkage != Linkage::Internal)
                        .map(|g| (g.name, g.demangled)),
                )
                .collect();
            for (sid, dem) in declared.into_iter().chain(defined) {
                let name = m.str(sid);
                let sym = match public.get(name) {
                    Some(&(s, _)) => s,
                    None => {
                        let next = externals.len() as u32;
                        let id = *external_ids.entry(name.to_string()).or_insert_with(|| {
                            externals.push(name.to_string());
                            externals_demangled.push(m.str(dem).to_string());
                            next
                        });
                        Symbol::External(id)
                    }
                };
                resolve[mi].insert(sid, sym);
            }
        }
        Program {
            modules,
            funcs,
            globals,
            externals,
            externals_demangled,
            resolve,
        }
    }

    /// Resolves a symbol referenced from module `module`.
    pub fn resolve(&self, module: u32, name: StrId) -> Option<Symbol> {
        self.resolve[module as usize].get(&name).copied()
    }

    pub fn module_of(&self, f: FuncId) -> &'m Module {
        &self.modules[self.funcs[f as usize].module as usize]
    }

    pub fn function(&self, f: FuncId) -> &'m Function {
        let info = &self.funcs[f as usize];
        &self.modules[info.module as usize].functions[info.index as usize]
    }

    /// Is instruction `i` of C function `f` code of a header (a `static
    /// inline` helper, called or inlined)? A macro (`READ_ONCE`) is where
    /// it is expanded.
    pub fn in_c_header(&self, f: FuncId, i: u32) -> bool {
        if self.language(f) != crate::ir::Language::C {
            return false;
        }
        let m = self.module_of(f);
        let func = self.function(f);
        func.insts
            .get(i as usize)
            .and_then(|x| x.loc)
            .or(func.di_loc)
            .and_then(|l| m.locations.get(l as usize))
            .is_some_and(|l| m.str(l.file).ends_with(".h"))
    }

    /// The global and byte offset `v` (in function `f`) is the address of,
    /// followed `depth` steps through casts, constant GEPs, stack slots
    /// holding one value (unoptimised bitcode keeps every local in one) and
    /// helpers that return an address inside their first argument
    /// (`spinlock_check(lock)` is `&lock->rlock`).
    pub fn global_address(&self, f: FuncId, v: &Value, depth: u32) -> Option<(GlobalId, i64)> {
        let module = self.funcs[f as usize].module;
        match v {
            Value::Global { name, offset } => match self.resolve(module, *name)? {
                Symbol::Global(g) => Some((g, *offset)),
                _ => None,
            },
            Value::Inst(i) if depth > 0 => {
                let func = self.function(f);
                match &func.insts.get(*i as usize)?.kind {
                    InstKind::Cast { value, .. } => self.global_address(f, value, depth - 1),
                    InstKind::Gep {
                        base,
                        offset: Some(o),
                        ..
                    } => self
                        .global_address(f, base, depth - 1)
                        .map(|(g, x)| (g, x + o)),
                    InstKind::Load {
                        ptr: Value::Inst(slot),
                        ..
                    } => {
                        let stored = func.stored_once(*slot)?;
                        self.global_address(f, &stored, depth - 1)
                    }
                    InstKind::Call {
                        callee: crate::ir::Callee::Direct(name),
                        args,
                        ..
                    } => {
                        let Symbol::Func(h) = self.resolve(module, *name)? else {
                            return None;
                        };
                        let delta = self.function(h).returns_first_arg_plus()?;
                        self.global_address(f, args.first()?, depth - 1)
                            .map(|(g, x)| (g, x + delta))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Every global and byte offset `v` may be the address of, when each
    /// way it is computed is one: [`Program::global_address`], also
    /// through `phi`s, `select`s and stack slots stored several times
    /// (`i = c ? &d.x : &d.y`, or at -O0 `if (c) i = &d.x; else i =
    /// &d.y;`). `None` when some way is not a global's address or there
    /// are more than `MAX_GLOBAL_ADDRESSES`.
    pub fn global_addresses(
        &self,
        f: FuncId,
        v: &Value,
        depth: u32,
    ) -> Option<Vec<(GlobalId, i64)>> {
        let mut out = Vec::new();
        self.collect_global_addresses(f, v, depth, &mut out)?;
        out.sort_unstable();
        out.dedup();
        Some(out)
    }

    fn collect_global_addresses(
        &self,
        f: FuncId,
        v: &Value,
        depth: u32,
        out: &mut Vec<(GlobalId, i64)>,
    ) -> Option<()> {
        if out.len() > MAX_GLOBAL_ADDRESSES {
            return None;
        }
        if let Some(one) = self.global_address(f, v, depth) {
            out.push(one);
            return Some(());
        }
        let Value::Inst(i) = v else { return None };
        if depth == 0 {
            return None;
        }
        let func = self.function(f);
        match &func.insts.get(*i as usize)?.kind {
            InstKind::Cast { value, .. } => self.collect_global_addresses(f, value, depth - 1, out),
            InstKind::Gep {
                base,
                offset: Some(o),
                ..
            } => {
                let mut inner = Vec::new();
                self.collect_global_addresses(f, base, depth - 1, &mut inner)?;
                out.extend(inner.into_iter().map(|(g, x)| (g, x + o)));
                Some(())
            }
            InstKind::Phi { incoming } => incoming
                .iter()
                .try_for_each(|(x, _)| self.collect_global_addresses(f, x, depth - 1, out)),
            InstKind::Select {
                then, otherwise, ..
            } => {
                self.collect_global_addresses(f, then, depth - 1, out)?;
                self.collect_global_addresses(f, otherwise, depth - 1, out)
            }
            InstKind::Load {
                ptr: Value::Inst(slot),
                ..
            } => {
                let stored = func.stored_values(*slot)?;
                stored
                    .iter()
                    .try_for_each(|x| self.collect_global_addresses(f, x, depth - 1, out))
            }
            _ => None,
        }
    }

    pub fn global(&self, g: GlobalId) -> &'m Global {
        let info = &self.globals[g as usize];
        &self.modules[info.module as usize].globals[info.index as usize]
    }

    /// The name a global has in the source (debug info), else its
    /// demangled symbol.
    pub fn global_source_name(&self, g: GlobalId) -> String {
        let glob = self.global(g);
        let m = &self.modules[self.globals[g as usize].module as usize];
        glob.di_name
            .map(|n| m.str(n).to_string())
            .unwrap_or_else(|| m.str(glob.demangled).to_string())
    }

    /// Finds a defined function by symbol or demangled name.
    pub fn find_function(&self, name: &str) -> Option<FuncId> {
        self.funcs
            .iter()
            .position(|f| f.name == name || f.demangled == name || strip_hash(&f.demangled) == name)
            .map(|i| i as FuncId)
    }

    pub fn language(&self, f: FuncId) -> Language {
        self.funcs[f as usize].language
    }
}

/// The most globals [`Program::global_addresses`] lists for one pointer.
const MAX_GLOBAL_ADDRESSES: usize = 8;

fn register<'a>(
    public: &mut HashMap<&'a str, (Symbol, bool)>,
    local: &mut HashMap<StrId, Symbol>,
    name: &'a str,
    sid: StrId,
    linkage: Linkage,
    sym: Symbol,
) {
    match linkage {
        Linkage::Internal => {
            local.insert(sid, sym);
        }
        _ => {
            let weak = linkage == Linkage::Weak;
            match public.get(name) {
                Some(&(_, existing_weak)) if !existing_weak || weak => {}
                _ => {
                    public.insert(name, (sym, weak));
                }
            }
        }
    }
}

/// `foo::bar::h0123456789abcdef` → `foo::bar`.
pub fn strip_hash(s: &str) -> &str {
    if let Some(pos) = s.rfind("::h") {
        let tail = &s[pos + 3..];
        if tail.len() == 16 && tail.bytes().all(|b| b.is_ascii_hexdigit()) {
            return &s[..pos];
        }
    }
    s
}

/// Where a source file belongs, for choosing the line a user sees and for
/// leaving library internals alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// The program being analysed.
    User,
    /// Rust's standard library (core, alloc, std): its internals are
    /// synchronised by its own protocols, which seam models at the API.
    RustStd,
    /// Headers and the Rust-for-Linux `kernel` crate: primitives and
    /// wrappers whose call site is the line that matters.
    Wrapper,
}

/// A Rust function that belongs to the standard library (`std::…`,
/// `<core::… as …>::…`), generic instantiations included.
pub fn is_rust_std_fn(demangled: &str) -> bool {
    let d = demangled.trim_start_matches('<');
    ["std::", "core::", "alloc::"]
        .iter()
        .any(|p| d.starts_with(p))
}

/// Source files of core's primitive layer: atomics, pointer reads and
/// writes (`ptr::read`, and the raw pointers' and `NonNull`'s methods
/// `p.read()`, `p.write(v)`, `p.read_volatile()`), intrinsics, hints and
/// cells. What they do is what their caller asked for.
pub fn is_core_primitive_file(file: &str) -> bool {
    const PRIMITIVES: [&str; 8] = [
        "core/src/sync/atomic.rs",
        "core/src/ptr/mod.rs",
        "core/src/ptr/mut_ptr.rs",
        "core/src/ptr/const_ptr.rs",
        "core/src/ptr/non_null.rs",
        "core/src/intrinsics/mod.rs",
        "core/src/hint.rs",
        "core/src/cell.rs",
    ];
    PRIMITIVES.iter().any(|p| file.ends_with(p))
}

/// Source files of std's containers and slices (`Vec`, `String`,
/// `VecDeque`, `HashMap`, slices, `mem::replace`): they have no
/// synchronisation of their own, so what they do to the memory they are
/// given is their caller's access (two threads pushing onto one `Vec`
/// through a wrapper claiming `Sync` race in `Vec::push`).
pub fn is_std_container_file(file: &str) -> bool {
    const CONTAINERS: [&str; 11] = [
        "alloc/src/alloc.rs",
        "alloc/src/boxed.rs",
        "alloc/src/vec/",
        "alloc/src/raw_vec",
        "alloc/src/string.rs",
        "alloc/src/collections/",
        "alloc/src/slice.rs",
        "core/src/slice/",
        "core/src/mem/",
        "std/src/collections/",
        "/hashbrown/src/",
    ];
    // `HashMap`'s hashbrown as rustc's own build files it (see
    // `is_rust_std_dep_file`): `/rust/deps/hashbrown-0.16.1/src/raw/mod.rs`.
    CONTAINERS.iter().any(|c| file.contains(c))
        || file
            .strip_prefix("/rust/deps/hashbrown-")
            .is_some_and(|rest| rest.contains("/src/"))
}

/// Rust's library machinery or an implementation of one of its traits
/// (`<kernel::str::Formatter as core::fmt::Write>::write_str`): called by
/// the library on the thread that holds the trait object, never through a
/// C function pointer and never as a thread's entry.
pub fn is_rust_library_fn(demangled: &str) -> bool {
    is_rust_std_fn(demangled)
        || demangled.contains(" as core::")
        || demangled.contains(" as alloc::")
        || demangled.contains(" as std::")
}

/// Code of Rust's library by its name: `std::`/`core::`/`alloc::` paths and
/// their trait implementations for a type of theirs or a type parameter
/// (`<&A as core::alloc::Allocator>::deallocate`), not the user's
/// implementations of std's traits (`<app::Slot as core::ops::Drop>::drop`).
pub fn is_rust_std_code(demangled: &str) -> bool {
    if is_rust_std_fn(demangled) || is_primitive_inherent_fn(demangled) {
        return true;
    }
    if !is_rust_library_fn(demangled) || !demangled.starts_with('<') {
        return false;
    }
    let Some(self_ty) = demangled[1..].split(" as ").next() else {
        return false;
    };
    let t = self_ty.trim_start_matches(['&', '*', '[', '(']);
    let t = t
        .trim_start_matches("mut ")
        .trim_start_matches("const ")
        .trim_start_matches("dyn ");
    match t.split_once("::") {
        None => true,
        Some((krate, _)) => matches!(krate, "core" | "alloc" | "std"),
    }
}

/// An inherent method of a primitive type (`<usize>::unchecked_mul`,
/// `<*mut u8>::add`, `<[u8]>::len`): only core can define those. Its path
/// names no crate, so inlined into a std function (a `Vec`'s drop
/// computing its buffer's size) it looked like the user's code there.
fn is_primitive_inherent_fn(demangled: &str) -> bool {
    let Some(rest) = demangled.strip_prefix('<') else {
        return false;
    };
    // The self type ends at the `>` closing the opening `<`.
    let mut depth = 1usize;
    let Some(end) = rest.char_indices().find_map(|(k, c)| {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            _ => {}
        }
        (depth == 0).then_some(k)
    }) else {
        return false;
    };
    let (self_ty, tail) = rest.split_at(end);
    if !tail.starts_with(">::") || self_ty.contains(" as ") {
        return false;
    }
    // Slices, arrays, pointers and tuples of anything are primitives too
    // (`<[app::Slot]>::len`); else the name is a path or a primitive's.
    if self_ty.starts_with(['&', '*', '[', '(']) {
        return true;
    }
    !self_ty.is_empty() && !self_ty.contains("::") && !self_ty.starts_with("dyn ")
}

/// A source file of one of the crates Rust's standard library is built
/// from (`hashbrown` behind `HashMap`, `std_detect`, `addr2line`): rustc's
/// own build remaps their registry sources to `/rust/deps/<crate>-<ver>/`
/// (bootstrap's `RUSTC_CARGO_REGISTRY_SRC_TO_REMAP`), and their generic and
/// `#[inline]` code is instantiated in the user's crate under that path.
pub fn is_rust_std_dep_file(path: &str) -> bool {
    path.starts_with("/rust/deps/")
}

pub fn source_kind(path: &str) -> SourceKind {
    // rustc records `/rustc/<hash>/library/…`, remapped to the local
    // `lib/rustlib/src/rust/library/…` when rust-src is installed.
    let std_crates = [
        "library/core/",
        "library/std/",
        "library/alloc/",
        "library/panic_",
        "library/portable-simd/",
        "library/stdarch/",
    ];
    let in_std = path.contains("library/")
        && std_crates.iter().any(|c| {
            path.starts_with(c)
                || path
                    .match_indices(c)
                    .any(|(at, _)| at > 0 && path.as_bytes()[at - 1] == b'/')
        });
    if in_std || is_rust_std_dep_file(path) {
        SourceKind::RustStd
    } else if path.ends_with(".h")
        || path.contains("/rust/kernel/")
        || path.contains("/kernel-rs/src/")
        || path.contains("/rust/helpers/")
    {
        SourceKind::Wrapper
    } else {
        SourceKind::User
    }
}

impl Program<'_> {
    /// A function that acts on its caller's behalf: core's primitive
    /// layer (`ptr::read`, `read_volatile`, an atomic's `load`) or std's
    /// unsynchronised containers (`Vec::push`), by where its body is.
    pub fn acts_for_caller(&self, f: FuncId) -> bool {
        let m = self.module_of(f);
        self.function(f)
            .di_loc
            .and_then(|l| m.locations.get(l as usize))
            .is_some_and(|l| {
                let file = m.str(l.file);
                is_core_primitive_file(file) || is_std_container_file(file)
            })
    }

    /// Some instruction of `f` comes from the program's own source (inlined).
    fn has_user_code_inlined(&self, f: FuncId) -> bool {
        let m = self.module_of(f);
        self.function(f).insts.iter().any(|inst| {
            let mut loc = inst.loc;
            for _ in 0..64 {
                let Some(l) = loc.and_then(|l| m.locations.get(l as usize)) else {
                    return false;
                };
                if source_kind(m.str(l.file)) == SourceKind::User {
                    return true;
                }
                loc = l.inlined_at;
            }
            false
        })
    }

    /// Is this instruction part of Rust std's own machinery (Arc counts, a
    /// thread's result packet, Vec internals) rather than a primitive the
    /// user called (`read_volatile`, an atomic's `load`)? Walks the inlined
    /// chain past the primitive layers (core's atomics and pointer
    /// functions) and asks where the first other frame lives.
    pub fn is_std_internal(&self, f: FuncId, inst: u32) -> bool {
        self.std_internal(f, inst, true)
    }

    /// `is_std_internal`, with std's containers taken as std's own code
    /// (`containers = false`) or as acting for their caller.
    pub fn std_internal(&self, f: FuncId, inst: u32, containers: bool) -> bool {
        let m = self.module_of(f);
        let mut loc = self
            .function(f)
            .insts
            .get(inst as usize)
            .and_then(|i| i.loc);
        // An instruction the optimiser moved and left without a location
        // (a load hoisted out of a thread's loop) in a std function the
        // user's code is inlined into (`__rust_begin_short_backtrace`
        // running a thread's closure) is taken to be the user's.
        if loc.is_none() && self.has_user_code_inlined(f) {
            return false;
        }
        let mut last_file = None;
        for _ in 0..64 {
            let Some(l) = loc.and_then(|l| m.locations.get(l as usize)) else {
                break;
            };
            let file = m.str(l.file);
            let acts_for_caller =
                is_core_primitive_file(file) || (containers && is_std_container_file(file));
            if !acts_for_caller {
                return source_kind(file) == SourceKind::RustStd;
            }
            last_file = Some(file);
            loc = l.inlined_at;
        }
        // Only primitive frames: std's own code when the function is std's
        // (drop glue `core::ptr::drop_in_place<…>`), the user's otherwise.
        let own = self
            .function(f)
            .di_loc
            .and_then(|l| m.locations.get(l as usize))
            .map(|l| m.str(l.file))
            .or(last_file);
        own.map(|file| source_kind(file) == SourceKind::RustStd)
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::is_rust_std_code;

    #[test]
    fn std_dependency_crates_are_std() {
        use super::{is_std_container_file, source_kind, SourceKind};
        let raw = "/rust/deps/hashbrown-0.16.1/src/raw/mod.rs";
        assert_eq!(source_kind(raw), SourceKind::RustStd);
        assert!(is_std_container_file(raw));
        assert!(!is_std_container_file(
            "/rust/deps/gimli-0.31.1/src/read/mod.rs"
        ));
        assert_eq!(
            source_kind("/home/me/.cargo/registry/src/index/hashbrown-0.16.1/src/raw/mod.rs"),
            SourceKind::User
        );
    }

    #[test]
    fn primitive_inherent_methods_are_std() {
        assert!(is_rust_std_code("<usize>::unchecked_mul"));
        assert!(is_rust_std_code("<*mut u8>::add"));
        assert!(is_rust_std_code("<[app::Slot]>::len"));
        assert!(is_rust_std_code("<alloc::alloc::Global>::deallocate_impl"));
        assert!(!is_rust_std_code("<app::Slot>::new"));
        assert!(!is_rust_std_code(
            "<app::Slot as core::ops::drop::Drop>::drop"
        ));
        assert!(!is_rust_std_code("app::run"));
    }
}
