//! missing-acquire: the helper that waits for the flag and then reads the data takes the load's ordering as a parameter, and its caller passes Relaxed: the wait sees the Release store but orders nothing, so the read may see the data from before the write.
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

static SEQ: AtomicU32 = AtomicU32::new(0);
static mut SAMPLE: u64 = 0;

fn take_sample(seq: &AtomicU32, order: Ordering) -> u64 {
    while seq.load(order) != 1 { // expect: missing-acquire
        std::hint::spin_loop();
    }
    unsafe { SAMPLE }
}

pub fn run(v: u64) -> u64 {
    let w = thread::spawn(move || {
        unsafe { SAMPLE = v };
        SEQ.store(1, Ordering::Release);
    });
    let r = thread::spawn(|| take_sample(&SEQ, Ordering::Relaxed));
    w.join().unwrap();
    r.join().unwrap()
}
