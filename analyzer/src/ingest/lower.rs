//! Lowering: one LLVM module (bitcode or text IR in memory) into a seam
//! [`Module`]. The LLVM context and module live only inside
//! [`lower_buffer`].
//!
//! Everything here talks to LLVM through its C API (`inkwell::llvm_sys`):
//! inkwell's safe wrappers lack most of what lowering needs (orderings,
//! debug records, metadata operands, data-layout queries). The rules that
//! keep that sound:
//! - every pointer LLVM hands back is null-checked before use;
//! - C API functions that `cast<>` their argument (metadata accessors, DI
//!   node tags) are only called after the metadata kind was checked, since a
//!   wrong cast is undefined behaviour in a release build of LLVM;
//! - errors come back as values: parse failures are captured through the
//!   context's diagnostic handler instead of LLVM's default `exit(1)`.
//!
//! Known limit: a module that parses but fails LLVM's verifier while
//! carrying current-version debug info makes LLVM call
//! `report_fatal_error`, which aborts the process; ingest isolates inputs in
//! subprocesses for that reason.

mod debuginfo;
mod ffi;
mod function;
mod globals;

use std::cell::UnsafeCell;
use std::ffi::{c_char, c_void, CStr};

use inkwell::context::Context;
use inkwell::llvm_sys as sys;
use sys::prelude::*;

use crate::ir::{DebugLoc, Language, LocId, Module, StrId, TypeId};

pub use crate::ir::asm::memory_operand_indices;

/// What the buffer holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BufferKind {
    /// Raw bitcode (`BC\xC0\xDE`) or bitcode with the wrapper header.
    Bitcode,
    /// LLVM text IR (`.ll`).
    Text,
}

/// Intrinsics that do not become [`crate::ir::InstKind::Call`]: matched as
/// prefixes of the callee name. Debug, lifetime and optimisation hints keep
/// an `Other` slot; `memcpy`/`memmove`/`memset` become `MemCopy`/`MemSet`;
/// the value-forwarding ones (`llvm.expect`, invariant-group barriers,
/// `llvm.ssa.copy`, and `llvm.threadlocal.address`, which gives the calling
/// thread's copy of a `__thread` global: for seam that global itself,
/// marked thread-local) become `Cast` of their first argument so pointer flow
/// passes through them. Every other `llvm.*` call stays a `Call`. Exposed so
/// that count comparisons against `llvm-dis` text can apply the same rule.
pub const NON_CALL_INTRINSICS: &[&str] = &[
    "llvm.dbg.",
    "llvm.lifetime.",
    "llvm.assume",
    "llvm.experimental.noalias.scope.decl",
    "llvm.invariant.start",
    "llvm.invariant.end",
    "llvm.pseudoprobe",
    "llvm.sideeffect",
    "llvm.donothing",
    "llvm.var.annotation",
    "llvm.codeview.annotation",
    "llvm.memcpy.",
    "llvm.memcpy.inline.",
    "llvm.memmove.",
    "llvm.memset.",
    "llvm.memset.inline.",
    "llvm.expect.",
    "llvm.expect.with.probability.",
    "llvm.launder.invariant.group",
    "llvm.strip.invariant.group",
    "llvm.ssa.copy",
    "llvm.threadlocal.address",
];

/// Parses `data` with LLVM in a fresh context and lowers it. `origin` names
/// the input for error messages and [`Module::origin`]. Errors are one-line
/// reasons (without the path).
pub fn lower_buffer(origin: &str, data: &[u8], kind: BufferKind) -> Result<Module, String> {
    if data.is_empty() {
        return Err("empty input".to_string());
    }
    if kind == BufferKind::Bitcode && !looks_like_bitcode(data) {
        return Err("not LLVM bitcode (bad magic)".to_string());
    }
    // Declared before the context so that it is dropped after it; only
    // ever accessed through the cell's pointer, which LLVM also holds.
    let diagnostics = UnsafeCell::new(Diagnostics::default());
    let context = Context::create();
    let ctx = context.raw();
    // SAFETY: the context outlives every use below and is dropped before
    // `diagnostics`, so the handler never sees a dangling pointer.
    unsafe {
        sys::core::LLVMContextSetDiagnosticHandler(
            ctx,
            Some(record_diagnostic),
            diagnostics.get() as *mut c_void,
        );
        // Local value names are never looked at: dropping them makes
        // bitcode parsing faster and smaller (global names are always kept).
        // The text parser refuses a discarding context.
        if kind == BufferKind::Bitcode {
            sys::core::LLVMContextSetDiscardValueNames(ctx, 1);
        }
    }
    let first_error = || unsafe { (*diagnostics.get()).first_error.take() };
    let parsed = unsafe { parse(ctx, data, kind) };
    let module = match parsed {
        Ok(m) => m,
        Err(reason) => {
            let reason = first_error().unwrap_or(reason);
            return Err(one_line(&reason));
        }
    };
    if let Some(error) = first_error() {
        return Err(one_line(&error));
    }
    // SAFETY: `module` is a valid module of `ctx` until `ModuleGuard` drops it.
    let lowered = unsafe { Lowerer::new(ctx, module.0, origin).run() };
    drop(module);
    drop(context);
    Ok(lowered)
}

