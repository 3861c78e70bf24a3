//! Rust half: owns the statistics, hands them to C to update, reads them in the IRQ handler.
#![no_std]
use core::ffi::{c_int, c_long, c_void};
use core::ptr::addr_of_mut;
use kernel::bindings;

/// Rust-owned statistics, laid out for C.
#[repr(C)]
pub struct Stats {
    lock: bindings::spinlock_t,
    total: c_long,
}

static mut STATS: Stats = Stats { lock: unsafe { core::mem::zeroed() }, total: 0 };

extern "C" {
    fn stats_record(s: *mut Stats, v: c_long);
    fn stats_show(v: c_long);
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_tick(_work: *mut bindings::work_struct) {
    unsafe { stats_record(addr_of_mut!(STATS), 1) };
}

/// # Safety
/// Called by the IRQ core.
#[no_mangle]
pub unsafe extern "C" fn rs_irq(_irq: c_int, _data: *mut c_void) -> bindings::irqreturn_t {
    let t = unsafe { (*addr_of_mut!(STATS)).total }; // expect: ffi-data-race
    unsafe { stats_show(t) };
    bindings::IRQ_HANDLED
}
