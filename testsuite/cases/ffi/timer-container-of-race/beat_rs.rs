//! Rust half: the timer callback.
#![no_std]
use core::ffi::c_long;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Beat {
    lock: bindings::spinlock_t,
    ticks: c_long,
    timer: bindings::timer_list,
}

/// # Safety
/// `t` is the `timer` field of a live `struct beat`.
#[no_mangle]
pub unsafe extern "C" fn rs_beat_timer(t: *mut bindings::timer_list) {
    let b = kernel::container_of!(t, Beat, timer) as *mut Beat;
    unsafe {
        (*b).ticks += 1; // expect: ffi-data-race
        bindings::mod_timer(t, 1);
    }
}
