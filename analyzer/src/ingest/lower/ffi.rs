//! Thin, null-checking helpers over the LLVM C API used by lowering.
//!
//! Returned byte slices borrow LLVM-owned memory: callers intern or copy
//! them before the module is disposed (all uses are immediate).

use std::borrow::Cow;
use std::ffi::{c_char, CStr};

use inkwell::llvm_sys as sys;
use sys::core::*;
use sys::debuginfo::LLVMMetadataKind as K;
use sys::prelude::*;
use sys::LLVMTypeKind;

pub(super) fn lossy(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

pub(super) unsafe fn cstr_bytes<'a>(p: *const c_char) -> &'a [u8] {
    if p.is_null() {
        &[]
    } else {
        CStr::from_ptr(p).to_bytes()
    }
}

pub(super) unsafe fn slice<'a>(p: *const c_char, len: usize) -> &'a [u8] {
    if p.is_null() || len == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(p as *const u8, len)
    }
}

pub(super) unsafe fn value_name<'a>(v: LLVMValueRef) -> &'a [u8] {
    let mut len = 0usize;
    let p = LLVMGetValueName2(v, &mut len);
    slice(p, len)
}

pub(super) unsafe fn source_file_name<'a>(m: LLVMModuleRef) -> &'a [u8] {
    let mut len = 0usize;
    let p = LLVMGetSourceFileName(m, &mut len);
    slice(p, len)
}

pub(super) unsafe fn section<'a>(global: LLVMValueRef) -> &'a [u8] {
    cstr_bytes(LLVMGetSection(global))
}

// ---- types and sizes ----

pub(super) unsafe fn is_pointer_type(ty: LLVMTypeRef) -> bool {
    !ty.is_null() && LLVMGetTypeKind(ty) == LLVMTypeKind::LLVMPointerTypeKind
}

