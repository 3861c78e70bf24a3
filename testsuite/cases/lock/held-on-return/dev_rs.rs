//! Rust half: forgets to unlock on the error path.
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

/// # Safety
/// `d` is a live `struct dev`.
#[no_mangle]
pub unsafe extern "C" fn rs_dev_process(d: *mut Dev) -> c_int {
    unsafe {
        bindings::spin_lock(addr_of_mut!((*d).lock)); // expect: ffi-lock-imbalance
        if (*d).done != 0 {
            return -22;
        }
        (*d).x += 1;
        bindings::spin_unlock(addr_of_mut!((*d).lock));
    }
    0
}
