// data-race: a loader thread boxes a fresh value and publishes the box with a Relaxed store; a reader that loads the pointer and overwrites the value is not ordered after Box::new's initialising write
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

static CURRENT: AtomicPtr<u64> = AtomicPtr::new(ptr::null_mut());

pub fn run(seed: u64) -> u64 {
    let loader = thread::spawn(move || {
        let fresh = Box::into_raw(Box::new(seed * 3)); // expect: data-race
        CURRENT.store(fresh, Ordering::Relaxed);
    });
    let resetter = thread::spawn(|| {
        let p = CURRENT.load(Ordering::Relaxed);
        if !p.is_null() {
            unsafe { *p = 0 }; // expect: data-race
        }
    });
    loader.join().unwrap();
    resetter.join().unwrap();
    let p = CURRENT.load(Ordering::Relaxed);
    if p.is_null() { 0 } else { unsafe { *p } }
}
