//! data-race: a worker fills the slot and then marks it free with a Release store; the owner waits for the mark with a Relaxed load and reuses the slot by writing it. Without an acquire the two writes are unordered: a write-write race, reported as such (a note names the Relaxed load).
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static FREE: AtomicBool = AtomicBool::new(false);
pub static mut SLOT: [u64; 4] = [0; 4];

pub fn run(v: u64) {
    let h = thread::spawn(move || {
        unsafe { SLOT[2] = v }; // expect: data-race
        FREE.store(true, Ordering::Release);
    });
    while !FREE.load(Ordering::Relaxed) {
        std::hint::spin_loop();
    }
    unsafe { SLOT[2] = 0 }; // expect: data-race
    h.join().unwrap();
}
