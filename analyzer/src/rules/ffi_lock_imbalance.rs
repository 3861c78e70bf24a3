//! A lock acquired on one side of the FFI boundary is released on the other
//! side unexpectedly, released twice, or still held when a root returns.
//!
//! ## What it does
//!
//! Computes each function's net lock effect (locks it returns holding, locks
//! it releases that it did not take) bottom-up over the call graph, across C
//! and Rust. It reports:
//!
//! - a C function that returns with a lock held to a Rust caller (or the
//!   reverse) when the caller does not release it on every path;
//! - a lock released on a path where it is not held (double unlock, unlock
//!   of a lock the caller never took), judged on paths from callbacks that
//!   start with nothing held (IRQ handlers, work, timers, threads) and in
//!   functions that take that lock themselves: a function that only
//!   unlocks hands its caller's lock over (`seq_stop` after `seq_start`);
//! - a thread root (IRQ handler, work item, ops callback) that returns with
//!   a lock still held.
//!
//! Functions that hand a lock over by design can be declared with a
//! `[[lock_transfer]]` entry in `seam.toml`.
//!
//! ## Why is this bad?
//!
//! In C, sparse's `__acquires()`/`__releases()` annotations document such
//! hand-overs and `make C=1` checks them; Rust's guards (`Guard`'s `Drop`)
//! release exactly what they acquired. Across the boundary neither check
//! applies: a Rust guard created around a C function that already unlocks,
//! or a C helper that returns locked to Rust code that uses `?` to bail out
//! early, produces a double unlock ("WARNING: bad unlock balance detected!"
//! from lockdep, memory corruption of the lock otherwise) or a lock that is
//! never released, which deadlocks the next acquirer — often in an IRQ
//! handler, taking the CPU with it.
//!
//! ## Example
//!
//! ```c
//! /* C: returns with dev->lock held on success (sparse: __acquires) */
//! int foo_begin(struct foo_dev *dev) __acquires(&dev->lock);
//! ```
//!
//! ```rust,ignore
//! unsafe { bindings::foo_begin(dev) };
//! check_state(dev)?;                       // early return: lock stays held
//! unsafe { bindings::foo_end(dev) };
//! ```
//!
//! Use instead:
//!
//! ```rust,ignore
//! // Wrap the C pair in a guard type whose Drop calls foo_end(), so every
//! // path releases the lock exactly once.
//! let _locked = FooLocked::begin(dev)?;
//! check_state(dev)?;
//! ```

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "ffi-lock-imbalance",
    name: "FfiLockImbalance",
    level: Level::Error,
    short_description: "Lock acquired and released on different sides of the FFI boundary, released twice, or leaked",
    help: "release every lock on the side that took it, on every path (use a guard type in Rust)",
    tags: &["concurrency", "locking", "ffi", "external/cwe/cwe-667", "external/cwe/cwe-764"],
    precision: "medium",
};