/// Owns a parsed module; disposes it before the context goes away.
struct ModuleGuard(LLVMModuleRef);

impl Drop for ModuleGuard {
    fn drop(&mut self) {
        // SAFETY: the module was created by a successful parse and is
        // disposed exactly once.
        unsafe { sys::core::LLVMDisposeModule(self.0) }
    }
}

/// First error LLVM reported while parsing (warnings are dropped: stale
/// debug-info versions and the like are not the user's problem).
#[derive(Default)]
struct Diagnostics {
    first_error: Option<String>,
}

extern "C" fn record_diagnostic(info: sys::prelude::LLVMDiagnosticInfoRef, context: *mut c_void) {
    if info.is_null() || context.is_null() {
        return;
    }
    // SAFETY: `context` is the `Diagnostics` registered in `lower_buffer`,
    // alive for as long as the LLVM context can call back.
    unsafe {
        let diagnostics = &mut *(context as *mut Diagnostics);
        let severity = sys::core::LLVMGetDiagInfoSeverity(info);
        if !matches!(severity, sys::LLVMDiagnosticSeverity::LLVMDSError)
            || diagnostics.first_error.is_some()
        {
            return;
        }
        let text = sys::core::LLVMGetDiagInfoDescription(info);
        if !text.is_null() {
            diagnostics.first_error = Some(CStr::from_ptr(text).to_string_lossy().into_owned());
            sys::core::LLVMDisposeMessage(text);
        }
    }
}

fn looks_like_bitcode(data: &[u8]) -> bool {
    data.starts_with(b"BC\xC0\xDE") || data.starts_with(&[0xDE, 0xC0, 0x17, 0x0B])
}

fn one_line(reason: &str) -> String {
    let line = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        "LLVM could not parse the input".to_string()
    } else {
        line
    }
}

/// Parses the buffer into a module of `ctx`.
unsafe fn parse(ctx: LLVMContextRef, data: &[u8], kind: BufferKind) -> Result<ModuleGuard, String> {
    use sys::core::{
        LLVMCreateMemoryBufferWithMemoryRange, LLVMCreateMemoryBufferWithMemoryRangeCopy,
        LLVMDisposeMemoryBuffer,
    };
    let name = c"seam-input".as_ptr();
    let mut module: LLVMModuleRef = std::ptr::null_mut();
    let mut message: *mut c_char = std::ptr::null_mut();
    let failed = match kind {
        BufferKind::Bitcode => {
            // The bitcode reader copies nothing it needs later, so the
            // buffer may borrow `data`; it is disposed right after parsing.
            let buffer = LLVMCreateMemoryBufferWithMemoryRange(
                data.as_ptr() as *const c_char,
                data.len(),
                name,
                0,
            );
            if buffer.is_null() {
                return Err("LLVM could not create a memory buffer".to_string());
            }
            #[allow(deprecated)]
            // the non-deprecated variant reports errors only through the context
            let failed =
                sys::bit_reader::LLVMParseBitcodeInContext(ctx, buffer, &mut module, &mut message);
            LLVMDisposeMemoryBuffer(buffer);
            failed
        }
        BufferKind::Text => {
            // The IR lexer needs a NUL-terminated buffer, which the copy
            // provides; `LLVMParseIRInContext2` leaves it to us to dispose.
            let buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(
                data.as_ptr() as *const c_char,
                data.len(),
                name,
            );
            if buffer.is_null() {
                return Err("LLVM could not create a memory buffer".to_string());
            }
            let failed =
                sys::ir_reader::LLVMParseIRInContext2(ctx, buffer, &mut module, &mut message);
            LLVMDisposeMemoryBuffer(buffer);
            failed
        }
    };
    let text = if message.is_null() {
        None
    } else {
        let text = CStr::from_ptr(message).to_string_lossy().into_owned();
        sys::core::LLVMDisposeMessage(message);
        Some(text)
    };
    if failed != 0 || module.is_null() {
        if !module.is_null() {
            sys::core::LLVMDisposeModule(module);
        }
        let what = if kind == BufferKind::Bitcode {
            "invalid bitcode"
        } else {
            "invalid IR"
        };
        return Err(match text {
            Some(t) if !t.trim().is_empty() => format!("{what}: {}", t.trim()),
            _ => what.to_string(),
        });
    }
    Ok(ModuleGuard(module))
}

