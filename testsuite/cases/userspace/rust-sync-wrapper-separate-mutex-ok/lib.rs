//! negative: a struct claims Sync over an UnsafeCell and guards it with a separate Mutex<()> field; every thread touches the cell only while holding that guard.
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
        unsafe { *self.value.get() += n };
    }

    fn get(&self) -> u64 {
        let _g = self.lock.lock().unwrap();
        unsafe { *self.value.get() }
    }
}

pub fn run() -> u64 {
    let g = Arc::new(Guarded { lock: Mutex::new(()), value: UnsafeCell::new(0) });
    let mut handles = Vec::new();
    for i in 0..3 {
        let g = Arc::clone(&g);
        handles.push(thread::spawn(move || g.add(i)));
    }
    let early = g.get();
    for h in handles {
        h.join().unwrap();
    }
    early + g.get()
}
