//! Global variables, constants and constant expressions.

use inkwell::llvm_sys as sys;
use sys::core::*;
use sys::prelude::*;
use sys::{LLVMLinkage, LLVMOpcode, LLVMTypeKind};

use super::ffi::{self, lossy};
use super::{demangle_rust, Lowerer};
use crate::ir::{Global, Linkage, Value};

/// Constant expressions nest; real ones are shallow, this bounds hostile input.
const MAX_CONST_DEPTH: u32 = 32;

impl Lowerer {
    pub(super) unsafe fn lower_globals(&mut self) {
        let mut g = LLVMGetFirstGlobal(self.module);
        while !g.is_null() {
            let global = self.lower_global(g);
            self.out.globals.push(global);
            g = LLVMGetNextGlobal(g);
        }
        let mut a = LLVMGetFirstGlobalAlias(self.module);
        while !a.is_null() {
            let name = self.global_name(a);
            let aliasee = LLVMAliasGetAliasee(a);
            if !aliasee.is_null() {
                let target = self.constant_value(aliasee, 0);
                if matches!(target, crate::ir::Value::Global { .. }) {
                    self.out.aliases.push(crate::ir::Alias {
                        name,
                        target,
                        linkage: linkage(a),
                    });
                }
            }
            a = LLVMGetNextGlobalAlias(a);
        }
    }

    unsafe fn lower_global(&mut self, g: LLVMValueRef) -> Global {
        let name = self.global_name(g);
        let demangled = self.demangled_name(name);
        let value_type = LLVMGlobalGetValueType(g);
        let size = ffi::alloc_size(self.target_data, value_type).unwrap_or(0);
        let is_declaration = LLVMIsDeclaration(g) != 0;
        let mut pointers = Vec::new();
        if !is_declaration {
            let init = LLVMGetInitializer(g);
            if !init.is_null() {
                self.collect_pointers(init, 0, &mut pointers, 0);
            }
        }
        let section = self.section_of(g);
        let (di_name, di_type, di_loc) = self.global_debug_info(g);
        Global {
            name,
            demangled,
            linkage: linkage(g),
            is_declaration,
            is_constant: LLVMIsGlobalConstant(g) != 0,
            thread_local: LLVMIsThreadLocal(g) != 0,
            section,
            size,
            pointers,
            di_name,
            di_type,
            di_loc,
        }
    }

    /// Demangled Rust name, or the symbol itself.
    pub(super) fn demangled_name(&mut self, symbol: crate::ir::StrId) -> crate::ir::StrId {
        match demangle_rust(self.out.str(symbol)) {
            Some(d) => self.out.strings.intern(&d),
            None => symbol,
        }
    }

    pub(super) unsafe fn section_of(&mut self, g: LLVMValueRef) -> Option<crate::ir::StrId> {
        let s = ffi::section(g);
        (!s.is_empty()).then(|| self.out.strings.intern(&lossy(s)))
    }

    /// Name, type and place from the first `!dbg` DIGlobalVariableExpression.
    unsafe fn global_debug_info(
        &mut self,
        g: LLVMValueRef,
    ) -> (
        Option<crate::ir::StrId>,
        Option<crate::ir::TypeId>,
        Option<crate::ir::LocId>,
    ) {
        let mut count = 0usize;
        let entries = LLVMGlobalCopyAllMetadata(g, &mut count);
        if entries.is_null() {
            return (None, None, None);
        }
        let mut result = (None, None, None);
        for i in 0..count as u32 {
            if LLVMValueMetadataEntriesGetKind(entries, i) != self.dbg_kind {
                continue;
            }
            let gve = LLVMValueMetadataEntriesGetMetadata(entries, i);
            if ffi::md_kind(gve) != Some(ffi::mdk::LLVMDIGlobalVariableExpressionMetadataKind) {
                continue;
            }
            let var = sys::debuginfo::LLVMDIGlobalVariableExpressionGetVariable(gve);
            if let Some(info) = self.variable_info(var) {
                result = info;
                break;
            }
        }
        LLVMDisposeValueMetadataEntries(entries);
        result
    }

