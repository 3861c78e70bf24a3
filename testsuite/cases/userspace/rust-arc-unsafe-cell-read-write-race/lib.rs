//! data-race: one thread writes the UnsafeCell field of an Arc'd struct (unsafe Sync) while another reads it; neither locks.
use std::cell::UnsafeCell;
use std::sync::Arc;
use std::thread;

struct Cell2 {
    v: UnsafeCell<u64>,
}
unsafe impl Sync for Cell2 {}

pub fn run() -> u64 {
    let c = Arc::new(Cell2 { v: UnsafeCell::new(0) });
    let c1 = c.clone();
    let c2 = c.clone();
    let w = thread::spawn(move || unsafe { *c1.v.get() = 7 }); // expect: data-race
    let r = thread::spawn(move || unsafe { *c2.v.get() }); // expect: data-race
    w.join().unwrap();
    r.join().unwrap()
}
