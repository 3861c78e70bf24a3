//! Rust half: raises the C flag with a Rust-native atomic store.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use core::sync::atomic::{AtomicI32, Ordering};
use kernel::bindings;

extern "C" {
    static mut shutdown_flag: c_int;
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_stop_work(_work: *mut bindings::work_struct) {
    unsafe { AtomicI32::from_ptr(addr_of_mut!(shutdown_flag)).store(1, Ordering::Release) }; // expect: rust-native-atomic
}
