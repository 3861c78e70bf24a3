//! Function bodies: every LLVM instruction becomes one [`Inst`] slot.

use inkwell::llvm_sys as sys;
use sys::core::*;
use sys::prelude::*;
use sys::{
    LLVMAtomicOrdering, LLVMAtomicRMWBinOp, LLVMDbgRecordKind, LLVMIntPredicate, LLVMOpcode,
    LLVMVisibility,
};

use super::ffi::{self, lossy};
use super::globals::linkage;
use super::{is_rust_mangled, CalleeClass, Lowerer, NON_CALL_INTRINSICS};
use crate::ir::{
    Block, BlockId, Callee, CastOp, CmpPred, Function, Inst, InstKind, IntOp, Language, Ordering,
    Param, Ret, RmwOp, StrId, Value,
};

/// Per-function lookup tables, reused across functions to keep their
/// allocations (a kernel module has thousands of small functions).
#[derive(Default)]
pub(super) struct BodyState {
    /// Arguments and instruction results of the current function.
    values: ffi::FastMap<LLVMValueRef, Value>,
    blocks: ffi::FastMap<LLVMBasicBlockRef, BlockId>,
    /// `(instruction index, variable)` of `#dbg_declare`s on allocas and
    /// `(argument index, variable)` of records describing arguments.
    alloca_vars: Vec<(u32, LLVMMetadataRef)>,
    arg_vars: Vec<(u32, LLVMMetadataRef)>,
    /// `(instruction index, variable)` of `#dbg_value`s on instruction
    /// results (a function-pointer variable kept in a register).
    value_vars: Vec<(u32, LLVMMetadataRef)>,
    /// `#dbg_value`s on arguments and instruction results with their
    /// expressions: `((is an argument, index), variable, expression)`.
    offset_vars: Vec<((bool, u32), LLVMMetadataRef, LLVMMetadataRef)>,
    /// Inline asm values are uniqued by LLVM: lower each once per module.
    asm: ffi::FastMap<LLVMValueRef, AsmInfo>,
}

#[derive(Clone)]
struct AsmInfo {
    asm: StrId,
    constraints: StrId,
    memory_operands: Vec<u32>,
    side_effects: bool,
}

impl Lowerer {
    pub(super) unsafe fn lower_function(
        &mut self,
        f: LLVMValueRef,
        body: &mut BodyState,
    ) -> Function {
        let name = self.global_name(f);
        let demangled = self.demangled_name(name);
        let is_declaration = LLVMIsDeclaration(f) != 0;
        let sp = sys::debuginfo::LLVMGetSubprogram(f);
        let sp = (ffi::md_kind(sp) == Some(ffi::mdk::LLVMDISubprogramMetadataKind)).then_some(sp);
        let language = self.function_language(sp, name, is_declaration);
        let di_name = sp.and_then(|sp| self.subprogram_name(sp));
        let di_loc = sp.and_then(|sp| self.subprogram_location(sp));
        let fn_type = LLVMGlobalGetValueType(f);
        let returns_ptr = !fn_type.is_null() && ffi::is_pointer_type(LLVMGetReturnType(fn_type));
        let returns_void = !fn_type.is_null()
            && LLVMGetTypeKind(LLVMGetReturnType(fn_type)) == sys::LLVMTypeKind::LLVMVoidTypeKind;
        let variadic = !fn_type.is_null() && LLVMIsFunctionVarArg(fn_type) != 0;

        let n_params = LLVMCountParams(f);
        let mut params: Vec<Param> = (0..n_params)
            .map(|i| Param {
                is_ptr: ffi::is_pointer_type(LLVMTypeOf(LLVMGetParam(f, i))),
                name: None,
                di_type: None,
            })
            .collect();
        // The DI signature matches the LLVM one only when the ABI did not
        // split, merge or add parameters (sret, Rust fat pointers …).
        let di_params = sp
            .map(|sp| self.subprogram_param_types(sp))
            .unwrap_or_default();
        if di_params.len() == params.len() {
            for (p, t) in params.iter_mut().zip(&di_params) {
                p.di_type = *t;
            }
        }
        let prototype = sp
            .and_then(|sp| self.subprogram_type(sp))
            .and_then(|t| self.di_type(t));
        let source_params = if is_declaration {
            Vec::new()
        } else {
            di_params
        };

        let mut function = Function {
            name,
            demangled,
            linkage: linkage(f),
            visible: LLVMGetVisibility(f) == LLVMVisibility::LLVMDefaultVisibility,
            section: self.section_of(f),
            language,
            is_declaration,
            params,
            source_params,
            prototype,
            callee_types: Vec::new(),
            value_types: Vec::new(),
            sig: ffi::function_type_signature(fn_type),
            returns_ptr,
            returns_void,
            variadic,
            di_name,
            di_loc,
            blocks: Vec::new(),
            insts: Vec::new(),
        };
        if !is_declaration {
            self.lower_body(f, sp, &mut function, body);
        }
        function
    }

