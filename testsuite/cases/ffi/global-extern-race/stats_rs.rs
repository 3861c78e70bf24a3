//! Rust half: the deferred work reads the C counter without taking any lock.
#![no_std]
use core::ffi::c_uint;
use kernel::bindings;

extern "C" {
    static mut stats_events: c_uint;
    fn stats_log(v: c_uint);
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_stats_work(_work: *mut bindings::work_struct) {
    let n = unsafe { stats_events }; // expect: ffi-data-race
    unsafe { stats_log(n) };
}
