//! Rust half: the `.read` op reads under the read lock.
#![no_std]
use core::ffi::{c_char, c_int, c_void};
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Table {
    lock: bindings::rwlock_t,
    entries: c_int,
}

extern "C" {
    static mut route_table: Table;
}

/// # Safety
/// Called by the VFS.
#[no_mangle]
pub unsafe extern "C" fn rs_table_read(_f: *mut c_void, _buf: *mut c_char, _len: usize, _off: *mut i64) -> isize {
    unsafe {
        let t = addr_of_mut!(route_table);
        bindings::_raw_read_lock(addr_of_mut!((*t).lock));
        let n = (*t).entries; // expect: ffi-data-race
        bindings::_raw_read_unlock(addr_of_mut!((*t).lock));
        n as isize
    }
}
