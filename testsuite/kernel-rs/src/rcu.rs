//! `kernel::sync::rcu`: an RCU read-side critical section as a guard.

use crate::bindings;
use core::marker::PhantomData;

/// Holds the RCU read lock until dropped.
#[must_use = "the RCU read lock is released immediately when the guard is unused"]
pub struct Guard {
    _not_send: PhantomData<*mut ()>,
}

impl Guard {
    pub fn new() -> Self {
        unsafe { bindings::rcu_read_lock() };
        Self {
            _not_send: PhantomData,
        }
    }
    pub fn unlock(self) {}
}

impl Default for Guard {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        unsafe { bindings::rcu_read_unlock() };
    }
}

/// Acquires the RCU read-side lock.
pub fn read_lock() -> Guard {
    Guard::new()
}
