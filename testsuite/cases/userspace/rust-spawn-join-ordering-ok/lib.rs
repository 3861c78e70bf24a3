//! negative: a static mut written before std::thread::spawn and a result read after JoinHandle::join are ordered with the thread's accesses.
use std::ptr::{addr_of, addr_of_mut};
use std::thread;

static mut CONFIG: u32 = 0;
static mut RESULT: u32 = 0;

pub fn run(n: u32) -> u32 {
    unsafe { *addr_of_mut!(CONFIG) = n };
    let h = thread::spawn(|| unsafe { *addr_of_mut!(RESULT) = *addr_of!(CONFIG) * 6 });
    h.join().unwrap();
    unsafe { *addr_of!(RESULT) }
}
