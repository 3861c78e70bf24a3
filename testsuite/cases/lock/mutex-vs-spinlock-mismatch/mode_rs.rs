//! Rust half: reads the mode under the spinlock instead of the mutex.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct TwoLock {
    mlock: bindings::mutex,
    slock: bindings::spinlock_t,
    mode: c_int,
    work: bindings::work_struct,
}

extern "C" {
    fn twolock_apply(mode: c_int);
}

/// # Safety
/// `work` is the `work` of a live `struct twolock`.
#[no_mangle]
pub unsafe extern "C" fn rs_twolock_work(work: *mut bindings::work_struct) {
    let d = kernel::container_of!(work, TwoLock, work) as *mut TwoLock;
    unsafe {
        bindings::spin_lock(addr_of_mut!((*d).slock));
        let m = (*d).mode; // expect: ffi-lock-mismatch
        bindings::spin_unlock(addr_of_mut!((*d).slock));
        twolock_apply(m);
    }
}
