//! Rust half: reads the mode under the same mutex.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct OneLock {
    mlock: bindings::mutex,
    mode: c_int,
    work: bindings::work_struct,
}

extern "C" {
    fn onelock_apply(mode: c_int);
}

/// # Safety
/// `work` is the `work` of a live `struct onelock`.
#[no_mangle]
pub unsafe extern "C" fn rs_onelock_work(work: *mut bindings::work_struct) {
    let d = kernel::container_of!(work, OneLock, work) as *mut OneLock;
    unsafe {
        bindings::mutex_lock(addr_of_mut!((*d).mlock));
        let m = (*d).mode;
        bindings::mutex_unlock(addr_of_mut!((*d).mlock));
        onelock_apply(m);
    }
}