/// How a callee function is lowered, memoised per callee.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CalleeClass {
    /// Ordinary function (or an intrinsic that stays a call).
    Call {
        name: StrId,
        noreturn: bool,
    },
    /// Debug/lifetime/hint intrinsic: an `Other` slot.
    Ignored,
    /// `volatile_flag`: the fourth argument is the `isvolatile` flag.
    MemCopy {
        volatile_flag: bool,
    },
    MemSet {
        volatile_flag: bool,
    },
    /// Returns its first argument unchanged.
    Forward,
    /// `llvm.lifetime.end`: the end of a stack slot's life.
    LifetimeEnd,
}

/// State of one lowering run. Memo tables are keyed by LLVM pointers, which
/// are stable for the life of the module (metadata nodes are uniqued, so a
/// pointer key is also a content key for them).
struct Lowerer {
    ctx: LLVMContextRef,
    module: LLVMModuleRef,
    target_data: sys::target::LLVMTargetDataRef,
    out: Module,
    /// `noreturn` attribute kind id.
    noreturn_kind: u32,
    /// `sret` attribute kind id.
    sret_kind: u32,
    /// `!dbg` metadata kind id.
    dbg_kind: u32,
    global_names: ffi::FastMap<LLVMValueRef, StrId>,
    callees: ffi::FastMap<LLVMValueRef, CalleeClass>,
    loc_by_md: ffi::FastMap<LLVMMetadataRef, LocId>,
    loc_by_value: ffi::FastMap<DebugLoc, LocId>,
    scope_names: ffi::FastMap<LLVMMetadataRef, Option<StrId>>,
    subprogram_names: ffi::FastMap<LLVMMetadataRef, Option<StrId>>,
    files: ffi::FastMap<LLVMMetadataRef, StrId>,
    types: ffi::FastMap<LLVMMetadataRef, TypeId>,
    /// Types given an id but not yet filled in (see `debuginfo`).
    type_queue: Vec<(LLVMMetadataRef, TypeId)>,
    unit_languages: ffi::FastMap<LLVMMetadataRef, Language>,
    /// `DIExpression`s read as a constant byte offset (`None`: anything
    /// else); uniqued, so each is printed once.
    expression_offsets: ffi::FastMap<LLVMMetadataRef, Option<i64>>,
    /// Fallback language from the module (producer, file name), when the
    /// compile unit does not say.
    module_language: Language,
}

impl Lowerer {
    unsafe fn new(ctx: LLVMContextRef, module: LLVMModuleRef, origin: &str) -> Self {
        let noreturn_kind =
            sys::core::LLVMGetEnumAttributeKindForName(c"noreturn".as_ptr(), "noreturn".len());
        let sret_kind = sys::core::LLVMGetEnumAttributeKindForName(c"sret".as_ptr(), "sret".len());
        let dbg_kind = sys::core::LLVMGetMDKindIDInContext(ctx, c"dbg".as_ptr(), 3);
        let mut out = Module {
            origin: origin.to_string(),
            strings: crate::ir::Strings::new(),
            ..Module::default()
        };
        out.source_file = out
            .strings
            .intern(&ffi::lossy(ffi::source_file_name(module)));
        out.triple = out
            .strings
            .intern(&ffi::lossy(ffi::cstr_bytes(sys::core::LLVMGetTarget(
                module,
            ))));
        Lowerer {
            ctx,
            module,
            target_data: sys::target::LLVMGetModuleDataLayout(module),
            out,
            noreturn_kind,
            sret_kind,
            dbg_kind,
            global_names: ffi::FastMap::default(),
            callees: ffi::FastMap::default(),
            loc_by_md: ffi::FastMap::default(),
            loc_by_value: ffi::FastMap::default(),
            scope_names: ffi::FastMap::default(),
            subprogram_names: ffi::FastMap::default(),
            files: ffi::FastMap::default(),
            types: ffi::FastMap::default(),
            type_queue: Vec::new(),
            unit_languages: ffi::FastMap::default(),
            expression_offsets: Default::default(),
            module_language: Language::Unknown,
        }
    }

