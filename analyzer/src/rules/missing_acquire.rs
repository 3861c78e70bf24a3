//! A reader checks a flag or pointer that publishes data, but the read is
//! neither an acquire nor followed by a read barrier or dependency: the data
//! read after it can be stale.
//!
//! ## What it does
//!
//! Finds message-passing pairs: a writer stores data and then publishes it
//! by storing a flag or pointer; a reader loads the flag or pointer and then
//! reads the data. It reports the reader when its load of the flag is not
//! `smp_load_acquire()`/`Ordering::Acquire`, is not followed by `smp_rmb()`
//! (or a stronger barrier) before the data read, and the data read does not
//! depend on the loaded pointer (address dependency, as with
//! `rcu_dereference()`). When the reader tests the flag against a value
//! (`== 2`, a wait for non-zero), only a store that can write that value
//! publishes to it. A write (not a read) of the data after the check
//! races with the writer's write outright and is reported as `data-race`,
//! with a note on the flag load.
//!
//! ## Why is this bad?
//!
//! Without ordering on the reader side, the CPU (arm64, PowerPC, RISC-V …)
//! or the compiler may satisfy the data load before the flag load. This is
//! the `MP` litmus test in `tools/memory-model/litmus-tests`: with a release
//! on the writer side but a plain or relaxed read on the reader side, LKMM
//! allows the reader to see the flag set and the old data. x86's TSO hides
//! the bug in testing; it shows up on weakly ordered machines.
//!
//! ## Example
//!
//! ```c
//! /* writer */
//! dev->result = compute();
//! smp_store_release(&dev->ready, 1);
//!
//! /* reader */
//! if (READ_ONCE(dev->ready))              /* marked, but not ordered */
//!         use(dev->result);
//! ```
//!
//! Use instead:
//!
//! ```c
//! if (smp_load_acquire(&dev->ready))
//!         use(dev->result);
//! ```
//!
//! In Rust, load the flag with `Ordering::Acquire` (kernel atomics) rather
//! than `Relaxed` or `read_volatile`.

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "missing-acquire",
    name: "MissingAcquire",
    level: Level::Error,
    short_description: "Published data read through a flag or pointer load without acquire ordering",
    help: "read the flag with smp_load_acquire() (Acquire in Rust), or add smp_rmb() before reading the data",
    tags: &["concurrency", "lkmm", "memory-ordering", "external/cwe/cwe-362"],
    precision: "medium",
};
