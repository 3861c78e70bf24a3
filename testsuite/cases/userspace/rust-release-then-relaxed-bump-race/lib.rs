//! missing-release, data-race: the writer publishes with a Release store of 1 but then moves the counter on to 2 with a plain Relaxed store, which ends the release sequence (only read-modify-writes continue one); the reader acts only on 2, so the store it synchronises with is the Relaxed one, which publishes nothing: the Relaxed store lacks the release, and the table's write and read race.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

static STAGE: AtomicUsize = AtomicUsize::new(0);
static mut TABLE: [u64; 8] = [0; 8];

pub fn run(v: u64) -> u64 {
    let w = thread::spawn(move || {
        unsafe { TABLE[1] = v }; // expect: data-race
        STAGE.store(1, Ordering::Release);
        STAGE.store(2, Ordering::Relaxed); // expect: missing-release
    });
    let r = thread::spawn(|| {
        while STAGE.load(Ordering::Acquire) != 2 {
            std::hint::spin_loop();
        }
        unsafe { TABLE[1] } // expect: data-race
    });
    w.join().unwrap();
    r.join().unwrap()
}
