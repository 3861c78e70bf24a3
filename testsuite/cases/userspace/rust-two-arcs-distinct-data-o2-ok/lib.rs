//! negative (built at O2): two Arc<Slot> of one type, each written through an UnsafeCell (unsafe Sync) by one thread only; the spawner reads both after joining.
use std::cell::UnsafeCell;
use std::sync::Arc;
use std::thread;

struct Slot(UnsafeCell<u64>);
unsafe impl Sync for Slot {}

pub fn run() -> u64 {
    let a = Arc::new(Slot(UnsafeCell::new(0)));
    let b = Arc::new(Slot(UnsafeCell::new(0)));
    let a2 = Arc::clone(&a);
    let b2 = Arc::clone(&b);
    let ha = thread::spawn(move || unsafe { *a2.0.get() += 1 });
    let hb = thread::spawn(move || unsafe { *b2.0.get() += 2 });
    ha.join().unwrap();
    hb.join().unwrap();
    unsafe { *a.0.get() + *b.0.get() }
}
