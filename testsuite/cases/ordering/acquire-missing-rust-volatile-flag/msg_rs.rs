//! Rust reader: volatile flag check, no acquire.
#![no_std]
use core::ffi::{c_int, c_void};
use core::ptr::{addr_of, addr_of_mut};
use kernel::bindings;
use kernel::sync::atomic::{Acquire, Atomic, Relaxed, Release};

#[repr(C)]
pub struct Msg {
    payload: c_int,
    ready: c_int,
    work: bindings::work_struct,
}

extern "C" {
    fn compute() -> c_int;
    fn consume(v: c_int);
}

/// # Safety
/// `data` is the registered `struct msg`.
#[no_mangle]
pub unsafe extern "C" fn rs_msg_irq(_irq: c_int, data: *mut c_void) -> bindings::irqreturn_t {
    let m = data as *mut Msg;
    unsafe {
        let ready = core::ptr::read_volatile(addr_of!((*m).ready)) == 1; // expect: missing-acquire
        if ready {
            consume((*m).payload);
        }
    }
    bindings::IRQ_HANDLED
}
