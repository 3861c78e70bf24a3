//! Rust half: called with `s->lock` held by the C caller.
#![no_std]
use core::ffi::c_int;
use kernel::bindings;

/// Mirror of C `struct sensor`.
#[repr(C)]
pub struct Sensor {
    lock: bindings::spinlock_t,
    last_temp: c_int,
    alarms: c_int,
    timer: bindings::timer_list,
}

#[inline(never)]
fn read_hw() -> c_int {
    core::hint::black_box(42)
}

/// # Safety
/// `s` is a live sensor and the caller holds `s.lock`.
#[no_mangle]
pub unsafe extern "C" fn rs_sensor_sample(s: *mut Sensor) -> c_int {
    let t = read_hw();
    unsafe { (*s).last_temp = t };
    0
}
