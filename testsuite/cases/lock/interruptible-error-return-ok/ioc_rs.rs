//! Rust half: interruptible lock with an early error return.
#![no_std]
use core::ffi::{c_long, c_uint};
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Ioc {
    m: bindings::mutex,
    value: c_long,
}

/// # Safety
/// `d` is live.
#[no_mangle]
pub unsafe extern "C" fn rs_ioc_handle(d: *mut Ioc, cmd: c_uint) -> c_long {
    unsafe {
        if bindings::mutex_lock_interruptible(addr_of_mut!((*d).m)) != 0 {
            return -4;
        }
        (*d).value = cmd as c_long;
        bindings::mutex_unlock(addr_of_mut!((*d).m));
    }
    0
}
