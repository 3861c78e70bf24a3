//! negative: two std::thread::spawn threads, built with the default panic=unwind, add to one static mut one after the other: the first is joined before the second starts.
use std::ptr::addr_of_mut;
use std::thread;

static mut TOTAL: u64 = 0;

pub fn run() -> u64 {
    let a = thread::spawn(|| unsafe { *addr_of_mut!(TOTAL) += 1 });
    let _ = a.join();
    let b = thread::spawn(|| unsafe { *addr_of_mut!(TOTAL) += 2 });
    let _ = b.join();
    unsafe { *addr_of_mut!(TOTAL) }
}
