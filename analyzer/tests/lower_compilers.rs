//! Lowering of modules produced by the real compilers on this machine
//! (clang-22, rustc). Each test is skipped with a note when its compiler is
//! missing.

use std::path::Path;
use std::process::Command;

use seam::ingest::lower::{lower_buffer, BufferKind};
use seam::ir::{DiTypeKind, Function, InstKind, Language, Module, Ordering, TypeId, Value};

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn compile(tool: &str, args: &[&str], source_name: &str, source: &str, dir: &Path) -> Vec<u8> {
    let src = dir.join(source_name);
    std::fs::write(&src, source).expect("write source");
    let out = dir.join("out.bc");
    let status = Command::new(tool)
        .args(args)
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .current_dir(dir)
        .status()
        .expect("run compiler");
    assert!(status.success(), "{tool} failed");
    std::fs::read(&out).expect("read bitcode")
}

fn function<'m>(m: &'m Module, demangled: &str) -> &'m Function {
    m.functions
        .iter()
        .find(|f| m.str(f.demangled) == demangled)
        .unwrap_or_else(|| panic!("function {demangled} missing"))
}

/// Name of the struct behind typedefs/qualifiers/pointers, with its members.
fn struct_members(
    m: &Module,
    mut t: TypeId,
    through_pointer: bool,
) -> (String, Vec<(String, u64)>) {
    for _ in 0..16 {
        match &m.types[t as usize].kind {
            DiTypeKind::Alias { base: Some(b), .. } => t = *b,
            DiTypeKind::Pointer { pointee: Some(p) } if through_pointer => t = *p,
            DiTypeKind::Struct { members } => {
                let name = m.types[t as usize]
                    .name
                    .map(|n| m.str(n).to_string())
                    .unwrap_or_default();
                let members = members
                    .iter()
                    .map(|mb| {
                        (
                            mb.name.map(|n| m.str(n).to_string()).unwrap_or_default(),
                            mb.offset,
                        )
                    })
                    .collect();
                return (name, members);
            }
            other => panic!("unexpected type {other:?}"),
        }
    }
    panic!("type chain too long")
}

/// The struct type id behind a pointer/typedef chain.
fn struct_members_type(m: &Module, mut t: TypeId) -> TypeId {
    for _ in 0..16 {
        match &m.types[t as usize].kind {
            DiTypeKind::Alias { base: Some(b), .. } => t = *b,
            DiTypeKind::Pointer { pointee: Some(p) } => t = *p,
            _ => break,
        }
    }
    t
}

const C_SOURCE: &str = r#"
struct my_dev { int a; long count; struct my_dev *next; int flags; };
static inline void my_unlock(int *l) { __atomic_store_n(l, 0, __ATOMIC_RELEASE); }
static inline void arch_atomic_inc(int *v) { asm volatile("lock incl %0" : "+m"(*v)); }
int lock;
void bump(struct my_dev *d) {
    d->count++;
    *(volatile int *)&d->flags = 1;
    arch_atomic_inc(&d->a);
    my_unlock(&lock);
}
static int my_open(void *p) { return 0; }
static int my_release(void *p) { return 1; }
struct ops { int (*open)(void *); long pad; int (*release)(void *); };
const struct ops my_ops = { .open = my_open, .release = my_release };
"#;

