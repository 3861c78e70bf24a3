//! data-race (sibling of rust-arc-mutex-counter-two-threads-o0-ok, built at O0 too): the second thread keeps a pointer into the Arc<Mutex<u64>> after its guard is dropped and adds through it without the lock.
use std::sync::{Arc, Mutex};
use std::thread;

pub fn count() -> u64 {
    let total = Arc::new(Mutex::new(0u64));
    let t1 = Arc::clone(&total);
    let a = thread::spawn(move || {
        for _ in 0..1000 {
            *t1.lock().unwrap() += 1; // expect: data-race
        }
    });
    let t2 = Arc::clone(&total);
    let b = thread::spawn(move || {
        let p: *mut u64 = {
            let mut g = t2.lock().unwrap();
            &mut *g as *mut u64
        };
        for _ in 0..1000 {
            unsafe { *p += 2 }; // expect: data-race
        }
    });
    a.join().unwrap();
    b.join().unwrap();
    let v = *total.lock().unwrap();
    v
}
