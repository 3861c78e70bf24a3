//! Rust half: resets the level under a Rust-side SpinLock the C code never takes.
#![no_std]
use core::ffi::{c_char, c_int, c_void};
use core::ptr::addr_of_mut;
use kernel::bindings;
use kernel::sync::SpinLock;

#[repr(C)]
pub struct LevelDev {
    lock: bindings::spinlock_t,
    level: c_int,
}

extern "C" {
    static mut gdev: LevelDev;
}

static LEVEL_LOCK: SpinLock<()> = SpinLock::new(());

/// # Safety
/// Called by the VFS.
#[no_mangle]
pub unsafe extern "C" fn rs_level_write(_f: *mut c_void, _buf: *const c_char, len: usize, _off: *mut i64) -> isize {
    let _guard = LEVEL_LOCK.lock();
    unsafe { (*addr_of_mut!(gdev)).level = 0 }; // expect: ffi-lock-mismatch
    len as isize
}
