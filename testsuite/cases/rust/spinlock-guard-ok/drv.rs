//! Rust only: the counter lives in a SpinLock and is only reached through its guard.
#![no_std]
use core::ffi::{c_int, c_void};
use kernel::bindings;

extern "C" {
    fn note(v: u32);
}

use kernel::sync::SpinLock;

static EVENTS: SpinLock<u32> = SpinLock::new(0);

/// # Safety
/// Called by the IRQ core.
#[no_mangle]
pub unsafe extern "C" fn rs_irq(_irq: c_int, _data: *mut c_void) -> bindings::irqreturn_t {
    *EVENTS.lock() += 1;
    bindings::IRQ_HANDLED
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_work(_work: *mut bindings::work_struct) {
    let n = *EVENTS.lock();
    unsafe { note(n) };
}
