//! data-race: with panic=unwind, a spawned thread bumps an Arc-shared counter under its Mutex while the spawning thread bumps it without taking the lock.
use std::cell::UnsafeCell;
use std::sync::{Arc, Mutex};
use std::thread;

pub struct Stats {
    hits: UnsafeCell<u64>,
    lock: Mutex<()>,
}
unsafe impl Sync for Stats {}

pub fn run() -> u64 {
    let s = Arc::new(Stats { hits: UnsafeCell::new(0), lock: Mutex::new(()) });
    let s2 = Arc::clone(&s);
    let t = thread::spawn(move || {
        let _g = s2.lock.lock();
        unsafe { *s2.hits.get() += 1 }; // expect: data-race
    });
    unsafe { *s.hits.get() += 1 }; // expect: data-race
    let _ = t.join();
    unsafe { *s.hits.get() }
}
