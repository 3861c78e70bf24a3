//! Rust half: the kthread body advances `progress` with plain stores.
#![no_std]
use core::ffi::{c_int, c_void};
use kernel::bindings;

#[repr(C)]
pub struct Pump {
    progress: c_int,
    timer: bindings::timer_list,
}

/// # Safety
/// `data` is the `struct pump` passed to kthread_run.
#[no_mangle]
pub unsafe extern "C" fn rs_pump_thread(data: *mut c_void) -> c_int {
    let p = data as *mut Pump;
    unsafe {
        while !bindings::kthread_should_stop() {
            (*p).progress += 1; // expect: ffi-data-race
            bindings::msleep(10);
        }
    }
    0
}
