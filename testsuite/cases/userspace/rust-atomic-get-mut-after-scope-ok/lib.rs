//! negative: scoped threads count with fetch_add on a local AtomicU64; after the scope joined them the owner resets it with a plain write through AtomicU64::get_mut.
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

pub fn run() -> u64 {
    let mut hits = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                hits.fetch_add(1, Ordering::Relaxed);
            });
        }
    });
    let seen = *hits.get_mut();
    *hits.get_mut() = 0;
    seen + hits.into_inner()
}