    /// Language from the subprogram's compile unit, else from how the
    /// symbol is mangled, else the module's. Declarations get the module's
    /// language only in C modules: an unmangled declaration in a Rust
    /// module is usually an FFI import of C code.
    unsafe fn function_language(
        &mut self,
        sp: Option<LLVMMetadataRef>,
        name: StrId,
        is_declaration: bool,
    ) -> Language {
        if let Some(sp) = sp {
            let l = self.subprogram_language(sp);
            if l != Language::Unknown {
                return l;
            }
        }
        if is_rust_mangled(self.out.str(name)) {
            return Language::Rust;
        }
        match self.module_language {
            Language::C => Language::C,
            Language::Rust if !is_declaration => Language::Rust,
            _ => Language::Unknown,
        }
    }

    unsafe fn lower_body(
        &mut self,
        f: LLVMValueRef,
        sp: Option<LLVMMetadataRef>,
        function: &mut Function,
        body: &mut BodyState,
    ) {
        body.values.clear();
        body.blocks.clear();
        body.alloca_vars.clear();
        body.arg_vars.clear();
        body.value_vars.clear();
        body.offset_vars.clear();
        for i in 0..LLVMCountParams(f) {
            body.values.insert(LLVMGetParam(f, i), Value::Arg(i));
        }
        // Pass 1: number blocks and instructions, so operands that refer
        // forward (phis, branches) resolve in pass 2.
        let mut block_refs = Vec::new();
        let mut next_inst: u32 = 0;
        let mut bb = LLVMGetFirstBasicBlock(f);
        while !bb.is_null() {
            body.blocks.insert(bb, block_refs.len() as BlockId);
            let first = next_inst;
            let mut inst = LLVMGetFirstInstruction(bb);
            while !inst.is_null() {
                body.values.insert(inst, Value::Inst(next_inst));
                next_inst += 1;
                inst = LLVMGetNextInstruction(inst);
            }
            function.blocks.push(Block {
                first,
                len: next_inst - first,
                succs: Vec::new(),
            });
            block_refs.push(bb);
            bb = LLVMGetNextBasicBlock(bb);
        }
        function.insts.reserve(next_inst as usize);
        // Pass 2: lower.
        for (b, &bb) in block_refs.iter().enumerate() {
            let mut inst = LLVMGetFirstInstruction(bb);
            while !inst.is_null() {
                self.note_debug_records(inst, body);
                let kind = self.lower_inst(inst, body);
                let loc = self.location(sys::debuginfo::LLVMInstructionGetDebugLoc(inst));
                function.insts.push(Inst { kind, loc });
                inst = LLVMGetNextInstruction(inst);
            }
            let term = LLVMGetBasicBlockTerminator(bb);
            if !term.is_null() {
                let n = LLVMGetNumSuccessors(term);
                function.blocks[b].succs = (0..n)
                    .map(|i| block_id(body, LLVMGetSuccessor(term, i)))
                    .collect();
            }
        }
        self.apply_variables(sp, function, body);
    }

    /// Remembers which allocas and arguments `#dbg_declare`/`#dbg_value`
    /// records describe (LLVM 22 keeps these as records, not calls).
    unsafe fn note_debug_records(&mut self, inst: LLVMValueRef, body: &mut BodyState) {
        let mut rec = LLVMGetFirstDbgRecord(inst);
        while !rec.is_null() {
            let kind = LLVMDbgRecordGetKind(rec);
            if matches!(
                kind,
                LLVMDbgRecordKind::LLVMDbgRecordDeclare | LLVMDbgRecordKind::LLVMDbgRecordValue
            ) {
                let value = LLVMDbgVariableRecordGetValue(rec, 0);
                let var = LLVMDbgVariableRecordGetVariable(rec);
                if !value.is_null() && !var.is_null() {
                    if kind == LLVMDbgRecordKind::LLVMDbgRecordValue {
                        let at = match body.values.get(&value) {
                            Some(&Value::Inst(i)) => Some((false, i)),
                            Some(&Value::Arg(a)) => Some((true, a)),
                            _ => None,
                        };
                        if let Some(at) = at {
                            let expr = LLVMDbgVariableRecordGetExpression(rec);
                            body.offset_vars.push((at, var, expr));
                        }
                    }
                    match body.values.get(&value) {
                        Some(&Value::Inst(i))
                            if kind == LLVMDbgRecordKind::LLVMDbgRecordDeclare =>
                        {
                            body.alloca_vars.push((i, var))
                        }
                        Some(&Value::Inst(i)) => body.value_vars.push((i, var)),
                        Some(&Value::Arg(a)) => body.arg_vars.push((a, var)),
                        _ => {}
                    }
                }
            }
            rec = LLVMGetNextDbgRecord(rec);
        }
    }

