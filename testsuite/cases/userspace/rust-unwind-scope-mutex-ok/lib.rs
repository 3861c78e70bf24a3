//! negative: with panic=unwind, two scoped threads add to one local through a std Mutex; every access holds it.
use std::sync::Mutex;
use std::thread;

pub fn run(step: u64) -> u64 {
    let level = Mutex::new(0u64);
    thread::scope(|s| {
        s.spawn(|| *level.lock().unwrap() += step);
        s.spawn(|| *level.lock().unwrap() += step * 2);
    });
    level.into_inner().unwrap_or(0)
}
