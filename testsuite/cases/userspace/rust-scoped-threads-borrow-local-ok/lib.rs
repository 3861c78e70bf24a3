// ok: scoped threads borrow the caller's locals (one reads a buffer, one fills a result); thread::scope joins both before it returns, so the locals outlive every use
use std::thread;

pub fn run(n: u64) -> u64 {
    let input = [n, n + 1, n + 2, n + 3];
    let mut sum = 0u64;
    let mut max = 0u64;
    thread::scope(|s| {
        s.spawn(|| sum = input.iter().sum());
        s.spawn(|| max = input.iter().copied().max().unwrap_or(0));
    });
    sum + max
}
