//! data-race: a shared wrapper around UnsafeCell claims Sync and two threads write through it without a lock.
use std::cell::UnsafeCell;
use std::sync::Arc;
use std::thread;

struct Shared(UnsafeCell<u64>);
unsafe impl Sync for Shared {}

pub fn run() -> u64 {
    let s = Arc::new(Shared(UnsafeCell::new(0)));
    let s2 = Arc::clone(&s);
    let h = thread::spawn(move || unsafe { *s2.0.get() += 1 }); // expect: data-race
    unsafe { *s.0.get() += 2 }; // expect: data-race
    h.join().unwrap();
    unsafe { *s.0.get() }
}
