//! asm.toml against the exact template strings clang-22 stores for the
//! Linux 6.12 x86_64/arm64 primitives (LLVM's `\0A`/`\09` escapes decoded),
//! and against near misses.

use seam_models::*;

const X86: &str = "x86_64-unknown-linux-gnu";
const ARM: &str = "aarch64-unknown-linux-gnu";

/// LOCK_PREFIX from arch/x86/include/asm/alternative.h, as stored by clang.
const LOCK_PREFIX: &str =
    ".pushsection .smp_locks,\"a\"\n.balign 4\n.long 671f - .\n.popsection\n671:\n\tlock; ";

/// (effect, ordering or barrier kind) of every match, sorted.
fn effects(models: &Models, triple: &str, asm: &str) -> Vec<String> {
    let mut v: Vec<String> = models
        .asm(triple, asm)
        .iter()
        .map(|m| match m.barrier {
            Some(b) => format!("barrier:{}", serde_name(&b)),
            None => format!("{}:{}", serde_name(&m.effect), m.ordering),
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

fn serde_name<T: std::fmt::Debug>(v: &T) -> String {
    // Debug names are CamelCase; compare in snake_case.
    let mut out = String::new();
    for (i, c) in format!("{v:?}").chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[test]
fn x86_locked_rmw_with_the_kernel_lock_prefix() {
    let m = Models::builtin();
    for body in [
        "incl $0",
        "addl $1,$0",
        "xaddl $0, $1\n",
        "cmpxchgl $2,$1",
        "cmpxchgl $3, $1\n\t/* output condition code z*/\n",
        "btsq $1,$0",
        "addq $1,$0",
        "decl $0",
        "andl $1,$0",
        "orb $1,$0",
        "xorq $1,$0",
        "cmpxchg16b $1",
    ] {
        let asm = format!("{LOCK_PREFIX}{body}");
        assert_eq!(effects(&m, X86, &asm), ["atomic_rmw:full"], "{asm:?}");
    }
    // Plain `lock ` prefix without the .smp_locks bookkeeping.
    assert_eq!(effects(&m, X86, "lock xaddq $0, $1"), ["atomic_rmw:full"]);
    // xchg is implicitly locked.
    assert_eq!(effects(&m, X86, "xchgl $0, $1\n"), ["atomic_rmw:full"]);
}

#[test]
fn x86_barriers() {
    let m = Models::builtin();
    // __smp_mb(): also a locked RMW, of a stack slot.
    assert_eq!(
        effects(&m, X86, "lock addl $$0,-4(%rsp)"),
        ["atomic_rmw:full", "barrier:full"]
    );
    assert_eq!(
        effects(&m, X86, "lock; orl $$0,(%rsp)"),
        ["atomic_rmw:full", "barrier:full"]
    );
    assert_eq!(effects(&m, X86, "mfence"), ["barrier:full"]);
    assert_eq!(effects(&m, X86, "lfence"), ["barrier:read"]);
    assert_eq!(effects(&m, X86, "sfence"), ["barrier:write"]);
}

#[test]
fn x86_near_misses() {
    let m = Models::builtin();
    for asm in [
        "incl $0", // not locked
        "addl $1,$0",
        "cmpxchgl $2,$1", // cmpxchg without lock is not atomic
        "movl $1,$0",
        "# lock-free fast path\n\tmovq $1,$0",
        "clockless $0",
        "rdtsc",
        "mfenced",
        "pause",
        "lock; movl $1,$0", // lock on a non-RMW is not atomic (and #UD)
        ".pushsection .smp_locks,\"a\"\n.popsection\n\tincl $0",
    ] {
        assert!(
            effects(&m, X86, asm).is_empty(),
            "{asm:?} matched {:?}",
            effects(&m, X86, asm)
        );
    }
    // x86 patterns never apply to arm64 modules and vice versa.
    assert!(effects(&m, ARM, &format!("{LOCK_PREFIX}incl $0")).is_empty());
    assert!(effects(&m, X86, "dmb ish").is_empty());
}

#[test]
fn compiler_barrier_needs_the_memory_clobber() {
    let m = Models::builtin();
    assert_eq!(effects(&m, X86, ""), ["barrier:compiler"]);
    assert_eq!(effects(&m, ARM, "  "), ["barrier:compiler"]);
    let with = m.asm_with_constraints(X86, "", "~{memory},~{dirflag},~{fpsr},~{flags}");
    assert_eq!(with.len(), 1);
    assert!(m
        .asm_with_constraints(X86, "", "~{dirflag},~{fpsr},~{flags}")
        .is_empty());
    assert!(m.asm_with_constraints(X86, "", "=*m,~{memoryx}").is_empty());
    assert!(m.asm(X86, "nop").is_empty());
}

#[test]
fn arm64_acquire_release_and_barriers() {
    let m = Models::builtin();
    assert_eq!(
        effects(&m, ARM, "ldar ${0:w}, $1"),
        ["acquire_load:acquire"]
    );
    assert_eq!(
        effects(&m, ARM, "ldarb ${0:w}, $1"),
        ["acquire_load:acquire"]
    );
    assert_eq!(effects(&m, ARM, "ldar $0, $1"), ["acquire_load:acquire"]);
    assert_eq!(
        effects(&m, ARM, ".arch_extension rcpc\nldapr\t${0:w}, $1"),
        ["acquire_load:acquire"]
    );
    assert_eq!(
        effects(&m, ARM, "stlr ${1:w}, $0"),
        ["release_store:release"]
    );
    assert_eq!(
        effects(&m, ARM, "stlrh ${1:w}, $0"),
        ["release_store:release"]
    );
    assert_eq!(effects(&m, ARM, "dmb ish"), ["barrier:full"]);
    assert_eq!(effects(&m, ARM, "dmb ishld"), ["barrier:read"]);
    assert_eq!(effects(&m, ARM, "dmb ishst"), ["barrier:write"]);
    assert_eq!(effects(&m, ARM, "dsb sy"), ["barrier:full"]);
    assert_eq!(effects(&m, ARM, "dsb ld"), ["barrier:read"]);
    assert_eq!(effects(&m, ARM, "dsb st"), ["barrier:write"]);
    // The triple may say arm64 (Apple) or aarch64_be.
    assert_eq!(
        effects(&m, "arm64-apple-macosx", "dmb ish"),
        ["barrier:full"]
    );
}

#[test]
fn arm64_lse_atomics_take_their_order_from_the_suffix() {
    let m = Models::builtin();
    assert_eq!(
        effects(&m, ARM, ".arch_extension lse\n\tstadd\t${1:w}, $0\n"),
        ["atomic_rmw:relaxed"]
    );
    assert_eq!(
        effects(
            &m,
            ARM,
            ".arch_extension lse\n\tldaddal\t${2:w}, ${1:w}, $0"
        ),
        ["atomic_rmw:full"]
    );
    assert_eq!(
        effects(&m, ARM, ".arch_extension lse\n\tldadda\t${2:w}, ${1:w}, $0"),
        ["atomic_rmw:acquire"]
    );
    assert_eq!(
        effects(&m, ARM, ".arch_extension lse\n\tldaddl\t${2:w}, ${1:w}, $0"),
        ["atomic_rmw:release"]
    );
    assert_eq!(
        effects(
            &m,
            ARM,
            ".arch_extension lse\n\tcasal\t${1:w}, ${2:w}, $0\n"
        ),
        ["atomic_rmw:full"]
    );
    assert_eq!(
        effects(
            &m,
            ARM,
            ".arch_extension lse\n\tcasab\t${1:w}, ${2:w}, $0\n"
        ),
        ["atomic_rmw:acquire"]
    );
    assert_eq!(
        effects(&m, ARM, ".arch_extension lse\n\tswpl\t${2:w}, ${1:w}, $0"),
        ["atomic_rmw:release"]
    );
    assert_eq!(
        effects(&m, ARM, ".arch_extension lse\n\tldclr\t${2:w}, ${1:w}, $0"),
        ["atomic_rmw:relaxed"]
    );
    assert_eq!(
        effects(&m, ARM, ".arch_extension lse\n\tstsetl\t${1:w}, $0"),
        ["atomic_rmw:release"]
    );
}

#[test]
fn arm64_ll_sc_loops() {
    let m = Models::builtin();
    let add = "// atomic_add\n\tprfm\tpstl1strm, $2\n1:\tldxr\t${0:w}, $2\n\tadd\t${0:w}, ${0:w}, ${3:w}\n\tstxr\t${1:w}, ${0:w}, $2\n\tcbnz\t${1:w}, 1b\n";
    assert_eq!(effects(&m, ARM, add), ["atomic_rmw:relaxed"]);
    let add_return = "// atomic_add_return\n\tprfm\tpstl1strm, $2\n1:\tldxr\t${0:w}, $2\n\tadd\t${0:w}, ${0:w}, ${3:w}\n\tstlxr\t${1:w}, ${0:w}, $2\n\tcbnz\t${1:w}, 1b\n\tdmb ish";
    // Release pair plus trailing full barrier: the strongest (full) applies.
    assert_eq!(
        effects(&m, ARM, add_return),
        ["atomic_rmw:full", "atomic_rmw:release", "barrier:full"]
    );
    let acq = "1:\tldaxr\t${0:w}, $2\n\tadd\t${0:w}, ${0:w}, ${3:w}\n\tstxr\t${1:w}, ${0:w}, $2\n\tcbnz\t${1:w}, 1b\n";
    assert_eq!(effects(&m, ARM, acq), ["atomic_rmw:acquire"]);
    let rel = "1:\tldxr\t${0:w}, $2\n\tstlxr\t${1:w}, ${0:w}, $2\n\tcbnz\t${1:w}, 1b\n";
    assert_eq!(effects(&m, ARM, rel), ["atomic_rmw:release"]);
}

#[test]
fn arm64_near_misses() {
    let m = Models::builtin();
    for asm in [
        "ldr ${0:w}, $1",
        "str ${1:w}, $0",
        "ldxr ${0:w}, $1",  // exclusive load alone is not an RMW
        "ldaxr ${0:w}, $1", // neither is it a plain acquire load (ldar)
        "ldp $0, $1, $2",
        "dmb", // no option: not a kernel barrier form
        "isb",
        "add ${0:w}, ${0:w}, #1",
        "// atomic_add comment only",
        "b.cas_label",
        "mrs $0, cntvct_el0",
    ] {
        assert!(
            effects(&m, ARM, asm).is_empty(),
            "{asm:?} matched {:?}",
            effects(&m, ARM, asm)
        );
    }
}