/// A hash of an LLVM function type's shape (result, parameters, `...`),
/// structs by their elements rather than their per-module names; 0 for a
/// null type. Calls and functions of one C type have one shape.
pub(super) unsafe fn function_type_signature(ty: LLVMTypeRef) -> u64 {
    if ty.is_null() || LLVMGetTypeKind(ty) != LLVMTypeKind::LLVMFunctionTypeKind {
        return 0;
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    type_shape(ty, 0, &mut h);
    h.0.max(1)
}

/// FNV-1a over what is written to it: stable across runs and builds (the
/// cache stores the hash), and no string is built per call.
struct Fnv(u64);

impl Fnv {
    fn put(&mut self, s: &str) {
        for b in s.bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl std::fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.put(s);
        Ok(())
    }
}

unsafe fn type_shape(ty: LLVMTypeRef, depth: u32, out: &mut Fnv) {
    use std::fmt::Write;
    if depth > 4 {
        out.put("?");
        return;
    }
    match LLVMGetTypeKind(ty) {
        LLVMTypeKind::LLVMVoidTypeKind => out.put("v"),
        LLVMTypeKind::LLVMIntegerTypeKind => {
            let _ = write!(out, "i{}", LLVMGetIntTypeWidth(ty));
        }
        LLVMTypeKind::LLVMPointerTypeKind => out.put("p"),
        LLVMTypeKind::LLVMStructTypeKind => {
            out.put("{");
            for i in 0..LLVMCountStructElementTypes(ty) {
                type_shape(LLVMStructGetTypeAtIndex(ty, i), depth + 1, out);
                out.put(",");
            }
            out.put("}");
        }
        LLVMTypeKind::LLVMArrayTypeKind => {
            let _ = write!(out, "[{}x", LLVMGetArrayLength2(ty));
            type_shape(LLVMGetElementType(ty), depth + 1, out);
            out.put("]");
        }
        LLVMTypeKind::LLVMFunctionTypeKind => {
            out.put("(");
            type_shape(LLVMGetReturnType(ty), depth + 1, out);
            let n = LLVMCountParamTypes(ty);
            let mut params = vec![std::ptr::null_mut(); n as usize];
            LLVMGetParamTypes(ty, params.as_mut_ptr());
            for p in params {
                out.put(";");
                type_shape(p, depth + 1, out);
            }
            if LLVMIsFunctionVarArg(ty) != 0 {
                out.put(";...");
            }
            out.put(")");
        }
        k => {
            let _ = write!(out, "k{}", k as u32);
        }
    }
}

/// True when the data layout can size `ty` with a fixed number of bytes
/// (asking for the size of an unsized or scalable type is an error in LLVM).
pub(super) unsafe fn has_fixed_size(ty: LLVMTypeRef) -> bool {
    if ty.is_null() {
        return false;
    }
    match LLVMGetTypeKind(ty) {
        LLVMTypeKind::LLVMScalableVectorTypeKind
        | LLVMTypeKind::LLVMVoidTypeKind
        | LLVMTypeKind::LLVMLabelTypeKind
        | LLVMTypeKind::LLVMMetadataTypeKind
        | LLVMTypeKind::LLVMTokenTypeKind
        | LLVMTypeKind::LLVMFunctionTypeKind => false,
        LLVMTypeKind::LLVMStructTypeKind
        | LLVMTypeKind::LLVMArrayTypeKind
        | LLVMTypeKind::LLVMTargetExtTypeKind => {
            LLVMTypeIsSized(ty) != 0 && !contains_scalable(ty, 0)
        }
        _ => LLVMTypeIsSized(ty) != 0,
    }
}

unsafe fn contains_scalable(ty: LLVMTypeRef, depth: u32) -> bool {
    if ty.is_null() || depth > 32 {
        return false;
    }
    match LLVMGetTypeKind(ty) {
        LLVMTypeKind::LLVMScalableVectorTypeKind => true,
        LLVMTypeKind::LLVMArrayTypeKind => contains_scalable(LLVMGetElementType(ty), depth + 1),
        LLVMTypeKind::LLVMStructTypeKind => (0..LLVMCountStructElementTypes(ty))
            .any(|i| contains_scalable(LLVMStructGetTypeAtIndex(ty, i), depth + 1)),
        _ => false,
    }
}

/// Bytes between consecutive elements of type `ty` (its ABI alloc size).
pub(super) unsafe fn alloc_size(
    td: sys::target::LLVMTargetDataRef,
    ty: LLVMTypeRef,
) -> Option<u64> {
    has_fixed_size(ty).then(|| sys::target::LLVMABISizeOfType(td, ty))
}

/// Bytes a load or store of `ty` touches.
pub(super) unsafe fn store_size(
    td: sys::target::LLVMTargetDataRef,
    ty: LLVMTypeRef,
) -> Option<u64> {
    has_fixed_size(ty).then(|| sys::target::LLVMStoreSizeOfType(td, ty))
}

/// Sign-extended value of a constant integer of at most 64 bits.
pub(super) unsafe fn const_int(v: LLVMValueRef) -> Option<i64> {
    if v.is_null() || LLVMIsAConstantInt(v).is_null() {
        return None;
    }
    let ty = LLVMTypeOf(v);
    if ty.is_null() || LLVMGetIntTypeWidth(ty) > 64 {
        return None;
    }
    Some(LLVMConstIntGetSExtValue(v))
}

// ---- metadata ----

/// Metadata kinds as plain integers: llvm-sys' enum is neither `Copy` nor
/// `PartialEq`, and matching needs both.
#[allow(non_upper_case_globals)]
pub(super) mod mdk {
    use super::K;
    pub const LLVMConstantAsMetadataMetadataKind: u32 =
        K::LLVMConstantAsMetadataMetadataKind as u32;
    pub const LLVMDIArgListMetadataKind: u32 = K::LLVMDIArgListMetadataKind as u32;
    pub const LLVMDIAssignIDMetadataKind: u32 = K::LLVMDIAssignIDMetadataKind as u32;
    pub const LLVMDIMacroMetadataKind: u32 = K::LLVMDIMacroMetadataKind as u32;
    pub const LLVMDIMacroFileMetadataKind: u32 = K::LLVMDIMacroFileMetadataKind as u32;
    pub const LLVMDIBasicTypeMetadataKind: u32 = K::LLVMDIBasicTypeMetadataKind as u32;
    pub const LLVMDICompileUnitMetadataKind: u32 = K::LLVMDICompileUnitMetadataKind as u32;
    pub const LLVMDICompositeTypeMetadataKind: u32 = K::LLVMDICompositeTypeMetadataKind as u32;
    pub const LLVMDIDerivedTypeMetadataKind: u32 = K::LLVMDIDerivedTypeMetadataKind as u32;
    pub const LLVMDIExpressionMetadataKind: u32 = K::LLVMDIExpressionMetadataKind as u32;
    pub const LLVMDIFileMetadataKind: u32 = K::LLVMDIFileMetadataKind as u32;
    pub const LLVMDIFixedPointTypeMetadataKind: u32 = K::LLVMDIFixedPointTypeMetadataKind as u32;
    pub const LLVMDIGlobalVariableExpressionMetadataKind: u32 =
        K::LLVMDIGlobalVariableExpressionMetadataKind as u32;
    pub const LLVMDIGlobalVariableMetadataKind: u32 = K::LLVMDIGlobalVariableMetadataKind as u32;
    pub const LLVMDILexicalBlockFileMetadataKind: u32 =
        K::LLVMDILexicalBlockFileMetadataKind as u32;
    pub const LLVMDILexicalBlockMetadataKind: u32 = K::LLVMDILexicalBlockMetadataKind as u32;
    pub const LLVMDILocalVariableMetadataKind: u32 = K::LLVMDILocalVariableMetadataKind as u32;
    pub const LLVMDILocationMetadataKind: u32 = K::LLVMDILocationMetadataKind as u32;
    pub const LLVMDINamespaceMetadataKind: u32 = K::LLVMDINamespaceMetadataKind as u32;
    pub const LLVMDIStringTypeMetadataKind: u32 = K::LLVMDIStringTypeMetadataKind as u32;
    pub const LLVMDISubprogramMetadataKind: u32 = K::LLVMDISubprogramMetadataKind as u32;
    pub const LLVMDISubrangeMetadataKind: u32 = K::LLVMDISubrangeMetadataKind as u32;
    pub const LLVMDISubrangeTypeMetadataKind: u32 = K::LLVMDISubrangeTypeMetadataKind as u32;
    pub const LLVMDISubroutineTypeMetadataKind: u32 = K::LLVMDISubroutineTypeMetadataKind as u32;
    pub const LLVMDistinctMDOperandPlaceholderMetadataKind: u32 =
        K::LLVMDistinctMDOperandPlaceholderMetadataKind as u32;
    pub const LLVMLocalAsMetadataMetadataKind: u32 = K::LLVMLocalAsMetadataMetadataKind as u32;
    pub const LLVMMDStringMetadataKind: u32 = K::LLVMMDStringMetadataKind as u32;
    pub const LLVMMDTupleMetadataKind: u32 = K::LLVMMDTupleMetadataKind as u32;
}

/// Metadata kind, `None` for a null reference.
pub(super) unsafe fn md_kind(md: LLVMMetadataRef) -> Option<u32> {
    (!md.is_null()).then(|| sys::debuginfo::LLVMGetMetadataKind(md) as u32)
}

/// True for kinds that are `MDNode`s (the only ones whose operands the C
/// API may be asked for).
pub(super) fn is_node_kind(kind: u32) -> bool {
    !matches!(
        kind,
        mdk::LLVMMDStringMetadataKind
            | mdk::LLVMConstantAsMetadataMetadataKind
            | mdk::LLVMLocalAsMetadataMetadataKind
            | mdk::LLVMDistinctMDOperandPlaceholderMetadataKind
            | mdk::LLVMDIArgListMetadataKind
    )
}

/// True for `DINode` kinds (those `LLVMGetDINodeTag` accepts).
pub(super) fn is_di_node_kind(kind: u32) -> bool {
    is_node_kind(kind)
        && !matches!(
            kind,
            mdk::LLVMMDTupleMetadataKind
                | mdk::LLVMDILocationMetadataKind
                | mdk::LLVMDIExpressionMetadataKind
                | mdk::LLVMDIGlobalVariableExpressionMetadataKind
                | mdk::LLVMDIAssignIDMetadataKind
                | mdk::LLVMDIMacroMetadataKind
                | mdk::LLVMDIMacroFileMetadataKind
        )
}

/// True for `DIType` kinds (size/offset/name accessors apply).
pub(super) fn is_type_kind(kind: u32) -> bool {
    matches!(
        kind,
        mdk::LLVMDIBasicTypeMetadataKind
            | mdk::LLVMDIDerivedTypeMetadataKind
            | mdk::LLVMDICompositeTypeMetadataKind
            | mdk::LLVMDISubroutineTypeMetadataKind
            | mdk::LLVMDIStringTypeMetadataKind
            | mdk::LLVMDIFixedPointTypeMetadataKind
            | mdk::LLVMDISubrangeTypeMetadataKind
    )
}

/// Number of operands of an MDNode (0 for anything else).
pub(super) unsafe fn md_num_operands(ctx: LLVMContextRef, md: LLVMMetadataRef) -> u32 {
    match md_kind(md) {
        Some(k) if is_node_kind(k) => LLVMGetMDNodeNumOperands(LLVMMetadataAsValue(ctx, md)),
        _ => 0,
    }
}

/// Operand `i` of an MDNode as the C API gives it: a `MetadataAsValue` for
/// metadata operands, the constant itself for `ConstantAsMetadata`, null
/// when absent or out of range.
unsafe fn md_operand_value(ctx: LLVMContextRef, md: LLVMMetadataRef, i: u32) -> LLVMValueRef {
    match md_kind(md) {
        Some(k) if is_node_kind(k) => {
            let v = LLVMMetadataAsValue(ctx, md);
            if v.is_null() || i >= LLVMGetMDNodeNumOperands(v) {
                std::ptr::null_mut()
            } else {
                LLVMGetOperand(v, i)
            }
        }
        _ => std::ptr::null_mut(),
    }
}

/// Operand `i` when it is a metadata node or string.
pub(super) unsafe fn md_operand(
    ctx: LLVMContextRef,
    md: LLVMMetadataRef,
    i: u32,
) -> Option<LLVMMetadataRef> {
    let v = md_operand_value(ctx, md, i);
    if v.is_null() || (LLVMIsAMDNode(v).is_null() && LLVMIsAMDString(v).is_null()) {
        return None;
    }
    let m = LLVMValueAsMetadata(v);
    (!m.is_null()).then_some(m)
}

/// Operand `i` when it is a constant (`ConstantAsMetadata`).
pub(super) unsafe fn md_const_operand(
    ctx: LLVMContextRef,
    md: LLVMMetadataRef,
    i: u32,
) -> Option<LLVMValueRef> {
    let v = md_operand_value(ctx, md, i);
    (!v.is_null() && !LLVMIsAConstant(v).is_null()).then_some(v)
}

/// Operand `i` when it is a non-empty MDString.
pub(super) unsafe fn md_string_operand<'a>(
    ctx: LLVMContextRef,
    md: LLVMMetadataRef,
    i: u32,
) -> Option<&'a [u8]> {
    let v = md_operand_value(ctx, md, i);
    if v.is_null() || LLVMIsAMDString(v).is_null() {
        return None;
    }
    let mut len = 0u32;
    let p = LLVMGetMDString(v, &mut len);
    let s = slice(p, len as usize);
    (!s.is_empty()).then_some(s)
}

