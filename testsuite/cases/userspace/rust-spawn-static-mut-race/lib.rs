//! data-race: a std::thread::spawn thread writes a static mut the spawning thread reads before joining.
use std::ptr::addr_of_mut;
use std::thread;

static mut LAST: u64 = 0;

pub fn run() -> u64 {
    let h = thread::spawn(|| unsafe { *addr_of_mut!(LAST) = 42 }); // expect: data-race
    let seen = unsafe { *addr_of_mut!(LAST) }; // expect: data-race
    let _ = h.join();
    seen
}
