//! negative: workers compute on their own data and send the results over one mpsc channel; the receiver sums what it receives. Nothing is shared but the channel.
use std::sync::mpsc;
use std::thread;

pub fn run() -> u64 {
    let (tx, rx) = mpsc::channel();
    for k in 0..4u64 {
        let tx = tx.clone();
        thread::spawn(move || {
            let local: Vec<u64> = (0..100).map(|i| i * k).collect();
            tx.send(local.iter().sum::<u64>()).unwrap();
        });
    }
    drop(tx);
    rx.iter().sum()
}
