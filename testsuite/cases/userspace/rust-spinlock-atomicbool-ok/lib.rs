//! negative: a hand-rolled spinlock (AtomicBool compare_exchange with Acquire, store false with Release) guards an UnsafeCell counter in every thread.
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

struct SpinCounter {
    locked: AtomicBool,
    count: UnsafeCell<u64>,
}

unsafe impl Sync for SpinCounter {}

impl SpinCounter {
    fn bump(&self) {
        while self
            .locked
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            std::hint::spin_loop();
        }
        unsafe { *self.count.get() += 1 };
        self.locked.store(false, Ordering::Release);
    }
}

pub fn run() -> u64 {
    let c = Arc::new(SpinCounter { locked: AtomicBool::new(false), count: UnsafeCell::new(0) });
    let c1 = Arc::clone(&c);
    let c2 = Arc::clone(&c);
    let a = thread::spawn(move || (0..100).for_each(|_| c1.bump()));
    let b = thread::spawn(move || (0..100).for_each(|_| c2.bump()));
    a.join().unwrap();
    b.join().unwrap();
    unsafe { *c.count.get() }
}
