//! Rust guards data that C also touches with a lock that is not a kernel lock
//! (a `spin` crate mutex, a std-style mutex, a hand-rolled atomic flag).
//!
//! ## What it does
//!
//! Finds Rust critical sections around memory that C code also accesses,
//! where the lock taken is not one of the modelled kernel locks
//! (`kernel::sync::{SpinLock, Mutex}`, `spin_lock`/`mutex_lock` through the
//! `rust_helper_*` wrappers, …) but a Rust-native one: `spin::Mutex`,
//! `core::sync::atomic::AtomicBool` compare-exchange loops, or a std
//! `Mutex`/`RwLock` in user-space code that shares memory with C.
//!
//! ## Why is this bad?
//!
//! The C code cannot take a lock it does not know, so the C accesses stay
//! unprotected (see `ffi-lock-mismatch`). Beyond that, a hand-rolled lock is
//! invisible to the kernel's debugging and scheduling machinery:
//!
//! - lockdep never sees it, so lock-order inversions and IRQ-safety
//!   violations involving it are never reported;
//! - it does not raise `preempt_count`, so `might_sleep()` checks
//!   (`CONFIG_DEBUG_ATOMIC_SLEEP`) do not fire for sleeps inside it, and the
//!   holder can be preempted while others spin for a whole time slice;
//! - it does not disable interrupts, so an IRQ handler spinning on it on the
//!   CPU that holds it deadlocks;
//! - it ignores `PREEMPT_RT`, where kernel spinlocks become sleeping locks.
//!
//! ## Example
//!
//! ```rust,ignore
//! static BUSY: AtomicBool = AtomicBool::new(false);
//!
//! fn update(dev: *mut bindings::foo_dev) {
//!     while BUSY.compare_exchange(false, true, Acquire, Relaxed).is_err() {}
//!     unsafe { (*dev).mode = 1 };          // C reads dev->mode under dev->lock
//!     BUSY.store(false, Release);
//! }
//! ```
//!
//! Use instead:
//!
//! ```rust,ignore
//! // A kernel lock lockdep knows about, ideally the one C already uses.
//! let mut guard = self.state.lock();       // kernel::sync::SpinLock<State>
//! guard.mode = 1;
//! ```

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "rust-native-lock",
    name: "RustNativeLock",
    level: Level::Warning,
    short_description: "Rust protects C-shared data with a lock lockdep cannot see",
    help: "use a kernel lock (kernel::sync::SpinLock/Mutex or the C struct's own lock) instead of a Rust-native lock",
    tags: &["concurrency", "locking", "ffi", "lockdep"],
    precision: "high",
};
