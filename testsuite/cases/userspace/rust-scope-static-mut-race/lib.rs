//! data-race: two std::thread::scope threads add to a static mut without a lock, racing with each other and with the spawning thread's read inside the scope; the write before the scope and the read after it are ordered with them.
use std::ptr::{addr_of, addr_of_mut};
use std::thread;

static mut TOTAL: u64 = 0;

pub fn sum(a: u64, b: u64) -> u64 {
    unsafe { *addr_of_mut!(TOTAL) = 0 };
    let early = thread::scope(|s| {
        s.spawn(move || unsafe { *addr_of_mut!(TOTAL) += a }); // expect: data-race
        s.spawn(move || unsafe { *addr_of_mut!(TOTAL) += 2 * b }); // expect: data-race
        unsafe { *addr_of!(TOTAL) } // expect: data-race
    });
    early + unsafe { *addr_of!(TOTAL) }
}
