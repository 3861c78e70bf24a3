//! data-race (built at O0): std threads spawned in a loop from one thread::spawn site increment a static mut without a lock and race with each other; the read after the join loop is ordered.
use std::ptr::{addr_of, addr_of_mut};
use std::thread;

static mut HITS: u64 = 0;

pub fn run() -> u64 {
    let mut handles = Vec::new();
    for _ in 0..4 {
        handles.push(thread::spawn(|| {
            unsafe { *addr_of_mut!(HITS) += 1 }; // expect: data-race
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    unsafe { *addr_of!(HITS) }
}
