//! `kernel::sync::SpinLock` (rust/kernel/sync/lock/spinlock.rs) and an
//! irq-saving variant bound to `_raw_spin_lock_irqsave` directly.

use crate::bindings;

pub type SpinLock<T> = super::Lock<T, SpinLockBackend>;

pub struct SpinLockBackend;

unsafe impl super::Backend for SpinLockBackend {
    type State = bindings::spinlock_t;
    type GuardState = ();

    unsafe fn init(ptr: *mut Self::State) {
        unsafe { bindings::__spin_lock_init(ptr, core::ptr::null(), core::ptr::null_mut()) }
    }
    unsafe fn lock(ptr: *mut Self::State) -> Self::GuardState {
        unsafe { bindings::spin_lock(ptr) }
    }
    unsafe fn unlock(ptr: *mut Self::State, _guard_state: &Self::GuardState) {
        unsafe { bindings::spin_unlock(ptr) }
    }
    unsafe fn try_lock(ptr: *mut Self::State) -> Option<Self::GuardState> {
        if unsafe { bindings::spin_trylock(ptr) } != 0 {
            Some(())
        } else {
            None
        }
    }
}

pub type SpinLockIrq<T> = super::Lock<T, SpinLockIrqBackend>;

pub struct SpinLockIrqBackend;

unsafe impl super::Backend for SpinLockIrqBackend {
    type State = bindings::spinlock_t;
    /// The saved interrupt flags.
    type GuardState = core::ffi::c_ulong;

    unsafe fn init(ptr: *mut Self::State) {
        unsafe { bindings::__spin_lock_init(ptr, core::ptr::null(), core::ptr::null_mut()) }
    }
    unsafe fn lock(ptr: *mut Self::State) -> Self::GuardState {
        unsafe { bindings::_raw_spin_lock_irqsave(core::ptr::addr_of_mut!((*ptr).rlock)) }
    }
    unsafe fn unlock(ptr: *mut Self::State, flags: &Self::GuardState) {
        unsafe {
            bindings::_raw_spin_unlock_irqrestore(core::ptr::addr_of_mut!((*ptr).rlock), *flags)
        }
    }
    unsafe fn try_lock(ptr: *mut Self::State) -> Option<Self::GuardState> {
        Some(unsafe { Self::lock(ptr) })
    }
}
