//! data-race: two threads pass a std Barrier, then one writes a static mut the other reads; a barrier orders only what comes before it against what comes after it.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::{Arc, Barrier};
use std::thread;

static mut SHARED: u64 = 0;

pub fn run() -> u64 {
    let barrier = Arc::new(Barrier::new(2));
    let b1 = Arc::clone(&barrier);
    let b2 = Arc::clone(&barrier);
    let w = thread::spawn(move || {
        b1.wait();
        unsafe { *addr_of_mut!(SHARED) = 7 }; // expect: data-race
    });
    let r = thread::spawn(move || {
        b2.wait();
        unsafe { *addr_of!(SHARED) } // expect: data-race
    });
    w.join().unwrap();
    r.join().unwrap()
}
