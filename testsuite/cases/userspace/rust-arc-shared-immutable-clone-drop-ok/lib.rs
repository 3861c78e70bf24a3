//! negative: threads read an immutable Arc<Vec<u64>> and drop their clones; whoever drops last frees it (after every other owner's release decrement).
use std::sync::Arc;
use std::thread;

pub fn run() -> u64 {
    let data = Arc::new((1..=32u64).collect::<Vec<_>>());
    let handles: Vec<_> = (0..3)
        .map(|k| {
            let d = Arc::clone(&data);
            thread::spawn(move || d.iter().skip(k).sum::<u64>())
        })
        .collect();
    drop(data);
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
