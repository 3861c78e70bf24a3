//! Rust half: an RCU reader using the C accessor.
#![no_std]
use core::ffi::{c_int, c_void};
use core::ptr::addr_of;
use kernel::bindings;

#[repr(C)]
pub struct Conf {
    rate: c_int,
    burst: c_int,
}

extern "C" {
    static mut cur_conf: *mut Conf;
    fn conf_use(rate: c_int);
    fn conf_get() -> *mut Conf;
}

/// # Safety
/// Called by the IRQ core.
#[no_mangle]
pub unsafe extern "C" fn rs_conf_irq(_irq: c_int, _data: *mut c_void) -> bindings::irqreturn_t {
    let _rcu = kernel::rcu::read_lock();
    let p = unsafe { conf_get() };
    if !p.is_null() {
        unsafe { conf_use((*p).rate) };
    }
    bindings::IRQ_HANDLED
}
