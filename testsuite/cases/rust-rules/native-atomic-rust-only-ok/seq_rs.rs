//! Rust half: a Rust-private sequence number.
#![no_std]
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicU32, Ordering};
use kernel::bindings;

static SEQ: AtomicU32 = AtomicU32::new(0);

extern "C" {
    fn seq_note(v: u32);
}

/// # Safety
/// Called by the IRQ core.
#[no_mangle]
pub unsafe extern "C" fn rs_seq_irq(_irq: c_int, _data: *mut c_void) -> bindings::irqreturn_t {
    SEQ.fetch_add(1, Ordering::Relaxed);
    bindings::IRQ_HANDLED
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_seq_work(_work: *mut bindings::work_struct) {
    unsafe { seq_note(SEQ.load(Ordering::Relaxed)) };
}
