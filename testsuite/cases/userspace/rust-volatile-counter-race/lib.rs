//! data-race: two threads update a static through read_volatile/write_volatile; volatile accesses are not atomic in Rust, so they race.
use std::ptr::{addr_of, addr_of_mut, read_volatile, write_volatile};
use std::thread;

static mut TICKS: u64 = 0;

fn tick() {
    unsafe {
        let v = read_volatile(addr_of!(TICKS)); // expect: data-race
        write_volatile(addr_of_mut!(TICKS), v + 1); // expect: data-race
    }
}

pub fn run() -> u64 {
    let a = thread::spawn(tick);
    let b = thread::spawn(tick);
    a.join().unwrap();
    b.join().unwrap();
    unsafe { read_volatile(addr_of!(TICKS)) }
}
