//! Two concurrent accesses to the same memory, one in C and one in Rust, at
//! least one a write and at least one plain: an LKMM data race across the FFI
//! boundary.
//!
//! ## What it does
//!
//! Pairs every access that C code makes to a memory location with every
//! access Rust code makes to the same bytes (the same abstract object at an
//! overlapping byte offset), from two thread roots that may run at the same
//! time (IRQ handler, work item, timer, kthread, file or driver operation,
//! exported function). It reports a pair when at least one access writes, at
//! least one is plain (neither `READ_ONCE`/`WRITE_ONCE`, an atomic, a
//! volatile access, nor a modelled accessor) and the two locksets have no
//! lock in common.
//!
//! ## Why is this bad?
//!
//! This is exactly the LKMM definition of a data race
//! (`tools/memory-model/Documentation/explanation.txt`): two accesses to the
//! same location, at least one a store, at least one plain, on different CPUs
//! and concurrent. A data race makes the whole execution undefined under
//! LKMM, and in practice the compiler is entitled to tear, fuse, re-load or
//! invent plain accesses ("Who's afraid of a big bad optimizing compiler?",
//! LWN 2019). KCSAN reports such races at run time, but only on the paths a
//! test happens to execute with both threads in the window.
//!
//! Across the FFI boundary the bug is easy to write and hard to review:
//! `clang` sees only the C half, `rustc` only the Rust half, and in Rust an
//! access through a raw pointer to a C struct (`(*dev).count += 1`) is a plain
//! access even inside `unsafe`, whatever the C side does. Neither compiler,
//! nor `klint`, nor sparse sees both halves.
//!
//! ## Example
//!
//! ```c
//! /* drivers/misc/foo.c */
//! static irqreturn_t foo_irq(int irq, void *data)
//! {
//!         struct foo_dev *dev = data;
//!
//!         dev->events++;                  /* plain read-modify-write */
//!         return IRQ_HANDLED;
//! }
//! ```
//!
//! ```rust,ignore
//! // rust/foo.rs: called from a work item
//! fn poll(dev: *mut bindings::foo_dev) -> u32 {
//!     unsafe { (*dev).events }            // plain read of the same field
//! }
//! ```
//!
//! Use instead:
//!
//! Take the lock the C side uses for the field, or mark both accesses:
//!
//! ```c
//! WRITE_ONCE(dev->events, READ_ONCE(dev->events) + 1);  /* or atomic_inc() */
//! ```
//!
//! ```rust,ignore
//! // kernel::sync::atomic, or a READ_ONCE-equivalent helper on the C side
//! unsafe { bindings::foo_read_events(dev) }
//! ```
//!
//! ## Known limitations
//!
//! seam reasons about thread roots it can derive from registration calls
//! (`request_irq`, `INIT_WORK`, ops tables) and from `seam.toml`; two roots
//! that are mutually exclusive for a reason seam does not model (e.g. the
//! device is quiesced) need an `[[exclusive]]` entry or a suppression.

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "ffi-data-race",
    name: "FfiDataRace",
    level: Level::Error,
    short_description: "LKMM data race between a C access and a Rust access to the same memory",
    help: "protect both accesses with the same kernel lock, or mark both (READ_ONCE/WRITE_ONCE, atomics)",
    tags: &["concurrency", "lkmm", "ffi", "data-race", "external/cwe/cwe-362"],
    precision: "medium",
};
