//! Source-level names for abstract locations: `gdev.count`,
//! `struct my_dev.lock`, `Inner.stats`. Member names come from the debug-info
//! composite type at the byte offset.

use super::solver::{pointee_type, pointer_member_at, strip_alias, Memory, Origin, Ptr};
use crate::ir::{DiTypeKind, InstKind, Module, TypeId, Value};
use crate::program::Program;

impl Memory {
    /// The name of the object a pointer points into, without the field.
    pub fn object_name(&self, program: &Program<'_>, node: u32) -> String {
        let mut best: Option<(u8, String)> = None;
        let mut consider = |rank: u8, s: String| {
            if best.as_ref().map(|(r, _)| rank < *r).unwrap_or(true) {
                best = Some((rank, s));
            }
        };
        for o in self.origins(node) {
            match o {
                Origin::Global(g) => {
                    let glob = program.global(*g);
                    let m = &program.modules[program.globals[*g as usize].module as usize];
                    let name = glob
                        .di_name
                        .map(|n| m.str(n).to_string())
                        .unwrap_or_else(|| m.str(glob.demangled).to_string());
                    consider(0, name);
                }
                Origin::External(name) if !name.ends_with("()") => {
                    let shown = self
                        .di_type(node)
                        .and_then(|(m, t)| type_display(program, m, t))
                        .unwrap_or_else(|| name.clone());
                    consider(1, shown)
                }
                _ => {}
            }
        }
        if let Some((m, t)) = self.di_type(node) {
            if let Some(name) = type_display(program, m, t) {
                consider(2, name);
            }
        }
        for o in self.origins(node) {
            match o {
                Origin::Alloc(f, i) => {
                    let func = program.function(*f);
                    let m = program.module_of(*f);
                    let site = func.insts[*i as usize]
                        .loc
                        .and_then(|l| m.locations.get(l as usize))
                        .map(|l| format!("{}:{}", short(m.str(l.file)), l.line));
                    consider(
                        3,
                        format!(
                            "heap object allocated in {}{}",
                            program.funcs[*f as usize].demangled,
                            site.map(|s| format!(" at {s}")).unwrap_or_default()
                        ),
                    );
                }
                Origin::Stack(f, i) => {
                    let m = program.module_of(*f);
                    let name = match &program.function(*f).insts[*i as usize].kind {
                        crate::ir::InstKind::Alloca { name: Some(n), .. } => m.str(*n).to_string(),
                        _ => "local".to_string(),
                    };
                    consider(
                        4,
                        format!("{name} (stack of {})", program.funcs[*f as usize].demangled),
                    );
                }
                Origin::External(name) => consider(5, format!("object returned by {name}")),
                Origin::Param(f, k) => consider(
                    6,
                    format!(
                        "object passed to {} (argument {k})",
                        program.funcs[*f as usize].demangled
                    ),
                ),
                _ => {}
            }
        }
        best.map(|(_, s)| s)
            .unwrap_or_else(|| format!("object #{node}"))
    }

    /// `object.field.sub` for a pointer (normalised).
    pub fn location_name(&self, program: &Program<'_>, p: Ptr) -> String {
        const DEPTH: usize = 16;

        let base = self.object_name(program, p.node);
        if self.is_collapsed(p.node) {
            return format!("{base} (field-insensitive)");
        }
        let fields = self
            .di_type(p.node)
            .and_then(|(m, t)| member_path(&program.modules[m as usize], t, p.off, DEPTH));
        match fields {
            Some(path) if !path.is_empty() => format!("{base}.{path}"),
            _ if p.off == 0 => base,
            _ => format!("{base}+{}", p.off),
        }
    }

