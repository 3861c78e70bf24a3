//! Rust half: writes the sample assuming the caller holds the lock. Reached
//! unlocked from the ioctl, it races with the IRQ handler and with itself
//! (the ioctl runs on several CPUs at once, and against the locked timer path).
#![no_std]
use core::ffi::c_int;
use kernel::bindings;

#[repr(C)]
pub struct Sensor {
    lock: bindings::spinlock_t,
    last_temp: c_int,
    timer: bindings::timer_list,
}

#[inline(never)]
fn read_hw() -> c_int {
    core::hint::black_box(42)
}

/// # Safety
/// `s` is live; the caller must hold `s.lock`.
#[no_mangle]
pub unsafe extern "C" fn rs_sensor_sample(s: *mut Sensor) -> c_int {
    let t = read_hw();
    unsafe { (*s).last_temp = t }; // expect: ffi-data-race, data-race
    0
}
