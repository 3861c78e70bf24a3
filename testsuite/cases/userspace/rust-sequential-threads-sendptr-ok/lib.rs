//! negative: a first thread writes a stack value through a Send raw pointer and is joined; only then a second thread writes it, and the spawner reads after joining the second.
use std::thread;

#[derive(Clone, Copy)]
struct SendPtr(*mut u64);
unsafe impl Send for SendPtr {}

pub fn run() -> u64 {
    let mut v = 0u64;
    let p = SendPtr(&mut v);
    thread::spawn(move || {
        let p = p;
        unsafe { *p.0 += 1 }
    })
    .join()
    .unwrap();
    thread::spawn(move || {
        let p = p;
        unsafe { *p.0 += 10 }
    })
    .join()
    .unwrap();
    v
}
