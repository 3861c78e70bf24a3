//! negative: every thread counts in a thread_local! Cell of its own and adds the result to a shared AtomicU64.
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

thread_local! {
    static LOCAL: Cell<u64> = const { Cell::new(0) };
}

static TOTAL: AtomicU64 = AtomicU64::new(0);

fn work(n: u64) {
    for i in 0..n {
        LOCAL.with(|c| c.set(c.get() + i));
    }
    TOTAL.fetch_add(LOCAL.with(|c| c.get()), Ordering::Relaxed);
}

pub fn run() -> u64 {
    let a = thread::spawn(|| work(10));
    let b = thread::spawn(|| work(20));
    work(5);
    a.join().unwrap();
    b.join().unwrap();
    TOTAL.load(Ordering::Relaxed)
}
