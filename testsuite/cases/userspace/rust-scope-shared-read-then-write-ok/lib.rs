//! negative: std::thread::scope threads only read a local Vec through a shared reference; the spawner modifies it after the scope has joined them.
use std::thread;

pub fn run() -> u64 {
    let mut data: Vec<u64> = (1..=16).collect();
    let (a, b) = thread::scope(|s| {
        let left = s.spawn(|| data[..8].iter().sum::<u64>());
        let right = s.spawn(|| data[8..].iter().sum::<u64>());
        (left.join().unwrap(), right.join().unwrap())
    });
    data.push(a + b);
    data.iter().sum()
}