#[test]
fn clang_module() {
    if !have("clang-22") {
        eprintln!("note: clang-22 not found, skipping clang_module");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let bc = compile(
        "clang-22",
        &["-O2", "-g", "-c", "-emit-llvm", "--target=x86_64-linux-gnu"],
        "dev.c",
        C_SOURCE,
        dir.path(),
    );
    let m = lower_buffer("dev.bc", &bc, BufferKind::Bitcode).expect("clang bitcode lowers");
    assert_eq!(m.language, Language::C);
    assert!(
        m.str(m.producer).contains("clang"),
        "producer {}",
        m.str(m.producer)
    );

    let bump = function(&m, "bump");
    assert_eq!(bump.language, Language::C);
    assert_eq!(bump.di_name.map(|n| m.str(n)), Some("bump"));
    let param = &bump.params[0];
    assert_eq!(param.name.map(|n| m.str(n)), Some("d"));
    let (name, members) = struct_members(&m, param.di_type.expect("param type"), true);
    assert_eq!(name, "my_dev");
    let expected: Vec<(String, u64)> = [("a", 0), ("count", 8), ("next", 16), ("flags", 24)]
        .iter()
        .map(|(n, o)| (n.to_string(), *o))
        .collect();
    assert_eq!(members, expected);

    // The volatile store goes through `gep %d + 24` (flags).
    let volatile_store = bump.insts.iter().find_map(|i| match &i.kind {
        InstKind::Store {
            ptr: Value::Inst(p),
            volatile: true,
            size: 4,
            ..
        } => Some(*p),
        _ => None,
    });
    let gep = volatile_store.map(|p| &bump.insts[p as usize].kind);
    assert_eq!(
        gep,
        Some(&InstKind::Gep {
            base: Value::Arg(0),
            offset: Some(24),
            const_part: 24,
            index: None,
            stride: 0,
        })
    );

    // Inlined primitives keep their names, with the caller as inlined-at.
    let scope_chain = |loc: Option<u32>| {
        let mut names = Vec::new();
        let mut cur = loc;
        while let Some(l) = cur {
            let d = &m.locations[l as usize];
            names.push(d.scope.map(|s| m.str(s).to_string()).unwrap_or_default());
            cur = d.inlined_at;
        }
        names
    };
    let asm = bump
        .insts
        .iter()
        .find(|i| matches!(i.kind, InstKind::Asm { .. }))
        .expect("asm");
    match &asm.kind {
        InstKind::Asm {
            memory_operands,
            args,
            ..
        } => {
            assert_eq!(
                memory_operands,
                &vec![0, 1],
                "+m is an indirect output and a tied indirect input"
            );
            assert_eq!(args[0], Value::Arg(0), "&d->a is d itself");
        }
        _ => unreachable!(),
    }
    assert_eq!(scope_chain(asm.loc), vec!["arch_atomic_inc", "bump"]);
    let release = bump
        .insts
        .iter()
        .find(|i| {
            matches!(
                i.kind,
                InstKind::Store {
                    ordering: Ordering::Release,
                    ..
                }
            )
        })
        .expect("release store");
    assert_eq!(scope_chain(release.loc), vec!["my_unlock", "bump"]);
    let inlined = &m.locations[release.loc.expect("loc") as usize];
    assert_eq!(inlined.line, 3, "position inside my_unlock's body");
    let call_site = &m.locations[inlined.inlined_at.expect("inlined_at") as usize];
    assert_eq!(
        (call_site.line, call_site.inlined_at),
        (10, None),
        "the caller's line calling my_unlock"
    );
    assert!(
        m.str(call_site.file).ends_with("/dev.c"),
        "full path: {}",
        m.str(call_site.file)
    );
    let asm_site = &m.locations[m.locations[asm.loc.expect("loc") as usize]
        .inlined_at
        .expect("inlined_at") as usize];
    assert_eq!(
        asm_site.line, 9,
        "the caller's line calling arch_atomic_inc"
    );

    let ops = m
        .globals
        .iter()
        .find(|g| m.str(g.name) == "my_ops")
        .expect("my_ops");
    let targets: Vec<(u64, &str)> = ops
        .pointers
        .iter()
        .map(|(o, v)| match v {
            Value::Global { name, offset: 0 } => (*o, m.str(*name)),
            other => panic!("unexpected pointer {other:?}"),
        })
        .collect();
    assert_eq!(targets, vec![(0, "my_open"), (16, "my_release")]);
    let (ops_name, ops_members) = struct_members(&m, ops.di_type.expect("di type"), false);
    assert_eq!(ops_name, "ops");
    assert_eq!(
        ops_members
            .iter()
            .map(|(n, o)| (n.as_str(), *o))
            .collect::<Vec<_>>(),
        vec![("open", 0), ("pad", 8), ("release", 16)]
    );
}

#[test]
fn clang_unoptimised_parameters_are_named_through_their_spill_slots() {
    if !have("clang-22") {
        eprintln!("note: clang-22 not found, skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let bc = compile(
        "clang-22",
        &["-O0", "-g", "-c", "-emit-llvm", "--target=x86_64-linux-gnu"],
        "dev.c",
        C_SOURCE,
        dir.path(),
    );
    let m = lower_buffer("dev.bc", &bc, BufferKind::Bitcode).expect("clang -O0 bitcode lowers");
    let bump = function(&m, "bump");
    assert_eq!(bump.params[0].name.map(|n| m.str(n)), Some("d"));
    let slot = bump.insts.iter().find_map(|i| match &i.kind {
        InstKind::Alloca {
            name: Some(n),
            size: Some(8),
            ..
        } => Some(m.str(*n)),
        _ => None,
    });
    assert_eq!(
        slot,
        Some("d"),
        "the spill slot carries the variable's name"
    );
    // Not inlined at -O0: the helpers are calls.
    let callees: Vec<&str> = bump
        .insts
        .iter()
        .filter_map(|i| match &i.kind {
            InstKind::Call {
                callee: seam::ir::Callee::Direct(n),
                ..
            } => Some(m.str(*n)),
            _ => None,
        })
        .collect();
    assert_eq!(callees, vec!["arch_atomic_inc", "my_unlock"]);
}

const RUST_SOURCE: &str = r#"
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

pub struct Inner {
    pub stats: u64,
    pub flag: AtomicU32,
}

pub static COUNTER: AtomicU32 = AtomicU32::new(0);

#[no_mangle]
pub fn touch(i: &Inner) -> u32 {
    i.flag.load(Ordering::Acquire)
}

#[inline(never)]
pub fn bump(x: &mut Inner) {
    x.stats += 1;
    COUNTER.fetch_add(1, Ordering::Relaxed);
}

pub fn locked(m: &Mutex<Inner>) -> u64 {
    let g = m.lock().unwrap();
    g.stats
}

pub enum State { Idle, Busy { count: u32, owner: &'static u8 } }
pub struct Holder { pub st: State, pub generation: u64 }

#[no_mangle]
pub fn look(h: &Holder) -> u64 {
    match h.st { State::Idle => h.generation, State::Busy { count, .. } => count as u64 }
}
"#;

#[test]
fn rustc_module() {
    if !have("rustc") {
        eprintln!("note: rustc not found, skipping rustc_module");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let args = [
        "--emit=llvm-bc",
        "-C",
        "opt-level=2",
        "-C",
        "codegen-units=1",
        "-g",
        "--crate-type=lib",
        "--crate-name=demo",
    ];
    let bc = compile("rustc", &args, "demo.rs", RUST_SOURCE, dir.path());
    let m = lower_buffer("demo.bc", &bc, BufferKind::Bitcode).expect("rustc bitcode lowers");
    assert_eq!(m.language, Language::Rust);
    assert!(
        m.str(m.producer).contains("rustc"),
        "producer {}",
        m.str(m.producer)
    );

    let touch = function(&m, "touch");
    assert_eq!(
        touch.language,
        Language::Rust,
        "#[no_mangle] Rust is Rust through its compile unit"
    );
    let (inner, members) = struct_members(&m, touch.params[0].di_type.expect("&Inner"), true);
    assert_eq!(inner, "Inner");
    let stats = members
        .iter()
        .find(|(n, _)| n == "stats")
        .expect("member stats");
    let flag = members
        .iter()
        .find(|(n, _)| n == "flag")
        .expect("member flag");
    assert_ne!(stats.1, flag.1);
    let acquire = touch
        .insts
        .iter()
        .find(|i| {
            matches!(
                i.kind,
                InstKind::Load {
                    ordering: Ordering::Acquire,
                    size: 4,
                    ..
                }
            )
        })
        .expect("acquire load");
    let loc = &m.locations[acquire.loc.expect("loc") as usize];
    assert!(
        m.str(loc.scope.expect("scope"))
            .starts_with("core::sync::atomic::"),
        "scope {}",
        m.str(loc.scope.unwrap_or(0))
    );

    let bump = m
        .functions
        .iter()
        .find(|f| m.str(f.demangled) == "demo::bump")
        .expect("demo::bump (hash dropped)");
    assert!(m.str(bump.name).len() > "demo::bump".len());
    assert_eq!(bump.language, Language::Rust);
    assert_eq!(bump.di_name.map(|n| m.str(n)), Some("demo::bump"));
    let counter = m
        .globals
        .iter()
        .find(|g| m.str(g.demangled) == "demo::COUNTER")
        .expect("COUNTER");
    let relaxed = bump.insts.iter().any(|i| match &i.kind {
        InstKind::AtomicRmw {
            ptr,
            ordering: Ordering::Monotonic,
            ..
        } => {
            *ptr == Value::Global {
                name: counter.name,
                offset: 0,
            }
        }
        _ => false,
    });
    assert!(relaxed, "fetch_add(Relaxed) on COUNTER");

    // A Rust enum is a struct holding a union of its variants.
    let look = function(&m, "look");
    let (holder, holder_members) =
        struct_members(&m, look.params[0].di_type.expect("&Holder"), true);
    assert_eq!(holder, "Holder");
    let st = holder_members
        .iter()
        .position(|(n, _)| n == "st")
        .expect("member st");
    let st_type = match &m.types
        [struct_members_type(&m, look.params[0].di_type.expect("&Holder")) as usize]
        .kind
    {
        DiTypeKind::Struct { members } => members[st].ty.expect("State type"),
        other => panic!("{other:?}"),
    };
    let (state, state_members) = struct_members(&m, st_type, false);
    assert_eq!((state.as_str(), state_members.len()), ("State", 1));
    let variants = match &m.types[st_type as usize].kind {
        DiTypeKind::Struct { members } => members[0].ty.expect("variant part"),
        other => panic!("{other:?}"),
    };
    match &m.types[variants as usize].kind {
        DiTypeKind::Union { members } => {
            let names: Vec<&str> = members
                .iter()
                .filter_map(|v| v.name)
                .map(|n| m.str(n))
                .collect();
            assert_eq!(names, vec!["Idle", "Busy"]);
            let (busy, fields) = struct_members(&m, members[1].ty.expect("Busy"), false);
            assert_eq!(busy, "Busy");
            assert!(
                fields.iter().any(|(n, _)| n == "count")
                    && fields.iter().any(|(n, _)| n == "owner"),
                "{fields:?}"
            );
        }
        other => panic!("variants should be a union: {other:?}"),
    }

    // The guard's drop is inlined into `locked`: the unlock keeps its name.
    let locked = function(&m, "demo::locked");
    // Every scope on every instruction's inlined-at chain.
    let mut names: Vec<&str> = Vec::new();
    for mut loc in locked.insts.iter().map(|i| i.loc) {
        while let Some(l) = loc {
            let d = &m.locations[l as usize];
            names.extend(d.scope.map(|s| m.str(s)));
            loc = d.inlined_at;
        }
    }
    assert!(
        names.iter().any(|n| n.contains("Mutex<T>::lock")),
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.contains("as core::ops::drop::Drop>::drop")),
        "{names:?}"
    );
}

/// Counts instructions in `llvm-dis` text by the rules documented in
/// `seam::ir::print` (independently of the lowering code).
fn count_text(ir: &str) -> seam::ir::print::Counts {
    let mut c = seam::ir::print::Counts::default();
    for line in ir.lines() {
        if !line.starts_with("  ")
            || line.trim_start().starts_with(';')
            || line.trim_start().starts_with('#')
        {
            continue;
        }
        let mut inst = line.trim_start();
        if inst.starts_with('%') {
            match inst.find(" = ") {
                Some(p) => inst = &inst[p + 3..],
                None => continue,
            }
        }
        let words: Vec<&str> = inst.split_whitespace().collect();
        let Some(&op) = words.first() else { continue };
        let flag = |w: &str| words.iter().take(4).any(|x| *x == w);
        match op {
            "load" | "store" => {
                if op == "load" {
                    c.loads += 1;
                } else {
                    c.stores += 1;
                }
                c.volatile += flag("volatile") as u64;
                c.atomics += (words.get(1) == Some(&"atomic")) as u64;
            }
            "atomicrmw" | "cmpxchg" => {
                c.atomics += 1;
                c.volatile += flag("volatile") as u64;
            }
            "fence" => c.atomics += 1,
            _ => {
                let call = words
                    .iter()
                    .take(3)
                    .position(|w| matches!(*w, "call" | "invoke" | "callbr"));
                if call.is_none() {
                    continue;
                }
                if inst.contains(" asm ") {
                    c.asm += 1;
                    continue;
                }
                let callee = inst.find(" @").map(|p| &inst[p + 2..]).unwrap_or("");
                let skipped = seam::ingest::lower::NON_CALL_INTRINSICS
                    .iter()
                    .any(|prefix| callee.starts_with(prefix));
                c.calls += (!skipped) as u64;
            }
        }
    }
    c
}

#[test]
fn counts_match_llvm_dis() {
    if !have("llvm-dis-22") || !have("clang-22") || !have("rustc") {
        eprintln!("note: llvm-dis-22, clang-22 or rustc missing, skipping counts_match_llvm_dis");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = [
        compile(
            "clang-22",
            &["-O2", "-g", "-c", "-emit-llvm", "--target=x86_64-linux-gnu"],
            "dev.c",
            C_SOURCE,
            dir.path(),
        ),
        compile(
            "clang-22",
            &["-O0", "-c", "-emit-llvm", "--target=aarch64-linux-gnu"],
            "dev.c",
            C_SOURCE,
            dir.path(),
        ),
        compile(
            "rustc",
            &[
                "--emit=llvm-bc",
                "-C",
                "opt-level=2",
                "-g",
                "--crate-type=lib",
                "--crate-name=demo",
            ],
            "demo.rs",
            RUST_SOURCE,
            dir.path(),
        ),
        compile(
            "rustc",
            &[
                "--emit=llvm-bc",
                "-C",
                "opt-level=0",
                "--crate-type=lib",
                "--crate-name=demo",
            ],
            "demo.rs",
            RUST_SOURCE,
            dir.path(),
        ),
    ];
    for (i, bc) in inputs.iter().enumerate() {
        let path = dir.path().join(format!("in{i}.bc"));
        std::fs::write(&path, bc).expect("write");
        let out = Command::new("llvm-dis-22")
            .arg(&path)
            .arg("-o")
            .arg("-")
            .output()
            .expect("llvm-dis");
        assert!(out.status.success());
        let expected = count_text(&String::from_utf8_lossy(&out.stdout));
        let m = lower_buffer("in.bc", bc, BufferKind::Bitcode).expect("lowers");
        let got = seam::ir::print::counts(&m);
        assert_eq!(got, expected, "input {i}");
        assert!(
            got.loads + got.stores > 0 && got.atomics > 0,
            "input {i} exercises accesses: {got}"
        );
    }
}
