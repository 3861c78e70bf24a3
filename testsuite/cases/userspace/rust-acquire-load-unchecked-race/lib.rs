//! data-race: the reader loads the flag with Acquire but reads the static whatever it saw; only a load that sees the writer's Release store orders the read.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static READY: AtomicBool = AtomicBool::new(false);
static mut DATA: u64 = 0;

pub fn run() -> (bool, u64) {
    let w = thread::spawn(|| {
        unsafe { *addr_of_mut!(DATA) = 7 }; // expect: data-race
        READY.store(true, Ordering::Release);
    });
    let r = thread::spawn(|| {
        let seen = READY.load(Ordering::Acquire);
        let v = unsafe { *addr_of!(DATA) }; // expect: data-race
        (seen, v)
    });
    w.join().unwrap();
    r.join().unwrap()
}
