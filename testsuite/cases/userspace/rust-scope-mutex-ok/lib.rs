//! negative: two std::thread::scope threads update a counter inside std::sync::Mutex.
use std::sync::Mutex;
use std::thread;

pub fn count_twice() -> u64 {
    let total = Mutex::new(0u64);
    thread::scope(|s| {
        s.spawn(|| *total.lock().unwrap() += 1);
        s.spawn(|| *total.lock().unwrap() += 2);
    });
    total.into_inner().unwrap()
}