    unsafe fn run(mut self) -> Module {
        self.lower_module_identity();
        self.lower_globals();
        let mut body = function::BodyState::default();
        let mut f = sys::core::LLVMGetFirstFunction(self.module);
        while !f.is_null() {
            let lowered = self.lower_function(f, &mut body);
            self.out.functions.push(lowered);
            f = sys::core::LLVMGetNextFunction(f);
        }
        self.finish_types();
        self.out.language = majority_language(&self.out, self.module_language);
        self.out
    }

    /// Interned symbol name of a global value, memoised by pointer.
    unsafe fn global_name(&mut self, v: LLVMValueRef) -> StrId {
        if let Some(&id) = self.global_names.get(&v) {
            return id;
        }
        let id = self.out.strings.intern(&ffi::lossy(ffi::value_name(v)));
        self.global_names.insert(v, id);
        id
    }
}

/// Module language: the majority over defined functions, else over all
/// functions, else the module-level fallback.
fn majority_language(m: &Module, fallback: Language) -> Language {
    let tally = |defined_only: bool| {
        let (mut c, mut rust) = (0usize, 0usize);
        for f in m
            .functions
            .iter()
            .filter(|f| !defined_only || !f.is_declaration)
        {
            match f.language {
                Language::C => c += 1,
                Language::Rust => rust += 1,
                Language::Unknown => {}
            }
        }
        (c, rust)
    };
    for defined_only in [true, false] {
        let (c, rust) = tally(defined_only);
        if c + rust > 0 {
            return if rust > c {
                Language::Rust
            } else {
                Language::C
            };
        }
    }
    fallback
}

/// Rust symbol demangled without the hash (`{:#}`), or `None` for symbols
/// that are not Rust-mangled.
pub(crate) fn demangle_rust(symbol: &str) -> Option<String> {
    let plausible = symbol.starts_with("_R")
        || symbol.starts_with("_ZN")
        || symbol.starts_with("__R")
        || symbol.starts_with("__ZN");
    if !plausible {
        return None;
    }
    rustc_demangle::try_demangle(symbol)
        .ok()
        .map(|d| format!("{d:#}"))
}

/// True when the symbol is mangled the way rustc mangles: v0 (`_R…`) or
/// legacy (`_ZN…17h<16 hex digits>E`).
pub(crate) fn is_rust_mangled(symbol: &str) -> bool {
    if symbol.starts_with("_R") || symbol.starts_with("__R") {
        return rustc_demangle::try_demangle(symbol).is_ok();
    }
    // LTO may append `.llvm.<digits>` to local symbols.
    let core = symbol.split(".llvm.").next().unwrap_or(symbol);
    let Some(body) = core
        .strip_prefix("_ZN")
        .or_else(|| core.strip_prefix("__ZN"))
    else {
        return false;
    };
    let Some(body) = body.strip_suffix('E') else {
        return false;
    };
    // The last path component is `17h` + 16 hex digits.
    body.len() >= 19 && {
        let hash = &body.as_bytes()[body.len() - 19..];
        hash.starts_with(b"17h") && hash[3..].iter().all(|b| b.is_ascii_hexdigit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_mangling() {
        assert!(is_rust_mangled(
            "_ZN4core3ptr13drop_in_place17h0123456789abcdefE"
        ));
        assert!(is_rust_mangled(
            "_ZN6kernel4sync4lock17h0123456789abcdefE.llvm.1234"
        ));
        assert!(is_rust_mangled("_RNvCs1234_7mycrate7example"));
        assert!(!is_rust_mangled("_ZN3foo3barEv"), "C++ symbol");
        assert!(!is_rust_mangled("_ZN3foo3barE"), "no hash");
        assert!(!is_rust_mangled("spin_lock"));
        assert!(!is_rust_mangled("_Rust_is_not_v0"));
        assert_eq!(
            demangle_rust("_ZN4core3ptr13drop_in_place17h0123456789abcdefE").as_deref(),
            Some("core::ptr::drop_in_place")
        );
        assert_eq!(demangle_rust("spin_lock"), None);
    }

    #[test]
    fn one_line_reasons() {
        assert_eq!(one_line("a\n  b\tc "), "a b c");
        assert_eq!(one_line("  "), "LLVM could not parse the input");
    }
}
