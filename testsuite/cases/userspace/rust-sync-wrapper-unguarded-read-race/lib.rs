//! data-race: a struct claims Sync over an UnsafeCell guarded by a separate Mutex<()> field; the writers hold the guard, but a peek reads the cell without it while they run.
use std::cell::UnsafeCell;
use std::sync::{Arc, Mutex};
use std::thread;

struct Guarded {
    lock: Mutex<()>,
    value: UnsafeCell<u64>,
}

unsafe impl Sync for Guarded {}

impl Guarded {
    fn add(&self, n: u64) {
        let _g = self.lock.lock().unwrap();
        unsafe { *self.value.get() += n }; // expect: data-race
    }

    fn peek(&self) -> u64 {
        unsafe { *self.value.get() } // expect: data-race
    }
}

pub fn run() -> u64 {
    let g = Arc::new(Guarded { lock: Mutex::new(()), value: UnsafeCell::new(0) });
    let w = Arc::clone(&g);
    let h = thread::spawn(move || w.add(5));
    let seen = g.peek();
    h.join().unwrap();
    seen
}
