//! Rust half: a hand-rolled spinlock around the update.
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

use core::sync::atomic::{AtomicBool, Ordering};

static BUSY: AtomicBool = AtomicBool::new(false);

fn lock_panel() {
    while BUSY.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() { // expect: rust-native-lock
        core::hint::spin_loop();
    }
}

fn unlock_panel() {
    BUSY.store(false, Ordering::Release);
}

/// # Safety
/// Called by the VFS; may run on several CPUs at once.
#[no_mangle]
pub unsafe extern "C" fn rs_panel_write(_f: *mut c_void, _buf: *const c_char, len: usize, _off: *mut i64) -> isize {
    lock_panel();
    unsafe { update(len as c_int) };
    unlock_panel();
    len as isize
}
