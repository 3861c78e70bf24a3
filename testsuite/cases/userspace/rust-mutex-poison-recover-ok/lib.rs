//! negative: threads update a static mut only while holding a std Mutex, taking the guard back out of a PoisonError when the lock was poisoned.
use std::ptr::addr_of_mut;
use std::sync::Mutex;
use std::thread;

static LOCK: Mutex<()> = Mutex::new(());
static mut TOTAL: u64 = 0;

fn add(n: u64) {
    let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    unsafe { *addr_of_mut!(TOTAL) += n };
}

pub fn run() {
    let a = thread::spawn(|| add(1));
    let b = thread::spawn(|| add(2));
    a.join().unwrap();
    b.join().unwrap();
}
