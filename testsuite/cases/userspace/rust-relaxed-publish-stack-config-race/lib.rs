// data-race: run() starts a worker, then builds a config on its stack and hands its address over with a Relaxed store; the worker's Relaxed load of the pointer orders nothing, so its write to a field is unordered with the build
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

pub struct Config {
    limit: u64,
    scale: u64,
}

static CURRENT: AtomicPtr<Config> = AtomicPtr::new(std::ptr::null_mut());

pub fn run(limit: u64) -> u64 {
    let worker = thread::spawn(|| {
        let mut c = CURRENT.load(Ordering::Relaxed);
        while c.is_null() {
            std::hint::spin_loop();
            c = CURRENT.load(Ordering::Relaxed);
        }
        unsafe { (*c).scale = 1 }; // expect: data-race
    });
    let mut cfg = Config { limit, scale: 3 }; // expect: data-race
    CURRENT.store(&mut cfg, Ordering::Relaxed);
    worker.join().unwrap();
    CURRENT.store(std::ptr::null_mut(), Ordering::Relaxed);
    cfg.limit * cfg.scale
}
