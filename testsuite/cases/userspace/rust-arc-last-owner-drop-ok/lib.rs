//! negative: an Arc<Mutex<Tally>> whose Drop reads the tally; workers add under the lock, and whichever owner is last (the spawner hands its Arc away before joining) drops it after every other owner's release.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

static LAST: AtomicU64 = AtomicU64::new(0);

struct Tally {
    n: u64,
}

impl Drop for Tally {
    fn drop(&mut self) {
        LAST.store(self.n, Ordering::Relaxed);
    }
}

pub fn run() -> u64 {
    let t = Arc::new(Mutex::new(Tally { n: 0 }));
    let mut hs = Vec::new();
    for _ in 0..2 {
        let t = Arc::clone(&t);
        hs.push(thread::spawn(move || {
            t.lock().unwrap().n += 1;
        }));
    }
    drop(t);
    for h in hs {
        h.join().unwrap();
    }
    LAST.load(Ordering::Relaxed)
}
