//! missing-acquire: the writer orders its data store with fence(Release) before a Relaxed flag store, but the reader reads the data after a Relaxed flag load with no acquire fence.
use std::sync::atomic::{fence, AtomicUsize, Ordering};
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
        fence(Ordering::Release);
        FLAG.store(1, Ordering::Relaxed);
    });
    let r = thread::spawn(move || {
        let p = p;
        if FLAG.load(Ordering::Relaxed) == 1 { // expect: missing-acquire
            unsafe { *p.0 }
        } else {
            0
        }
    });
    w.join().unwrap();
    r.join().unwrap()
}
