//! negative: std::sync::RwLock: one writer thread, one reader thread.
use std::sync::RwLock;
use std::thread;

static CONFIG: RwLock<u32> = RwLock::new(0);

pub fn reconfigure() -> u32 {
    thread::scope(|s| {
        s.spawn(|| *CONFIG.write().unwrap() += 1);
        let r = s.spawn(|| *CONFIG.read().unwrap());
        r.join().unwrap()
    })
}
