//! data-race: a worker updates a static mut after sending on a channel; the receiver reads it right after recv, which orders nothing that follows the send.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::mpsc;
use std::thread;

static mut PROGRESS: u64 = 0;

pub fn run() -> u64 {
    let (tx, rx) = mpsc::channel::<u64>();
    let h = thread::spawn(move || {
        tx.send(1).unwrap();
        unsafe { *addr_of_mut!(PROGRESS) = 2 }; // expect: data-race
    });
    let got = rx.recv().unwrap();
    let seen = unsafe { *addr_of!(PROGRESS) }; // expect: data-race
    h.join().unwrap();
    got + seen
}
