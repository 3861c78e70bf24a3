//! negative: inside thread::scope the owner joins a scoped thread's ScopedJoinHandle before it writes, through the same raw pointer, the value the thread read; the write is ordered after the read.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u64);
unsafe impl Send for SendPtr {}

pub fn run() -> u64 {
    let mut value = 10u64;
    let p = SendPtr(&mut value);
    let seen = thread::scope(|s| {
        let h = s.spawn(move || {
            let p = p;
            unsafe { *p.0 * 2 }
        });
        let seen = h.join().unwrap();
        unsafe { *p.0 += 1 };
        seen
    });
    value + seen
}
