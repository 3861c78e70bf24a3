//! data-race: a thread writes an Arc<AtomicU32> plainly through as_ptr() while the spawner loads it atomically.
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::thread;

pub fn run() -> u32 {
    let a = Arc::new(AtomicU32::new(0));
    let a2 = Arc::clone(&a);
    let h = thread::spawn(move || unsafe { *a2.as_ptr() = 5 }); // expect: data-race
    let v = a.load(Ordering::Relaxed); // expect: data-race
    h.join().unwrap();
    v
}
