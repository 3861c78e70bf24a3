//! Rust half: handles the command and drops the caller's mutex.
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
/// `d` is live and its mutex is held by the caller.
#[no_mangle]
pub unsafe extern "C" fn rs_ioc_handle(d: *mut Ioc, cmd: c_uint) -> c_long {
    unsafe {
        (*d).value = cmd as c_long;
        bindings::mutex_unlock(addr_of_mut!((*d).m)); // expect: ffi-lock-imbalance
    }
    0
}
