//! Rust half: the IRQ handler trusts that IRQs-off in the writer protects it.
#![no_std]
use core::ffi::{c_int, c_void};
use kernel::bindings;

#[repr(C)]
pub struct ModeDev {
    lock: bindings::spinlock_t,
    mode: c_int,
}

extern "C" {
    fn mode_ack(mode: c_int);
}

/// # Safety
/// `data` is the registered `struct modedev`.
#[no_mangle]
pub unsafe extern "C" fn rs_mode_irq(_irq: c_int, data: *mut c_void) -> bindings::irqreturn_t {
    let d = data as *mut ModeDev;
    let m = unsafe { (*d).mode }; // expect: ffi-data-race
    unsafe { mode_ack(m) };
    bindings::IRQ_HANDLED
}
