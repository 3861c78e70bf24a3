//! The seam IR: what the analysis sees of one LLVM module.
//!
//! `ingest` lowers each LLVM module into a [`Module`] and drops the LLVM
//! objects at once; nothing after `ingest` ever touches LLVM. The IR keeps
//! only what the race analysis needs: memory accesses with their marking,
//! calls, pointer flow, control flow, and the debug information that turns
//! offsets into source names.
//!
//! Everything is indexed by `u32` ids local to the module (or function), and
//! strings are interned per module in [`Strings`], so a `Module` is plain
//! data: `Send + Sync`, cheap to move between rayon workers, and cacheable.

pub mod asm;
pub mod conditions;
pub mod print;
pub mod ranges;
mod strings;
pub use strings::{StrId, Strings};

use serde::{Deserialize, Serialize};

/// Source language of a function or module.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Language {
    C,
    Rust,
    #[default]
    Unknown,
}

impl Language {
    pub fn name(self) -> &'static str {
        match self {
            Language::C => "C",
            Language::Rust => "Rust",
            Language::Unknown => "unknown",
        }
    }
}

/// One lowered LLVM module.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Module {
    /// Where the module came from: the input path, plus `(member)` or
    /// `#index` for archive members and concatenated `.llvmbc` modules.
    pub origin: String,
    /// `source_filename` of the module.
    pub source_file: StrId,
    /// `llvm.ident` / compile-unit producer, e.g. "clang version 22.1.8".
    pub producer: StrId,
    pub triple: StrId,
    /// Language of the compile unit(s); functions carry their own too.
    pub language: Language,
    pub strings: Strings,
    pub functions: Vec<Function>,
    pub globals: Vec<Global>,
    /// Debug-info types reachable from globals, parameters and locals.
    pub types: Vec<DiType>,
    /// Deduplicated debug locations; instructions refer to them by index.
    pub locations: Vec<DebugLoc>,
    /// Symbol aliases defined here (`@a = alias …, ptr @f`): rustc folds
    /// identical functions into aliases, and other modules call the alias.
    #[serde(default)]
    pub aliases: Vec<Alias>,
}

/// `name` is another name for `target` (a function or global of this module).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Alias {
    pub name: StrId,
    pub target: Value,
    pub linkage: Linkage,
}

pub type FuncId = u32;
pub type BlockId = u32;
pub type InstId = u32;
pub type LocId = u32;
pub type TypeId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Linkage {
    External,
    Internal,
    /// linkonce/weak/common/available_externally: may be defined elsewhere too.
    Weak,
    Other,
}

