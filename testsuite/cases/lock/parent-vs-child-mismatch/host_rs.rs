//! Rust half: consumes a credit under the child's own lock.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Chan {
    host: *mut Host,
    lock: bindings::spinlock_t,
    credits: c_int,
}

#[repr(C)]
pub struct Host {
    lock: bindings::spinlock_t,
    ch: [Chan; 2],
}

/// # Safety
/// `c` is one of the `ch` of a live `struct host`.
#[no_mangle]
pub unsafe extern "C" fn rs_chan_consume(c: *mut Chan) -> c_int {
    unsafe {
        let rlock = addr_of_mut!((*c).lock.rlock);
        let flags = bindings::_raw_spin_lock_irqsave(rlock);
        let left = (*c).credits; // expect: ffi-lock-mismatch
        (*c).credits = left - 1; // expect: ffi-lock-mismatch
        bindings::_raw_spin_unlock_irqrestore(rlock, flags);
        left
    }
}
