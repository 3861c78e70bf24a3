//! negative: a Relaxed swap by a third thread continues the writer's release sequence, so the reader's Acquire load that sees the swapped value still synchronises with the writer's Release store.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u32);
unsafe impl Send for SendPtr {}

static SYNC: AtomicUsize = AtomicUsize::new(0);

pub fn run() -> u32 {
    let mut slot = 0u32;
    let p = SendPtr(&mut slot);
    let w = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 = 1 };
        SYNC.store(1, Ordering::Release);
    });
    let m = thread::spawn(|| {
        SYNC.swap(2, Ordering::Relaxed);
    });
    let r = thread::spawn(move || {
        let p = p;
        if SYNC.load(Ordering::Acquire) == 2 {
            unsafe { *p.0 }
        } else {
            0
        }
    });
    w.join().unwrap();
    m.join().unwrap();
    r.join().unwrap()
}
