//! Rust half: calls the C accessors.
#![no_std]
use core::ffi::{c_char, c_int, c_void};
use kernel::bindings;

const STATUS_BUSY: u32 = 1;

#[repr(C)]
pub struct Hw {
    regs: *mut u8,
    last: u32,
}

extern "C" {
    static the_hw: *mut Hw;
    fn hw_note(v: u32);
    fn hw_status(h: *mut Hw) -> u32;
    fn hw_ctrl(h: *mut Hw, v: u32);
}

/// # Safety
/// `data` is the registered `struct hw`.
#[no_mangle]
pub unsafe extern "C" fn rs_hw_irq(_irq: c_int, data: *mut c_void) -> bindings::irqreturn_t {
    let h = data as *mut Hw;
    unsafe {
        let regs = (*h).regs;
        let _ = regs;
        hw_note(hw_status(h));
    }
    bindings::IRQ_HANDLED
}

/// # Safety
/// Called by the VFS.
#[no_mangle]
pub unsafe extern "C" fn rs_hw_write(_f: *mut c_void, _buf: *const c_char, len: usize, _off: *mut i64) -> isize {
    unsafe {
        let regs = (*the_hw).regs;
        let _ = regs;
        hw_ctrl(the_hw, len as u32);
    }
    len as isize
}

/// # Safety
/// `data` is the `struct hw` passed to kthread_run.
#[no_mangle]
pub unsafe extern "C" fn rs_hw_poll(data: *mut c_void) -> c_int {
    let h = data as *mut Hw;
    unsafe {
        let regs = (*h).regs;
        let _ = regs;
        while hw_status(h) & STATUS_BUSY != 0 {
            bindings::msleep(1);
        }
    }
    0
}
