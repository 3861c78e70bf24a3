//! data-race: two threads insert into one HashMap kept beside a Mutex<()> in a struct claiming Sync over an UnsafeCell; one holds the lock, the other inserts without it. hashbrown's table code is reported at the user's inserts (at -O0 its helpers are copied per call site, which must not hide the race).
use std::cell::UnsafeCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

struct Shared {
    lock: Mutex<()>,
    map: UnsafeCell<HashMap<u32, u32>>,
}

unsafe impl Sync for Shared {}

pub fn run() -> usize {
    let s = Arc::new(Shared { lock: Mutex::new(()), map: UnsafeCell::new(HashMap::new()) });
    let a = Arc::clone(&s);
    let b = Arc::clone(&s);
    let t1 = thread::spawn(move || {
        for i in 0..10u32 {
            let _g = a.lock.lock().unwrap();
            unsafe { (*a.map.get()).insert(i, i) }; // expect: data-race
        }
    });
    let t2 = thread::spawn(move || {
        for i in 0..10u32 {
            unsafe { (*b.map.get()).insert(100 + i, i) }; // expect: data-race
        }
    });
    t1.join().unwrap();
    t2.join().unwrap();
    let _g = s.lock.lock().unwrap();
    unsafe { (*s.map.get()).len() }
}
