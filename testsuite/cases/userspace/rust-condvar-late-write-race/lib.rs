//! data-race: a worker sets a ready flag under a Mutex and notifies a Condvar, then writes a static mut after the guard is gone; the waiter reads the static after it saw the flag, which orders nothing that came after the notify.
use std::ptr::{addr_of, addr_of_mut};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

static mut RESULT: u64 = 0;

pub fn run() -> u64 {
    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let theirs = Arc::clone(&pair);
    let h = thread::spawn(move || {
        let (lock, cv) = &*theirs;
        *lock.lock().unwrap() = true;
        cv.notify_one();
        unsafe { *addr_of_mut!(RESULT) = 9 }; // expect: data-race
    });
    let (lock, cv) = &*pair;
    let mut ready = lock.lock().unwrap();
    while !*ready {
        ready = cv.wait(ready).unwrap();
    }
    drop(ready);
    let v = unsafe { *addr_of!(RESULT) }; // expect: data-race
    h.join().unwrap();
    v
}
