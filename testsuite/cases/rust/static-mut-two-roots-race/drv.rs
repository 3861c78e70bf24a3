//! Rust only: plain accesses to a static mut from two roots.
#![no_std]
use core::ffi::{c_int, c_void};
use kernel::bindings;

extern "C" {
    fn note(v: u32);
}

static mut EVENTS: u32 = 0;

/// # Safety
/// Called by the IRQ core.
#[no_mangle]
pub unsafe extern "C" fn rs_irq(_irq: c_int, _data: *mut c_void) -> bindings::irqreturn_t {
    unsafe { EVENTS += 1 }; // expect: data-race
    bindings::IRQ_HANDLED
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_work(_work: *mut bindings::work_struct) {
    let n = unsafe { EVENTS }; // expect: data-race
    unsafe { note(n) };
}
