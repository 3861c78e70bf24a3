//! negative: workers spawned in a loop each capture a cloned Sender and their index (a closure rustc passes by pointer to the spawner's stack copy, which the next iteration rewrites after std has moved it) and send one value; the spawner sums what it receives.
use std::sync::mpsc;
use std::thread;

pub fn run() -> u64 {
    let (tx, rx) = mpsc::channel();
    let mut hs = Vec::new();
    for i in 0..4u64 {
        let tx = tx.clone();
        hs.push(thread::spawn(move || {
            tx.send(i * 2).unwrap();
        }));
    }
    drop(tx);
    let mut sum = 0;
    for v in rx {
        sum += v;
    }
    for h in hs {
        h.join().unwrap();
    }
    sum
}
