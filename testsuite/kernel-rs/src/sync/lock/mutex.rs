//! `kernel::sync::Mutex` (rust/kernel/sync/lock/mutex.rs).

use crate::bindings;

pub type Mutex<T> = super::Lock<T, MutexBackend>;

pub struct MutexBackend;

unsafe impl super::Backend for MutexBackend {
    type State = bindings::mutex;
    type GuardState = ();

    unsafe fn init(ptr: *mut Self::State) {
        unsafe { bindings::__mutex_init(ptr, core::ptr::null(), core::ptr::null_mut()) }
    }
    unsafe fn lock(ptr: *mut Self::State) -> Self::GuardState {
        unsafe { bindings::mutex_lock(ptr) }
    }
    unsafe fn unlock(ptr: *mut Self::State, _guard_state: &Self::GuardState) {
        unsafe { bindings::mutex_unlock(ptr) }
    }
    unsafe fn try_lock(ptr: *mut Self::State) -> Option<Self::GuardState> {
        // mutex_trylock returns 1 when it acquired the lock.
        if unsafe { bindings::mutex_trylock(ptr) } == 1 {
            Some(())
        } else {
            None
        }
    }
}
