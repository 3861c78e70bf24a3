//! Rust half: READ_ONCE-style read of the ring head.
#![no_std]
use core::ffi::{c_int, c_void};
use core::ptr::addr_of;
use kernel::bindings;

#[repr(C)]
pub struct Ring {
    head: u32,
    timer: bindings::timer_list,
}

extern "C" {
    fn ring_note(head: u32);
}

/// # Safety
/// `data` is the registered `struct ring`.
#[no_mangle]
pub unsafe extern "C" fn rs_ring_irq(_irq: c_int, data: *mut c_void) -> bindings::irqreturn_t {
    let r = data as *mut Ring;
    unsafe { ring_note(core::ptr::read_volatile(addr_of!((*r).head))) };
    bindings::IRQ_HANDLED
}
