//! negative: a worker writes a static mut and then sends on a rendezvous sync_channel(0); the spawner reads the static only after recv returned.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::mpsc;
use std::thread;

static mut REPORT: [u32; 4] = [0; 4];

pub fn run() -> u32 {
    let (tx, rx) = mpsc::sync_channel::<()>(0);
    let h = thread::spawn(move || {
        unsafe {
            for i in 0..4 {
                (*addr_of_mut!(REPORT))[i] = i as u32 * 10;
            }
        }
        tx.send(()).unwrap();
    });
    rx.recv().unwrap();
    let total = unsafe { (*addr_of!(REPORT)).iter().sum() };
    h.join().unwrap();
    total
}
