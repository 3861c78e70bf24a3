// negative: a loader thread boxes a fresh value and publishes the box with a Release store; a reader whose Acquire load sees the pointer is ordered after Box::new's initialising write
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

static CURRENT: AtomicPtr<u64> = AtomicPtr::new(ptr::null_mut());

pub fn run(seed: u64) -> u64 {
    let loader = thread::spawn(move || {
        let fresh = Box::into_raw(Box::new(seed * 3));
        CURRENT.store(fresh, Ordering::Release);
    });
    let resetter = thread::spawn(|| {
        let p = CURRENT.load(Ordering::Acquire);
        if !p.is_null() {
            unsafe { *p = 0 };
        }
    });
    loader.join().unwrap();
    resetter.join().unwrap();
    let p = CURRENT.load(Ordering::Acquire);
    if p.is_null() { 0 } else { unsafe { *p } }
}
