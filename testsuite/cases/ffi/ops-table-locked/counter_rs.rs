//! Rust half: the `.read` operation, under the C mutex.
#![no_std]
use core::ffi::{c_char, c_long, c_void};
use core::ptr::addr_of_mut;
use kernel::bindings;

/// Mirror of C `struct counter_state`.
#[repr(C)]
pub struct CounterState {
    lock: bindings::mutex,
    reads: c_long,
    writes: c_long,
}

extern "C" {
    static mut cstate: CounterState;
}

/// # Safety
/// Called by the VFS through `counter_fops`.
#[no_mangle]
pub unsafe extern "C" fn rs_counter_read(_f: *mut c_void, _buf: *mut c_char, _len: usize, _off: *mut i64) -> isize {
    unsafe {
        let st = addr_of_mut!(cstate);
        bindings::mutex_lock(addr_of_mut!((*st).lock));
        let w = (*st).writes;
        bindings::mutex_unlock(addr_of_mut!((*st).lock));
        w as isize
    }
}
