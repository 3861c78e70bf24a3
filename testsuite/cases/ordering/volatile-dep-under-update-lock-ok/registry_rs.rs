//! Rust half: reads the list head under the update mutex.
#![no_std]
use core::ffi::c_int;
use core::ptr::{addr_of, addr_of_mut};
use kernel::bindings;

#[repr(C)]
pub struct Node {
    next: *mut Node,
    key: c_int,
}

#[repr(C)]
pub struct Head {
    update_lock: bindings::mutex,
    first: *mut Node,
}

extern "C" {
    static mut registry: Head;
}

/// The first node's key, or -1.
#[no_mangle]
pub extern "C" fn rs_registry_first_key() -> c_int {
    unsafe {
        let h = addr_of_mut!(registry);
        bindings::mutex_lock(addr_of_mut!((*h).update_lock));
        let n = (*h).first;
        let key = if n.is_null() { -1 } else { (*n).key };
        bindings::mutex_unlock(addr_of_mut!((*h).update_lock));
        key
    }
}
