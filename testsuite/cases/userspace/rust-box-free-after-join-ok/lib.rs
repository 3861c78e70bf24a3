//! negative: a thread reads a boxed u64 through a raw pointer; the spawner frees the box only after joining it.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u64);
unsafe impl Send for SendPtr {}

pub fn run() -> u64 {
    let p = SendPtr(Box::into_raw(Box::new(5u64)));
    let r = thread::spawn(move || {
        let p = p;
        unsafe { *p.0 }
    });
    let v = r.join().unwrap();
    drop(unsafe { Box::from_raw(p.0) });
    v
}
