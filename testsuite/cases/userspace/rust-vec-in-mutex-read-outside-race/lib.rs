//! data-race: workers push onto a Vec inside a Mutex, but one reader keeps a raw pointer to the Vec taken under the lock and reads its length after dropping the guard.
use std::sync::{Arc, Mutex};
use std::thread;

struct SendPtr(*const Vec<u64>);
unsafe impl Send for SendPtr {}

pub fn run() -> usize {
    let shared = Arc::new(Mutex::new(Vec::<u64>::new()));
    let raw = SendPtr(&*shared.lock().unwrap() as *const Vec<u64>);
    let w = Arc::clone(&shared);
    let writer = thread::spawn(move || {
        for i in 0..10 {
            w.lock().unwrap().push(i); // expect: data-race
        }
    });
    let reader = thread::spawn(move || {
        let raw = raw;
        unsafe { (*raw.0).len() } // expect: data-race
    });
    writer.join().unwrap();
    reader.join().unwrap()
}
