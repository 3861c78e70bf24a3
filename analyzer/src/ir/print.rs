//! `seam ir`: a readable dump of what seam sees of a module.
//!
//! One section per function: a `define`/`declare` header, then each block
//! with its instructions. Memory accesses show their classification
//! (`plain`, `volatile`, `atomic(<ordering>)`, `asm`), size in bytes and
//! source position with the inlined-from chain. Per-function and module
//! counts close the dump.
//!
//! Counting rules ([`counts`]), chosen so that they can be reproduced by
//! counting instructions in `llvm-dis` text of the same module:
//! - `loads`: `load` instructions, including `load atomic` and `load volatile`;
//! - `stores`: `store` instructions, likewise;
//! - `volatile`: `load`/`store`/`atomicrmw`/`cmpxchg` with the `volatile`
//!   keyword (volatile `llvm.memcpy`/`memset` are not counted: their
//!   volatility is an argument, not a keyword);
//! - `atomics`: `atomicrmw` + `cmpxchg` + `load atomic` + `store atomic` + `fence`;
//! - `calls`: `call`/`invoke`/`callbr` whose callee is not inline asm and not
//!   an intrinsic listed in `ingest::lower::NON_CALL_INTRINSICS` (debug,
//!   lifetime, assume, mem* and value-forwarding intrinsics); all other
//!   `llvm.*` intrinsics count;
//! - `asm`: `call`/`callbr` of inline asm.

use std::collections::HashMap;
use std::fmt::Write;

use super::{Callee, CastOp, DiTypeKind, Function, InstKind, Module, Ordering, TypeId, Value};

/// Instruction counts of a function or module; see the module docs for
/// exactly what each field counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub loads: u64,
    pub stores: u64,
    pub volatile: u64,
    pub atomics: u64,
    pub calls: u64,
    pub asm: u64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.loads += other.loads;
        self.stores += other.stores;
        self.volatile += other.volatile;
        self.atomics += other.atomics;
        self.calls += other.calls;
        self.asm += other.asm;
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "loads={} stores={} volatile={} atomics={} calls={} asm={}",
            self.loads, self.stores, self.volatile, self.atomics, self.calls, self.asm
        )
    }
}

/// Counts of one function.
pub fn function_counts(f: &Function) -> Counts {
    let mut c = Counts::default();
    for inst in &f.insts {
        match &inst.kind {
            InstKind::Load {
                volatile, ordering, ..
            } => {
                c.loads += 1;
                c.volatile += *volatile as u64;
                c.atomics += (*ordering != Ordering::NotAtomic) as u64;
            }
            InstKind::Store {
                volatile, ordering, ..
            } => {
                c.stores += 1;
                c.volatile += *volatile as u64;
                c.atomics += (*ordering != Ordering::NotAtomic) as u64;
            }
            InstKind::AtomicRmw { volatile, .. } | InstKind::CmpXchg { volatile, .. } => {
                c.atomics += 1;
                c.volatile += *volatile as u64;
            }
            InstKind::Fence { .. } => c.atomics += 1,
            InstKind::Call { .. } => c.calls += 1,
            InstKind::Asm { .. } => c.asm += 1,
            _ => {}
        }
    }
    c
}

/// Counts over all functions of the module.
pub fn counts(m: &Module) -> Counts {
    let mut total = Counts::default();
    for f in &m.functions {
        total.add(function_counts(f));
    }
    total
}

/// The whole dump as a string.
pub fn print_module(m: &Module) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_module(&mut out, m);
    out
}