    /// Records every function/global address in a constant initializer at
    /// its byte offset: ops tables, vtables, arrays of pointers.
    unsafe fn collect_pointers(
        &mut self,
        c: LLVMValueRef,
        offset: u64,
        out: &mut Vec<(u64, Value)>,
        depth: u32,
    ) {
        if c.is_null() || depth > MAX_CONST_DEPTH {
            return;
        }
        if !LLVMIsAGlobalValue(c).is_null() || !LLVMIsAConstantExpr(c).is_null() {
            if let v @ Value::Global { .. } = self.constant_value(c, depth) {
                out.push((offset, v));
            }
            return;
        }
        let ty = LLVMTypeOf(c);
        if ty.is_null() {
            return;
        }
        if !LLVMIsAConstantStruct(c).is_null() {
            let n = LLVMGetNumOperands(c).max(0) as u32;
            for i in 0..n.min(LLVMCountStructElementTypes(ty)) {
                let field = sys::target::LLVMOffsetOfElement(self.target_data, ty, i);
                self.collect_pointers(LLVMGetOperand(c, i), offset + field, out, depth + 1);
            }
        } else if !LLVMIsAConstantArray(c).is_null() || !LLVMIsAConstantVector(c).is_null() {
            let element = LLVMGetElementType(ty);
            let Some(stride) = ffi::alloc_size(self.target_data, element) else {
                return;
            };
            let n = LLVMGetNumOperands(c).max(0) as u32;
            for i in 0..n {
                self.collect_pointers(
                    LLVMGetOperand(c, i),
                    offset + stride * i as u64,
                    out,
                    depth + 1,
                );
            }
        }
        // ConstantDataArray (bytes, ints, floats), zeroinitializer, ints:
        // no addresses.
    }

    /// A constant operand as a seam value; constant-expression GEPs and
    /// casts of globals fold into `Global { name, offset }`.
    pub(super) unsafe fn constant_value(&mut self, c: LLVMValueRef, depth: u32) -> Value {
        if c.is_null() || depth > MAX_CONST_DEPTH {
            return Value::Other;
        }
        if !LLVMIsAGlobalAlias(c).is_null() {
            // The IR has no aliases: name the object the alias stands for.
            return self.constant_value(LLVMAliasGetAliasee(c), depth + 1);
        }
        if !LLVMIsAGlobalValue(c).is_null() {
            return Value::Global {
                name: self.global_name(c),
                offset: 0,
            };
        }
        if let Some(i) = ffi::const_int(c) {
            return Value::Int(i);
        }
        if !LLVMIsAConstantPointerNull(c).is_null() {
            return Value::Null;
        }
        if !LLVMIsAUndefValue(c).is_null() || !LLVMIsAPoisonValue(c).is_null() {
            return Value::Undef;
        }
        if LLVMIsAConstantExpr(c).is_null() {
            return Value::Other;
        }
        match LLVMGetConstOpcode(c) {
            LLVMOpcode::LLVMGetElementPtr => {
                let base = self.constant_value(LLVMGetOperand(c, 0), depth + 1);
                let (offset, _, _) = self.gep_offset(c, |v| self.const_index(v, depth + 1));
                match (base, offset) {
                    (Value::Global { name, offset: o }, Some(d)) => Value::Global {
                        name,
                        offset: o.wrapping_add(d),
                    },
                    (Value::Null, Some(d)) => Value::Int(d),
                    _ => Value::Other,
                }
            }
            LLVMOpcode::LLVMBitCast
            | LLVMOpcode::LLVMAddrSpaceCast
            | LLVMOpcode::LLVMPtrToInt
            | LLVMOpcode::LLVMPtrToAddr
            | LLVMOpcode::LLVMIntToPtr => self.constant_value(LLVMGetOperand(c, 0), depth + 1),
            LLVMOpcode::LLVMAdd
            | LLVMOpcode::LLVMSub
            | LLVMOpcode::LLVMMul
            | LLVMOpcode::LLVMXor
            | LLVMOpcode::LLVMShl => self.const_index(c, depth).map_or(Value::Other, Value::Int),
            _ => Value::Other,
        }
    }

    /// The value of a constant integer, folding the constant expressions
    /// LLVM keeps unfolded: `offsetof` written as `(unsigned long)
    /// &((T *)0)->m` is `ptrtoint (getelementptr (i8, ptr null, i64 40))`,
    /// and `container_of`'s `(char *)p - offsetof(..)` at -O0 indexes by
    /// `sub (i64 0, that)`. `None` for anything else.
    pub(super) unsafe fn const_index(&self, c: LLVMValueRef, depth: u32) -> Option<i64> {
        if let Some(i) = ffi::const_int(c) {
            return Some(i);
        }
        if c.is_null() || depth > MAX_CONST_DEPTH || LLVMIsAConstantExpr(c).is_null() {
            return None;
        }
        let operand = |k: u32| self.const_index(LLVMGetOperand(c, k), depth + 1);
        match LLVMGetConstOpcode(c) {
            LLVMOpcode::LLVMAdd => Some(operand(0)?.wrapping_add(operand(1)?)),
            LLVMOpcode::LLVMSub => Some(operand(0)?.wrapping_sub(operand(1)?)),
            LLVMOpcode::LLVMMul => Some(operand(0)?.wrapping_mul(operand(1)?)),
            LLVMOpcode::LLVMXor => Some(operand(0)? ^ operand(1)?),
            LLVMOpcode::LLVMShl => {
                let k = u32::try_from(operand(1)?).ok().filter(|k| *k < 64)?;
                Some(operand(0)?.wrapping_shl(k))
            }
            LLVMOpcode::LLVMPtrToInt | LLVMOpcode::LLVMPtrToAddr => {
                let p = LLVMGetOperand(c, 0);
                if !LLVMIsAConstantPointerNull(p).is_null() {
                    return Some(0);
                }
                // An address computed from null: its offset.
                if LLVMIsAConstantExpr(p).is_null()
                    || LLVMGetConstOpcode(p) != LLVMOpcode::LLVMGetElementPtr
                    || LLVMIsAConstantPointerNull(LLVMGetOperand(p, 0)).is_null()
                {
                    return None;
                }
                self.gep_offset(p, |v| self.const_index(v, depth + 1)).0
            }
            _ => None,
        }
    }

