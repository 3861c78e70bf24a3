//! Source-level names for abstract locations: `gdev.count`,
//! `struct my_dev.lock`, `Inner.stats`. Member names come from the debug-info
//! composite type at the byte offset.

use super::solver::{Memory, Origin, Ptr};
use crate::ir::{DiTypeKind, Module, TypeId};
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
        self.location_name_depth(program, p, 16)
    }

    /// `object.lock` for a lock: only the outermost member (`spinlock_t`'s
    /// innards are the lock's business).
    pub fn lock_name(&self, program: &Program<'_>, p: Ptr) -> String {
        self.location_name_depth(program, p, 1)
    }

    fn location_name_depth(&self, program: &Program<'_>, p: Ptr, depth: usize) -> String {
        let base = self.object_name(program, p.node);
        if self.is_collapsed(p.node) {
            return format!("{base} (field-insensitive)");
        }
        let fields = self
            .di_type(p.node)
            .and_then(|(m, t)| member_path(&program.modules[m as usize], t, p.off, depth));
        match fields {
            Some(path) if !path.is_empty() => format!("{base}.{path}"),
            _ if p.off == 0 => base,
            _ => format!("{base}+{}", p.off),
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
