//! negative: a writer thread stores through a Send raw pointer then sets a static AtomicUsize with Release; a reader thread reads the data only if an Acquire load sees the flag.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u32);
unsafe impl Send for SendPtr {}

static FLAG: AtomicUsize = AtomicUsize::new(0);

pub fn run() -> u32 {
    let mut slot = 0u32;
    let p = SendPtr(&mut slot);
    let w = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 = 1 };
        FLAG.store(1, Ordering::Release);
    });
    let r = thread::spawn(move || {
        let p = p;
        if FLAG.load(Ordering::Acquire) == 1 {
            unsafe { *p.0 }
        } else {
            0
        }
    });
    w.join().unwrap();
    r.join().unwrap()
}
