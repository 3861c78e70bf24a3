//! Rust half: the kthread advances `progress` through the LKMM atomic API.
#![no_std]
use core::ffi::{c_int, c_void};
use core::ptr::addr_of_mut;
use kernel::bindings;
use kernel::sync::atomic::{Atomic, Relaxed};

#[repr(C)]
pub struct Pump {
    progress: bindings::atomic_t,
    timer: bindings::timer_list,
}

/// # Safety
/// `data` is the `struct pump` passed to kthread_run.
#[no_mangle]
pub unsafe extern "C" fn rs_pump_thread(data: *mut c_void) -> c_int {
    let p = data as *mut Pump;
    let progress = unsafe { Atomic::<i32>::from_ptr(addr_of_mut!((*p).progress)) };
    while !unsafe { bindings::kthread_should_stop() } {
        progress.fetch_add(1, Relaxed);
        unsafe { bindings::msleep(10) };
    }
    0
}
