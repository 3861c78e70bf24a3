//! Rust writer: release flag store.
#![no_std]
use core::ffi::{c_int, c_void};
use core::ptr::{addr_of, addr_of_mut};
use kernel::bindings;
use kernel::sync::atomic::{Acquire, Atomic, Relaxed, Release};

#[repr(C)]
pub struct Msg {
    payload: c_int,
    ready: bindings::atomic_t,
    work: bindings::work_struct,
}

extern "C" {
    fn compute() -> c_int;
    fn consume(v: c_int);
}

/// # Safety
/// `work` is the `work` of a live `struct msg`.
#[no_mangle]
pub unsafe extern "C" fn rs_msg_publish(work: *mut bindings::work_struct) {
    let m = kernel::container_of!(work, Msg, work) as *mut Msg;
    unsafe {
        (*m).payload = compute();
        Atomic::<i32>::from_ptr(addr_of_mut!((*m).ready)).store(1, Release);
    }
}
