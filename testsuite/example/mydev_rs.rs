// SPDX-License-Identifier: GPL-2.0
//! Rust half of seam's bundled example (see mydev.c): the work item the IRQ
//! handler schedules, and the ioctl the C file operations forward to.
#![no_std]

use core::ffi::{c_long, c_uint};
use kernel::bindings;

/// Mirror of C `struct mydev` (same layout).
#[repr(C)]
pub struct MyDev {
    lock: bindings::spinlock_t,
    irq_count: c_uint,
    last_status: c_uint,
    work: bindings::work_struct,
}

const MYDEV_GET_COUNT: c_uint = 1;
const MYDEV_GET_STATUS: c_uint = 2;

/// Work item: reads and resets the interrupt count under the device lock,
/// then logs the last status -- without the lock.
///
/// # Safety
/// `work` is the `work` field of a live `struct mydev`.
#[no_mangle]
pub unsafe extern "C" fn mydev_rust_work(work: *mut bindings::work_struct) {
    let dev = kernel::container_of!(work, MyDev, work) as *mut MyDev;
    unsafe {
        let rlock = core::ptr::addr_of_mut!((*dev).lock.rlock);
        let flags = bindings::_raw_spin_lock_irqsave(rlock);
        let seen = (*dev).irq_count;
        (*dev).irq_count = 0;
        bindings::_raw_spin_unlock_irqrestore(rlock, flags);
        let status = (*dev).last_status; // expect: ffi-data-race
        report(seen, status);
    }
}

/// `unlocked_ioctl`: both fields are read under the lock -- which does not
/// help `last_status`, since its writer does not take it.
///
/// # Safety
/// `dev` is the live device.
#[no_mangle]
pub unsafe extern "C" fn mydev_rust_ioctl(dev: *mut MyDev, cmd: c_uint) -> c_long {
    unsafe {
        match cmd {
            MYDEV_GET_COUNT => {
                let rlock = core::ptr::addr_of_mut!((*dev).lock.rlock);
                let flags = bindings::_raw_spin_lock_irqsave(rlock);
                let n = (*dev).irq_count;
                bindings::_raw_spin_unlock_irqrestore(rlock, flags);
                n as c_long
            }
            MYDEV_GET_STATUS => {
                bindings::spin_lock(core::ptr::addr_of_mut!((*dev).lock));
                let s = (*dev).last_status; // expect: ffi-data-race
                bindings::spin_unlock(core::ptr::addr_of_mut!((*dev).lock));
                s as c_long
            }
            _ => -22,
        }
    }
}

#[inline(never)]
fn report(seen: c_uint, status: c_uint) {
    core::hint::black_box((seen, status));
}
