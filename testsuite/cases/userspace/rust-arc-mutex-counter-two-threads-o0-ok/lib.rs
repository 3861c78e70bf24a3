//! negative (built at O0): two std::thread::spawn threads increment an Arc<Mutex<u64>> counter; the spawner reads it under the lock after joining.
use std::sync::{Arc, Mutex};
use std::thread;

pub fn count() -> u64 {
    let total = Arc::new(Mutex::new(0u64));
    let t1 = Arc::clone(&total);
    let a = thread::spawn(move || {
        for _ in 0..1000 {
            *t1.lock().unwrap() += 1;
        }
    });
    let t2 = Arc::clone(&total);
    let b = thread::spawn(move || {
        for _ in 0..1000 {
            *t2.lock().unwrap() += 2;
        }
    });
    a.join().unwrap();
    b.join().unwrap();
    let v = *total.lock().unwrap();
    v
}
