//! data-race (built at O2): two threads write one UnsafeCell (unsafe Sync) each holding a different Arc<Mutex<()>> of the same type: no lock in common.
use std::cell::UnsafeCell;
use std::sync::{Arc, Mutex};
use std::thread;

struct Data(UnsafeCell<u64>);
unsafe impl Sync for Data {}

pub fn run() -> u64 {
    let d = Arc::new(Data(UnsafeCell::new(0)));
    let l1 = Arc::new(Mutex::new(()));
    let l2 = Arc::new(Mutex::new(()));
    let (d1, d2) = (Arc::clone(&d), Arc::clone(&d));
    let a = thread::spawn(move || {
        let _g = l1.lock().unwrap();
        unsafe { *d1.0.get() += 1 }; // expect: data-race
    });
    let b = thread::spawn(move || {
        let _g = l2.lock().unwrap();
        unsafe { *d2.0.get() += 2 }; // expect: data-race
    });
    a.join().unwrap();
    b.join().unwrap();
    unsafe { *d.0.get() }
}
