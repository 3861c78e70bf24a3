//! Rust half: the IRQ handler reads the global under the other lock.
#![no_std]
use core::ffi::{c_int, c_void};
use core::ptr::addr_of_mut;
use kernel::bindings;

extern "C" {
    static mut lock_b: bindings::spinlock_t;
    static mut shared_val: c_int;
    fn gl_use(v: c_int);
}

/// # Safety
/// Called by the IRQ core.
#[no_mangle]
pub unsafe extern "C" fn rs_gl_irq(_irq: c_int, _data: *mut c_void) -> bindings::irqreturn_t {
    unsafe {
        bindings::spin_lock(addr_of_mut!(lock_b));
        let v = shared_val;
        bindings::spin_unlock(addr_of_mut!(lock_b));
        gl_use(v);
    }
    bindings::IRQ_HANDLED
}
