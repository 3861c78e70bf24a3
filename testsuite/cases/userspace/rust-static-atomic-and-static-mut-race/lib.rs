//! data-race: workers count events in a static AtomicUsize (fine) and also in a static mut with a plain increment (a race between the workers).
use std::ptr::addr_of_mut;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

static EVENTS: AtomicUsize = AtomicUsize::new(0);
static mut SLOW_EVENTS: usize = 0;

fn record() {
    EVENTS.fetch_add(1, Ordering::Relaxed);
    unsafe { *addr_of_mut!(SLOW_EVENTS) += 1 }; // expect: data-race
}

pub fn run() -> usize {
    let a = thread::spawn(record);
    let b = thread::spawn(record);
    a.join().unwrap();
    b.join().unwrap();
    EVENTS.load(Ordering::Relaxed)
}
