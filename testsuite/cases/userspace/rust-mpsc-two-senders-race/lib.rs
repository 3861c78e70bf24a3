//! data-race: two workers send on clones of one channel, only the first writes a static mut before its send; the receiver's one recv may get the second worker's message, so its read is not ordered after the write.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::mpsc;
use std::thread;

static mut RESULT: u64 = 0;

pub fn run(n: u64) -> u64 {
    let (tx, rx) = mpsc::channel::<u64>();
    let tx2 = tx.clone();
    let a = thread::spawn(move || {
        unsafe { *addr_of_mut!(RESULT) = n * 2 }; // expect: data-race
        tx.send(1).unwrap();
    });
    let b = thread::spawn(move || {
        tx2.send(2).unwrap();
    });
    let first = rx.recv().unwrap();
    let v = unsafe { *addr_of!(RESULT) }; // expect: data-race
    a.join().unwrap();
    b.join().unwrap();
    v + first
}
