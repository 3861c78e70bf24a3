//! Rust half: a test-and-set lock around the update.
#![no_std]
use core::ffi::{c_char, c_int, c_void};
use core::ptr::{addr_of_mut, read_volatile, write_volatile};

#[repr(C)]
pub struct Panel {
    mode: c_int,
    gen: c_int,
}

extern "C" {
    static mut the_panel: Panel;
}

/// Publishes a new mode and bumps the generation; writers must be serialised.
unsafe fn update(mode: c_int) {
    unsafe {
        let p = addr_of_mut!(the_panel);
        write_volatile(addr_of_mut!((*p).mode), mode);
        write_volatile(addr_of_mut!((*p).gen), read_volatile(addr_of_mut!((*p).gen)) + 1);
    }
}

use core::sync::atomic::{AtomicU32, Ordering};

static TAS: AtomicU32 = AtomicU32::new(0);

/// # Safety
/// Called by the VFS; may run on several CPUs at once.
#[no_mangle]
pub unsafe extern "C" fn rs_panel_write(_f: *mut c_void, _buf: *const c_char, len: usize, _off: *mut i64) -> isize {
    while TAS.swap(1, Ordering::Acquire) != 0 { // expect: rust-native-lock
        core::hint::spin_loop();
    }
    unsafe { update(len as c_int) };
    TAS.store(0, Ordering::Release);
    len as isize
}
