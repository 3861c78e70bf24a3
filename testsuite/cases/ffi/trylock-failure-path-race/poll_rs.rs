//! Rust half: reads both counters under the lock.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Poller {
    lock: bindings::spinlock_t,
    count: c_int,
    missed: c_int,
    timer: bindings::timer_list,
    work: bindings::work_struct,
}

extern "C" {
    fn poller_consume(n: c_int, missed: c_int);
}

/// # Safety
/// `work` is the `work` of a live `struct poller`.
#[no_mangle]
pub unsafe extern "C" fn rs_poller_work(work: *mut bindings::work_struct) {
    let p = kernel::container_of!(work, Poller, work) as *mut Poller;
    unsafe {
        bindings::spin_lock(addr_of_mut!((*p).lock));
        let n = (*p).count;
        let m = (*p).missed; // expect: ffi-data-race
        (*p).count = 0;
        bindings::spin_unlock(addr_of_mut!((*p).lock));
        poller_consume(n, m);
    }
}
