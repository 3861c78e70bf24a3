//! negative: an Arc<RwLock<Vec<u64>>>: one thread pushes under write(), another sums under read(); the spawner reads the length under read() after joining.
use std::sync::{Arc, RwLock};
use std::thread;

pub fn run() -> u64 {
    let d = Arc::new(RwLock::new(vec![1u64, 2, 3]));
    let w = {
        let d = Arc::clone(&d);
        thread::spawn(move || {
            for i in 0..10 {
                d.write().unwrap().push(i);
            }
        })
    };
    let r = {
        let d = Arc::clone(&d);
        thread::spawn(move || {
            let mut s = 0;
            for _ in 0..10 {
                s += d.read().unwrap().iter().sum::<u64>();
            }
            s
        })
    };
    w.join().unwrap();
    let s = r.join().unwrap();
    let n = d.read().unwrap().len() as u64;
    s + n
}
