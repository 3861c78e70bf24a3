//! data-race: two threads push onto one Vec through a wrapper that claims Sync over an UnsafeCell, without a lock; Vec::push reads and writes the vector's length and buffer in both.
use std::cell::UnsafeCell;
use std::sync::Arc;
use std::thread;

struct Log(UnsafeCell<Vec<u32>>);
unsafe impl Sync for Log {}

pub fn run() -> usize {
    let log = Arc::new(Log(UnsafeCell::new(Vec::with_capacity(64))));
    let a = Arc::clone(&log);
    let b = Arc::clone(&log);
    let t1 = thread::spawn(move || unsafe { (*a.0.get()).push(1) }); // expect: data-race
    let t2 = thread::spawn(move || unsafe { (*b.0.get()).push(2) }); // expect: data-race
    t1.join().unwrap();
    t2.join().unwrap();
    unsafe { (*log.0.get()).len() }
}
