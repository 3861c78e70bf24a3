//! negative: a worker fills a boxed buffer and sends it over an mpsc channel; only the receiver touches it after recv, so the buffer is handed over, not shared.
use std::sync::mpsc;
use std::thread;

pub fn produce(n: usize) -> u64 {
    let (tx, rx) = mpsc::channel::<Box<[u64; 16]>>();
    let h = thread::spawn(move || {
        let mut buf = Box::new([0u64; 16]);
        for i in 0..16 {
            buf[i] = (i * n) as u64;
        }
        tx.send(buf).unwrap();
    });
    let mut buf = rx.recv().unwrap();
    buf[0] += 1;
    let sum = buf.iter().sum();
    h.join().unwrap();
    sum
}
