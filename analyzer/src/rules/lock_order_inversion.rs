//! Two locks are taken in opposite orders on two paths that may run
//! concurrently (ABBA), possibly one path in C and the other in Rust.
//!
//! ## What it does
//!
//! Builds a static lock-order graph — an edge A → B whenever lock B is
//! acquired while A is held — over the joined C + Rust program, with lock
//! classes named by their abstract object and field (like lockdep's lock
//! classes), and reports each cycle with the two acquisition paths.
//!
//! ## Why is this bad?
//!
//! If one thread holds A and waits for B while another holds B and waits
//! for A, both wait forever. lockdep reports this at run time as "possible
//! circular locking dependency detected", but only once both orders have
//! actually been executed on the test machine; an order that only a rare
//! error path, a Rust driver or an unusual configuration takes is never
//! seen. Across the FFI boundary the two orders are in different languages,
//! different files and usually different maintainers' trees.
//!
//! ## Example
//!
//! ```c
//! /* C */
//! mutex_lock(&bus->lock);
//! mutex_lock(&dev->lock);
//! ```
//!
//! ```rust,ignore
//! // Rust
//! let _d = dev.lock.lock();
//! let _b = bus.lock.lock();
//! ```
//!
//! Use instead:
//!
//! Pick one order, document it next to the lock definitions, and take the
//! locks in that order everywhere (here: bus before device):
//!
//! ```rust,ignore
//! let _b = bus.lock.lock();
//! let _d = dev.lock.lock();
//! ```
//!
//! ## Known limitations
//!
//! Like lockdep, seam works with lock classes: two different instances of
//! the same class taken in a fixed hierarchy (parent before child,
//! `mutex_lock_nested()`) can be reported unless the nesting annotation is
//! modelled.

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "lock-order-inversion",
    name: "LockOrderInversion",
    level: Level::Error,
    short_description: "Two locks acquired in opposite orders on concurrent paths (ABBA deadlock)",
    help: "take the two locks in one documented order on every path",
    tags: &[
        "concurrency",
        "locking",
        "deadlock",
        "lockdep",
        "external/cwe/cwe-833",
    ],
    precision: "medium",
};
