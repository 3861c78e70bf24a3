//! negative: a job's state word says DONE (1, stored Release after the result is filled) or CANCELLED (2, stored Relaxed by a canceller); the collector reads the result only when its Acquire load sees DONE, which only the worker's Release store writes, so the read is ordered after the worker's write whatever the canceller does.
use std::sync::atomic::{AtomicU8, Ordering};
use std::thread;

const DONE: u8 = 1;
const CANCELLED: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(0);
static mut RESULT: [u32; 4] = [0; 4];

pub fn run(seed: u32) -> u32 {
    let worker = thread::spawn(move || {
        unsafe { RESULT[0] = seed * 3 };
        STATE.store(DONE, Ordering::Release);
    });
    let canceller = thread::spawn(|| {
        STATE.store(CANCELLED, Ordering::Relaxed);
    });
    let collector = thread::spawn(|| match STATE.load(Ordering::Acquire) {
        DONE => unsafe { RESULT[0] },
        _ => {
            thread::yield_now();
            0
        }
    });
    worker.join().unwrap();
    canceller.join().unwrap();
    collector.join().unwrap()
}
