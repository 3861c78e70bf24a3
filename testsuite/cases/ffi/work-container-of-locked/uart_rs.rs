//! Rust half: the TX work item, under the C spinlock.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Uart {
    lock: bindings::spinlock_t,
    pending: c_int,
    tx_work: bindings::work_struct,
}

extern "C" {
    fn uart_start_tx();
}

/// # Safety
/// `work` is the `tx_work` field of a live `struct uart`.
#[no_mangle]
pub unsafe extern "C" fn rs_uart_tx_work(work: *mut bindings::work_struct) {
    let u = kernel::container_of!(work, Uart, tx_work) as *mut Uart;
    unsafe {
        let rlock = addr_of_mut!((*u).lock.rlock);
        let flags = bindings::_raw_spin_lock_irqsave(rlock);
        let was = (*u).pending;
        (*u).pending = 0;
        bindings::_raw_spin_unlock_irqrestore(rlock, flags);
        if was != 0 {
            uart_start_tx();
        }
    }
}
