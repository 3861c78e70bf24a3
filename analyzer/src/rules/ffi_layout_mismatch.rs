//! A Rust `#[repr(C)]` mirror of a C struct disagrees with the C layout, so
//! "the same field" is two different locations.
//!
//! ## What it does
//!
//! Compares, using debug info from both compilers, Rust `#[repr(C)]`
//! structs with the C struct of the same name (or the C struct whose
//! pointers are passed where the Rust type is expected): field offsets,
//! sizes and total size. It reports each field whose offset or size
//! differs.
//!
//! ## Why is this bad?
//!
//! Both sides then read and write different bytes while meaning the same
//! field: a Rust store to `mode` can overwrite half of C's `flags`, a lock
//! embedded in the struct may be taken at the wrong address, and a data
//! race or lock protection that looks correct per field is not. Mismatches
//! come from hand-written mirrors instead of `bindgen` output, from
//! configuration-dependent C fields (`#ifdef CONFIG_…` members, lockdep's
//! `struct lockdep_map` inside locks under `CONFIG_DEBUG_LOCK_ALLOC`), from
//! packing or alignment attributes, and from C struct layout randomisation
//! (`__randomize_layout` with `CONFIG_RANDSTRUCT`), which a Rust mirror
//! cannot follow.
//!
//! ## Example
//!
//! ```c
//! struct foo_regs {
//!         u32 ctrl;
//! #ifdef CONFIG_FOO_STATS
//!         u64 count;
//! #endif
//!         u32 mode;
//! };
//! ```
//!
//! ```rust,ignore
//! #[repr(C)]
//! struct FooRegs { ctrl: u32, mode: u32 }   // mode at 4, C has it at 16
//! ```
//!
//! Use instead:
//!
//! Generate the Rust type with `bindgen` from the same headers and
//! configuration (the kernel's `rust/bindings`), or access the fields
//! through C helpers, and add a compile-time check of the layout:
//!
//! ```rust,ignore
//! const _: () = assert!(core::mem::offset_of!(bindings::foo_regs, mode) == 16);
//! ```

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "ffi-layout-mismatch",
    name: "FfiLayoutMismatch",
    level: Level::Error,
    short_description: "Rust #[repr(C)] mirror of a C struct disagrees with the C layout",
    help: "generate the Rust type with bindgen from the same headers and configuration, or assert offsets at compile time",
    tags: &["ffi", "layout", "correctness", "external/cwe/cwe-188"],
    precision: "high",
};
