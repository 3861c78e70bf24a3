//! negative: two scoped threads add to a Mutex-protected counter under its lock; after the scope has joined them the owner changes the value through Mutex::get_mut without locking.
use std::sync::Mutex;
use std::thread;

pub fn run(extra: u64) -> u64 {
    let mut total = Mutex::new(0u64);
    thread::scope(|s| {
        s.spawn(|| *total.lock().unwrap() += 3);
        s.spawn(|| *total.lock().unwrap() += 5);
    });
    *total.get_mut().unwrap() += extra;
    total.into_inner().unwrap()
}
