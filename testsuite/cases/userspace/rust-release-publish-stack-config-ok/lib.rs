// ok: run() starts a worker, then builds a config on its stack and hands its address over with a Release store; the worker Acquire-loads the pointer, so the build happens before its write to a field
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

pub struct Config {
    limit: u64,
    scale: u64,
}

static CURRENT: AtomicPtr<Config> = AtomicPtr::new(std::ptr::null_mut());

pub fn run(limit: u64) -> u64 {
    let worker = thread::spawn(|| {
        let mut c = CURRENT.load(Ordering::Acquire);
        while c.is_null() {
            std::hint::spin_loop();
            c = CURRENT.load(Ordering::Acquire);
        }
        unsafe { (*c).scale = 1 };
    });
    let mut cfg = Config { limit, scale: 3 };
    CURRENT.store(&mut cfg, Ordering::Release);
    worker.join().unwrap();
    CURRENT.store(std::ptr::null_mut(), Ordering::Relaxed);
    cfg.limit * cfg.scale
}
