//! negative: the writer publishes with a Release store of 1 and moves the stage on to 2 with another Release store; whichever of them the reader's Acquire load sees, it synchronises with the writer after the table's write.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

static STAGE: AtomicUsize = AtomicUsize::new(0);
static mut TABLE: [u64; 8] = [0; 8];

pub fn run(v: u64) -> u64 {
    let w = thread::spawn(move || {
        unsafe { TABLE[3] = v };
        STAGE.store(1, Ordering::Release);
        STAGE.store(2, Ordering::Release);
    });
    let r = thread::spawn(|| {
        while STAGE.load(Ordering::Acquire) != 2 {
            std::hint::spin_loop();
        }
        unsafe { TABLE[3] }
    });
    w.join().unwrap();
    r.join().unwrap()
}
