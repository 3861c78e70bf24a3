//! Rust half: the timer callback, under the C spinlock.
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
        bindings::spin_lock(addr_of_mut!((*b).lock));
        (*b).ticks += 1;
        bindings::spin_unlock(addr_of_mut!((*b).lock));
        bindings::mod_timer(t, 1);
    }
}
