//! Rust uses `core::sync::atomic` on memory that C also accesses; in the
//! kernel the memory model is LKMM and the API is `kernel::sync::atomic`.
//!
//! ## What it does
//!
//! Reports Rust atomic operations from `core::sync::atomic` (`AtomicU32`,
//! `AtomicPtr`, `fetch_add`, `compare_exchange`, …), recognised as LLVM
//! `atomicrmw`/`cmpxchg`/atomic load and store instructions in Rust
//! functions, on a location that C code also reads or writes.
//!
//! ## Why is this bad?
//!
//! `core::sync::atomic` follows the C++20 memory model; the kernel's C code
//! follows LKMM, and the two do not compose. LKMM's value-returning RMW
//! operations (`atomic_add_return()`, `xchg()`, `cmpxchg()`) are fully
//! ordered, as if bracketed by `smp_mb()`; a Rust `fetch_add(_, SeqCst)` is
//! not guaranteed to order surrounding plain or relaxed accesses the same
//! way, and a `Relaxed` one orders nothing. Barriers such as
//! `smp_mb__after_atomic()` are defined only against the kernel's own
//! atomics. When C accesses the same word with `atomic_read()` or with plain
//! accesses, no single model describes the program, so neither the LKMM
//! litmus tools nor C++-model reasoning apply. The kernel's
//! `kernel::sync::atomic` types are implemented with the C atomics (through
//! `rust_helper_atomic_*`), so both sides share one model.
//!
//! ## Example
//!
//! ```rust,ignore
//! let refs = unsafe { &*(&raw const (*dev).refcount).cast::<AtomicI32>() };
//! refs.fetch_add(1, Ordering::Relaxed);     // C side: atomic_dec_and_test(&dev->refcount)
//! ```
//!
//! Use instead:
//!
//! ```rust,ignore
//! // kernel::sync::atomic::Atomic<i32>, backed by the C atomic_t operations
//! refs.fetch_add(1, kernel::sync::atomic::Relaxed);
//! // or call the C API directly: bindings::atomic_inc(&raw mut (*dev).refcount)
//! ```
//!
//! ## Known limitations
//!
//! User-space programs (C + Rust over pthreads) legitimately use C11 and
//! Rust atomics together; the rule is meant for kernel code and can be
//! disabled with a `[[suppress]]` entry for such projects.

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "rust-native-atomic",
    name: "RustNativeAtomic",
    level: Level::Warning,
    short_description:
        "Rust core::sync::atomic used on memory C also accesses (LKMM expects kernel atomics)",
    help: "use kernel::sync::atomic (backed by the C atomic_t API) for memory shared with C",
    tags: &["concurrency", "lkmm", "ffi", "atomics"],
    precision: "high",
};
