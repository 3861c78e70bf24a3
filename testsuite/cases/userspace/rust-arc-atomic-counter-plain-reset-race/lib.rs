//! data-race: threads count in an Arc<AtomicUsize> with fetch_add while the spawner resets it through a plain write via as_ptr before joining them.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

pub fn run() -> usize {
    let hits = Arc::new(AtomicUsize::new(0));
    let mut handles = Vec::new();
    for _ in 0..2 {
        let hits = Arc::clone(&hits);
        handles.push(thread::spawn(move || {
            for _ in 0..100 {
                hits.fetch_add(1, Ordering::Relaxed); // expect: data-race
            }
        }));
    }
    unsafe { *hits.as_ptr() = 0 }; // expect: data-race
    for h in handles {
        h.join().unwrap();
    }
    hits.load(Ordering::Relaxed)
}
