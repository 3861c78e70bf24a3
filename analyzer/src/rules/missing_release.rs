//! A writer publishes data through a flag or pointer store that is neither a
//! release nor preceded by a write barrier: readers can see the flag before
//! the data.
//!
//! ## What it does
//!
//! Finds the writer side of message passing: stores to data followed by a
//! store to a flag or pointer that another root reads before reading that
//! data. It reports the publishing store when it is not
//! `smp_store_release()`/`rcu_assign_pointer()`/`Ordering::Release`, and no
//! `smp_wmb()` (or stronger) separates the data stores from it. When the
//! reader waits for one value, the store judged is the one that writes it:
//! a Relaxed store of that value after a Release store of another ends the
//! release sequence and is reported; in user space the data pair it leaves
//! unordered is reported as `data-race` too (undefined behaviour under the
//! C11/Rust model), with a note naming the Relaxed store.
//!
//! ## Why is this bad?
//!
//! Stores can become visible to other CPUs out of program order on arm64,
//! PowerPC and RISC-V, and the compiler may reorder plain and `WRITE_ONCE()`
//! stores to different locations. A reader that correctly uses an acquire
//! still sees the flag set and the old data: LKMM forbids the stale read in
//! the `MP` litmus test only if the writer side is ordered too. Publishing a
//! pointer to a freshly initialised object without `rcu_assign_pointer()`
//! lets readers see uninitialised fields.
//!
//! ## Example
//!
//! ```c
//! cfg->threshold = val;
//! WRITE_ONCE(dev->cfg, cfg);              /* readers may see old *cfg */
//! ```
//!
//! Use instead:
//!
//! ```c
//! cfg->threshold = val;
//! rcu_assign_pointer(dev->cfg, cfg);      /* or smp_store_release() */
//! ```
//!
//! In Rust, store the flag with `Ordering::Release` through kernel atomics
//! (or call `smp_store_release()` on the C side) rather than `Relaxed` or
//! `write_volatile`.

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "missing-release",
    name: "MissingRelease",
    level: Level::Error,
    short_description: "Data published through a flag or pointer store without release ordering",
    help: "publish with smp_store_release() or rcu_assign_pointer() (Release in Rust), or add smp_wmb() before the store",
    tags: &["concurrency", "lkmm", "memory-ordering", "external/cwe/cwe-362"],
    precision: "medium",
};
