//! The generic lock of rust/kernel/sync/lock.rs: a C lock (`Backend::State`)
//! next to the data it protects; `lock()` returns a guard that unlocks on drop.

use crate::types::Opaque;
use core::cell::UnsafeCell;
use core::marker::PhantomData;

pub mod mutex;
pub mod spinlock;

/// # Safety
/// Implementers must provide mutual exclusion between `lock` and `unlock`.
pub unsafe trait Backend {
    type State;
    type GuardState;

    /// # Safety
    /// `ptr` points to valid, pinned lock state.
    unsafe fn init(ptr: *mut Self::State);
    /// # Safety
    /// `ptr` was initialised with `init`.
    #[must_use]
    unsafe fn lock(ptr: *mut Self::State) -> Self::GuardState;
    /// # Safety
    /// The caller holds the lock.
    unsafe fn unlock(ptr: *mut Self::State, guard_state: &Self::GuardState);
    /// # Safety
    /// As for `lock`. Returns `None` when the lock was not acquired.
    unsafe fn try_lock(ptr: *mut Self::State) -> Option<Self::GuardState>;
    /// # Safety
    /// The caller released the lock with `unlock`.
    unsafe fn relock(ptr: *mut Self::State, guard_state: &mut Self::GuardState) {
        *guard_state = unsafe { Self::lock(ptr) };
    }
}

pub struct Lock<T: ?Sized, B: Backend> {
    state: Opaque<B::State>,
    pub(crate) data: UnsafeCell<T>,
}

unsafe impl<T: ?Sized + Send, B: Backend> Send for Lock<T, B> {}
unsafe impl<T: ?Sized + Send, B: Backend> Sync for Lock<T, B> {}

impl<T, B: Backend> Lock<T, B> {
    /// An unlocked lock (all-zero state is the unlocked C lock). Call
    /// [`Lock::init`] before first use, as `pin_init!` would.
    pub const fn new(t: T) -> Self {
        Self {
            state: Opaque::zeroed(),
            data: UnsafeCell::new(t),
        }
    }
}

impl<T: ?Sized, B: Backend> Lock<T, B> {
    pub fn init(&self) {
        unsafe { B::init(self.state.get()) }
    }

    pub fn lock(&self) -> Guard<'_, T, B> {
        let state = unsafe { B::lock(self.state.get()) };
        unsafe { Guard::new(self, state) }
    }

    pub fn try_lock(&self) -> Option<Guard<'_, T, B>> {
        unsafe { B::try_lock(self.state.get()).map(|state| Guard::new(self, state)) }
    }

    /// The C lock, for passing to C code that locks it itself.
    pub fn raw(&self) -> *mut B::State {
        self.state.get()
    }
}

#[must_use = "the lock unlocks immediately when the guard is unused"]
pub struct Guard<'a, T: ?Sized, B: Backend> {
    pub(crate) lock: &'a Lock<T, B>,
    pub(crate) state: B::GuardState,
    _not_send: PhantomData<*mut ()>,
}

impl<'a, T: ?Sized, B: Backend> Guard<'a, T, B> {
    /// # Safety
    /// The caller owns the lock.
    pub(crate) unsafe fn new(lock: &'a Lock<T, B>, state: B::GuardState) -> Self {
        Self {
            lock,
            state,
            _not_send: PhantomData,
        }
    }

    /// Runs `cb` with the lock released, re-acquiring it afterwards
    /// (rust/kernel/sync/lock.rs `do_unlocked`, used by condvars and binder).
    pub fn do_unlocked<U>(&mut self, cb: impl FnOnce() -> U) -> U {
        unsafe { B::unlock(self.lock.state.get(), &self.state) };
        let r = cb();
        unsafe { B::relock(self.lock.state.get(), &mut self.state) };
        r
    }
}

impl<T: ?Sized, B: Backend> core::ops::Deref for Guard<'_, T, B> {
    type Target = T;
    fn deref(&self) -> &T {
        unsafe { &*self.lock.data.get() }
    }
}

impl<T: ?Sized, B: Backend> core::ops::DerefMut for Guard<'_, T, B> {
    fn deref_mut(&mut self) -> &mut T {
        unsafe { &mut *self.lock.data.get() }
    }
}

impl<T: ?Sized, B: Backend> Drop for Guard<'_, T, B> {
    fn drop(&mut self) {
        unsafe { B::unlock(self.lock.state.get(), &self.state) };
    }
}
