//! data-race: the spawner joins only the first of two threads before reading the static the second writes.
use std::ptr::{addr_of, addr_of_mut};
use std::thread;

static mut A: u64 = 0;
static mut B: u64 = 0;

pub fn run() -> u64 {
    let a = thread::spawn(|| unsafe { *addr_of_mut!(A) = 1 });
    let b = thread::spawn(|| unsafe { *addr_of_mut!(B) = 2 }); // expect: data-race
    a.join().unwrap();
    let v = unsafe { *addr_of!(A) + *addr_of!(B) }; // expect: data-race
    b.join().unwrap();
    v
}
