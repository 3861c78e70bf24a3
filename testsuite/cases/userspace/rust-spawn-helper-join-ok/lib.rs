//! negative: a helper starts the thread and returns its JoinHandle; the caller writes the static mut before calling it and reads it after joining.
use std::ptr::{addr_of, addr_of_mut};
use std::thread::{self, JoinHandle};

static mut RESULT: u64 = 0;

fn start(v: u64) -> JoinHandle<()> {
    thread::spawn(move || unsafe { *addr_of_mut!(RESULT) += v })
}

pub fn run() -> u64 {
    unsafe { *addr_of_mut!(RESULT) = 1 };
    let h = start(7);
    h.join().unwrap();
    unsafe { *addr_of!(RESULT) }
}
