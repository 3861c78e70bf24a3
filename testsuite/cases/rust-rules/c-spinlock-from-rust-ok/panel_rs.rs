//! Rust half: updates under the C lock with IRQs off.
#![no_std]
use core::ffi::{c_char, c_int, c_void};
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Panel {
    lock: bindings::spinlock_t,
    mode: c_int,
    gen: c_int,
}

extern "C" {
    static mut the_panel: Panel;
}

/// # Safety
/// Called by the VFS.
#[no_mangle]
pub unsafe extern "C" fn rs_panel_write(_f: *mut c_void, _buf: *const c_char, len: usize, _off: *mut i64) -> isize {
    unsafe {
        let p = addr_of_mut!(the_panel);
        let rlock = addr_of_mut!((*p).lock.rlock);
        let flags = bindings::_raw_spin_lock_irqsave(rlock);
        (*p).mode = len as c_int;
        (*p).gen += 1;
        bindings::_raw_spin_unlock_irqrestore(rlock, flags);
    }
    len as isize
}
