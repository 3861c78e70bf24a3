//! Rust only: the thread forgets the lock the work item takes.
#![no_std]
use core::ffi::{c_int, c_void};
use core::ptr::addr_of_mut;
use kernel::bindings;
use kernel::sync::Mutex;

static LOCK: Mutex<()> = Mutex::new(());
static mut TOTAL: u64 = 0;

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_work(_work: *mut bindings::work_struct) {
    let _g = LOCK.lock();
    unsafe { *addr_of_mut!(TOTAL) += 1 }; // expect: data-race
}

/// # Safety
/// Called by kthread_run.
#[no_mangle]
pub unsafe extern "C" fn rs_thread(_data: *mut c_void) -> c_int {
    while !unsafe { bindings::kthread_should_stop() } {
        unsafe { *addr_of_mut!(TOTAL) = 0 }; // expect: data-race
        unsafe { bindings::msleep(100) };
    }
    0
}
