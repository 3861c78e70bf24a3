//! negative: a worker fills the slot and then marks it free with a Release store; the owner waits for the mark with an Acquire load before it reuses the slot, so its write is ordered after the worker's.
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static FREE: AtomicBool = AtomicBool::new(false);
pub static mut SLOT: [u64; 4] = [0; 4];

pub fn run(v: u64) {
    let h = thread::spawn(move || {
        unsafe { SLOT[2] = v };
        FREE.store(true, Ordering::Release);
    });
    while !FREE.load(Ordering::Acquire) {
        std::hint::spin_loop();
    }
    unsafe { SLOT[2] = 0 };
    h.join().unwrap();
}
