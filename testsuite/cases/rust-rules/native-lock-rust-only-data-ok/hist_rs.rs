//! Rust half: a private histogram behind a hand-rolled lock.
#![no_std]
use core::cell::UnsafeCell;
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, Ordering};
use kernel::bindings;

struct Hist {
    busy: AtomicBool,
    buckets: UnsafeCell<[u32; 8]>,
}

unsafe impl Sync for Hist {}

static HIST: Hist = Hist { busy: AtomicBool::new(false), buckets: UnsafeCell::new([0; 8]) };

fn with_hist(f: impl FnOnce(&mut [u32; 8])) {
    while HIST.busy.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        core::hint::spin_loop();
    }
    f(unsafe { &mut *HIST.buckets.get() });
    HIST.busy.store(false, Ordering::Release);
}

extern "C" {
    fn hist_emit(total: u32);
}

/// # Safety
/// Called by the IRQ core.
#[no_mangle]
pub unsafe extern "C" fn rs_hist_irq(irq: c_int, _data: *mut c_void) -> bindings::irqreturn_t {
    with_hist(|b| b[(irq & 7) as usize] += 1);
    bindings::IRQ_HANDLED
}

/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_hist_work(_work: *mut bindings::work_struct) {
    let mut total = 0;
    with_hist(|b| {
        total = b.iter().sum();
        *b = [0; 8];
    });
    unsafe { hist_emit(total) };
}
