//! negative: a writer updates a static mut only when RwLock::try_write succeeded; readers read it under RwLock::read.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::RwLock;
use std::thread;

static GATE: RwLock<()> = RwLock::new(());
static mut SETTING: u64 = 0;

pub fn run() -> u64 {
    let w = thread::spawn(|| {
        for i in 0..100 {
            if let Ok(_g) = GATE.try_write() {
                unsafe { *addr_of_mut!(SETTING) = i };
            }
        }
    });
    let r = thread::spawn(|| {
        let _g = GATE.read().unwrap();
        unsafe { *addr_of!(SETTING) }
    });
    w.join().unwrap();
    r.join().unwrap()
}
