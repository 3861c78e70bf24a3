//! negative: four threads spawned in a loop add to an Arc<AtomicUsize> with Relaxed fetch_add; the spawner loads it after joining them all.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

pub fn run() -> usize {
    let c = Arc::new(AtomicUsize::new(0));
    let mut hs = Vec::new();
    for _ in 0..4 {
        let c = Arc::clone(&c);
        hs.push(thread::spawn(move || {
            for _ in 0..100 {
                c.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for h in hs {
        h.join().unwrap();
    }
    c.load(Ordering::Relaxed)
}