/// Writes the dump of `m` into `w`.
pub fn write_module(w: &mut impl Write, m: &Module) -> std::fmt::Result {
    let demangled = m.functions.iter().map(|f| (f.name, f.demangled)).collect();
    let p = Printer { m, demangled };
    writeln!(w, "; module {}", m.origin)?;
    writeln!(w, ";   source_file: {}", m.str(m.source_file))?;
    writeln!(w, ";   producer: {}", m.str(m.producer))?;
    writeln!(w, ";   triple: {}", m.str(m.triple))?;
    writeln!(w, ";   language: {}", m.language.name())?;
    writeln!(
        w,
        ";   {} functions ({} defined), {} globals, {} debug types, {} locations",
        m.functions.len(),
        m.functions.iter().filter(|f| !f.is_declaration).count(),
        m.globals.len(),
        m.types.len(),
        m.locations.len()
    )?;
    if !m.globals.is_empty() {
        writeln!(w)?;
    }
    for g in &m.globals {
        write!(w, "global {:?} ", g.linkage)?;
        p.names(w, g.demangled, g.name)?;
        if let Some(s) = g.section {
            write!(w, " [{}]", m.str(s))?;
        }
        write!(w, " size={}", g.size)?;
        if g.is_constant {
            write!(w, " constant")?;
        }
        if g.thread_local {
            write!(w, " thread_local")?;
        }
        if g.is_declaration {
            write!(w, " declaration")?;
        }
        if let Some(n) = g.di_name {
            write!(w, " di={}", m.str(n))?;
        }
        if let Some(t) = g.di_type {
            write!(w, ": {}", p.type_name(t))?;
        }
        if let Some(l) = g.di_loc {
            write!(w, " @ {}", p.position(l))?;
        }
        writeln!(w)?;
        for (offset, v) in &g.pointers {
            writeln!(w, "  +{offset}: {}", p.value(v))?;
        }
    }
    for f in &m.functions {
        writeln!(w)?;
        p.function(w, f)?;
    }
    writeln!(w)?;
    writeln!(w, "; counts per defined function")?;
    for f in m.functions.iter().filter(|f| !f.is_declaration) {
        writeln!(w, ";   {}: {}", m.str(f.demangled), function_counts(f))?;
    }
    writeln!(w, "; total: {}", counts(m))?;
    Ok(())
}

struct Printer<'m> {
    m: &'m Module,
    /// Symbol -> demangled name of the module's functions, for call labels.
    demangled: HashMap<u32, u32>,
}

