//! negative: two threads each write their own static before a std Barrier and read the other's after it.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::{Arc, Barrier};
use std::thread;

static mut LEFT: u64 = 0;
static mut RIGHT: u64 = 0;

pub fn phases() -> u64 {
    let barrier = Arc::new(Barrier::new(2));
    let b1 = Arc::clone(&barrier);
    let b2 = Arc::clone(&barrier);
    let l = thread::spawn(move || {
        unsafe { *addr_of_mut!(LEFT) = 1 };
        b1.wait();
        unsafe { *addr_of!(RIGHT) }
    });
    let r = thread::spawn(move || {
        unsafe { *addr_of_mut!(RIGHT) = 2 };
        b2.wait();
        unsafe { *addr_of!(LEFT) }
    });
    l.join().unwrap() + r.join().unwrap()
}
