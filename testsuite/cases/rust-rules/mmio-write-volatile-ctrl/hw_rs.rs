//! Rust half: volatile MMIO write in the write op; the other paths use the helpers.
#![no_std]
use core::ffi::{c_char, c_int, c_void};
use core::ptr::{read_volatile, write_volatile};
use kernel::bindings;

const REG_STATUS: usize = 0x00;
const REG_CTRL: usize = 0x04;
const STATUS_BUSY: u32 = 1;

#[repr(C)]
pub struct Hw {
    regs: *mut u8,
    last: u32,
}

extern "C" {
    static the_hw: *mut Hw;
    fn hw_note(v: u32);
}

/// # Safety
/// `data` is the registered `struct hw`.
#[no_mangle]
pub unsafe extern "C" fn rs_hw_irq(_irq: c_int, data: *mut c_void) -> bindings::irqreturn_t {
    let h = data as *mut Hw;
    unsafe {
        let regs = (*h).regs;
        let st = bindings::readl(regs.add(REG_STATUS) as *const c_void);
        hw_note(st);
    }
    bindings::IRQ_HANDLED
}

/// # Safety
/// Called by the VFS.
#[no_mangle]
pub unsafe extern "C" fn rs_hw_write(_f: *mut c_void, _buf: *const c_char, len: usize, _off: *mut i64) -> isize {
    unsafe {
        let regs = (*the_hw).regs;
        write_volatile(regs.add(REG_CTRL) as *mut u32, len as u32); // expect: rust-mmio-volatile
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
        while bindings::readl(regs.add(REG_STATUS) as *const c_void) & STATUS_BUSY != 0 {
            bindings::msleep(1);
        }
    }
    0
}
