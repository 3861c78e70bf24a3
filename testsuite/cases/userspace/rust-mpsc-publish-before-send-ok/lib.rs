//! negative: a worker writes a static mut and then sends on an mpsc channel; the receiver reads the static only after recv returned the message, so the write happens before the read.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::mpsc;
use std::thread;

static mut RESULT: u64 = 0;

pub fn run(n: u64) -> u64 {
    let (tx, rx) = mpsc::channel::<()>();
    let h = thread::spawn(move || {
        unsafe { *addr_of_mut!(RESULT) = n * 2 };
        tx.send(()).unwrap();
    });
    rx.recv().unwrap();
    let v = unsafe { *addr_of!(RESULT) };
    h.join().unwrap();
    v
}
