//! data-race: the reader's test of the flag is inverted: it reads the buffer while its Acquire load still sees `false`, the value from before the writer's Release store, so the read is not ordered after the write (it may run during it).
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static FILLED: AtomicBool = AtomicBool::new(false);
static mut BUF: [u8; 16] = [0; 16];

pub fn run(byte: u8) -> u8 {
    let w = thread::spawn(move || {
        unsafe { BUF[3] = byte }; // expect: data-race
        FILLED.store(true, Ordering::Release);
    });
    let r = thread::spawn(|| {
        if !FILLED.load(Ordering::Acquire) {
            unsafe { BUF[3] } // expect: data-race
        } else {
            thread::yield_now();
            0
        }
    });
    w.join().unwrap();
    r.join().unwrap()
}
