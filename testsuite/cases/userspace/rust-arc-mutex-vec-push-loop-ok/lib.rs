//! negative: four threads spawned in a loop push to an Arc<Mutex<Vec<usize>>> under the lock; the spawner reads its length under the lock after joining them.
use std::sync::{Arc, Mutex};
use std::thread;

pub fn run() -> usize {
    let v = Arc::new(Mutex::new(Vec::new()));
    let mut hs = vec![];
    for i in 0..4 {
        let v = Arc::clone(&v);
        hs.push(thread::spawn(move || {
            v.lock().unwrap().push(i);
        }));
    }
    for h in hs {
        h.join().unwrap();
    }
    let n = v.lock().unwrap().len();
    n
}