    /// Constant byte offset of a GEP (instruction or constant expression):
    /// `(Some(total), total, 0)` when every index is constant, else
    /// `(None, constant part, stride)`, the stride being the bytes one step
    /// of the run-time index moves when it is the only one (else 0).
    /// `index_value` gives the constant value of an index operand, `None`
    /// for run-time ones.
    pub(super) unsafe fn gep_offset(
        &self,
        gep: LLVMValueRef,
        index_value: impl Fn(LLVMValueRef) -> Option<i64>,
    ) -> (Option<i64>, i64, i64) {
        let td = self.target_data;
        let mut ty = LLVMGetGEPSourceElementType(gep);
        let n = LLVMGetNumOperands(gep).max(0) as u32;
        let mut total: i64 = 0;
        let mut all_constant = true;
        // Run-time indexes seen (2 once the rest is not understood), and
        // the stride of the last.
        let mut variable = 0;
        let mut stride = 0i64;
        for i in 1..n {
            let index = LLVMGetOperand(gep, i);
            let constant = index_value(index);
            if i == 1 {
                // The first index steps over whole source elements.
                match (constant, ffi::alloc_size(td, ty)) {
                    (Some(k), Some(size)) => {
                        total = total.wrapping_add(k.wrapping_mul(size as i64))
                    }
                    (Some(0), None) => {}
                    (None, size) => {
                        all_constant = false;
                        variable += 1;
                        stride = size.map_or(0, |s| s as i64);
                    }
                    _ => all_constant = false,
                }
                continue;
            }
            if ty.is_null() {
                all_constant = false;
                variable += 2;
                break;
            }
            match LLVMGetTypeKind(ty) {
                LLVMTypeKind::LLVMStructTypeKind => {
                    // Struct field indices are always constants.
                    let Some(k) = constant
                        .filter(|k| *k >= 0 && (*k as u32) < LLVMCountStructElementTypes(ty))
                    else {
                        all_constant = false;
                        variable += 2;
                        break;
                    };
                    total = total
                        .wrapping_add(sys::target::LLVMOffsetOfElement(td, ty, k as u32) as i64);
                    ty = LLVMStructGetTypeAtIndex(ty, k as u32);
                }
                LLVMTypeKind::LLVMArrayTypeKind | LLVMTypeKind::LLVMVectorTypeKind => {
                    ty = LLVMGetElementType(ty);
                    match (constant, ffi::alloc_size(td, ty)) {
                        (Some(k), Some(size)) => {
                            total = total.wrapping_add(k.wrapping_mul(size as i64))
                        }
                        (None, size) => {
                            all_constant = false;
                            variable += 1;
                            stride = size.map_or(0, |s| s as i64);
                        }
                        _ => all_constant = false,
                    }
                }
                _ => {
                    all_constant = false;
                    variable += 2;
                    break;
                }
            }
        }
        let stride = if variable == 1 { stride } else { 0 };
        (all_constant.then_some(total), total, stride)
    }
}

pub(super) unsafe fn linkage(g: LLVMValueRef) -> Linkage {
    use LLVMLinkage::*;
    match LLVMGetLinkage(g) {
        LLVMExternalLinkage => Linkage::External,
        LLVMInternalLinkage | LLVMPrivateLinkage => Linkage::Internal,
        LLVMLinkOnceAnyLinkage
        | LLVMLinkOnceODRLinkage
        | LLVMWeakAnyLinkage
        | LLVMWeakODRLinkage
        | LLVMCommonLinkage
        | LLVMAvailableExternallyLinkage
        | LLVMExternalWeakLinkage => Linkage::Weak,
        _ => Linkage::Other,
    }
}
