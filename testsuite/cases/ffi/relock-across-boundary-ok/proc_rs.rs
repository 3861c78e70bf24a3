//! Rust half: the work item, holding the lock across the call into C.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Proc {
    lock: bindings::spinlock_t,
    pending: c_int,
    flushed: c_int,
    work: bindings::work_struct,
}

extern "C" {
    fn proc_flush_locked(p: *mut Proc);
}

/// # Safety
/// `work` is the `work` of a live `struct proc`.
#[no_mangle]
pub unsafe extern "C" fn rs_proc_work(work: *mut bindings::work_struct) {
    let p = kernel::container_of!(work, Proc, work) as *mut Proc;
    unsafe {
        bindings::spin_lock(addr_of_mut!((*p).lock));
        if (*p).pending > 0 {
            (*p).pending -= 1;
            proc_flush_locked(p);
        }
        bindings::spin_unlock(addr_of_mut!((*p).lock));
    }
}

/// Accounts a finished flush; called back from C.
///
/// # Safety
/// `p` is a live `struct proc`.
#[no_mangle]
pub unsafe extern "C" fn rs_proc_account(p: *mut Proc) {
    unsafe { (*p).flushed = 1 };
}