    /// `object.lock` for a lock: members down to the first lock-typed one
    /// (`spinlock_t`'s innards are the lock's business).
    pub fn lock_name(&self, program: &Program<'_>, p: Ptr) -> String {
        let base = self.object_name(program, p.node);
        if self.is_collapsed(p.node) {
            return format!("{base} (field-insensitive)");
        }
        let path = self.di_type(p.node).and_then(|(m, t)| {
            let m = &program.modules[m as usize];
            // A lock object itself (`static DEFINE_MUTEX(m)`): its first
            // member is the lock's inside, not a field holding it.
            (!is_lock_type(m, t)).then(|| lock_member_path(m, t, p.off))?
        });
        match path {
            Some(path) => format!("{base}.{path}"),
            None if p.off == 0 => base,
            None => format!("{base}+{}", p.off),
        }
    }
}

/// Member path at byte `off` inside type `t`: `stats.count`, `items[2]`.
pub fn member_path(m: &Module, t: TypeId, off: i64, depth: usize) -> Option<String> {
    let mut out = String::new();
    let mut cur = crate::memory::solver::strip_alias(&m.types, t);
    let mut off = off;
    for _ in 0..depth {
        let ty = m.types.get(cur as usize)?;
        match &ty.kind {
            DiTypeKind::Struct { members } | DiTypeKind::Union { members } => {
                if off < 0 {
                    return None;
                }
                let hit = members.iter().rfind(|mem| {
                    (mem.offset as i64) <= off && off < (mem.offset + mem.size.max(1)) as i64
                });
                let Some(mem) = hit else { break };
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(mem.name.map(|n| m.str(n)).unwrap_or("<anon>"));
                off -= mem.offset as i64;
                match mem.ty {
                    Some(next) => cur = crate::memory::solver::strip_alias(&m.types, next),
                    None => break,
                }
            }
            DiTypeKind::Array {
                element: Some(e), ..
            } => {
                let ety = crate::memory::solver::strip_alias(&m.types, *e);
                let esize = m.types.get(ety as usize).map(|x| x.size).unwrap_or(0) as i64;
                if esize <= 0 {
                    break;
                }
                out.push_str(&format!("[{}]", off / esize));
                off %= esize;
                cur = ety;
            }
            _ => break,
        }
        if off == 0
            && !matches!(
                m.types.get(cur as usize).map(|x| &x.kind),
                Some(DiTypeKind::Struct { .. })
            )
        {
            break;
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// The outermost array of known length inside type `t` that byte `off`
/// falls in: its extent `[lo, hi)` and element size.
pub fn array_at(m: &Module, t: TypeId, off: i64) -> Option<(i64, i64, i64)> {
    let mut cur = crate::memory::solver::strip_alias(&m.types, t);
    let mut base = 0i64;
    for _ in 0..8 {
        let ty = m.types.get(cur as usize)?;
        let rel = off - base;
        match &ty.kind {
            DiTypeKind::Struct { members } | DiTypeKind::Union { members } => {
                let mem = members.iter().rfind(|mem| {
                    (mem.offset as i64) <= rel && rel < (mem.offset + mem.size.max(1)) as i64
                })?;
                base += mem.offset as i64;
                cur = crate::memory::solver::strip_alias(&m.types, mem.ty?);
            }
            DiTypeKind::Array {
                element: Some(e),
                count: Some(n),
            } => {
                let ety = crate::memory::solver::strip_alias(&m.types, *e);
                let esize = m.types.get(ety as usize)?.size as i64;
                let len = esize.checked_mul(*n as i64)?;
                if esize <= 0 || *n < 2 || rel < 0 || rel >= len {
                    return None;
                }
                return Some((base, base + len, esize));
            }
            _ => return None,
        }
    }
    None
}

fn short(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// `struct my_dev` for C, `Inner` for Rust.
pub fn type_display(program: &Program<'_>, module: u32, t: TypeId) -> Option<String> {
    let m = &program.modules[module as usize];
    let ty = m.types.get(t as usize)?;
    let name = m.str(ty.name?);
    if name.is_empty() {
        return None;
    }
    Some(match (&ty.kind, m.language) {
        (DiTypeKind::Struct { .. }, crate::ir::Language::C) => format!("struct {name}"),
        (DiTypeKind::Union { .. }, crate::ir::Language::C) => format!("union {name}"),
        _ => name.to_string(),
    })
}

/// `struct hvc_struct.lock`: the location value `v` of function `f` points
/// to, named by the static type the code reaches it through (`&hp->lock`
/// with `hp` a `struct hvc_struct *` parameter, local or loaded field),
/// `off` bytes further on. For objects unification collapsed, whose own
/// name is one of the many objects merged into them and says nothing about
/// this access. Members are followed down to the first lock-typed one.
pub fn static_location_name(program: &Program<'_>, f: u32, v: &Value, off: i64) -> Option<String> {
    let (module, t, at) = static_base(program, f, v, 8)?;
    let m = &program.modules[module as usize];
    let ty = type_display(program, module, t)?;
    let path = lock_member_path(m, t, at + off);
    Some(match path {
        Some(p) => format!("{ty}.{p}"),
        None if at + off == 0 => ty,
        None => format!("{ty}+{}", at + off),
    })
}

/// A location in an object unification collapsed, keyed by the static
/// type the access reaches it through (`ei->i_disksize`: `struct
/// ext4_inode_info` at the member's offset). The object's own offsets are
/// lost, but the code still says which member of which type it touches.
#[derive(Clone, Debug)]
pub struct TypeLocation {
    /// The type's cross-module key (`type_key`).
    pub key: String,
    /// Byte offset inside that type.
    pub off: i64,
    pub module: u32,
    pub ty: TypeId,
}

impl TypeLocation {
    /// `struct ext4_inode_info.i_disksize`.
    pub fn name(&self, program: &Program<'_>) -> String {
        let m = &program.modules[self.module as usize];
        let ty = type_display(program, self.module, self.ty).unwrap_or_else(|| self.key.clone());
        match member_path(m, self.ty, self.off, 16) {
            Some(p) => format!("{ty}.{p}"),
            None if self.off == 0 => ty,
            None => format!("{ty}+{}", self.off),
        }
    }
}

/// The [`TypeLocation`] the load, store or atomic access at instruction
/// `i` of `f` touches. C only: Rust's types are generic containers
/// (`RawTable<(u32, u32)>`, `Vec<T>`'s buffer) instantiated for every use,
/// so one type says nothing of one location. Not for accesses in a C
/// header's inline helpers either: there the type is the helper's generic
/// parameter (`struct list_head *`), shared by every list.
pub fn access_type_location(program: &Program<'_>, f: u32, i: u32) -> Option<TypeLocation> {
    if program.language(f) != crate::ir::Language::C || program.in_c_header(f, i) {
        return None;
    }
    let ptr = program
        .function(f)
        .insts
        .get(i as usize)?
        .kind
        .accessed_pointer()?;
    static_type_location(program, f, ptr)
}

/// The [`TypeLocation`] value `v` of function `f` points to: a named struct
/// or union it reaches through a typed parameter, local, global or loaded
/// pointer, at an offset inside that type.
pub fn static_type_location(program: &Program<'_>, f: u32, v: &Value) -> Option<TypeLocation> {
    let (module, ty, off) = static_base(program, f, v, 8)?;
    let key = super::solver::type_key(program, module, ty)?;
    let m = &program.modules[module as usize];
    let size = m.types.get(ty as usize)?.size as i64;
    // A lock member is lock state (`spin_lock_init`'s plain stores), not
    // data; so is a lock type itself.
    if is_lock_type(m, ty) || lock_descent(m, ty, off).at_lock {
        return None;
    }
    (0 <= off && off < size).then_some(TypeLocation {
        key,
        off,
        module,
        ty,
    })
}

/// The lock `v + off` of function `f` points to, by its static type: the
/// innermost named struct or union whose member is the lock, and the
/// lock's offset in it (see `static_location_name`).
pub fn static_lock_key(
    program: &Program<'_>,
    f: u32,
    v: &Value,
    off: i64,
) -> Option<(String, i64)> {
    let (module, t, at) = static_base(program, f, v, 8)?;
    let m = &program.modules[module as usize];
    lock_descent(m, t, at + off)
        .holders
        .iter()
        .rev()
        .find_map(|&(h, o)| Some((super::solver::type_key(program, module, h)?, o)))
}

/// The struct or union type `v` points into by its static type, and the
/// byte offset into it.
fn static_base(program: &Program<'_>, f: u32, v: &Value, depth: u32) -> Option<(u32, TypeId, i64)> {
    let module = program.funcs[f as usize].module;
    let func = program.function(f);
    match v {
        Value::Arg(a) => {
            let t = func.params.get(*a as usize)?.di_type?;
            Some((module, pointee_type(program, module, t)?, 0))
        }
        Value::Global { name, offset } => match program.resolve(module, *name)? {
            crate::program::Symbol::Global(g) => {
                let gm = program.globals[g as usize].module;
                let t = strip_alias(
                    &program.modules[gm as usize].types,
                    program.global(g).di_type?,
                );
                Some((gm, t, *offset))
            }
            _ => None,
        },
        Value::Inst(i) if depth > 0 => match &func.insts.get(*i as usize)?.kind {
            InstKind::Cast { value, .. } => static_base(program, f, value, depth - 1),
            InstKind::Gep { base, offset, .. } => {
                let inside = |(m, t, x): (u32, TypeId, i64)| {
                    let size = program.modules[m as usize].types.get(t as usize)?.size as i64;
                    (0 <= x && x < size).then_some((m, t, x))
                };
                offset
                    .and_then(|o| {
                        let (m, t, x) = static_base(program, f, base, depth - 1)?;
                        inside((m, t, x + o))
                    })
                    // Out of the base's type (`container_of`): a variable
                    // a debug record places at a constant offset from this
                    // address or from its base names the container.
                    .or_else(|| {
                        // Several may fit (`f` and the `spinlock_t *`
                        // of an inlined `spin_lock(&f->lock)`): the
                        // largest type is the container.
                        let size = |(m, t, _): &(u32, TypeId, i64)| {
                            program.modules[*m as usize].types[*t as usize].size
                        };
                        let here = variable_types(func, (false, *i)).filter_map(|vt| {
                            inside((module, pointee_type(program, module, vt.ty)?, -vt.delta))
                        });
                        let at_base = match (base, offset) {
                            (Value::Arg(a), Some(o)) => Some(((true, *a), *o)),
                            (Value::Inst(j), Some(o)) => Some(((false, *j), *o)),
                            _ => None,
                        };
                        let from_base = at_base.into_iter().flat_map(|(at, o)| {
                            variable_types(func, at).filter_map(move |vt| {
                                inside((
                                    module,
                                    pointee_type(program, module, vt.ty)?,
                                    o - vt.delta,
                                ))
                            })
                        });
                        here.chain(from_base).max_by_key(size)
                    })
            }
            InstKind::Alloca {
                di_type: Some(t), ..
            } => Some((
                module,
                strip_alias(&program.modules[module as usize].types, *t),
                0,
            )),
            // `spinlock_check(&hp->lock)`: a helper returning its argument.
            InstKind::Call {
                callee: crate::ir::Callee::Direct(name),
                args,
                ..
            } => {
                let crate::program::Symbol::Func(h) = program.resolve(module, *name)? else {
                    return None;
                };
                let delta = program.function(h).returns_first_arg_plus()?;
                static_base(program, f, args.first()?, depth - 1).map(|(m, t, x)| (m, t, x + delta))
            }
            // A pointer loaded from a field or variable: what that field's
            // type points to.
            InstKind::Load { ptr, .. } => {
                // A stack slot stored once (-O0): what was stored says
                // more than the slot's declared type (`spin_lock(&f->lock)`
                // inlined spills `&f->lock` into its `spinlock_t *lock`).
                let stored = match ptr {
                    Value::Inst(slot) => func.stored_once(*slot),
                    _ => None,
                };
                if let Some(b) = stored.and_then(|v| static_base(program, f, &v, depth - 1)) {
                    return Some(b);
                }
                let (m, t, at) = static_base(program, f, ptr, depth - 1)?;
                Some((m, pointer_member_at(program, m, t, at)?, 0))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The variables debug records place at a constant offset from an
/// argument or instruction (`Function::value_types`).
fn variable_types(
    func: &crate::ir::Function,
    at: (bool, u32),
) -> impl Iterator<Item = &crate::ir::ValueType> {
    let start = func.value_types.partition_point(|v| v.value < at);
    func.value_types[start..]
        .iter()
        .take_while(move |v| v.value == at)
}

/// `port.lock`: the members at `off` down to the first whose type is a
/// lock (`spinlock_t`'s own members are the lock's business).
pub fn lock_member_path(m: &Module, t: TypeId, off: i64) -> Option<String> {
    let d = lock_descent(m, t, off);
    let names: Vec<&str> = d
        .members
        .iter()
        .map(|mem| mem.name.map(|n| m.str(n)).unwrap_or("<anon>"))
        .collect();
    (!names.is_empty()).then(|| names.join("."))
}

/// The walk from byte `off` of type `t` down through the members holding
/// it to the first whose declared type is a lock (`spinlock_t`, `struct
/// mutex`, `raw_spinlock_t`, before typedefs are seen through: a lock's
/// own members are its business). Shared by lock naming and lock keys.
struct LockDescent<'m> {
    /// Every struct or union the walk entered, outermost first, with the
    /// offset inside it.
    holders: Vec<(TypeId, i64)>,
    /// The member taken in each holder (one fewer than `holders` when the
    /// last holder has no member there).
    members: Vec<&'m crate::ir::DiMember>,
    /// The last member is lock-typed.
    at_lock: bool,
}

fn lock_descent(m: &Module, t: TypeId, off: i64) -> LockDescent<'_> {
    let mut d = LockDescent {
        holders: Vec::new(),
        members: Vec::new(),
        at_lock: false,
    };
    let mut cur = strip_alias(&m.types, t);
    let mut off = off;
    for _ in 0..8 {
        let Some(DiTypeKind::Struct { members } | DiTypeKind::Union { members }) =
            m.types.get(cur as usize).map(|x| &x.kind)
        else {
            break;
        };
        d.holders.push((cur, off));
        let Some(mem) = members
            .iter()
            .rfind(|x| (x.offset as i64) <= off && off < (x.offset + x.size.max(1)) as i64)
        else {
            break;
        };
        d.members.push(mem);
        off -= mem.offset as i64;
        let Some(next) = mem.ty else { break };
        if is_lock_type(m, next) {
            d.at_lock = true;
            break;
        }
        cur = strip_alias(&m.types, next);
    }
    d
}

/// A lock type by its name (`spinlock_t`, `struct mutex`, `Mutex<T>`),
/// through typedefs and qualifiers.
pub fn is_lock_type(m: &Module, t: TypeId) -> bool {
    let mut cur = t;
    for _ in 0..8 {
        let Some(ty) = m.types.get(cur as usize) else {
            return false;
        };
        if let Some(n) = ty.name {
            let n = m.str(n);
            if [
                "spinlock",
                "mutex",
                "rwlock",
                "semaphore",
                "rwsem",
                "seqlock",
                "srcu_struct",
                "Mutex",
                "RwLock",
                "SpinLock",
            ]
            .iter()
            .any(|k| n.contains(k))
            {
                return true;
            }
        }
        match &ty.kind {
            DiTypeKind::Alias { base: Some(b), .. } => cur = *b,
            _ => return false,
        }
    }
    false
}
