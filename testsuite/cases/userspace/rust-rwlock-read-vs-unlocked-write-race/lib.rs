//! data-race: a reader holds a std RwLock's read guard while it reads a static mut that one writer updates without the lock (a race) and another under the write guard (no race with the reader).
use std::ptr::{addr_of, addr_of_mut};
use std::sync::RwLock;
use std::thread;

static LOCK: RwLock<()> = RwLock::new(());
static mut LIMIT: u32 = 0;

pub fn run() -> u32 {
    let w = thread::spawn(|| unsafe { *addr_of_mut!(LIMIT) = 10 }); // expect: data-race #r, data-race #w
    let l = thread::spawn(|| {
        let _g = LOCK.write().unwrap();
        unsafe { *addr_of_mut!(LIMIT) = 20 }; // expect: data-race #w
    });
    let r = thread::spawn(|| {
        let _g = LOCK.read().unwrap();
        unsafe { *addr_of!(LIMIT) } // expect: data-race #r
    });
    w.join().unwrap();
    l.join().unwrap();
    r.join().unwrap()
}
