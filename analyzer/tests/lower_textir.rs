//! Lowering of hand-written LLVM text IR: GEP offsets, access markings,
//! asm memory operands, intrinsics, calls, control flow, globals.

use seam::ingest::lower::{lower_buffer, BufferKind};
use seam::ir::{Callee, Function, InstKind, Language, Linkage, Module, Ordering, RmwOp, Value};

const BODY: &str = r#"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.dev = type { i32, i64, ptr, i32 }
%struct.ops = type { ptr, i64, ptr }

@g = global %struct.dev zeroinitializer
@ops = internal constant %struct.ops { ptr @f, i64 7, ptr getelementptr (i8, ptr @g, i64 8) }, section ".rodata.ops"
@table = global [3 x ptr] [ptr @f, ptr null, ptr getelementptr inbounds (%struct.dev, ptr @g, i64 0, i32 3)]
@ext = external global i32

declare void @panic_fn() noreturn
declare void @may_return()
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare void @llvm.assume(i1)
declare i32 @llvm.ctpop.i32(i32)

define i32 @f(ptr %p, i64 %i) {
entry:
  %a = getelementptr i8, ptr %p, i64 16
  %b = getelementptr %struct.dev, ptr %p, i32 0, i32 3
  %c = getelementptr i8, ptr %p, i64 -8
  %d = getelementptr %struct.dev, ptr %p, i64 1, i32 1
  %e = getelementptr [4 x i32], ptr %p, i64 1, i64 %i
  %v = load volatile i32, ptr %b, align 4
  %x = load atomic i64, ptr %a acquire, align 8
  store atomic i32 1, ptr %b release, align 4
  %r = atomicrmw add ptr %c, i32 1 seq_cst, align 4
  %cx = cmpxchg weak ptr %a, i64 0, i64 1 acq_rel monotonic, align 8
  fence acquire
  %q = load ptr, ptr @g, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr @g, i64 16, i1 false)
  call void @llvm.memset.p0.i64(ptr %p, i8 0, i64 %i, i1 true)
  call void @llvm.assume(i1 true)
  %pop = call i32 @llvm.ctpop.i32(i32 %v)
  call void asm sideeffect "lock incl $0", "=*m,*m,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr elementtype(i32) %b, ptr elementtype(i32) %b)
  %ld = call i32 asm sideeffect "ldar $0, $1", "=r,*Q,~{memory}"(ptr elementtype(i32) %a)
  %ind = call i32 %q(ptr %p)
  %cmp = icmp eq i32 %v, 0
  br i1 %cmp, label %dead, label %join

dead:
  call void @panic_fn()
  unreachable

join:
  %phi = phi i32 [ %ind, %entry ]
  call void @may_return() noreturn
  %sel = select i1 %cmp, ptr %p, ptr null
  store ptr getelementptr (i8, ptr @g, i64 24), ptr %sel, align 8
  switch i32 %phi, label %out [ i32 3, label %dead
                                i32 -1, label %out ]

out:
  ret i32 %phi
}
"#;

fn lower(text: &str) -> Module {
    lower_buffer("test.ll", text.as_bytes(), BufferKind::Text).expect("valid IR lowers")
}

fn function<'m>(m: &'m Module, name: &str) -> &'m Function {
    m.functions
        .iter()
        .find(|f| m.str(f.name) == name)
        .unwrap_or_else(|| panic!("function {name} missing"))
}

fn global(m: &Module, name: &str, offset: i64) -> Value {
    Value::Global {
        name: m.strings.lookup(name).expect("name interned"),
        offset,
    }
}

#[test]
fn gep_offsets_are_bytes() {
    let m = lower(BODY);
    let f = function(&m, "f");
    let gep = |i: usize| match &f.insts[i].kind {
        InstKind::Gep {
            base,
            offset,
            const_part,
            ..
        } => (base.clone(), *offset, *const_part),
        other => panic!("inst {i} is not a gep: {other:?}"),
    };
    assert_eq!(gep(0), (Value::Arg(0), Some(16), 16), "i8 gep");
    assert_eq!(
        gep(1),
        (Value::Arg(0), Some(24), 24),
        "struct field 3 of {{i32, i64, ptr, i32}}"
    );
    assert_eq!(
        gep(2),
        (Value::Arg(0), Some(-8), -8),
        "container_of style negative offset"
    );
    assert_eq!(
        gep(3),
        (Value::Arg(0), Some(40), 40),
        "one whole struct (32) plus field 1 (8)"
    );
    assert_eq!(
        gep(4),
        (Value::Arg(0), None, 16),
        "dynamic index keeps the constant part"
    );
}

