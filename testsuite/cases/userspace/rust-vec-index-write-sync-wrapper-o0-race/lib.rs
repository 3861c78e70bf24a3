//! data-race (built at O0): two threads write the same element of one Vec through a wrapper claiming Sync over an UnsafeCell, without a lock.
use std::cell::UnsafeCell;
use std::sync::Arc;
use std::thread;

struct Table(UnsafeCell<Vec<u32>>);
unsafe impl Sync for Table {}

pub fn run() -> u32 {
    let t = Arc::new(Table(UnsafeCell::new(vec![0; 8])));
    let a = Arc::clone(&t);
    let b = Arc::clone(&t);
    let t1 = thread::spawn(move || unsafe { (&mut *a.0.get())[3] = 1 }); // expect: data-race
    let t2 = thread::spawn(move || unsafe { (&mut *b.0.get())[3] = 2 }); // expect: data-race
    t1.join().unwrap();
    t2.join().unwrap();
    unsafe { (&*t.0.get())[3] }
}
