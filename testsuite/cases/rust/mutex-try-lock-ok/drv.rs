//! Rust only: Mutex with try_lock and lock.
#![no_std]
use core::ffi::{c_int, c_void};
use kernel::bindings;

extern "C" {
    fn note(v: u32);
}

use kernel::sync::Mutex;

static STATE: Mutex<u32> = Mutex::new(0);

/// # Safety
/// Process context.
#[no_mangle]
pub unsafe extern "C" fn rs_flush(_work: *mut bindings::work_struct) {
    let mut g = STATE.lock();
    *g = 0;
}

/// # Safety
/// Called by the IRQ core.
#[no_mangle]
pub unsafe extern "C" fn rs_irq(_irq: c_int, _data: *mut c_void) -> bindings::irqreturn_t {
    let _ = _irq;
    bindings::IRQ_HANDLED
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_work(_work: *mut bindings::work_struct) {
    if let Some(mut g) = STATE.try_lock() {
        *g += 1;
    }
}