#[test]
fn markings_and_orderings() {
    let m = lower(BODY);
    let f = function(&m, "f");
    assert!(matches!(
        f.insts[5].kind,
        InstKind::Load {
            size: 4,
            volatile: true,
            ordering: Ordering::NotAtomic,
            ptr: Value::Inst(1),
            ..
        }
    ));
    assert!(matches!(
        f.insts[6].kind,
        InstKind::Load {
            size: 8,
            volatile: false,
            ordering: Ordering::Acquire,
            is_ptr: false,
            ..
        }
    ));
    assert!(matches!(
        f.insts[7].kind,
        InstKind::Store {
            size: 4,
            ordering: Ordering::Release,
            value: Value::Int(1),
            ..
        }
    ));
    assert!(matches!(
        f.insts[8].kind,
        InstKind::AtomicRmw {
            op: RmwOp::Add,
            size: 4,
            ordering: Ordering::SeqCst,
            ptr: Value::Inst(2),
            ..
        }
    ));
    assert!(matches!(
        f.insts[9].kind,
        InstKind::CmpXchg {
            size: 8,
            success: Ordering::AcqRel,
            failure: Ordering::Monotonic,
            weak: true,
            volatile: false,
            ..
        }
    ));
    assert!(matches!(
        f.insts[10].kind,
        InstKind::Fence {
            ordering: Ordering::Acquire,
            single_thread: false
        }
    ));
    match &f.insts[11].kind {
        InstKind::Load {
            ptr,
            is_ptr: true,
            size: 8,
            ..
        } => assert_eq!(*ptr, global(&m, "g", 0)),
        other => panic!("expected pointer load of @g, got {other:?}"),
    }
}

#[test]
fn intrinsics_and_calls() {
    let m = lower(BODY);
    let f = function(&m, "f");
    match &f.insts[12].kind {
        InstKind::MemCopy {
            dst,
            src,
            len,
            volatile,
        } => {
            assert_eq!((dst, len, *volatile), (&Value::Arg(0), &Some(16), false));
            assert_eq!(*src, global(&m, "g", 0));
        }
        other => panic!("expected memcpy, got {other:?}"),
    }
    assert_eq!(
        f.insts[13].kind,
        InstKind::MemSet {
            dst: Value::Arg(0),
            len: None,
            volatile: true
        }
    );
    assert_eq!(
        f.insts[14].kind,
        InstKind::Other { operands: vec![] },
        "llvm.assume keeps a slot but is no call"
    );
    match &f.insts[15].kind {
        InstKind::Call {
            callee: Callee::Direct(n),
            returns: true,
            ..
        } => assert_eq!(m.str(*n), "llvm.ctpop.i32"),
        other => panic!("expected ctpop call, got {other:?}"),
    }
    match &f.insts[18].kind {
        InstKind::Call {
            callee: Callee::Indirect(p),
            args,
            ..
        } => {
            assert_eq!(*p, Value::Inst(11));
            assert_eq!(args, &vec![Value::Arg(0)]);
        }
        other => panic!("expected indirect call, got {other:?}"),
    }
    // noreturn from the callee's attributes and from the call site.
    let dead = &f.insts[f.block_insts(1)];
    assert!(
        matches!(dead[0].kind, InstKind::Call { returns: false, .. }),
        "{:?}",
        dead[0].kind
    );
    assert!(matches!(dead[1].kind, InstKind::Unreachable));
    let join_first = f.blocks[2].first as usize;
    assert!(matches!(
        f.insts[join_first + 1].kind,
        InstKind::Call { returns: false, .. }
    ));
}

