//! Rust half: an RCU list reader.
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
    let _rcu = kernel::rcu::read_lock();
    let n = unsafe { core::ptr::read_volatile(addr_of!((*addr_of_mut!(registry)).first)) }; // expect: rust-volatile-dependency
    if n.is_null() {
        return -1;
    }
    unsafe { (*n).key }
}
