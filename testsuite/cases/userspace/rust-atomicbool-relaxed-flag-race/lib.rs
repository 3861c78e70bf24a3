//! missing-release, missing-acquire: message passing with Relaxed orderings; the flag orders nothing.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static mut DATA: u64 = 0;
static READY: AtomicBool = AtomicBool::new(false);

pub fn run() -> u64 {
    let h = thread::spawn(|| {
        unsafe { *addr_of_mut!(DATA) = 42 };
        READY.store(true, Ordering::Relaxed); // expect: missing-release
    });
    while !READY.load(Ordering::Relaxed) { // expect: missing-acquire
        std::hint::spin_loop();
    }
    let v = unsafe { *addr_of!(DATA) };
    h.join().unwrap();
    v
}
