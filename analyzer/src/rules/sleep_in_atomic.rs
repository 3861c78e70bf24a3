//! A function that may sleep is reached while a spinlock is held, inside an
//! RCU read-side critical section, or with interrupts or preemption disabled
//! — possibly with the lock taken in one language and the sleep in the other.
//!
//! ## What it does
//!
//! Propagates the atomic context (spinlocks, `rcu_read_lock()`,
//! `local_irq_save()`, `preempt_disable()`, hard and soft IRQ roots) through
//! the joined C + Rust call graph and reports every path that reaches a
//! may-sleep function (`mutex_lock()`, `msleep()`, `kmalloc(GFP_KERNEL)`,
//! `copy_from_user()`, `kernel::sync::Mutex::lock`, …) inside it. The
//! finding shows where the atomic context began and the call path to the
//! sleep.
//!
//! ## Why is this bad?
//!
//! Sleeping in atomic context schedules away while holding a spinlock or
//! with preemption off: another CPU spinning on that lock can wait forever,
//! an RCU grace period can be stalled, and on a uniprocessor the system
//! deadlocks. The kernel catches it only at run time, and only on the path
//! executed: "BUG: sleeping function called from invalid context" from
//! `might_sleep()` with `CONFIG_DEBUG_ATOMIC_SLEEP`, or "scheduling while
//! atomic". Rust's `klint` checks the Rust side only; a C spinlock held
//! around a call into Rust that allocates with `GFP_KERNEL` is invisible to
//! both compilers.
//!
//! ## Example
//!
//! ```c
//! spin_lock(&dev->lock);
//! rust_foo_update(dev);                   /* Rust: KBox::new(x, GFP_KERNEL)? */
//! spin_unlock(&dev->lock);
//! ```
//!
//! Use instead:
//!
//! Allocate (or do the sleeping work) before taking the lock, or use a
//! non-sleeping variant in the critical section:
//!
//! ```rust,ignore
//! let b = KBox::new(x, GFP_ATOMIC)?;       // or allocate before spin_lock()
//! ```
//!
//! ## Known limitations
//!
//! Whether a GFP flags argument allows sleeping is decided from constant
//! arguments; flags computed at run time are treated as may-sleep only when
//! the model says so.

use super::catalog::RuleInfo;
use super::Level;

pub const RULE: RuleInfo = RuleInfo {
    id: "sleep-in-atomic",
    name: "SleepInAtomic",
    level: Level::Error,
    short_description: "A function that may sleep is called in atomic context (spinlock, RCU, IRQs or preemption off)",
    help: "move the sleeping call out of the atomic section, or use a non-sleeping variant (GFP_ATOMIC, spin instead of mutex)",
    tags: &["concurrency", "locking", "ffi", "deadlock", "external/cwe/cwe-833"],
    precision: "medium",
};
