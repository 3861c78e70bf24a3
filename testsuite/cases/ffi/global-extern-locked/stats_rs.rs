//! Rust half: reads and resets the C counter under the C lock, IRQs off.
#![no_std]
use core::ffi::c_uint;
use core::ptr::addr_of_mut;
use kernel::bindings;

extern "C" {
    static mut stats_lock: bindings::spinlock_t;
    static mut stats_events: c_uint;
    fn stats_log(v: c_uint);
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_stats_work(_work: *mut bindings::work_struct) {
    unsafe {
        let rlock = addr_of_mut!(stats_lock.rlock);
        let flags = bindings::_raw_spin_lock_irqsave(rlock);
        let n = stats_events;
        stats_events = 0;
        bindings::_raw_spin_unlock_irqrestore(rlock, flags);
        stats_log(n);
    }
}
