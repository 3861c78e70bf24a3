//! Rust only: a write after the guard is gone.
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
    *EVENTS.lock() += 1; // expect: data-race
    bindings::IRQ_HANDLED
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_work(_work: *mut bindings::work_struct) {
    let mut g = EVENTS.lock();
    let p: *mut u32 = &mut *g;
    drop(g);
    unsafe { *p = 0 }; // expect: data-race
}
