//! data-race: a thread publishes a pointer to its own stack variable through an AtomicPtr with Release, then writes and reads the variable again; another thread loads the pointer with Acquire and writes through it.
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

static SHARED: AtomicPtr<u64> = AtomicPtr::new(ptr::null_mut());

pub fn run() {
    let a = thread::spawn(|| {
        let mut local = 0u64;
        SHARED.store(&mut local, Ordering::Release);
        thread::yield_now();
        local = 1; // expect: data-race
        thread::yield_now();
        local // expect: data-race
    }); // expect: data-race
    let b = thread::spawn(|| {
        let p = SHARED.load(Ordering::Acquire);
        if !p.is_null() {
            unsafe { *p = 3 } // expect: data-race
        }
    });
    a.join().unwrap();
    b.join().unwrap();
}
