//! data-race: two std::thread::spawn threads, built with the default panic=unwind, each add to one static mut; both run until joined, so the adds may overlap.
use std::ptr::addr_of_mut;
use std::thread;

static mut TOTAL: u64 = 0;

pub fn run() -> u64 {
    let a = thread::spawn(|| unsafe { *addr_of_mut!(TOTAL) += 1 }); // expect: data-race
    let b = thread::spawn(|| unsafe { *addr_of_mut!(TOTAL) += 2 }); // expect: data-race
    let _ = a.join();
    let _ = b.join();
    unsafe { *addr_of_mut!(TOTAL) }
}