#[test]
fn inline_asm_memory_operands() {
    let m = lower(BODY);
    let f = function(&m, "f");
    match &f.insts[16].kind {
        InstKind::Asm {
            asm,
            args,
            memory_operands,
            side_effects: true,
            ..
        } => {
            assert_eq!(m.str(*asm), "lock incl $0");
            assert_eq!(args, &vec![Value::Inst(1), Value::Inst(1)]);
            assert_eq!(memory_operands, &vec![0, 1]);
        }
        other => panic!("expected x86 asm, got {other:?}"),
    }
    match &f.insts[17].kind {
        InstKind::Asm {
            asm,
            args,
            memory_operands,
            constraints,
            ..
        } => {
            assert_eq!(m.str(*asm), "ldar $0, $1");
            assert_eq!(m.str(*constraints), "=r,*Q,~{memory}");
            assert_eq!(args, &vec![Value::Inst(0)]);
            assert_eq!(
                memory_operands,
                &vec![0],
                "=r is the result, *Q the address"
            );
        }
        other => panic!("expected aarch64 asm, got {other:?}"),
    }
}

#[test]
fn control_flow_and_values() {
    let m = lower(BODY);
    let f = function(&m, "f");
    assert_eq!(f.blocks.len(), 4);
    assert_eq!(f.blocks[0].succs, vec![1, 2]);
    assert!(f.blocks[1].succs.is_empty());
    assert_eq!(f.blocks[2].succs, vec![3, 1, 3]);
    let total: u32 = f.blocks.iter().map(|b| b.len).sum();
    assert_eq!(
        total as usize,
        f.insts.len(),
        "every instruction has a slot"
    );
    let join = f.block_insts(2);
    let kinds: Vec<&InstKind> = f.insts[join].iter().map(|i| &i.kind).collect();
    assert!(
        matches!(kinds[0], InstKind::Phi { incoming } if incoming == &vec![(Value::Inst(18), 0)])
    );
    assert!(matches!(
        kinds[2],
        InstKind::Select {
            then: Value::Arg(0),
            otherwise: Value::Null,
            ..
        }
    ));
    match kinds[3] {
        InstKind::Store { value, ptr, .. } => {
            assert_eq!(
                *value,
                global(&m, "g", 24),
                "constant GEP folds into the global"
            );
            assert_eq!(*ptr, Value::Inst(f.blocks[2].first + 2));
        }
        other => panic!("expected store, got {other:?}"),
    }
    match kinds[4] {
        InstKind::Switch { default, cases, .. } => {
            assert_eq!(*default, 3);
            assert_eq!(cases, &vec![(3, 1), (-1, 3)]);
        }
        other => panic!("expected switch, got {other:?}"),
    }
    assert!(matches!(
        f.insts.last().map(|i| &i.kind),
        Some(InstKind::Ret {
            value: Some(Value::Inst(_))
        })
    ));
    assert!(matches!(
        f.insts[f.blocks[0].first as usize + f.blocks[0].len as usize - 1].kind,
        InstKind::CondBr {
            then: 1,
            otherwise: 2,
            ..
        }
    ));
}

#[test]
fn globals_and_pointer_tables() {
    let m = lower(BODY);
    let ops = m
        .globals
        .iter()
        .find(|g| m.str(g.name) == "ops")
        .expect("ops");
    assert_eq!(ops.size, 24);
    assert!(ops.is_constant);
    assert_eq!(ops.linkage, Linkage::Internal);
    assert_eq!(ops.section.map(|s| m.str(s)), Some(".rodata.ops"));
    assert_eq!(
        ops.pointers,
        vec![(0, global(&m, "f", 0)), (16, global(&m, "g", 8))]
    );
    let table = m
        .globals
        .iter()
        .find(|g| m.str(g.name) == "table")
        .expect("table");
    assert_eq!(
        table.pointers,
        vec![(0, global(&m, "f", 0)), (16, global(&m, "g", 24))]
    );
    let ext = m
        .globals
        .iter()
        .find(|g| m.str(g.name) == "ext")
        .expect("ext");
    assert!(ext.is_declaration);
    assert_eq!(ext.size, 4);
    let decl = function(&m, "panic_fn");
    assert!(decl.is_declaration && decl.insts.is_empty());
    let f = function(&m, "f");
    assert_eq!(f.params.len(), 2);
    assert!(f.params[0].is_ptr && !f.params[1].is_ptr);
    assert!(!f.returns_ptr);
    assert_eq!(m.str(m.triple), "x86_64-pc-linux-gnu");
}

