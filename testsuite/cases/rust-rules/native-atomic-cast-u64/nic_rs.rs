//! Rust half: counts received bytes through a cast to a core atomic.
#![no_std]
use core::ffi::{c_int, c_void};
use core::ptr::addr_of;
use core::sync::atomic::{AtomicU64, Ordering};
use kernel::bindings;

#[repr(C)]
pub struct Nic {
    rx_bytes: u64,
}

/// # Safety
/// `data` is the registered `struct nic`.
#[no_mangle]
pub unsafe extern "C" fn rs_nic_irq(irq: c_int, data: *mut c_void) -> bindings::irqreturn_t {
    let n = data as *mut Nic;
    let counter = unsafe { &*(addr_of!((*n).rx_bytes) as *const AtomicU64) };
    counter.fetch_add(irq as u64 * 64, Ordering::Relaxed); // expect: rust-native-atomic
    bindings::IRQ_HANDLED
}
