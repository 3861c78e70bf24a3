//! negative: a struct in an Arc holds an AtomicBool next to an UnsafeCell<u64>; the worker writes the cell then sets the flag with Release, the spawner spins on an Acquire load before reading the cell (the one-byte flag does not overlap the cell).
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

struct S {
    ready: AtomicBool,
    data: UnsafeCell<u64>,
}
unsafe impl Sync for S {}

pub fn run() -> u64 {
    let s = Arc::new(S {
        ready: AtomicBool::new(false),
        data: UnsafeCell::new(0),
    });
    let s2 = s.clone();
    let p = thread::spawn(move || {
        unsafe { *s2.data.get() = 5 };
        s2.ready.store(true, Ordering::Release);
    });
    while !s.ready.load(Ordering::Acquire) {}
    let v = unsafe { *s.data.get() };
    p.join().unwrap();
    v
}
