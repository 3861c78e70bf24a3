//! kCFI's function-type check for indirect calls.
//!
//! The kernel's kCFI compares a hash of the call's C function type with the
//! target's, so `f_op->read` (`char __user *`) never reaches a `write`
//! (`const char __user *`) file operation, though both have the same arity,
//! pointer-ness and structs. Unification puts every function stored in
//! merged ops tables on one node; the type of the function pointer the call
//! loads (from its struct member, parameter or variable, per debug info)
//! keeps only the targets kCFI would let through.
//!
//! The type is encoded as kCFI's Itanium mangling sees it: typedefs seen
//! through (a typedef of an anonymous struct names it), qualifiers of a
//! parameter itself dropped, qualifiers of a pointee kept, structs by tag.
//! What cannot be named here (an anonymous struct, a type seam does not
//! flatten) is a wildcard that matches anything.

use crate::ir::{DiTypeKind, Module, Qualifier, TypeId};

/// A C function type: its result and parameters, each encoded, `None` for
/// a wildcard part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Prototype {
    parts: Vec<Option<String>>,
}

impl Prototype {
    /// The prototype of `DISubroutineType` `t` of module `m`; `None` when
    /// `t` is not one.
    pub(crate) fn of(m: &Module, t: TypeId) -> Option<Prototype> {
        let DiTypeKind::Subroutine { types } = &m.types.get(t as usize)?.kind else {
            return None;
        };
        if types.is_empty() {
            return None;
        }
        let parts = types
            .iter()
            .enumerate()
            .map(|(k, t)| part(m, k, *t, 0))
            .collect();
        Some(Prototype { parts })
    }

    /// Would kCFI let a call of type `self` reach a function of type
    /// `target`? Wildcards match any part.
    pub(crate) fn admits(&self, target: &Prototype) -> bool {
        self.parts.len() == target.parts.len()
            && self
                .parts
                .iter()
                .zip(&target.parts)
                .all(|(a, b)| match (a, b) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                })
    }

    /// True when no part is a wildcard.
    pub(crate) fn is_exact(&self) -> bool {
        self.parts.iter().all(Option::is_some)
    }

    /// One key for an exact prototype.
    pub(crate) fn key(&self) -> String {
        let mut s = String::new();
        for p in self.parts.iter().flatten() {
            s.push_str(p);
            s.push(';');
        }
        s
    }
}

/// Element `k` of a subroutine's type array: the result (`None` is
/// `void`) or a parameter (`None` after the result is `...`).
fn part(m: &Module, k: usize, t: Option<TypeId>, depth: u32) -> Option<String> {
    match (k, t) {
        (0, None) => Some("v".to_string()),
        (_, None) => Some("z".to_string()),
        (_, Some(t)) => encode(m, strip_qualifiers(m, t), depth),
    }
}

/// A parameter's own `const`/`volatile` is not part of the function type.
fn strip_qualifiers(m: &Module, t: TypeId) -> TypeId {
    let mut cur = t;
    for _ in 0..8 {
        match m.types.get(cur as usize).map(|x| &x.kind) {
            Some(DiTypeKind::Alias {
                base: Some(b),
                qualifier: Qualifier::Const | Qualifier::Volatile,
            }) => cur = *b,
            _ => break,
        }
    }
    cur
}

/// Deep enough for `int (*)(struct file *, const char **)`; deeper types
/// are wildcards.
const MAX_DEPTH: u32 = 6;

/// The encoding of type `t` (`None` = void where a type may be void).
/// Returns `None` for what cannot be named, a wildcard.
fn encode(m: &Module, t: TypeId, depth: u32) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    let ty = m.types.get(t as usize)?;
    let name = ty.name.map(|n| m.str(n)).filter(|n| !n.is_empty());
    let sub = |b: Option<TypeId>| match b {
        None => Some("v".to_string()),
        Some(b) => encode(m, b, depth + 1),
    };
    match &ty.kind {
        DiTypeKind::Alias { base, qualifier } => match qualifier {
            Qualifier::Const => Some(format!("K{}", sub(*base)?)),
            Qualifier::Volatile => Some(format!("V{}", sub(*base)?)),
            Qualifier::None => {
                // `typedef struct { … } foo_t;`: the typedef names it.
                let anonymous_tag = base.and_then(|b| m.types.get(b as usize)).is_some_and(|b| {
                    matches!(b.kind, DiTypeKind::Struct { .. } | DiTypeKind::Union { .. })
                        && b.name.is_none_or(|n| m.str(n).is_empty())
                });
                match (anonymous_tag, name) {
                    (true, Some(n)) => Some(format!("S{n}")),
                    _ => sub(*base),
                }
            }
        },
        DiTypeKind::Pointer { pointee } => Some(format!("P{}", sub(*pointee)?)),
        // An array parameter is a pointer to its element.
        DiTypeKind::Array { element, .. } => Some(format!("P{}", sub(*element)?)),
        DiTypeKind::Struct { .. } | DiTypeKind::Union { .. } => name.map(|n| format!("S{n}")),
        // Integer, float and enum types, by name (`unsigned long`, `enum foo`).
        DiTypeKind::Basic => name.map(|n| format!("B{n}")),
        DiTypeKind::Subroutine { types } => {
            let mut s = String::from("F");
            for (k, p) in types.iter().enumerate() {
                s.push_str(&part(m, k, *p, depth + 1)?);
                s.push(',');
            }
            s.push('E');
            Some(s)
        }
        DiTypeKind::Other => None,
    }
}
