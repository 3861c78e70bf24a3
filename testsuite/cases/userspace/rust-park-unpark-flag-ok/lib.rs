//! negative: a worker writes a static mut, sets an AtomicBool with Release and unparks the spawner, which parks until an Acquire load sees the flag before reading the static.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

static mut RESULT: u64 = 0;

pub fn run() -> u64 {
    let done = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&done);
    let me = thread::current();
    let h = thread::spawn(move || {
        unsafe { *addr_of_mut!(RESULT) = 99 };
        flag.store(true, Ordering::Release);
        me.unpark();
    });
    while !done.load(Ordering::Acquire) {
        thread::park();
    }
    let v = unsafe { *addr_of!(RESULT) };
    h.join().unwrap();
    v
}
