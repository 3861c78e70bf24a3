//! Rust half: opportunistic update under trylock.
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
/// `work` is the `work` of a live `struct dev`.
#[no_mangle]
pub unsafe extern "C" fn rs_dev_work(work: *mut bindings::work_struct) {
    let d = kernel::container_of!(work, Dev, work) as *mut Dev;
    unsafe {
        let l = addr_of_mut!((*d).lock);
        if bindings::spin_trylock(l) != 0 {
            (*d).x += 1;
            bindings::spin_unlock(l);
        }
    }
}