    /// Names and types allocas and parameters from their debug variables.
    unsafe fn apply_variables(
        &mut self,
        sp: Option<LLVMMetadataRef>,
        function: &mut Function,
        body: &mut BodyState,
    ) {
        for &(i, var) in &body.alloca_vars {
            let Some((name, ty, _)) = self.variable_info(var) else {
                continue;
            };
            if let Some(Inst {
                kind:
                    InstKind::Alloca {
                        name: n @ None,
                        di_type,
                        ..
                    },
                ..
            }) = function.insts.get_mut(i as usize)
            {
                *n = name;
                *di_type = ty;
            }
        }
        // The declared type of a value an indirect call calls through (a
        // function-pointer variable optimised into a register): kCFI's
        // type for the call.
        if !body.value_vars.is_empty() {
            let called: std::collections::HashSet<u32> = function
                .insts
                .iter()
                .filter_map(|inst| match &inst.kind {
                    InstKind::Call {
                        callee: Callee::Indirect(Value::Inst(j)),
                        ..
                    } => Some(*j),
                    _ => None,
                })
                .collect();
            for &(i, var) in &body.value_vars {
                if !called.contains(&i) || function.callee_types.iter().any(|(j, _)| *j == i) {
                    continue;
                }
                if let Some((_, Some(ty), _)) = self.variable_info(var) {
                    function.callee_types.push((i, ty));
                }
            }
        }
        // Pointer variables at a constant offset from a value: at -O2
        // `container_of` is a `getelementptr` back from the member, and
        // only the variable it initialises names the container's type.
        for &(at, var, expr) in &body.offset_vars {
            let Some(delta) = self.expression_offset(expr) else {
                continue;
            };
            let gep = !at.0
                && matches!(
                    function.insts.get(at.1 as usize).map(|x| &x.kind),
                    Some(InstKind::Gep { .. })
                );
            if delta == 0 && !gep {
                continue;
            }
            // Pointer variables only (through typedefs and qualifiers):
            // what they point to is checked where it is used.
            let Some(t) = ffi::md_operand(self.ctx, var, 3).and_then(|t| self.pointer_type(t))
            else {
                continue;
            };
            let Some(ty) = self.di_type(t) else { continue };
            function.value_types.push(crate::ir::ValueType {
                value: at,
                delta,
                ty,
            });
            // `%f = gep %b, -16` named `f`: the other addresses computed
            // from `%b` (`gep %b, -8` for `f->tx`) are in `f`'s type too.
            let from = match function.insts.get(at.1 as usize).map(|x| &x.kind) {
                Some(InstKind::Gep {
                    base,
                    offset: Some(o),
                    ..
                }) if !at.0 => match base {
                    Value::Arg(a) => Some(((true, *a), *o)),
                    Value::Inst(k) => Some(((false, *k), *o)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((base, o)) = from {
                function.value_types.push(crate::ir::ValueType {
                    value: base,
                    delta: delta + o,
                    ty,
                });
            }
        }
        function.value_types.sort_unstable();
        function.value_types.dedup();
        // Unoptimised code spills each argument into its own declared
        // alloca (`store %arg, %dev.addr` + `#dbg_declare(%dev.addr, !dev)`):
        // that variable names the argument too, after any direct record.
        if !body.alloca_vars.is_empty() {
            let declared: ffi::FastMap<u32, LLVMMetadataRef> =
                body.alloca_vars.iter().copied().collect();
            for inst in &function.insts {
                if let InstKind::Store {
                    ptr: Value::Inst(slot),
                    value: Value::Arg(a),
                    ..
                } = inst.kind
                {
                    if let Some(&var) = declared.get(&slot) {
                        body.arg_vars.push((a, var));
                    }
                }
            }
        }
        // A record on an argument may describe a local copy of it (`int x =
        // arg;` folded away); only variables scoped directly in the
        // subprogram, and of the parameter's DI type when that is known,
        // name the parameter.
        let Some(sp) = sp else { return };
        for &(a, var) in &body.arg_vars {
            if ffi::md_kind(var) != Some(ffi::mdk::LLVMDILocalVariableMetadataKind)
                || sys::debuginfo::LLVMDIVariableGetScope(var) != sp
            {
                continue;
            }
            let Some((name, ty, _)) = self.variable_info(var) else {
                continue;
            };
            let Some(param) = function.params.get_mut(a as usize) else {
                continue;
            };
            if param.name.is_some() || (param.di_type.is_some() && param.di_type != ty) {
                continue;
            }
            param.name = name;
            if param.di_type.is_none() {
                param.di_type = ty;
            }
        }
    }

    /// An operand: argument or instruction of this function, or a constant.
    unsafe fn operand(&mut self, body: &BodyState, v: LLVMValueRef) -> Value {
        if v.is_null() {
            return Value::Other;
        }
        if let Some(value) = body.values.get(&v) {
            return value.clone();
        }
        if !LLVMIsAConstant(v).is_null() {
            return self.constant_value(v, 0);
        }
        Value::Other
    }

    unsafe fn op(&mut self, body: &BodyState, inst: LLVMValueRef, i: u32) -> Value {
        if i as i32 >= LLVMGetNumOperands(inst) {
            return Value::Other;
        }
        self.operand(body, LLVMGetOperand(inst, i))
    }

    unsafe fn lower_inst(&mut self, inst: LLVMValueRef, body: &mut BodyState) -> InstKind {
        use LLVMOpcode::*;
        let td = self.target_data;
        match LLVMGetInstructionOpcode(inst) {
            LLVMRet => InstKind::Ret {
                value: (LLVMGetNumOperands(inst) > 0).then(|| self.op(body, inst, 0)),
            },
            LLVMBr => {
                let succ = |i| block_id(body, LLVMGetSuccessor(inst, i));
                if LLVMIsConditional(inst) != 0 {
                    let cond = self.operand(body, LLVMGetCondition(inst));
                    InstKind::CondBr {
                        cond,
                        then: succ(0),
                        otherwise: succ(1),
                    }
                } else {
                    InstKind::Br { target: succ(0) }
                }
            }
            LLVMSwitch => {
                let value = self.op(body, inst, 0);
                let default = block_id(body, LLVMGetSwitchDefaultDest(inst));
                let cases = (1..LLVMGetNumSuccessors(inst))
                    .filter_map(|i| {
                        Some((
                            ffi::const_int(LLVMGetSwitchCaseValue(inst, i))?,
                            block_id(body, LLVMGetSuccessor(inst, i)),
                        ))
                    })
                    .collect();
                InstKind::Switch {
                    value,
                    default,
                    cases,
                }
            }
            LLVMUnreachable => InstKind::Unreachable,
            LLVMCall | LLVMInvoke | LLVMCallBr => self.lower_call(inst, body),
            LLVMAdd | LLVMSub | LLVMMul | LLVMUDiv | LLVMSDiv | LLVMURem | LLVMSRem | LLVMShl
            | LLVMLShr | LLVMAShr | LLVMAnd | LLVMOr | LLVMXor => {
                let opcode = LLVMGetInstructionOpcode(inst);
                let wraps = matches!(opcode, LLVMAdd | LLVMSub | LLVMMul | LLVMShl);
                InstKind::BinOp {
                    op: int_op(opcode),
                    bits: int_bits(LLVMTypeOf(inst)),
                    nsw: wraps && LLVMGetNSW(inst) != 0,
                    lhs: self.op(body, inst, 0),
                    rhs: self.op(body, inst, 1),
                }
            }
            LLVMAlloca => {
                let ty = LLVMGetAllocatedType(inst);
                let count = ffi::const_int(LLVMGetOperand(inst, 0));
                let size = match (ffi::alloc_size(td, ty), count) {
                    (Some(s), Some(n)) if n >= 0 => s.checked_mul(n as u64),
                    _ => None,
                };
                InstKind::Alloca {
                    size,
                    name: None,
                    di_type: None,
                }
            }
            LLVMLoad => InstKind::Load {
                ptr: self.op(body, inst, 0),
                size: access_size(td, LLVMTypeOf(inst)),
                align: LLVMGetAlignment(inst),
                volatile: LLVMGetVolatile(inst) != 0,
                ordering: ordering(LLVMGetOrdering(inst)),
                is_ptr: ffi::is_pointer_type(LLVMTypeOf(inst)),
            },
            LLVMStore => InstKind::Store {
                value: self.op(body, inst, 0),
                ptr: self.op(body, inst, 1),
                size: access_size(td, LLVMTypeOf(LLVMGetOperand(inst, 0))),
                align: LLVMGetAlignment(inst),
                volatile: LLVMGetVolatile(inst) != 0,
                ordering: ordering(LLVMGetOrdering(inst)),
            },
            LLVMGetElementPtr => {
                let base = self.op(body, inst, 0);
                let (offset, const_part, stride) =
                    self.gep_offset(inst, |v| self.const_index(v, 0));
                let index = match offset {
                    Some(_) => None,
                    None => (1..LLVMGetNumOperands(inst).max(0) as u32)
                        .find(|&k| self.const_index(LLVMGetOperand(inst, k), 0).is_none())
                        .map(|k| self.op(body, inst, k)),
                };
                InstKind::Gep {
                    base,
                    offset,
                    const_part,
                    index,
                    stride: i32::try_from(stride).unwrap_or(0),
                }
            }
            LLVMTrunc | LLVMZExt | LLVMSExt | LLVMBitCast | LLVMAddrSpaceCast | LLVMFreeze => {
                let op = match LLVMGetInstructionOpcode(inst) {
                    LLVMTrunc => CastOp::Trunc(int_bits(LLVMTypeOf(inst))),
                    LLVMZExt => CastOp::ZExt,
                    LLVMSExt => CastOp::SExt,
                    _ => CastOp::Same,
                };
                InstKind::Cast {
                    value: self.op(body, inst, 0),
                    op,
                }
            }
            LLVMPtrToInt | LLVMPtrToAddr => InstKind::PtrToInt {
                value: self.op(body, inst, 0),
            },
            LLVMIntToPtr => InstKind::IntToPtr {
                value: self.op(body, inst, 0),
            },
            LLVMICmp => InstKind::ICmp {
                pred: predicate(LLVMGetICmpPredicate(inst)),
                lhs: self.op(body, inst, 0),
                rhs: self.op(body, inst, 1),
            },
            LLVMPHI => {
                let n = LLVMCountIncoming(inst);
                let incoming = (0..n)
                    .map(|i| {
                        (
                            self.operand(body, LLVMGetIncomingValue(inst, i)),
                            block_id(body, LLVMGetIncomingBlock(inst, i)),
                        )
                    })
                    .collect();
                InstKind::Phi { incoming }
            }
            LLVMSelect => InstKind::Select {
                cond: self.op(body, inst, 0),
                then: self.op(body, inst, 1),
                otherwise: self.op(body, inst, 2),
            },
            LLVMExtractValue => InstKind::ExtractValue {
                aggregate: self.op(body, inst, 0),
                indices: indices(inst),
            },
            LLVMInsertValue => InstKind::InsertValue {
                aggregate: self.op(body, inst, 0),
                value: self.op(body, inst, 1),
                indices: indices(inst),
            },
            LLVMFence => InstKind::Fence {
                ordering: ordering(LLVMGetOrdering(inst)),
                single_thread: LLVMIsAtomicSingleThread(inst) != 0,
            },
            LLVMAtomicCmpXchg => InstKind::CmpXchg {
                ptr: self.op(body, inst, 0),
                expected: self.op(body, inst, 1),
                new: self.op(body, inst, 2),
                size: access_size(td, LLVMTypeOf(LLVMGetOperand(inst, 2))),
                volatile: LLVMGetVolatile(inst) != 0,
                success: ordering(LLVMGetCmpXchgSuccessOrdering(inst)),
                failure: ordering(LLVMGetCmpXchgFailureOrdering(inst)),
                weak: LLVMGetWeak(inst) != 0,
            },
            LLVMAtomicRMW => InstKind::AtomicRmw {
                ptr: self.op(body, inst, 0),
                value: self.op(body, inst, 1),
                op: rmw_op(LLVMGetAtomicRMWBinOp(inst)),
                size: access_size(td, LLVMTypeOf(LLVMGetOperand(inst, 1))),
                volatile: LLVMGetVolatile(inst) != 0,
                ordering: ordering(LLVMGetOrdering(inst)),
            },
            _ => {
                let n = LLVMGetNumOperands(inst).max(0) as u32;
                let mut operands = Vec::with_capacity(n as usize);
                for i in 0..n {
                    let v = LLVMGetOperand(inst, i);
                    if !v.is_null() && LLVMValueIsBasicBlock(v) == 0 {
                        operands.push(self.operand(body, v));
                    }
                }
                InstKind::Other { operands }
            }
        }
    }

    unsafe fn lower_call(&mut self, inst: LLVMValueRef, body: &mut BodyState) -> InstKind {
        let invoke = LLVMGetInstructionOpcode(inst) == LLVMOpcode::LLVMInvoke;
        let n_args = LLVMGetNumArgOperands(inst);
        let called = LLVMGetCalledValue(inst);
        if !called.is_null() && !LLVMIsAInlineAsm(called).is_null() {
            let info = self.asm_info(called, body);
            let arg = |this: &mut Self, i: u32| this.operand(body, LLVMGetOperand(inst, i));
            let args: Vec<Value> = (0..n_args).map(|i| arg(self, i)).collect();
            let memory_operands = info
                .memory_operands
                .iter()
                .copied()
                .filter(|&i| (i as usize) < args.len())
                .collect();
            return InstKind::Asm {
                asm: info.asm,
                constraints: info.constraints,
                args,
                memory_operands,
                side_effects: info.side_effects,
            };
        }
        let arg = |this: &mut Self, i: u32| this.operand(body, LLVMGetOperand(inst, i));
        let target = strip_pointer_casts(called);
        let class = if !target.is_null() && !LLVMIsAFunction(target).is_null() {
            Some(self.callee_class(target))
        } else if !target.is_null() && !LLVMIsAGlobalValue(target).is_null() {
            // A call through an ifunc (or an alias of a non-function): direct by name.
            Some(CalleeClass::Call {
                name: self.global_name(target),
                noreturn: false,
            })
        } else {
            None
        };
        let const_arg = |i: u32| {
            if i < n_args {
                ffi::const_int(LLVMGetOperand(inst, i))
            } else {
                None
            }
        };
        match class {
            Some(CalleeClass::Ignored) => InstKind::Other {
                operands: Vec::new(),
            },
            // `llvm.lifetime.end(ptr)` (LLVM 22; `(i64 size, ptr)` before):
            // the pointer is the last argument.
            Some(CalleeClass::LifetimeEnd) if n_args > 0 => InstKind::LifetimeEnd {
                ptr: arg(self, n_args - 1),
            },
            Some(CalleeClass::Forward) => InstKind::Cast {
                value: if n_args > 0 {
                    arg(self, 0)
                } else {
                    Value::Other
                },
                op: CastOp::Same,
            },
            Some(CalleeClass::MemCopy { volatile_flag }) if n_args >= 3 => InstKind::MemCopy {
                dst: arg(self, 0),
                src: arg(self, 1),
                len: const_arg(2).and_then(|l| u64::try_from(l).ok()),
                volatile: volatile_flag && const_arg(3).is_some_and(|v| v != 0),
            },
            Some(CalleeClass::MemSet { volatile_flag }) if n_args >= 3 => InstKind::MemSet {
                dst: arg(self, 0),
                len: const_arg(2).and_then(|l| u64::try_from(l).ok()),
                volatile: volatile_flag && const_arg(3).is_some_and(|v| v != 0),
            },
            other => {
                let (callee, callee_noreturn) = match other {
                    Some(CalleeClass::Call { name, noreturn }) => (Callee::Direct(name), noreturn),
                    // Malformed mem intrinsics (too few arguments) stay calls.
                    Some(_) => (Callee::Direct(self.global_name(target)), false),
                    None => (Callee::Indirect(self.operand(body, called)), false),
                };
                let site_noreturn = !LLVMGetCallSiteEnumAttribute(
                    inst,
                    sys::LLVMAttributeFunctionIndex,
                    self.noreturn_kind,
                )
                .is_null();
                let args = (0..n_args).map(|i| arg(self, i)).collect();
                let ptr_args = (0..n_args.min(64))
                    .filter(|&i| ffi::is_pointer_type(LLVMTypeOf(LLVMGetOperand(inst, i))))
                    .fold(0u64, |m, i| m | (1 << i));
                // `sret` on the first argument, at the call site or on the
                // callee's parameter.
                let sret = n_args > 0
                    && (!LLVMGetCallSiteEnumAttribute(inst, 1, self.sret_kind).is_null()
                        || (!target.is_null()
                            && !LLVMIsAFunction(target).is_null()
                            && !LLVMGetEnumAttributeAtIndex(target, 1, self.sret_kind).is_null()));
                InstKind::Call {
                    callee,
                    args,
                    ptr_args,
                    returns: !(callee_noreturn || site_noreturn),
                    result: {
                        let ty = LLVMTypeOf(inst);
                        if LLVMGetTypeKind(ty) == sys::LLVMTypeKind::LLVMVoidTypeKind {
                            Ret::Void
                        } else if ffi::is_pointer_type(ty) {
                            Ret::Ptr
                        } else {
                            Ret::Value
                        }
                    },
                    invoke,
                    sret,
                    sig: ffi::function_type_signature(LLVMGetCalledFunctionType(inst)),
                }
            }
        }
    }

    unsafe fn asm_info(&mut self, asm_value: LLVMValueRef, body: &mut BodyState) -> AsmInfo {
        if let Some(info) = body.asm.get(&asm_value) {
            return info.clone();
        }
        let mut len = 0usize;
        let text = ffi::slice(LLVMGetInlineAsmAsmString(asm_value, &mut len), len);
        let asm = self.out.strings.intern(&lossy(text));
        let mut clen = 0usize;
        let constraints_text = lossy(ffi::slice(
            LLVMGetInlineAsmConstraintString(asm_value, &mut clen),
            clen,
        ))
        .into_owned();
        let constraints = self.out.strings.intern(&constraints_text);
        let info = AsmInfo {
            asm,
            constraints,
            memory_operands: crate::ir::asm::memory_operand_indices(&constraints_text),
            side_effects: LLVMGetInlineAsmHasSideEffects(asm_value) != 0,
        };
        body.asm.insert(asm_value, info.clone());
        info
    }

    /// How calls to function `f` lower, memoised per function.
    unsafe fn callee_class(&mut self, f: LLVMValueRef) -> CalleeClass {
        if let Some(&c) = self.callees.get(&f) {
            return c;
        }
        let name = self.global_name(f);
        let class = if LLVMGetIntrinsicID(f) != 0 {
            let text = self.out.str(name);
            match NON_CALL_INTRINSICS.iter().find(|p| text.starts_with(*p)) {
                // The element-wise atomic variants carry an element size,
                // not a volatile flag, as their fourth argument.
                Some(p) if p.starts_with("llvm.memcpy") || p.starts_with("llvm.memmove") => {
                    CalleeClass::MemCopy {
                        volatile_flag: !text.contains(".element.unordered.atomic"),
                    }
                }
                Some(_) if text.starts_with("llvm.lifetime.end") => CalleeClass::LifetimeEnd,
                Some(p) if p.starts_with("llvm.memset") => CalleeClass::MemSet {
                    volatile_flag: !text.contains(".element.unordered.atomic"),
                },
                Some(p)
                    if p.starts_with("llvm.expect")
                        || p.contains("invariant.group")
                        || p.starts_with("llvm.ssa.copy")
                        || p.starts_with("llvm.threadlocal.address") =>
                {
                    CalleeClass::Forward
                }
                Some(_) => CalleeClass::Ignored,
                None => CalleeClass::Call {
                    name,
                    noreturn: self.has_noreturn(f),
                },
            }
        } else {
            CalleeClass::Call {
                name,
                noreturn: self.has_noreturn(f),
            }
        };
        self.callees.insert(f, class);
        class
    }

    unsafe fn has_noreturn(&self, f: LLVMValueRef) -> bool {
        !LLVMGetEnumAttributeAtIndex(f, sys::LLVMAttributeFunctionIndex, self.noreturn_kind)
            .is_null()
    }
}

/// Block id of a successor; every successor belongs to the same function
/// in parsed (verified) IR, so the fallback is never taken.
unsafe fn block_id(body: &BodyState, bb: LLVMBasicBlockRef) -> BlockId {
    body.blocks.get(&bb).copied().unwrap_or(0)
}

/// Looks through constant-expression pointer casts around a callee
/// (typed-pointer bitcode upgraded from old compilers has them) and through
/// aliases to the function they name.
unsafe fn strip_pointer_casts(mut v: LLVMValueRef) -> LLVMValueRef {
    for _ in 0..8 {
        if v.is_null() {
            break;
        }
        if !LLVMIsAGlobalAlias(v).is_null() {
            let aliasee = LLVMAliasGetAliasee(v);
            if aliasee.is_null() {
                break;
            }
            v = aliasee;
            continue;
        }
        if LLVMIsAConstantExpr(v).is_null() {
            break;
        }
        match LLVMGetConstOpcode(v) {
            LLVMOpcode::LLVMBitCast | LLVMOpcode::LLVMAddrSpaceCast => v = LLVMGetOperand(v, 0),
            _ => break,
        }
    }
    v
}

unsafe fn indices(inst: LLVMValueRef) -> Vec<u32> {
    let n = LLVMGetNumIndices(inst) as usize;
    let p = LLVMGetIndices(inst);
    if p.is_null() || n == 0 {
        return Vec::new();
    }
    std::slice::from_raw_parts(p, n).to_vec()
}

unsafe fn access_size(td: sys::target::LLVMTargetDataRef, ty: LLVMTypeRef) -> u32 {
    ffi::store_size(td, ty)
        .map(|s| u32::try_from(s).unwrap_or(u32::MAX))
        .unwrap_or(0)
}

fn ordering(o: LLVMAtomicOrdering) -> Ordering {
    use LLVMAtomicOrdering::*;
    match o {
        LLVMAtomicOrderingNotAtomic => Ordering::NotAtomic,
        LLVMAtomicOrderingUnordered => Ordering::Unordered,
        LLVMAtomicOrderingMonotonic => Ordering::Monotonic,
        LLVMAtomicOrderingAcquire => Ordering::Acquire,
        LLVMAtomicOrderingRelease => Ordering::Release,
        LLVMAtomicOrderingAcquireRelease => Ordering::AcqRel,
        LLVMAtomicOrderingSequentiallyConsistent => Ordering::SeqCst,
    }
}

fn int_op(op: LLVMOpcode) -> IntOp {
    use LLVMOpcode::*;
    match op {
        LLVMAdd => IntOp::Add,
        LLVMSub => IntOp::Sub,
        LLVMMul => IntOp::Mul,
        LLVMUDiv => IntOp::UDiv,
        LLVMSDiv => IntOp::SDiv,
        LLVMURem => IntOp::URem,
        LLVMSRem => IntOp::SRem,
        LLVMShl => IntOp::Shl,
        LLVMLShr => IntOp::LShr,
        LLVMAShr => IntOp::AShr,
        LLVMAnd => IntOp::And,
        LLVMOr => IntOp::Or,
        _ => IntOp::Xor,
    }
}

/// Width in bits of an integer type, saturated at 255; 0 for the rest
/// (vectors).
unsafe fn int_bits(ty: LLVMTypeRef) -> u8 {
    if ty.is_null() || LLVMGetTypeKind(ty) != sys::LLVMTypeKind::LLVMIntegerTypeKind {
        return 0;
    }
    LLVMGetIntTypeWidth(ty).min(255) as u8
}

fn rmw_op(op: LLVMAtomicRMWBinOp) -> RmwOp {
    use LLVMAtomicRMWBinOp::*;
    match op {
        LLVMAtomicRMWBinOpXchg => RmwOp::Xchg,
        LLVMAtomicRMWBinOpAdd => RmwOp::Add,
        LLVMAtomicRMWBinOpSub => RmwOp::Sub,
        LLVMAtomicRMWBinOpAnd => RmwOp::And,
        LLVMAtomicRMWBinOpNand => RmwOp::Nand,
        LLVMAtomicRMWBinOpOr => RmwOp::Or,
        LLVMAtomicRMWBinOpXor => RmwOp::Xor,
        LLVMAtomicRMWBinOpMax => RmwOp::Max,
        LLVMAtomicRMWBinOpMin => RmwOp::Min,
        LLVMAtomicRMWBinOpUMax => RmwOp::UMax,
        LLVMAtomicRMWBinOpUMin => RmwOp::UMin,
        _ => RmwOp::Other,
    }
}

fn predicate(p: LLVMIntPredicate) -> CmpPred {
    use LLVMIntPredicate::*;
    match p {
        LLVMIntEQ => CmpPred::Eq,
        LLVMIntNE => CmpPred::Ne,
        LLVMIntUGT => CmpPred::Ugt,
        LLVMIntUGE => CmpPred::Uge,
        LLVMIntULT => CmpPred::Ult,
        LLVMIntULE => CmpPred::Ule,
        LLVMIntSGT => CmpPred::Sgt,
        LLVMIntSGE => CmpPred::Sge,
        LLVMIntSLT => CmpPred::Slt,
        LLVMIntSLE => CmpPred::Sle,
    }
}
