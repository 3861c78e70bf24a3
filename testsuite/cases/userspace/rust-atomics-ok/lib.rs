//! negative: std threads share counters through std atomics (the right tool in user space).
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;

pub fn count() -> u64 {
    let hits = Arc::new(AtomicU64::new(0));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let hits = Arc::clone(&hits);
            thread::spawn(move || {
                hits.fetch_add(1, Ordering::Relaxed);
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    hits.load(Ordering::Relaxed)
}