/// The DWARF tag of a DI node, 0 when `md` is not one.
pub(super) unsafe fn di_tag(md: LLVMMetadataRef) -> u16 {
    match md_kind(md) {
        Some(k) if is_di_node_kind(k) => sys::debuginfo::LLVMGetDINodeTag(md),
        _ => 0,
    }
}

/// Operands of a named metadata list (e.g. `llvm.dbg.cu`, `llvm.ident`),
/// as metadata references.
pub(super) unsafe fn named_metadata(m: LLVMModuleRef, name: &CStr) -> Vec<LLVMMetadataRef> {
    let bytes = name.to_bytes();
    if LLVMGetNamedMetadata(m, name.as_ptr(), bytes.len()).is_null() {
        return Vec::new();
    }
    let n = LLVMGetNamedMetadataNumOperands(m, name.as_ptr()) as usize;
    let mut values = vec![std::ptr::null_mut(); n];
    if n > 0 {
        LLVMGetNamedMetadataOperands(m, name.as_ptr(), values.as_mut_ptr());
    }
    values
        .into_iter()
        .filter(|v| !v.is_null())
        .map(|v| LLVMValueAsMetadata(v))
        .filter(|md| !md.is_null())
        .collect()
}

// ---- hashing ----

/// Hasher for the memo tables: keys are LLVM pointers and small integer
/// structs, hashed on the hot path of every instruction, where SipHash's
/// DoS resistance buys nothing (keys come from LLVM, not from an attacker
/// choosing collisions) and costs measurably.
#[derive(Default, Clone, Copy)]
pub(super) struct FastHasher(u64);

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(SEED);
    }
}

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // Products of aligned pointers have zero low bits; the table indexes
        // by low bits, so rotate the well-mixed high bits down.
        self.0.rotate_left(26)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(n as u64)
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64)
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n)
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64)
    }
}

pub(super) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;
