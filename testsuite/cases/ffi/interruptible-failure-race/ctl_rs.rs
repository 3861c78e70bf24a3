//! Rust half: the poll work reads the state under the mutex.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Ctl {
    m: bindings::mutex,
    state: c_int,
    poll_work: bindings::work_struct,
}

extern "C" {
    fn ctl_show(state: c_int);
}

/// # Safety
/// `work` is the `poll_work` of a live `struct ctl`.
#[no_mangle]
pub unsafe extern "C" fn rs_ctl_poll(work: *mut bindings::work_struct) {
    let c = kernel::container_of!(work, Ctl, poll_work) as *mut Ctl;
    unsafe {
        bindings::mutex_lock(addr_of_mut!((*c).m));
        let s = (*c).state; // expect: ffi-data-race
        bindings::mutex_unlock(addr_of_mut!((*c).m));
        ctl_show(s);
    }
}
