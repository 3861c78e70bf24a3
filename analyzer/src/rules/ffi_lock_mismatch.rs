//! Both sides lock around a shared access, but they hold no lock in common:
//! the C side and the Rust side protect the same data with different locks.
//!
//! ## What it does
//!
//! For a pair of conflicting accesses (at least one write) from concurrent
//! roots, one in C and one in Rust, where each access is made with at least
//! one lock held but the two locksets are disjoint, reports the pair and the
//! locks each side holds, with where each was taken. A common case is a Rust
//! abstraction that wraps C data in its own `SpinLock`/`Mutex` while the C
//! code keeps using the lock embedded in the C struct.
//!
//! ## Why is this bad?
//!
//! A lock only orders the critical sections that take *that* lock. Two
//! disjoint locks give no mutual exclusion, so the accesses still form an
//! LKMM data race (explanation.txt: same location, one a store, one plain,
//! concurrent) — it just looks protected in review, on both sides. lockdep
//! will not complain either: each lock is used consistently on its own.
//!
//! ## Example
//!
//! ```c
//! /* C: the field is documented as protected by dev->lock */
//! spin_lock(&dev->lock);
//! dev->mode = mode;
//! spin_unlock(&dev->lock);
//! ```
//!
//! ```rust,ignore
//! // Rust: guarded by the Rust-side wrapper's own lock
//! let _guard = self.inner.lock();          // kernel::sync::SpinLock<Inner>
//! unsafe { (*self.raw).mode = Mode::Off as u32 };
//! ```
//!
//! Use instead:
//!
//! Take the C struct's own lock from Rust (through a binding to
//! `spin_lock(&dev->lock)` or an abstraction over it), so both sides hold the
//! same lock:
//!
//! ```rust,ignore
//! unsafe { bindings::spin_lock(&raw mut (*self.raw).lock) };
//! unsafe { (*self.raw).mode = Mode::Off as u32 };
//! unsafe { bindings::spin_unlock(&raw mut (*self.raw).lock) };
//! ```
//!
//! ## Known limitations
//!
//! Locks are named by the abstract object and byte offset they live at; two
//! lock instances that are in fact always the same object at run time but
//! that seam cannot unify (e.g. reached through an unmodelled indirection)
//! can be reported as a mismatch.

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "ffi-lock-mismatch",
    name: "FfiLockMismatch",
    level: Level::Error,
    short_description: "C and Rust guard the same data with different locks",
    help: "take the lock the C code uses for this data on the Rust side too",
    tags: &["concurrency", "locking", "ffi", "external/cwe/cwe-667"],
    precision: "medium",
};
