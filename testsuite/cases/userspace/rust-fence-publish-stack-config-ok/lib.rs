// ok: the stack config is published with a Relaxed store after a Release fence, and the worker issues an Acquire fence once its Relaxed load saw the pointer: the fences order the build before the worker's write
use std::sync::atomic::{fence, AtomicPtr, Ordering};
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
        fence(Ordering::Acquire);
        unsafe { (*c).scale = 1 };
    });
    let mut cfg = Config { limit, scale: 3 };
    fence(Ordering::Release);
    CURRENT.store(&mut cfg, Ordering::Relaxed);
    worker.join().unwrap();
    CURRENT.store(std::ptr::null_mut(), Ordering::Relaxed);
    cfg.limit * cfg.scale
}