impl Printer<'_> {
    fn names(&self, w: &mut impl Write, demangled: u32, symbol: u32) -> std::fmt::Result {
        if demangled == symbol {
            write!(w, "{}", self.m.str(symbol))
        } else {
            write!(w, "{} ({})", self.m.str(demangled), self.m.str(symbol))
        }
    }

    fn function(&self, w: &mut impl Write, f: &Function) -> std::fmt::Result {
        let m = self.m;
        let keyword = if f.is_declaration {
            "declare"
        } else {
            "define"
        };
        write!(w, "{keyword} {} ", f.language.name())?;
        self.names(w, f.demangled, f.name)?;
        if let Some(s) = f.section {
            write!(w, " [{}]", m.str(s))?;
        }
        write!(w, " {:?}", f.linkage)?;
        if !f.visible {
            write!(w, " hidden")?;
        }
        write!(w, " (")?;
        for (i, param) in f.params.iter().enumerate() {
            if i > 0 {
                write!(w, ", ")?;
            }
            write!(w, "%arg{i}{}", if param.is_ptr { ": ptr" } else { "" })?;
            if let Some(n) = param.name {
                write!(w, " {}", m.str(n))?;
            }
            if let Some(t) = param.di_type {
                write!(w, ": {}", self.type_name(t))?;
            }
        }
        write!(w, ")")?;
        if f.returns_ptr {
            write!(w, " -> ptr")?;
        }
        if let Some(n) = f.di_name {
            if n != f.demangled {
                write!(w, " di={}", m.str(n))?;
            }
        }
        if let Some(l) = f.di_loc {
            write!(w, " @ {}", self.position(l))?;
        }
        writeln!(w)?;
        for (b, block) in f.blocks.iter().enumerate() {
            write!(w, "  bb{b}:")?;
            if !block.succs.is_empty() {
                write!(w, " -> ")?;
                for (i, s) in block.succs.iter().enumerate() {
                    write!(w, "{}bb{s}", if i > 0 { ", " } else { "" })?;
                }
            }
            writeln!(w)?;
            for i in f.block_insts(b as u32) {
                let inst = &f.insts[i];
                write!(w, "    %{i} = ")?;
                self.inst(w, &inst.kind)?;
                if let Some(l) = inst.loc {
                    write!(w, "  @ {}", self.position(l))?;
                    let chain = self.inlined_chain(l);
                    if !chain.is_empty() {
                        write!(w, " inlined from {chain}")?;
                    }
                }
                writeln!(w)?;
            }
        }
        Ok(())
    }

    fn inst(&self, w: &mut impl Write, kind: &InstKind) -> std::fmt::Result {
        let v = |x: &Value| self.value(x);
        match kind {
            InstKind::Load {
                ptr,
                size,
                volatile,
                ordering,
                is_ptr,
                ..
            } => {
                write!(
                    w,
                    "load {} {size} {}",
                    marking(*volatile, *ordering),
                    v(ptr)
                )?;
                if *is_ptr {
                    write!(w, " (ptr)")?;
                }
                Ok(())
            }
            InstKind::Store {
                ptr,
                value,
                size,
                volatile,
                ordering,
                ..
            } => {
                write!(
                    w,
                    "store {} {size} {} <- {}",
                    marking(*volatile, *ordering),
                    v(ptr),
                    v(value)
                )
            }
            InstKind::AtomicRmw {
                ptr,
                value,
                op,
                size,
                volatile,
                ordering,
            } => {
                write!(
                    w,
                    "atomicrmw {:?} {}{} {size} {} {}",
                    op,
                    vol(*volatile),
                    atomic(*ordering),
                    v(ptr),
                    v(value)
                )
            }
            InstKind::CmpXchg {
                ptr,
                expected,
                new,
                size,
                volatile,
                success,
                failure,
                weak,
            } => write!(
                w,
                "cmpxchg{} {}atomic({}/{}) {size} {} {} -> {}",
                if *weak { " weak" } else { "" },
                vol(*volatile),
                ordering_name(*success),
                ordering_name(*failure),
                v(ptr),
                v(expected),
                v(new)
            ),
            InstKind::Fence {
                ordering,
                single_thread,
            } => {
                write!(
                    w,
                    "fence {}{}",
                    atomic(*ordering),
                    if *single_thread { " singlethread" } else { "" }
                )
            }
            InstKind::Call {
                callee,
                args,
                returns,
                invoke,
                sret,
                ..
            } => {
                write!(w, "{} ", if *invoke { "invoke" } else { "call" })?;
                if *sret {
                    write!(w, "sret ")?;
                }
                match callee {
                    Callee::Direct(name) => write!(w, "{}", self.function_label(*name))?,
                    Callee::Indirect(p) => write!(w, "*{}", v(p))?,
                }
                write!(w, "({})", self.values(args))?;
                if !returns {
                    write!(w, " noreturn")?;
                }
                Ok(())
            }
            InstKind::Asm {
                asm: text,
                constraints,
                args,
                memory_operands,
                side_effects,
            } => {
                write!(
                    w,
                    "asm {:?} {:?} ({})",
                    self.m.str(*text),
                    self.m.str(*constraints),
                    self.values(args)
                )?;
                if !memory_operands.is_empty() {
                    write!(w, " memory:")?;
                    for &i in memory_operands {
                        let arg = args
                            .get(i as usize)
                            .map(|a| self.value(a))
                            .unwrap_or_else(|| "?".into());
                        write!(w, " {arg}")?;
                    }
                }
                if *side_effects {
                    write!(w, " sideeffect")?;
                }
                Ok(())
            }
            InstKind::MemCopy {
                dst,
                src,
                len,
                volatile,
            } => {
                write!(
                    w,
                    "memcpy {} {} {} <- {}",
                    if *volatile { "volatile" } else { "plain" },
                    length(*len),
                    v(dst),
                    v(src)
                )
            }
            InstKind::MemSet { dst, len, volatile } => {
                write!(
                    w,
                    "memset {} {} {}",
                    if *volatile { "volatile" } else { "plain" },
                    length(*len),
                    v(dst)
                )
            }
            InstKind::Alloca {
                size,
                name,
                di_type,
            } => {
                write!(w, "alloca {}", length(*size))?;
                if let Some(n) = name {
                    write!(w, " {}", self.m.str(*n))?;
                }
                if let Some(t) = di_type {
                    write!(w, ": {}", self.type_name(*t))?;
                }
                Ok(())
            }
            InstKind::Gep {
                base,
                offset,
                const_part,
                index,
                stride,
            } => match (offset, index) {
                (Some(o), _) => write!(w, "gep {} + {o}", v(base)),
                (None, Some(x)) if *stride != 0 => {
                    write!(w, "gep {} + {const_part} + {} * {stride}", v(base), v(x))
                }
                (None, _) => write!(w, "gep {} + {const_part} + ?", v(base)),
            },
            InstKind::Cast { value, op } => match op {
                CastOp::Same => write!(w, "cast {}", v(value)),
                CastOp::ZExt => write!(w, "zext {}", v(value)),
                CastOp::SExt => write!(w, "sext {}", v(value)),
                CastOp::Trunc(bits) => write!(w, "trunc i{bits} {}", v(value)),
            },
            InstKind::PtrToInt { value } => write!(w, "ptrtoint {}", v(value)),
            InstKind::IntToPtr { value } => write!(w, "inttoptr {}", v(value)),
            InstKind::Phi { incoming } => {
                write!(w, "phi")?;
                for (i, (value, block)) in incoming.iter().enumerate() {
                    write!(
                        w,
                        "{} [{}, bb{block}]",
                        if i > 0 { "," } else { "" },
                        v(value)
                    )?;
                }
                Ok(())
            }
            InstKind::Select {
                cond,
                then,
                otherwise,
            } => write!(w, "select {} ? {} : {}", v(cond), v(then), v(otherwise)),
            InstKind::ExtractValue { aggregate, indices } => {
                write!(w, "extractvalue {} {indices:?}", v(aggregate))
            }
            InstKind::InsertValue {
                aggregate,
                value,
                indices,
            } => write!(
                w,
                "insertvalue {} {indices:?} <- {}",
                v(aggregate),
                v(value)
            ),
            InstKind::ICmp { pred, lhs, rhs } => write!(w, "icmp {:?} {} {}", pred, v(lhs), v(rhs)),
            InstKind::BinOp {
                op,
                bits,
                nsw,
                lhs,
                rhs,
            } => write!(
                w,
                "{}{} i{bits} {} {}",
                format!("{op:?}").to_lowercase(),
                if *nsw { " nsw" } else { "" },
                v(lhs),
                v(rhs)
            ),
            InstKind::CondBr {
                cond,
                then,
                otherwise,
            } => write!(w, "br {} ? bb{then} : bb{otherwise}", v(cond)),
            InstKind::Br { target } => write!(w, "br bb{target}"),
            InstKind::Switch {
                value,
                default,
                cases,
            } => {
                write!(w, "switch {} default bb{default}", v(value))?;
                for (k, b) in cases {
                    write!(w, ", {k} -> bb{b}")?;
                }
                Ok(())
            }
            InstKind::Ret { value } => match value {
                Some(x) => write!(w, "ret {}", v(x)),
                None => write!(w, "ret"),
            },
            InstKind::Unreachable => write!(w, "unreachable"),
            InstKind::LifetimeEnd { ptr } => write!(w, "lifetime.end {}", self.value(ptr)),
            InstKind::Other { operands } => write!(w, "other ({})", self.values(operands)),
        }
    }

    fn function_label(&self, symbol: u32) -> String {
        // Show the demangled name of functions defined or declared here.
        let demangled = self.demangled.get(&symbol).copied().unwrap_or(symbol);
        if demangled == symbol {
            format!("@{}", self.m.str(symbol))
        } else {
            format!("@{} ({})", self.m.str(demangled), self.m.str(symbol))
        }
    }

    fn value(&self, v: &Value) -> String {
        match v {
            Value::Inst(i) => format!("%{i}"),
            Value::Arg(i) => format!("%arg{i}"),
            Value::Global { name, offset: 0 } => format!("@{}", self.m.str(*name)),
            Value::Global { name, offset } => format!("@{}{offset:+}", self.m.str(*name)),
            Value::Int(i) => i.to_string(),
            Value::Null => "null".into(),
            Value::Undef => "undef".into(),
            Value::Other => "?".into(),
        }
    }

    fn values(&self, vs: &[Value]) -> String {
        vs.iter()
            .map(|x| self.value(x))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `file:line:col` of a location.
    fn position(&self, l: u32) -> String {
        match self.m.locations.get(l as usize) {
            Some(loc) => format!("{}:{}:{}", self.m.str(loc.file), loc.line, loc.col),
            None => "?".into(),
        }
    }

    /// `a <- b <- c`: the scope of the location, then of each inlined-at
    /// position outwards; empty when the code was not inlined.
    fn inlined_chain(&self, l: u32) -> String {
        let mut names = Vec::new();
        let mut current = self.m.locations.get(l as usize);
        let Some(first) = current else {
            return String::new();
        };
        if first.inlined_at.is_none() {
            return String::new();
        }
        // Bounded: a chain longer than the location table would be a cycle.
        for _ in 0..=self.m.locations.len() {
            let Some(loc) = current else { break };
            names.push(loc.scope.map(|s| self.m.str(s)).unwrap_or("?"));
            current = loc
                .inlined_at
                .and_then(|i| self.m.locations.get(i as usize));
        }
        names.join(" <- ")
    }

    /// C-like name of a debug type (`struct my_dev *`).
    fn type_name(&self, t: TypeId) -> String {
        self.type_name_depth(t, 0)
    }

    fn type_name_depth(&self, t: TypeId, depth: u32) -> String {
        let Some(ty) = self.m.types.get(t as usize) else {
            return "?".into();
        };
        let name = ty.name.map(|n| self.m.str(n));
        if depth > 8 {
            return name.unwrap_or("…").to_string();
        }
        let inner = |b: Option<TypeId>| {
            b.map(|b| self.type_name_depth(b, depth + 1))
                .unwrap_or_else(|| "void".into())
        };
        match &ty.kind {
            DiTypeKind::Struct { .. } => format!("struct {}", name.unwrap_or("<anon>")),
            DiTypeKind::Union { .. } => format!("union {}", name.unwrap_or("<anon>")),
            DiTypeKind::Pointer { pointee } => match name {
                Some(n) => n.to_string(),
                None => format!("{} *", inner(*pointee)),
            },
            DiTypeKind::Alias { base, .. } => match name {
                Some(n) => n.to_string(),
                None => inner(*base),
            },
            DiTypeKind::Array { element, count } => {
                format!(
                    "{}[{}]",
                    inner(*element),
                    count.map(|c| c.to_string()).unwrap_or_default()
                )
            }
            DiTypeKind::Subroutine { types } => {
                let params: Vec<String> = types
                    .iter()
                    .skip(1)
                    .map(|t| t.map_or_else(|| "...".into(), |t| inner(Some(t))))
                    .collect();
                let result = types.first().copied().flatten();
                format!("{} ({})", inner(result), params.join(", "))
            }
            DiTypeKind::Basic | DiTypeKind::Other => name.unwrap_or("?").to_string(),
        }
    }
}

fn marking(volatile: bool, ordering: Ordering) -> String {
    match (volatile, ordering) {
        (false, Ordering::NotAtomic) => "plain".into(),
        (true, Ordering::NotAtomic) => "volatile".into(),
        (v, o) => format!("{}{}", vol(v), atomic(o)),
    }
}

fn vol(volatile: bool) -> &'static str {
    if volatile {
        "volatile "
    } else {
        ""
    }
}

fn atomic(o: Ordering) -> String {
    format!("atomic({})", ordering_name(o))
}

fn ordering_name(o: Ordering) -> &'static str {
    match o {
        Ordering::NotAtomic => "none",
        Ordering::Unordered => "unordered",
        Ordering::Monotonic => "monotonic",
        Ordering::Acquire => "acquire",
        Ordering::Release => "release",
        Ordering::AcqRel => "acq_rel",
        Ordering::SeqCst => "seq_cst",
    }
}

fn length(len: Option<u64>) -> String {
    len.map(|l| l.to_string()).unwrap_or_else(|| "?".into())
}
