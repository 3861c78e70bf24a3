//! Rust half: unlocks after the C callee already did.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Dev {
    lock: bindings::spinlock_t,
    x: c_int,
    done: c_int,
    work: bindings::work_struct,
}

extern "C" {
    fn dev_finish(d: *mut Dev);
}

/// # Safety
/// `work` is the `work` of a live `struct dev`.
#[no_mangle]
pub unsafe extern "C" fn rs_dev_work(work: *mut bindings::work_struct) {
    let d = kernel::container_of!(work, Dev, work) as *mut Dev;
    unsafe {
        bindings::spin_lock(addr_of_mut!((*d).lock));
        (*d).x += 1;
        dev_finish(d);
        bindings::spin_unlock(addr_of_mut!((*d).lock)); // expect: ffi-lock-imbalance
    }
}