#[test]
fn rust_symbols_demangle_and_set_language() {
    let text = r#"
define void @_ZN4core3ptr13drop_in_place17h0123456789abcdefE(ptr %p) {
  ret void
}
define void @_RNvCs1234_7mycrate7example() {
  ret void
}
define void @plain_c_function() {
  ret void
}
"#;
    let m = lower(text);
    let legacy = function(&m, "_ZN4core3ptr13drop_in_place17h0123456789abcdefE");
    assert_eq!(m.str(legacy.demangled), "core::ptr::drop_in_place");
    assert_eq!(legacy.language, Language::Rust);
    let v0 = function(&m, "_RNvCs1234_7mycrate7example");
    assert_eq!(m.str(v0.demangled), "mycrate::example");
    assert_eq!(v0.language, Language::Rust);
    let c = function(&m, "plain_c_function");
    assert_eq!(c.demangled, c.name, "C names are their own demangled name");
    assert_eq!(
        c.language,
        Language::Unknown,
        "no debug info, no producer, no mangling: unknown"
    );
    assert_eq!(m.language, Language::Rust);
}

#[test]
fn typed_pointer_style_struct_geps_on_globals() {
    // clang-14 era IR (upgraded to opaque pointers by the reader) indexes
    // structs by field number, also in constant expressions.
    let text = r#"
target datalayout = "e-m:e-i64:64-n32:64-S128"
%struct.inner = type { i8, i32 }
%struct.outer = type { i64, [2 x %struct.inner], ptr }
@o = global %struct.outer zeroinitializer
define ptr @field() {
  ret ptr getelementptr (%struct.outer, ptr @o, i64 0, i32 1, i64 1, i32 1)
}
"#;
    let m = lower(text);
    let f = function(&m, "field");
    // 8 (i64) + 1 * 8 (inner is {i8, i32} = 8 bytes) + 4 (field 1 of inner)
    assert_eq!(
        f.insts[0].kind,
        InstKind::Ret {
            value: Some(global(&m, "o", 20))
        }
    );
    assert!(f.returns_ptr);
}

#[test]
fn debug_info_scopes_inlining_and_unit_language() {
    // The compile unit says Rust although the file ends in `.c` and the
    // producer is unknown: the unit's `language:` field wins.
    let text = r#"
define void @_ZN5krate5outer17h0123456789abcdefE(ptr %p) !dbg !10 {
  store i32 1, ptr %p, align 4, !dbg !20
  ret void, !dbg !21
}
!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!5}
!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "custom", emissionKind: FullDebug)
!1 = !DIFile(filename: "src/lib.c", directory: "/build")
!5 = !{i32 2, !"Debug Info Version", i32 3}
!10 = distinct !DISubprogram(name: "outer", linkageName: "_ZN5krate5outer17h0123456789abcdefE", scope: !1, file: !1, line: 3, type: !11, unit: !0, spFlags: DISPFlagDefinition)
!11 = !DISubroutineType(types: !12)
!12 = !{null}
!13 = distinct !DISubprogram(name: "lock", linkageName: "_ZN6kernel4sync4lock17h0123456789abcdefE", scope: !1, file: !1, line: 9, type: !11, unit: !0, spFlags: DISPFlagDefinition)
!14 = distinct !DILexicalBlock(scope: !13, file: !1, line: 10, column: 2)
!20 = !DILocation(line: 11, column: 5, scope: !14, inlinedAt: !21)
!21 = !DILocation(line: 4, column: 1, scope: !10)
"#;
    let m = lower(text);
    let f = &m.functions[0];
    assert_eq!(f.language, Language::Rust);
    assert_eq!(
        m.producer,
        m.strings.lookup("custom").expect("producer interned")
    );
    assert_eq!(
        f.di_name.map(|n| m.str(n)),
        Some("krate::outer"),
        "Rust subprograms are named by demangled linkage name"
    );
    let store = m.locations[f.insts[0].loc.expect("store has a location") as usize].clone();
    assert_eq!(m.str(store.file), "/build/src/lib.c");
    assert_eq!((store.line, store.col), (11, 5));
    assert_eq!(
        store.scope.map(|s| m.str(s)),
        Some("kernel::sync::lock"),
        "lexical block walked up to the inlined subprogram"
    );
    let caller = &m.locations[store.inlined_at.expect("inlined") as usize];
    assert_eq!((caller.line, caller.col, caller.inlined_at), (4, 1, None));
    assert_eq!(caller.scope.map(|s| m.str(s)), Some("krate::outer"));
    assert_eq!(
        f.insts[1].loc, store.inlined_at,
        "the ret's location is the same deduplicated entry"
    );
    let printed = seam::ir::print::print_module(&m);
    assert!(
        printed.contains("inlined from kernel::sync::lock <- krate::outer"),
        "{printed}"
    );
}

