//! Rust reads a pointer that C publishes with `read_volatile` or a `Relaxed`
//! load and dereferences it: on arm64 with LTO and on Alpha the dependent
//! reads are not ordered.
//!
//! ## What it does
//!
//! Finds Rust loads of a pointer (or index) that C publishes with
//! `rcu_assign_pointer()` or `smp_store_release()`, where the Rust load is a
//! `core::ptr::read_volatile` or an atomic `Relaxed` load and the loaded
//! value is then used to compute the address of further reads (an address
//! dependency).
//!
//! ## Why is this bad?
//!
//! The C side reads such pointers with `READ_ONCE()`/`rcu_dereference()`,
//! and LKMM guarantees that reads through the returned pointer are ordered
//! after it (address dependency ordering). That guarantee is provided by the
//! kernel's `READ_ONCE()`, not by "volatile" as such:
//!
//! - on arm64 with `CONFIG_LTO`, `READ_ONCE()` is strengthened to a
//!   load-acquire (`LDAR`, `arch/arm64/include/asm/rwonce.h`), because
//!   whole-program optimisation may turn the address dependency into a
//!   control dependency, which the CPU does not order;
//! - on Alpha, `READ_ONCE()` includes a memory barrier, because Alpha does
//!   not order dependent loads at all.
//!
//! A Rust `read_volatile` compiles to a plain volatile load with neither,
//! and a `Relaxed` atomic load carries no dependency-ordering promise in the
//! C++ model. The reader can then see the new pointer and the pre-publication
//! contents of the object it points to.
//!
//! ## Example
//!
//! ```rust,ignore
//! let cfg = unsafe { core::ptr::read_volatile(&raw const (*dev).cfg) };
//! let limit = unsafe { (*cfg).limit };    // C: rcu_assign_pointer(dev->cfg, new)
//! ```
//!
//! Use instead:
//!
//! ```rust,ignore
//! // An acquire load (kernel atomics), or an rcu_dereference()-style helper
//! // implemented in C so it gets the architecture's READ_ONCE().
//! let cfg = unsafe { bindings::foo_get_cfg(dev) };
//! ```

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "rust-volatile-dependency",
    name: "RustVolatileDependency",
    level: Level::Warning,
    short_description: "Rust volatile/Relaxed load heads an address dependency on a pointer C publishes",
    help: "load the published pointer with acquire ordering or through a C READ_ONCE()/rcu_dereference() helper",
    tags: &["concurrency", "lkmm", "ffi", "memory-ordering", "arm64", "alpha"],
    precision: "medium",
};
