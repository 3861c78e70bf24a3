//! Rust half: reads the current limits through a volatile pointer load.
#![no_std]
use core::ffi::{c_char, c_long, c_void};
use core::ptr::addr_of;
use kernel::bindings;

#[repr(C)]
pub struct Limits {
    max_rate: c_long,
}

#[repr(C)]
pub struct Shaper {
    lim: *mut Limits,
    timer: bindings::timer_list,
}

extern "C" {
    static the_shaper: Shaper;
}

/// # Safety
/// Called by the VFS.
#[no_mangle]
pub unsafe extern "C" fn rs_shaper_read(_f: *mut c_void, _buf: *mut c_char, _len: usize, _off: *mut i64) -> isize {
    let l = unsafe { core::ptr::read_volatile(addr_of!(the_shaper.lim)) }; // expect: rust-volatile-dependency
    if l.is_null() {
        return 0;
    }
    unsafe { (*l).max_rate as isize }
}
