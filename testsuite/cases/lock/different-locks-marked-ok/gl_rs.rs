//! Rust half: the IRQ handler updates the counter atomically under another lock.
#![no_std]
use core::ffi::{c_int, c_void};
use core::ptr::addr_of_mut;
use kernel::bindings;
use kernel::sync::atomic::{Atomic, Full};

extern "C" {
    static mut lock_b: bindings::spinlock_t;
    static mut shared_val: bindings::atomic_t;
}

/// # Safety
/// Called by the IRQ core.
#[no_mangle]
pub unsafe extern "C" fn rs_gl_irq(_irq: c_int, _data: *mut c_void) -> bindings::irqreturn_t {
    unsafe {
        bindings::spin_lock(addr_of_mut!(lock_b));
        Atomic::<i32>::from_ptr(addr_of_mut!(shared_val)).fetch_add(-1, Full);
        bindings::spin_unlock(addr_of_mut!(lock_b));
    }
    bindings::IRQ_HANDLED
}
