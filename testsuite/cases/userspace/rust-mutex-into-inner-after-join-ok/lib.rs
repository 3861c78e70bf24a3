//! negative: threads add to an Arc<Mutex<Vec<u64>>> under the lock; after joining them all the spawner unwraps the Arc and takes the Vec out with into_inner.
use std::sync::{Arc, Mutex};
use std::thread;

pub fn run() -> u64 {
    let acc = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..4u64)
        .map(|i| {
            let acc = Arc::clone(&acc);
            thread::spawn(move || acc.lock().unwrap().push(i * 10))
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let v = Arc::try_unwrap(acc).unwrap().into_inner().unwrap();
    v.iter().sum()
}
