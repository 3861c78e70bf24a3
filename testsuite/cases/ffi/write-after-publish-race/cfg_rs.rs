//! Rust half: the IRQ handler reads the configuration.
#![no_std]
use core::ffi::{c_int, c_void};
use kernel::bindings;

#[repr(C)]
pub struct Cfg {
    threshold: c_int,
    mode: c_int,
}

extern "C" {
    fn cfg_apply(level: c_int);
}

/// # Safety
/// `data` is the `struct cfg` registered with the IRQ.
#[no_mangle]
pub unsafe extern "C" fn rs_cfg_irq(irq: c_int, data: *mut c_void) -> bindings::irqreturn_t {
    let c = data as *mut Cfg;
    unsafe {
        let limit = (*c).threshold; // expect: ffi-data-race
        if irq > limit {
            cfg_apply((*c).mode);
        }
    }
    bindings::IRQ_HANDLED
}
