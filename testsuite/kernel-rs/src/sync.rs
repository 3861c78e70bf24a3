//! `kernel::sync`: locks wrapping the C ones and LKMM atomics.

pub mod atomic;
pub mod lock;

pub use lock::mutex::{Mutex, MutexBackend};
pub use lock::spinlock::{SpinLock, SpinLockBackend, SpinLockIrq, SpinLockIrqBackend};
pub use lock::{Backend, Guard, Lock};
