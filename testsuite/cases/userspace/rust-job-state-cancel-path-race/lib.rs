//! data-race: a job's state word says DONE (1, stored Release by the worker after it fills the result) or CANCELLED (2, stored Relaxed by a canceller); the collector's Acquire load only reads the result on CANCELLED, a value no Release store writes, so nothing orders that read after the worker's write.
use std::sync::atomic::{AtomicU8, Ordering};
use std::thread;

const DONE: u8 = 1;
const CANCELLED: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(0);
static mut RESULT: [u32; 4] = [0; 4];

pub fn run(seed: u32) -> u32 {
    let worker = thread::spawn(move || {
        unsafe { RESULT[0] = seed * 3 }; // expect: data-race
        STATE.store(DONE, Ordering::Release);
    });
    let canceller = thread::spawn(|| {
        STATE.store(CANCELLED, Ordering::Relaxed);
    });
    let collector = thread::spawn(|| match STATE.load(Ordering::Acquire) {
        CANCELLED => unsafe { RESULT[0] }, // expect: data-race
        _ => {
            thread::yield_now();
            0
        }
    });
    worker.join().unwrap();
    canceller.join().unwrap();
    collector.join().unwrap()
}
