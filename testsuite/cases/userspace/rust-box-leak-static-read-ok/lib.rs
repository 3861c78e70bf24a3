//! negative: a table is built once, leaked into a &'static reference before any thread starts, and only read by the threads.
use std::thread;

pub fn run() -> u64 {
    let table: &'static [u64] = Box::leak((0..64u64).map(|i| i * 3).collect::<Vec<_>>().into_boxed_slice());
    let a = thread::spawn(move || table[..32].iter().sum::<u64>());
    let b = thread::spawn(move || table[32..].iter().sum::<u64>());
    a.join().unwrap() + b.join().unwrap()
}
