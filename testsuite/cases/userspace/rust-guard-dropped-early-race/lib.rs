//! data-race: a thread drops its MutexGuard and then updates a static mut the mutex was meant to guard; the other thread updates it under the guard.
use std::ptr::addr_of_mut;
use std::sync::Mutex;
use std::thread;

static LOCK: Mutex<()> = Mutex::new(());
static mut TOTAL: u64 = 0;

pub fn run() {
    let a = thread::spawn(|| {
        let g = LOCK.lock().unwrap();
        drop(g);
        unsafe { *addr_of_mut!(TOTAL) += 1 }; // expect: data-race
    });
    let b = thread::spawn(|| {
        let _g = LOCK.lock().unwrap();
        unsafe { *addr_of_mut!(TOTAL) += 2 }; // expect: data-race
    });
    a.join().unwrap();
    b.join().unwrap();
}