#[test]
fn printed_dump_and_counts() {
    let m = lower(BODY);
    let counts = seam::ir::print::counts(&m);
    let expected = seam::ir::print::Counts {
        loads: 3,
        stores: 2,
        volatile: 1,
        atomics: 5,
        calls: 4,
        asm: 2,
    };
    assert_eq!(
        counts, expected,
        "ctpop, indirect, panic_fn and may_return are calls; assume/mem* are not"
    );
    let text = seam::ir::print::print_module(&m);
    for needle in [
        "define unknown f External (%arg0: ptr, %arg1)",
        "%5 = load volatile 4 %1",
        "%6 = load atomic(acquire) 8 %0",
        "%7 = store atomic(release) 4 %1 <- 1",
        "%8 = atomicrmw Add atomic(seq_cst) 4 %2 1",
        "cmpxchg weak atomic(acq_rel/monotonic) 8 %0 0 -> 1",
        "memcpy plain 16 %arg0 <- @g",
        "memset volatile ? %arg0",
        "call @llvm.ctpop.i32(%5)",
        "call *%11(%arg0)",
        "asm \"lock incl $0\"",
        "memory: %1 %1",
        "call @panic_fn() noreturn",
        "global Internal ops [.rodata.ops] size=24 constant",
        "  +16: @g+8",
        "; total: loads=3 stores=2 volatile=1 atomics=5 calls=4 asm=2",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn aliases_resolve_to_what_they_name() {
    let text = r#"
@real_data = global [2 x i64] zeroinitializer
@data_alias = alias i64, getelementptr (i8, ptr @real_data, i64 8)
@fn_alias = alias void (), ptr @real_fn
@table = constant [2 x ptr] [ptr @fn_alias, ptr @data_alias]
define void @real_fn() {
  ret void
}
define void @caller() {
  call void @fn_alias()
  store i64 1, ptr @data_alias, align 8
  ret void
}
"#;
    let m = lower(text);
    let caller = function(&m, "caller");
    assert!(
        matches!(&caller.insts[0].kind, InstKind::Call { callee: Callee::Direct(n), .. } if m.str(*n) == "real_fn")
    );
    assert!(
        matches!(&caller.insts[1].kind, InstKind::Store { ptr, .. } if *ptr == global(&m, "real_data", 8))
    );
    let table = m
        .globals
        .iter()
        .find(|g| m.str(g.name) == "table")
        .expect("table");
    assert_eq!(
        table.pointers,
        vec![
            (0, global(&m, "real_fn", 0)),
            (8, global(&m, "real_data", 8))
        ]
    );
}

#[test]
fn calls_record_an_sret_return_slot() {
    let text = r#"
%Guard = type { ptr, i8 }
declare void @lock_guard(ptr sret(%Guard), ptr)
declare void @plain(ptr, ptr)
define void @caller(ptr %m) {
  %slot = alloca %Guard, align 8
  call void @lock_guard(ptr sret(%Guard) %slot, ptr %m)
  call void @lock_guard(ptr %slot, ptr %m)
  call void @plain(ptr %slot, ptr %m)
  ret void
}
"#;
    let m = lower(text);
    let caller = function(&m, "caller");
    let sret = |k: usize| matches!(caller.insts[k].kind, InstKind::Call { sret, .. } if sret);
    // At the call site, and from the callee's parameter attributes.
    assert!(sret(1) && sret(2));
    assert!(!sret(3));
    // Models count arguments after the return slot.
    assert_eq!(caller.insts[1].kind.model_args(), &[Value::Arg(0)]);
    assert_eq!(caller.insts[3].kind.model_args().len(), 2);
}
