//! negative: message passing; a worker writes a static mut then sets an AtomicBool with Release; the spawner spins on an Acquire load before reading it.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static mut DATA: u64 = 0;
static READY: AtomicBool = AtomicBool::new(false);

pub fn run() -> u64 {
    let h = thread::spawn(|| {
        unsafe { *addr_of_mut!(DATA) = 42 };
        READY.store(true, Ordering::Release);
    });
    while !READY.load(Ordering::Acquire) {
        std::hint::spin_loop();
    }
    let v = unsafe { *addr_of!(DATA) };
    h.join().unwrap();
    v
}
