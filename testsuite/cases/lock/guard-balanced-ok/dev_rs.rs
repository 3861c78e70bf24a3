//! Rust half: a guard-protected critical section that calls into C.
#![no_std]
use core::ffi::c_int;
use kernel::bindings;
use kernel::sync::SpinLock;

extern "C" {
    fn dev_kick();
}

static COUNT: SpinLock<c_int> = SpinLock::new(0);

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_dev_work(_work: *mut bindings::work_struct) {
    let mut n = COUNT.lock();
    *n += 1;
    unsafe { dev_kick() };
}