/// `var = value + delta`, `var` a pointer of debug-info type `ty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ValueType {
    /// `Value::Arg` or `Value::Inst` index, as (is an argument, index).
    pub value: (bool, u32),
    pub delta: i64,
    pub ty: TypeId,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Function {
    /// Symbol name as in the object file.
    pub name: StrId,
    /// Demangled name (Rust v0 or legacy, without hash); equal to `name` for C.
    pub demangled: StrId,
    pub linkage: Linkage,
    /// Hidden/protected visibility is `false`; default visibility is `true`.
    pub visible: bool,
    /// Section, e.g. `.init.text`; `None` for the default.
    pub section: Option<StrId>,
    pub language: Language,
    /// True when the module only declares the function.
    pub is_declaration: bool,
    pub params: Vec<Param>,
    /// Debug-info types of the source-level parameters, from the
    /// subprogram's signature: unlike `params`, not shifted by an `sret`
    /// slot nor split by the ABI (a Rust closure passed by value is one).
    #[serde(default)]
    pub source_params: Vec<Option<TypeId>>,
    /// The subprogram's function type ([`DiTypeKind::Subroutine`]): what
    /// kCFI hashes to decide which indirect calls may reach the function.
    #[serde(default)]
    pub prototype: Option<TypeId>,
    /// Debug-info types of values indirect calls call through, where a
    /// variable record gives one (`fn` in `void (*fn)(int) = tab[i]; fn(1);`
    /// at -O2): `(instruction, type)`.
    #[serde(default)]
    pub callee_types: Vec<(InstId, TypeId)>,
    /// Pointer variables a debug record places at a constant offset from
    /// an argument or instruction: at -O2 `struct foo_dev *f =
    /// container_of(b, …)` is only `#dbg_value(b, !f, DW_OP_constu 16,
    /// DW_OP_minus)`, and the `getelementptr`s from `b` say nothing of
    /// `struct foo_dev`. Sorted by value.
    #[serde(default)]
    pub value_types: Vec<ValueType>,
    /// Shape of the LLVM function type: an indirect C call whose shape
    /// differs (`i64 ()` vs `i1 ()`) cannot reach it. 0 when unknown.
    #[serde(default)]
    pub sig: u64,
    /// True when the function returns a pointer.
    pub returns_ptr: bool,
    /// True when the function returns nothing (`void`, or a value through
    /// an `sret` slot).
    pub returns_void: bool,
    /// `...` in the signature: calls may pass more arguments than `params`.
    pub variadic: bool,
    /// Debug-info name of the subprogram (e.g. `my_irq_handler` or the Rust path).
    pub di_name: Option<StrId>,
    /// Where the function is defined (file, line) per its DISubprogram.
    pub di_loc: Option<LocId>,
    pub blocks: Vec<Block>,
    /// Instructions of all blocks; a block owns the range `insts[first..first+len]`.
    pub insts: Vec<Inst>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Param {
    pub is_ptr: bool,
    /// Debug-info name of the parameter, when known.
    pub name: Option<StrId>,
    /// Debug-info type of the parameter (e.g. `struct my_dev *`).
    pub di_type: Option<TypeId>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Block {
    pub first: InstId,
    pub len: u32,
    pub succs: Vec<BlockId>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Inst {
    pub kind: InstKind,
    pub loc: Option<LocId>,
}

/// An operand. Instruction results are referred to by their index in
/// `Function::insts`; every instruction has a slot whether or not it
/// produces a value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Inst(InstId),
    Arg(u32),
    /// Address of a global variable or function, plus a constant byte
    /// offset (constant-expression GEPs on globals fold into it).
    Global {
        name: StrId,
        offset: i64,
    },
    Int(i64),
    Null,
    Undef,
    /// A constant or value seam does not model (floats, vectors, exotic constexprs).
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ordering {
    NotAtomic,
    Unordered,
    Monotonic,
    Acquire,
    Release,
    AcqRel,
    SeqCst,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RmwOp {
    Xchg,
    Add,
    Sub,
    And,
    Nand,
    Or,
    Xor,
    Max,
    Min,
    UMax,
    UMin,
    Other,
}

/// The operation of an integer [`InstKind::BinOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    UDiv,
    SDiv,
    URem,
    SRem,
    Shl,
    LShr,
    AShr,
    And,
    Or,
    Xor,
}

/// What a [`InstKind::Cast`] does to an integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CastOp {
    /// The same bits: bitcast, addrspacecast, freeze.
    Same,
    ZExt,
    SExt,
    /// To this many bits (saturated at 255).
    Trunc(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CmpPred {
    Eq,
    Ne,
    Ugt,
    Uge,
    Ult,
    Ule,
    Sgt,
    Sge,
    Slt,
    Sle,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Callee {
    /// A direct call to a function by symbol name.
    Direct(StrId),
    /// An indirect call through this pointer value.
    Indirect(Value),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum InstKind {
    /// `size` in bytes; `align` in bytes (0 when unknown).
    Load {
        ptr: Value,
        size: u32,
        align: u32,
        volatile: bool,
        ordering: Ordering,
        is_ptr: bool,
    },
    Store {
        ptr: Value,
        value: Value,
        size: u32,
        align: u32,
        volatile: bool,
        ordering: Ordering,
    },
    AtomicRmw {
        ptr: Value,
        value: Value,
        op: RmwOp,
        size: u32,
        volatile: bool,
        ordering: Ordering,
    },
    CmpXchg {
        ptr: Value,
        expected: Value,
        new: Value,
        size: u32,
        volatile: bool,
        success: Ordering,
        failure: Ordering,
        weak: bool,
    },
    Fence {
        ordering: Ordering,
        single_thread: bool,
    },
    /// call or invoke. `returns` is false for `noreturn` callees.
    Call {
        callee: Callee,
        args: Vec<Value>,
        /// Bit `k` set: argument `k` (of the first 64) is a pointer.
        ptr_args: u64,
        returns: bool,
        /// The call's result type (for indirect calls: what the caller
        /// expects the target to return, as kCFI checks it).
        result: Ret,
        invoke: bool,
        /// The first argument is a return slot (`sret`): rustc returns a
        /// `LockResult<MutexGuard>` or a `JoinHandle` through it. Models
        /// count arguments after it.
        sret: bool,
        /// Shape of the LLVM function type called (integer widths
        /// included), as [`Function::sig`]; 0 when unknown.
        #[serde(default)]
        sig: u64,
    },
    /// A call whose callee is inline asm. `memory_operands` lists the
    /// indices into `args` that are memory (`*m`, `=*m`, `Q` …) operands.
    Asm {
        asm: StrId,
        constraints: StrId,
        args: Vec<Value>,
        memory_operands: Vec<u32>,
        side_effects: bool,
    },
    /// `llvm.memcpy`/`memmove`: a read of `src` and a write of `dst`.
    MemCopy {
        dst: Value,
        src: Value,
        len: Option<u64>,
        volatile: bool,
    },
    /// `llvm.memset`: a write of `dst`.
    MemSet {
        dst: Value,
        len: Option<u64>,
        volatile: bool,
    },
    /// Stack slot of `size` bytes (None when dynamically sized).
    Alloca {
        size: Option<u64>,
        name: Option<StrId>,
        di_type: Option<TypeId>,
    },
    /// Pointer arithmetic: `base + offset` bytes, `offset` None when it
    /// depends on a run-time index (then `const_part` is the constant part).
    Gep {
        base: Value,
        offset: Option<i64>,
        const_part: i64,
        /// The first index that is not a constant, when `offset` is None
        /// (`ptr + __per_cpu_offset[cpu]` is such a byte index at -O2).
        index: Option<Value>,
        /// Bytes one step of `index` moves, when it is the only index that
        /// is not a constant: the address is `base + const_part + index *
        /// stride`. 0 when unknown or when several indexes are run-time
        /// (32 bits keep a `Gep` no larger than a call).
        stride: i32,
    },
    /// bitcast/addrspacecast/freeze and integer casts.
    Cast {
        value: Value,
        op: CastOp,
    },
    PtrToInt {
        value: Value,
    },
    IntToPtr {
        value: Value,
    },
    Phi {
        incoming: Vec<(Value, BlockId)>,
    },
    Select {
        cond: Value,
        then: Value,
        otherwise: Value,
    },
    ExtractValue {
        aggregate: Value,
        indices: Vec<u32>,
    },
    InsertValue {
        aggregate: Value,
        value: Value,
        indices: Vec<u32>,
    },
    ICmp {
        pred: CmpPred,
        lhs: Value,
        rhs: Value,
    },
    /// Integer arithmetic: pointer flow through `ptrtoint`/`inttoptr`
    /// (e.g. `and` masks) and the value ranges of array indexes.
    BinOp {
        op: IntOp,
        /// Width of the result in bits (0 for vectors).
        bits: u8,
        /// `nsw`: signed overflow is poison, so the result does not wrap.
        nsw: bool,
        lhs: Value,
        rhs: Value,
    },
    /// Conditional branch on `cond`: `then` if true, `otherwise` if false.
    CondBr {
        cond: Value,
        then: BlockId,
        otherwise: BlockId,
    },
    Br {
        target: BlockId,
    },
    Switch {
        value: Value,
        default: BlockId,
        cases: Vec<(i64, BlockId)>,
    },
    Ret {
        value: Option<Value>,
    },
    Unreachable,
    /// `llvm.lifetime.end`: the stack slot `ptr` points to ends its life
    /// here (emitted when optimising, at the end of a local's scope). Not
    /// a use of `ptr` ([`InstKind::for_each_operand`] skips it): only the
    /// accesses walk reads it, as the slot's death.
    LifetimeEnd {
        ptr: Value,
    },
    /// Anything else (floating point, vector ops, landingpad …).
    Other {
        operands: Vec<Value>,
    },
}

impl InstKind {
    /// Calls `f` on every value operand (a call's callee and arguments,
    /// a phi's incoming values, a branch's condition …).
    pub fn for_each_operand(&self, mut f: impl FnMut(&Value)) {
        match self {
            InstKind::Load { ptr, .. } => f(ptr),
            InstKind::Store { ptr, value, .. } => {
                f(ptr);
                f(value);
            }
            InstKind::AtomicRmw { ptr, value, .. } => {
                f(ptr);
                f(value);
            }
            InstKind::CmpXchg {
                ptr, expected, new, ..
            } => {
                f(ptr);
                f(expected);
                f(new);
            }
            InstKind::Call { callee, args, .. } => {
                if let Callee::Indirect(v) = callee {
                    f(v);
                }
                args.iter().for_each(f);
            }
            InstKind::Asm { args, .. } | InstKind::Other { operands: args } => {
                args.iter().for_each(f)
            }
            InstKind::MemCopy { dst, src, .. } => {
                f(dst);
                f(src);
            }
            InstKind::MemSet { dst, .. } => f(dst),
            InstKind::Gep { base, index, .. } => {
                f(base);
                index.iter().for_each(f);
            }
            InstKind::Cast { value, .. }
            | InstKind::PtrToInt { value }
            | InstKind::IntToPtr { value } => f(value),
            InstKind::Phi { incoming } => incoming.iter().for_each(|(v, _)| f(v)),
            InstKind::Select {
                cond,
                then,
                otherwise,
            } => {
                f(cond);
                f(then);
                f(otherwise);
            }
            InstKind::ExtractValue { aggregate, .. } => f(aggregate),
            InstKind::InsertValue {
                aggregate, value, ..
            } => {
                f(aggregate);
                f(value);
            }
            InstKind::ICmp { lhs, rhs, .. } | InstKind::BinOp { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            InstKind::Ret { value } => value.iter().for_each(f),
            InstKind::CondBr { cond, .. } => f(cond),
            InstKind::Switch { value, .. } => f(value),
            InstKind::Fence { .. }
            | InstKind::Alloca { .. }
            | InstKind::Br { .. }
            | InstKind::Unreachable
            | InstKind::LifetimeEnd { .. } => {}
        }
    }

    /// The address a load, store, atomic read-modify-write or
    /// compare-exchange accesses (not a memcpy's or memset's: two or a
    /// range).
    pub fn accessed_pointer(&self) -> Option<&Value> {
        match self {
            InstKind::Load { ptr, .. }
            | InstKind::Store { ptr, .. }
            | InstKind::AtomicRmw { ptr, .. }
            | InstKind::CmpXchg { ptr, .. } => Some(ptr),
            _ => None,
        }
    }

    /// True for instructions that read or write memory directly.
    pub fn is_memory_access(&self) -> bool {
        matches!(
            self,
            InstKind::Load { .. }
                | InstKind::Store { .. }
                | InstKind::AtomicRmw { .. }
                | InstKind::CmpXchg { .. }
                | InstKind::MemCopy { .. }
                | InstKind::MemSet { .. }
        )
    }

    /// A call's arguments as models count them: after a leading `sret`
    /// return slot.
    pub fn model_args(&self) -> &[Value] {
        match self {
            InstKind::Call { args, sret, .. } => {
                if *sret && !args.is_empty() {
                    &args[1..]
                } else {
                    args
                }
            }
            _ => &[],
        }
    }
}

/// A result type, as far as kCFI tells function types apart here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ret {
    Void,
    Ptr,
    /// An integer, float or aggregate.
    Value,
}

/// A source position with its full inlined-at chain.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DebugLoc {
    pub file: StrId,
    pub line: u32,
    pub col: u32,
    /// Name of the subprogram whose body this position is in (for inlined
    /// code: the inlined function, e.g. `spin_unlock` or `READ_ONCE` helpers).
    pub scope: Option<StrId>,
    /// Where that subprogram was inlined into, if it was.
    pub inlined_at: Option<LocId>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Global {
    pub name: StrId,
    pub demangled: StrId,
    pub linkage: Linkage,
    pub is_declaration: bool,
    pub is_constant: bool,
    /// `__thread`/`thread_local`: every thread has a copy of its own.
    pub thread_local: bool,
    pub section: Option<StrId>,
    /// Size in bytes of the value type (0 for opaque declarations).
    pub size: u64,
    /// Function or global addresses found in the initializer, at byte offsets
    /// (ops tables such as `struct file_operations`, Rust vtables).
    pub pointers: Vec<(u64, Value)>,
    pub di_name: Option<StrId>,
    pub di_type: Option<TypeId>,
    pub di_loc: Option<LocId>,
}

/// A debug-info type, flattened. Members carry byte offsets so an access at
/// `object + 16` can be named `struct my_dev.count`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DiType {
    pub kind: DiTypeKind,
    /// e.g. `my_dev` (no `struct` prefix; see [`DiTypeKind`]).
    pub name: Option<StrId>,
    pub size: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum DiTypeKind {
    Struct {
        members: Vec<DiMember>,
    },
    Union {
        members: Vec<DiMember>,
    },
    Array {
        element: Option<TypeId>,
        count: Option<u64>,
    },
    Pointer {
        pointee: Option<TypeId>,
    },
    /// typedef, const, volatile, atomic: see through to `base`.
    Alias {
        base: Option<TypeId>,
        /// `const`/`volatile`, which kCFI's type hash tells apart on a
        /// pointee (`const char *` is not `char *`); `None` for the rest.
        #[serde(default)]
        qualifier: Qualifier,
    },
    Basic,
    /// A C function type (`DISubroutineType`): element 0 is the result,
    /// the rest the parameters. `None` is `void` as the result, and after
    /// the parameters it marks `...`. Function-pointer members and
    /// parameters point to these; kCFI compares them whole.
    Subroutine {
        types: Vec<Option<TypeId>>,
    },
    Other,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Qualifier {
    #[default]
    None,
    Const,
    Volatile,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DiMember {
    pub name: Option<StrId>,
    pub offset: u64,
    pub size: u64,
    pub ty: Option<TypeId>,
}

impl Module {
    pub fn str(&self, id: StrId) -> &str {
        self.strings.get(id)
    }
}

impl Function {
    /// Per instruction: true when it runs only while a panic or exception
    /// unwinds, i.e. its block is reached from the entry only through the
    /// unwind edge of some `invoke` (landing pads and the cleanups after
    /// them), or not at all (dead blocks -O0 keeps). Empty when the
    /// function has no such block.
    pub fn unwind_only(&self) -> Vec<bool> {
        let n = self.blocks.len();
        let mut seen = vec![false; n];
        if n == 0 {
            return Vec::new();
        }
        let mut stack = vec![0u32];
        seen[0] = true;
        while let Some(b) = stack.pop() {
            let block = &self.blocks[b as usize];
            let invoke = block.len > 0
                && matches!(
                    self.insts
                        .get((block.first + block.len - 1) as usize)
                        .map(|i| &i.kind),
                    Some(InstKind::Call { invoke: true, .. })
                );
            // An invoke's successors are (normal, unwind).
            let succs = if invoke {
                &block.succs[..block.succs.len().min(1)]
            } else {
                &block.succs[..]
            };
            for &s in succs {
                if (s as usize) < n && !std::mem::replace(&mut seen[s as usize], true) {
                    stack.push(s);
                }
            }
        }
        if seen.iter().all(|&x| x) {
            return Vec::new();
        }
        let mut out = vec![false; self.insts.len()];
        for (b, block) in self.blocks.iter().enumerate() {
            if !seen[b] {
                let end = ((block.first + block.len) as usize).min(out.len());
                for x in &mut out[(block.first as usize).min(end)..end] {
                    *x = true;
                }
            }
        }
        out
    }

    /// The blocks reachable from the entry, in reverse postorder.
    pub fn reverse_postorder(&self) -> Vec<u32> {
        let n = self.blocks.len();
        let mut post = Vec::with_capacity(n);
        if n == 0 {
            return post;
        }
        let mut seen = vec![false; n];
        let mut stack: Vec<(u32, usize)> = vec![(0, 0)];
        seen[0] = true;
        while let Some((b, k)) = stack.pop() {
            let succs = &self.blocks[b as usize].succs;
            if let Some(&s) = succs.get(k) {
                stack.push((b, k + 1));
                if (s as usize) < n && !std::mem::replace(&mut seen[s as usize], true) {
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
            }
        }
        post.reverse();
        post
    }

    /// The one value stored to stack slot `slot`, if it is an `alloca`
    /// stored to exactly once (escapes not checked: for naming and lock
    /// addresses, where a pointer the slot held once is what it holds).
    pub fn stored_once(&self, slot: u32) -> Option<Value> {
        if !matches!(self.insts.get(slot as usize)?.kind, InstKind::Alloca { .. }) {
            return None;
        }
        let mut stored = self.insts.iter().filter_map(|inst| match &inst.kind {
            InstKind::Store {
                ptr: Value::Inst(p),
                value,
                ..
            } if *p == slot => Some(value.clone()),
            _ => None,
        });
        let first = stored.next()?;
        stored.next().is_none().then_some(first)
    }

    /// Every value stored to stack slot `slot`, if it is an `alloca`
    /// stored to at least once (escapes not checked, as in
    /// [`Function::stored_once`]).
    pub fn stored_values(&self, slot: u32) -> Option<Vec<Value>> {
        if !matches!(self.insts.get(slot as usize)?.kind, InstKind::Alloca { .. }) {
            return None;
        }
        let stored: Vec<Value> = self
            .insts
            .iter()
            .filter_map(|inst| match &inst.kind {
                InstKind::Store {
                    ptr: Value::Inst(p),
                    value,
                    ..
                } if *p == slot => Some(value.clone()),
                _ => None,
            })
            .collect();
        (!stored.is_empty()).then_some(stored)
    }

    /// `Some(d)` when the function returns its first argument plus `d`
    /// bytes on its only return (`return &lock->rlock;`, the kernel's
    /// `spinlock_check`).
    pub fn returns_first_arg_plus(&self) -> Option<i64> {
        let mut rets = self.insts.iter().filter_map(|inst| match &inst.kind {
            InstKind::Ret { value: Some(v) } => Some(v.clone()),
            _ => None,
        });
        let v = rets.next()?;
        if rets.next().is_some() {
            return None;
        }
        let mut cur = v;
        let mut delta = 0;
        for _ in 0..6 {
            match cur {
                Value::Arg(0) => return Some(delta),
                Value::Inst(i) => match &self.insts.get(i as usize)?.kind {
                    InstKind::Cast { value, .. } => cur = value.clone(),
                    InstKind::Gep {
                        base,
                        offset: Some(o),
                        ..
                    } => {
                        delta += o;
                        cur = base.clone();
                    }
                    InstKind::Load {
                        ptr: Value::Inst(slot),
                        ..
                    } => cur = self.stored_once(*slot)?,
                    _ => return None,
                },
                _ => return None,
            }
        }
        None
    }

    /// Blocks reachable from block `b` by at least one edge (`forward`),
    /// or that reach `b` by at least one edge (backward).
    pub fn reachable_blocks(&self, b: u32, forward: bool) -> Vec<bool> {
        let n = self.blocks.len();
        let preds = if forward {
            Vec::new()
        } else {
            self.predecessors()
        };
        let next = |k: usize| -> &[u32] {
            if forward {
                self.blocks.get(k).map_or(&[], |blk| &blk.succs)
            } else {
                preds.get(k).map_or(&[], |p| p)
            }
        };
        let mut seen = vec![false; n];
        let mut work: Vec<u32> = next(b as usize).to_vec();
        while let Some(k) = work.pop() {
            let k = k as usize;
            if k >= n || seen[k] {
                continue;
            }
            seen[k] = true;
            work.extend_from_slice(next(k));
        }
        seen
    }

    /// The blocks of the loop around block `b` (those it reaches that
    /// reach it), sorted; empty when `b` is in no loop.
    pub fn loop_around(&self, b: u32) -> Vec<u32> {
        let fwd = self.reachable_blocks(b, true);
        if !fwd.get(b as usize).copied().unwrap_or(false) {
            return Vec::new();
        }
        let back = self.reachable_blocks(b, false);
        (0..self.blocks.len() as u32)
            .filter(|&x| fwd[x as usize] && back[x as usize])
            .collect()
    }

    /// Predecessor blocks of each block.
    pub fn predecessors(&self) -> Vec<Vec<u32>> {
        let mut preds = vec![Vec::new(); self.blocks.len()];
        for (b, blk) in self.blocks.iter().enumerate() {
            for &s in &blk.succs {
                if let Some(p) = preds.get_mut(s as usize) {
                    if !p.contains(&(b as u32)) {
                        p.push(b as u32);
                    }
                }
            }
        }
        preds
    }

    /// Could a call with `arity` arguments, bit `k` of `ptr_args` set for a
    /// pointer argument `k`, have this function as its target? The count
    /// must match (a variadic function takes more) and so must
    /// pointer-ness; a declaration is not judged.
    /// What the function returns, as far as kCFI tells types apart here.
    pub fn ret(&self) -> Ret {
        if self.returns_void {
            Ret::Void
        } else if self.returns_ptr {
            Ret::Ptr
        } else {
            Ret::Value
        }
    }

    /// The block holding instruction `i` (blocks are laid out in order).
    pub fn block_of(&self, i: InstId) -> Option<BlockId> {
        let b = self.blocks.partition_point(|blk| blk.first + blk.len <= i);
        let blk = self.blocks.get(b)?;
        (blk.first <= i && i < blk.first + blk.len).then_some(b as BlockId)
    }

    pub fn block_insts(&self, b: BlockId) -> std::ops::Range<usize> {
        let blk = &self.blocks[b as usize];
        blk.first as usize..(blk.first + blk.len) as usize
    }
}
