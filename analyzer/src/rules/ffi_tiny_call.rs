//! Rust calls a tiny C helper through FFI inside a loop, paying a function
//! call for what C code gets inline.
//!
//! ## What it does
//!
//! Reports calls from Rust to C functions whose body is a handful of
//! instructions (typically `rust_helper_*` wrappers around static inline
//! functions or macros: `rust_helper_readl`, `rust_helper_spin_unlock`,
//! `rust_helper_refcount_inc`) when the call sits inside a loop.
//!
//! ## Why is this bad?
//!
//! Rust cannot call a C `static inline` function or a macro, so the kernel
//! exports out-of-line helpers for them. Without cross-language inlining
//! each use costs a call and return, spills caller-saved registers and, with
//! mitigations such as retpolines/return thunks, considerably more. On a hot
//! loop (per packet, per page, per register poll) this is measurable. It is
//! a performance note, not a correctness bug.
//!
//! ## Example
//!
//! ```rust,ignore
//! for i in 0..n {
//!     sum += unsafe { bindings::readl(base.add(i)) };  // calls rust_helper_readl
//! }
//! ```
//!
//! Use instead:
//!
//! Hoist the call out of the loop where possible, use a batch API
//! (`ioread32_rep()`), or build with cross-language LTO / helper inlining
//! where the kernel supports it, so the helper is inlined into Rust.

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "ffi-tiny-call",
    name: "FfiTinyCall",
    level: Level::Note,
    short_description: "Rust calls a tiny C helper through FFI inside a loop",
    help:
        "hoist the helper call out of the loop, use a batch API, or enable cross-language inlining",
    tags: &["performance", "ffi"],
    precision: "high",
};
